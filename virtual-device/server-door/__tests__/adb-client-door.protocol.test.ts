/**
 * The adb *client* binary pointed at the server door (`adb -P <door port>`): the door answers
 * host:version with 41 (adb 29.0.6's ADB_SERVER_VERSION), so the client talks to it as to its
 * own server: devices, features, shell v2 exit codes, push/pull, forward.
 */
import { execFile } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { adbBinary, describeWithAdb, startReferenceDevice, type StartedReferenceDevice } from '../../../harness/testing';
import { FakeAndroidDevice } from '../../services/__tests__/fake-android-device';

jest.setTimeout(60_000);

describeWithAdb('the adb client against the server door', () => {
  let reference: StartedReferenceDevice;
  let work: string;
  const adb = (args: string[]): Promise<{ stdout: string; stderr: string; code: number }> =>
    new Promise((resolve) => {
      // A private HOME: the client must not find (or start) anything of the user's.
      execFile(adbBinary(), ['-P', String(reference.serverPort), ...args], { env: { ...process.env, HOME: work }, timeout: 20_000 }, (error, stdout, stderr) =>
        resolve({ stdout, stderr, code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1 }));
    });

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'ims-rig-door-adb-'));
    reference = await startReferenceDevice({ createDevice: () => new FakeAndroidDevice() });
  });

  afterAll(async () => {
    await reference?.stop();
    fs.rmSync(work, { recursive: true, force: true });
  });

  test('devices -l and features', async () => {
    expect((await adb(['devices', '-l'])).stdout).toBe(
      `List of devices attached\n${reference.serial.padEnd(22)} device product:ims_rig_fake model:Fake_Phone device:fake transport_id:1\n\n`,
    );
    expect((await adb(['-s', reference.serial, 'features'])).stdout).toContain('shell_v2');
  });

  test('shell v2 through the door: output, stderr and exit codes', async () => {
    expect(await adb(['-s', reference.serial, 'shell', 'echo', 'hi'])).toEqual({ stdout: 'hi\n', stderr: '', code: 0 });
    expect((await adb(['-s', reference.serial, 'shell', 'exit 7'])).code).toBe(7);
    expect((await adb(['-s', reference.serial, 'shell', 'nosuch'])).stderr).toContain('nosuch: inaccessible or not found');
  });

  test('push and pull byte-identical', async () => {
    const source = path.join(work, 'in.bin');
    const content = crypto.randomBytes(1_500_000);
    fs.writeFileSync(source, content);
    expect((await adb(['-s', reference.serial, 'push', source, '/data/local/tmp/in.bin'])).code).toBe(0);
    const target = path.join(work, 'out.bin');
    expect((await adb(['-s', reference.serial, 'pull', '/data/local/tmp/in.bin', target])).code).toBe(0);
    expect(fs.readFileSync(target).equals(content)).toBe(true);
  });

  test('forward tcp:0 prints the port it bound; forward --list shows it', async () => {
    const forward = await adb(['-s', reference.serial, 'forward', 'tcp:0', 'tcp:9']);
    expect(forward.stdout).toMatch(/^\d+\n$/);
    // The server's list ends each line with \n (adb_listeners.cpp format_listeners); the client adds one more.
    expect((await adb(['forward', '--list'])).stdout).toBe(`${reference.serial} tcp:${forward.stdout.trim()} tcp:9\n\n`);
    expect((await adb(['forward', '--remove-all'])).code).toBe(0);
    expect((await adb(['forward', '--list'])).stdout).toBe('\n');
  });
});
