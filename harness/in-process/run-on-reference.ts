/**
 * "Run this resolved scenario on a fresh in-process reference device and tell me what it bound":
 * the scenario engine, unchanged, against a reference device started in this process for this one
 * scenario (no TCP, no adb server) and stopped afterwards. The three-way diff runs each scenario of
 * a real-target run here a second time (AOSP's answer beside the documentation's and the target's);
 * Jest and Stryker run the suites here in the test process.
 */
import { ServiceDevice } from '../adb';
import { UsageError } from '../errors';
import { type FullScenario } from '../model';
import { type Checkpoint, type EventInput, type ScenarioStatus } from '../results';
import { runScenario } from '../scenario/engine';
import { NO_WAIVERS, type WaiverLookup } from '../scenario/engine-diff';
import { ApkCache } from '../targets/app-realiser';
import { probeTarget } from '../targets/probe';
import { createSession, type RoundTrips } from '../targets/target-session';
import { startInProcessReferenceDevice } from './start-in-process';

/** Reference device profiles this branch can start (`emulator` arrives with the stock-target work). */
export const REFERENCE_PROFILES = ['default'] as const;

export interface ReferenceRunOptions {
  /** The reference device profile (default `default`: the AOSP reference device with every capability). */
  readonly profile?: string;
  /** A vendor-bug profile (virtual-device/deviations); default none: plain AOSP. */
  readonly deviation?: string;
  /** Device clock scale (default 0.02, as `ims-rig run`). */
  readonly timeScale?: number;
  /** Waivers to apply to the reference's diffs (default none: the raw verdict). */
  readonly waivers?: WaiverLookup;
  /** Receives the engine's events (default: dropped). */
  readonly emit?: (event: EventInput) => void;
  /** APK cache to reuse across calls (default: a new one over the shared cache directory). */
  readonly apks?: ApkCache;
  readonly signal?: AbortSignal;
}

export interface ReferenceRun {
  readonly status: ScenarioStatus;
  readonly reason?: string;
  /** One per check/checkGrants step, in order; `observed` is what the reference device's dumpsys phone printed. */
  readonly checkpoints: readonly Checkpoint[];
  readonly roundTrips: RoundTrips;
}

export const DEFAULT_REFERENCE_TIME_SCALE = 0.02;

/** Runs `scenario` on a fresh in-process reference device and returns its checkpoints. */
export async function runOnReferenceDevice(scenario: FullScenario, options: ReferenceRunOptions = {}): Promise<ReferenceRun> {
  const profile = options.profile ?? 'default';
  if (!(REFERENCE_PROFILES as readonly string[]).includes(profile)) {
    throw new UsageError(`reference profile ${profile}: not available (known: ${REFERENCE_PROFILES.join(', ')})`);
  }
  const handle = await startInProcessReferenceDevice({
    timeScale: options.timeScale ?? DEFAULT_REFERENCE_TIME_SCALE,
    ...(options.deviation === undefined ? {} : { deviation: options.deviation }),
  });
  try {
    const device = new ServiceDevice(handle.endpoint);
    const probe = await probeTarget(device, { via: 'in-process' });
    const session = createSession(device, probe.info, probe.capabilities);
    if (probe.facts.root === 'root') session.rooted = true;
    const outcome = await runScenario(scenario, {
      session,
      apks: options.apks ?? new ApkCache(),
      emit: options.emit ?? (() => undefined),
      waivers: options.waivers ?? NO_WAIVERS,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    return { status: outcome.status, ...(outcome.reason === undefined ? {} : { reason: outcome.reason }), checkpoints: outcome.checkpoints, roundTrips: outcome.roundTrips };
  } finally {
    await handle.stop();
  }
}
