/**
 * The exit code of `ims-rig run` (DESIGN.md "CLI"), decided from the folded results:
 *   0  every check passed (waived differences — documented deviations — count as passing);
 *   1  at least one conformance failure (even if other scenarios had errors);
 *   3  infrastructure: the device was lost and the run could not go on, or a scenario ended in an
 *      error (adb error, command failed, timeout) and none failed; (before the run: the target is
 *      held by another run — harness/targets/target-lock.ts);
 *   130 the run was interrupted (SIGINT) before its plan was done — the partial report is written
 *      and marked incomplete (128 + SIGINT, as shells report it).
 * Exit 2 (bad input) happens before any device is touched and never reaches this rule.
 */
import { EXIT_CONFORMANCE_FAILURE, EXIT_INFRASTRUCTURE, EXIT_OK } from '../errors';
import { type RunSummary } from '../results';

export const EXIT_INTERRUPTED = 130;

export interface ExitInputs {
  readonly summary: Pick<RunSummary, 'fail' | 'error'>;
  /** The device went away and did not come back. */
  readonly deviceLost?: boolean;
  /** SIGINT stopped the run early. */
  readonly interrupted?: boolean;
}

export function runExitCode(inputs: ExitInputs): number {
  if (inputs.deviceLost) return EXIT_INFRASTRUCTURE;
  if (inputs.interrupted) return EXIT_INTERRUPTED;
  if (inputs.summary.fail > 0) return EXIT_CONFORMANCE_FAILURE;
  if (inputs.summary.error > 0) return EXIT_INFRASTRUCTURE;
  return EXIT_OK;
}

/** The rule in words, for --help and the README. */
export const EXIT_CODE_HELP = [
  'Exit codes:',
  '  0    every check passed (waived differences, i.e. documented deviations, count as passing)',
  '  1    conformance failures (also when some scenarios ended in errors)',
  '  2    bad input: usage, scenario or waiver file (found before any device is touched)',
  '  3    infrastructure: no device, device lost, adb error, the target held by another run; or scenario errors and no failures',
  '  130  interrupted (SIGINT): the partial report is written and marked incomplete',
].join('\n');
