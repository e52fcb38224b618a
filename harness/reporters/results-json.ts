/**
 * results.json (schemaVersion 1): DESIGN.md's fields in DESIGN.md's order first, then the
 * extensions of harness/results/model.ts, so a person diffing two files or a script written
 * against DESIGN.md finds what it expects where it expects it.
 */
import { type Checkpoint, type Diff, type RunResult, type ScenarioResult } from '../results';
import { documentationOf } from './documentation/documentation-coverage';

const RUN_KEYS = ['schemaVersion', 'target', 'summary', 'scenarios'] as const;
const TARGET_KEYS = ['serial', 'kind', 'fingerprint', 'sdk', 'buildType'] as const;
const SUMMARY_KEYS = ['pass', 'fail', 'skip', 'error', 'deviation'] as const;
const SCENARIO_KEYS = ['id', 'title', 'area', 'file', 'status', 'reason', 'durationMs', 'checkpoints'] as const;
const CHECKPOINT_KEYS = ['step', 'expected', 'observed', 'diffs', 'status'] as const;
const DIFF_KEYS = ['slot', 'feature', 'expected', 'observed', 'rule'] as const;

/** Own keys in `first` order, then the rest in their own order. */
function ordered<T extends object>(value: T, first: readonly string[]): T {
  const out: Record<string, unknown> = {};
  const record = value as Record<string, unknown>;
  for (const k of first) if (k in record) out[k] = record[k];
  for (const [k, v] of Object.entries(record)) if (!(k in out)) out[k] = v;
  return out as T;
}

function diff(d: Diff): Diff {
  return ordered(d, DIFF_KEYS);
}

function checkpoint(c: Checkpoint): Checkpoint {
  return ordered({ ...c, diffs: c.diffs.map(diff) }, CHECKPOINT_KEYS);
}

function scenario(s: ScenarioResult): ScenarioResult {
  return ordered({ ...s, checkpoints: s.checkpoints.map(checkpoint) }, SCENARIO_KEYS);
}

/**
 * The results.json text of a run. `documentation` (one entry per documentation sentence, with what
 * rests on it) is derived from the rest, like the summary, and always recomputed.
 */
export function renderResultsJson(run: RunResult, documentation = documentationOf(run)): string {
  const doc = ordered({
    ...run,
    target: ordered(run.target, TARGET_KEYS),
    summary: ordered(run.summary, SUMMARY_KEYS),
    scenarios: run.scenarios.map(scenario),
    documentation,
  }, RUN_KEYS);
  return `${JSON.stringify(doc, null, 2)}\n`;
}
