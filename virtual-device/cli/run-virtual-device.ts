/**
 * `ims-rig virtual-device`: one reference device (and optionally the adb-server door) in this
 * process until SIGINT/SIGTERM. The harness CLI validates the options (harness/cli/commands/
 * virtual-device.ts) and calls in here; printing is this command's job.
 */
import { DEVIATIONS } from '../deviations/deviations';
import { DEVICE_PROFILES, deviceProfile, isDeviceProfileName } from '../android/device-profile';
import { type ReferenceDeviceHost, startReferenceDeviceHost } from '../host/reference-device-host';

export interface VirtualDeviceCliOptions {
  readonly port: number;
  /** Also serve the adb server protocol on this port (0: OS picks). */
  readonly serverPort?: number;
  readonly slots: 1 | 2;
  /** `default` or `emulator` (virtual-device/android/device-profile.ts). */
  readonly profile?: string;
  readonly deviation?: string;
  readonly timeScale: number;
  /** Print one JSON ready line instead of the human lines (for programs that spawn us). */
  readonly json: boolean;
  /**
   * Stop when stdin reaches its end: the program that spawned us (with a pipe for stdin) has gone.
   * A SIGKILLed `ims-rig run` cannot stop the reference device it started; its pipe closing can.
   */
  readonly stopOnStdinClose?: boolean;
}

/** The deviation profiles `--deviation` accepts. */
export function deviationProfiles(): readonly { readonly name: string; readonly description: string }[] {
  return DEVIATIONS;
}

/** The device profiles `--profile` accepts. */
export function deviceProfileNames(): readonly string[] {
  return DEVICE_PROFILES;
}

/** `name  description` lines, names padded to one column. */
export function formatDeviationList(profiles: readonly { name: string; description: string }[]): string {
  const width = Math.max(0, ...profiles.map((p) => p.name.length));
  return profiles.map((p) => `${p.name.padEnd(width)}  ${p.description}\n`).join('');
}

/** What the command prints once the device is up. */
export function readyLines(
  ready: { serial: string; port: number; serverPort: number | undefined },
  options: Pick<VirtualDeviceCliOptions, 'slots' | 'deviation' | 'json' | 'profile'>,
): string {
  if (options.json) {
    return `${JSON.stringify({ event: 'ready', serial: ready.serial, port: ready.port, serverPort: ready.serverPort ?? null })}\n`;
  }
  const slots = options.slots === 1 ? '1 slot' : `${options.slots} slots`;
  const deviation = options.deviation === undefined ? '' : `, deviation ${options.deviation}`;
  const profile = isDeviceProfileName(options.profile) && options.profile !== 'default' ? `, ${options.profile} profile: ${deviceProfile(options.profile).description}` : '';
  let text = `ims-rig reference device ${ready.serial} (Android 15 userdebug, ${slots}${deviation}${profile})\n`;
  text += `  adb connect ${ready.serial}\n`;
  if (ready.serverPort !== undefined) {
    text += `  adb server door 127.0.0.1:${ready.serverPort} (no adb needed: adbkit Adb.createClient({ port: ${ready.serverPort} }), or adb -P ${ready.serverPort})\n`;
  }
  return text;
}

/** Starts the device, prints the ready lines, and resolves with exit code 0 once stopped by a signal. */
export async function runVirtualDevice(options: VirtualDeviceCliOptions): Promise<number> {
  const host: ReferenceDeviceHost = await startReferenceDeviceHost({
    devices: [{
      port: options.port,
      slots: options.slots,
      ...(isDeviceProfileName(options.profile) ? { profile: options.profile } : {}),
      timeScale: options.timeScale,
      ...(options.deviation === undefined ? {} : { deviation: options.deviation }),
    }],
    ...(options.serverPort === undefined ? {} : { serverPort: options.serverPort }),
    // IMS_RIG_DEBUG=adbd: one line per connection, refused service and malformed packet on stderr.
    ...(/\badbd\b/.test(process.env.IMS_RIG_DEBUG ?? '') ? { log: (line: string) => console.error(`[adbd] ${line}`) } : {}),
  });
  const [device] = host.devices;
  if (device === undefined) throw new Error('the reference device host started no device');
  // The signal handlers go in before the ready lines: a parent that reads them and at once sends
  // SIGINT must find them installed (Node's default for SIGINT, before a listener, is to die).
  const stopped = new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      // A stdin still open would keep this process alive after the device stopped.
      if (options.stopOnStdinClose === true) process.stdin.destroy();
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    if (options.stopOnStdinClose === true) {
      process.stdin.once('end', stop);
      process.stdin.once('close', stop);
      process.stdin.resume();
    }
  });
  process.stdout.write(readyLines({ serial: device.serial, port: device.port, serverPort: host.serverPort }, options));
  await stopped;
  await host.stop();
  if (!options.json) console.log('ims-rig reference device stopped');
  return 0;
}
