import { type RunResult } from '../../results';
import { verdictChanges } from '../expected-verdicts';

function run(missing: readonly string[], scenarios: readonly { id: string; status: string; requires?: readonly string[] }[]): RunResult {
  return { target: { missingCapabilities: missing }, scenarios } as unknown as RunResult;
}

describe('verdictChanges', () => {
  const expected = { 'a.ui': 'pass', 'a.plain': 'waived', 'a.racy': 'pass|waived' };

  it('holds a run with Appium to the listed verdicts', () => {
    expect(verdictChanges(run([], [{ id: 'a.ui', status: 'pass', requires: ['appium'] }, { id: 'a.plain', status: 'waived' }, { id: 'a.racy', status: 'waived' }]), expected)).toEqual([]);
    expect(verdictChanges(run([], [{ id: 'a.ui', status: 'skip', requires: ['appium'] }, { id: 'a.plain', status: 'pass' }]), expected))
      .toEqual(['a.ui: pass -> skip', 'a.plain: waived -> pass', 'a.racy: pass|waived -> not run']);
  });

  it('expects a skip of what requires appium from a run without it, and only of that', () => {
    const without = run(['appium'], [{ id: 'a.ui', status: 'skip', requires: ['appium'] }, { id: 'a.plain', status: 'waived' }, { id: 'a.racy', status: 'pass' }]);
    expect(verdictChanges(without, expected)).toEqual([]);
    expect(verdictChanges(run(['appium'], [{ id: 'a.ui', status: 'pass', requires: ['appium'] }, { id: 'a.plain', status: 'skip' }, { id: 'a.racy', status: 'pass' }]), expected))
      .toEqual(['a.ui: skip -> pass', 'a.plain: waived -> skip']);
  });
});
