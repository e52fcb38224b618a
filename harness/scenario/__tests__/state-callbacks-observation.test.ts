/**
 * Observing state callbacks, pure parts: the tracker ties the observer's log lines to the scenario's
 * registrations (by order of registration, not by the app's number), and the diff judges each
 * documented aspect.
 */
import { parseObserverLog } from '../../android';
import { type ExpectedRegistration } from '../../oracle';
import { CallbackTracker } from '../callback-tracker';
import { diffRow, lastMatches, ordinals, sinceMatches } from '../callback-diff';

let t = 0;
const line = (message: string, pid = 2301): string => `03-01 10:00:${String(10 + Math.floor(t / 1000)).padStart(2, '0')}.${String(t++ % 1000).padStart(3, '0')}  ${pid}  ${pid} I ImsRigObserver: ${message}`;
const entries = (lines: readonly string[]): ReturnType<typeof parseObserverLog>['entries'] => parseObserverLog(lines.join('\n')).entries;

function row(id: string, n: number, expectations: ExpectedRegistration['expectations'], boot = 0): ExpectedRegistration {
  return { registration: `${id}#${n}`, id, n, boot, slot: '0', feature: 'MMTEL', state: 'active', expectations };
}
const last = (expected: string): ExpectedRegistration['expectations'][number] => ({ aspect: 'last', expected, rule: 'state-callback-available', reason: 'r', cites: ['stateCallbackApi'] });
const since = (expected: string): ExpectedRegistration['expectations'][number] => ({ aspect: 'since', expected, rule: 'state-callback-telephony-crash', reason: 'r', cites: ['telephonyCrash'] });

describe('CallbackTracker', () => {
  it('ignores the lines before the scenario, counts repeated reads once, and splits "since the previous check"', () => {
    const old = line('ev=register reg=m#1 slot=0 sub=1 feature=MMTEL reason=-', 1111);
    const tracker = new CallbackTracker();
    tracker.baseline(entries([old]));
    const l1 = [old, line('ev=register reg=m#1 slot=0 sub=3 feature=MMTEL reason=-'), line('ev=onAvailable reg=m#1 slot=0 sub=3 feature=MMTEL reason=-')];
    expect(tracker.ingest(entries(l1))).toBe(true);
    expect(tracker.ingest(entries(l1))).toBe(false);
    expect(tracker.observed('m', 0)).toEqual({ registered: 'ok', subId: 3, received: ['onAvailable'], last: 'onAvailable' });
    tracker.checked();
    const l2 = [...l1, line('ev=onUnavailable reg=m#1 slot=0 sub=3 feature=MMTEL reason=IMS_SERVICE_DISCONNECTED')];
    tracker.ingest(entries(l2));
    expect(tracker.observed('m', 0)).toEqual({ registered: 'ok', subId: 3, received: ['onUnavailable(IMS_SERVICE_DISCONNECTED)'], last: 'onUnavailable(IMS_SERVICE_DISCONNECTED)' });
    expect(tracker.observed('m', 1)).toEqual({ received: [] });
  });

  it('ties lines to registrations by order: after a reboot the app numbers from 1 again', () => {
    const tracker = new CallbackTracker();
    tracker.ingest(entries([
      line('ev=register reg=m#1 slot=0 sub=1 feature=MMTEL reason=-', 2301),
      line('ev=onAvailable reg=m#1 slot=0 sub=1 feature=MMTEL reason=-', 2301),
      line('ev=register-failed reg=m#1 slot=0 sub=-1 feature=MMTEL reason=IllegalArgumentException', 2402),
      line('ev=onError reg=x#4 slot=0 sub=1 feature=MMTEL reason=-', 2402),
    ]));
    expect(tracker.observed('m', 0)).toMatchObject({ registered: 'ok', last: 'onAvailable' });
    expect(tracker.observed('m', 1)).toEqual({ registered: 'IllegalArgumentException', subId: -1, received: [] });
    expect(tracker.unattributed()).toHaveLength(1);
    expect(ordinals([row('m', 1, []), row('r', 1, []), row('m', 2, []), row('m', 1, [], 1)])).toEqual([0, 0, 1, 2]);
  });
});

describe('judging callbacks', () => {
  it('last: exact, or any reason for a bare onUnavailable; since: silent, or an onUnavailable followed by an onAvailable', () => {
    expect(lastMatches('onUnavailable', 'onUnavailable(IMS_SERVICE_DISCONNECTED)')).toBe(true);
    expect(lastMatches('onUnavailable(NO_IMS_SERVICE_CONFIGURED)', 'onUnavailable(IMS_SERVICE_DISCONNECTED)')).toBe(false);
    expect(lastMatches('onAvailable', undefined)).toBe(false);
    expect(sinceMatches('silent', [])).toBe(true);
    expect(sinceMatches('silent', ['onAvailable'])).toBe(false);
    expect(sinceMatches('unavailable-then-available', ['onUnavailable(IMS_SERVICE_DISCONNECTED)', 'onAvailable'])).toBe(true);
    expect(sinceMatches('unavailable-then-available', ['onAvailable', 'onUnavailable(IMS_SERVICE_DISCONNECTED)'])).toBe(false);
    expect(sinceMatches('unavailable-then-available', ['onAvailable'])).toBe(false);
  });

  it('a diff names the registration, the aspect, both values and the rule; an observation-only row has none', () => {
    const r = row('m', 1, [last('onError'), since('silent')]);
    expect(diffRow(r, { received: ['onAvailable'], last: 'onAvailable' })).toEqual([
      { registration: 'm#1', feature: 'MMTEL', aspect: 'last', expected: 'onError', observed: 'onAvailable', rule: 'state-callback-available' },
      { registration: 'm#1', feature: 'MMTEL', aspect: 'since', expected: 'silent', observed: 'onAvailable', rule: 'state-callback-telephony-crash' },
    ]);
    expect(diffRow(row('m', 1, []), { received: ['onError'], last: 'onError' })).toEqual([]);
  });
});
