import { UnsafeValueError } from '../../errors';
import { type AppBehaviour, type FeatureStateName, parsePackageName } from '../../model';
import { controlBroadcastCommand, controlBroadcastProblem, parseControlBroadcast } from '../control-broadcast';

const PKG = parsePackageName('com.carrier.b.ims');
const HEAD = 'am broadcast --include-stopped-packages -n com.carrier.b.ims/org.imsrig.ims.ControlReceiver -a org.imsrig.CONTROL';

describe('controlBroadcastCommand', () => {
  it.each([
    [{ kind: 'features', features: { 0: ['EMERGENCY_MMTEL', 'MMTEL', 'RCS'], 1: [] } } as const, `${HEAD} --es features '0=EMERGENCY_MMTEL,MMTEL,RCS;1=none'`],
    [{ kind: 'features', features: { 0: ['RCS'] } } as const, `${HEAD} --es features 0=RCS`],
    [{ kind: 'features', features: {} } as const, `${HEAD} --es features none`],
    [{ kind: 'crash' } as const, `${HEAD} --ez crash true`],
    [{ kind: 'behaviour', behaviour: 'null-binding' } as const, `${HEAD} --es behaviour null-binding`],
    [{ kind: 'feature-state', state: 'UNAVAILABLE' } as const, `${HEAD} --es feature-state UNAVAILABLE`],
  ])('%j', (request, line) => {
    expect(controlBroadcastCommand(PKG, request).line).toBe(line);
  });

  it('refuses values outside the contract before any shell sees them', () => {
    expect(() => controlBroadcastCommand(PKG, { kind: 'behaviour', behaviour: 'x;reboot' as AppBehaviour })).toThrow(UnsafeValueError);
    expect(() => controlBroadcastCommand(PKG, { kind: 'feature-state', state: 'READY;reboot' as FeatureStateName })).toThrow(UnsafeValueError);
    expect(() => controlBroadcastCommand('a;b' as typeof PKG, { kind: 'crash' })).toThrow(UnsafeValueError);
  });
});

// Format-exact: ActivityManagerShellCommand prints "Broadcasting: " + intent, then
// IntentReceiver#performReceive prints "Broadcast completed: result=<code>[, data="<data>"]".
const broadcasting = 'Broadcasting: Intent { act=org.imsrig.CONTROL flg=0x400020 cmp=com.carrier.b.ims/org.imsrig.ims.ControlReceiver (has extras) }\n';

describe('parseControlBroadcast', () => {
  it.each(['updated', 'stored', 'killed'] as const)('reads the outcome %s', (word) => {
    expect(parseControlBroadcast(`${broadcasting}Broadcast completed: result=0, data="${word}"\n`)).toEqual({ delivered: true, outcome: word, data: word });
  });

  it('reads an error outcome whose reason holds quotes', () => {
    const data = 'error: unknown feature "mmtel" (expected EMERGENCY_MMTEL, MMTEL or RCS)';
    expect(parseControlBroadcast(`${broadcasting}Broadcast completed: result=0, data="${data}"\n`)).toEqual({
      delivered: true, outcome: 'error', data, reason: 'unknown feature "mmtel" (expected EMERGENCY_MMTEL, MMTEL or RCS)',
    });
  });

  it('no data: no receiver ran', () => {
    const reply = parseControlBroadcast(`${broadcasting}Broadcast completed: result=0\n`);
    expect(reply).toEqual({ delivered: false, reason: 'no receiver ran (am broadcast printed result=0 and no result data)' });
    expect(controlBroadcastProblem(PKG, { kind: 'crash' }, reply)).toMatch(/^com\.carrier\.b\.ims: the control broadcast \(crash\) reached no org\.imsrig\.ims\.ControlReceiver: no receiver ran/);
  });

  it('am failing outright', () => {
    const out = 'Exception occurred while executing \'broadcast\':\njava.lang.IllegalArgumentException: Unknown option: --bogus\n';
    expect(parseControlBroadcast(out)).toEqual({ delivered: false, reason: `am broadcast did not complete: ${out.trim().split('\n').join(' ')}` });
  });

  it('data that is not an outcome word is not taken for one', () => {
    expect(parseControlBroadcast(`${broadcasting}Broadcast completed: result=0, data="hello"\n`).delivered).toBe(false);
  });

  it('controlBroadcastProblem is quiet for a delivered outcome and names the app for a refusal', () => {
    expect(controlBroadcastProblem(PKG, { kind: 'crash' }, { delivered: true, outcome: 'killed', data: 'killed' })).toBeUndefined();
    expect(controlBroadcastProblem(PKG, { kind: 'feature-state', state: 'READY' }, { delivered: true, outcome: 'error', data: 'error: x', reason: 'x' }))
      .toBe('com.carrier.b.ims: the rig app refused the control broadcast (feature-state): x');
  });
});
