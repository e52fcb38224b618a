/**
 * Starts a reference device in the test's own process: the simulated Android behind an adbd on
 * an OS-chosen port, plus the adb-server door on another. Reach it through a private adb server
 * (`startPrivateAdbServer().connect(serial)`) or, with no adb at all, with adbkit pointed at
 * `serverPort`.
 */
import { type AndroidDevice } from '../../virtual-device/device/android-device';
import { startReferenceDeviceHost } from '../../virtual-device/host/reference-device-host';

export interface StartReferenceDeviceOptions {
  readonly slots?: 1 | 2;
  readonly deviation?: string;
  /** Device clock scale (tests: 0.01 runs a 2 s rebind in 20 ms). */
  readonly timeScale?: number;
  /** adbd features to advertise (default all); fewer makes adb take its older paths. */
  readonly features?: readonly string[];
  /** Serve the adb server door too (default true). */
  readonly serverDoor?: boolean;
  /** Use this simulated Android instead of the reference one (transport tests use a double). */
  readonly createDevice?: (options: { slots: 1 | 2; deviation?: string; timeScale: number }) => AndroidDevice;
}

export interface StartedReferenceDevice {
  /** `127.0.0.1:<port>`, for `adb connect` and the server door alike. */
  readonly serial: string;
  readonly port: number;
  /** The adb-server door's port (undefined when serverDoor: false). */
  readonly serverPort: number | undefined;
  readonly device: AndroidDevice;
  stop(): Promise<void>;
}

export async function startReferenceDevice(options: StartReferenceDeviceOptions = {}): Promise<StartedReferenceDevice> {
  const host = await startReferenceDeviceHost({
    devices: [
      {
        port: 0,
        ...(options.slots === undefined ? {} : { slots: options.slots }),
        ...(options.deviation === undefined ? {} : { deviation: options.deviation }),
        ...(options.timeScale === undefined ? {} : { timeScale: options.timeScale }),
        ...(options.features === undefined ? {} : { features: options.features }),
        ...(options.createDevice === undefined ? {} : { createDevice: options.createDevice }),
      },
    ],
    ...(options.serverDoor === false ? {} : { serverPort: 0 }),
  });
  const [hosted] = host.devices;
  if (hosted === undefined) throw new Error('reference device host started no device');
  return { serial: hosted.serial, port: hosted.port, serverPort: host.serverPort, device: hosted.device, stop: () => host.stop() };
}
