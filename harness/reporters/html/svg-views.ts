/**
 * The report's pictures as view models: coordinates, a class per shape and the words for its
 * <title> (the hover text, and what a screen reader reads). The template only lays them out as
 * inline SVG — no script, nothing fetched, so they pass the page's CSP and print as they show.
 * Every shape carries its status as a class *and* in its title; colour is never the only carrier.
 * Kept small on purpose: a 1,000-scenario report has a timeline and matrices per scenario.
 */
import { type BindingCell, cellsEqual, formatCell, IMS_FEATURES, type ImsFeature, type SlotKey } from '../../model';
import { type Checkpoint, type ScenarioResult, type StepRecord } from '../../results';
import { humanDuration } from '../format';

/** A rectangle; without w/h its size comes from the stylesheet (the matrix's uniform cells: a smaller page). */
export interface Shape { readonly x: number; readonly y: number; readonly w?: number; readonly h?: number; readonly c: string; readonly t: string }
export interface Label { readonly x: number; readonly y: number; readonly t: string; readonly a?: 'end' }
export interface Picture { readonly w: number; readonly h: number; readonly label: string; readonly shapes: readonly Shape[]; readonly labels: readonly Label[] }

const FEATURE_SHORT: Readonly<Record<ImsFeature, string>> = { EMERGENCY_MMTEL: 'EM', MMTEL: 'MM', RCS: 'RCS' };
/** Cell size: also in html-styles.ts (svg.mx rect), which sizes the cells. */
export const CELL = { w: 30, h: 15, gap: 2, left: 12, top: 11 } as const;

/** Slot × feature matrix of one checkpoint, each cell coloured by its verdict (and origin, with a reference). */
export function matrixPicture(c: Checkpoint): Picture | undefined {
  const slots = [...new Set([...Object.keys(c.expected), ...Object.keys(c.observed)])].sort() as SlotKey[];
  if (slots.length === 0) return undefined;
  const shapes: Shape[] = [];
  let differing = 0;
  slots.forEach((slot, row) => {
    IMS_FEATURES.forEach((feature, col) => {
      const expected: BindingCell = c.expected[slot]?.[feature] ?? null;
      const observed: BindingCell = c.observed[slot]?.[feature] ?? null;
      const diff = c.diffs.find((d) => d.slot === slot && d.feature === feature);
      const differs = diff !== undefined || !cellsEqual(expected, observed);
      if (differs) differing++;
      const verdict = !differs ? 'v-pass' : diff?.waiver ? 'v-waived' : 'v-fail';
      const origin = diff?.origin === 'as-aosp' ? ' o-aosp' : diff?.origin === 'vendor-specific' ? ' o-vendor' : '';
      const reference = c.reference === undefined ? undefined : c.reference[slot]?.[feature] ?? null;
      shapes.push({
        x: CELL.left + col * (CELL.w + CELL.gap), y: CELL.top + row * (CELL.h + CELL.gap), c: verdict + origin,
        t: cellTitle(slot, feature, expected, observed, reference, differs ? (diff?.waiver ? 'WAIVED' : 'DIFFERS') : 'match', diff?.origin) +
          (c.reasons?.[slot]?.[feature] ? ` · rule ${c.reasons[slot][feature].rule}` : ''),
      });
    });
  });
  const labels: Label[] = [
    ...IMS_FEATURES.map((f, col) => ({ x: CELL.left + col * (CELL.w + CELL.gap) + 2, y: 9, t: FEATURE_SHORT[f] })),
    ...slots.map((slot, row) => ({ x: 2, y: CELL.top + row * (CELL.h + CELL.gap) + 11, t: slot })),
  ];
  return {
    w: CELL.left + IMS_FEATURES.length * (CELL.w + CELL.gap),
    h: CELL.top + slots.length * (CELL.h + CELL.gap),
    label: `slot × feature matrix: ${differing === 0 ? 'every cell as documented' : `${differing} of ${slots.length * IMS_FEATURES.length} cells differ`}`,
    shapes,
    labels,
  };
}

function cellTitle(slot: SlotKey, feature: ImsFeature, expected: BindingCell, observed: BindingCell, reference: BindingCell | undefined, verdict: string, origin: string | undefined): string {
  const ref = reference === undefined ? '' : `, reference ${formatCell(reference)}`;
  if (verdict === 'match' && (reference === undefined || cellsEqual(reference, observed))) return `${slot} ${feature}: ${formatCell(observed)} ✓${reference === undefined ? '' : ' (reference too)'}`;
  return `slot ${slot} ${feature} ${verdict}${origin ? ` (${origin === 'as-aosp' ? 'as AOSP' : 'vendor-specific'})` : ''}: expected ${formatCell(expected)}, observed ${formatCell(observed)}${ref}`;
}

/** The phases a scenario's steps fall in, one row each in the timeline. */
const PHASES = [
  { key: 'setup', label: 'setup', kinds: ['snapshot', 'provision'] },
  { key: 'stimulus', label: 'stimuli', kinds: [] },
  { key: 'check', label: 'checks', kinds: ['check', 'checkGrants'] },
  { key: 'restore', label: 'restore', kinds: ['restore'] },
] as const;
const TIMELINE = { left: 44, width: 420, row: 10, gap: 3, right: 48 } as const;

function phaseOf(kind: string): number {
  const i = PHASES.findIndex((p) => (p.kinds as readonly string[]).includes(kind));
  return i < 0 ? 1 : i;
}

