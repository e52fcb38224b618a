import { parseBroadcastResult } from '../am-broadcast';
import { observerBroadcastCommand, parseObserverOutcome } from '../observer-control';
import { observerLogcatCommand, parseObserverLog, parseObserverMessage } from '../observer-log';

describe('the observer app control broadcast', () => {
  it('register, unregister and reregister as argv, explicit and with the contract action', () => {
    expect(observerBroadcastCommand({ op: 'register', id: 'mmtel0', slot: 1, feature: 'RCS' }).line)
      .toBe('am broadcast --include-stopped-packages -n org.imsrig.observer/org.imsrig.observer.ObserverReceiver -a org.imsrig.CONTROL --es op register --es id mmtel0 --ei slot 1 --es feature RCS');
    expect(observerBroadcastCommand({ op: 'unregister', id: 'a' }).line)
      .toBe('am broadcast --include-stopped-packages -n org.imsrig.observer/org.imsrig.observer.ObserverReceiver -a org.imsrig.CONTROL --es op unregister --es id a');
    expect(observerBroadcastCommand({ op: 'reregister', id: 'a-1' }).argv.slice(-2)).toEqual(['id', 'a-1']);
    expect(observerBroadcastCommand({ op: 'reset' }).line)
      .toBe('am broadcast --include-stopped-packages -n org.imsrig.observer/org.imsrig.observer.ObserverReceiver -a org.imsrig.CONTROL --es op reset');
  });

  it('refuses what could not be an id or a feature before any shell sees it', () => {
    expect(() => observerBroadcastCommand({ op: 'unregister', id: 'a;reboot' })).toThrow(/registration id/);
    expect(() => observerBroadcastCommand({ op: 'unregister', id: 'A' })).toThrow(/registration id/);
    expect(() => observerBroadcastCommand({ op: 'register', id: 'a', slot: 0, feature: 'EMERGENCY_MMTEL' as 'MMTEL' })).toThrow(/MMTEL or RCS/);
  });

  it('reads am broadcast output: with data, without (no receiver ran), not completed', () => {
    expect(parseBroadcastResult('Broadcasting: Intent { act=org.imsrig.CONTROL flg=0x400000 cmp=org.imsrig.observer/.ObserverReceiver (has extras) }\nBroadcast completed: result=0, data="registered mmtel0#1 sub=1"\n'))
      .toEqual({ completed: true, resultCode: 0, data: 'registered mmtel0#1 sub=1' });
    expect(parseBroadcastResult('Broadcasting: Intent { act=x }\nBroadcast completed: result=0\n')).toEqual({ completed: true, resultCode: 0 });
    expect(parseBroadcastResult('Broadcast completed: result=-1, data="x", extras: Bundle[{a=1}]')).toEqual({ completed: true, resultCode: -1, data: 'x' });
    expect(parseBroadcastResult('Exception occurred while executing \'broadcast\':')).toEqual({ completed: false });
  });

  it('reads the observer outcome words', () => {
    expect(parseObserverOutcome('registered m#2 sub=3')).toEqual({ kind: 'registered', registration: 'm#2', subId: 3 });
    expect(parseObserverOutcome('failed m#1 sub=-1 IllegalArgumentException')).toEqual({ kind: 'failed', registration: 'm#1', subId: -1, error: 'IllegalArgumentException' });
    expect(parseObserverOutcome('unregistered m#1')).toEqual({ kind: 'unregistered', registration: 'm#1' });
    expect(parseObserverOutcome('reset 2')).toEqual({ kind: 'reset', count: 2 });
    expect(parseObserverOutcome('unknown m')).toEqual({ kind: 'unknown', id: 'm' });
    expect(parseObserverOutcome('bad-request slot')).toEqual({ kind: 'bad-request', what: 'slot' });
    expect(parseObserverOutcome('hello')).toEqual({ kind: 'unrecognised', text: 'hello' });
  });
});

describe('the observer app log lines', () => {
  it('parses every event form', () => {
    expect(parseObserverMessage('ev=onUnavailable reg=mmtel0#1 slot=0 sub=1 feature=MMTEL reason=NO_IMS_SERVICE_CONFIGURED'))
      .toEqual({ event: 'onUnavailable', registration: 'mmtel0#1', id: 'mmtel0', n: 1, slot: 0, subId: 1, feature: 'MMTEL', reason: 'NO_IMS_SERVICE_CONFIGURED' });
    expect(parseObserverMessage('ev=onAvailable reg=r#12 slot=1 sub=7 feature=RCS reason=-')).toEqual({ event: 'onAvailable', registration: 'r#12', id: 'r', n: 12, slot: 1, subId: 7, feature: 'RCS' });
    expect(parseObserverMessage('ev=register-failed reg=m#1 slot=0 sub=-1 feature=MMTEL reason=ImsException:3')?.reason).toBe('ImsException:3');
    expect(parseObserverMessage('ev=onUnavailable reg=m#1 slot=0 sub=1 feature=MMTEL reason=42')?.reason).toBe('42');
  });

  it('rejects what is not in the grammar', () => {
    for (const bad of ['ev=onWhatever reg=m#1 slot=0 sub=1 feature=MMTEL reason=-', 'ev=onError reg=m slot=0 sub=1 feature=MMTEL reason=-',
      'ev=onError reg=m#1 slot=0 sub=1 feature=EMERGENCY_MMTEL reason=-', 'ev=onError reg=m#1 slot=0 sub=1 feature=MMTEL']) {
      expect(parseObserverMessage(bad)).toBeUndefined();
    }
  });

  it('reads a threadtime dump: the tag only, pid kept, foreign lines of the tag reported apart', () => {
    const text = [
      '--------- beginning of main',
      '03-01 10:00:04.850  2301  2301 I ImsRigObserver: ev=register reg=m#1 slot=0 sub=1 feature=MMTEL reason=-',
      '03-01 10:00:04.851  1532  1611 I ImsResolver: something else',
      '03-01 10:00:04.870  2301  2301 I ImsRigObserver: ev=onAvailable reg=m#1 slot=0 sub=1 feature=MMTEL reason=-',
      '03-01 10:00:04.871  2301  2301 W ImsRigObserver: something odd',
    ].join('\n');
    const { entries, unparsed } = parseObserverLog(text);
    expect(entries.map((e) => `${e.pid} ${e.event} ${e.registration}`)).toEqual(['2301 register m#1', '2301 onAvailable m#1']);
    expect(unparsed).toEqual(['03-01 10:00:04.871  2301  2301 W ImsRigObserver: something odd']);
    expect(observerLogcatCommand().line).toBe('logcat -d -v threadtime -t 5000 -s ImsRigObserver');
  });
});
