/**
 * Snapshot before a scenario, restore after it — after a pass, a failure, an error, a timeout, an
 * interrupt, or a device that was lost and came back. The restore is checked: the state is read
 * again and must give the snapshot's fingerprint; a second pass mops up what the first one's
 * effects (a reboot, a phone restart) revealed. While a scenario runs its snapshot is kept on the
 * target (./target-leftover.ts), so a run that dies half-way is restored by the next one.
 */
import { waitIdleCommand } from '../android';
import { describeError } from '../errors';
import { type ApkCache } from './app-realiser';
import { captureWith, fingerprintDiff, formatDeviceState, type Capture, type DeviceState } from './device-state';
import { type ShellCommand } from '../adb';
import { executeActions, type CommandRecord, type ExecutionContext } from './execute-actions';
import { planRestore } from './restore';
import { hasWaitIdle, IDLE_FAST_FORWARD_MS, IDLE_WAIT_MS } from './settle';
import { type TargetSession } from './target-session';

export interface Snapshot {
  readonly serial: string;
  readonly takenAt: string;
  readonly state: DeviceState;
  readonly fingerprint: string;
}

export interface RestoreOutcome {
  /** The target reads back with the snapshot's fingerprint. */
  readonly ok: boolean;
  /** Fingerprint lines still different after the last pass (`- before` / `+ now`). */
  readonly differences: readonly string[];
  /** Restore actions that failed (best effort: the others still ran). */
  readonly failures: readonly string[];
  readonly passes: number;
}

export async function takeSnapshot(session: TargetSession): Promise<Snapshot> {
  return (await takeSnapshotWith(session)).snapshot;
}

/**
 * The snapshot, and the output of `logcat` read in the same round trip. When the rig itself last
 * put the target back and checked it (session.knownState: the previous scenario's restore), that
 * reading is the snapshot: nothing has touched the target since, so it is not read again.
 */
export async function takeSnapshotWith(session: TargetSession, logcat?: ShellCommand): Promise<{ snapshot: Snapshot; logcat?: string }> {
  const known = session.knownState;
  session.knownState = undefined;
  const snapshotOf = (state: DeviceState): Snapshot => ({ serial: session.info.serial, takenAt: new Date().toISOString(), state, fingerprint: formatDeviceState(state) });
  if (known !== undefined && (logcat === undefined || known.logcat !== undefined)) {
    return { snapshot: snapshotOf(known.state), ...(logcat === undefined || known.logcat === undefined ? {} : { logcat: known.logcat }) };
  }
  const capture = await captureWith(session, { ...(logcat ? { after: [logcat] } : {}), ...(known ? { slotCount: known.state.slotCount } : {}) });
  const out = capture.after[0];
  return { snapshot: snapshotOf(capture.state), ...(out === undefined ? {} : { logcat: out.stdout }) };
}

export interface RestoreContext {
  readonly apks: ApkCache;
  /** Scratch files pushed during the scenario. */
  readonly pushed: Set<string>;
  readonly log: CommandRecord[];
  readonly signal?: AbortSignal;
  /** The slot count the target has now, when known (its first reading then takes one round trip). */
  readonly slotCount?: number;
  /** A logcat dump to read with the final check: the next snapshot's baseline (session.knownState). */
  readonly logcat?: ShellCommand;
  /** The target's state as just read, idle (with the scenario's last observation): the first pass starts from it. */
  readonly current?: DeviceState;
}

/**
 * Reads the state once the device is idle, in one round trip: wait-idle (reference device), the
 * state queries and, when asked, the logcat dump. wait-idle's answer does not matter here: a busy
 * device is read as it is and the fingerprints decide.
 */
function readState(session: TargetSession, slotCount: number | undefined, logcat: ShellCommand | undefined): Promise<Capture> {
  return captureWith(session, {
    ...(hasWaitIdle(session) ? { before: [waitIdleCommand(IDLE_WAIT_MS, IDLE_FAST_FORWARD_MS)] } : {}),
    ...(logcat === undefined ? {} : { after: [logcat] }),
    ...(slotCount === undefined ? {} : { slotCount }),
  });
}

/** Restores `snapshot` (at most `maxPasses` plan-execute-verify passes). Throws only when the device is gone. */
export async function restoreSnapshot(session: TargetSession, snapshot: Snapshot, ctx: RestoreContext, maxPasses = 2): Promise<RestoreOutcome> {
  const failures: string[] = [];
  const exec: ExecutionContext = { session, apks: ctx.apks, pushed: new Set(), log: ctx.log, ...(ctx.signal ? { signal: ctx.signal } : {}) };
  session.knownState = undefined;
  let differences: string[] = [];
  // The first reading may find the target differing in its slot count; after a pass it should have the snapshot's.
  let slotCount = ctx.slotCount;
  const verified = (capture: Capture): boolean => {
    differences = fingerprintDiff(snapshot.fingerprint, formatDeviceState(capture.state));
    if (differences.length === 0) session.knownState = { state: capture.state, ...(capture.after[0] === undefined ? {} : { logcat: capture.after[0].stdout }) };
    return differences.length === 0;
  };
  for (let pass = 1; pass <= maxPasses; pass++) {
    const capture = pass === 1 && ctx.current !== undefined ? { state: ctx.current, before: [], after: [] } : await readState(session, slotCount, ctx.logcat);
    const pushed = pass === 1 ? ctx.pushed : new Set<string>();
    if (verified(capture) && pushed.size === 0) return { ok: true, differences, failures, passes: pass - 1 };
    session.knownState = undefined;
    // One list, so that the shell commands of consecutive phases go in one round trip.
    const actions = planRestore(snapshot.state, capture.state, { pushed }).flatMap((phase) => phase.actions);
    await executeActions(actions, exec, (e) => failures.push(describeError(e)));
    ctx.pushed.clear();
    slotCount = snapshot.state.slotCount;
  }
  const ok = verified(await readState(session, slotCount, ctx.logcat));
  return { ok, differences, failures, passes: maxPasses };
}
