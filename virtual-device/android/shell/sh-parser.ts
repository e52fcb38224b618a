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
export type Command = SimpleCommand | Subshell;
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
  const script = parser.list(false);
  if (!parser.atEnd()) throw new ShellSyntaxError(`syntax error: '${parser.describeNext()}' unexpected`, false);
  return script;
}

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

  /** list := and_or ((';' | '&' | '\n') and_or)* ; stops at ')' when inside a subshell. */
  list(inSubshell: boolean): AndOr[] {
    const items: AndOr[] = [];
    this.skipNewlines();
    while (!this.atEnd()) {
      if (inSubshell && this.isOp(')')) break;
      items.push(this.andOr());
      const t = this.peek();
      if (t === undefined) break;
      if (t.type === 'op' && (t.op === ';' || t.op === '&' || t.op === '\n')) {
        this.index++;
        this.skipNewlines();
        continue;
      }
      if (inSubshell && t.type === 'op' && t.op === ')') break;
      throw new ShellSyntaxError(`syntax error: '${this.describeNext()}' unexpected`, false);
    }
    return items;
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
    if (this.isOp('(')) {
      this.index++;
      const body = this.list(true);
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
