/**
 * One checkpoint as index.html shows it: the binding matrix (rows = slots, columns =
 * EMERGENCY_MMTEL / MMTEL / RCS) or the grants table, expected vs observed per cell, each cell
 * marked by a class *and* a word (not colour alone), each expected cell with its rule, reason and
 * cited sentence (cited once per checkpoint as a numbered note), and the raw evidence.
 */
import { type BindingCell, type BindingTable, cellsEqual, formatCell, IMS_FEATURES, type ImsFeature, type SlotKey } from '../../model';
import { type CellReason, type Checkpoint, describeDiff, type Diff, type GrantDiff, type WaiverRef } from '../../results';
import { humanDuration } from '../format';
import { callbacksView, type CallbacksView } from './callbacks-view';

/**
 * How much evidence the HTML carries (results.json keeps all of it). A checkpoint that differs
 * gets a long excerpt; a passing one the head of its dumpsys and logcat: a 1,000-scenario report
 * must stay a file a browser opens quickly (goal < 5 MB, harness/bench/reports-bench.ts).
 */
const EXCERPT = {
  differs: { dumpsysChars: 8000, dumpsysLines: 200, logcatChars: 16000, logcatLines: 120, commands: true },
  matches: { dumpsysChars: 600, dumpsysLines: 10, logcatChars: 300, logcatLines: 3, commands: false },
} as const;

export const MARKERS = { match: '✓ match', diff: '✗ DIFFERS', waived: '⚠ WAIVED' } as const;
type CellClass = keyof typeof MARKERS;

export interface CellView {
  readonly cls: CellClass;
  readonly marker: string;
  readonly expected: string;
  readonly observed: string;
  /** Expected and observed are the same text: the page shows it once. */
  readonly same: boolean;
  readonly rule?: string;
  readonly reason?: string;
  readonly cite?: number;
  readonly waiverId?: string;
  readonly justification?: string;
}

export interface GrantRowView extends CellView {
  readonly permission: string;
}

export interface CheckpointView {
  readonly step: number;
  readonly status: string;
  readonly statusLabel: string;
  readonly settle?: string;
  readonly features: readonly string[];
  readonly matrix?: readonly { readonly slot: string; readonly cells: readonly CellView[] }[];
  readonly grants?: { readonly package: string; readonly rows: readonly GrantRowView[] };
  /** checkStateCallbacks: each observer registration, expected next to received. */
  readonly callbacks?: CallbacksView;
  readonly citations: readonly { readonly n: number; readonly text: string }[];
  /** Diffs for cells the tables do not hold (kept visible rather than dropped). */
  readonly otherDiffs: readonly string[];
  readonly evidence?: {
    readonly dumpsys?: string;
    readonly logcat?: string;
    readonly commands?: readonly { readonly command: string; readonly exitCode: string; readonly duration: string }[];
  };
}

