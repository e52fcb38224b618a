/**
 * Which device a run talks to (DESIGN.md CLI): `--target <serial>` or `--target virtual`, else
 * `$ANDROID_SERIAL`, else the one attached device, else the reference device started for the run.
 * With no adb binary on the machine the reference device's built-in adb-server door is used
 * (real devices then cannot be reached: they need platform-tools).
 */
import { DeviceUnavailableError, UsageError, AdbError } from '../errors';
import {
  adbServerPort, AdbHost, findAdbBinary, isTcpSerial, ServiceDevice, sleep, startAdbServer, type AdbDeviceEntry, type AdbEndpoint,
  type DeviceConnection,
} from '../adb';
import { type TargetVia } from '../results';
import { type InProcessEndpointRef, type InProcessTargetHandle, type StartInProcessTarget, type Transport } from './in-process-target';
import { startReferenceDeviceProcess, type ReferenceDeviceHandle, type StartReferenceDevice } from './reference-device-process';

export const NO_ADB_NOTE = 'ims-rig: no adb found; using the reference device\'s built-in adb server (real devices need platform-tools)';

export interface ResolveTargetOptions {
  /** `--target`: an adb serial, or `virtual`. */
  readonly target?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Reference-device options, when the run starts one. */
  readonly slots?: 1 | 2;
  readonly deviation?: string;
  /** The reference device's profile (`default` | `emulator`). */
  readonly profile?: string;
  readonly timeScale?: number;
  /** The adb server port (default $ANDROID_ADB_SERVER_PORT or 5037). */
  readonly adbServerPort?: number;
  /** Force "no adb binary" (tests of the server-door path). */
  readonly adbBinary?: string | null;
  /** How to start the reference device (default: the `ims-rig virtual-device` child process). */
  readonly startReferenceDevice?: StartReferenceDevice;
  /** `in-process`: run the reference device in this process and open its services directly (needs startInProcess). */
  readonly transport?: Transport;
  /** Starts an in-process reference device (given by the CLI or the benchmark, which may import it). */
  readonly startInProcess?: StartInProcessTarget;
  /** One-line notes for the user (the no-adb note). */
  readonly note?: (line: string) => void;
}

export interface ResolvedTarget {
  readonly serial: string;
  /** The adb server (or door) the device is reached through; none for the in-process transport. */
  readonly host?: AdbHost;
  /** How the suite reaches the target again (the run config's JSON). */
  readonly endpoint: AdbEndpoint | InProcessEndpointRef;
  readonly device: DeviceConnection;
  readonly via: TargetVia;
  /** How the target was chosen, for the report and messages. */
  readonly chosenBy: 'option' | 'ANDROID_SERIAL' | 'only-device' | 'reference-device';
  /** The reference device this run started (stopped by release()). */
  readonly referenceDevice?: ReferenceDeviceHandle;
  /** How long the rig waits for this target to reboot. */
  readonly waits: TargetWaits;
  /** The in-process reference device this run started (stopped by release()). */
  readonly inProcess?: InProcessTargetHandle;
  /**
   * The target is the AOSP reference device itself, started by this run without a deviation
   * profile: the three-way diff's reference run would compare it with itself, so none is made. With
   * a deviation (or any other profile's vendor behaviour) it is a target like any other.
   */
  readonly aospReference?: true;
  /** Disconnects and stops what resolveTarget started. Safe to call twice. */
  release(): Promise<void>;
}

/** Reaches the adb server on `port`, starting it with the binary when it is not running. */
async function ensureAdbServer(bin: string, port: number): Promise<AdbHost> {
  const host = new AdbHost({ host: '127.0.0.1', port, kind: 'adb-server', bin });
  try {
    await host.version();
  } catch (e) {
    if (!(e instanceof AdbError)) throw e;
    await startAdbServer(bin, port);
    await host.version();
  }
  return host;
}

