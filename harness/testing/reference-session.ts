/**
 * A reference device started in the test's (or bench's) own process, reached through its adb-server
 * door (no adb binary needed), probed, with a root session on it: what the engine needs to run
 * scenarios directly.
 */
import { AdbHost, type AdbDevice } from '../adb';
import { probeTarget } from '../targets/probe';
import { createSession, type TargetSession } from '../targets/target-session';
import { createReferenceDevice } from '../../virtual-device/android/reference-device';
import { type DeviceProfileName } from '../../virtual-device/android/device-profile';
import { type PrivateAdbServer } from './start-private-adb-server';
import { startReferenceDevice, type StartedReferenceDevice } from './start-reference-device';

export interface ReferenceSession {
  readonly device: StartedReferenceDevice;
  readonly adb: AdbDevice;
  readonly session: TargetSession;
}

export async function startReferenceSession(options: { timeScale: number; deviation?: string }): Promise<ReferenceSession> {
  const device = await startReferenceDevice({
    timeScale: options.timeScale,
    ...(options.deviation === undefined ? {} : { deviation: options.deviation }),
    createDevice: (o) => createReferenceDevice(o),
  });
  return openRootSession(device, () => new AdbHost({ host: '127.0.0.1', port: device.serverPort ?? 0, kind: 'built-in-server' }));
}

/**
 * A reference device (`profile`: default or the stock emulator) connected to a test's private
 * real adb server, probed, with a root session on it: the e2e tests' own view of the device they
 * run the CLI against (to read its state before and after).
 */
export async function startReferenceOverAdb(server: PrivateAdbServer, options: { timeScale: number; profile?: DeviceProfileName }): Promise<ReferenceSession> {
  const device = await startReferenceDevice({
    timeScale: options.timeScale,
    createDevice: (o) => createReferenceDevice({ ...o, ...(options.profile === undefined ? {} : { profile: options.profile }) }),
  });
  return openRootSession(device, async () => {
    await server.connect(device.serial);
    return new AdbHost({ host: '127.0.0.1', port: server.port, kind: 'adb-server' });
  });
}

/** Waits for the device on `host`, probes it and roots a session on it; stops the device if any of that fails. */
async function openRootSession(device: StartedReferenceDevice, reach: () => AdbHost | Promise<AdbHost>): Promise<ReferenceSession> {
  try {
    const host = await reach();
    await host.waitForDevice(device.serial, { timeoutMs: 30_000 });
    const adb = host.device(device.serial);
    const probe = await probeTarget(adb, { via: host.endpoint.kind });
    const session = createSession(adb, probe.info, probe.capabilities, probe.routes);
    session.rooted = (await adb.root({ timeoutMs: 30_000 })).ok;
    return { device, adb, session };
  } catch (e) {
    await device.stop();
    throw e;
  }
}
