/**
 * Waivers (suites/waivers.yaml): known, justified deviations of a target from the documented model,
 * each resting on a reference (e.g. "aosp-imsresolver.md §1.8 quirk 6"). A diff a waiver covers is
 * reported as *waived* — never as pass.
 *
 *   - id: aosp-emergency-follows-mmtel
 *     title: …
 *     justification: …
 *     reference: "aosp-imsresolver.md §1.8 quirk 6"
 *     match: { scenarios: ["emergency.*"], rules: [emergency-needs-mmtel], cells: [{ feature: EMERGENCY_MMTEL }],
 *              expected: null, observed: com.carrier.b.ims }          # or permissions: [...] for grant diffs,
 *                                                                     # or callback: { feature, aspect, expected, observed } for state callbacks
 *
 * A waiver matches a diff only when every criterion it states matches. Which waivers a scenario may
 * use: those it lists in `waivers:` plus those whose `match.scenarios` names it (waiversForScenario).
 */
import * as path from 'node:path';
import { minimatch } from 'minimatch';
import { z } from 'zod';
import { LIMITS, readInputText } from '../inputs';
import { type BindingCell, type FullScenario, type ImsFeature, type PackageName, type SlotKey, cellsEqual } from '../model';
import { type CallbackDiff, type WaiverRef } from '../results/model';
import { scenarioError, zodInputError } from './format-error';
import { displayPath, parseYamlFile } from './loader';
import { WAIVER_ID_PATTERN } from './schema';
import { featureSchema, packageNameSchema } from './schema-fields';

const cellSchema = z.object({
  slot: z.union([z.literal(0), z.literal(1), z.literal('0'), z.literal('1')], { errorMap: () => ({ message: 'must be 0 or 1' }) })
    .transform((s) => String(s) as SlotKey).optional(),
  feature: featureSchema.optional(),
}).strict().refine((c) => c.slot !== undefined || c.feature !== undefined, { message: 'must name a slot, a feature or both' });

/** State-callback diffs: which registration feature, aspect and values (the exact texts the report shows). */
const callbackSchema = z.object({
  feature: z.enum(['MMTEL', 'RCS']).optional(),
  aspect: z.enum(['last', 'since']).optional(),
  expected: z.string().min(1).optional(),
  observed: z.string().min(1).optional(),
}).strict().refine((c) => Object.keys(c).length > 0, { message: 'must name a feature, aspect, expected or observed value' });

const matchSchema = z.object({
  scenarios: z.array(z.string().min(1)).min(1).optional(),
  rules: z.array(z.string().min(1)).min(1).optional(),
  cells: z.array(cellSchema).min(1).optional(),
  expected: packageNameSchema.nullable().optional(),
  observed: z.union([packageNameSchema, z.array(packageNameSchema).min(2)]).nullable().optional(),
  permissions: z.array(z.string().min(1)).min(1).optional(),
  /** UI-step values (`rcs-provisioning.access`, `gba-authentication.access`): differences of `ui` steps. */
  uiKeys: z.array(z.string().min(1)).min(1).optional(),
  callback: callbackSchema.optional(),
}).strict().superRefine((m, ctx) => {
  const cellCriteria = m.cells !== undefined || m.expected !== undefined || m.observed !== undefined;
  if (!cellCriteria && m.rules === undefined && m.permissions === undefined && m.uiKeys === undefined && m.callback === undefined) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      message: 'must name what it waives: rules, cells, expected, observed, permissions or callback (scenarios alone would waive every diff)',
    });
  }
  if ([cellCriteria, m.permissions !== undefined, m.callback !== undefined].filter(Boolean).length > 1) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'mixes criteria of different diffs (cells/expected/observed for bindings, permissions for grants, callback for state callbacks): it could never match' });
  }
});

const waiverSchema = z.object({
  id: z.string().regex(WAIVER_ID_PATTERN, 'must be lower-case words, digits, dots and dashes'),
  title: z.string().trim().min(1),
  justification: z.string().trim().min(1),
  reference: z.string().trim().min(1),
  match: matchSchema,
}).strict();

const waiverFileSchema = z.array(waiverSchema);

export interface WaiverMatch {
  /** Globs on the scenario id (minimatch), e.g. "emergency.*". */
  readonly scenarios?: readonly string[];
  /** Oracle rule ids. */
  readonly rules?: readonly string[];
  /** Cells; a cell matches when its slot and feature (those stated) equal the diff's. */
  readonly cells?: readonly { readonly slot?: SlotKey; readonly feature?: ImsFeature }[];
  readonly expected?: PackageName | null;
  /** The observed cell: a package, null, or the exact list of several claimants. */
  readonly observed?: BindingCell;
  /** Permission names (grant diffs). */
  readonly permissions?: readonly string[];
  /** UI-step value keys (`ui` step diffs). */
  readonly uiKeys?: readonly string[];
  /** State-callback diffs. */
  readonly callback?: { readonly feature?: 'MMTEL' | 'RCS'; readonly aspect?: 'last' | 'since'; readonly expected?: string; readonly observed?: string };
}

export interface Waiver {
  readonly id: string;
  readonly title: string;
  readonly justification: string;
  readonly reference: string;
  readonly match: WaiverMatch;
}