function describeEntries(entries: readonly AdbDeviceEntry[]): string {
  return entries.map((d) => `${d.serial} (${d.state})`).join(', ');
}

const MISSING_RECHECKS = 10;
const MISSING_RECHECK_MS = 200;

/** Makes a named serial usable: connects TCP serials, checks state, explains what is wrong. */
async function useSerial(host: AdbHost, serial: string): Promise<void> {
  if (isTcpSerial(serial)) {
    try {
      await host.connect(serial, { attempts: 2 });
    } catch (e) {
      if (e instanceof DeviceUnavailableError) {
        throw new DeviceUnavailableError(`${e.message}. Is the device up and reachable? (the reference device: ims-rig virtual-device, or --target virtual)`, { cause: e });
      }
      throw e;
    }
  }
  let state = await host.getState(serial);
  // Right after `adb connect` to a device that is reconnecting (another run rebooted it) the server
  // may answer get-state before it has the transport, and list it as a device a moment later.
  for (let i = 0; state === 'missing' && isTcpSerial(serial) && i < MISSING_RECHECKS; i++) {
    await sleep(MISSING_RECHECK_MS);
    state = await host.getState(serial);
  }
  if (state === 'device') return;
  if (state === 'missing') {
    const attached = (await host.listDevices()).filter((d) => d.state === 'device');
    throw new DeviceUnavailableError(`no device ${serial} on the adb server at ${host.address}${attached.length > 0 ? `; attached: ${describeEntries(attached)}` : ''}`);
  }
  if (state === 'unauthorized') throw new DeviceUnavailableError(`${serial} is unauthorized: accept the USB debugging prompt on the device`);
  if (isTcpSerial(serial)) {
    await host.waitForDevice(serial, { timeoutMs: 15_000 });
    return;
  }
  throw new DeviceUnavailableError(`${serial} is ${state}`);
}

/**
 * How long the rig waits for a target's reboot. What the rig knows about the target decides it (it
 * started the reference device itself), not what the target says it is: the same code path, a
 * shorter bound. A lost target's return is waited for with one budget for all (runner/suite-entry).
 */
export interface TargetWaits {
  readonly rebootMs: number;
}

/** An emulator or phone takes a minute or two to boot (CTS-like bounds). */
export const DEVICE_WAITS: TargetWaits = { rebootMs: 240_000 };
/** The reference device the rig started runs its clock scaled: it is back within seconds. */
export const STARTED_REFERENCE_WAITS: TargetWaits = { rebootMs: 30_000 };

