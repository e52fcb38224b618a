/**
 * `ims-rig run` (DESIGN.md "CLI"): options → harness/runner's runSuites; returns the exit code
 * (harness/runner/exit-code.ts: 0 pass, 1 failures, 2 bad input, 3 infrastructure, 130 interrupted).
 */
import { UsageError } from '../../errors';
import { runSuites } from '../../runner/run-suites';

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function wholeNumber(name: string, value: unknown): number {
  const n = Number(value ?? 0);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${name} ${JSON.stringify(value)}: expected a whole number >= 0`);
  return n;
}

function positiveNumber(name: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${name} ${JSON.stringify(value)}: expected a number > 0`);
  return n;
}

export async function runCommand(opts: Record<string, unknown>): Promise<number> {
  const target = optionalString(opts.target);
  const namePattern = optionalString(opts.testNamePattern);
  const out = optionalString(opts.out);
  const shard = optionalString(opts.shard);
  const deviation = optionalString(opts.deviation);
  const profile = optionalString(opts.profile);
  const waiversFile = optionalString(opts.waivers);
  const timeScale = positiveNumber('--time-scale', opts.timeScale);
  const outcome = await runSuites({
    ...(target === undefined ? {} : { target }),
    suites: stringList(opts.suite),
    scenarioFiles: stringList(opts.scenario),
    ...(namePattern === undefined ? {} : { namePattern }),
    ...(out === undefined ? {} : { out }),
    ...(shard === undefined ? {} : { shard }),
    retries: wholeNumber('--retries', opts.retries),
    ...(deviation === undefined ? {} : { deviation }),
    ...(profile === undefined ? {} : { profile }),
    ...(timeScale === undefined ? {} : { timeScale }),
    ...(waiversFile === undefined ? {} : { waiversFile }),
    progress: opts.progress !== false,
    commandLine: ['ims-rig', ...process.argv.slice(2)].join(' '),
  });
  return outcome.exitCode;
}
