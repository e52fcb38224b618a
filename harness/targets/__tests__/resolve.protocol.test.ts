/**
 * resolveTarget and probeTarget against reference-device hosts started in this process (the
 * transport double behind them), through a private real adb server and through the server door.
 */
import { AdbError, DeviceUnavailableError, EXIT_INFRASTRUCTURE, UsageError } from '../../errors';
import { findAdbBinary } from '../../adb';
import { NO_ADB_REASON, startPrivateAdbServer, startReferenceDevice, type PrivateAdbServer, type StartedReferenceDevice } from '../../testing';
import { AdbTestDevice } from '../../adb/__tests__/adb-test-device';
import { probeTarget } from '../probe';
import { NO_ADB_NOTE, resolveTarget } from '../resolve';
import type { ReferenceDeviceHandle, StartReferenceDevice } from '../reference-device-process';

jest.setTimeout(60_000);

const ADB = findAdbBinary(process.env.IMS_RIG_ADB ? { ...process.env, ADB: process.env.IMS_RIG_ADB } : process.env);
const describeWithAdb = ADB !== undefined ? describe : describe.skip;

/** An in-process starter standing in for the `ims-rig virtual-device` child process; counts starts and stops. */
function inProcessStarter(make: () => AdbTestDevice = () => new AdbTestDevice()): { start: StartReferenceDevice; started: StartedReferenceDevice[]; stopped: number } {
  const state = { started: [] as StartedReferenceDevice[], stopped: 0, start: undefined as unknown as StartReferenceDevice };
  state.start = async (): Promise<ReferenceDeviceHandle> => {
    const ref = await startReferenceDevice({ createDevice: make });
    state.started.push(ref);
    return { serial: ref.serial, port: ref.port, serverPort: ref.serverPort, stop: async () => { state.stopped += 1; await ref.stop(); } };
  };
  return state;
}

