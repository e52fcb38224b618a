/**
 * Snapshot before a scenario, restore after it — after a pass, a failure, an error, a timeout, an
 * interrupt, or a device that was lost and came back. The restore is checked: the state is read
 * again and must give the snapshot's fingerprint; a second pass mops up what the first one's
 * effects (a reboot, a phone restart) revealed. While a scenario runs its snapshot is kept on the
 * target (./target-leftover.ts), so a run that dies half-way is restored by the next one.
 */
import { waitIdleCommand } from '../android';
import { describeError, isImsRigError } from '../errors';
import { type ApkCache } from './app-realiser';
import { captureDeviceState, fingerprintDiff, formatDeviceState, type DeviceState } from './device-state';
import { executeAction, type CommandRecord, type ExecutionContext } from './execute-actions';
import { planRestore } from './restore';
import { hasWaitIdle, IDLE_WAIT_MS } from './settle';
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
  const state = await captureDeviceState(session);
  return { serial: session.info.serial, takenAt: new Date().toISOString(), state, fingerprint: formatDeviceState(state) };
}

export interface RestoreContext {
  readonly apks: ApkCache;
  /** Scratch files pushed during the scenario. */
  readonly pushed: Set<string>;
  readonly log: CommandRecord[];
  readonly signal?: AbortSignal;
}

async function waitIdle(session: TargetSession, signal: AbortSignal | undefined): Promise<void> {
  if (!hasWaitIdle(session)) return;
  await session.device.shell(waitIdleCommand(IDLE_WAIT_MS), { timeoutMs: IDLE_WAIT_MS + 10_000, ...(signal ? { signal } : {}) }).catch(() => undefined);
}

/** Restores `snapshot` (at most `maxPasses` plan-execute-verify passes). Throws only when the device is gone. */
export async function restoreSnapshot(session: TargetSession, snapshot: Snapshot, ctx: RestoreContext, maxPasses = 2): Promise<RestoreOutcome> {
  const failures: string[] = [];
  const exec: ExecutionContext = { session, apks: ctx.apks, pushed: new Set(), log: ctx.log, ...(ctx.signal ? { signal: ctx.signal } : {}) };
  let differences: string[] = [];
  for (let pass = 1; pass <= maxPasses; pass++) {
    await waitIdle(session, ctx.signal);
    const now = await captureDeviceState(session);
    differences = fingerprintDiff(snapshot.fingerprint, formatDeviceState(now));
    const pushed = pass === 1 ? ctx.pushed : new Set<string>();
    if (differences.length === 0 && pushed.size === 0) return { ok: true, differences, failures, passes: pass - 1 };
    for (const phase of planRestore(snapshot.state, now, { pushed })) {
      for (const action of phase.actions) {
        try {
          await executeAction(action, exec);
        } catch (e) {
          if (isImsRigError(e) && e.code === 'E_DEVICE') throw e;
          failures.push(`${phase.name}: ${describeError(e)}`);
        }
      }
    }
    ctx.pushed.clear();
  }
  await waitIdle(session, ctx.signal);
  differences = fingerprintDiff(snapshot.fingerprint, formatDeviceState(await captureDeviceState(session)));
  return { ok: differences.length === 0, differences, failures, passes: maxPasses };
}
