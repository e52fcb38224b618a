/**
 * One-line descriptions of what a check found, shared by every report format so the terminal,
 * HTML, JUnit and CTS outputs word a difference the same way:
 *   `slot 0 MMTEL: expected com.oem.ims, observed -`
 */
import { formatCell } from '../model';
import { type CallbackDiff, type Diff, type GrantDiff, type ScenarioResult, type UiDiff, type WaiverRef } from './model';

export function describeDiff(diff: Diff): string {
  return `slot ${diff.slot} ${diff.feature}: expected ${formatCell(diff.expected)}, observed ${formatCell(diff.observed)}`;
}

export function describeGrantDiff(pkg: string, diff: GrantDiff): string {
  const word = (granted: boolean): string => (granted ? 'granted' : 'denied');
  return `${pkg} ${diff.permission}: expected ${word(diff.expected)}, observed ${word(diff.observed)}`;
}

/** `com.x rcs-provisioning.access: expected true, observed false` */
export function describeUiDiff(pkg: string, diff: UiDiff): string {
  return `${pkg} ${diff.key}: expected ${String(diff.expected)}, observed ${String(diff.observed)}`;
}

/** `mmtel0#1 (MMTEL) last callback: expected onAvailable, observed onUnavailable(IMS_SERVICE_DISCONNECTED)` */
export function describeCallbackDiff(diff: CallbackDiff): string {
  const what = diff.aspect === 'last' ? 'last callback' : 'callbacks since the previous check';
  return `${diff.registration} (${diff.feature}) ${what}: expected ${diff.expected}, observed ${diff.observed}`;
}

/** A binding or grant difference found at one checkpoint, described. */
export interface DiffLine {
  /** Index of the checkpoint's step in the scenario. */
  readonly step: number;
  readonly text: string;
  readonly rule: string;
  readonly waiver?: WaiverRef;
}

/** Every difference of a scenario, in checkpoint order, split into unwaived and waived. */
export function scenarioDiffs(scenario: Pick<ScenarioResult, 'checkpoints'>): { readonly unwaived: DiffLine[]; readonly waived: DiffLine[] } {
  const unwaived: DiffLine[] = [];
  const waived: DiffLine[] = [];
  for (const cp of scenario.checkpoints) {
    const lines: DiffLine[] = cp.diffs.map((d) => withWaiver({ step: cp.step, text: describeDiff(d), rule: d.rule }, d.waiver));
    if (cp.grants) {
      const pkg = cp.grants.package;
      lines.push(...cp.grants.diffs.map((d) => withWaiver({ step: cp.step, text: describeGrantDiff(pkg, d), rule: d.rule }, d.waiver)));
    }
    if (cp.ui) {
      const pkg = cp.ui.package;
      lines.push(...cp.ui.diffs.map((d) => withWaiver({ step: cp.step, text: describeUiDiff(pkg, d), rule: d.rule }, d.waiver)));
    }
    if (cp.stateCallbacks) lines.push(...cp.stateCallbacks.diffs.map((d) => withWaiver({ step: cp.step, text: describeCallbackDiff(d), rule: d.rule }, d.waiver)));
    for (const line of lines) (line.waiver ? waived : unwaived).push(line);
  }
  return { unwaived, waived };
}

function withWaiver(line: DiffLine, waiver: WaiverRef | undefined): DiffLine {
  return waiver ? { ...line, waiver } : line;
}

/**
 * What a person must read first about a scenario that did not pass: its first unwaived difference,
 * else the runner's reason (errors, skips), else undefined.
 */
export function firstProblem(scenario: ScenarioResult): string | undefined {
  const first = scenarioDiffs(scenario).unwaived[0];
  if (first && (scenario.status === 'fail' || scenario.status === 'error')) return first.text;
  return scenario.reason ?? first?.text;
}

/** Number of waived differences (binding cells and grants) in a scenario: its deviations. */
export function countWaivedDiffs(scenario: Pick<ScenarioResult, 'checkpoints'>): number {
  return scenarioDiffs(scenario).waived.length;
}

/** Every waiver the scenarios used, with where each was used, in first-use order. */
export function waiversUsed(scenarios: readonly ScenarioResult[]): { readonly waiver: WaiverRef; readonly uses: { readonly scenario: ScenarioResult; readonly diff: DiffLine }[] }[] {
  const byId = new Map<string, { waiver: WaiverRef; uses: { scenario: ScenarioResult; diff: DiffLine }[] }>();
  for (const scenario of scenarios) {
    for (const diff of scenarioDiffs(scenario).waived) {
      if (!diff.waiver) continue;
      let entry = byId.get(diff.waiver.id);
      if (!entry) byId.set(diff.waiver.id, (entry = { waiver: diff.waiver, uses: [] }));
      entry.uses.push({ scenario, diff });
    }
  }
  return [...byId.values()];
}
