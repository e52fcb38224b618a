/**
 * The scenario engine: runs one scenario on one target and reports it as events.
 *
 *   scenario-begin → requirement check (missing ⇒ skip "target lacks <cap>: …") → snapshot →
 *   provision → each step (step event; at `check`: settle, observe, diff against the documented
 *   model, waivers, checkpoint event; at `checkGrants`: dumpsys package grants) → verdict →
 *   restore (always, and checked against the snapshot's fingerprint) → scenario-end.
 *
 * Infrastructure problems (command failed, device lost, timeout, interrupt) make the scenario an
 * *error*, never a failure; a target that cannot hold the scenario's world makes it a *skip*.
 */
import { type ShellCommand } from '../adb';
import { isImsRigError, TimeoutError } from '../errors';
import { type FullScenario, type ImsAppSpec, type SlotCount } from '../model';
import { expectationsFor, describeStep } from '../oracle';
import { type Checkpoint, type EventInput, type ScenarioStatus, type StepRecord, type UiStepRecord } from '../results';
import { type ApkCache } from '../targets/app-realiser';
import { type DeviceState } from '../targets/device-state';
import { describeAction } from '../targets/device-action';
import { executeActions, type CommandRecord, type ExecutionContext } from '../targets/execute-actions';
import { planProvisioning } from '../targets/provision';
import { requirementSkip } from '../targets/requirements';
import { restoreSnapshot, takeSnapshotWith, type RestoreContext, type RestoreOutcome, type Snapshot } from '../targets/snapshot';
import { StepOrder } from '../targets/step-order';
import { type LeftoverKeeper } from '../targets/target-leftover';
import { NotRealisableError, planStep } from '../targets/step-plan';
import { type RoundTrips, type TargetSession } from '../targets/target-session';
import { type WaiverLookup } from './engine-diff';
import { LogcatEvidence, observeCheck, observeGrants } from './engine-observe';
import { CallbackTracker } from './callback-tracker';
import { observeStateCallbacks } from './engine-callbacks';
import { observerLogcatCommand, parseObserverLog } from '../android';
import { scenarioUsesObserver } from '../model';
import { scenarioVerdict, errorReason } from './engine-verdict';
import { runUiStep, UiFlowError } from './engine-ui';
import { type UiRunner } from './ui-runner';

export interface EngineContext {
  readonly session: TargetSession;
  readonly apks: ApkCache;
  /** Appends one event to the run's stream (events.jsonl). */
  readonly emit: (event: EventInput) => void;
  /** The waivers this scenario may use, as a lookup. */
  readonly waivers: WaiverLookup;
  readonly attempt?: number;
  /** Aborts the scenario (second SIGINT); the restore still runs. */
  readonly signal?: AbortSignal;
  /** Keeps the snapshot on the target while the scenario runs (restored by the next run if this one dies). */
  readonly leftovers?: LeftoverKeeper;
  readonly settleTimeoutMs?: number;
  /** The whole scenario's deadline (default 10 min). */
  readonly scenarioTimeoutMs?: number;
  /** After a lost device: waits for it to come back; resolves false when it does not. */
  readonly reconnect?: () => Promise<boolean>;
  /** Runs `ui` steps' flows (the optional Appium plugin, loaded by the runner); absent: none can run. */
  readonly ui?: UiRunner;
  /** The run staged files for this scenario just before it (recorded as its first step). */
  readonly staging?: { readonly detail: string; readonly durationMs: number; readonly startedAt: string };
  /** The run could not prepare the target for this scenario (its staging failed): an error. */
  readonly blockedBy?: string;
}

export interface ScenarioOutcome {
  readonly id: string;
  readonly status: ScenarioStatus;
  readonly reason?: string;
  readonly durationMs: number;
  readonly checkpoints: readonly Checkpoint[];
  /** The device went away and did not come back: the run cannot go on. */
  readonly deviceLost: boolean;
  readonly restore?: RestoreOutcome;
  /** adb round trips this scenario made (snapshot, provisioning, steps, observations, restore). */
  readonly roundTrips: RoundTrips;
  /** Device actions sent to realise the world and run the steps (the stimuli; each ≥ 1 round trip). */
  readonly stimuli: number;
  /** Observations made (check and checkGrants; each ≥ 1 round trip). */
  readonly observations: number;
}

