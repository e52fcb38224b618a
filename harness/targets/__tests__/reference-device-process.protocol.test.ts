/**
 * The child-process plumbing of reference-device-process.ts with stand-in scripts in place of
 * `ims-rig virtual-device --json`: argv, the ready line, early exits, timeouts, stop().
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AdbError, TimeoutError, UsageError } from '../../errors';
import { referenceDeviceProcessStarter } from '../reference-device-process';

jest.setTimeout(30_000);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ims-rig-refproc-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function script(name: string, body: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, body);
  return file;
}

const argvFile = path.join(dir, 'argv.json');
const stoppedFile = path.join(dir, 'stopped');
// The SIGTERM handler goes in before the ready lines, as in the real one (run-virtual-device.ts):
// a parent may stop the child as soon as it reads them.
const ready = script('ready.js', `
  process.on('SIGTERM', () => { require('fs').writeFileSync(${JSON.stringify(stoppedFile)}, 'yes'); process.exit(0); });
  require('fs').writeFileSync(${JSON.stringify(argvFile)}, JSON.stringify(process.argv.slice(2)));
  console.log('ims-rig reference device 127.0.0.1:4242 (Android 15 userdebug, 2 slot(s))');
  console.log(JSON.stringify({ event: 'ready', serial: '127.0.0.1:4242', port: 4242, serverPort: 4243 }));
  setInterval(() => undefined, 1000);
`);

it('passes the options, reads the ready line among human lines, and stop() ends the child', async () => {
  const handle = await referenceDeviceProcessStarter(ready)({ slots: 2, deviation: 'carrier-without-feature', timeScale: 0.01 });
  expect(handle).toMatchObject({ serial: '127.0.0.1:4242', port: 4242, serverPort: 4243 });
  expect(JSON.parse(fs.readFileSync(argvFile, 'utf8'))).toEqual([
    'virtual-device', '--port', '0', '--server-port', '0', '--json', '--exit-with-parent', '--slots', '2', '--deviation', 'carrier-without-feature', '--time-scale', '0.01',
  ]);
  await handle.stop();
  expect(fs.readFileSync(stoppedFile, 'utf8')).toBe('yes');
  await handle.stop(); // idempotent
});

it('a child that refuses its options (exit 2) is a UsageError with its words; any other early exit an AdbError', async () => {
  const refused = script('refused.js', "process.stderr.write('ims-rig: unknown deviation nope (known: a, b)\\n'); process.exit(2);");
  const usage = await referenceDeviceProcessStarter(refused)({ deviation: 'nope' }).catch((e: unknown) => e);
  expect(usage).toBeInstanceOf(UsageError);
  expect((usage as UsageError).message).toBe('unknown deviation nope (known: a, b)');
  const crashed = script('crashed.js', "process.stderr.write('boom\\n'); process.exit(3);");
  const error = await referenceDeviceProcessStarter(crashed)({}).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AdbError);
  expect((error as AdbError).message).toMatch(/exited before it was ready \(exit 3\): boom/);
});

it('a child that never reports ready times out and is killed', async () => {
  const pidFile = path.join(dir, 'silent.pid');
  const silent = script('silent.js', `require('fs').writeFileSync(${JSON.stringify(pidFile)}, String(process.pid)); setInterval(() => undefined, 1000);`);
  await expect(referenceDeviceProcessStarter(silent)({ readyTimeoutMs: 500 })).rejects.toBeInstanceOf(TimeoutError);
  const pid = Number(fs.readFileSync(pidFile, 'utf8'));
  for (let i = 0; i < 50; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return; // gone
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`child ${pid} is still alive`);
});
