import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../main';
import { comparable, runEvents, toJsonl } from '../../../results/__tests__/fixtures/event-factory';
import { type RunResult } from '../../../results';

/** `ims-rig report` through the real command-line parser, in process (the e2e test runs the binary). */
describe('ims-rig report', () => {
  let dir: string;
  let stdout: jest.SpyInstance;
  let stderr: jest.SpyInstance;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ims-rig-report-'));
    stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => {
    stdout.mockRestore();
    stderr.mockRestore();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const write = (name: string, text: string): string => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };
  const results = (out: string): RunResult => JSON.parse(fs.readFileSync(path.join(out, 'results.json'), 'utf8')) as RunResult;

  it('merges two shard event files into the unsharded run\'s report', async () => {
    const whole = write('whole.jsonl', toJsonl(runEvents({ runId: 'whole' })));
    const a = write('a.jsonl', toJsonl(runEvents({ runId: 'ci-9', shard: { index: 1, count: 2 } })));
    const b = write('b.jsonl', toJsonl(runEvents({ runId: 'ci-9', shard: { index: 2, count: 2 }, startedAt: '2025-03-01T10:00:03.000Z' })));
    expect(await main(['node', 'ims-rig', 'report', '--from', whole, '--out', path.join(dir, 'whole')])).toBe(0);
    expect(await main(['node', 'ims-rig', 'report', '--from', a, b, '--out', path.join(dir, 'merged')])).toBe(0);
    expect(comparable(results(path.join(dir, 'merged')))).toEqual(comparable(results(path.join(dir, 'whole'))));
    const printed = stdout.mock.calls.map((c) => String(c[0])).join('');
    expect(printed).toContain('10 scenarios: 4 passed, 3 failed');
    expect(printed).toContain(`Report: ${path.relative(process.cwd(), path.join(dir, 'merged', 'index.html'))}`);
  });

  it('exits 2 naming the file it cannot read', async () => {
    const missing = path.join(dir, 'missing.jsonl');
    expect(await main(['node', 'ims-rig', 'report', '--from', missing, '--out', path.join(dir, 'out')])).toBe(2);
    expect(stderr.mock.calls.map((c) => String(c[0])).join('')).toContain(`${missing}: cannot read: no such file`);
  });

  it('exits 2 naming the file and line of a malformed event', async () => {
    const bad = write('bad.jsonl', `${toJsonl(runEvents()).split('\n').slice(0, 2).join('\n')}\nnot json\n{"v":1}\n`);
    expect(await main(['node', 'ims-rig', 'report', '--from', bad, '--out', path.join(dir, 'out')])).toBe(2);
    expect(stderr.mock.calls.map((c) => String(c[0])).join('')).toContain(`${bad}:3: not a JSON line`);
  });
});