const DEFAULT_SCENARIO_TIMEOUT_MS = 10 * 60_000;

class Skip extends Error {}

function isDeviceLoss(e: unknown): boolean {
  return isImsRigError(e) && e.code === 'E_DEVICE';
}

export async function runScenario(s: FullScenario, ctx: EngineContext): Promise<ScenarioOutcome> {
  const started = Date.now();
  const attempt = ctx.attempt ?? 1;
  const { session } = ctx;
  const tripsBefore = session.device.snapshot();
  ctx.emit({
    type: 'scenario-begin', id: s.id, title: s.title, area: s.area, file: s.displayFile, ...(s.doc === undefined ? {} : { doc: s.doc }),
    ...(s.warnings === undefined ? {} : { warnings: s.warnings }), requires: s.requires, target: session.info.serial, attempt,
  });

  const checkpoints: Checkpoint[] = [];
  let skipped: string | undefined = requirementSkip(s, session.capabilities);
  let error: unknown = skipped === undefined && ctx.blockedBy !== undefined ? new Error(ctx.blockedBy) : undefined;
  if (ctx.staging !== undefined) {
    ctx.emit({ type: 'step', scenario: s.id, step: { index: -1, kind: 'stage', description: 'the run stages what its scenarios need under the read-only partitions (one reboot)', status: error === undefined ? 'ok' : 'error', startedAt: ctx.staging.startedAt, durationMs: ctx.staging.durationMs, detail: ctx.staging.detail } });
  }
  let deviceLost = false;
  let restore: RestoreOutcome | undefined;
  let stimuli = 0;

  if (skipped === undefined && error === undefined) {
    const deadline = AbortSignal.timeout(ctx.scenarioTimeoutMs ?? DEFAULT_SCENARIO_TIMEOUT_MS);
    const signal = ctx.signal ? AbortSignal.any([ctx.signal, deadline]) : deadline;
    const log: CommandRecord[] = [];
    const exec: ExecutionContext = { session, apks: ctx.apks, pushed: new Set(), log, signal };
    const logcat = new LogcatEvidence(session);
    const slots: SlotTracker = { count: s.world.slots };
    let snapshot: Snapshot | undefined;
    try {
      // The snapshot and the logcat baseline in one round trip (none when the last restore's check is the
      // snapshot), recorded as a step of its own: the report's timeline shows the whole setup, not only provisioning.
      await recordStep(ctx, s.id, { index: -1, kind: 'snapshot', description: 'read the target\'s state, to restore it afterwards' }, Date.now(), async () => {
        const taken = await takeSnapshotWith(session, logcat.command);
        snapshot = taken.snapshot;
        if (taken.logcat === undefined) await logcat.read(true);
        else logcat.take(taken.logcat, true);
        return 'state kept for the restore';
      });
      if (snapshot === undefined) throw new Error('no snapshot was taken');
      await ctx.leftovers?.save(s.id, snapshot);
      try {
        await runSteps(s, ctx, exec, checkpoints, signal, snapshot, logcat, slots);
      } finally {
        // The scenario's Appium session ends before the restore (which may reboot the target).
        await ctx.ui?.endScenario().catch(() => undefined);
      }
    } catch (e) {
      if (e instanceof Skip) skipped = e.message;
      else error = signal.aborted && !isImsRigError(e) ? new TimeoutError(`interrupted: ${describeAbort(signal)}`, { cause: e }) : e;
    }
    stimuli = log.length;
    if (snapshot !== undefined) {
      const outcome = await restoreAfter(ctx, s, snapshot, exec, error, { slotCount: slots.count, logcat: logcat.command, state: slots.state });
      restore = outcome.restore;
      deviceLost = outcome.deviceLost;
      if (outcome.error !== undefined && error === undefined) error = outcome.error;
    } else if (isDeviceLoss(error)) {
      // Lost before anything was changed: nothing to restore, but the run must know whether it can go on.
      deviceLost = !(ctx.reconnect ? await ctx.reconnect().catch(() => false) : false);
    }
  }

  const verdict = scenarioVerdict({ checkpoints, ...(skipped !== undefined ? { skipped } : {}), ...(error !== undefined ? { error } : {}) });
  const durationMs = Date.now() - started;
  ctx.emit({ type: 'scenario-end', scenario: s.id, status: verdict.status, ...(verdict.reason === undefined ? {} : { reason: verdict.reason }), durationMs, attempt });
  const after = session.device.snapshot();
  const byKind: Record<string, number> = {};
  for (const [k, n] of Object.entries(after.byKind)) {
    const d = n - (tripsBefore.byKind[k] ?? 0);
    if (d > 0) byKind[k] = d;
  }
  return {
    id: s.id, status: verdict.status, ...(verdict.reason === undefined ? {} : { reason: verdict.reason }), durationMs, checkpoints, deviceLost,
    ...(restore ? { restore } : {}), roundTrips: { total: after.total - tripsBefore.total, byKind },
    stimuli, observations: checkpoints.length,
  };
}

