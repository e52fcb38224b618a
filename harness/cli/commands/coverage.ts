/**
 * `ims-rig coverage [--suite <area|glob>]... [--scenario <file>]... [--json]`: which sentences of
 * the documentation the selected scenarios rest on, worked out from the scenario files alone (no
 * device) with the same computation the report's "Documentation coverage" uses — the plan's traces
 * (harness/scenario/trace.ts) through harness/reporters/documentation. Exit 0; a bad scenario file
 * or an empty selection is bad input (exit 2).
 */
import { UsageError } from '../../errors';
import { documentationOf, formatCoverageText } from '../../reporters';
import { type PlannedScenario } from '../../results';
import { loadPlan } from '../../runner/plan';
import { traceScenario } from '../../scenario/trace';

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export async function coverageCommand(opts: Record<string, unknown>): Promise<number> {
  const plan = await loadPlan({ files: stringList(opts.scenario), suites: stringList(opts.suite) });
  if (plan.selected.length === 0) throw new UsageError('no scenario matches the given --suite / --scenario');
  const planned: PlannedScenario[] = plan.selected.map((s) => ({ id: s.id, title: s.title, area: s.area, file: s.displayFile, trace: traceScenario(s) }));
  // Nothing runs: every planned scenario is "not run", so a sentence is either covered or not.
  const documentation = documentationOf({ scenarios: [], planned, notRun: planned });
  const out = opts.json === true
    ? `${JSON.stringify({ scenarios: planned.length, documentation }, null, 2)}\n`
    : formatCoverageText(documentation, { scenarios: planned.length, plan: true });
  process.stdout.write(out);
  return 0;
}
