/**
 * The conformance suites as a kill criterion for Stryker (`npm run mutation`): the scenarios and
 * waivers as `ims-rig run` loads them, the verdict each one has on plain AOSP (suites/verdicts.yaml;
 * an unlisted scenario must pass or be waived), and the judgement of one scenario run on a fresh
 * in-process reference device. A mutant of virtual-device/telephony/ims/ is killed when any
 * scenario's verdict leaves its expected set — a failing cell, an error, a timeout.
 *
 * Synchronous loading on purpose: Mocha (scenarios.mutation.ts) defines its tests synchronously,
 * one per scenario, before the first one runs.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { runOnReferenceDevice } from '../../harness/in-process/run-on-reference';
import { type FullScenario } from '../../harness/model';
import { type ScenarioStatus } from '../../harness/results';
import { SUITES_DIR } from '../../harness/paths';
import { parseScenario } from '../../harness/scenario/loader';
import { findWaiver, parseWaivers, toWaiverRef, waiversForScenario, type Waiver } from '../../harness/scenario/waivers';
import { type ApkCache } from '../../harness/targets/app-realiser';

/** The device clock scale `ims-rig run` uses. */
export const MUTATION_TIME_SCALE = 0.02;

/** YAML files under suites/ that are not scenarios. */
const NOT_SCENARIOS = new Set(['waivers.yaml', 'verdicts.yaml']);

export interface MutationSuite {
  readonly scenarios: readonly FullScenario[];
  readonly waivers: readonly Waiver[];
  /** suites/verdicts.yaml: scenario id → `pass`, `waived`, `skip` or `a|b`. */
  readonly verdicts: Readonly<Record<string, string>>;
}

/** The suites under `dir` (default suites/), in file-name order. */
export function loadMutationSuite(dir: string = SUITES_DIR): MutationSuite {
  const files = (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.yaml') && !NOT_SCENARIOS.has(path.basename(f)))
    .map((f) => path.join(dir, f)).sort();
  return {
    scenarios: files.map((f) => parseScenario(fs.readFileSync(f, 'utf8'), f)),
    waivers: parseWaivers(fs.readFileSync(path.join(dir, 'waivers.yaml'), 'utf8'), 'suites/waivers.yaml'),
    verdicts: parseYaml(fs.readFileSync(path.join(dir, 'verdicts.yaml'), 'utf8')) as Record<string, string>,
  };
}

/** The verdicts `id` may have on plain AOSP. */
export function expectedVerdicts(suite: MutationSuite, id: string): readonly string[] {
  return (suite.verdicts[id] ?? 'pass|waived').split('|');
}

export interface Judgement {
  /** The verdict is one of `expected`: the scenario does not kill the code under test. */
  readonly ok: boolean;
  readonly status: ScenarioStatus;
  readonly expected: readonly string[];
  /** For the report: why the verdict is what it is, when it is not expected. */
  readonly message: string;
}

export interface JudgeOptions {
  readonly apks: ApkCache;
  /** A vendor-bug profile instead of plain AOSP (the harness's own test: a known bug must be judged a kill). */
  readonly deviation?: string;
}

/** Runs `scenario` on a fresh in-process reference device, with the suites' waivers, and judges its verdict. */
export async function judgeOnReference(suite: MutationSuite, scenario: FullScenario, options: JudgeOptions): Promise<Judgement> {
  const all = waiversForScenario(suite.waivers, scenario);
  const outcome = await runOnReferenceDevice(scenario, {
    apks: options.apks,
    timeScale: MUTATION_TIME_SCALE,
    ...(options.deviation === undefined ? {} : { deviation: options.deviation }),
    waivers: (diff) => {
      const w = findWaiver(all, scenario.id, diff);
      return w === undefined ? undefined : toWaiverRef(w);
    },
  });
  const expected = expectedVerdicts(suite, scenario.id);
  const ok = expected.includes(outcome.status);
  return {
    ok, status: outcome.status, expected,
    message: `${scenario.id}: expected ${expected.join('|')}, got ${outcome.status}${ok ? '' : `: ${outcome.reason ?? ''}`}`,
  };
}
