// `ims-rig report` as CI runs it: the built CLI as a child process, merging two shards' events.jsonl.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseStringPromise } from 'xml2js';
import { type RunResult } from '../../../results';
import { comparable, runEvents, toJsonl } from '../../../results/__tests__/fixtures/event-factory';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const BIN = path.join(ROOT, 'bin', 'ims-rig.js');
// Each test starts the CLI a few times; a loaded CI machine needs more than Jest's default 5 s.
jest.setTimeout(60_000);

beforeAll(() => {
  // Other parts of the tree may be mid-edit: tsc still emits what compiles; what we need must exist.
  try {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe' });
  } catch {
    // type errors elsewhere do not stop the emit
  }
  expect(fs.existsSync(path.join(ROOT, 'dist', 'harness', 'cli', 'commands', 'report.js'))).toBe(true);
}, 240_000);

describe('ims-rig report', () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ims-rig-report-e2e-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, text: string): string => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };
  const report = (...args: string[]) => spawnSync(process.execPath, [BIN, 'report', ...args], { cwd: dir, encoding: 'utf8' });
  const read = (out: string, file: string): string => fs.readFileSync(path.join(dir, out, file), 'utf8');
  /** Timing attributes and run ids legitimately differ between a sharded and an unsharded run. */
  const untimed = (xml: string): string => xml.replace(/ (time|timestamp|runtime|start|end|start_display|end_display|command_line_args|run_id)="[^"]*"/g, '').replace(/<property name="run\.id" value="[^"]*"\/>/g, '');

  test('two shard event files merge to the unsharded run\'s report', async () => {
    write('whole.jsonl', toJsonl(runEvents({ runId: 'whole' })));
    write('shard-1.jsonl', toJsonl(runEvents({ runId: 'ci-77', shard: { index: 1, count: 2 } })));
    write('shard-2.jsonl', toJsonl(runEvents({ runId: 'ci-77', shard: { index: 2, count: 2 }, startedAt: '2025-03-01T10:00:04.000Z' })));

    const whole = report('--from', 'whole.jsonl', '--out', 'whole');
    const merged = report('--from', 'shard-1.jsonl', 'shard-2.jsonl', '--out', 'merged');
    expect([whole.status, whole.stderr]).toEqual([0, '']);
    expect([merged.status, merged.stderr]).toEqual([0, '']);

    const results = (out: string): RunResult => JSON.parse(read(out, 'results.json')) as RunResult;
    expect(comparable(results('merged'))).toEqual(comparable(results('whole')));
    expect(untimed(read('merged', 'junit.xml'))).toBe(untimed(read('whole', 'junit.xml')));
    expect(untimed(read('merged', 'test_result.xml'))).toBe(untimed(read('whole', 'test_result.xml')));
    const cts = (await parseStringPromise(read('merged', 'test_result.xml'))) as { Result: { Summary: { $: Record<string, string> }[] } };
    expect(cts.Result.Summary[0]?.$).toMatchObject({ pass: '5', failed: '4' });

    expect(merged.stdout).toContain('10 scenarios: 4 passed, 3 failed, 1 waived, 1 skipped, 1 error');
    expect(merged.stdout).toMatch(/FAIL +priority\.doc-table\.carrier-b: slot 0 MMTEL: expected com\.carrier\.b\.ims, observed com\.oem\.ims/);
    expect(merged.stdout.trimEnd().split('\n').at(-1)).toBe(`Report: ${path.join('merged', 'index.html')}`);
  });

  test('an unreadable input is bad input (exit 2) naming the file', () => {
    const r = report('--from', 'nope.jsonl', '--out', 'x');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('nope.jsonl: cannot read: no such file');
  });
});
