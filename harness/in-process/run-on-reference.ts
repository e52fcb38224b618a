/**
 * "Run this resolved scenario on a fresh in-process reference device and tell me what it bound":
 * the scenario engine, unchanged, against a reference device started in this process for this one
 * scenario (no TCP, no adb server) and stopped afterwards. The three-way diff runs each scenario of
 * a real-target run here a second time (AOSP's answer beside the documentation's and the target's);
 * Jest and Stryker run the suites here in the test process.
 */
import { ServiceDevice } from '../adb';
import { InputError, UsageError } from '../errors';
import { type FullScenario } from '../model';
import { type Checkpoint, type EventInput, type ScenarioStatus } from '../results';
import { runScenario } from '../scenario/engine';
import { NO_WAIVERS, type WaiverLookup } from '../scenario/engine-diff';
import { ApkCache } from '../targets/app-realiser';
import { probeTarget } from '../targets/probe';
import { runInEpochs } from '../targets/run-staging';
import { createSession, type RoundTrips } from '../targets/target-session';
import { startInProcessReferenceDevice } from './start-in-process';

/**
 * Reference device profiles a reference run can use: the AOSP reference device with every
 * capability, and the same AOSP code as a stock API 35 emulator (virtual-device/android/device-profile.ts),
 * which a run on `--profile emulator` compares itself with so both sides reach the world by the same means.
 */
export const REFERENCE_PROFILES = ['default', 'emulator'] as const;
export type ReferenceProfile = (typeof REFERENCE_PROFILES)[number];

/** The profile name, or a usage error naming the known ones. */
export function referenceProfile(profile: string | undefined): ReferenceProfile {
  const p = profile ?? 'default';
  const known = REFERENCE_PROFILES.find((k) => k === p);
  if (known === undefined) throw new UsageError(`reference profile ${p}: not available (known: ${REFERENCE_PROFILES.join(', ')})`);
  return known;
}

/** How the three-way diff names the reference device of `profile` (events, report). */
export function referenceDeviceName(profile: ReferenceProfile): string {
  return `in-process AOSP reference device (${profile} profile)`;
}

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
  const profile = referenceProfile(options.profile);
  const handle = await startInProcessReferenceDevice({
    profile,
    timeScale: options.timeScale ?? DEFAULT_REFERENCE_TIME_SCALE,
    ...(options.deviation === undefined ? {} : { deviation: options.deviation }),
  });
  try {
    const device = new ServiceDevice(handle.endpoint);
    const probe = await probeTarget(device, { via: 'in-process' });
    const session = createSession(device, probe.info, probe.capabilities, probe.routes);
    if (probe.facts.root === 'root') session.rooted = true;
    const apks = options.apks ?? new ApkCache();
    // Staged as `ims-rig run` stages a run (priv-app placeholders, features, overlays): one reboot of the fresh device.
    const ran = await runInEpochs(session, [scenario], { apks, log: [], keepList: false, ...(options.signal ? { signal: options.signal } : {}) }, (s) => runScenario(s, {
      session,
      apks,
      emit: options.emit ?? (() => undefined),
      waivers: options.waivers ?? NO_WAIVERS,
      ...(options.signal ? { signal: options.signal } : {}),
    }));
    const outcome = ran.get(scenario.id);
    if (outcome === undefined) throw new InputError(`${scenario.id} did not run on the reference device`);
    return { status: outcome.status, ...(outcome.reason === undefined ? {} : { reason: outcome.reason }), checkpoints: outcome.checkpoints, roundTrips: outcome.roundTrips };
  } finally {
    await handle.stop();
  }
}

