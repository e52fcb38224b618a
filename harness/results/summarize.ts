/**
 * Summary counts of a run, always recomputed from the scenarios (never trusted from an input) so
 * folded, merged and regenerated reports agree with what they list.
 */
import { countWaivedDiffs } from './describe';
import { type NotRunScenario, type RunSummary, type ScenarioResult, type ScenarioStatus } from './model';
import { countOrigins } from './three-way';

export function summarize(scenarios: readonly ScenarioResult[], notRun: readonly NotRunScenario[] = []): RunSummary {
  const count = (status: ScenarioStatus): number => scenarios.filter((s) => s.status === status).length;
  return {
    pass: count('pass'),
    fail: count('fail'),
    skip: count('skip'),
    error: count('error'),
    deviation: scenarios.reduce((n, s) => n + countWaivedDiffs(s), 0),
    waived: count('waived'),
    incomplete: scenarios.filter((s) => s.incomplete === true).length,
    total: scenarios.length,
    notRun: notRun.length,
    // Only runs with a reference run (three-way diff) carry these: a plain run's summary is unchanged.
    ...countOrigins(scenarios),
  };
}

