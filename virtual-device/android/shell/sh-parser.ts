/**
 * Parser for the shell grammar subset the device supports: lists (`;`, `&`, newlines), and-or
 * lists (`&&`, `||`), pipelines (`|`, leading `!`), simple commands with assignments and
 * redirections, and `( … )` subshells.
 */
import { literalWord, type RedirectOp, ShellSyntaxError, tokenize, type Token, type WordToken } from './sh-lexer';

export interface Redirect {
  readonly fd: number;
  readonly op: RedirectOp;
  readonly target: WordToken;
}
export interface Assignment {
  readonly name: string;
  readonly value: WordToken;
}
export interface SimpleCommand {
  readonly kind: 'simple';
  readonly assignments: readonly Assignment[];
  readonly words: readonly WordToken[];
  readonly redirects: readonly Redirect[];
}
export interface Subshell {
  readonly kind: 'subshell';
  readonly body: Script;
  readonly redirects: readonly Redirect[];
}
export interface IfClause {
  readonly kind: 'if';
  /** condition/body pairs: if, then each elif. */
  readonly branches: readonly { readonly condition: Script; readonly body: Script }[];
  readonly otherwise: Script | undefined;
  readonly redirects: readonly Redirect[];
}
export interface ForClause {
  readonly kind: 'for';
  readonly name: string;
  /** undefined: `for x; do` iterates the positional parameters (none here). */
  readonly items: readonly WordToken[];
  readonly body: Script;
  readonly redirects: readonly Redirect[];
}
export interface LoopClause {
  readonly kind: 'while' | 'until';
  readonly condition: Script;
  readonly body: Script;
  readonly redirects: readonly Redirect[];
}
export interface BraceGroup {
  readonly kind: 'group';
  readonly body: Script;
  readonly redirects: readonly Redirect[];
}
export type Command = SimpleCommand | Subshell | IfClause | ForClause | LoopClause | BraceGroup;

/** Words that open or close compound commands when they come where a command starts. */
const RESERVED = new Set(['if', 'then', 'elif', 'else', 'fi', 'for', 'do', 'done', 'while', 'until', '{', '}', 'in']);
export interface Pipeline {
  readonly negate: boolean;
  readonly commands: readonly Command[];
}
export interface AndOr {
  readonly first: Pipeline;
  readonly rest: readonly { readonly op: '&&' | '||'; readonly pipeline: Pipeline }[];
}
export type Script = readonly AndOr[];

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=/;

export function parseScript(input: string): Script {
  const parser = new Parser(tokenize(input));
  const script = parser.list(NO_TERMINATORS);
  if (!parser.atEnd()) throw new ShellSyntaxError(`syntax error: '${parser.describeNext()}' unexpected`, false);
  return script;
}

const NO_TERMINATORS: ReadonlySet<string> = new Set();

class Parser {
  private index = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  atEnd(): boolean {
    return this.index >= this.tokens.length;
  }

