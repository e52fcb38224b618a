/**
 * results.json `documentation`: for every sentence of harness/docs, the scenarios and checkpoints
 * of a run that rest on it and what became of them (model: harness/results/documentation-model.ts).
 *
 * A scenario rests on a sentence in two exact ways, never by similarity:
 *  - `doc`: its `doc:` quotes the sentence (harness/docs/quote.ts) *and* it makes the observation
 *    the sentence needs (harness/docs/checkability.ts); a quote without that observation is listed
 *    in `quotedBy` and covers nothing;
 *  - `cells`: a checkpoint's expected cell (or grant) is decided by a documented rule that cites the
 *    sentence (harness/oracle/rules.ts); the cell's own verdict is that checkpoint's verdict for it.
 * What a scenario rests on comes from the plan's trace (harness/scenario/trace.ts, also what
 * `ims-rig coverage` prints); the verdicts come from what the run recorded.
 */
import { CHECKABILITY, OBSERVATION_KINDS } from '../../docs/checkability';
import { DOC, type DocId } from '../../docs/documentation';
import { sentenceByPublicId, sentencesOfCitation } from '../../docs/quote';
import { sentencesInReadingOrder, sourceOf } from '../../docs/sources';
import {
  type Checkpoint, type DocumentationEntry, type DocumentationLinkVerdict, type NotRunScenario, type RunResult,
  type ScenarioResult, type ScenarioStatus, type ScenarioTrace,
} from '../../results';
import { CELL_READERS } from './cited-cells';
import { scenarioKey } from './scenario-sentences';
import { traceOfResult } from './trace-of-result';

/** One scenario run (or planned run) on one target. */
interface ScenarioRun {
  readonly id: string;
  readonly target?: string;
  readonly trace: ScenarioTrace;
  /** Absent: planned, never began. */
  readonly result?: ScenarioResult;
}

interface Builder {
  scenarios: Map<string, { id: string; target?: string; via: Set<'doc' | 'cells'>; verdicts: DocumentationLinkVerdict[] }>;
  checkpoints: DocumentationEntry['checkpoints'][number][];
  quotedBy: Set<string>;
  notRunReasons: string[];
}

/** The documentation entries of a run (or of a plan: every planned scenario in `notRun`, and every link is not-run). */
export function documentationOf(run: Pick<RunResult, 'scenarios' | 'planned' | 'notRun'> & { readonly target?: RunResult['target'] }): DocumentationEntry[] {
  const builders = new Map<DocId, Builder>();
  const builder = (id: DocId): Builder => {
    let b = builders.get(id);
    if (!b) builders.set(id, (b = { scenarios: new Map(), checkpoints: [], quotedBy: new Set(), notRunReasons: [] }));
    return b;
  };
  for (const r of scenarioRuns(run)) linkScenario(r, builder);
  return sentencesInReadingOrder().map((id) => entry(id, builders.get(id)));
}

function scenarioRuns(run: Pick<RunResult, 'scenarios' | 'planned' | 'notRun'>): ScenarioRun[] {
  const traces = new Map((run.planned ?? []).flatMap((p): [string, ScenarioTrace][] => (p.trace ? [[p.id, p.trace]] : [])));
  const out: ScenarioRun[] = run.scenarios.map((s) => ({
    id: s.id, ...(s.target === undefined ? {} : { target: s.target }), trace: traces.get(s.id) ?? traceOfResult(s), result: s,
  }));
  const notRun: readonly NotRunScenario[] = run.notRun ?? [];
  for (const n of notRun) {
    const trace = traces.get(n.id);
    if (trace) out.push({ id: n.id, ...(n.target === undefined ? {} : { target: n.target }), trace });
  }
  return out;
}

function linkScenario(r: ScenarioRun, builder: (id: DocId) => Builder): void {
  const key = scenarioKey(r.id, r.target);
  const link = (id: DocId, via: 'doc' | 'cells', verdict: DocumentationLinkVerdict): void => {
    const b = builder(id);
    let s = b.scenarios.get(key);
    if (!s) b.scenarios.set(key, (s = { id: r.id, ...(r.target === undefined ? {} : { target: r.target }), via: new Set(), verdicts: [] }));
    s.via.add(via);
    s.verdicts.push(verdict);
    if (verdict === 'not-run') b.notRunReasons.push(`${r.id}: ${notRunReason(r.result)}`);
  };

  const quoted = r.trace.doc === undefined ? undefined : sentenceByPublicId(r.trace.doc);
  if (quoted !== undefined) {
    const check = CHECKABILITY[quoted];
    if ('observedBy' in check && check.observedBy.some((kind) => r.trace.observes.includes(kind))) link(quoted, 'doc', scenarioVerdict(r.result?.status));
    else builder(quoted).quotedBy.add(r.id);
  }

  const recorded = new Map((r.result?.checkpoints ?? []).map((c) => [c.step, c]));
  const steps = new Set([...r.trace.checks.map((c) => c.step), ...recorded.keys()]);
  for (const step of [...steps].sort((a, b) => a - b)) {
    const checkpoint = recorded.get(step);
    const cells = checkpoint ? citedCells(checkpoint) : new Map<DocId, CellVerdict[]>();
    if (!checkpoint) {
      for (const publicId of r.trace.checks.find((c) => c.step === step)?.cites ?? []) {
        const id = sentenceByPublicId(publicId);
        if (id !== undefined) cells.set(id, []);
      }
    }
    for (const [id, list] of cells) {
      const verdict: DocumentationLinkVerdict = checkpoint ? worst(list.map((c) => c.verdict)) ?? checkpointVerdict(checkpoint) : 'not-run';
      builder(id).checkpoints.push({ scenario: r.id, ...(r.target === undefined ? {} : { target: r.target }), step, verdict, cells: list.map((c) => c.cell) });
      link(id, 'cells', verdict);
    }
  }
}

