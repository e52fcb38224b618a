/**
 * Tokenizer for the device shell (Android's /system/bin/sh is mksh). It implements the POSIX
 * token rules the rig and adb clients rely on: '…' and "…" quoting, backslash escapes, `$NAME`,
 * `${NAME}`, `$?`, `$(…)` and backquotes, operators (`;` `&&` `||` `|` `&` `(` `)`), redirections
 * with an optional fd number (`2>/dev/null`, `2>&1`, `>>`, `<`), comments and line continuations.
 * adb quotes arguments with '…' (adb 29 `escape_arg`), adbkit with "…" (`_escapeCompat`).
 */

export type WordPart =
  | { readonly kind: 'text'; readonly text: string; readonly quoted: boolean }
  | { readonly kind: 'param'; readonly name: string; readonly quoted: boolean; readonly defaultValue?: string }
  | { readonly kind: 'command'; readonly script: string; readonly quoted: boolean };

export interface WordToken {
  readonly type: 'word';
  readonly parts: readonly WordPart[];
}
export type Operator = ';' | '&&' | '||' | '|' | '&' | '\n' | '(' | ')';
export interface OperatorToken {
  readonly type: 'op';
  readonly op: Operator;
}
export type RedirectOp = '>' | '>>' | '<' | '>&' | '<&' | '>|' | '<>';
export interface RedirectToken {
  readonly type: 'redirect';
  readonly fd: number | undefined;
  readonly op: RedirectOp;
}
export type Token = WordToken | OperatorToken | RedirectToken;

