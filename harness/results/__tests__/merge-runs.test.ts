import { foldEvents } from '../fold-events';
import { mergeRuns } from '../merge-runs';
import { comparable, REFERENCE_DEVICE, runEvents } from './fixtures/event-factory';

describe('mergeRuns', () => {
  const whole = foldEvents(runEvents({ runId: 'whole' }));

  it('merges two shards into what the unsharded run reports', () => {
    const a = foldEvents(runEvents({ runId: 'ci-42', shard: { index: 1, count: 2 } }));
    const b = foldEvents(runEvents({ runId: 'ci-42', shard: { index: 2, count: 2 }, startedAt: '2025-03-01T10:00:05.000Z' }));
    expect(a.scenarios.length + b.scenarios.length).toBe(whole.scenarios.length);
    const merged = mergeRuns([b, a]);
    expect(comparable(merged)).toEqual(comparable(whole));
    expect(merged.summary).toEqual(whole.summary);
    expect(merged.run.mergedFrom?.map((m) => m.shard?.index)).toEqual([1, 2]);
    expect(merged.targets).toBeUndefined();
  });

  it('puts runs on different devices side by side, each scenario tagged with its device', () => {
    const other = foldEvents(runEvents({ runId: 'ref', target: REFERENCE_DEVICE }));
    const merged = mergeRuns([whole, other]);
    expect(merged.targets?.map((t) => t.serial)).toEqual(['emulator-5554', REFERENCE_DEVICE.serial]);
    expect(merged.scenarios).toHaveLength(2 * whole.scenarios.length);
    expect(merged.scenarios.slice(0, 2).map((s) => [s.id, s.target])).toEqual([
      [whole.scenarios[0]?.id, 'emulator-5554'],
      [whole.scenarios[0]?.id, REFERENCE_DEVICE.serial],
    ]);
    expect(merged.summary.total).toBe(2 * (whole.summary.total ?? 0));
  });

  it('lets a later run of the same scenario on the same device supersede the earlier one', () => {
    const interrupted = foldEvents(runEvents({ runId: 'first', interruptAfter: 2 }));
    const rerun = foldEvents(runEvents({ runId: 'second', startedAt: '2025-03-01T11:00:00.000Z' }));
    const merged = mergeRuns([rerun, interrupted]);
    expect(merged.summary).toEqual(rerun.summary);
    expect(merged.notRun).toEqual([]);
    // The later run made up for the interrupted one: nothing planned is missing.
    expect(merged.run.complete).toBe(true);
  });

  it('keeps what an interrupted shard never ran', () => {
    const a = foldEvents(runEvents({ runId: 'ci-7', shard: { index: 1, count: 2 }, interruptAfter: 1 }));
    const b = foldEvents(runEvents({ runId: 'ci-7', shard: { index: 2, count: 2 } }));
    const merged = mergeRuns([a, b]);
    expect(merged.run.complete).toBe(false);
    expect(merged.summary.notRun).toBe(3);
    expect(merged.summary.incomplete).toBe(1);
  });
});