function describeAbort(signal: AbortSignal): string {
  const reason: unknown = signal.reason;
  if (reason instanceof Error) return reason.message;
  return typeof reason === 'string' ? reason : 'aborted';
}

/** The slot count the target should have now (the world's, then what setSlotCount steps made it). */
interface SlotTracker {
  count: SlotCount;
  /** The target's state read with the scenario's last observation, when that was its last step (the restore starts from it). */
  state?: DeviceState;
}

/** Provisioning, then every step in order; records step events and checkpoints. */
async function runSteps(s: FullScenario, ctx: EngineContext, exec: ExecutionContext, checkpoints: Checkpoint[], signal: AbortSignal, snapshot: Snapshot, logcat: LogcatEvidence, slots: SlotTracker): Promise<void> {
  const { session } = ctx;
  // The observer app's lines from before this scenario are not its callbacks.
  const tracker = new CallbackTracker();
  if (scenarioUsesObserver(s)) {
    const before = await session.device.shell(observerLogcatCommand(), { timeoutMs: 30_000, signal }).catch(() => undefined);
    tracker.baseline(parseObserverLog(before?.stdout ?? '').entries);
  }

  const provisionStarted = Date.now();
  let phases;
  try {
    phases = planProvisioning(s, snapshot.state, { capabilities: session.capabilities, routes: session.routes, staged: session.staged });
  } catch (e) {
    if (e instanceof NotRealisableError) throw new Skip(`not realisable on this target: ${e.message}`);
    throw e;
  }
  await recordStep(ctx, s.id, { index: -1, kind: 'provision', description: `realise the world: ${phases.map((p) => p.name).join(', ') || 'nothing to change'}` }, provisionStarted, async () => {
    // One list, so that consecutive shell commands of neighbouring phases go in one round trip.
    await executeActions(phases.flatMap((phase) => phase.actions), exec);
    return phases.map((p) => `${p.name}: ${p.route}`).join('; ');
  });

  const { tables, grants, surfaces, callbacks } = expectationsFor(s);
  const apps = new Map<string, ImsAppSpec>(s.world.apps.map((a) => [a.package, a]));
  let sinceObservation = exec.log.length;
  // Each stimulus lands on a framework that has finished reacting to the one before (step-order.ts).
  const order = new StepOrder();
  order.stimulated();
  for (const [index, step] of s.steps.entries()) {
    if (signal.aborted) throw new TimeoutError(`interrupted before step ${index}: ${describeAbort(signal)}`);
    await order.before(step.kind, session, slots.count, signal);
    const stepStarted = Date.now();
    await recordStep(ctx, s.id, { index, kind: step.kind, description: describeStep(step) }, stepStarted, async () => {
      if (step.kind === 'check') {
        const table = tables.get(index);
        if (table === undefined) throw new Error(`no expectation for step ${index}`);
        const last = index === s.steps.length - 1;
        const { checkpoint, note, state } = await observeCheck({ session, step: index, table, slotCount: slots.count, withState: last, waivers: ctx.waivers, logcat, commands: exec.log.slice(sinceObservation), signal, ...(ctx.settleTimeoutMs === undefined ? {} : { settleTimeoutMs: ctx.settleTimeoutMs }) });
        sinceObservation = exec.log.length;
        if (state !== undefined) slots.state = state;
        checkpoints.push(checkpoint);
        ctx.emit({ type: 'checkpoint', scenario: s.id, checkpoint });
        return note;
      }
      if (step.kind === 'checkStateCallbacks') {
        const expected = callbacks.get(index);
        if (expected === undefined) throw new Error(`no expectation for step ${index}`);
        const { checkpoint, note } = await observeStateCallbacks({ session, step: index, expected, tracker, waivers: ctx.waivers, commands: exec.log.slice(sinceObservation), signal, ...(ctx.settleTimeoutMs === undefined ? {} : { settleTimeoutMs: ctx.settleTimeoutMs }) });
        sinceObservation = exec.log.length;
        checkpoints.push(checkpoint);
        ctx.emit({ type: 'checkpoint', scenario: s.id, checkpoint });
        return note;
      }
      if (step.kind === 'checkGrants') {
        const cp = await observeGrants({ session, step: index, package: step.package, expected: grants.get(index) ?? {}, waivers: ctx.waivers, commands: exec.log.slice(sinceObservation), signal });
        sinceObservation = exec.log.length;
        checkpoints.push(cp);
        ctx.emit({ type: 'checkpoint', scenario: s.id, checkpoint: cp });
        return cp.status === 'pass' ? 'grants as documented' : `${cp.grants?.diffs.length ?? 0} grant difference(s), ${cp.status}`;
      }
      if (step.kind === 'ui') {
        if (ctx.ui === undefined) throw new Error('no UI runner: the Appium plugin (harness/appium) was not loaded for this run');
        const { checkpoint, record, note } = await runUiStep({ session, runner: ctx.ui, step: index, flow: step.flow, package: step.package, args: step.args, surfaces: surfaces.get(index) ?? {}, ...(step.surfaces === undefined ? {} : { declared: step.surfaces }), waivers: ctx.waivers, signal });
        sinceObservation = exec.log.length;
        checkpoints.push(checkpoint);
        ctx.emit({ type: 'checkpoint', scenario: s.id, checkpoint });
        return { detail: note, ui: record };
      }
      let plan;
      try {
        plan = planStep(step, { capabilities: session.capabilities, routes: session.routes, app: (p) => apps.get(p), extras: (p) => s.appExtras[p] });
      } catch (e) {
        if (e instanceof NotRealisableError) throw new Skip(`steps[${index}] (${step.kind}) is not realisable on this target: ${e.message}`);
        throw e;
      }
      await executeActions(plan.actions, exec);
      if (plan.actions.length > 0) order.stimulated();
      for (const a of plan.actions) if (a.kind === 'install-apk') apps.set(a.spec.package, a.spec);
      if (step.kind === 'setSlotCount') slots.count = step.slots;
      return `${plan.route}${plan.actions.length > 0 ? ` — ${plan.actions.map(describeAction).join('; ')}` : ''}`;
    });
  }
}

