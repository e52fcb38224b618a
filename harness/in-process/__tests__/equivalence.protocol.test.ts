/**
 * The in-process target is the reference device reached another way, not another device: the same
 * scenarios, run by the same engine, give the same verdicts, the same observed cells and the same
 * round trips (kinds and counts) in process (services opened directly, no TCP) as through a private
 * real adb server (or, without adb, the device's built-in server door). One scenario of every area,
 * plus the ones that reboot, change the slot count, crash and restart the phone process, and check grants.
 */
import * as path from 'node:path';
import { AdbHost, findAdbBinary, ServiceDevice, type DeviceConnection } from '../../adb';
import { type FullScenario } from '../../model';
import { SUITES_DIR } from '../../paths';
import { runScenario, type ScenarioOutcome } from '../../scenario/engine';
import { NO_WAIVERS } from '../../scenario/engine-diff';
import { loadScenario } from '../../scenario/loader';
import { ApkCache } from '../../targets/app-realiser';
import { probeTarget } from '../../targets/probe';
import { runInEpochs } from '../../targets/run-staging';
import { createSession } from '../../targets/target-session';
import { startPrivateAdbServer, startReferenceDevice, type PrivateAdbServer, type StartedReferenceDevice } from '../../testing';
import { runOnReferenceDevice } from '../run-on-reference';
import { startInProcessReferenceDevice } from '../start-in-process';

jest.setTimeout(300_000);

const TIME_SCALE = 0.02;
const FILES = [
  'binding/carrier-only', 'compat/legacy-device-default', 'emergency/emergency-without-mmtel-query', 'fallback/carrier-uninstalled',
  'feature-update/no-features-until-reboot', 'lifecycle/crash-and-rebind', 'lifecycle/phone-restart-drops-overrides', 'lifecycle/reboot',
  'manifest/missing-bind-permission', 'multi-sim/slot-count-change', 'priority/doc-table-carrier-a', 'priority/override-carrier-some-features-then-carrier-config',
  'security/data-app-configured', 'single-registration/privileged-sms-app-granted', 'state-callback/bound-service-changes-with-subscription',
];

/** What must not depend on the way the device is reached. */
function comparable(o: ScenarioOutcome): unknown {
  return {
    status: o.status,
    reason: o.reason,
    checkpoints: o.checkpoints.map((c) => ({ step: c.step, status: c.status, observed: c.observed, diffs: c.diffs.map((d) => ({ ...d, waiver: undefined })), grants: c.grants })),
    stimuli: o.stimuli,
    observations: o.observations,
    roundTrips: o.roundTrips,
    restored: o.restore?.ok,
  };
}

async function runAll(device: DeviceConnection, via: 'adb-server' | 'built-in-server' | 'in-process', scenarios: readonly FullScenario[]): Promise<Map<string, unknown>> {
  const probe = await probeTarget(device, { via });
  const session = createSession(device, probe.info, probe.capabilities, probe.routes);
  session.rooted = (await device.root()).ok;
  const apks = new ApkCache();
  // Staged as `ims-rig run` stages a run (the same on both sides).
  return runInEpochs(session, scenarios, { apks, log: [], keepList: false }, async (s) => comparable(await runScenario(s, { session, apks, emit: () => undefined, waivers: NO_WAIVERS })));
}

describe('the same scenarios in process and over adb', () => {
  let scenarios: FullScenario[];
  let inProcess: Map<string, unknown>;
  let overAdb: Map<string, unknown>;
  let via: string;

  beforeAll(async () => {
    scenarios = await Promise.all(FILES.map((f) => loadScenario(path.join(SUITES_DIR, `${f}.yaml`))));
    const local = await startInProcessReferenceDevice({ timeScale: TIME_SCALE });
    try {
      inProcess = await runAll(new ServiceDevice(local.endpoint), 'in-process', scenarios);
    } finally {
      await local.stop();
    }
    let device: StartedReferenceDevice | undefined;
    let server: PrivateAdbServer | undefined;
    try {
      device = await startReferenceDevice({ timeScale: TIME_SCALE });
      let host: AdbHost;
      if (findAdbBinary() !== undefined) {
        server = await startPrivateAdbServer();
        await server.connect(device.serial);
        host = new AdbHost({ host: '127.0.0.1', port: server.port, kind: 'adb-server' });
        via = 'adb-server';
      } else {
        host = new AdbHost({ host: '127.0.0.1', port: device.serverPort ?? 0, kind: 'built-in-server' });
        via = 'built-in-server';
      }
      await host.waitForDevice(device.serial, { timeoutMs: 30_000 });
      overAdb = await runAll(host.device(device.serial), via === 'adb-server' ? 'adb-server' : 'built-in-server', scenarios);
    } finally {
      await server?.stop();
      await device?.stop();
    }
  });

  test.each(FILES)('%s: same verdict, observed cells and round trips', (file) => {
    const id = scenarios[FILES.indexOf(file)]?.id ?? file;
    expect({ id, via, outcome: inProcess.get(id) }).toEqual({ id, via, outcome: overAdb.get(id) });
    expect(inProcess.get(id)).toMatchObject({ status: expect.stringMatching(/^(pass|fail)$/) as string, restored: true });
  });
});

describe('runOnReferenceDevice: one scenario on a fresh in-process reference device', () => {
  test('plain AOSP: the documented Carrier A row holds, cell by cell', async () => {
    const s = await loadScenario(path.join(SUITES_DIR, 'priority', 'doc-table-carrier-a.yaml'));
    const run = await runOnReferenceDevice(s);
    expect(run.status).toBe('pass');
    expect(run.checkpoints.map((c) => c.observed)).toEqual([{ '0': { EMERGENCY_MMTEL: 'com.oem.ims', MMTEL: 'com.oem.ims', RCS: 'com.carrier.a.ims' } }]);
  });

  test('a vendor-bug profile: the reference device with that bug binds otherwise, and the verdict says so', async () => {
    const s = await loadScenario(path.join(SUITES_DIR, 'priority', 'doc-table-carrier-a.yaml'));
    const run = await runOnReferenceDevice(s, { deviation: 'no-per-feature-fallback' });
    expect(run.status).toBe('fail');
    expect(run.checkpoints[0]?.diffs.length).toBeGreaterThan(0);
  });

  test('an unknown profile is bad input', async () => {
    const s = await loadScenario(path.join(SUITES_DIR, 'priority', 'doc-table-carrier-a.yaml'));
    await expect(runOnReferenceDevice(s, { profile: 'pixel-9' })).rejects.toMatchObject({ code: 'E_USAGE' });
  });
});
