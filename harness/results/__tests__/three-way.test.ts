/**
 * The three-way diff's labelling, independent of any device: the documented expectation, the
 * target's observation and the AOSP reference device's observation of the same step decide whose
 * difference a differing cell is. The situation of the acceptance run (the reference device's
 * emulator profile started with a deviation profile) is modelled directly: the waived cells are
 * AOSP's own differences, the deviation's cells the vendor's.
 */
import { type BindingTable } from '../../model';
import { type Checkpoint } from '../model';
import { summarize } from '../summarize';
import { countOrigins, originOf, withReference } from '../three-way';
import { foldEvents } from '../fold-events';
import { type RunEvent } from '../events';
import { parseEvents } from '../read-events';
import { runEvents, toJsonl } from './fixtures/event-factory';

const OEM = 'com.oem.ims';
const CARRIER = 'com.carrier.b.ims';
const table = (emergency: string | null, mmtel: string | null, rcs: string | null): BindingTable => ({ '0': { EMERGENCY_MMTEL: emergency, MMTEL: mmtel, RCS: rcs } });
const waiver = { id: 'aosp-emergency-follows-mmtel', justification: 'AOSP binds EMERGENCY_MMTEL with MMTEL' };

/**
 * The documentation expects EMERGENCY_MMTEL unbound (CSFB) and RCS from the carrier. AOSP binds
 * EMERGENCY_MMTEL with MMTEL (waived); the deviation profile also loses RCS to the OEM default.
 */
const checkpoint: Checkpoint = {
  step: 2,
  expected: table(null, CARRIER, CARRIER),
  observed: table(CARRIER, CARRIER, OEM),
  diffs: [
    { slot: '0', feature: 'EMERGENCY_MMTEL', expected: null, observed: CARRIER, rule: 'emergency-csfb', waiver },
    { slot: '0', feature: 'RCS', expected: CARRIER, observed: OEM, rule: 'carrier-override' },
  ],
  status: 'fail',
};
const aosp = table(CARRIER, CARRIER, CARRIER);

describe('originOf', () => {
  test('as AOSP when the target does what the reference did, vendor-specific otherwise', () => {
    expect(originOf(OEM, OEM)).toBe('as-aosp');
    expect(originOf(OEM, CARRIER)).toBe('vendor-specific');
    expect(originOf(null, null)).toBe('as-aosp');
    expect(originOf(['a', 'b'], ['b', 'a'])).toBe('as-aosp');
    expect(originOf(true, false)).toBe('vendor-specific');
  });
});

describe('withReference', () => {
  const labelled = withReference(checkpoint, { bindings: aosp });

  test('the waived cell is AOSP\'s own difference, the deviation\'s cell the vendor\'s', () => {
    expect(labelled.diffs).toEqual([
      expect.objectContaining({ feature: 'EMERGENCY_MMTEL', reference: CARRIER, origin: 'as-aosp', waiver }),
      expect.objectContaining({ feature: 'RCS', reference: CARRIER, origin: 'vendor-specific' }),
    ]);
    expect(labelled.reference).toEqual(aosp);
    // Labelling changes no verdict.
    expect(labelled.status).toBe('fail');
    expect(labelled.diffs.map((d) => d.waiver)).toEqual([waiver, undefined]);
  });

  test('no reference, no label: a checkpoint the reference run did not reach stays as it was', () => {
    expect(withReference(checkpoint, undefined)).toBe(checkpoint);
    expect(withReference(checkpoint, {}).diffs.every((d) => d.origin === undefined)).toBe(true);
  });

  test('a cell where target and documentation agree gets no label, whatever the reference did', () => {
    const passing = withReference({ ...checkpoint, observed: checkpoint.expected, diffs: [], status: 'pass' }, { bindings: aosp });
    expect(passing.diffs).toEqual([]);
    expect(passing.reference).toEqual(aosp);
  });

  test('grants are labelled the same way', () => {
    const grants: Checkpoint = {
      step: 1, expected: {}, observed: {}, diffs: [], status: 'fail',
      grants: {
        package: 'com.thirdparty.chat', expected: { P: false, Q: false }, observed: { P: true, Q: true }, reasons: {},
        diffs: [{ permission: 'P', expected: false, observed: true, rule: 'single-reg-denied' }, { permission: 'Q', expected: false, observed: true, rule: 'x' }],
      },
    };
    const out = withReference(grants, { grants: { P: true, Q: false } });
    expect(out.grants?.diffs.map((d) => [d.permission, d.origin])).toEqual([['P', 'as-aosp'], ['Q', 'vendor-specific']]);
  });

  test('state callbacks are labelled by what the reference device\'s observer got for the same registration', () => {
    const row = (registration: string, last: string) => ({ registration, slot: '0' as const, feature: 'MMTEL' as const, state: 'active', expected: [], observed: { registered: 'ok', received: [last], last } });
    const callbacks: Checkpoint = {
      step: 3, expected: {}, observed: {}, diffs: [], status: 'fail',
      stateCallbacks: {
        rows: [row('a#1', 'onUnavailable(REASON_NO_IMS_SERVICE_CONFIGURED)'), row('b#1', 'onAvailable'), row('c#1', 'onAvailable')],
        diffs: [
          { registration: 'a#1', feature: 'MMTEL', aspect: 'last', expected: 'onAvailable', observed: 'onUnavailable(REASON_NO_IMS_SERVICE_CONFIGURED)', rule: 'state-callback-available' },
          { registration: 'b#1', feature: 'MMTEL', aspect: 'since', expected: 'silent', observed: 'onAvailable', rule: 'state-callback-telephony-crash' },
          { registration: 'c#1', feature: 'MMTEL', aspect: 'last', expected: 'onError', observed: 'onAvailable', rule: 'state-callback-telephony-crash' },
        ],
      },
    };
    const out = withReference(callbacks, { callbacks: {
      'a#1': { last: 'onUnavailable(REASON_NO_IMS_SERVICE_CONFIGURED)', since: 'onUnavailable(REASON_NO_IMS_SERVICE_CONFIGURED)' },
      'b#1': { last: 'onError', since: 'none' },
    } });
    expect(out.stateCallbacks?.diffs.map((d) => [d.registration, d.reference, d.origin])).toEqual([
      ['a#1', 'onUnavailable(REASON_NO_IMS_SERVICE_CONFIGURED)', 'as-aosp'],
      ['b#1', 'none', 'vendor-specific'],
      ['c#1', undefined, undefined], // no line on the reference: no label rather than a guess
    ]);
    expect(countOrigins([{ checkpoints: [out] }])).toEqual({ asAosp: 1, vendorSpecific: 1 });
    expect(withReference(callbacks, { bindings: {} }).stateCallbacks).toBe(callbacks.stateCallbacks);
  });
});

