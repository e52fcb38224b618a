/**
 * Merges folded runs into one result, as `ims-rig report --from a.jsonl b.jsonl` does:
 *  - shards of one run (same run id, or same target serial): the union of their scenarios in plan
 *    order, so two shards merge to what the unsharded run reports (timings and ids aside);
 *  - runs on different devices: every scenario keeps the target it ran on and `targets` lists the
 *    devices side by side.
 * A scenario is identified by (target serial, scenario id); when two inputs hold the same one
 * (a shard run again) the one that started later wins, as a CTS retry session supersedes the last.
 */
import {
  type NotRunScenario,
  type PlannedScenario,
  type RunInfo,
  type RunResult,
  type RunSource,
  type ScenarioResult,
  type TargetInfo,
} from './model';
import { summarize } from './summarize';

export function mergeRuns(runs: readonly RunResult[]): RunResult {
  const first = runs[0];
  if (!first) throw new Error('mergeRuns: no runs to merge');
  if (runs.length === 1) return first;
  const ordered = [...runs].sort((a, b) => a.run.startedAt.localeCompare(b.run.startedAt));

  const targets = uniqueTargets(ordered);
  const targetIndex = new Map(targets.map((t, i) => [t.serial, i]));
  const byKey = new Map<string, ScenarioResult>();
  for (const r of ordered) {
    for (const s of r.scenarios) {
      const tagged = s.target ? s : { ...s, target: r.target.serial };
      byKey.set(key(tagged.target ?? r.target.serial, s.id), tagged);
    }
  }

  const planned = mergePlans(ordered);
  const position = new Map(planned.map((p, i) => [p.id, i]));
  const rank = (id: string): number => position.get(id) ?? Number.MAX_SAFE_INTEGER;
  const scenarios = [...byKey.values()].sort((a, b) =>
    rank(a.id) - rank(b.id) || a.id.localeCompare(b.id) || (targetIndex.get(a.target ?? '') ?? 0) - (targetIndex.get(b.target ?? '') ?? 0));

  const notRunByKey = new Map<string, NotRunScenario>();
  for (const r of ordered) {
    for (const n of r.notRun ?? []) {
      const k = key(n.target ?? r.target.serial, n.id);
      if (!byKey.has(k) && !notRunByKey.has(k)) notRunByKey.set(k, { ...n, target: n.target ?? r.target.serial });
    }
  }
  const notRun = [...notRunByKey.values()].sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id));

  return {
    schemaVersion: 1,
    run: mergeRunInfo(ordered, notRun.length === 0 && scenarios.every((s) => s.incomplete !== true)),
    target: targets[0] ?? first.target,
    ...(targets.length > 1 ? { targets } : {}),
    summary: summarize(scenarios, notRun),
    scenarios,
    planned,
    notRun,
  };
}

function key(serial: string, id: string): string {
  return `${serial}\u0000${id}`;
}

function uniqueTargets(runs: readonly RunResult[]): TargetInfo[] {
  const seen = new Map<string, TargetInfo>();
  for (const r of runs) for (const t of r.targets ?? [r.target]) if (!seen.has(t.serial)) seen.set(t.serial, t);
  return [...seen.values()];
}

/**
 * The union of the inputs' plans, in plan order: by the unsharded position shards carry
 * (`order`); else the order of an input whose plan covers every scenario (runs of one suite on
 * several devices); else by id.
 */
function mergePlans(runs: readonly RunResult[]): PlannedScenario[] {
  const union = new Map<string, PlannedScenario>();
  for (const r of runs) for (const p of r.planned ?? []) if (!union.has(p.id)) union.set(p.id, p);
  const all = [...union.values()];
  if (all.every((p) => p.order !== undefined)) return all.sort((a, b) => (a.order ?? 0) - (b.order ?? 0) || a.id.localeCompare(b.id));
  const covering = runs.find((r) => (r.planned?.length ?? 0) === all.length);
  if (covering?.planned) return [...covering.planned];
  return all.sort((a, b) => a.id.localeCompare(b.id));
}

/** `covered`: nothing planned is missing, so a later run made up for an interrupted one. */
function mergeRunInfo(runs: readonly RunResult[], covered: boolean): RunInfo {
  const first = runs[0]!.run;
  const unique = (values: readonly string[]): string[] => [...new Set(values)];
  const startedAt = runs.map((r) => r.run.startedAt).sort()[0] ?? first.startedAt;
  const endedAt = runs.map((r) => r.run.endedAt ?? r.run.startedAt).sort().at(-1) ?? startedAt;
  const complete = covered || runs.every((r) => r.run.complete);
  const interrupted = unique(runs.flatMap((r) => (r.run.interrupted === undefined ? [] : [r.run.interrupted])));
  const mergedFrom: RunSource[] = runs.flatMap((r) => r.run.mergedFrom ?? [{
    id: r.run.id,
    serial: r.target.serial,
    commandLine: r.run.commandLine,
    startedAt: r.run.startedAt,
    complete: r.run.complete,
    ...(r.run.shard ? { shard: r.run.shard } : {}),
  }]);
  return {
    id: unique(runs.map((r) => r.run.id)).join('+'),
    suiteName: first.suiteName,
    suiteVersion: first.suiteVersion,
    startedAt,
    endedAt,
    durationMs: Math.max(0, Date.parse(endedAt) - Date.parse(startedAt)) || 0,
    host: first.host,
    commandLine: unique(runs.map((r) => r.run.commandLine)).join(' ; '),
    complete,
    // The worst exit code of the inputs (1 conformance failure < 2 bad input < 3 infrastructure).
    ...(runs.every((r) => r.run.exitCode !== undefined) ? { exitCode: Math.max(...runs.map((r) => r.run.exitCode ?? 0)) } : {}),
    ...(!complete && interrupted.length > 0 ? { interrupted: interrupted.join('; ') } : {}),
    mergedFrom,
  };
}
