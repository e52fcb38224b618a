import { type Checkpoint } from '../../results';
import { type EvidenceView } from '../html/evidence-excerpt';
import { checkpointView, MARKERS } from '../html/checkpoint-view';

const row = (mmtel: string | null) => ({ EMERGENCY_MMTEL: 'com.oem.ims', MMTEL: mmtel, RCS: null });
const reason = { rule: 'device-default', reason: 'no SIM: the overlay names com.oem.ims', citation: 'sentence A' };
const base: Checkpoint = {
  step: 2,
  expected: { '0': row('com.oem.ims') },
  observed: { '0': row('com.oem.ims') },
  diffs: [],
  status: 'pass',
  reasons: { '0': { EMERGENCY_MMTEL: reason, MMTEL: reason, RCS: { ...reason, rule: 'no-features-unbound', citation: 'sentence B' } } },
  evidence: { dumpsys: Array.from({ length: 300 }, (_, i) => `line ${i}`).join('\n'), logcat: ['a', 'b', 'c', 'd', 'e'], commands: [{ command: 'dumpsys phone', exitCode: 0, durationMs: 12 }] },
};

describe('checkpointView', () => {
  it('shows a matching cell once, with its rule (its reason only where the checkpoint differs) and a numbered citation shared by equal sentences', () => {
    const view = checkpointView(base);
    const [emergency, mmtel, rcs] = view.matrix![0]!.cells;
    expect(mmtel).toMatchObject({ cls: 'match', marker: MARKERS.match, same: true, expected: 'com.oem.ims', rule: 'device-default', cite: 1 });
    expect(mmtel?.reason).toBeUndefined();
    expect(emergency?.cite).toBe(1);
    expect(rcs).toMatchObject({ expected: '-', observed: '-', cite: 2 });
    expect(view.citations).toEqual([{ n: 1, text: 'sentence A' }, { n: 2, text: 'sentence B' }]);
    const differing = checkpointView({ ...base, status: 'fail', diffs: [{ slot: '0', feature: 'RCS', expected: null, observed: null, rule: 'x' }] });
    expect(differing.matrix![0]!.cells[1]).toMatchObject({ rule: 'device-default', reason: 'no SIM: the overlay names com.oem.ims' });
  });

  it('names a matching checkpoint\'s sentences by id (linking to the coverage section) and quotes them where it differs', () => {
    const cited = { ...reason, cites: ['device-default', 'two-per-slot'] };
    const withIds: Checkpoint = { ...base, reasons: { '0': { EMERGENCY_MMTEL: cited, MMTEL: cited, RCS: cited } } };
    expect(checkpointView(withIds).citations).toEqual([{ n: 1, ids: ['device-default', 'two-per-slot'] }]);
    expect(checkpointView({ ...withIds, status: 'fail', diffs: [{ slot: '0', feature: 'RCS', expected: null, observed: 'x', rule: 'x' }] }).citations)
      .toEqual([{ n: 1, text: 'sentence A' }]);
  });

  it('marks a recorded diff, a waived diff, and a differing cell the engine forgot to record', () => {
    const view = checkpointView({
      ...base,
      status: 'fail',
      observed: { '0': { EMERGENCY_MMTEL: 'com.x', MMTEL: ['com.a', 'com.b'], RCS: 'com.stray' } },
      diffs: [
        { slot: '0', feature: 'MMTEL', expected: 'com.oem.ims', observed: ['com.a', 'com.b'], rule: 'two-per-slot' },
        { slot: '0', feature: 'EMERGENCY_MMTEL', expected: 'com.oem.ims', observed: 'com.x', rule: 'r', waiver: { id: 'w1', justification: 'because' } },
        { slot: '1', feature: 'RCS', expected: null, observed: 'com.y', rule: 'r2' },
      ],
    });
    const [emergency, mmtel, rcs] = view.matrix![0]!.cells;
    expect(mmtel).toMatchObject({ cls: 'diff', marker: MARKERS.diff, same: false, observed: '[com.a, com.b]' });
    expect(emergency).toMatchObject({ cls: 'waived', marker: MARKERS.waived, waiverId: 'w1', justification: 'because' });
    expect(rcs).toMatchObject({ cls: 'diff', expected: '-', observed: 'com.stray' });
    // A diff for a cell the tables do not hold stays visible.
    expect(view.otherDiffs).toEqual(['slot 1 RCS: expected -, observed com.y (rule r2)']);
  });

  it('carries a long evidence excerpt where the checkpoint differs, none where every cell matches (results.json has it)', () => {
    const observedEvidence = (v: ReturnType<typeof checkpointView>): EvidenceView | undefined =>
      v.evidence.find((e) => e.partial === 'observed-evidence')?.view;
    expect(observedEvidence(checkpointView(base))).toBeUndefined();
    const failing = observedEvidence(checkpointView({ ...base, status: 'fail', diffs: [{ slot: '0', feature: 'RCS', expected: null, observed: null, rule: 'x' }] }));
    expect(failing?.dumpsys?.split('\n')).toHaveLength(201);
    expect(failing?.dumpsys).toMatch(/… \(300 lines, \d+ characters in all: see results\.json\)$/);
    expect(failing?.logcat).toBe('a\nb\nc\nd\ne');
    expect(failing?.commands).toEqual([{ command: 'dumpsys phone', exitCode: '0', duration: '12 ms' }]);
  });

  it('shows a matching checkpoint as one line per slot (package → features) instead of the cell table', () => {
    const view = checkpointView(base);
    expect(view.matched).toEqual([expect.stringMatching(/^slot 0: /)]);
    expect(view.picture?.shapes.every((s) => s.c === 'v-pass')).toBe(true);
  });

  it('builds the grants table: permission × expected/observed', () => {
    const view = checkpointView({
      ...base, expected: {}, observed: {}, status: 'fail',
      grants: {
        package: 'com.app',
        expected: { P1: true, P2: false },
        observed: { P1: true, P2: true },
        reasons: { P2: { rule: 'single-reg-denied', reason: 'not privileged', citation: 'sentence C' } },
        diffs: [{ permission: 'P2', expected: false, observed: true, rule: 'single-reg-denied' }],
      },
    });
    expect(view.matrix).toBeUndefined();
    expect(view.grants?.rows).toEqual([
      expect.objectContaining({ permission: 'P1', cls: 'match', expected: 'granted', same: true }),
      expect.objectContaining({ permission: 'P2', cls: 'diff', expected: 'denied', observed: 'granted', rule: 'single-reg-denied', cite: 1 }),
    ]);
  });
});
