import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { foldEvents, type RunResult } from '../../results';
import { runEvents } from '../../results/__tests__/fixtures/event-factory';
import { updateLatest, writeReports } from '../write-reports';

describe('writeReports', () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ims-rig-reports-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes results.json, index.html, junit.xml and test_result.xml', async () => {
    const paths = await writeReports(foldEvents(runEvents()), path.join(dir, 'run-1'));
    expect(fs.readdirSync(paths.dir).sort()).toEqual(['index.html', 'junit.xml', 'results.json', 'test_result.xml']);
  });

  it('writes results.json with DESIGN.md\'s fields first, in DESIGN.md\'s order', async () => {
    const paths = await writeReports(foldEvents(runEvents()), dir);
    const json = JSON.parse(fs.readFileSync(paths.resultsJson, 'utf8')) as RunResult;
    expect(Object.keys(json).slice(0, 4)).toEqual(['schemaVersion', 'target', 'summary', 'scenarios']);
    expect(json.schemaVersion).toBe(1);
    expect(Object.keys(json.target).slice(0, 5)).toEqual(['serial', 'kind', 'fingerprint', 'sdk', 'buildType']);
    expect(Object.keys(json.summary).slice(0, 5)).toEqual(['pass', 'fail', 'skip', 'error', 'deviation']);
    const failing = json.scenarios.find((s) => s.id === 'priority.doc-table.carrier-b')!;
    expect(Object.keys(failing).slice(0, 7)).toEqual(['id', 'title', 'area', 'file', 'status', 'durationMs', 'checkpoints']);
    expect(Object.keys(failing.checkpoints[0]!).slice(0, 5)).toEqual(['step', 'expected', 'observed', 'diffs', 'status']);
    expect(failing.checkpoints[0]?.diffs[0]).toEqual({ slot: '0', feature: 'MMTEL', expected: 'com.carrier.b.ims', observed: 'com.oem.ims', rule: 'priority-carrier' });
    expect(failing.checkpoints[0]?.expected).toEqual({ 0: { EMERGENCY_MMTEL: 'com.carrier.b.ims', MMTEL: 'com.carrier.b.ims', RCS: 'com.carrier.b.ims' } });
  });
});

describe('updateLatest', () => {
  let reports: string;
  beforeEach(() => { reports = fs.mkdtempSync(path.join(os.tmpdir(), 'ims-rig-latest-')); });
  afterEach(() => fs.rmSync(reports, { recursive: true, force: true }));

  const makeRun = (name: string): string => {
    const dir = path.join(reports, name);
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'index.html'), name);
    return dir;
  };

  it('points latest at the newest run with a relative symlink', async () => {
    await updateLatest(reports, makeRun('2025-03-01T10-00-00'));
    const result = await updateLatest(reports, makeRun('2025-03-01T11-00-00'));
    expect(result.kind).toBe('symlink');
    expect(fs.readlinkSync(path.join(reports, 'latest'))).toBe('2025-03-01T11-00-00');
    expect(fs.readFileSync(path.join(reports, 'latest', 'index.html'), 'utf8')).toBe('2025-03-01T11-00-00');
  });

  it('copies the run where symlinks fail, and replaces an earlier copy', async () => {
    const noSymlinks = { symlink: () => Promise.reject(Object.assign(new Error('EPERM: operation not permitted'), { code: 'EPERM' })) };
    await updateLatest(reports, makeRun('a'), noSymlinks);
    const result = await updateLatest(reports, makeRun('b'), noSymlinks);
    expect(result.kind).toBe('copy');
    expect(fs.lstatSync(path.join(reports, 'latest')).isDirectory()).toBe(true);
    expect(fs.readFileSync(path.join(reports, 'latest', 'index.html'), 'utf8')).toBe('b');
    // And back to a symlink once the file system allows it.
    expect((await updateLatest(reports, makeRun('c'))).kind).toBe('symlink');
    expect(fs.readFileSync(path.join(reports, 'latest', 'index.html'), 'utf8')).toBe('c');
  });
});