/** A binding diff (results.json `diffs[]`). */
export interface CellDiffLike {
  readonly slot: SlotKey;
  readonly feature: ImsFeature;
  readonly expected: BindingCell;
  readonly observed: BindingCell;
  readonly rule: string;
}
/** A permission-grant diff (checkGrants). */
export interface GrantDiffLike {
  readonly permission: string;
  readonly expected: boolean;
  readonly observed: boolean;
  readonly rule: string;
}
/** A state-callback diff (checkStateCallbacks), before a waiver is attached. */
export type CallbackDiffLike = Omit<CallbackDiff, 'waiver'>;
export type DiffLike = CellDiffLike | GrantDiffLike | UiDiffLike | CallbackDiffLike;

function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** Parses waiver YAML (a list; empty file: none). Throws InputError `<file>: [i].field message`. */
export function parseWaivers(text: string, displayFile: string): Waiver[] {
  const data = parseYamlFile(text, displayFile) ?? [];
  const parsed = waiverFileSchema.safeParse(data);
  if (!parsed.success) throw zodInputError(displayFile, parsed.error, waiverFileSchema);
  const seen = new Map<string, number>();
  return parsed.data.map((w, i) => {
    const first = seen.get(w.id);
    if (first !== undefined) throw scenarioError(displayFile, [i, 'id'], `${w.id} is also the id of [${first}] (ids must be unique)`);
    seen.set(w.id, i);
    const match = dropUndefined(w.match) as WaiverMatch;
    return { ...w, match: match.callback === undefined ? match : { ...match, callback: dropUndefined(match.callback) } };
  });
}

/** Reads and parses a waiver file. Throws InputError naming the file (and field). */
export async function loadWaivers(file: string): Promise<Waiver[]> {
  const absolute = path.resolve(file);
  const text = await readInputText(absolute, { ...LIMITS.waivers, display: displayPath(absolute) });
  return parseWaivers(text, displayPath(absolute));
}

/** A UI-step difference (a surface or framework value a flow observed). */
export interface UiDiffLike {
  readonly key: string;
  readonly expected: string | boolean;
  readonly observed: string | boolean;
  readonly rule: string;
}

function isGrantDiff(diff: DiffLike): diff is GrantDiffLike {
  return 'permission' in diff;
}

function isCallbackDiff(diff: DiffLike): diff is CallbackDiffLike {
  return 'registration' in diff;
}

function matches(w: Waiver, scenarioId: string, diff: DiffLike): boolean {
  const m = w.match;
  if (m.scenarios && !m.scenarios.some((g) => minimatch(scenarioId, g))) return false;
  if (m.rules && !m.rules.includes(diff.rule)) return false;
  const cellCriteria = m.cells !== undefined || m.expected !== undefined || m.observed !== undefined;
  // UI differences are matched by their keys (uiKeys), besides scenario and rule.
  if ('key' in diff) return !cellCriteria && m.permissions === undefined && m.callback === undefined && m.uiKeys !== undefined && m.uiKeys.includes(diff.key);
  if (m.uiKeys !== undefined) return false;
  if (isCallbackDiff(diff)) {
    if (cellCriteria || m.permissions !== undefined) return false;
    const c = m.callback ?? {};
    return (c.feature === undefined || c.feature === diff.feature) && (c.aspect === undefined || c.aspect === diff.aspect)
      && (c.expected === undefined || c.expected === diff.expected) && (c.observed === undefined || c.observed === diff.observed);
  }
  if (m.callback !== undefined) return false;
  if (isGrantDiff(diff)) {
    if (cellCriteria) return false;
    return !m.permissions || m.permissions.includes(diff.permission);
  }
  if (m.permissions) return false;
  if (m.cells && !m.cells.some((c) => (c.slot === undefined || c.slot === diff.slot) && (c.feature === undefined || c.feature === diff.feature))) return false;
  if (m.expected !== undefined && !cellsEqual(m.expected, diff.expected)) return false;
  if (m.observed !== undefined && !cellsEqual(m.observed, diff.observed)) return false;
  return true;
}

/** The first waiver whose every stated criterion matches this diff of this scenario, if any. */
export function findWaiver(waivers: readonly Waiver[], scenarioId: string, diff: DiffLike): Waiver | undefined {
  return waivers.find((w) => matches(w, scenarioId, diff));
}

/**
 * The waivers a scenario may use: the ones it lists by id (an unknown id is an InputError naming
 * the scenario file) and the ones whose `match.scenarios` names it. A waiver tied to no scenario
 * either way applies nowhere.
 */
export function waiversForScenario(all: readonly Waiver[], scenario: Pick<FullScenario, 'id' | 'waivers' | 'displayFile'>): Waiver[] {
  const byId = new Map(all.map((w) => [w.id, w]));
  scenario.waivers.forEach((id, i) => {
    if (!byId.has(id)) throw scenarioError(scenario.displayFile, ['waivers', i], `${id} is not a waiver in the waiver file`);
  });
  return all.filter((w) => scenario.waivers.includes(w.id) || (w.match.scenarios ?? []).some((g) => minimatch(scenario.id, g)));
}

/** The reference results.json stores on a waived diff. */
export function toWaiverRef(w: Waiver): WaiverRef {
  return { id: w.id, justification: w.justification, reference: w.reference };
}

/** The engine's waiver lookup for one scenario: the waiver ref of the first waiver matching a diff. */
export function waiverLookupFor(all: readonly Waiver[], scenario: Pick<FullScenario, 'id' | 'waivers' | 'displayFile'>): (diff: DiffLike) => WaiverRef | undefined {
  const mine = waiversForScenario(all, scenario);
  return (diff) => {
    const w = findWaiver(mine, scenario.id, diff);
    return w === undefined ? undefined : toWaiverRef(w);
  };
}