/** Runs `work` as one step record: ok with its detail, or error with the reason (then rethrows). */
async function recordStep(ctx: EngineContext, scenario: string, what: Pick<StepRecord, 'index' | 'kind' | 'description'>, started: number, work: () => Promise<string | { detail: string; ui: UiStepRecord }>): Promise<void> {
  const startedAt = new Date(started).toISOString();
  try {
    const done = await work();
    const { detail, ui } = typeof done === 'string' ? { detail: done, ui: undefined } : done;
    ctx.emit({ type: 'step', scenario, step: { ...what, status: 'ok', startedAt, durationMs: Date.now() - started, detail, ...(ui === undefined ? {} : { ui }) } });
  } catch (e) {
    const status = e instanceof Skip ? 'skipped' : 'error';
    // A failed flow keeps its screens and page source in the step record.
    const ui = e instanceof UiFlowError ? { ui: e.record } : {};
    ctx.emit({ type: 'step', scenario, step: { ...what, status, startedAt, durationMs: Date.now() - started, detail: e instanceof Skip ? e.message : errorReason(e), ...ui } });
    throw e;
  }
}

/**
 * Restores the snapshot. A lost device is waited for (ctx.reconnect) and restored when it comes
 * back; when it does not, the run cannot go on (deviceLost).
 */
