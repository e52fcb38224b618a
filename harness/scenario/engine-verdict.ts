/**
 * A scenario's verdict (style-anchors.md §6 lesson 7: classify failure vs error at the source). Pure.
 *   skip   a requirement the target lacks (with the reason) — never a pass;
 *   error  the rig could not do its job (device lost, command failed, timeout) — never a
 *          conformance failure, whatever the checkpoints said before it happened;
 *   fail   a checkpoint holds an unwaived difference;
 *   waived only waived differences (a documented deviation) — not a pass;
 *   pass   every check matched the documented model.
 */
import { describeError, isImsRigError } from '../errors';
import { type Checkpoint, type ScenarioStatus, describeCallbackDiff, describeDiff, describeGrantDiff, describeUiDiff } from '../results';

export interface Verdict {
  readonly status: ScenarioStatus;
  readonly reason?: string;
}

export interface VerdictInput {
  readonly checkpoints: readonly Checkpoint[];
  /** Why the scenario was skipped (requirement missing, not realisable on this target). */
  readonly skipped?: string;
  /** The infrastructure problem that stopped it, if any. */
  readonly error?: unknown;
}

export function scenarioVerdict(input: VerdictInput): Verdict {
  if (input.skipped !== undefined) return { status: 'skip', reason: input.skipped };
  if (input.error !== undefined) return { status: 'error', reason: errorReason(input.error) };
  const first = firstUnwaived(input.checkpoints);
  if (first !== undefined) return { status: 'fail', reason: first };
  const waived = input.checkpoints.some((c) => c.status === 'waived');
  return waived ? { status: 'waived', reason: 'only waived differences (documented deviations)' } : { status: 'pass' };
}

/** The first unwaived difference, worded as every report words it. */
export function firstUnwaived(checkpoints: readonly Checkpoint[]): string | undefined {
  for (const cp of checkpoints) {
    const diff = cp.diffs.find((d) => d.waiver === undefined);
    if (diff) return `step ${cp.step}: ${describeDiff(diff)}`;
    const grant = cp.grants?.diffs.find((d) => d.waiver === undefined);
    if (grant && cp.grants) return `step ${cp.step}: ${describeGrantDiff(cp.grants.package, grant)}`;
    const ui = cp.ui?.diffs.find((d) => d.waiver === undefined);
    if (ui && cp.ui) return `step ${cp.step}: ${describeUiDiff(cp.ui.package, ui)}`;
    const callback = cp.stateCallbacks?.diffs.find((d) => d.waiver === undefined);
    if (callback) return `step ${cp.step}: ${describeCallbackDiff(callback)}`;
  }
  return undefined;
}

/** One line for an infrastructure problem: its class when it is one of ours, the message otherwise. */
export function errorReason(error: unknown): string {
  if (isImsRigError(error)) return `${error.code}: ${error.message}`;
  return describeError(error);
}
