/**
 * One way to say what is wrong with a scenario (or waiver) file, used by every check:
 *   `<displayFile>: <path> <message>`   e.g. `suites/priority/x.yaml: steps[3].insertSim.slot must be 0 or 1`
 * (DESIGN.md "Scenario files"). Zod issues are turned into that shape here, once.
 */
import { z } from 'zod';
import { InputError } from '../errors/errors';

export type IssuePath = readonly (string | number)[];

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$-]*$|^\d+$/;

/** `['steps', 3, 'insertSim', 'slot']` → `steps[3].insertSim.slot`; odd keys are quoted: `values["a b"]`. */
export function formatPath(path: IssuePath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (IDENTIFIER.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** An InputError `<displayFile>: <path> <message>` (no path: `<displayFile>: <message>`). */
export function scenarioError(displayFile: string, path: IssuePath, message: string, cause?: unknown): InputError {
  const where = formatPath(path);
  return new InputError(`${displayFile}: ${where === '' ? '' : `${where} `}${message}`, {
    file: displayFile,
    ...(where === '' ? {} : { field: where }),
    ...(cause === undefined ? {} : { cause }),
  });
}

/** How a value reads in a message: `"x"`, `3`, `null`, `a list`, `a map`. */
export function describeValue(v: unknown): string {
  if (v === null || v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a map';
  return JSON.stringify(v);
}

const EXPECTED: Readonly<Record<string, string>> = {
  string: 'a string', number: 'a number', boolean: 'true or false', object: 'a map', array: 'a list',
  null: 'null', integer: 'an integer',
};
const RECEIVED: Readonly<Record<string, string>> = {
  string: 'a string', number: 'a number', boolean: 'a boolean', object: 'a map', array: 'a list',
  null: 'nothing', nan: 'NaN', integer: 'a number', float: 'a number',
};

/** Edit distance, for "did you mean" on misspelt keys. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j] ?? 0;
      row[j] = Math.min(cur + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1]?.toLowerCase() === b[j - 1]?.toLowerCase() ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length] ?? 0;
}

/** The closest of `known` to `word`, when it is plausibly a typo of it. */
export function didYouMean(word: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const d = distance(word, k);
    if (d < bestD) [best, bestD] = [k, d];
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}

/** The object schema at `path` inside `schema`, to list the keys an unknown key could have been. */
function objectKeysAt(schema: z.ZodTypeAny, path: IssuePath): string[] | undefined {
  let s: z.ZodTypeAny = schema;
  for (let i = 0; ; ) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodNullable) s = s.unwrap() as z.ZodTypeAny;
    else if (s instanceof z.ZodDefault) s = s.removeDefault() as z.ZodTypeAny;
    else if (s instanceof z.ZodEffects) s = s.innerType() as z.ZodTypeAny;
    else if (i === path.length) return s instanceof z.ZodObject ? Object.keys(s.shape as object) : undefined;
    else if (s instanceof z.ZodObject) s = (s.shape as Record<string, z.ZodTypeAny>)[String(path[i++])] ?? z.never();
    else if (s instanceof z.ZodArray) [s, i] = [s.element as z.ZodTypeAny, i + 1];
    else if (s instanceof z.ZodRecord) [s, i] = [s.valueSchema as z.ZodTypeAny, i + 1];
    else return undefined;
  }
}

export interface DescribedIssue {
  readonly path: IssuePath;
  readonly message: string;
}

/** A zod issue as `{ path, message }` in ims-rig's words. `schema` lets unknown keys suggest the right one. */
export function describeIssue(issue: z.ZodIssue, schema?: z.ZodTypeAny): DescribedIssue {
  const at = issue.path;
  if (issue.code === z.ZodIssueCode.invalid_type) {
    if (issue.received === 'undefined') return { path: at, message: 'is required' };
    return { path: at, message: `must be ${EXPECTED[issue.expected] ?? issue.expected} (got ${RECEIVED[issue.received] ?? issue.received})` };
  }
  if (issue.code === z.ZodIssueCode.invalid_enum_value) {
    return { path: at, message: `must be one of ${issue.options.join(', ')} (got ${describeValue(issue.received)})` };
  }
  if (issue.code === z.ZodIssueCode.unrecognized_keys) {
    const key = issue.keys[0] ?? '?';
    const known = schema ? objectKeysAt(schema, at) : undefined;
    const hint = known ? didYouMean(key, known) : undefined;
    const more = issue.keys.length > 1 ? ` (nor ${issue.keys.slice(1).map((k) => JSON.stringify(k)).join(', ')})` : '';
    const help = hint ? ` (did you mean ${hint}?)` : known ? ` (known: ${known.join(', ')})` : '';
    return { path: [...at, key], message: `is not a known key${help}${more}` };
  }
  if (issue.code === z.ZodIssueCode.too_small) {
    if ((issue.type === 'array' || issue.type === 'string') && issue.minimum === 1) return { path: at, message: 'must not be empty' };
    return { path: at, message: `must have at least ${String(issue.minimum)} ${issue.type === 'array' ? 'entries' : 'characters'}` };
  }
  if (issue.code === z.ZodIssueCode.invalid_literal) return { path: at, message: `must be ${JSON.stringify(issue.expected)}` };
  // custom (already worded by ims-rig's refinements), invalid_string (regex messages), the rest.
  return { path: at, message: issue.message };
}

/** The first issue of a failed parse as the InputError the user sees (prefix: where the parsed value sits). */
export function zodInputError(displayFile: string, error: z.ZodError, schema?: z.ZodTypeAny, prefix: IssuePath = []): InputError {
  // A misspelt key explains the "is required" issue its correct spelling raises: report it first.
  const first = error.issues.find((i) => i.code === z.ZodIssueCode.unrecognized_keys) ?? error.issues[0];
  if (!first) return scenarioError(displayFile, prefix, 'is not valid');
  const d = describeIssue(first, schema);
  return scenarioError(displayFile, [...prefix, ...d.path], d.message, error);
}

/**
 * Re-reports the issues of a nested parse inside a zod refinement, already worded, so unions
 * written by hand (string-or-map fields, single-key steps) keep precise paths and messages.
 */
export function forwardIssues(ctx: z.RefinementCtx, error: z.ZodError, schema: z.ZodTypeAny, prefix: IssuePath = []): void {
  const ordered = [...error.issues].sort((a, b) => Number(b.code === z.ZodIssueCode.unrecognized_keys) - Number(a.code === z.ZodIssueCode.unrecognized_keys));
  for (const issue of ordered) {
    const d = describeIssue(issue, schema);
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: [...prefix, ...d.path], message: d.message });
  }
}
