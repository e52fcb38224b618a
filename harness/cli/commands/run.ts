/**
 * `ims-rig run` (DESIGN.md "CLI"): options → harness/runner's runSuites; returns the exit code
 * (harness/runner/exit-code.ts: 0 pass, 1 failures, 2 bad input, 3 infrastructure, 130 interrupted).
 */
import { UsageError } from '../../errors';
import { referenceDeviceName, referenceProfile, runOnReferenceDevice, type ReferenceProfile } from '../../in-process/run-on-reference';
import { startInProcessReferenceDevice } from '../../in-process/start-in-process';
import { ApkCache } from '../../targets/app-realiser';
import { runSuites } from '../../runner/run-suites';
import { appiumLauncher } from '../../appium/launcher';

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function wholeNumber(name: string, value: unknown): number {
  const n = Number(value ?? 0);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${name} ${JSON.stringify(value)}: expected a whole number >= 0`);
  return n;
}

function positiveNumber(name: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${name} ${JSON.stringify(value)}: expected a number > 0`);
  return n;
}

/** Default wait of a bare --wait-for-target: an hour, longer than a full suite on a real device. */
export const DEFAULT_TARGET_WAIT_S = 3_600;

/** --wait-for-target [seconds] as milliseconds (undefined: not given, fail at once). */
export function targetWaitMs(value: unknown): number | undefined {
  if (value === undefined || value === false) return undefined;
  if (value === true) return DEFAULT_TARGET_WAIT_S * 1000;
  const seconds = Number(value);
  if (typeof value !== 'string' || value.trim() === '' || !Number.isFinite(seconds) || seconds < 0) {
    throw new UsageError(`--wait-for-target ${JSON.stringify(value)}: expected a number of seconds >= 0`);
  }
  return Math.round(seconds * 1000);
}

export async function runCommand(opts: Record<string, unknown>): Promise<number> {
  const target = optionalString(opts.target);
  const namePattern = optionalString(opts.testNamePattern);
  const out = optionalString(opts.out);
  const shard = optionalString(opts.shard);
  const deviation = optionalString(opts.deviation);
  const profile = optionalString(opts.profile);
  const waiversFile = optionalString(opts.waivers);
  const statsFile = optionalString(opts.stats);
  const timeScale = positiveNumber('--time-scale', opts.timeScale);
  const waitForTargetMs = targetWaitMs(opts.waitForTarget);
  const inProcess = optionalString(opts.transport) === 'in-process';
  const outcome = await runSuites({
    ...(target === undefined ? {} : { target }),
    suites: stringList(opts.suite),
    scenarioFiles: stringList(opts.scenario),
    ...(namePattern === undefined ? {} : { namePattern }),
    ...(out === undefined ? {} : { out }),
    ...(shard === undefined ? {} : { shard }),
    retries: wholeNumber('--retries', opts.retries),
    ...(deviation === undefined ? {} : { deviation }),
    ...(profile === undefined ? {} : { profile }),
    ...(timeScale === undefined ? {} : { timeScale }),
    ...(inProcess ? { transport: 'in-process', startInProcess: startInProcessReferenceDevice } : {}),
    ...(waiversFile === undefined ? {} : { waiversFile }),
    // Three-way diff: unless --no-reference, each scenario also runs on an in-process AOSP reference
    // device (no deviation; the profile the run's own reference device has, so both reach the world
    // by the same means); the runner skips it when the target is that device.
    ...(opts.reference === false ? {} : { reference: { runner: referenceRunner(referenceProfile(profile)), device: referenceDeviceName(referenceProfile(profile)) } }),
    ...(statsFile === undefined ? {} : { statsFile }),
    progress: opts.progress !== false,
    appium: appiumLauncher(),
    ...(waitForTargetMs === undefined ? {} : { waitForTargetMs }),
    commandLine: ['ims-rig', ...process.argv.slice(2)].join(' '),
  });
  return outcome.exitCode;
}

function referenceRunner(profile: ReferenceProfile): (scenario: Parameters<typeof runOnReferenceDevice>[0], signal: AbortSignal) => ReturnType<typeof runOnReferenceDevice> {
  const apks = new ApkCache();
  return (scenario, signal) => runOnReferenceDevice(scenario, { apks, signal, profile });
}
