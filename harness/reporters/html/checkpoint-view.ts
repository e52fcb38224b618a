/**
 * One checkpoint as index.html shows it: the binding matrix (rows = slots, columns =
 * EMERGENCY_MMTEL / MMTEL / RCS) or the grants table, expected vs observed per cell, each cell
 * marked by a class *and* a word (not colour alone), each expected cell with its rule, reason and
 * cited sentence (cited once per checkpoint as a numbered note), and the raw evidence. With a
 * reference run (three-way diff) each cell also shows what the AOSP reference device bound, and a
 * differing cell says whose difference it is (as AOSP / vendor-specific). Above the table, the
 * same checkpoint as a compact picture (./svg-views.ts).
 */
import { type BindingCell, type BindingTable, cellsEqual, formatCell, IMS_FEATURES, type ImsFeature, type SlotKey } from '../../model';
import { type CellReason, type Checkpoint, describeDiff, type Diff, type DiffOrigin, type GrantDiff, type WaiverRef } from '../../results';
import { humanDuration } from '../format';
import { Citations, MARKERS, ORIGIN_WORDS } from './citations';
import { evidenceFor, type EvidenceItem } from './evidence-sections';
import { matrixPicture, type Picture } from './svg-views';

export { MARKERS } from './citations';
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
  /** Three-way diff: what the AOSP reference device did for this cell. */
  readonly reference?: string;
  /** Three-way diff: `as AOSP` or `vendor-specific`, for a differing cell. */
  readonly origin?: string;
  readonly originCls?: string;
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
  /**
   * Every cell matches: the page shows the picture and one line per slot (package → features)
   * instead of the cell table; rules are in the picture's hover titles, reasons in results.json.
   */
  readonly matched?: readonly string[];
  readonly grants?: { readonly package: string; readonly rows: readonly GrantRowView[] };
  /**
   * Each distinct citation once, numbered. A checkpoint that differs quotes the sentences in full;
   * one that matches names them (ids linking to the Documentation coverage section, where the text
   * is): a passing checkpoint's citations would otherwise be most of a large report.
   */
  readonly citations: readonly { readonly n: number; readonly text?: string; readonly ids?: readonly string[] }[];
  /** Diffs for cells the tables do not hold (kept visible rather than dropped). */
  readonly otherDiffs: readonly string[];
  readonly picture?: Picture;
  /** Evidence sections (./evidence-sections.ts), e.g. the dumpsys and logcat behind "observed". */
  readonly evidence: readonly EvidenceItem[];
}

export function checkpointView(c: Checkpoint): CheckpointView {
  // A checkpoint where every cell matches is shown briefly: rules without their reasons, sentences by
  // id (results.json and `ims-rig explain` keep the words); one that differs is shown in full.
  const brief = c.status === 'pass' && c.diffs.length === 0;
  const citations = new Citations(brief);
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
      const reference = c.reference === undefined ? undefined : formatCell(cell(c.reference, slot, feature));
      return cellView(formatCell(expected), formatCell(observed), diff?.waiver, differs, c.reasons?.[slot]?.[feature], citations, reference, diff?.origin, brief);
    }),
  }));
  const grants = c.grants && {
    package: c.grants.package,
    rows: [...new Set([...Object.keys(c.grants.expected), ...Object.keys(c.grants.observed)])].sort().map((permission): GrantRowView => {
      const g = c.grants!;
      const diff: GrantDiff | undefined = g.diffs.find((d) => d.permission === permission);
      const word = (v: boolean | undefined): string => (v === undefined ? '-' : v ? 'granted' : 'denied');
      const differs = diff !== undefined || g.expected[permission] !== g.observed[permission];
      const reference = g.reference === undefined ? undefined : word(g.reference[permission] ?? false);
      return { permission, ...cellView(word(g.expected[permission]), word(g.observed[permission]), diff?.waiver, differs, g.reasons[permission], citations, reference, diff?.origin, brief) };
    }),
  };
  const picture = matrixPicture(c);
  return {
    step: c.step,
    status: c.status,
    statusLabel: c.status.toUpperCase(),
    ...(c.settleMs === undefined ? {} : { settle: humanDuration(c.settleMs) }),
    features: IMS_FEATURES,
    ...(matrix.length > 0 ? { matrix } : {}),
    ...(brief && matrix.length > 0 ? { matched: slots.map((slot) => matchedLine(c, slot)) } : {}),
    ...(grants ? { grants } : {}),
    citations: citations.list(),
    otherDiffs: c.diffs.filter((d) => !shown.has(d)).map((d) => `${describeDiff(d)} (rule ${d.rule})`),
    ...(picture ? { picture } : {}),
    evidence: evidenceFor('checkpoint', c),
  };
}

/** `slot 0: com.oem.ims for EMERGENCY_MMTEL, MMTEL; nothing for RCS`. */
function matchedLine(c: Checkpoint, slot: SlotKey): string {
  const byPackage = new Map<string, ImsFeature[]>();
  for (const feature of IMS_FEATURES) {
    const observed = cell(c.observed, slot, feature);
    const key = observed === null ? 'nothing' : formatCell(observed);
    byPackage.set(key, [...(byPackage.get(key) ?? []), feature]);
  }
  return `slot ${slot}: ${[...byPackage].map(([pkg, features]) => `${pkg} for ${features.join(', ')}`).join('; ')}`;
}

function cell(table: BindingTable, slot: SlotKey, feature: ImsFeature): BindingCell {
  return table[slot]?.[feature] ?? null;
}

function cellView(
  expected: string, observed: string, waiver: WaiverRef | undefined, differs: boolean, reason: CellReason | undefined, citations: Citations,
  reference: string | undefined, origin: DiffOrigin | undefined, brief: boolean,
): CellView {
  const cls: CellClass = waiver ? 'waived' : differs ? 'diff' : 'match';
  return {
    cls,
    marker: MARKERS[cls],
    expected,
    observed,
    same: !differs && expected === observed && (reference === undefined || reference === observed),
    ...(reference === undefined ? {} : { reference }),
    ...(origin === undefined ? {} : { origin: ORIGIN_WORDS[origin], originCls: origin }),
    ...(reason ? { rule: reason.rule, ...(brief ? {} : { reason: reason.reason }), cite: citations.number(reason) } : {}),
    ...(waiver ? { waiverId: waiver.id, justification: waiver.justification } : {}),
  };
}

