/**
 * Runs reference devices in this process: per device a simulated Android (virtual-device/android)
 * behind an adbd on its own TCP port, and optionally one adb-server door in front of all of them
 * for machines without an adb binary. `ims-rig virtual-device`, the test support
 * (harness/testing) and the benchmark all start devices through here.
 */
import { type AndroidDevice } from '../device/android-device';
import { type AdbdServer, startAdbdServer } from '../adbd/adbd-server';
import { DeviceEndpoint } from '../services/device-endpoint';
import { type ServerDoor, startServerDoor } from '../server-door/server-door';
import { createDefaultDevice } from './default-device';
import { type DeviceProfileName } from '../android/device-profile';

export interface ReferenceDeviceOptions {
  /** adbd TCP port; 0 lets the OS pick. */
  readonly port: number;
  readonly slots?: 1 | 2;
  /** What kind of phone (virtual-device/android/device-profile.ts); default `default`. */
  readonly profile?: DeviceProfileName;
  /** A deviation profile name (virtual-device/deviations): behave like a vendor build with that bug. */
  readonly deviation?: string;
  /** Device clock scale: a device delay of d ms fires after d × timeScale real ms. */
  readonly timeScale?: number;
  /** adbd features to advertise (default: all; see ADBD_FEATURES). */
  readonly features?: readonly string[];
  /** Builds the simulated Android (default: the AOSP reference device). Tests pass doubles. */
  readonly createDevice?: (options: { slots: 1 | 2; deviation?: string; timeScale: number; profile?: DeviceProfileName }) => AndroidDevice;
}

export interface ReferenceDeviceHostOptions {
  readonly devices: readonly ReferenceDeviceOptions[];
  /** Also answer the adb server protocol on this port (0: OS picks); absent: no door. */
  readonly serverPort?: number;
  /** Address to listen on (default 127.0.0.1). */
  readonly host?: string;
  /** One line per notable transport event. */
  readonly log?: (message: string) => void;
}

export interface HostedDevice {
  /** `127.0.0.1:<port>`: what `adb connect` and the server door call the device. */
  readonly serial: string;
  readonly port: number;
  readonly device: AndroidDevice;
  readonly endpoint: DeviceEndpoint;
}

export interface ReferenceDeviceHost {
  readonly devices: readonly HostedDevice[];
  /** The server door's port, when one was asked for. */
  readonly serverPort: number | undefined;
  stop(): Promise<void>;
}

export async function startReferenceDeviceHost(options: ReferenceDeviceHostOptions): Promise<ReferenceDeviceHost> {
  const address = options.host ?? '127.0.0.1';
  const adbds: AdbdServer[] = [];
  const devices: HostedDevice[] = [];
  let door: ServerDoor | undefined;
  const stop = async (): Promise<void> => {
    await door?.close();
    await Promise.all(adbds.map((adbd) => adbd.close()));
    for (const hosted of devices) await shutdown(hosted.device);
  };
  try {
    for (const spec of options.devices) {
      const deviceOptions = {
        slots: spec.slots ?? 1,
        timeScale: spec.timeScale ?? 1,
        ...(spec.deviation === undefined ? {} : { deviation: spec.deviation }),
        ...(spec.profile === undefined ? {} : { profile: spec.profile }),
      };
      const device = (spec.createDevice ?? createDefaultDevice)(deviceOptions);
      const endpoint = new DeviceEndpoint(device, spec.features === undefined ? {} : { features: spec.features });
      const adbd = await startAdbdServer({ endpoint, port: spec.port, host: address, ...(options.log ? { log: options.log } : {}) });
      adbds.push(adbd);
      devices.push({ serial: `127.0.0.1:${adbd.port}`, port: adbd.port, device, endpoint });
    }
    if (options.serverPort !== undefined) {
      door = await startServerDoor({
        port: options.serverPort,
        host: address,
        devices: devices.map(({ serial, endpoint }) => ({ serial, endpoint })),
        ...(options.log ? { log: options.log } : {}),
      });
    }
  } catch (e) {
    await stop();
    throw e;
  }
  return { devices, serverPort: door?.port, stop };
}

/** Devices that own timers or processes expose a `stop()`/`close()`; call it when present. */
export async function shutdown(device: AndroidDevice): Promise<void> {
  const closable = device as Partial<Record<'stop' | 'close' | 'shutdown', () => unknown>>;
  const method = closable.stop ?? closable.close ?? closable.shutdown;
  if (typeof method === 'function') await method.call(device);
}
