/**
 * Word expansion (POSIX 2.6): parameters, command substitution, field splitting of unquoted
 * expansions on IFS whitespace, pathname expansion of unquoted glob characters, leading `~`.
 */
import { type WordToken } from './sh-lexer';

export interface ExpansionContext {
  param(name: string): string | undefined;
  commandSubstitution(script: string): Promise<string>;
  /** Matches of a pattern whose quoted characters are backslash-escaped; [] when none. */
  glob(pattern: string): string[];
  home(): string;
}

interface Field {
  text: string;
  pattern: string;
  hasGlob: boolean;
  started: boolean;
}

const GLOB_CHARS = /[*?[]/;

function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}

export async function expandWord(word: WordToken, ctx: ExpansionContext): Promise<string[]> {
  const fields: Field[] = [];
  let current: Field = { text: '', pattern: '', hasGlob: false, started: false };
  const appendQuoted = (text: string): void => {
    current.text += text;
    current.pattern += escapeGlob(text);
    current.started = true;
  };
  const endField = (): void => {
    if (current.started) fields.push(current);
    current = { text: '', pattern: '', hasGlob: false, started: false };
  };
  const appendSplit = (value: string): void => {
    const pieces = value.split(/[ \t\n]+/);
    pieces.forEach((piece, index) => {
      if (index > 0) endField();
      if (piece.length > 0) {
        current.text += piece;
        current.pattern += escapeGlob(piece);
        current.started = true;
      }
    });
  };

  for (const [index, part] of word.parts.entries()) {
    if (part.kind === 'text') {
      if (part.quoted) {
        appendQuoted(part.text);
        continue;
      }
      let text = part.text;
      if (index === 0 && (text === '~' || text.startsWith('~/'))) text = ctx.home() + text.slice(1);
      current.text += text;
      current.pattern += text;
      current.started = true;
      if (GLOB_CHARS.test(text)) current.hasGlob = true;
      continue;
    }
    let value: string;
    if (part.kind === 'param') {
      const raw = ctx.param(part.name);
      value = (raw === undefined || raw === '') && part.defaultValue !== undefined ? part.defaultValue : (raw ?? '');
    } else {
      value = await ctx.commandSubstitution(part.script);
    }
    if (part.quoted) appendQuoted(value);
    else appendSplit(value);
  }
  endField();

  const result: string[] = [];
  for (const field of fields) {
    if (field.hasGlob) {
      const matches = ctx.glob(field.pattern);
      if (matches.length > 0) {
        result.push(...matches);
        continue;
      }
    }
    result.push(field.text);
  }
  return result;
}

export async function expandWords(words: readonly WordToken[], expand: (word: WordToken) => Promise<string[]>): Promise<string[]> {
  const argv: string[] = [];
  for (const word of words) argv.push(...(await expand(word)));
  return argv;
}
