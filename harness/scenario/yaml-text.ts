/**
 * YAML text (a scenario or the waiver list) as plain data, bounded. The yaml library composes
 * documents recursively and reports a stack overflow as a parse error in the engine's words
 * ("Maximum call stack size exceeded"), and guards against alias bombs by throwing a bare
 * ReferenceError (exit 3, no file named). Both are caught here and said in our words, naming the
 * file (issue 11, item 3):
 *   - nesting: the concrete syntax tree (built by the library's Parser without recursion) is
 *     walked with an explicit stack before anything is composed; deeper than MAX_YAML_DEPTH is
 *     refused with the line where it gets too deep;
 *   - aliases: more than MAX_YAML_ALIASES resolutions are refused (a scenario needs none).
 */
import { Parser, parseDocument, type CST } from 'yaml';
import { InputError } from '../errors/errors';
import { MAX_YAML_ALIASES, MAX_YAML_DEPTH } from '../inputs';

function fail(displayFile: string, line: number | undefined, message: string, cause?: unknown): never {
  throw new InputError(`${displayFile}${line === undefined ? '' : `:${line}`}: YAML: ${message}`, { file: displayFile, ...(cause === undefined ? {} : { cause }) });
}

/** Children of a CST token that can nest further. */
function children(token: CST.Token): CST.Token[] {
  if (token.type === 'document') return token.value === undefined ? [] : [token.value];
  if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
    return token.items.flatMap((item) => ['key' in item ? item.key : undefined, item.value].filter((t): t is CST.Token => t !== undefined && t !== null));
  }
  return [];
}

function isCollection(token: CST.Token): boolean {
  return token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection';
}

/** The offset where collections first nest deeper than `limit`, or undefined. Iterative. */
export function tooDeepAt(text: string, limit: number): number | undefined {
  for (const top of new Parser().parse(text)) {
    const stack: [CST.Token, number][] = [[top, 0]];
    for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
      const [token, depth] = entry;
      const here = isCollection(token) ? depth + 1 : depth;
      if (here > limit) return token.offset;
      for (const child of children(token)) stack.push([child, here]);
    }
  }
  return undefined;
}

/**
 * An upper bound on how deep `[`/`{` nest, from the raw text: every bracket counts, also those in
 * comments and strings, so this only ever over-estimates. Linear, with no parser — the library's
 * CST parser needs seconds for a megabyte of `[`.
 */
export function bracketDepthBound(text: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > max) max = depth;
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) {
      depth -= 1;
    }
  }
  return max;
}

/** 1-based line of `offset` in `text`. */
function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Far beyond any real document: refused from the text alone, before the (slow when deep) CST parse. */
const HOPELESS_BRACKET_DEPTH = 1000;

/** The YAML text as plain data, or an InputError `file:line:col: YAML: …` in our words. */
export function parseYamlFile(text: string, displayFile: string): unknown {
  const tooDeep = `collections nested more than ${MAX_YAML_DEPTH} levels deep (a scenario needs a handful)`;
  if (bracketDepthBound(text) > HOPELESS_BRACKET_DEPTH) fail(displayFile, undefined, `brackets nested more than ${HOPELESS_BRACKET_DEPTH} deep; ${tooDeep}`);
  const deep = tooDeepAt(text, MAX_YAML_DEPTH);
  if (deep !== undefined) fail(displayFile, lineOf(text, deep), tooDeep);
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    const pos = error.linePos?.[0];
    const what = error.message.split(' at line ')[0]?.split('\n')[0] ?? error.message;
    throw new InputError(`${displayFile}${pos ? `:${pos.line}:${pos.col}` : ''}: YAML: ${what}`, { file: displayFile, cause: error });
  }
  try {
    return doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }) as unknown;
  } catch (e) {
    // The library's alias-bomb guard (a ReferenceError "Excessive alias count …").
    if (e instanceof ReferenceError) fail(displayFile, undefined, `more than ${MAX_YAML_ALIASES} alias references (*name) to resolve; ims-rig refuses alias bombs`, e);
    throw e;
  }
}
