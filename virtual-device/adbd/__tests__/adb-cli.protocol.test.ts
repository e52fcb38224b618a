/**
 * The simulated adbd through the real adb 29 client and server (a private server per suite),
 * with the full feature set. The device behind it is a small double: these tests are about the
 * transport carrying bytes, statuses, files and installs faithfully.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describeWithAdb, type PrivateAdbServer, startPrivateAdbServer, startReferenceDevice, type StartedReferenceDevice } from '../../../harness/testing';
import { FakeAndroidDevice } from '../../services/__tests__/fake-android-device';

jest.setTimeout(120_000);

describeWithAdb('adbd through adb 29 (full features)', () => {
  let device: FakeAndroidDevice;
  let reference: StartedReferenceDevice;
  let server: PrivateAdbServer;
  let work: string;
  const adbS = (args: string[], options?: { input?: string | Buffer }): ReturnType<PrivateAdbServer['adb']> =>
    server.adb(['-s', reference.serial, ...args], options);

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'ims-rig-adbd-'));
    device = new FakeAndroidDevice({ bootMs: 300 });
    reference = await startReferenceDevice({ createDevice: () => device });
    server = await startPrivateAdbServer();
    await server.connect(reference.serial);
  });

  afterAll(async () => {
    await server?.stop();
    await reference?.stop();
    fs.rmSync(work, { recursive: true, force: true });
  });

  test('devices -l shows the banner\'s product, model (sanitised) and device', async () => {
    const { stdout } = await server.adb(['devices', '-l']);
    expect(stdout).toContain(`${reference.serial.padEnd(22)} device product:ims_rig_fake model:Fake_Phone device:fake transport_id:`);
    const features = await adbS(['features']);
    expect(features.stdout.trim().split('\n').sort()).toEqual(
      ['abb', 'abb_exec', 'apex', 'cmd', 'fixed_push_mkdir', 'fixed_push_symlink_timestamp', 'ls_v2', 'remount_shell', 'shell_v2', 'stat_v2'],
    );
  });

  test('a repeated adb connect (the duplicate connection adb opens and drops) is tolerated', async () => {
    const again = await server.adb(['connect', reference.serial]);
    expect(again.stdout).toContain(`already connected to ${reference.serial}`);
    expect((await adbS(['shell', 'echo', 'still here'])).stdout).toBe('still here\n');
  });

  test('shell v2 carries exit codes and routes stderr', async () => {
    expect(await adbS(['shell', 'echo', 'hi'])).toEqual({ stdout: 'hi\n', stderr: '', code: 0 });
    expect((await adbS(['shell', 'exit 3'])).code).toBe(3);
    expect(await adbS(['shell', 'nosuchcommand'])).toEqual({
      stdout: '', stderr: '/system/bin/sh: nosuchcommand: inaccessible or not found\n', code: 127,
    });
    const ls = await adbS(['shell', 'ls', '/nope']);
    expect(ls).toEqual({ stdout: '', stderr: 'ls: /nope: No such file or directory\n', code: 1 });
  });

  test('piped stdin reaches the command and its end closes stdin', async () => {
    const result = await adbS(['shell', 'cat'], { input: 'line one\nline two\n' });
    expect(result).toEqual({ stdout: 'line one\nline two\n', stderr: '', code: 0 });
    expect(device.commandLog).toContain('cat');
  });

  test('push and pull a 20 MB file byte-identical; ls lists it', async () => {
    const source = path.join(work, 'big.bin');
    const content = crypto.randomBytes(20 * 1024 * 1024);
    fs.writeFileSync(source, content);
    const push = await adbS(['push', source, '/data/local/tmp/big.bin']);
    expect(push.code).toBe(0);
    expect(push.stdout).toMatch(/1 file pushed/);
    expect((device.fs.readFile('/data/local/tmp/big.bin') as Buffer).equals(content)).toBe(true);
    const target = path.join(work, 'pulled.bin');
    const pull = await adbS(['pull', '/data/local/tmp/big.bin', target]);
    expect(pull.code).toBe(0);
    expect(fs.readFileSync(target).equals(content)).toBe(true);
    const ls = await adbS(['ls', '/data/local/tmp']);
    expect(ls.stdout).toMatch(new RegExp(`^[0-9a-f]{8} ${(20 * 1024 * 1024).toString(16).padStart(8, '0')} [0-9a-f]{8} big\\.bin$`, 'm'));
  });

  test('pull of a missing file reports adbd\'s errno', async () => {
    const result = await adbS(['pull', '/data/local/tmp/missing', path.join(work, 'missing')]);
    expect(result.code).not.toBe(0);
    // adb 29 prints this error on stdout: `adb: error: failed to stat remote object '…': No such file or directory`.
    expect(result.stdout + result.stderr).toContain("failed to stat remote object '/data/local/tmp/missing': No such file or directory");
  });

  test('install streams through abb_exec and answers Success; uninstall', async () => {
    const apk = path.join(work, 'full.apk');
    fs.writeFileSync(apk, Buffer.concat([Buffer.from('package:com.example.full\n'), crypto.randomBytes(3000)]));
    const install = await server.adb(['-s', reference.serial, 'install', apk]);
    expect(install.stdout).toContain('Success');
    expect(install.code).toBe(0);
    expect(device.commandLog).toContain(`abb package install -S ${fs.statSync(apk).size}`);
    expect((await adbS(['shell', 'pm', 'path', 'com.example.full'])).stdout).toBe('package:/data/app/com.example.full/base.apk\n');
    const uninstall = await adbS(['uninstall', 'com.example.full']);
    expect(uninstall.stdout).toContain('Success');
    expect(device.packages.has('com.example.full')).toBe(false);
  });

  test('30 shells in parallel on one transport', async () => {
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => adbS(['shell', 'echo', `n${i}`])));
    expect(results.map((r) => r.stdout)).toEqual(Array.from({ length: 30 }, (_, i) => `n${i}\n`));
    expect(results.every((r) => r.code === 0)).toBe(true);
  });

  test('a refused service: adb prints error: closed', async () => {
    const result = await adbS(['jdwp']);
    expect(`${result.stdout}${result.stderr}`).toMatch(/closed/);
  });

  test('root answers the device\'s text and restarts adbd: the transport drops, as adb root waits for', async () => {
    // adb 29's `adb root` waits for the disconnect, then up to 6 s for the device to come back.
    const root = await adbS(['root']);
    expect(root).toMatchObject({ code: 0 });
    expect(root.stdout).toContain('restarting adbd as root');
    await server.adb(['disconnect', reference.serial]);
    await server.connect(reference.serial);
    expect((await adbS(['shell', 'id'])).stdout).toContain('uid=0(root)');
    expect((await adbS(['root'])).stdout).toContain('adbd is already running as root');
  });

  test('reboot: the transport drops, the device comes back, adb reconnects', async () => {
    const offline = new Promise<void>((resolve) => {
      const off = device.onStateChange((state) => {
        if (state === 'offline') {
          off();
          resolve();
        }
      });
    });
    const reboot = await adbS(['reboot']);
    expect(reboot.code).toBe(0);
    await offline;
    // While the device boots, the host sees the transport gone.
    const during = await adbS(['shell', 'echo', 'x']);
    expect(during.code).not.toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(device.state).toBe('online');
    await server.adb(['disconnect', reference.serial]);
    await server.connect(reference.serial);
    expect((await adbS(['shell', 'echo', 'back'])).stdout).toBe('back\n');
  });
});
