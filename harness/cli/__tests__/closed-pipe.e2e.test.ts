/**
 * `ims-rig run … | head -1` (issue 11, item 1): the reader of stdout goes away after the first
 * line. The run must go on to the end, write every report and exit with its own code — a failing
 * run must not look like a pass to CI that pipes the output. The pipe here is a real one: the
 * test reads the child's stdout up to the first newline and then closes its end, as head does.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import { type Readable } from 'node:stream';
import { buildDist, CLI_BIN, noAdbEnv, PROJECT_DIR, readResults, tempDir } from '../../testing/cli-process';

const DOC_TABLE = ['carrier-a', 'carrier-b', 'no-sim'].map((n) => path.join(PROJECT_DIR, 'suites', 'priority', `doc-table-${n}.yaml`));

interface HeadResult {
  readonly code: number | null;
  readonly firstLine: string;
}

/** Runs the CLI with stdout (and, with `both`, stderr too) into a pipe whose reader closes after one line. */
function runIntoHead(args: readonly string[], both: boolean): Promise<HeadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_BIN, ...args], { cwd: PROJECT_DIR, env: noAdbEnv(), stdio: ['ignore', 'pipe', both ? 'pipe' : 'ignore'] });
    let text = '';
    let firstLine: string | undefined;
    const closeAfterFirstLine = (stream: Readable) => (chunk: Buffer): void => {
      text += chunk.toString('utf8');
      const nl = text.indexOf('\n');
      if (nl >= 0 && firstLine === undefined) firstLine = text.slice(0, nl);
      if (nl >= 0) stream.destroy();
    };
    for (const stream of [child.stdout, child.stderr]) stream?.on('data', closeAfterFirstLine(stream));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, firstLine: firstLine ?? '' }));
  });
}

beforeAll(() => buildDist(), 240_000);

test('a passing run keeps exit 0 and writes every report although stdout closed after one line', async () => {
  const out = path.join(tempDir(), 'run');
  const r = await runIntoHead(['run', ...DOC_TABLE.flatMap((f) => ['--scenario', f]), '--out', out], false);
  expect(r.firstLine).toMatch(/^\[1\/3\] ✓ priority\.doc-table\.carrier-a/);
  expect(r.code).toBe(0);
  const results = readResults(out);
  expect(results.run.complete).toBe(true);
  expect(results.summary).toMatchObject({ pass: 3, fail: 0, error: 0 });
  for (const f of ['index.html', 'junit.xml', 'test_result.xml', 'events.jsonl']) expect(fs.existsSync(path.join(out, f))).toBe(true);
}, 120_000);

test('a failing run still exits 1 with its reports when stdout and stderr both close early', async () => {
  const out = path.join(tempDir(), 'run');
  const r = await runIntoHead(['run', ...DOC_TABLE.flatMap((f) => ['--scenario', f]), '--deviation', 'no-per-feature-fallback', '--out', out], true);
  expect(r.code).toBe(1);
  const results = readResults(out);
  expect(results.run.complete).toBe(true);
  expect(results.scenarios.map((s) => s.status)).toEqual(['fail', 'pass', 'pass']);
  expect(fs.existsSync(path.join(out, 'index.html'))).toBe(true);
}, 120_000);

test('lint into a closed pipe keeps its exit code (2 for an unreadable input)', async () => {
  const dir = tempDir();
  const missing = path.join(dir, 'missing.xml');
  const r = await runIntoHead(['lint', path.join(PROJECT_DIR, 'fixtures', 'manifests', 'com.oem.ims.xml'), missing], true);
  expect(r.code).toBe(2);
});
