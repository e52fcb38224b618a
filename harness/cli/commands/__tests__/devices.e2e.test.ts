// `ims-rig devices` as a user runs it: the built CLI as a child process, pointed at a private adb
// server (ANDROID_ADB_SERVER_PORT) that sees a reference-device host with the transport double.
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findAdbBinary } from '../../../adb';
import { AdbTestDevice } from '../../../adb/__tests__/adb-test-device';
import { NO_ADB_REASON, startPrivateAdbServer, startReferenceDevice, type PrivateAdbServer, type StartedReferenceDevice } from '../../../testing';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const BIN = path.join(ROOT, 'bin', 'ims-rig.js');
const HAS_ADB = findAdbBinary() !== undefined;
const describeWithAdb = HAS_ADB ? describe : describe.skip;
jest.setTimeout(120_000);

/** Runs the CLI asynchronously (the adb server and the device live in this process and must keep answering). */
function devices(port: number, ...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'devices', ...args], { cwd: ROOT, env: { ...process.env, ANDROID_ADB_SERVER_PORT: String(port), ANDROID_SERIAL: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

beforeAll(() => {
  try {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe' });
  } catch {
    // type errors elsewhere in the tree do not stop the emit
  }
  expect(fs.existsSync(path.join(ROOT, 'dist', 'harness', 'cli', 'commands', 'devices.js'))).toBe(true);
}, 240_000);

describeWithAdb(`ims-rig devices${HAS_ADB ? '' : ` (skipped: ${NO_ADB_REASON})`}`, () => {
  let server: PrivateAdbServer;
  let ref: StartedReferenceDevice;

  beforeAll(async () => {
    server = await startPrivateAdbServer();
    ref = await startReferenceDevice({ createDevice: () => new AdbTestDevice() });
  });
  afterAll(async () => {
    await server.stop();
    await ref.stop();
  });

  test('no devices: the hint points at ims-rig virtual-device (exit 0)', async () => {
    const r = await devices(server.port);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^no devices\. Start the reference device with `ims-rig virtual-device`/);
  });

  test('one line per device: serial, state, kind, model, sdk', async () => {
    await server.connect(ref.serial);
    const r = await devices(server.port);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toMatch(new RegExp(`^${ref.serial.replace(/\./g, '\\.')}\\s+device\\s+device\\s+Fake Phone\\s+sdk 35\\n$`));
  });

  test('--probe adds what the device can do and why it cannot do the rest', async () => {
    const r = await devices(server.port, '--probe');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('  can:     configurable-features, reboot, app-realisation');
    expect(r.stdout).toMatch(/ {2}cannot: {2}shell-override: cmd phone ims does not answer: cmd: Can't find service: phone/);
    expect(r.stdout).toMatch(/ {2}cannot: {2}sim-control: cmd phone disable-physical-subscription needs adb root; ro\.debuggable is not 1/);
  });
});