  describeNext(): string {
    const t = this.tokens[this.index];
    if (t === undefined) return 'newline';
    if (t.type === 'op') return t.op === '\n' ? 'newline' : t.op;
    if (t.type === 'redirect') return t.op;
    return literalWord(t) ?? 'word';
  }

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }

  private isOp(op: string): boolean {
    const t = this.peek();
    return t?.type === 'op' && t.op === op;
  }

  private skipNewlines(): void {
    while (this.isOp('\n')) this.index++;
  }

  /** The reserved word at the current position (unquoted literal word), if any. */
  private reserved(): string | undefined {
    const t = this.peek();
    if (t?.type !== 'word' || !t.parts.every((p) => p.kind === 'text' && !p.quoted)) return undefined;
    const text = literalWord(t);
    return text !== undefined && RESERVED.has(text) ? text : undefined;
  }

  private expectReserved(word: string): void {
    if (this.reserved() !== word) throw new ShellSyntaxError(this.atEnd() ? `syntax error: unexpected end of file (expecting "${word}")` : `syntax error: '${this.describeNext()}' unexpected (expecting "${word}")`, this.atEnd());
    this.index++;
  }

  /**
   * list := and_or ((';' | '&' | '\n') and_or)* — stops at ')' (subshell) or at one of
   * `terminators` (fi, done, then, …) where a command would start.
   */
  list(terminators: ReadonlySet<string>, inSubshell = false): AndOr[] {
    const items: AndOr[] = [];
    this.skipNewlines();
    while (!this.atEnd()) {
      if (inSubshell && this.isOp(')')) break;
      const word = this.reserved();
      if (word !== undefined && terminators.has(word)) break;
      items.push(this.andOr());
      const t = this.peek();
      if (t === undefined) break;
      if (t.type === 'op' && (t.op === ';' || t.op === '&' || t.op === '\n')) {
        this.index++;
        this.skipNewlines();
        continue;
      }
      if (inSubshell && t.type === 'op' && t.op === ')') break;
      const next = this.reserved();
      if (next !== undefined && terminators.has(next)) break;
      throw new ShellSyntaxError(`syntax error: '${this.describeNext()}' unexpected`, false);
    }
    return items;
  }

  private compound(): Command | undefined {
    const word = this.reserved();
    if (word === 'if') {
      this.index++;
      const branches: { condition: Script; body: Script }[] = [];
      let otherwise: Script | undefined;
      for (;;) {
        const condition = this.list(new Set(['then']));
        this.expectReserved('then');
        const body = this.list(new Set(['elif', 'else', 'fi']));
        branches.push({ condition, body });
        const next = this.reserved();
        this.index++;
        if (next === 'elif') continue;
        if (next === 'else') {
          otherwise = this.list(new Set(['fi']));
          this.expectReserved('fi');
        } else if (next !== 'fi') {
          throw new ShellSyntaxError('syntax error: unexpected end of file (expecting "fi")', true);
        }
        break;
      }
      return { kind: 'if', branches, otherwise, redirects: this.redirects() };
    }
    if (word === 'while' || word === 'until') {
      this.index++;
      const condition = this.list(new Set(['do']));
      this.expectReserved('do');
      const body = this.list(new Set(['done']));
      this.expectReserved('done');
      return { kind: word, condition, body, redirects: this.redirects() };
    }
    if (word === 'for') {
      this.index++;
      const nameToken = this.tokens[this.index++];
      const name = nameToken?.type === 'word' ? literalWord(nameToken) : undefined;
      if (name === undefined || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new ShellSyntaxError('syntax error: bad for loop variable', nameToken === undefined);
      const items: WordToken[] = [];
      if (this.reserved() === 'in') {
        this.index++;
        for (let t = this.peek(); t?.type === 'word'; t = this.peek()) {
          items.push(t);
          this.index++;
        }
      }
      while (this.isOp(';') || this.isOp('\n')) this.index++;
      this.expectReserved('do');
      const body = this.list(new Set(['done']));
      this.expectReserved('done');
      return { kind: 'for', name, items, body, redirects: this.redirects() };
    }
    if (word === '{') {
      this.index++;
      const body = this.list(new Set(['}']));
      this.expectReserved('}');
      return { kind: 'group', body, redirects: this.redirects() };
    }
    return undefined;
  }

  private andOr(): AndOr {
    const first = this.pipeline();
    const rest: { op: '&&' | '||'; pipeline: Pipeline }[] = [];
    for (;;) {
      const t = this.peek();
      if (t?.type !== 'op' || (t.op !== '&&' && t.op !== '||')) break;
      this.index++;
      this.skipNewlines();
      if (this.atEnd()) throw new ShellSyntaxError(`syntax error: unexpected end after '${t.op}'`, true);
      rest.push({ op: t.op, pipeline: this.pipeline() });
    }
    return { first, rest };
  }

  private pipeline(): Pipeline {
    let negate = false;
    const head = this.peek();
    if (head?.type === 'word' && literalWord(head) === '!' && head.parts.every((p) => p.kind === 'text' && !p.quoted)) {
      negate = true;
      this.index++;
    }
    const commands: Command[] = [this.command()];
    while (this.isOp('|')) {
      this.index++;
      this.skipNewlines();
      if (this.atEnd()) throw new ShellSyntaxError("syntax error: unexpected end after '|'", true);
      commands.push(this.command());
    }
    return { negate, commands };
  }

  private command(): Command {
    const compound = this.compound();
    if (compound !== undefined) return compound;
    if (this.isOp('(')) {
      this.index++;
      const body = this.list(NO_TERMINATORS, true);
      if (!this.isOp(')')) throw new ShellSyntaxError("syntax error: missing ')'", true);
      this.index++;
      return { kind: 'subshell', body, redirects: this.redirects() };
    }
    const assignments: Assignment[] = [];
    const words: WordToken[] = [];
    const redirects: Redirect[] = [];
    for (;;) {
      const t = this.peek();
      if (t === undefined || t.type === 'op') break;
      if (t.type === 'redirect') {
        redirects.push(this.redirect());
        continue;
      }
      this.index++;
      const first = t.parts[0];
      const match = words.length === 0 && first?.kind === 'text' && !first.quoted ? ASSIGNMENT.exec(first.text) : null;
      if (match !== null && match[1] !== undefined && first?.kind === 'text') {
        const rest = first.text.slice(match[0].length);
        const valueParts = rest.length > 0 ? [{ ...first, text: rest }, ...t.parts.slice(1)] : t.parts.slice(1);
        assignments.push({ name: match[1], value: { type: 'word', parts: valueParts } });
      } else {
        words.push(t);
      }
    }
    if (words.length === 0 && assignments.length === 0 && redirects.length === 0) {
      throw new ShellSyntaxError(`syntax error: '${this.describeNext()}' unexpected`, this.atEnd());
    }
    return { kind: 'simple', assignments, words, redirects };
  }

  private redirects(): Redirect[] {
    const redirects: Redirect[] = [];
    while (this.peek()?.type === 'redirect') redirects.push(this.redirect());
    return redirects;
  }

  private redirect(): Redirect {
    const t = this.tokens[this.index++];
    if (t?.type !== 'redirect') throw new ShellSyntaxError('syntax error: redirection expected', false);
    const target = this.peek();
    if (target?.type !== 'word') throw new ShellSyntaxError(`syntax error: '${this.describeNext()}' unexpected`, this.atEnd());
    this.index++;
    const fd = t.fd ?? (t.op.startsWith('<') ? 0 : 1);
    return { fd, op: t.op, target };
  }
}
