/**
 * `ims-rig virtual-device` as users and the harness run it: the built CLI as a child process,
 * reached through the adb server door by adbkit, and through a private adb server when adb exists.
 */
import { type ChildProcessWithoutNullStreams, execFileSync, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Adb from '@devicefarmer/adbkit';
import { adbAvailableSync, startPrivateAdbServer } from '../../../harness/testing';
import { deviationProfiles } from '../run-virtual-device';

jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, '..', '..', '..');
const BIN = path.join(ROOT, 'bin', 'ims-rig.js');

beforeAll(() => {
  // Other parts of the tree may be mid-edit: tsc still emits what compiles; what we need must exist.
  try {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe' });
  } catch {
    // type errors elsewhere do not stop the emit
  }
  expect(fs.existsSync(path.join(ROOT, 'dist', 'virtual-device', 'cli', 'run-virtual-device.js'))).toBe(true);
}, 240_000);

function start(args: string[]): { child: ChildProcessWithoutNullStreams; firstLines: (n: number) => Promise<string[]>; exit: Promise<{ code: number | null; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, [BIN, 'virtual-device', ...args], { cwd: ROOT });
  let stdout = '';
  let stderr = '';
  const listeners: (() => void)[] = [];
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    listeners.forEach((l) => l());
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exit = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  const firstLines = (n: number): Promise<string[]> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        const lines = stdout.split('\n');
        if (lines.length > n) resolve(lines.slice(0, n));
      };
      listeners.push(check);
      void exit.then(() => reject(new Error(`exited before ${n} lines: ${stdout}${stderr}`)));
      check();
    });
  return { child, firstLines, exit };
}

describe('ims-rig virtual-device', () => {
  test('--list-deviations prints name and description per profile and exits 0', () => {
    const r = spawnSync(process.execPath, [BIN, 'virtual-device', '--list-deviations'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(deviationProfiles().length);
    for (const profile of deviationProfiles()) expect(r.stdout).toMatch(new RegExp(`^${profile.name} +${profile.description.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
  });

  test('an unknown --deviation or a bad --port is a usage error (exit 2) naming the choices', () => {
    const bad = spawnSync(process.execPath, [BIN, 'virtual-device', '--deviation', 'no-such-bug'], { cwd: ROOT, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--deviation no-such-bug: unknown deviation; known: ');
    expect(bad.stderr).toContain(deviationProfiles()[0]!.name);
    const port = spawnSync(process.execPath, [BIN, 'virtual-device', '--port', 'http'], { cwd: ROOT, encoding: 'utf8' });
    expect(port.status).toBe(2);
  });

  test('--json: the ready line, the device through the door (and adb when present), SIGTERM stops it', async () => {
    const run = start(['--port', '0', '--server-port', '0', '--json', '--time-scale', '0.01']);
    const [line] = await run.firstLines(1);
    const ready = JSON.parse(line!) as { event: string; serial: string; port: number; serverPort: number };
    expect(ready).toEqual({ event: 'ready', serial: `127.0.0.1:${ready.port}`, port: ready.port, serverPort: expect.any(Number) });
    const client = Adb.createClient({ host: '127.0.0.1', port: ready.serverPort, bin: '/nonexistent/adb' });
    expect(await client.listDevices()).toEqual([{ id: ready.serial, type: 'device' }]);
    const sdk = await Adb.util.readAll(await client.getDevice(ready.serial).shell('getprop ro.build.version.sdk'));
    expect(sdk.toString()).toBe('35\n');
    if (adbAvailableSync()) {
      const server = await startPrivateAdbServer();
      try {
        await server.connect(ready.serial);
        expect(await server.adb(['-s', ready.serial, 'shell', 'echo', 'over adb'])).toEqual({ stdout: 'over adb\n', stderr: '', code: 0 });
      } finally {
        await server.stop();
      }
    }
    run.child.kill('SIGTERM');
    const { code, stdout } = await run.exit;
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
  });

  test('--exit-with-parent: the device stops when its stdin closes (the program that started it died, even by SIGKILL)', async () => {
    const run = start(['--port', '0', '--json', '--exit-with-parent', '--time-scale', '0.01']);
    await run.firstLines(1);
    run.child.stdin.end();
    const { code } = await run.exit;
    expect(code).toBe(0);
  });

  test('--exit-with-parent: SIGTERM still stops it, and it does not linger on its open stdin', async () => {
    const run = start(['--port', '0', '--json', '--exit-with-parent', '--time-scale', '0.01']);
    await run.firstLines(1);
    run.child.kill('SIGTERM');
    const { code } = await run.exit;
    expect(code).toBe(0);
  });

  test('human output for 2 slots and a deviation; SIGINT stops it cleanly', async () => {
    const name = deviationProfiles()[0]!.name;
    const run = start(['--port', '0', '--slots', '2', '--deviation', name]);
    const [first, second] = await run.firstLines(2);
    const port = /127\.0\.0\.1:(\d+)/.exec(first!)?.[1];
    expect(first).toBe(`ims-rig reference device 127.0.0.1:${port} (Android 15 userdebug, 2 slots, deviation ${name})`);
    expect(second).toBe(`  adb connect 127.0.0.1:${port}`);
    run.child.kill('SIGINT');
    const { code, stdout } = await run.exit;
    expect(code).toBe(0);
    expect(stdout).toContain('ims-rig reference device stopped');
  });
});
