/**
 * The scenario engine against the reference device, through the reference device's adb-server
 * door (no adb binary needed): doc-table scenarios pass, the target reads back unchanged after
 * each, a deviation profile shows up as a failing cell, an aborted scenario is an error and is
 * restored.
 */
import * as path from 'node:path';
import { type EventInput } from '../../results';
import { type FullScenario } from '../../model';
import { SUITES_DIR } from '../../paths';
import { type StartedReferenceDevice } from '../../testing';
import { startReferenceSession } from '../../testing/reference-session';
import { ApkCache } from '../../targets/app-realiser';
import { deviceStateFingerprint } from '../../targets/device-state';
import { runInEpochs } from '../../targets/run-staging';
import { type TargetSession } from '../../targets/target-session';
import { runScenario } from '../engine';
import { NO_WAIVERS } from '../engine-diff';
import { loadScenario } from '../loader';

interface Rig {
  readonly device: StartedReferenceDevice;
  readonly session: TargetSession;
}

async function startRig(deviation?: string): Promise<Rig> {
  const { device, session } = await startReferenceSession({ timeScale: 0.01, ...(deviation === undefined ? {} : { deviation }) });
  return { device, session };
}

/** Stages what `scenario` needs, as `ims-rig run` would (one reboot), then runs `body` on the staged target. */
async function staged(rig: Rig, scenario: FullScenario, body: () => Promise<void>): Promise<void> {
  await runInEpochs(rig.session, [scenario], { apks: new ApkCache(), log: [], keepList: false }, body);
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
    await staged(rig, scenario, async () => {
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
});

describe('scenario engine on a reference device with a vendor bug', () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await startRig('no-per-feature-fallback');
  });
  afterAll(async () => {
    await rig.device.stop();
  });

  test('the bug shows as failing cells with the documented rule, and the device is still restored', async () => {
    const scenario = await loadScenario(path.join(SUITES_DIR, 'priority', 'doc-table-carrier-a.yaml'));
    await staged(rig, scenario, async () => {
    const before = await deviceStateFingerprint(rig.session);
    const { emit } = collect();
    const outcome = await runScenario(scenario, { session: rig.session, apks: new ApkCache(), emit, waivers: NO_WAIVERS });
    expect(outcome.status).toBe('fail');
    expect(outcome.checkpoints[0]?.diffs).toContainEqual({ slot: '0', feature: 'MMTEL', expected: 'com.oem.ims', observed: null, rule: 'device-default' });
    expect(await deviceStateFingerprint(rig.session)).toBe(before);
    });
  });

  test('an aborted scenario (second Ctrl-C) is an error, never a failure, and the device is restored', async () => {
    const scenario = await loadScenario(path.join(SUITES_DIR, 'priority', 'doc-table-carrier-b.yaml'));
    await staged(rig, scenario, async () => {
    const before = await deviceStateFingerprint(rig.session);
    const controller = new AbortController();
    const { events, emit } = collect();
    // Abort as soon as provisioning has been recorded: the check step never starts.
    const outcome = await runScenario(scenario, {
      session: rig.session, apks: new ApkCache(), waivers: NO_WAIVERS, signal: controller.signal,
      emit: (e) => {
        emit(e);
        if (e.type === 'step' && e.step.kind === 'provision') controller.abort(new Error('interrupted (second SIGINT)'));
      },
    });
    expect(outcome.status).toBe('error');
    expect(outcome.reason).toBe('E_TIMEOUT: interrupted before step 0: interrupted (second SIGINT)');
    expect(outcome.checkpoints).toEqual([]);
    expect(outcome.restore?.ok).toBe(true);
    expect(events.filter((e) => e.type === 'step').map((e) => e.type === 'step' && [e.step.kind, e.step.status])).toEqual([['snapshot', 'ok'], ['provision', 'ok'], ['restore', 'ok']]);
    expect(await deviceStateFingerprint(rig.session)).toBe(before);
    });
  });
});
