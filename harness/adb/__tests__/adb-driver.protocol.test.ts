/**
 * The adb driver against a reference-device host (adbd over TCP) with the transport double behind
 * it, through a PRIVATE real adb server, and through the built-in server door with no adb server.
 */
import { randomBytes } from 'node:crypto';
import { CommandFailedError, DeviceUnavailableError, TimeoutError } from '../../errors';
import { parsePackageName } from '../../model';
import { NO_ADB_REASON, startPrivateAdbServer, startReferenceDevice, type PrivateAdbServer, type StartedReferenceDevice } from '../../testing';
import { findAdbBinary } from '../adb-binary';
import { AdbHost } from '../adb-host';
import { devicePath, shellCommand } from '../shell-command';
import { AdbTestDevice } from './adb-test-device';

jest.setTimeout(60_000);

// A missing adb binary skips the real-server tier, with the reason in the suite's title.
const HAS_ADB = findAdbBinary(process.env.IMS_RIG_ADB ? { ...process.env, ADB: process.env.IMS_RIG_ADB } : process.env) !== undefined;
const describeWithAdb = HAS_ADB ? describe : describe.skip;

const LEGACY_FEATURES: readonly string[] = [];
const apk = (pkg: string): Buffer => Buffer.concat([Buffer.from(`package:${pkg}\n`), randomBytes(4096)]);

async function startDevice(features?: readonly string[], bootMs = 300): Promise<{ ref: StartedReferenceDevice; device: AdbTestDevice }> {
  let device: AdbTestDevice | undefined;
  const ref = await startReferenceDevice({
    ...(features === undefined ? {} : { features }),
    createDevice: () => (device = new AdbTestDevice({ bootMs })),
  });
  return { ref, device: device as unknown as AdbTestDevice };
}

