/**
 * com.android.modules.utils.BasicShellCommandHandler's argument reading, which `cmd phone` relies
 * on: getNextOption() takes `-x` (and `-xVALUE`, leaving VALUE for the next getNextArg), stops at
 * the first non-option and at `--`; getNextArgRequired() throws IllegalArgumentException.
 */
export class IllegalArgumentException extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'java.lang.IllegalArgumentException';
  }
}

export class ShellArgs {
  private pos = 0;
  private curArgData: string | null = null;

  constructor(private readonly args: readonly string[]) {}

  getNextOption(): string | null {
    if (this.curArgData !== null) {
      throw new IllegalArgumentException(`No argument expected after "${this.args[this.pos - 1] ?? ''}"`);
    }
    if (this.pos >= this.args.length) return null;
    const arg = this.args[this.pos] ?? '';
    if (!arg.startsWith('-')) return null;
    this.pos++;
    if (arg === '--') return null;
    if (arg.length > 1 && arg[1] !== '-') {
      if (arg.length > 2) {
        this.curArgData = arg.slice(2);
        return arg.slice(0, 2);
      }
      this.curArgData = null;
      return arg;
    }
    this.curArgData = null;
    return arg;
  }

  getNextArg(): string | null {
    if (this.curArgData !== null) {
      const data = this.curArgData;
      this.curArgData = null;
      return data;
    }
    if (this.pos < this.args.length) return this.args[this.pos++] ?? null;
    return null;
  }

  peekNextArg(): string | null {
    if (this.curArgData !== null) return this.curArgData;
    return this.args[this.pos] ?? null;
  }

  getNextArgRequired(): string {
    const arg = this.getNextArg();
    if (arg === null) {
      throw new IllegalArgumentException(`Argument expected after "${this.args[this.pos - 1] ?? ''}"`);
    }
    return arg;
  }
}
