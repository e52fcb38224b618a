/**
 * Runs scenarios again and again on one reference device and counts their verdicts (issue 11,
 * item 6: the same scenario on the same target gets the same verdict every time). The engine runs
 * each scenario as `ims-rig run` does — snapshot, provisioning, steps, waivers, restore — through
 * the device's adb-server door at the CLI's default time scale, where host jitter used to decide
 * races.
 */
import * as path from 'node:path';
import { SUITES_DIR } from '../paths';
import { type ScenarioStatus } from '../results';
import { runScenario } from '../scenario/engine';
import { runInEpochs } from '../targets/run-staging';
import { loadScenario } from '../scenario/loader';
import { loadWaivers, waiverLookupFor } from '../scenario/waivers';
import { ApkCache } from '../targets/app-realiser';
import { startReferenceSession } from './reference-session';

/** Scenarios whose verdict once depended on timing (found by running the whole suite again and again). */
export const ONCE_RACY_SCENARIOS = ['lifecycle/query-error-at-phone-start.yaml'] as const;

export interface RepeatOptions {
  /** Scenario files, relative to suites/ or absolute. */
  readonly files: readonly string[];
  readonly runs: number;
  /** Device clock scale (default 0.02, `ims-rig run`'s). */
  readonly timeScale?: number;
}

/** Verdict counts per scenario id: `{ 'lifecycle.x': { pass: 20 } }`. */
export async function repeatVerdicts(options: RepeatOptions): Promise<Map<string, Partial<Record<ScenarioStatus, number>>>> {
  const { device, session } = await startReferenceSession({ timeScale: options.timeScale ?? 0.02 });
  try {
    const waivers = await loadWaivers(path.join(SUITES_DIR, 'waivers.yaml'));
    const apks = new ApkCache();
    const counts = new Map<string, Partial<Record<ScenarioStatus, number>>>();
    const scenarios = await Promise.all(options.files.map((file) => loadScenario(path.resolve(SUITES_DIR, file))));
    // Staged as `ims-rig run` stages a run, then each scenario `runs` times.
    await runInEpochs(session, scenarios, { apks, log: [], keepList: false }, async (scenario) => {
      const lookup = waiverLookupFor(waivers, scenario);
      const tally: Partial<Record<ScenarioStatus, number>> = {};
      for (let i = 0; i < options.runs; i++) {
        const outcome = await runScenario(scenario, { session, apks, emit: () => undefined, waivers: lookup });
        tally[outcome.status] = (tally[outcome.status] ?? 0) + 1;
      }
      counts.set(scenario.id, tally);
    });
    return counts;
  } finally {
    await device.stop();
  }
}