describeWithAdb(`resolveTarget through a private adb server${ADB ? '' : ` (skipped: ${NO_ADB_REASON})`}`, () => {
  let server: PrivateAdbServer;
  const base = (): { adbBinary: string; adbServerPort: number; env: Record<string, string> } => ({ adbBinary: ADB as string, adbServerPort: server.port, env: {} });

  beforeAll(async () => {
    server = await startPrivateAdbServer();
  });
  afterAll(async () => server.stop());

  it('--target virtual starts the reference device, connects it, and release() stops it', async () => {
    const starter = inProcessStarter();
    const target = await resolveTarget({ ...base(), target: 'virtual', startReferenceDevice: starter.start });
    expect(target).toMatchObject({ via: 'adb-server', chosenBy: 'reference-device', serial: starter.started[0]?.serial });
    expect((await target.device.exec('echo', 'up')).stdout).toBe('up\n');
    await target.release();
    await target.release();
    expect(starter.stopped).toBe(1);
    expect((await server.adb(['devices'])).stdout).not.toContain(target.serial);
  });

  it('no --target, no ANDROID_SERIAL, no device attached: starts the reference device', async () => {
    const starter = inProcessStarter();
    const target = await resolveTarget({ ...base(), startReferenceDevice: starter.start });
    expect(target.chosenBy).toBe('reference-device');
    await target.release();
  });

  describe('with attached devices', () => {
    let a: StartedReferenceDevice;
    let b: StartedReferenceDevice;
    beforeAll(async () => {
      a = await startReferenceDevice({ createDevice: () => new AdbTestDevice() });
      b = await startReferenceDevice({ createDevice: () => new AdbTestDevice() });
      await server.connect(a.serial);
    });
    afterAll(async () => {
      await server.adb(['disconnect']);
      await a.stop();
      await b.stop();
    });

    it('uses the one attached device', async () => {
      const target = await resolveTarget({ ...base(), startReferenceDevice: () => Promise.reject(new Error('must not start')) });
      expect(target).toMatchObject({ serial: a.serial, chosenBy: 'only-device' });
    });

    it('prefers ANDROID_SERIAL (connecting a host:port serial itself)', async () => {
      const target = await resolveTarget({ ...base(), env: { ANDROID_SERIAL: b.serial } });
      expect(target).toMatchObject({ serial: b.serial, chosenBy: 'ANDROID_SERIAL' });
    });

    it('several attached devices: a usage error that lists them', async () => {
      await server.connect(b.serial);
      const error = await resolveTarget(base()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UsageError);
      expect((error as UsageError).message).toContain(a.serial);
      expect((error as UsageError).message).toContain(b.serial);
    });

    it('an unknown serial is DeviceUnavailableError naming the attached ones', async () => {
      await expect(resolveTarget({ ...base(), target: 'R58M12ABCDE' })).rejects.toThrow(/no device R58M12ABCDE .*attached: /);
    });
  });

  it('--target 127.0.0.1:1 is DeviceUnavailableError (exit 3) with a readable message', async () => {
    const error = await resolveTarget({ ...base(), target: '127.0.0.1:1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeviceUnavailableError);
    expect((error as DeviceUnavailableError).exitCode).toBe(EXIT_INFRASTRUCTURE);
    expect((error as DeviceUnavailableError).message).toMatch(/^cannot connect to 127\.0\.0\.1:1: .*Is the device up and reachable\?/);
  });
});

describe('resolveTarget with no adb binary', () => {
  it('uses the reference device\'s built-in server door and says so once', async () => {
    const starter = inProcessStarter();
    const notes: string[] = [];
    const target = await resolveTarget({ adbBinary: null, env: {}, startReferenceDevice: starter.start, note: (l) => notes.push(l) });
    expect(notes).toEqual([NO_ADB_NOTE]);
    expect(target.via).toBe('built-in-server');
    expect((await target.device.exec('exit', '7')).exitCode).toBe(7);
    await target.release();
    expect(starter.stopped).toBe(1);
  });

  it('cannot reach a named device without platform-tools (AdbError, exit 3)', async () => {
    await expect(resolveTarget({ adbBinary: null, env: {}, target: 'emulator-5554' })).rejects.toBeInstanceOf(AdbError);
  });
});

describe('probeTarget on the transport double (a "device" without telephony)', () => {
  it('reads the build and lists what is missing with reasons (no ro.debuggable: root not attempted)', async () => {
    const starter = inProcessStarter();
    const target = await resolveTarget({ adbBinary: null, env: {}, startReferenceDevice: starter.start, note: () => undefined });
    try {
      const probe = await probeTarget(target.device, { via: target.via, appiumUrl: 'http://127.0.0.1:1' });
      expect(probe.info).toMatchObject({ serial: target.serial, kind: 'device', sdk: 35, model: 'Fake Phone', via: 'built-in-server' });
      // The double has no ro.debuggable: adb root is not attempted, and the root-only capabilities say why.
      expect(probe.facts.root).toBe('unknown');
      // The rig's own app (installed with adb, driven by am broadcast) needs nothing else of a device.
      expect([...probe.capabilities].sort()).toEqual(['app-realisation', 'configurable-features', 'reboot']);
      const why = Object.fromEntries(probe.missing.map((m) => [m.capability, m.reason]));
      expect(why['shell-override']).toMatch(/Can't find service: phone/);
      expect(why['sim-control']).toMatch(/root/);
      expect(why.appium).toMatch(/^Appium at http:\/\/127\.0\.0\.1:1 is not reachable/);
      expect(probe.info.missingCapabilities).toEqual(probe.missing.map((m) => m.capability));
    } finally {
      await target.release();
    }
  });

  it('with ro.debuggable=1 escalates: adb root, cc gate, adb remount (priv-app-install), and without escalation does not', async () => {
    const debuggable = (): AdbTestDevice => {
      const device = new AdbTestDevice();
      device.props['ro.debuggable'] = '1';
      device.props['ro.build.type'] = 'userdebug';
      return device;
    };
    const target = await resolveTarget({ adbBinary: null, env: {}, startReferenceDevice: inProcessStarter(debuggable).start, note: () => undefined });
    try {
      const look = await probeTarget(target.device, { escalate: false });
      expect(look.facts.root).toBe('rootable');
      expect(look.capabilities).not.toContain('priv-app-install');
      const probe = await probeTarget(target.device);
      expect(probe.facts.root).toBe('root');
      expect(probe.facts.remount).toMatchObject({ works: true });
      expect(probe.capabilities).toEqual(expect.arrayContaining(['priv-app-install', 'reboot']));
      // The double has no `cmd phone`: the cc probe ran as root and reports why it failed.
      expect(probe.missing.find((m) => m.capability === 'carrier-config')?.reason).toMatch(/^cmd phone cc refused: cmd: Can't find service: phone/);
    } finally {
      await target.release();
    }
  });
});
