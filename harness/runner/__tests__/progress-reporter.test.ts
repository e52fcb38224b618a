import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EventWriter } from '../../results';
import { progressLine, ProgressTracker } from '../progress-reporter';

describe('progress lines', () => {
  it('one line per scenario: position, mark, id, time, and what a person must read first', () => {
    expect(progressLine(3, 43, 'priority.doc-table.carrier-a', 'pass', 412, undefined)).toBe('[ 3/43] ✓ priority.doc-table.carrier-a 0.4s');
    expect(progressLine(12, 43, 'x', 'fail', 1200, 'slot 0 MMTEL: expected a.b, observed -')).toBe('[12/43] ✗ x 1.2s  slot 0 MMTEL: expected a.b, observed -');
  });

  it('device text cannot drive the terminal', () => {
    expect(progressLine(1, 1, 'a\x1b[2Jb', 'error', 0, 'x\ny')).toBe('[1/1] ! a [2Jb 0.0s  x y');
  });

  it('reads scenario ends from events.jsonl as they are appended; a failure shows its first unwaived cell', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ims-rig-progress-'));
    const file = path.join(dir, 'events.jsonl');
    const writer = new EventWriter(file);
    const tracker = new ProgressTracker({ eventsFile: file, total: 2, live: false, color: false });
    writer.write({ type: 'scenario-begin', id: 'a', title: 'A', area: 'priority', file: 'a.yaml', requires: [], target: 's', attempt: 1 });
    expect(tracker.poll()).toEqual([]);
    writer.write({ type: 'checkpoint', scenario: 'a', checkpoint: { step: 0, expected: {}, observed: {}, status: 'fail', diffs: [
      { slot: '0', feature: 'EMERGENCY_MMTEL', expected: null, observed: 'x.y', rule: 'r', waiver: { id: 'w', justification: 'j' } },
      { slot: '0', feature: 'RCS', expected: 'a.b', observed: null, rule: 'r' },
    ] } });
    writer.write({ type: 'scenario-end', scenario: 'a', status: 'fail', durationMs: 1500, attempt: 1 });
    writer.write({ type: 'scenario-begin', id: 'b', title: 'B', area: 'priority', file: 'b.yaml', requires: [], target: 's', attempt: 1 });
    writer.write({ type: 'scenario-end', scenario: 'b', status: 'skip', reason: 'target lacks sim-control: …', durationMs: 0, attempt: 1 });
    writer.close();
    expect(tracker.poll()).toEqual(['[1/2] ✗ a 1.5s  slot 0 RCS: expected a.b, observed -', '[2/2] - b 0.0s  target lacks sim-control: …']);
    expect(tracker.poll()).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
