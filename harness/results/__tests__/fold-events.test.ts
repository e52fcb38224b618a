import { InputError } from '../../errors';
import { type RunEvent } from '../events';
import { foldEvents, INCOMPLETE_REASON } from '../fold-events';
import { parseEvents } from '../read-events';
import { REALISTIC_SUITE, runEvents, toJsonl } from './fixtures/event-factory';

describe('foldEvents', () => {
  const run = foldEvents(runEvents());
  const byId = (id: string) => {
    const s = run.scenarios.find((x) => x.id === id);
    if (!s) throw new Error(`no scenario ${id}`);
    return s;
  };

  it('counts every status, with waived diffs as deviations', () => {
    expect(run.summary).toEqual({ pass: 4, fail: 3, skip: 1, error: 1, waived: 1, incomplete: 0, deviation: 2, total: 10, notRun: 0 });
    expect(run.run.complete).toBe(true);
    expect(run.run.exitCode).toBe(1);
  });

  it('keeps the planned order and the steps and checkpoints of each scenario', () => {
    expect(run.scenarios.map((s) => s.id)).toEqual(REALISTIC_SUITE.map((s) => s.id));
    const carrierB = byId('priority.doc-table.carrier-b');
    expect(carrierB.status).toBe('fail');
    expect(carrierB.steps?.map((s) => s.kind)).toEqual(['insertSim', 'check']);
    expect(carrierB.checkpoints[0]?.diffs).toEqual([expect.objectContaining({ slot: '0', feature: 'MMTEL', observed: 'com.oem.ims' })]);
    expect(carrierB.target).toBe('emulator-5554');
    expect(byId('multi-sim.two-sims')).toMatchObject({ status: 'skip', reason: 'target lacks msim-control' });
  });

  it('lets the last attempt decide and keeps the earlier ones', () => {
    const flaky = byId('feature-update.rcs-to-mmtel');
    expect(flaky.status).toBe('pass');
    expect(flaky.attempts).toBe(2);
    expect(flaky.attemptHistory).toEqual([expect.objectContaining({ attempt: 1, status: 'error', reason: expect.stringContaining('TimeoutError') })]);
    expect(flaky.steps?.map((s) => s.status)).toEqual(['ok', 'ok']);
  });

  it('reports an interrupted run as incomplete, with what never ran', () => {
    const cut = foldEvents(runEvents({ interruptAfter: 3 }));
    expect(cut.run.complete).toBe(false);
    expect(cut.run.interrupted).toMatch(/without run-end/);
    const last = cut.scenarios.at(-1);
    expect(last).toMatchObject({ id: REALISTIC_SUITE[3]?.id, status: 'error', incomplete: true, reason: INCOMPLETE_REASON });
    expect(cut.summary).toMatchObject({ incomplete: 1, error: 1, total: 4, notRun: 6 });
    expect(cut.notRun?.map((n) => n.id)).toEqual(REALISTIC_SUITE.slice(4).map((s) => s.id));
  });

  it('takes run-end `interrupted` as an incomplete run', () => {
    const events = runEvents();
    const end = events.at(-1) as Extract<RunEvent, { type: 'run-end' }>;
    const folded = foldEvents([...events.slice(0, -1), { ...end, interrupted: 'SIGINT' }]);
    expect(folded.run).toMatchObject({ complete: false, interrupted: 'SIGINT' });
  });

  it('never lets a pass stand over a difference it recorded', () => {
    const events = runEvents().map((e) => (e.type === 'scenario-end' && e.status !== 'skip' && e.status !== 'error' ? { ...e, status: 'pass' as const } : e));
    const folded = foldEvents(events);
    expect(folded.scenarios.find((s) => s.id === 'emergency.follows-mmtel')?.status).toBe('waived');
    expect(folded.scenarios.find((s) => s.id === 'priority.doc-table.carrier-b')?.status).toBe('fail');
    expect(folded.scenarios.find((s) => s.id === 'single-registration.third-party-denied')?.status).toBe('fail');
  });

  it('folds a stream whose last line was torn by a crash', () => {
    const text = toJsonl(runEvents({ interruptAfter: 2 }));
    const torn = text.slice(0, text.length - 40);
    const parsed = parseEvents(torn, 'torn.jsonl');
    expect(parsed.tornLastLine).toBe(true);
    const folded = foldEvents(parsed.events);
    expect(folded.run.complete).toBe(false);
    expect(folded.summary.total).toBeGreaterThan(0);
  });

  it('rejects a stream that is not a run', () => {
    expect(() => foldEvents([], 'empty.jsonl')).toThrow(InputError);
    expect(() => foldEvents([], 'empty.jsonl')).toThrow(/empty\.jsonl: no run-begin/);
  });
});

describe('parseEvents', () => {
  it('rejects a malformed line that is not the last, naming file and line', () => {
    const lines = toJsonl(runEvents()).split('\n');
    lines[2] = '{"v":1,"type":"step"';
    expect(() => parseEvents(lines.join('\n'), 'a.jsonl')).toThrow(/^a\.jsonl:3: not a JSON line$/);
  });

  it('rejects an event missing a field the reports need', () => {
    const lines = toJsonl(runEvents()).split('\n');
    const begin = JSON.parse(lines[1]!) as Record<string, unknown>;
    delete begin.title;
    lines[1] = JSON.stringify(begin);
    expect(() => parseEvents(lines.join('\n'), 'b.jsonl')).toThrow(/b\.jsonl:2: not an ims-rig event: title: Required/);
  });

  it('skips blank lines', () => {
    const text = toJsonl(runEvents()).replace(/\n/g, '\n\n');
    expect(parseEvents(text).events).toHaveLength(runEvents().length);
  });
});