describe('summary counts', () => {
  test('counted over differing cells and grants, failing or waived', () => {
    expect(countOrigins([{ checkpoints: [withReference(checkpoint, { bindings: aosp })] }])).toEqual({ asAosp: 1, vendorSpecific: 1 });
  });

  test('absent from a run without a reference run: its summary is what it always was', () => {
    expect(countOrigins([{ checkpoints: [checkpoint] }])).toBeUndefined();
    const plain = foldEvents(runEvents()).summary;
    expect(plain).not.toHaveProperty('asAosp');
    expect(plain).not.toHaveProperty('vendorSpecific');
  });

  test('a folded run with a reference counts both', () => {
    const run = foldEvents(runEvents({ reference: true }));
    // emergency.follows-mmtel (waived) and fallback.per-feature (waived + failing) and doc-table.carrier-b (failing).
    expect(run.summary).toMatchObject({ asAosp: 2, vendorSpecific: 2 });
    expect(summarize(run.scenarios)).toMatchObject({ asAosp: 2, vendorSpecific: 2 });
  });
});

describe('reference events (what the runner writes beside the target\'s)', () => {
  const aospCells: BindingTable = table(CARRIER, CARRIER, CARRIER);
  const reference = (scenario: string, extra: Record<string, unknown> = {}): RunEvent => ({
    v: 1, at: '2025-03-01T10:10:00.000Z', type: 'reference', scenario, status: 'pass', durationMs: 420,
    device: 'in-process AOSP reference device (default profile)', checkpoints: [{ step: 1, bindings: aospCells }], ...extra,
  });

  test('the fold puts the reference beside the checkpoint of the same step and labels its differences', () => {
    const events = [...runEvents(), reference('priority.doc-table.carrier-b')];
    const run = foldEvents(events);
    const s = run.scenarios.find((x) => x.id === 'priority.doc-table.carrier-b')!;
    expect(s.reference).toEqual({ status: 'pass', durationMs: 420, device: 'in-process AOSP reference device (default profile)' });
    expect(s.checkpoints[0]?.reference).toEqual(aospCells);
    expect(s.checkpoints[0]?.diffs).toEqual([expect.objectContaining({ feature: 'MMTEL', reference: CARRIER, origin: 'vendor-specific' })]);
    expect(run.summary).toMatchObject({ asAosp: 0, vendorSpecific: 1 });
  });

  test('they survive events.jsonl: validated when read back, and the report rebuilt from the file labels the same', () => {
    const events = [...runEvents(), reference('priority.doc-table.carrier-b')];
    const read = parseEvents(toJsonl(events)).events;
    expect(foldEvents(read)).toEqual(foldEvents(events));
    // (Not as the last line: a torn last line is dropped as an interrupted write.)
    expect(() => parseEvents(toJsonl([reference('x', { checkpoints: [{ step: -2 }] }), ...runEvents()]))).toThrow(/not an ims-rig event: checkpoints\.0\.step/);
  });

  test('a reference run that could not run the scenario labels nothing, and says so', () => {
    const run = foldEvents([...runEvents(), reference('priority.doc-table.carrier-b', { status: 'error', reason: 'reference run failed: E_DEVICE', checkpoints: [] })]);
    const s = run.scenarios.find((x) => x.id === 'priority.doc-table.carrier-b')!;
    expect(s.reference?.status).toBe('error');
    expect(s.checkpoints[0]?.diffs[0]?.origin).toBeUndefined();
  });
});
