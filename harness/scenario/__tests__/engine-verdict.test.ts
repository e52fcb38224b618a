import { CommandFailedError, DeviceUnavailableError } from '../../errors';
import { type Checkpoint } from '../../results';
import { firstUnwaived, scenarioVerdict } from '../engine-verdict';

const diff = { slot: '0' as const, feature: 'MMTEL' as const, expected: 'com.oem.ims', observed: null, rule: 'device-default' };
const waiver = { id: 'aosp-x', justification: 'j' };
const cp = (diffs: Checkpoint['diffs'], status: Checkpoint['status']): Checkpoint => ({ step: 2, expected: {}, observed: {}, diffs, status });

describe('scenarioVerdict', () => {
  it('passes with no differences', () => {
    expect(scenarioVerdict({ checkpoints: [cp([], 'pass')] })).toEqual({ status: 'pass' });
  });

  it('fails on an unwaived difference and says which cell', () => {
    expect(scenarioVerdict({ checkpoints: [cp([diff], 'fail')] })).toEqual({ status: 'fail', reason: 'step 2: slot 0 MMTEL: expected com.oem.ims, observed -' });
  });

  it('is waived — not pass — when every difference is waived', () => {
    expect(scenarioVerdict({ checkpoints: [cp([{ ...diff, waiver }], 'waived')] }).status).toBe('waived');
  });

  it('an infrastructure problem is an error, never a failure, even after a failing check', () => {
    const v = scenarioVerdict({ checkpoints: [cp([diff], 'fail')], error: new CommandFailedError('x: exited 1', 'x', 1, '', '') });
    expect(v).toEqual({ status: 'error', reason: 'E_COMMAND: x: exited 1' });
    expect(scenarioVerdict({ checkpoints: [], error: new DeviceUnavailableError('lost') }).reason).toBe('E_DEVICE: lost');
  });

  it('a skip carries its reason', () => {
    expect(scenarioVerdict({ checkpoints: [], skipped: 'target lacks sim-control: …' })).toEqual({ status: 'skip', reason: 'target lacks sim-control: …' });
  });

  it('firstUnwaived skips waived cells', () => {
    expect(firstUnwaived([cp([{ ...diff, waiver }, { ...diff, feature: 'RCS' }], 'fail')])).toBe('step 2: slot 0 RCS: expected com.oem.ims, observed -');
  });
});