async function restoreAfter(ctx: EngineContext, s: FullScenario, snapshot: Snapshot, exec: ExecutionContext, error: unknown, read: { slotCount: number; logcat: ShellCommand; state?: DeviceState | undefined }): Promise<{ restore?: RestoreOutcome; deviceLost: boolean; error?: unknown }> {
  const started = Date.now();
  const record = (status: StepRecord['status'], detail: string): void => {
    ctx.emit({ type: 'step', scenario: s.id, step: { index: s.steps.length, kind: 'restore', description: 'restore the target to its snapshot', status, startedAt: new Date(started).toISOString(), durationMs: Date.now() - started, detail } });
  };
  if (isDeviceLoss(error)) {
    const back = ctx.reconnect ? await ctx.reconnect().catch(() => false) : false;
    if (!back) {
      record('error', 'the device was lost and did not come back: nothing could be restored');
      return { deviceLost: true };
    }
  }
  try {
    // After an error the slot count is not known: the first reading finds it.
    const restore = await restoreKeepingLeftover(ctx, s, snapshot, exec, {
      apks: ctx.apks, pushed: exec.pushed, log: exec.log, logcat: read.logcat,
      ...(error === undefined ? { slotCount: read.slotCount, ...(read.state === undefined ? {} : { current: read.state }) } : {}),
    });
    const detail = restore.ok
      ? `restored (${restore.passes} pass(es))${restore.failures.length > 0 ? `; ignored: ${restore.failures.join('; ')}` : ''}`
      : `the target differs from its snapshot: ${restore.differences.join(', ')}${restore.failures.length > 0 ? `; failed: ${restore.failures.join('; ')}` : ''}`;
    record(restore.ok ? 'ok' : 'error', detail);
    return restore.ok ? { restore, deviceLost: false } : { restore, deviceLost: false, error: new Error(`restore incomplete: ${restore.differences.join(', ')}`) };
  } catch (e) {
    record('error', errorReason(e));
    return { deviceLost: isDeviceLoss(e), error: e };
  }
}

/**
 * Restores, and drops the snapshot kept on the target once the target reads back as it was. When
 * the scenario pushed files, the kept snapshot goes in the same `rm` as they do (no extra round
 * trip); a restore that fails keeps it for the next run. A device that drops out during the
 * restore — it was rebooting when a second Ctrl-C aborted the scenario — is waited for and the
 * restore tried once more (from a fresh reading), so an interrupt is not mistaken for a lost
 * device (issue 11, item 5).
 */
async function restoreKeepingLeftover(ctx: EngineContext, s: FullScenario, snapshot: Snapshot, exec: ExecutionContext, restoreContext: RestoreContext): Promise<RestoreOutcome> {
  const keeper = ctx.leftovers;
  const rideAlong = keeper !== undefined && exec.pushed.size > 0;
  if (rideAlong) exec.pushed.add(keeper.file);
  let restore: RestoreOutcome;
  try {
    restore = await restoreSnapshot(ctx.session, snapshot, restoreContext);
  } catch (e) {
    if (!isDeviceLoss(e) || !(ctx.reconnect ? await ctx.reconnect().catch(() => false) : false)) throw e;
    restore = await restoreSnapshot(ctx.session, snapshot, { apks: ctx.apks, pushed: exec.pushed, log: exec.log, ...(restoreContext.logcat ? { logcat: restoreContext.logcat } : {}) });
  }
  if (keeper !== undefined) {
    if (!restore.ok) await keeper.save(s.id, snapshot);
    else if (!rideAlong) await keeper.clear();
  }
  return restore;
}