/**
 * The steps of a scenario on one time axis (from the first step's start to the scenario's end),
 * one row per phase: setup (snapshot, provisioning), stimuli, checks, restore. A bar is a step;
 * checks are coloured by their checkpoint's verdict, failed steps as errors.
 */
export function timelinePicture(s: Pick<ScenarioResult, 'steps' | 'checkpoints' | 'durationMs'>): Picture | undefined {
  const steps = s.steps ?? [];
  if (steps.length === 0) return undefined;
  const starts = steps.map((st) => Date.parse(st.startedAt));
  let start = Infinity;
  let end = -Infinity;
  starts.forEach((at, i) => {
    if (!Number.isFinite(at)) return;
    start = Math.min(start, at);
    end = Math.max(end, at + steps[i]!.durationMs);
  });
  if (!Number.isFinite(start)) return undefined;
  end = Math.max(end, start + s.durationMs);
  const span = Math.max(1, end - start);
  const scale = TIMELINE.width / span;
  const shapes = steps.map((st, i): Shape => {
    const row = phaseOf(st.kind);
    const at = starts[i]!;
    const x = TIMELINE.left + Math.round(((Number.isFinite(at) ? at : start) - start) * scale * 10) / 10;
    const w = Math.max(1.5, Math.round(st.durationMs * scale * 10) / 10);
    return { x, y: row * (TIMELINE.row + TIMELINE.gap), w, h: TIMELINE.row, c: `${PHASES[row]!.key} ${stepClass(st, s.checkpoints)}`, t: stepTitle(st) };
  });
  const rows = PHASES.length;
  const h = rows * (TIMELINE.row + TIMELINE.gap);
  return {
    w: TIMELINE.left + TIMELINE.width + TIMELINE.right,
    h,
    label: `step timeline, ${humanDuration(span)}: ${steps.length} steps`,
    shapes,
    labels: [
      ...PHASES.map((p, i) => ({ x: 0, y: i * (TIMELINE.row + TIMELINE.gap) + 9, t: p.label })),
      { x: TIMELINE.left + TIMELINE.width + TIMELINE.right, y: h - 2, t: humanDuration(span), a: 'end' as const },
    ],
  };
}

function stepClass(st: StepRecord, checkpoints: readonly Checkpoint[]): string {
  if (st.status === 'error') return 's-error';
  if (st.status === 'skipped') return 's-skip';
  const cp = checkpoints.find((c) => c.step === st.index);
  return cp === undefined ? 's-ok' : cp.status === 'pass' ? 's-pass' : cp.status === 'waived' ? 's-waived' : 's-fail';
}

function stepTitle(st: StepRecord): string {
  const where = st.kind === 'snapshot' || st.kind === 'provision' ? 'setup' : st.kind === 'restore' ? 'after' : `step ${st.index}`;
  // The description is in the steps table under the picture; the title names the step and its time.
  return `${where} ${st.kind} — ${humanDuration(st.durationMs)}${st.status === 'ok' ? '' : ` (${st.status})`}`;
}

/** One horizontal stacked bar: segments in order, widths proportional to their counts. */
export function stackedBar(segments: readonly { readonly n: number; readonly c: string; readonly t: string }[], width: number, height = 12): Picture {
  const total = segments.reduce((sum, s) => sum + s.n, 0);
  const shapes: Shape[] = [];
  let x = 0;
  for (const seg of segments) {
    if (seg.n === 0) continue;
    const w = Math.round((seg.n / Math.max(1, total)) * width * 10) / 10;
    shapes.push({ x, y: 0, w, h: height, c: seg.c, t: seg.t });
    x = Math.round((x + w) * 10) / 10;
  }
  return { w: width, h: height, label: segments.filter((s) => s.n > 0).map((s) => s.t).join(', ') || 'nothing', shapes, labels: [] };
}

const OVERVIEW = { label: 120, bar: 360, row: 14, gap: 4, count: 40 } as const;

/** The area × status overview of the summary: one stacked bar per area, scenarios by status. */
export function overviewPicture(areas: readonly { readonly area: string; readonly counts: readonly { readonly n: number; readonly c: string; readonly word: string }[] }[]): Picture {
  const shapes: Shape[] = [];
  const labels: Label[] = [];
  areas.forEach((a, row) => {
    const y = row * (OVERVIEW.row + OVERVIEW.gap);
    const bar = stackedBar(a.counts.map((k) => ({ n: k.n, c: k.c, t: `${a.area}: ${k.n} ${k.word}` })), OVERVIEW.bar, OVERVIEW.row);
    for (const s of bar.shapes) shapes.push({ ...s, x: s.x + OVERVIEW.label, y });
    const total = a.counts.reduce((n, k) => n + k.n, 0);
    labels.push({ x: OVERVIEW.label - 6, y: y + 11, t: a.area, a: 'end' }, { x: OVERVIEW.label + OVERVIEW.bar + OVERVIEW.count, y: y + 11, t: String(total), a: 'end' });
  });
  return {
    w: OVERVIEW.label + OVERVIEW.bar + OVERVIEW.count,
    h: Math.max(OVERVIEW.row, areas.length * (OVERVIEW.row + OVERVIEW.gap)),
    label: `scenarios by area and status: ${areas.map((a) => `${a.area} ${a.counts.filter((k) => k.n > 0).map((k) => `${k.n} ${k.word}`).join(' ')}`).join('; ')}`,
    shapes,
    labels,
  };
}
