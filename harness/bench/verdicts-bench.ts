/**
 * Verdict stability (issue 11, item 6): each scenario whose verdict once depended on timing runs
 * RUNS times on one reference device, at `ims-rig run`'s time scale, and the verdicts are counted.
 * One distinct verdict per scenario is the goal; `lifecycle.query-error-at-phone-start` used to be
 * waived in about one run of seven and pass in the others.
 */
import { ONCE_RACY_SCENARIOS, repeatVerdicts } from '../testing/repeat-verdicts';

export interface BenchResult { readonly name: string; readonly value: number; readonly unit: string; readonly goal?: string }

const RUNS = 20;

export async function run(): Promise<BenchResult[]> {
  const counts = await repeatVerdicts({ files: ONCE_RACY_SCENARIOS, runs: RUNS });
  return [...counts].map(([id, tally]) => ({
    name: `distinct verdicts in ${RUNS} runs of ${id} (${Object.entries(tally).map(([v, n]) => `${v} ${n}`).join(', ')})`,
    value: Object.keys(tally).length,
    unit: 'verdicts',
    goal: '1',
  }));
}
