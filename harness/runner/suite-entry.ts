/**
 * The conformance suite as Jest sees it (suites/conformance.suite.ts calls this): one Jest test per
 * scenario, named by its id, run against the target named in the run config. Each test runs the
 * scenario engine, which writes the events (the source of truth for every report); Jest's own
 * pass/fail only mirrors the verdict. A test whose turn comes after an interrupt or a lost device
 * does nothing, so it appears in the report as "not run".
 */
import * as fs from 'node:fs';
import * as nodeModule from 'node:module';
import { afterAll, beforeAll, test } from '@jest/globals';
import { AdbHost, ServiceDevice } from '../adb';
import { EventWriter } from '../results';
import { type FullScenario } from '../model';
import { runScenario, type ScenarioOutcome } from '../scenario/engine';
import { waiverLookupFor } from '../scenario/waivers';
import { ApkCache } from '../targets/app-realiser';
import { TargetLeftovers } from '../targets/target-leftover';
import { createSession, type TargetSession } from '../targets/target-session';
import { planRunStaging, type RunStagingPlan, type StagedFile } from '../targets/staging-plan';
import { stageEpoch, unstage, type StagingContext } from '../targets/run-staging';
import { TargetClock } from '../targets/target-clock';
import { describeError } from '../errors';
import { inProcessEndpoint } from './in-process-registry';
import { readControl, watchAbort, writeControl } from './run-control';
import { readRunConfig, type RunConfig, type ScenarioStats } from './run-config';
import { type UiPluginModule, type UiRunner } from '../scenario/ui-runner';

const DEFAULT_SCENARIO_TIMEOUT_MS = 10 * 60_000;
/** How long a lost target is waited for before the run gives up on it (a real device's reboot). */
const RECONNECT_TIMEOUT_MS = 180_000;

interface SuiteState {
  /** Waits for the target to be back after it was lost; false when it is not. */
  reconnect(): Promise<boolean>;
  session: TargetSession;
  writer: EventWriter;
  apks: ApkCache;
  ui?: UiRunner;
  leftovers?: TargetLeftovers;
  /** What is staged on the target now, and the epoch it belongs to (-1: nothing yet). */
  staged: readonly StagedFile[];
  epoch: number;
  /** Why an epoch could not be staged (its scenarios become errors). */
  stagingErrors: Map<number, string>;
  /** The staged paths are listed on the target (not for an in-process device: it ends with the run). */
  keepList: boolean;
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
    const { endpoint, serial } = config.target;
    // Back means booted: a device the rig (or an aborted step) was rebooting answers adb before its
    // framework is up, and a restore run then would fail against it. The budget is a real device's
    // reboot; a target that is back sooner ends the wait sooner.
    const reconnectMs = RECONNECT_TIMEOUT_MS;
    let reconnect: () => Promise<boolean>;
    let session: TargetSession;
    const clock = new TargetClock(config.targetClockFile);
    if (endpoint.kind === 'in-process') {
      const device = new ServiceDevice(inProcessEndpoint(serial));
      session = createSession(device, config.target.info, config.target.capabilities, config.target.routes, clock, config.target.waits);
      reconnect = async () => {
        await device.waitForBootCompleted({ timeoutMs: reconnectMs });
        return true;
      };
    } else {
      const host = new AdbHost(endpoint);
      session = createSession(host.device(serial), config.target.info, config.target.capabilities, config.target.routes, clock, config.target.waits);
      reconnect = async () => {
        await host.device(serial).waitForBootCompleted({ timeoutMs: reconnectMs });
        return true;
      };
    }
    const writer = new EventWriter(config.eventsFile);
    const apks = new ApkCache(config.apkCacheDir);
    // Snapshots are kept on the target itself while a scenario runs (harness/targets/target-leftover.ts);
    // an in-process device ends with this process: no later run could restore it from one.
    const leftovers = endpoint.kind === 'in-process' ? undefined : new TargetLeftovers(session.device, config.leftover.target, config.leftover.run);
    state = {
      reconnect, session, writer, apks, ...(leftovers === undefined ? {} : { leftovers }),
      ...(config.ui === undefined ? {} : { ui: loadUiPlugin(config.ui.module).createUiRunner(config.ui.options) }),
      staged: [], epoch: -1, stagingErrors: new Map(), keepList: endpoint.kind !== 'in-process',
    };
    // Root once up front when the run needs it, so every snapshot reads the same things (cc needs root).
    if (session.capabilities.has('carrier-config') || session.capabilities.has('priv-app-install')) {
      const root = await session.device.root({ timeoutMs: 90_000 });
      session.rooted = root.ok;
    }
  }

  afterAll(async () => {
    await state?.ui?.close();
    // The run's staged files go again (one reboot), also after an interrupt.
    if (state !== undefined && state.staged.length > 0) {
      await unstage(state.session, [...new Set(state.staged.map((f) => f.removePath))], stagingContext(state)).catch((e: unknown) => process.stderr.write(`ims-rig: could not remove the run's staged files: ${describeError(e)}\n`));
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
      const staged = await enterEpoch(state, staging, epochOf.get(scenario.id));
      const outcome = await runWithRetries(config, state, scenario, staged);
      if (outcome === undefined) return;
      if (outcome.status === 'fail' || outcome.status === 'error') throw new Error(`${outcome.status}: ${outcome.reason ?? ''}`);
    }, perScenario);
  }
}

