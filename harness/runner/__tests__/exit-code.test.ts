import { EXIT_INTERRUPTED, runExitCode } from '../exit-code';

describe('runExitCode', () => {
  it('0 when every check passed (waived counts as passing)', () => {
    expect(runExitCode({ summary: { fail: 0, error: 0 } })).toBe(0);
  });
  it('1 on conformance failures, even when other scenarios errored', () => {
    expect(runExitCode({ summary: { fail: 2, error: 0 } })).toBe(1);
    expect(runExitCode({ summary: { fail: 1, error: 3 } })).toBe(1);
  });
  it('3 when scenarios errored and none failed, or the device was lost', () => {
    expect(runExitCode({ summary: { fail: 0, error: 1 } })).toBe(3);
    expect(runExitCode({ summary: { fail: 4, error: 0 }, deviceLost: true })).toBe(3);
  });
  it('130 when interrupted', () => {
    expect(runExitCode({ summary: { fail: 0, error: 0 }, interrupted: true })).toBe(EXIT_INTERRUPTED);
  });
});
