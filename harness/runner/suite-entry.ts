/**
 * The conformance suite as Jest sees it (suites/conformance.suite.ts calls this): one Jest test per
 * scenario, named by its id, run against the target named in the run config. Each test runs the
 * scenario engine, which writes the events (the source of truth for every report); Jest's own
 * pass/fail only mirrors the verdict. A test whose turn comes after an interrupt or a lost device
 * does nothing, so it appears in the report as "not run".
 */
import * as fs from 'node:fs';
import { afterAll, beforeAll, test } from '@jest/globals';
import { AdbHost } from '../adb';
import { EventWriter } from '../results';
import { type FullScenario } from '../model';
import { runScenario, type ScenarioOutcome } from '../scenario/engine';
import { toWaiverRef, findWaiver, waiversForScenario } from '../scenario/waivers';
import { ApkCache } from '../targets/app-realiser';
import { clearPendingRestore, readPendingRestore, restoreSnapshot } from '../targets/snapshot';
import { createSession, type TargetSession } from '../targets/target-session';
import { planRunStaging, type RunStagingPlan, type StagedFile } from '../targets/staging-plan';
import { readPendingStaging, stageEpoch, unstage } from '../targets/run-staging';
import { TargetClock } from '../targets/target-clock';
import { DEVICE_WAITS } from '../targets/resolve';
import { describeError } from '../errors';
import { readControl, watchAbort, writeControl } from './run-control';
import { readRunConfig, type RunConfig, type ScenarioStats } from './run-config';

const DEFAULT_SCENARIO_TIMEOUT_MS = 10 * 60_000;

interface SuiteState {
  host: AdbHost;
  session: TargetSession;
  writer: EventWriter;
  apks: ApkCache;
  /** What is staged on the target now, and the epoch it belongs to (-1: nothing yet). */
  staged: readonly StagedFile[];
  epoch: number;
  /** Why an epoch could not be staged (its scenarios become errors). */
  stagingErrors: Map<number, string>;
}

/** Defines the suite's tests from $IMS_RIG_RUN_CONFIG. */
export function defineConformanceSuite(config: RunConfig = readRunConfig()): void {
  let state: SuiteState | undefined;
  const capabilities = new Set(config.target.capabilities);
  const staging: RunStagingPlan = config.target.routes === undefined
    ? { order: config.scenarios.map((s) => s.id), epochs: [] }
    : planRunStaging(config.scenarios, { capabilities, routes: config.target.routes });
  const byId = new Map(config.scenarios.map((s) => [s.id, s]));
  const ordered = staging.order.map((id) => byId.get(id)).filter((s): s is FullScenario => s !== undefined);
  const epochOf = new Map(staging.epochs.flatMap((e, i) => e.scenarioIds.map((id) => [id, i] as const)));

  let setupError: unknown;
  beforeAll(async () => {
    try {
      await setUp();
    } catch (e) {
      // Kept, not thrown: every test then fails with it, and the CLI reports why nothing ran.
      setupError = e;
    }
  }, 300_000);

  async function setUp(): Promise<void> {
    const host = new AdbHost(config.target.endpoint);
    const clock = new TargetClock(config.targetClockFile);
    const session = createSession(host.device(config.target.serial), config.target.info, config.target.capabilities, config.target.routes, clock, config.target.waits);
    const writer = new EventWriter(config.eventsFile);
    const apks = new ApkCache(config.apkCacheDir);
    state = { host, session, writer, apks, staged: [], epoch: -1, stagingErrors: new Map() };
    // Root once up front when the run needs it, so every snapshot reads the same things (cc needs root).
    if (session.capabilities.has('carrier-config') || session.capabilities.has('priv-app-install')) {
      const root = await session.device.root({ timeoutMs: 90_000 });
      session.rooted = root.ok;
    }
    await restoreLeftovers(config, state);
  }

  afterAll(async () => {
    // The run's staged files go again (one reboot), also after an interrupt.
    if (state !== undefined && state.staged.length > 0) {
      await unstage(state.session, [...new Set(state.staged.map((f) => f.removePath))], {
        apks: state.apks, log: [], ...(config.pendingStagingFile ? { pendingFile: config.pendingStagingFile } : {}),
      }).catch((e: unknown) => process.stderr.write(`ims-rig: could not remove the run's staged files: ${describeError(e)}\n`));
      state.staged = [];
    }
    state?.writer.close();
  }, 600_000);

  const perScenario = (config.scenarioTimeoutMs ?? DEFAULT_SCENARIO_TIMEOUT_MS) * (config.retries + 1) + 600_000;
  for (const scenario of ordered) {
    test(scenario.id, async () => {
      if (state === undefined || setupError !== undefined) {
        throw new Error(`the suite could not reach the target: ${setupError instanceof Error ? setupError.message : String(setupError)}`);
      }
      const staged = await enterEpoch(config, state, staging, epochOf.get(scenario.id));
      const outcome = await runWithRetries(config, state, scenario, staged);
      if (outcome === undefined) return;
      if (outcome.status === 'fail' || outcome.status === 'error') throw new Error(`${outcome.status}: ${outcome.reason ?? ''}`);
    }, perScenario);
  }
}

