/**
 * The scenario engine against the reference device, through the reference device's adb-server
 * door (no adb binary needed): doc-table scenarios pass, the target reads back unchanged after
 * each, and a deviation profile shows up as a failing cell.
 */
import * as path from 'node:path';
import { AdbHost } from '../../adb';
import { type EventInput } from '../../results';
import { SUITES_DIR } from '../../paths';
import { startReferenceDevice, type StartedReferenceDevice } from '../../testing';
import { createReferenceDevice } from '../../../virtual-device/android/reference-device';
import { ApkCache } from '../../target/app-realiser';
import { deviceStateFingerprint } from '../../target/device-state';
import { probeTarget } from '../../target/probe';
import { createSession, type TargetSession } from '../../target/target-session';
import { runScenario } from '../engine';
import { NO_WAIVERS } from '../engine-diff';
import { loadScenario } from '../loader';

interface Rig {
  readonly device: StartedReferenceDevice;
  readonly session: TargetSession;
}

async function startRig(deviation?: string): Promise<Rig> {
  const device = await startReferenceDevice({
    timeScale: 0.01,
    ...(deviation === undefined ? {} : { deviation }),
    createDevice: (o) => createReferenceDevice(o),
  });
  const host = new AdbHost({ host: '127.0.0.1', port: device.serverPort ?? 0, kind: 'built-in-server' });
  await host.waitForDevice(device.serial, { timeoutMs: 30_000 });
  const adb = host.device(device.serial);
  const probe = await probeTarget(adb, { via: 'built-in-server' });
  const session = createSession(adb, probe.info, probe.capabilities);
  session.rooted = (await adb.root({ timeoutMs: 30_000 })).ok;
  return { device, session };
}

function collect(): { events: EventInput[]; emit: (e: EventInput) => void } {
  const events: EventInput[] = [];
  return { events, emit: (e) => events.push(e) };
}

describe('scenario engine on the reference device', () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await startRig();
  });
  afterAll(async () => {
    await rig.device.stop();
  });

  test.each(['doc-table-carrier-a', 'doc-table-carrier-b', 'doc-table-no-sim'])('%s passes and the target reads back unchanged', async (name) => {
    const scenario = await loadScenario(path.join(SUITES_DIR, 'priority', `${name}.yaml`));
    const before = await deviceStateFingerprint(rig.session);
    const { events, emit } = collect();
    const outcome = await runScenario(scenario, { session: rig.session, apks: new ApkCache(), emit, waivers: NO_WAIVERS });
    const steps = events.filter((e) => e.type === 'step');
    expect({ status: outcome.status, reason: outcome.reason, steps }).toMatchObject({ status: 'pass' });
    expect(outcome.restore?.ok).toBe(true);
    expect(await deviceStateFingerprint(rig.session)).toBe(before);
    const checkpoint = events.find((e) => e.type === 'checkpoint');
    expect(checkpoint?.type === 'checkpoint' && checkpoint.checkpoint.evidence?.dumpsys).toContain('Active controllers:');
  });
});
