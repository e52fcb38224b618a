/**
 * A reference device run in this process with no transport at all: the simulated Android, its
 * device-service layer (DeviceEndpoint, the same one the adbd and the server door serve), and an
 * InProcessEndpoint that opens those services directly. The harness reaches it through
 * harness/adb's ServiceDevice; only the wiring modules that may import virtual-device/ (the CLI,
 * the benchmark, harness/in-process, tests) start one.
 */
import { DEVIATIONS } from '../deviations/deviations';
import { type AndroidDevice } from '../device/android-device';
import { DeviceEndpoint } from '../services/device-endpoint';
import { createDefaultDevice } from './default-device';
import { InProcessEndpoint } from './in-process-endpoint';
import { shutdown, type ReferenceDeviceOptions } from './reference-device-host';

export type InProcessDeviceOptions = Omit<ReferenceDeviceOptions, 'port'>;

export interface InProcessDevice {
  /** `in-process-<pid>-<n>`: unique per process, so no other run's leftovers are ever taken for this device's. */
  readonly serial: string;
  readonly device: AndroidDevice;
  readonly endpoint: InProcessEndpoint;
  /** Switches the device off (timers stop). Safe to call twice. */
  stop(): Promise<void>;
}

let started = 0;

export { DEVICE_PROFILES, isDeviceProfileName } from '../android/device-profile';

/** The vendor-bug profile names `deviation` accepts. */
export function deviationNames(): readonly string[] {
  return DEVIATIONS.map((d) => d.name);
}

/** Creates the device and resolves once adbd would be up (the device reports online). */
export async function startInProcessDevice(options: InProcessDeviceOptions = {}): Promise<InProcessDevice> {
  const device = (options.createDevice ?? createDefaultDevice)({
    slots: options.slots ?? 1,
    timeScale: options.timeScale ?? 1,
    ...(options.deviation === undefined ? {} : { deviation: options.deviation }),
    ...(options.profile === undefined ? {} : { profile: options.profile }),
  });
  started += 1;
  const serial = `in-process-${process.pid}-${started}`;
  const endpoint = new InProcessEndpoint(new DeviceEndpoint(device, options.features === undefined ? {} : { features: options.features }), serial);
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await shutdown(device);
  };
  try {
    await whenOnline(device);
  } catch (e) {
    await stop();
    throw e;
  }
  return { serial, device, endpoint, stop };
}

const ONLINE_TIMEOUT_MS = 60_000;

function whenOnline(device: AndroidDevice): Promise<void> {
  if (device.state === 'online') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`the in-process reference device did not come online within ${ONLINE_TIMEOUT_MS} ms`));
    }, ONLINE_TIMEOUT_MS);
    const unsubscribe = device.onStateChange((state) => {
      if (state !== 'online') return;
      clearTimeout(timer);
      unsubscribe();
      resolve();
    });
  });
}