export function checkpointView(c: Checkpoint): CheckpointView {
  const citations = new Citations();
  const slots = [...new Set([...Object.keys(c.expected), ...Object.keys(c.observed)])].sort() as SlotKey[];
  const shown = new Set<Diff>();
  const matrix = slots.map((slot) => ({
    slot,
    cells: IMS_FEATURES.map((feature) => {
      const diff = c.diffs.find((d) => d.slot === slot && d.feature === feature);
      if (diff) shown.add(diff);
      const expected = cell(c.expected, slot, feature);
      const observed = cell(c.observed, slot, feature);
      // A recorded diff decides; a cell that differs without one is still marked, never hidden.
      const differs = diff !== undefined || !cellsEqual(expected, observed);
      return cellView(formatCell(expected), formatCell(observed), diff?.waiver, differs, c.reasons?.[slot]?.[feature], citations);
    }),
  }));
  const grants = c.grants && {
    package: c.grants.package,
    rows: [...new Set([...Object.keys(c.grants.expected), ...Object.keys(c.grants.observed)])].sort().map((permission): GrantRowView => {
      const g = c.grants!;
      const diff: GrantDiff | undefined = g.diffs.find((d) => d.permission === permission);
      const word = (v: boolean | undefined): string => (v === undefined ? '-' : v ? 'granted' : 'denied');
      const differs = diff !== undefined || g.expected[permission] !== g.observed[permission];
      return { permission, ...cellView(word(g.expected[permission]), word(g.observed[permission]), diff?.waiver, differs, g.reasons[permission], citations) };
    }),
  };
  const callbacks = c.stateCallbacks && callbacksView(c.stateCallbacks, (text) => citations.number(text));
  return {
    step: c.step,
    status: c.status,
    statusLabel: c.status.toUpperCase(),
    ...(c.settleMs === undefined ? {} : { settle: humanDuration(c.settleMs) }),
    features: IMS_FEATURES,
    ...(matrix.length > 0 ? { matrix } : {}),
    ...(grants ? { grants } : {}),
    ...(callbacks ? { callbacks } : {}),
    citations: citations.list(),
    otherDiffs: c.diffs.filter((d) => !shown.has(d)).map((d) => `${describeDiff(d)} (rule ${d.rule})`),
    ...(c.evidence ? { evidence: evidenceView(c.evidence, c.status === 'pass' && c.diffs.length === 0 ? EXCERPT.matches : EXCERPT.differs) } : {}),
  };
}

function cell(table: BindingTable, slot: SlotKey, feature: ImsFeature): BindingCell {
  return table[slot]?.[feature] ?? null;
}

function cellView(expected: string, observed: string, waiver: WaiverRef | undefined, differs: boolean, reason: CellReason | undefined, citations: Citations): CellView {
  const cls: CellClass = waiver ? 'waived' : differs ? 'diff' : 'match';
  return {
    cls,
    marker: MARKERS[cls],
    expected,
    observed,
    same: !differs && expected === observed,
    ...(reason ? { rule: reason.rule, reason: reason.reason, cite: citations.number(reason.citation) } : {}),
    ...(waiver ? { waiverId: waiver.id, justification: waiver.justification } : {}),
  };
}

function evidenceView(e: NonNullable<Checkpoint['evidence']>, limits: (typeof EXCERPT)[keyof typeof EXCERPT]): NonNullable<CheckpointView['evidence']> {
  const dumpsys = e.dumpsys === undefined ? undefined : excerpt(e.dumpsys.split('\n'), limits.dumpsysLines, limits.dumpsysChars);
  const logcat = e.logcat === undefined || e.logcat.length === 0 ? undefined : excerpt(e.logcat, limits.logcatLines, limits.logcatChars);
  return {
    ...(dumpsys === undefined ? {} : { dumpsys }),
    ...(logcat === undefined ? {} : { logcat }),
    ...(limits.commands && e.commands && e.commands.length > 0 ? { commands: e.commands.map((c) => ({ command: c.command, exitCode: c.exitCode === null ? 'killed' : String(c.exitCode), duration: humanDuration(c.durationMs) })) } : {}),
  };
}

/** The first `maxLines` lines (at most `maxChars`), saying how much more results.json holds. */
function excerpt(lines: readonly string[], maxLines: number, maxChars: number): string {
  let text = lines.slice(0, maxLines).join('\n');
  if (text.length > maxChars) text = text.slice(0, maxChars);
  const total = lines.join('\n').length;
  return text.length < total ? `${text}\n… (${lines.length} lines, ${total} characters in all: see results.json)` : text;
}

/** Numbers each distinct cited sentence once per checkpoint. */
class Citations {
  private readonly numbers = new Map<string, number>();
  number(text: string): number {
    let n = this.numbers.get(text);
    if (n === undefined) this.numbers.set(text, (n = this.numbers.size + 1));
    return n;
  }
  list(): { n: number; text: string }[] {
    return [...this.numbers].map(([text, n]) => ({ n, text }));
  }
}