/** A syntax error, worded like mksh's (`/system/bin/sh: <text>`). */
export class ShellSyntaxError extends Error {
  constructor(message: string, readonly incomplete: boolean) {
    super(message);
  }
}

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
const SPECIAL_PARAMS = new Set(['?', '$', '#', '!', '@', '*', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);

export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let parts: WordPart[] = [];
  /** Whether the current word has started (an empty "" still makes a word). */
  let inWord = false;
  let i = 0;

  const pushText = (text: string, quoted: boolean): void => {
    inWord = true;
    const last = parts[parts.length - 1];
    if (last?.kind === 'text' && last.quoted === quoted) parts[parts.length - 1] = { kind: 'text', text: last.text + text, quoted };
    else parts.push({ kind: 'text', text, quoted });
  };
  const endWord = (): void => {
    if (inWord) tokens.push({ type: 'word', parts });
    parts = [];
    inWord = false;
  };
  /** The current word is only unquoted digits: it is the fd number of a following redirection. */
  const pendingFd = (): number | undefined => {
    if (parts.length !== 1) return undefined;
    const only = parts[0];
    if (only?.kind !== 'text' || only.quoted || !/^\d$/.test(only.text)) return undefined;
    return Number(only.text);
  };

  /** Reads `$…` at input[i] ('$' already seen at i); returns the part and the new index. */
  const readDollar = (quoted: boolean): void => {
    const next = input[i + 1];
    if (next === '(') {
      const end = findClosingParen(input, i + 2);
      parts.push({ kind: 'command', script: input.slice(i + 2, end), quoted });
      inWord = true;
      i = end + 1;
      return;
    }
    if (next === '{') {
      const end = input.indexOf('}', i + 2);
      if (end < 0) throw new ShellSyntaxError('${…}: missing }', true);
      const body = input.slice(i + 2, end);
      const match = /^([A-Za-z_][A-Za-z0-9_]*|[?$#!@*0-9-])(?::?-(.*))?$/s.exec(body);
      if (match === null || match[1] === undefined) throw new ShellSyntaxError(`\${${body}}: bad substitution`, false);
      parts.push(match[2] === undefined ? { kind: 'param', name: match[1], quoted } : { kind: 'param', name: match[1], quoted, defaultValue: match[2] });
      inWord = true;
      i = end + 1;
      return;
    }
    if (next !== undefined && SPECIAL_PARAMS.has(next)) {
      parts.push({ kind: 'param', name: next, quoted });
      inWord = true;
      i += 2;
      return;
    }
    if (next !== undefined && NAME_START.test(next)) {
      let end = i + 1;
      while (end < input.length && NAME_CHAR.test(input[end] ?? '')) end++;
      parts.push({ kind: 'param', name: input.slice(i + 1, end), quoted });
      inWord = true;
      i = end;
      return;
    }
    pushText('$', quoted);
    i++;
  };

  while (i < input.length) {
    const c = input[i] ?? '';
    if (c === ' ' || c === '\t') {
      endWord();
      i++;
    } else if (c === '\\') {
      const next = input[i + 1];
      if (next === '\n') i += 2; // line continuation
      else if (next === undefined) { pushText('\\', false); i++; }
      else { pushText(next, true); i += 2; }
    } else if (c === "'") {
      const end = input.indexOf("'", i + 1);
      if (end < 0) throw new ShellSyntaxError("no closing quote", true);
      pushText(input.slice(i + 1, end), true);
      i = end + 1;
    } else if (c === '"') {
      inWord = true;
      i++;
      for (;;) {
        const d = input[i];
        if (d === undefined) throw new ShellSyntaxError('no closing quote', true);
        if (d === '"') { i++; break; }
        if (d === '\\' && (input[i + 1] === '$' || input[i + 1] === '`' || input[i + 1] === '"' || input[i + 1] === '\\' || input[i + 1] === '\n')) {
          if (input[i + 1] !== '\n') pushText(input[i + 1] ?? '', true);
          i += 2;
        } else if (d === '$') {
          readDollar(true);
        } else if (d === '`') {
          const end = findBackquote(input, i + 1);
          parts.push({ kind: 'command', script: input.slice(i + 1, end), quoted: true });
          i = end + 1;
        } else {
          pushText(d, true);
          i++;
        }
      }
      if (parts.length === 0) pushText('', true);
    } else if (c === '$') {
      readDollar(false);
    } else if (c === '`') {
      const end = findBackquote(input, i + 1);
      parts.push({ kind: 'command', script: input.slice(i + 1, end), quoted: false });
      inWord = true;
      i = end + 1;
    } else if (c === '#' && !inWord) {
      while (i < input.length && input[i] !== '\n') i++;
    } else if (c === '\n' || c === ';' || c === '(' || c === ')') {
      endWord();
      tokens.push({ type: 'op', op: c });
      i++;
    } else if (c === '&' || c === '|') {
      endWord();
      if (input[i + 1] === c) {
        tokens.push({ type: 'op', op: c === '&' ? '&&' : '||' });
        i += 2;
      } else {
        tokens.push({ type: 'op', op: c });
        i++;
      }
    } else if (c === '<' || c === '>') {
      const fd = pendingFd();
      if (fd !== undefined) { parts = []; inWord = false; } else endWord();
      const two = input.slice(i, i + 2);
      let op: RedirectOp;
      if (two === '>>' || two === '>&' || two === '<&' || two === '>|' || two === '<>') op = two;
      else if (two === '<<') throw new ShellSyntaxError('here documents are not supported', false);
      else op = c;
      i += op.length;
      tokens.push({ type: 'redirect', fd, op });
    } else {
      pushText(c, false);
      i++;
    }
  }
  endWord();
  return tokens;
}

/** Index of the `)` closing a `$(` whose body starts at `from`, honouring quotes and nesting. */
function findClosingParen(input: string, from: number): number {
  let depth = 1;
  let i = from;
  while (i < input.length) {
    const c = input[i];
    if (c === '\\') i += 2;
    else if (c === "'") {
      const end = input.indexOf("'", i + 1);
      if (end < 0) break;
      i = end + 1;
    } else if (c === '"') {
      i++;
      while (i < input.length && input[i] !== '"') i += input[i] === '\\' ? 2 : 1;
      i++;
    } else {
      if (c === '(') depth++;
      else if (c === ')' && --depth === 0) return i;
      i++;
    }
  }
  throw new ShellSyntaxError("no closing quote", true);
}

function findBackquote(input: string, from: number): number {
  let i = from;
  while (i < input.length) {
    if (input[i] === '\\') i += 2;
    else if (input[i] === '`') return i;
    else i++;
  }
  throw new ShellSyntaxError("no closing quote", true);
}

/** The literal text of a word whose parts are all text (no expansions), else undefined. */
export function literalWord(word: WordToken): string | undefined {
  let text = '';
  for (const part of word.parts) {
    if (part.kind !== 'text') return undefined;
    text += part.text;
  }
  return text;
}
