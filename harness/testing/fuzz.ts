/**
 * The property tests' kit (issue 11, item 4): fast-check with a fixed seed and a bounded budget,
 * inputs generated from a format's own tokens or mutated from real samples (the fixtures and the
 * real inputs AOSP, CTS and carriers ship), and the one property every parser must hold — it
 * returns a value or throws one of ims-rig's errors, worded in our terms; never a JavaScript
 * engine error, never a hang (the budget ends the run; Jest's timeout ends a parser that spins).
 */
import * as fc from 'fast-check';
import { isImsRigError } from '../errors';
import { engineWordsIn } from './engine-words';

/** One seed for every property: a failure reproduces on any machine. */
export const FUZZ_SEED = 1_107_2026;

/**
 * Runs per property and the wall-time budget after which fast-check stops generating (what has
 * run still counts; nothing here asserts on time). Sized so all properties add a few seconds to CI.
 */
export function fuzzParameters(numRuns: number, budgetMs = 3_000): fc.Parameters<unknown> {
  return { seed: FUZZ_SEED, numRuns, interruptAfterTimeLimit: budgetMs, markInterruptAsFailure: false, endOnFailure: true };
}

/** What a parser may do with a bad input: a value, or an ims-rig error whose message is in our words. */
export function ourErrorOrValue(parse: () => unknown): boolean {
  try {
    parse();
    return true;
  } catch (e) {
    return judged(e);
  }
}

export async function ourErrorOrValueAsync(parse: () => Promise<unknown>): Promise<boolean> {
  try {
    await parse();
    return true;
  } catch (e) {
    return judged(e);
  }
}

function judged(e: unknown): boolean {
  if (!isImsRigError(e)) throw new Error(`not one of ims-rig's errors: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`, { cause: e });
  const words = engineWordsIn(e.message);
  if (words !== undefined) throw new Error(`the message carries the engine's words (${words}): ${e.message}`, { cause: e });
  return true;
}

/** Parsers of command output never throw: every outcome is a value. */
export function neverThrows(parse: () => unknown): boolean {
  parse();
  return true;
}

/** Fragments that break parsers: markup, quoting, nesting, YAML anchors, odd code points. */
const NASTY = [
  '<', '>', '</', '/>', '<!--', '-->', '<![CDATA[', ']]>', '<?xml version="1.0"?>', '<!DOCTYPE x [<!ENTITY a "b">]>', '&', '&amp;', '&#0;', '&#xFFFF;', '&nbsp;',
  '"', "'", '\\', '\n', '\r\n', '\t', '\u0000', '\uFEFF', '\uD800', '\u202E', '💥', ' android:name="x"', ' xmlns:android="http://schemas.android.com/apk/res/android"',
  '<x>'.repeat(200), '['.repeat(200), '{'.repeat(200), '- '.repeat(50), '&a [1]', '*a', '<<: *a', '!!binary', '%YAML 1.2', '---', '...', ': ', '# ', '|', '>-',
  '{"v":1}', 'null', 'NaN', '-1', '4294967296', '1e309', '0x7fffffff', '=', ',', ';', '[', ']', '(', ')', 'true', 'false', '  ', 'com.oem.ims', 'slot=0',
];

type MutationKind = 'truncate' | 'delete' | 'duplicate' | 'insert' | 'replace' | 'swap' | 'repeat';

interface Mutation {
  readonly kind: MutationKind;
  readonly a: number;
  readonly b: number;
  readonly text: string;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom<MutationKind>('truncate', 'delete', 'duplicate', 'insert', 'replace', 'swap', 'repeat'),
  a: fc.nat(),
  b: fc.nat(),
  text: fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: 'binary', maxLength: 24 }), fc.string({ maxLength: 24 })),
});

function applyMutation(s: string, m: Mutation): string {
  const n = s.length;
  const a = n === 0 ? 0 : m.a % (n + 1);
  const b = n === 0 ? 0 : m.b % (n + 1);
  const [lo, hi] = a <= b ? [a, b] : [b, a];
  switch (m.kind) {
    case 'truncate': return s.slice(0, a);
    case 'delete': return s.slice(0, lo) + s.slice(hi);
    case 'duplicate': return s.slice(0, hi) + s.slice(lo, hi) + s.slice(hi);
    case 'insert': return s.slice(0, a) + m.text + s.slice(a);
    case 'replace': return s.slice(0, lo) + m.text + s.slice(Math.min(n, lo + 1 + (hi - lo) % 8));
    case 'swap': {
      const mid = lo + Math.floor((hi - lo) / 2);
      return s.slice(0, lo) + s.slice(mid, hi) + s.slice(lo, mid) + s.slice(hi);
    }
    case 'repeat': return s.slice(0, hi) + s.slice(lo, Math.min(hi, lo + 64)).repeat(1 + (m.b % 40)) + s.slice(hi);
  }
}

/** A real sample with one to six mutations applied. */
export function mutatedText(samples: readonly string[]): fc.Arbitrary<string> {
  return fc.tuple(fc.constantFrom(...samples), fc.array(mutation, { minLength: 1, maxLength: 6 })).map(([s, ms]) => ms.reduce(applyMutation, s));
}

/** Text built from a format's own tokens (and the nasty ones), for inputs no sample resembles. */
export function tokenText(tokens: readonly string[], maxTokens = 60): fc.Arbitrary<string> {
  return fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...tokens) }, { weight: 1, arbitrary: fc.constantFrom(...NASTY) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) }), { maxLength: maxTokens })
    .map((parts) => parts.join(''));
}

/** Bytes of a real sample with bytes flipped, ranges cut, zeroed, duplicated or the end cut off. */
export function mutatedBytes(samples: readonly Buffer[]): fc.Arbitrary<Buffer> {
  const edit = fc.record({ kind: fc.constantFrom('flip', 'truncate', 'zero', 'duplicate', 'word'), at: fc.nat(), length: fc.nat({ max: 64 }), value: fc.nat({ max: 0xffffffff }) });
  return fc.tuple(fc.constantFrom(...samples), fc.array(edit, { minLength: 1, maxLength: 8 })).map(([sample, edits]) => {
    let b = Buffer.from(sample);
    for (const e of edits) {
      if (b.length === 0) break;
      const at = e.at % b.length;
      if (e.kind === 'flip') b[at] = (b[at] ?? 0) ^ (1 + (e.value % 255));
      else if (e.kind === 'truncate') b = b.subarray(0, at);
      else if (e.kind === 'zero') b.fill(0, at, Math.min(b.length, at + e.length));
      else if (e.kind === 'duplicate') b = Buffer.concat([b.subarray(0, at), b.subarray(at, Math.min(b.length, at + e.length)), b.subarray(at)]);
      else if (at + 4 <= b.length) b.writeUInt32LE(e.value >>> 0, at - (at % 4));
    }
    return b;
  });
}