describeWithAdb(`adb driver through a private adb server${HAS_ADB ? '' : ` (skipped: ${NO_ADB_REASON})`}`, () => {
  let server: PrivateAdbServer | undefined;

  beforeAll(async () => {
    server = await startPrivateAdbServer();
  });
  afterAll(async () => server?.stop());

  const host = (): AdbHost => new AdbHost({ host: '127.0.0.1', port: (server as PrivateAdbServer).port, kind: 'adb-server' });

  describe('full feature set (shell_v2, cmd, abb_exec)', () => {
    let ref: StartedReferenceDevice;
    let fake: AdbTestDevice;
    beforeAll(async () => {
      ({ ref, device: fake } = await startDevice());
      await host().connect(ref.serial);
    });
    afterAll(async () => {
      await host().disconnect(ref.serial);
      await ref.stop();
    });

    it('connects, lists and reads the transport features', async () => {
      const h = host();
      expect((await h.connect(ref.serial)).outcome).toBe('already-connected');
      expect(await h.listDevices()).toContainEqual({ serial: ref.serial, state: 'device' });
      expect(await h.features(ref.serial)).toEqual(expect.arrayContaining(['shell_v2', 'cmd']));
      expect(await h.getState(ref.serial)).toBe('device');
      expect(await h.getState('127.0.0.1:9')).toBe('missing');
    });

    it('runs shell v2 with exit codes and a separate stderr', async () => {
      const device = host().device(ref.serial);
      expect(await device.shell(shellCommand('echo', 'hi'))).toMatchObject({ stdout: 'hi\n', stderr: '', exitCode: 0, protocol: 'v2' });
      expect((await device.shell(shellCommand('exit', '3'))).exitCode).toBe(3);
      const missing = await device.shell(shellCommand('nosuchcmd'));
      expect(missing).toMatchObject({ exitCode: 127, stdout: '' });
      expect(missing.stderr).toMatch(/nosuchcmd: inaccessible or not found/);
      await expect(device.run(shellCommand('exit', '4'))).rejects.toBeInstanceOf(CommandFailedError);
    });

    it('sends stdin and closes it', async () => {
      const result = await host().device(ref.serial).shell(shellCommand('cat'), { stdin: Buffer.from('a carrier config\n') });
      expect(result.stdout).toBe('a carrier config\n');
    });

    it('times out a command that runs past its deadline', async () => {
      await expect(host().device(ref.serial).shell(shellCommand('sleep', '1'), { timeoutMs: 200 })).rejects.toBeInstanceOf(TimeoutError);
    });

    it('pushes a byte stream larger than one sync DATA chunk and pulls it back identical', async () => {
      const device = host().device(ref.serial);
      const data = randomBytes(300_000);
      await device.push(data, '/data/local/tmp/ims-rig/blob.bin');
      expect((await device.pull('/data/local/tmp/ims-rig/blob.bin')).equals(data)).toBe(true);
    });

    it('installs through the streamed `exec:cmd package install -S` path and uninstalls', async () => {
      const device = host().device(ref.serial);
      expect(await device.install(apk('com.carrier.a.ims'))).toMatchObject({ ok: true });
      expect(fake.commandLog.some((l) => /^cmd package install -r -S \d+$/.test(l))).toBe(true);
      expect(fake.packages.has('com.carrier.a.ims')).toBe(true);
      expect(await device.uninstall(parsePackageName('com.carrier.a.ims'))).toMatchObject({ ok: true });
      expect(await device.uninstall(parsePackageName('com.carrier.a.ims'))).toMatchObject({ ok: false, code: 'DELETE_FAILED_INTERNAL_ERROR' });
    });

    it('streams a spawned command', async () => {
      const chunks: string[] = [];
      const spawned = await host().device(ref.serial).spawn(shellCommand('echo', 'streamed'), (_s, d) => chunks.push(d.toString()));
      expect(await spawned.exited).toBe(0);
      expect(chunks.join('')).toBe('streamed\n');
    });

    it('roots (waiting for adbd to come back as uid 0) and remounts', async () => {
      const device = host().device(ref.serial);
      expect((await device.remount()).ok).toBe(false);
      expect(await device.root({ timeoutMs: 30_000 })).toMatchObject({ ok: true, alreadyRoot: false });
      expect((await device.shell(shellCommand('id'))).stdout).toMatch(/^uid=0\(root\)/);
      expect(await device.root()).toMatchObject({ ok: true, alreadyRoot: true });
      expect((await device.remount()).ok).toBe(true);
    });

    it('reboots and waits for the device to come back with sys.boot_completed=1', async () => {
      const device = host().device(ref.serial);
      await device.reboot({ timeoutMs: 45_000 });
      expect((await device.shell(shellCommand('echo', 'back'))).stdout).toBe('back\n');
    });

    it('reports a device lost mid-command as DeviceUnavailableError', async () => {
      const device = host().device(ref.serial);
      const running = device.shell(shellCommand('sleep', '2'), { timeoutMs: 20_000 });
      setTimeout(() => fake.reboot(), 300);
      await expect(running).rejects.toBeInstanceOf(DeviceUnavailableError);
      await host().waitForDevice(ref.serial, { timeoutMs: 30_000 });
    });

    it('refuses values that are not validated before any device sees them', async () => {
      const before = fake.commandLog.length;
      await expect(host().device(ref.serial).push(Buffer.from('x'), '/data/local/tmp/a;reboot')).rejects.toThrow(/cannot be sent to a device shell/);
      expect(() => devicePath('/etc/passwd')).toThrow();
      expect(fake.commandLog.length).toBe(before);
    });
  });

  describe('no features (legacy device: shell v1, push + pm install)', () => {
    let ref: StartedReferenceDevice;
    let fake: AdbTestDevice;
    beforeAll(async () => {
      ({ ref, device: fake } = await startDevice(LEGACY_FEATURES));
      await host().connect(ref.serial);
    });
    afterAll(async () => {
      await host().disconnect(ref.serial);
      await ref.stop();
    });

    it('recovers exit codes through the v1 exit echo (stderr merged, as the protocol does)', async () => {
      const device = host().device(ref.serial);
      expect(await host().features(ref.serial)).toEqual([]);
      expect(await device.shell(shellCommand('echo', 'hi'))).toMatchObject({ stdout: 'hi\n', stderr: '', exitCode: 0, protocol: 'v1' });
      expect((await device.shell(shellCommand('exit', '3'))).exitCode).toBe(3);
      const missing = await device.shell(shellCommand('nosuchcmd'));
      expect(missing.exitCode).toBe(127);
      expect(missing.stdout).toMatch(/not found/);
    });

    it('installs by pushing to /data/local/tmp and running pm install', async () => {
      expect(await host().device(ref.serial).install(apk('com.legacy.ims'))).toMatchObject({ ok: true });
      expect(fake.commandLog.some((l) => /^pm install -r \/data\/local\/tmp\/ims-rig-install-.*\.apk$/.test(l))).toBe(true);
      expect(fake.packages.has('com.legacy.ims')).toBe(true);
    });
  });

  it('tracks devices (host:track-devices): connect and disconnect show up as changes', async () => {
    const { ref } = await startDevice();
    let online: string[] = [];
    const tracking = await host().trackDevices((devices) => {
      online = devices.filter((d) => d.state === 'device').map((d) => d.serial);
    });
    const until = async (want: () => boolean): Promise<void> => {
      for (let i = 0; i < 200 && !want(); i++) await new Promise((r) => setTimeout(r, 50));
      expect(want()).toBe(true);
    };
    try {
      await host().connect(ref.serial);
      await until(() => online.includes(ref.serial));
      await host().disconnect(ref.serial);
      await until(() => !online.includes(ref.serial));
    } finally {
      tracking.stop();
      await ref.stop();
    }
  });

  it('cannot connect to a port where nothing listens: DeviceUnavailableError with adb\'s words', async () => {
    await expect(host().connect('127.0.0.1:1', { attempts: 1 })).rejects.toThrow(/cannot connect to 127\.0\.0\.1:1: .*(refused|failed)/i);
  });
});

describe('adb driver through the reference device\'s built-in server door (no adb server at all)', () => {
  let ref: StartedReferenceDevice;
  let fake: AdbTestDevice;
  beforeAll(async () => {
    ({ ref, device: fake } = await startDevice());
  });
  afterAll(async () => ref.stop());

  const door = (): AdbHost => new AdbHost({ host: '127.0.0.1', port: ref.serverPort as number, kind: 'built-in-server' });

  it('lists the device and reads its features', async () => {
    expect(await door().listDevices()).toContainEqual({ serial: ref.serial, state: 'device' });
    expect(await door().features(ref.serial)).toContain('shell_v2');
  });

  it('runs shell v2 with exit codes, pushes, pulls and installs', async () => {
    const device = door().device(ref.serial);
    expect(await device.shell(shellCommand('exit', '5'))).toMatchObject({ exitCode: 5, protocol: 'v2' });
    const data = randomBytes(100_000);
    await device.push(data, '/data/local/tmp/door.bin');
    expect((await device.pull('/data/local/tmp/door.bin')).equals(data)).toBe(true);
    await device.install(apk('com.oem.ims'));
    expect(fake.packages.has('com.oem.ims')).toBe(true);
  });
});