interface CellVerdict { readonly cell: string; readonly verdict: DocumentationLinkVerdict }

/** Per cited sentence, the cells (binding cells, grants, …: ./cited-cells.ts) of a checkpoint whose rule cites it, with their verdicts. */
function citedCells(c: Checkpoint): Map<DocId, CellVerdict[]> {
  const out = new Map<DocId, CellVerdict[]>();
  for (const read of CELL_READERS) {
    for (const { cell, reason, difference } of read(c)) {
      const verdict: DocumentationLinkVerdict = difference === undefined ? 'held' : difference.waiver ? 'waived' : 'failed';
      const ids = reason.cites ? reason.cites.flatMap((p) => sentenceByPublicId(p) ?? []) : sentencesOfCitation(reason.citation);
      for (const id of ids) out.set(id, [...(out.get(id) ?? []), { cell, verdict }]);
    }
  }
  return out;
}

const ORDER: readonly DocumentationLinkVerdict[] = ['failed', 'waived', 'held', 'not-run'];

/** failed > waived > held > not-run: one failure anywhere makes the sentence failed. */
function worst(verdicts: readonly DocumentationLinkVerdict[]): DocumentationLinkVerdict | undefined {
  return ORDER.find((v) => verdicts.includes(v));
}

function checkpointVerdict(c: Checkpoint): DocumentationLinkVerdict {
  return c.status === 'pass' ? 'held' : c.status === 'waived' ? 'waived' : 'failed';
}

/** A scenario's verdict for the sentence its `doc:` quotes: only a finished scenario says anything. */
function scenarioVerdict(status: ScenarioStatus | undefined): DocumentationLinkVerdict {
  switch (status) {
    case 'pass': return 'held';
    case 'fail': return 'failed';
    case 'waived': return 'waived';
    case 'skip':
    case 'error':
    case undefined: return 'not-run';
  }
}

function notRunReason(result: ScenarioResult | undefined): string {
  if (result === undefined) return 'not run';
  if (result.status === 'skip') return `skipped${result.reason ? ` (${result.reason})` : ''}`;
  if (result.status === 'error') return `error${result.reason ? ` (${result.reason})` : ''}`;
  return 'no checkpoint recorded at this step';
}

function entry(id: DocId, b: Builder | undefined): DocumentationEntry {
  const sentence = DOC[id];
  const check = CHECKABILITY[id];
  const scenarios = [...(b?.scenarios.values() ?? [])].map((s) => ({
    id: s.id, ...(s.target === undefined ? {} : { target: s.target }), via: [...s.via].sort(), verdict: worst(s.verdicts) ?? 'not-run',
  }));
  const status = worst(scenarios.map((s) => s.verdict)) ?? 'not-covered';
  const quotedBy = [...(b?.quotedBy ?? [])];
  return {
    id: sentence.id,
    source: sourceOf(sentence)?.title ?? sentence.section,
    section: sentence.section,
    text: sentence.text,
    status,
    ...('observedBy' in check ? { observedBy: check.observedBy } : { notCheckable: check.notCheckable }),
    ...(status === 'not-covered' ? { reason: notCoveredReason(check, quotedBy) } : {}),
    ...(status === 'not-run' ? { reason: `no scenario resting on it ran to a verdict: ${[...new Set(b?.notRunReasons ?? [])].slice(0, 3).join('; ')}` } : {}),
    scenarios,
    checkpoints: b?.checkpoints ?? [],
    ...(quotedBy.length > 0 ? { quotedBy } : {}),
  };
}

function notCoveredReason(check: (typeof CHECKABILITY)[DocId], quotedBy: readonly string[]): string {
  if ('notCheckable' in check) return `not checkable over adb: ${check.notCheckable}`;
  const quoted = quotedBy.length > 0 ? `quoted by ${quotedBy.join(', ')} without observing ${check.observedBy.map((k) => OBSERVATION_KINDS[k]).join(' or ')}; ` : '';
  return `${quoted}no scenario of this run checks it${check.toCover ? `; needs ${check.toCover}` : ''}`;
}
