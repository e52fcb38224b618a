/**
 * Runs the conformance suite through Jest's own `runCLI` (jest is a runtime dependency): the test
 * file is the compiled dist/suites/conformance.suite.js, in band (one device, one worker), with
 * Jest's console output replaced by ims-rig's progress reporter. Nothing is transformed at run
 * time. Jest's verdicts are not used: the events the suite writes are.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCLI } from 'jest';
import { UsageError } from '../errors';
import { PROJECT_ROOT } from '../paths';
import { type ProgressOptions } from './progress-reporter';
import { RUN_CONFIG_ENV } from './run-config';

/** Where the compiled suite lives. */
export const SUITE_DIR = path.join(PROJECT_ROOT, 'dist', 'suites');
export const SUITE_FILE = path.join(SUITE_DIR, 'conformance.suite.js');

export interface JestRunOptions {
  readonly configFile: string;
  readonly progress: ProgressOptions;
  /** Jest's per-test timeout (one scenario with its retries). */
  readonly testTimeoutMs: number;
  /** The target is an in-process reference device: the suite gets its lookup from ./in-process-environment. */
  readonly inProcess?: boolean;
}

export interface JestRunResult {
  readonly numTotalTests: number;
  readonly numFailedTests: number;
  readonly success: boolean;
  /** Why the suite itself failed (its file could not load, beforeAll threw), first lines only. */
  readonly suiteErrors: readonly string[];
}

export async function runSuiteWithJest(options: JestRunOptions): Promise<JestRunResult> {
  if (!fs.existsSync(SUITE_FILE)) throw new UsageError(`${path.relative(process.cwd(), SUITE_FILE)} is missing: run \`npm run build\` first`);
  // The reporter is loaded by Jest by path: this module's sibling, compiled or not.
  const reporter = require.resolve('./progress-reporter');
  const jestConfig = {
    rootDir: SUITE_DIR,
    roots: [SUITE_DIR],
    testMatch: ['**/conformance.suite.js'],
    testEnvironment: options.inProcess === true ? require.resolve('./in-process-environment') : 'node',
    transform: {},
    moduleFileExtensions: ['js', 'json'],
    cacheDirectory: path.join(os.tmpdir(), 'ims-rig-jest-cache'),
  };
  const previous = process.env[RUN_CONFIG_ENV];
  process.env[RUN_CONFIG_ENV] = options.configFile;
  try {
    const { results } = await runCLI({
      _: [],
      $0: 'ims-rig run',
      config: JSON.stringify(jestConfig),
      // Global options (not project ones): the reporter replaces Jest's own output entirely.
      reporters: [[reporter, options.progress]] as unknown as string[],
      testTimeout: options.testTimeoutMs,
      runInBand: true,
      watchman: false,
      cache: false,
      ci: true,
      passWithNoTests: true,
    }, [SUITE_DIR]);
    const suiteErrors = results.testResults.flatMap((r) => [
      ...(r.testExecError ? [r.testExecError.message] : []),
      ...r.testResults.filter((t) => t.status === 'failed' && /could not reach the target/.test(t.failureMessages.join('\n'))).slice(0, 1).flatMap((t) => t.failureMessages),
    ]).map((m) => (m.split('\n')[0] ?? '').replace(/^Error: /, '').trim());
    return { numTotalTests: results.numTotalTests, numFailedTests: results.numFailedTests, success: results.success, suiteErrors };
  } finally {
    if (previous === undefined) delete process.env[RUN_CONFIG_ENV];
    else process.env[RUN_CONFIG_ENV] = previous;
  }
}