/** A scenario a previous (killed) run left provisioned, and files it left staged: restore them first. */
async function restoreLeftovers(config: RunConfig, state: SuiteState): Promise<void> {
  const pending = readPendingRestore(config.pendingRestoreFile);
  if (pending !== undefined && pending.snapshot.serial === config.target.serial) {
    const outcome = await restoreSnapshot(state.session, pending.snapshot, { apks: state.apks, pushed: new Set(pending.pushed), log: [] });
    if (outcome.ok) clearPendingRestore(config.pendingRestoreFile);
  }
  const staged = config.pendingStagingFile === undefined ? undefined : readPendingStaging(config.pendingStagingFile);
  if (staged !== undefined && staged.serial === config.target.serial && config.pendingStagingFile !== undefined) {
    await unstage(state.session, staged.removePaths, { apks: state.apks, log: [], pendingFile: config.pendingStagingFile });
  }
}

/**
 * Before a scenario of another staging epoch: stage what it needs (one reboot). Returns the
 * record for the scenario that paid for it, or a reason when the epoch could not be staged.
 */
async function enterEpoch(config: RunConfig, state: SuiteState, plan: RunStagingPlan, epoch: number | undefined): Promise<StagingRecord> {
  if (epoch === undefined || epoch === state.epoch) {
    const blocked = epoch === undefined ? undefined : state.stagingErrors.get(epoch);
    return blocked === undefined ? {} : { blockedBy: blocked };
  }
  const target = plan.epochs[epoch];
  if (target === undefined) return {};
  const started = Date.now();
  const startedAt = new Date(started).toISOString();
  try {
    const detail = await stageEpoch(state.session, state.staged, target, {
      apks: state.apks, log: [], ...(config.pendingStagingFile ? { pendingFile: config.pendingStagingFile } : {}),
    });
    state.staged = target.files;
    state.epoch = epoch;
    return { staging: { detail: `epoch ${epoch + 1} of ${plan.epochs.length}: ${detail}`, durationMs: Date.now() - started, startedAt } };
  } catch (e) {
    const reason = `the run could not stage what this scenario needs: ${describeError(e)}`;
    state.stagingErrors.set(epoch, reason);
    state.epoch = epoch;
    return { blockedBy: reason, staging: { detail: reason, durationMs: Date.now() - started, startedAt } };
  }
}

interface StagingRecord {
  readonly staging?: { readonly detail: string; readonly durationMs: number; readonly startedAt: string };
  readonly blockedBy?: string;
}

async function runWithRetries(config: RunConfig, state: SuiteState, scenario: FullScenario, staged: StagingRecord): Promise<ScenarioOutcome | undefined> {
  const all = waiversForScenario(config.waivers, scenario);
  const waivers = (diff: Parameters<typeof findWaiver>[2]): ReturnType<typeof toWaiverRef> | undefined => {
    const w = findWaiver(all, scenario.id, diff);
    return w === undefined ? undefined : toWaiverRef(w);
  };
  let outcome: ScenarioOutcome | undefined;
  for (let attempt = 1; attempt <= config.retries + 1; attempt++) {
    if (readControl(config.controlFile).state !== 'run') return outcome;
    const abort = watchAbort(config.controlFile);
    try {
      outcome = await runScenario(scenario, {
        session: state.session,
        apks: state.apks,
        emit: (event) => state.writer.write(event),
        waivers,
        attempt,
        signal: abort.signal,
        ...(attempt === 1 && staged.staging ? { staging: staged.staging } : {}),
        ...(staged.blockedBy === undefined ? {} : { blockedBy: staged.blockedBy }),
        pendingRestoreFile: config.pendingRestoreFile,
        ...(config.settleTimeoutMs === undefined ? {} : { settleTimeoutMs: config.settleTimeoutMs }),
        ...(config.scenarioTimeoutMs === undefined ? {} : { scenarioTimeoutMs: config.scenarioTimeoutMs }),
        reconnect: async () => {
          await state.host.waitForDevice(config.target.serial, { timeoutMs: (config.target.waits ?? DEVICE_WAITS).reconnectMs });
          return true;
        },
      });
    } finally {
      abort.dispose();
    }
    appendStats(config, outcome);
    if (outcome.deviceLost) {
      writeControl(config.controlFile, 'lost', `${config.target.serial} was lost during ${scenario.id} and did not come back`);
      return outcome;
    }
    if (outcome.status !== 'error') return outcome;
  }
  return outcome;
}

function appendStats(config: RunConfig, outcome: ScenarioOutcome): void {
  if (config.statsFile === undefined) return;
  const stats: ScenarioStats = {
    id: outcome.id, status: outcome.status, durationMs: outcome.durationMs, roundTrips: outcome.roundTrips.total,
    byKind: outcome.roundTrips.byKind, stimuli: outcome.stimuli, observations: outcome.observations,
  };
  fs.appendFileSync(config.statsFile, `${JSON.stringify(stats)}\n`);
}
