/**
 * com.android.internal.util.IndentingPrintWriter: writes the current indent at the start of every
 * line (including empty ones) and lets a dump nest another writer inside its own indentation,
 * which is how `dumpsys phone` ends up printing the word "ImsResolver:" twice.
 */
export type TextSink = (text: string) => void;

export class IndentingWriter {
  private indentLevel = 0;
  private atLineStart = true;

  constructor(
    private readonly sink: TextSink,
    private readonly singleIndent = '  ',
  ) {}

  increaseIndent(): this {
    this.indentLevel++;
    return this;
  }

  decreaseIndent(): this {
    this.indentLevel = Math.max(0, this.indentLevel - 1);
    return this;
  }

  /** Writes text; the indent goes in front of each line's first character. */
  print(text: string | number | boolean): this {
    const value = String(text);
    let start = 0;
    for (let i = 0; i < value.length; i++) {
      if (value[i] === '\n') {
        this.emit(value.slice(start, i + 1));
        this.atLineStart = true;
        start = i + 1;
      }
    }
    if (start < value.length) this.emit(value.slice(start));
    return this;
  }

  println(text: string | number | boolean = ''): this {
    return this.print(`${String(text)}\n`);
  }

  /** A sink for a nested writer (`new IndentingPrintWriter(pw, "  ")` inside a dump). */
  asSink(): TextSink {
    return (text) => this.print(text);
  }

  private emit(chunk: string): void {
    if (this.atLineStart) {
      this.atLineStart = false;
      if (this.indentLevel > 0) this.sink(this.singleIndent.repeat(this.indentLevel));
    }
    this.sink(chunk);
  }
}

/** Collects a writer's output into a string. */
export function collectText(write: (pw: IndentingWriter) => void, singleIndent = '  '): string {
  const parts: string[] = [];
  write(new IndentingWriter((t) => parts.push(t), singleIndent));
  return parts.join('');
}
