/** A refused stimulus: `ims-rig-device: <message>` on stderr, exit 1 (bad use) or 2 (unknown package/slot). */
export class StimulusError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
  }
}

export function usage(message: string): StimulusError {
  return new StimulusError(message, 1);
}

export function unknown(message: string): StimulusError {
  return new StimulusError(message, 2);
}

/** Reads `--name value` options after the positional arguments; rejects anything else. */
export function parseOptions(args: readonly string[], allowed: readonly string[]): { positional: string[]; options: Map<string, string> } {
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg.startsWith('--')) {
      if (!allowed.includes(arg)) throw usage(`unknown option ${arg}`);
      const value = args[i + 1];
      if (value === undefined) throw usage(`${arg} needs a value`);
      if (options.has(arg)) throw usage(`${arg} given twice`);
      options.set(arg, value);
      i++;
    } else {
      positional.push(arg);
    }
  }
  return { positional, options };
}

/** A non-negative decimal integer, or a usage error. */
export function parseCount(text: string, what: string, max: number): number {
  if (!/^\d{1,10}$/.test(text) || Number(text) > max) throw usage(`${what} must be an integer from 0 to ${max}, not ${JSON.stringify(text)}`);
  return Number(text);
}
