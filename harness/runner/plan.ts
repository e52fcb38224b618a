/**
 * Which scenarios a run executes, decided before any device is touched (a bad input is exit 2):
 * load (suites/ or `--scenario` files), check every `check.bindings` pin against the documented
 * model and every waiver a scenario names, then filter (`--suite`, `-t`) and shard (`--shard i/n`,
 * a deterministic split of the list sorted by id). Pure but for loading the files.
 */
import * as path from 'node:path';
import { minimatch } from 'minimatch';
import { UsageError } from '../errors';
import { AREAS, type FullScenario } from '../model';
import { callbackPinConflicts, expectationsFor, pinConflicts } from '../oracle';
import { SUITES_DIR } from '../paths';
import { loadScenarios } from '../scenario/loader';
import { scenarioError } from '../scenario/format-error';
import { waiversForScenario, type Waiver } from '../scenario/waivers';

export interface Shard {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
}

export interface PlanFilters {
  /** `--suite`: area names or globs (on the scenario id or its file path); several ⇒ any. */
  readonly suites?: readonly string[];
  /** `-t`: a regular expression on the id or the title. */
  readonly namePattern?: string;
  readonly shard?: Shard;
}

/** `--shard 2/4` → { index: 2, count: 4 }; UsageError otherwise. */
export function parseShard(value: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || !Number.isInteger(index) || !Number.isInteger(count) || count < 1 || index < 1 || index > count) {
    throw new UsageError(`--shard ${JSON.stringify(value)}: expected i/n with 1 <= i <= n (e.g. --shard 1/4)`);
  }
  return { index, count };
}

/** `-t` as a RegExp; UsageError for an invalid one. */
export function parseNamePattern(pattern: string): RegExp {
  try {
    return new RegExp(pattern);
  } catch (e) {
    throw new UsageError(`-t ${JSON.stringify(pattern)}: not a valid regular expression (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** Whether a scenario belongs to `--suite <area|glob>`. */
export function matchesSuite(s: Pick<FullScenario, 'id' | 'area' | 'file'>, suite: string): boolean {
  if ((AREAS as readonly string[]).includes(suite)) return s.area === suite;
  const relative = path.relative(SUITES_DIR, s.file).split(path.sep).join('/');
  return minimatch(s.id, suite) || minimatch(relative, suite) || minimatch(relative, `${suite}/**`) || minimatch(s.file, suite);
}

/** The scenarios the filters select, sorted by id; with a shard, every n-th of them from the i-th. */
export function selectScenarios<T extends Pick<FullScenario, 'id' | 'title' | 'area' | 'file'>>(all: readonly T[], filters: PlanFilters): { selected: T[]; order: Map<string, number> } {
  const pattern = filters.namePattern === undefined ? undefined : parseNamePattern(filters.namePattern);
  const suites = filters.suites ?? [];
  const filtered = [...all]
    .filter((s) => suites.length === 0 || suites.some((x) => matchesSuite(s, x)))
    .filter((s) => pattern === undefined || pattern.test(s.id) || pattern.test(s.title))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const order = new Map(filtered.map((s, i) => [s.id, i]));
  const shard = filters.shard;
  const selected = shard === undefined ? filtered : filtered.filter((_, i) => i % shard.count === shard.index - 1);
  return { selected, order };
}

/**
 * The scenario-authoring errors a file cannot show by itself: a pin (`check: { bindings }`) the
 * documented model disagrees with, a waiver id the waiver file does not have. InputError (exit 2).
 */
export function validatePlan(scenarios: readonly FullScenario[], waivers: readonly Waiver[]): void {
  for (const s of scenarios) {
    const { tables, callbacks } = expectationsFor(s);
    s.steps.forEach((step, index) => {
      const rows = callbacks.get(index);
      if (step.kind === 'checkStateCallbacks' && rows !== undefined) {
        const pins = callbackPinConflicts(step, rows);
        if (pins.length > 0) throw scenarioError(s.displayFile, ['steps', index, 'checkStateCallbacks', 'expect'], `disagrees with the documented model: ${pins.join('; ')}`);
      }
      const table = tables.get(index);
      if (step.kind !== 'check' || table === undefined) return;
      const conflicts = pinConflicts(step, table);
      if (conflicts.length > 0) throw scenarioError(s.displayFile, ['steps', index, 'check', 'bindings'], `disagrees with the documented model: ${conflicts.join('; ')}`);
    });
    waiversForScenario(waivers, s);
  }
}

export interface LoadPlanOptions extends PlanFilters {
  /** `--scenario` files; default: every scenario under suites/. */
  readonly files?: readonly string[];
  readonly waivers?: readonly Waiver[];
}

/** Loads, validates and selects. Throws InputError / UsageError (exit 2). */
export async function loadPlan(options: LoadPlanOptions): Promise<{ all: FullScenario[]; selected: FullScenario[]; order: Map<string, number> }> {
  const inputs = options.files !== undefined && options.files.length > 0 ? options.files : [SUITES_DIR];
  const all = await loadScenarios(inputs);
  validatePlan(all, options.waivers ?? []);
  const { selected, order } = selectScenarios(all, options);
  return { all, selected, order };
}