/**
 * The optional Appium plugin, by path (the core never imports it). Loaded with Node's own loader
 * (Module._load), outside Jest's module registry — whose `require` and `createRequire` transform
 * nothing and cannot import ES modules: WebdriverIO is an ES module behind a CommonJS entry, and
 * the flows are TypeScript compiled by ts-node's require hook, both of which need the real loader.
 */
function loadUiPlugin(file: string): UiPluginModule {
  const loader = nodeModule as unknown as { _load(request: string, parent: null, isMain: boolean): unknown };
  return loader._load(file, null, false) as UiPluginModule;
}

/** The staging context for this run's target. */
function stagingContext(state: SuiteState): StagingContext {
  return { apks: state.apks, log: [], keepList: state.keepList };
}

/**
 * Before a scenario of another staging epoch: stage what it needs (one reboot). Returns the
 * record for the scenario that paid for it, or a reason when the epoch could not be staged.
 */
async function enterEpoch(state: SuiteState, plan: RunStagingPlan, epoch: number | undefined): Promise<StagingRecord> {
  if (epoch === undefined || epoch === state.epoch) {
    const blocked = epoch === undefined ? undefined : state.stagingErrors.get(epoch);
    return blocked === undefined ? {} : { blockedBy: blocked };
  }
  const target = plan.epochs[epoch];
  if (target === undefined) return {};
  const started = Date.now();
  const startedAt = new Date(started).toISOString();
  try {
    const detail = await stageEpoch(state.session, state.staged, target, stagingContext(state));
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
  const waivers = waiverLookupFor(config.waivers, scenario);
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
        ...(state.ui === undefined ? {} : { ui: state.ui }),
        ...(attempt === 1 && staged.staging ? { staging: staged.staging } : {}),
        ...(staged.blockedBy === undefined ? {} : { blockedBy: staged.blockedBy }),
        ...(state.leftovers === undefined ? {} : { leftovers: state.leftovers }),
        ...(config.settleTimeoutMs === undefined ? {} : { settleTimeoutMs: config.settleTimeoutMs }),
        ...(config.scenarioTimeoutMs === undefined ? {} : { scenarioTimeoutMs: config.scenarioTimeoutMs }),
        reconnect: () => state.reconnect(),
      });
    } finally {
      abort.dispose();
    }
    appendStats(config, outcome);
    if (outcome.deviceLost) {
      // An interrupt stays an interrupt (exit 130): a device that dropped out while the user was
      // aborting is not the infrastructure failure a lost device otherwise is.
      const control = readControl(config.controlFile).state;
      if (control !== 'stop' && control !== 'abort') writeControl(config.controlFile, 'lost', `${config.target.serial} was lost during ${scenario.id} and did not come back`);
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
