/**
 * results.json `documentation`: every sentence with what rests on it and its status, computed from
 * a run (the event factory's realistic run: passes, a failure, waived cells, grants, a skip, an
 * error) and from a plan alone (`ims-rig coverage`).
 */
import { foldEvents, mergeRuns, type PlannedScenario, type RunResult, type ScenarioTrace } from '../../results';
import { REFERENCE_DEVICE, runEvents } from '../../results/__tests__/fixtures/event-factory';
import { DOC } from '../../docs/documentation';
import { documentationOf } from '../documentation/documentation-coverage';
import { sentencesByScenario, scenarioKey } from '../documentation/scenario-sentences';
import { formatCoverageText } from '../documentation/coverage-text';

const byId = (run: Pick<RunResult, 'scenarios' | 'planned' | 'notRun'>) => new Map(documentationOf(run).map((e) => [e.id, e]));

function withTraces(run: RunResult, traces: Record<string, ScenarioTrace>): RunResult {
  return { ...run, planned: (run.planned ?? []).map((p) => {
    const trace = traces[p.id];
    return trace ? { ...p, trace } : p;
  }) };
}

describe('documentationOf a run', () => {
  const run = foldEvents(runEvents());
  const docs = byId(run);

  test('one entry per sentence, in reading order, each with its source, section and text', () => {
    const entries = documentationOf(run);
    expect(entries).toHaveLength(Object.keys(DOC).length);
    expect(entries[0]).toMatchObject({ id: 'play-store-updatable', source: 'Implement IMS', section: 'ImsService overview', text: DOC.playStoreUpdatable.text });
  });

  test('held: the scenario quoting it passed', () => {
    expect(docs.get('doc-table-carrier-a')).toMatchObject({ status: 'held', scenarios: [{ id: 'priority.doc-table.carrier-a', via: ['doc'], verdict: 'held' }] });
  });

  test('failed: the scenario quoting it failed, or a cell whose rule cites it differs unwaived', () => {
    expect(docs.get('doc-table-carrier-b')?.status).toBe('failed');
    const carrier = docs.get('priority-carrier')!;
    expect(carrier.status).toBe('failed');
    expect(carrier.checkpoints).toContainEqual({ scenario: 'priority.doc-table.carrier-b', target: 'emulator-5554', step: 1, verdict: 'failed', cells: ['slot 0 MMTEL', 'slot 0 RCS'] });
    expect(carrier.checkpoints).toContainEqual({ scenario: 'priority.doc-table.carrier-a', target: 'emulator-5554', step: 1, verdict: 'held', cells: ['slot 0 MMTEL', 'slot 0 RCS'] });
    // Grants: the third-party app was granted what the documentation denies it.
    expect(docs.get('single-reg-denied')).toMatchObject({ status: 'failed', checkpoints: [{ verdict: 'failed', cells: ['android.permission.PERFORM_IMS_SINGLE_REGISTRATION'] }] });
  });

  test('waived: only waived differences rest on it', () => {
    const emergency = docs.get('emergency-needs-mmtel')!;
    expect(emergency.status).toBe('waived');
    expect(emergency.checkpoints.some((c) => c.verdict === 'waived')).toBe(true);
    expect(emergency.checkpoints.every((c) => c.verdict !== 'failed')).toBe(true);
  });

  test('held through cells only: a grant every run agreed with', () => {
    expect(docs.get('uce-permission')).toMatchObject({ status: 'held', scenarios: [{ via: ['cells'] }, { via: ['cells'] }] });
  });

  test('not covered: nothing rests on it, with the reason; not checkable: the reviewed reason', () => {
    expect(docs.get('intent-filter')).toMatchObject({ status: 'not-covered', observedBy: ['bindings'], scenarios: [], checkpoints: [] });
    expect(docs.get('intent-filter')?.reason).toMatch(/no scenario of this run checks it; needs a scenario configuring/);
    expect(docs.get('service-attributes')).toMatchObject({ status: 'not-covered', notCheckable: expect.stringMatching(/introduction/) as string });
    expect(docs.get('service-attributes')?.reason).toMatch(/^not checkable over adb: /);
  });

  test('not run: only skipped or unfinished scenarios rest on it', () => {
    const traced = withTraces(run, {
      'multi-sim.two-sims': { doc: 'update-recalculates', observes: ['bindings'], checks: [{ step: 1, cites: ['update-recalculates'] }] },
      'lifecycle.crash-rebind': { doc: 'update-recalculates', observes: ['bindings'], checks: [{ step: 0, cites: [] }] },
    });
    const entry = byId(traced).get('update-recalculates')!;
    expect(entry.status).toBe('not-run');
    expect(entry.scenarios.map((s) => [s.id, s.verdict])).toEqual([['multi-sim.two-sims', 'not-run'], ['lifecycle.crash-rebind', 'not-run']]);
    expect(entry.checkpoints).toEqual([{ scenario: 'multi-sim.two-sims', target: 'emulator-5554', step: 1, verdict: 'not-run', cells: [] }]);
    expect(entry.reason).toMatch(/multi-sim\.two-sims: skipped \(target lacks msim-control\)/);
  });

  test('a quote without the observation it needs covers nothing and is listed as such', () => {
    const traced = withTraces(run, { 'lifecycle.crash-rebind': { doc: 'telephony-crash', observes: ['bindings'], checks: [] } });
    const entry = byId(traced).get('telephony-crash')!;
    expect(entry).toMatchObject({ status: 'not-covered', quotedBy: ['lifecycle.crash-rebind'], observedBy: ['state-callback'] });
    expect(entry.reason).toMatch(/^quoted by lifecycle\.crash-rebind without observing what an app's ImsStateCallback received/);
  });

  test('the plan\'s trace decides what rests on a sentence; the recorded cells decide their verdicts', () => {
    const traced = withTraces(run, { 'priority.doc-table.carrier-a': { doc: 'doc-table-carrier-a', observes: ['bindings'], checks: [{ step: 1, cites: ['priority-carrier'] }] } });
    expect(byId(traced).get('doc-table-carrier-a')?.status).toBe('held');
  });

  test('state callbacks: each judged aspect counts as a cell of the sentences its rule cites; observation-only rows count for nothing', () => {
    const base = run.scenarios.find((r) => r.id === 'priority.doc-table.carrier-a')!;
    const cp = base.checkpoints[0]!;
    const scenario = { ...base, id: 'state-callback.telephony-crash', doc: DOC.telephonyCrash.text, checkpoints: [{
      ...cp, step: 4, status: 'fail' as const, expected: {}, observed: {}, diffs: [], reasons: {},
      stateCallbacks: {
        rows: [
          { registration: 'mmtel0#1', slot: '0' as const, feature: 'MMTEL' as const, state: 'telephony-crashed', observed: { received: ['onAvailable'], last: 'onAvailable' },
            expected: [{ aspect: 'last' as const, value: 'onError', rule: 'state-callback-telephony-crash', reason: 'r', citation: 'c', cites: ['telephony-crash', 'telephony-crash-recover'] }] },
          { registration: 'rcs0#1', slot: '0' as const, feature: 'RCS' as const, state: 'unregistered', observed: { received: [] }, expected: [],
            observeOnly: { rule: 'state-callback-unregistered', reason: 'r', citation: 'c', cites: ['register-new-callbacks'] } },
        ],
        diffs: [{ registration: 'mmtel0#1', feature: 'MMTEL' as const, aspect: 'last' as const, expected: 'onError', observed: 'onAvailable', rule: 'state-callback-telephony-crash' }],
      },
    }] };
    const docs = byId({ scenarios: [scenario], planned: [], notRun: [] });
    expect(docs.get('telephony-crash-recover')).toMatchObject({ status: 'failed', checkpoints: [{ scenario: 'state-callback.telephony-crash', step: 4, verdict: 'failed', cells: ['mmtel0#1 last callback'] }] });
    expect(docs.get('register-new-callbacks')?.status).toBe('not-covered');
    // The trace recovered from the result (no plan) knows the scenario observed callbacks, so its quote counts.
    expect(docs.get('telephony-crash')?.scenarios.map((x) => x.via)).toEqual([expect.arrayContaining(['doc', 'cells'])]);
  });

  test('runs merged from two devices keep each device\'s links apart', () => {
    const merged = mergeRuns([run, foldEvents(runEvents({ runId: 'ref', target: REFERENCE_DEVICE }))]);
    const entry = byId(merged).get('doc-table-carrier-a')!;
    expect(entry.scenarios.map((s) => s.target)).toEqual(['emulator-5554', REFERENCE_DEVICE.serial]);
  });

  test('each scenario\'s sentences, its doc sentence first (what junit and test_result.xml carry)', () => {
    const sentences = sentencesByScenario(documentationOf(run)).get(scenarioKey('priority.doc-table.carrier-b', 'emulator-5554'));
    expect(sentences?.doc).toBe('doc-table-carrier-b');
    expect(sentences?.all[0]).toBe('doc-table-carrier-b');
    expect(sentences?.all).toEqual(expect.arrayContaining(['priority-carrier', 'emergency-needs-mmtel']));
  });
});

describe('documentationOf a plan (ims-rig coverage)', () => {
  const planned: PlannedScenario[] = [
    { id: 'a.one', title: 'one', area: 'priority', file: 'a.yaml', trace: { doc: 'doc-table-carrier-a', observes: ['bindings'], checks: [{ step: 0, cites: ['two-per-slot'] }] } },
    { id: 'a.two', title: 'two', area: 'state-callback', file: 'b.yaml', trace: { doc: 'telephony-crash', observes: ['bindings'], checks: [] } },
  ];
  const entries = documentationOf({ scenarios: [], planned, notRun: planned });

  test('a sentence is covered (every link "not run": nothing ran) or not', () => {
    const docs = new Map(entries.map((e) => [e.id, e]));
    expect(docs.get('doc-table-carrier-a')).toMatchObject({ status: 'not-run', scenarios: [{ id: 'a.one', via: ['doc'] }] });
    expect(docs.get('two-per-slot')).toMatchObject({ status: 'not-run', checkpoints: [{ scenario: 'a.one', step: 0 }] });
    expect(docs.get('telephony-crash')).toMatchObject({ status: 'not-covered', quotedBy: ['a.two'] });
  });

  test('printed per source and section, with the count covered', () => {
    const text = formatCoverageText(entries, { scenarios: 2, plan: true });
    const total = Object.keys(DOC).length;
    expect(text).toMatch(new RegExp(`^Documentation coverage: 2 of ${total} sentences \\(${Math.round((2 / total) * 1000) / 10}%\\) rest on 2 scenarios`));
    expect(text).toMatch(/Binding priority for multiple ImsService +\[#{7}\.{13}\] 2\/6/);
    expect(text).toMatch(/ {4}covered +doc-table-carrier-a +1 scenario; 0 checkpoints; quoted by a\.one/);
    expect(text).toMatch(/ {4}NOT CHECKABLE service-attributes +not checkable over adb/);
    // Every sentence but the two covered (the not-checkable one is listed among them).
    expect(text).toMatch(new RegExp(`Not covered \\(${total - 2}\\): `));
  });
});