export async function resolveTarget(options: ResolveTargetOptions = {}): Promise<ResolvedTarget> {
  const env = options.env ?? process.env;
  const bin = options.adbBinary === null ? undefined : options.adbBinary ?? findAdbBinary(env);
  const port = options.adbServerPort ?? adbServerPort(env);
  const startDevice = options.startReferenceDevice ?? startReferenceDeviceProcess;
  const note = options.note ?? ((line: string) => process.stderr.write(`${line}\n`));

  const startVirtual = async (): Promise<ResolvedTarget> => {
    const handle = await startDevice({
      ...(options.slots === undefined ? {} : { slots: options.slots }),
      ...(options.deviation === undefined ? {} : { deviation: options.deviation }),
      ...(options.profile === undefined ? {} : { profile: options.profile }),
      ...(options.timeScale === undefined ? {} : { timeScale: options.timeScale }),
    });
    try {
      let host: AdbHost;
      let via: ResolvedTarget['via'];
      if (bin !== undefined) {
        host = await ensureAdbServer(bin, port);
        await host.connect(handle.serial, { attempts: 5 });
        via = 'adb-server';
      } else {
        if (handle.serverPort === undefined) throw new AdbError('no adb found, and the reference device has no built-in adb server door');
        note(NO_ADB_NOTE);
        host = new AdbHost({ host: '127.0.0.1', port: handle.serverPort, kind: 'built-in-server' });
        via = 'built-in-server';
      }
      await host.waitForDevice(handle.serial, { timeoutMs: 30_000 });
      let released = false;
      return {
        serial: handle.serial, host, endpoint: host.endpoint, device: host.device(handle.serial), via, chosenBy: 'reference-device', referenceDevice: handle, waits: STARTED_REFERENCE_WAITS,
        ...(options.deviation === undefined ? { aospReference: true as const } : {}),
        async release() {
          if (released) return;
          released = true;
          if (via === 'adb-server') await host.disconnect(handle.serial).catch(() => false);
          await handle.stop();
        },
      };
    } catch (e) {
      await handle.stop();
      throw e;
    }
  };

  const useNamed = async (serial: string, chosenBy: ResolvedTarget['chosenBy']): Promise<ResolvedTarget> => {
    if (bin === undefined) throw new AdbError(`no adb binary found ($ADB, PATH, $ANDROID_HOME/platform-tools): ${serial} can only be reached through platform-tools; --target virtual works without it`);
    const host = await ensureAdbServer(bin, port);
    await useSerial(host, serial);
    return { serial, host, endpoint: host.endpoint, device: host.device(serial), via: 'adb-server', chosenBy, waits: DEVICE_WAITS, release: () => Promise.resolve() };
  };

  if (options.transport === 'in-process') return startInProcess(options);
  if (options.target !== undefined && options.target !== '') {
    if (options.target === 'virtual') return startVirtual();
    return useNamed(options.target, 'option');
  }
  const fromEnv = env.ANDROID_SERIAL;
  if (fromEnv !== undefined && fromEnv !== '') return useNamed(fromEnv, 'ANDROID_SERIAL');
  if (bin === undefined) return startVirtual();

  const host = await ensureAdbServer(bin, port);
  const entries = await host.listDevices();
  const usable = entries.filter((d) => d.state === 'device');
  if (usable.length > 1) {
    throw new UsageError(`several devices are attached: ${describeEntries(usable)}; choose one with --target <serial> (or set ANDROID_SERIAL)`);
  }
  const [only] = usable;
  if (only) return { serial: only.serial, host, endpoint: host.endpoint, device: host.device(only.serial), via: 'adb-server', chosenBy: 'only-device', waits: DEVICE_WAITS, release: () => Promise.resolve() };
  const waiting = entries.filter((d) => d.state === 'unauthorized' || d.state === 'authorizing');
  if (waiting.length > 0) {
    throw new DeviceUnavailableError(`${describeEntries(waiting)}: accept the USB debugging prompt, or run against the reference device with --target virtual`);
  }
  return startVirtual();
}

/** `--transport in-process`: only the reference device can run inside the rig. */
async function startInProcess(options: ResolveTargetOptions): Promise<ResolvedTarget> {
  if (options.target !== undefined && options.target !== '' && options.target !== 'virtual') {
    throw new UsageError(`--transport in-process runs the reference device inside the rig; ${options.target} is reached through adb (leave --transport out)`);
  }
  if (options.startInProcess === undefined) throw new UsageError('--transport in-process is not available from here (no in-process reference device to start)');
  const handle = await options.startInProcess({
    ...(options.slots === undefined ? {} : { slots: options.slots }),
    ...(options.deviation === undefined ? {} : { deviation: options.deviation }),
    ...(options.profile === undefined ? {} : { profile: options.profile }),
    ...(options.timeScale === undefined ? {} : { timeScale: options.timeScale }),
  });
  let released = false;
  return {
    serial: handle.serial, endpoint: { kind: 'in-process' }, device: new ServiceDevice(handle.endpoint), via: 'in-process', chosenBy: 'reference-device', inProcess: handle,
    waits: STARTED_REFERENCE_WAITS,
    ...(options.deviation === undefined ? { aospReference: true as const } : {}),
    async release() {
      if (released) return;
      released = true;
      await handle.stop();
    },
  };
}
