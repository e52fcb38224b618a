import { type StateCallbackCheck } from '../../results';
import { callbacksView } from '../html/callbacks-view';

describe('the HTML view of a state-callback checkpoint', () => {
  it('shows each registration expected next to observed, marks differences, observation-only rows and waivers', () => {
    const check: StateCallbackCheck = {
      rows: [
        { registration: 'm#1', slot: '0', feature: 'MMTEL', state: 'active', expected: [{ aspect: 'last', value: 'onAvailable', rule: 'state-callback-available', reason: 'served', citation: 'sentence A' }], observed: { registered: 'ok', subId: 1, received: ['onUnavailable(IMS_SERVICE_DISCONNECTED)'], last: 'onUnavailable(IMS_SERVICE_DISCONNECTED)' } },
        { registration: 'r#1', slot: '0', feature: 'RCS', state: 'subscription-gone', expected: [], observeOnly: { rule: 'state-callback-subscription-gone', reason: 'SIM removed', citation: 'sentence B' }, observed: { registered: 'ok', subId: 1, received: ['onUnavailable(SUBSCRIPTION_INACTIVE)'], last: 'onUnavailable(SUBSCRIPTION_INACTIVE)' } },
      ],
      diffs: [{ registration: 'm#1', feature: 'MMTEL', aspect: 'last', expected: 'onAvailable', observed: 'onUnavailable(IMS_SERVICE_DISCONNECTED)', rule: 'state-callback-available' }],
      framework: { wrappers: [{ subId: 1, feature: 'MMTEL', reason: '', pkg: 'org.imsrig.observer' }], listeners: [{ feature: 'MMTEL', slotId: 0, subId: 1, state: 'READY', reason: 'READY', hasConfig: true }] },
    };
    const view = callbacksView(check);
    expect(view.rows.map((r) => [r.registration, r.cls, r.marker, r.received, r.last, r.registered])).toEqual([
      ['m#1', 'diff', '✗ DIFFERS', 'onUnavailable(IMS_SERVICE_DISCONNECTED)', 'onUnavailable(IMS_SERVICE_DISCONNECTED)', 'registered (subId 1)'],
      ['r#1', 'observe', '◌ OBSERVED ONLY', 'onUnavailable(SUBSCRIPTION_INACTIVE)', 'onUnavailable(SUBSCRIPTION_INACTIVE)', 'registered (subId 1)'],
    ]);
    expect(view.rows[0]?.aspects[0]).toMatchObject({ label: 'last callback', expected: 'onAvailable', observed: 'onUnavailable(IMS_SERVICE_DISCONNECTED)', cite: 1 });
    expect(view.rows[1]?.observeOnly).toEqual({ rule: 'state-callback-subscription-gone', reason: 'SIM removed', cite: 2 });
    expect(view.citations).toEqual([{ n: 1, text: 'sentence A' }, { n: 2, text: 'sentence B' }]);
    expect(view.wrappers).toEqual(['CallbackWrapper subId=1 feature=MMTEL reason=(none yet) pkg=org.imsrig.observer']);
    const waived = callbacksView({ ...check, diffs: [{ ...check.diffs[0]!, waiver: { id: 'w', justification: 'because' } }] });
    expect(waived.rows[0]).toMatchObject({ cls: 'waived', aspects: [{ waiverId: 'w', justification: 'because' }] });
    // Three-way diff: the reference device's observer got the same, so the difference is AOSP's own.
    const threeWay = callbacksView({ ...check, diffs: [{ ...check.diffs[0]!, reference: 'onUnavailable(IMS_SERVICE_DISCONNECTED)', origin: 'as-aosp' }] });
    expect(threeWay.rows[0]?.aspects[0]).toMatchObject({ reference: 'onUnavailable(IMS_SERVICE_DISCONNECTED)', origin: 'as AOSP', originCls: 'as-aosp' });
    expect(view.rows[0]?.aspects[0]).not.toHaveProperty('origin');
  });

  it('names the sentences by id on a checkpoint that is as documented (the coverage section quotes them)', () => {
    const check: StateCallbackCheck = {
      rows: [{ registration: 'm#1', slot: '0', feature: 'MMTEL', state: 'active', expected: [{ aspect: 'last', value: 'onAvailable', rule: 'state-callback-available', reason: 'served', citation: 'sentence A', cites: ['state-callback-api', 'register-first'] }], observed: { registered: 'ok', subId: 1, received: ['onAvailable'], last: 'onAvailable' } }],
      diffs: [],
    };
    const view = callbacksView(check, true);
    expect(view.rows[0]?.cls).toBe('match');
    expect(view.citations).toEqual([{ n: 1, ids: ['state-callback-api', 'register-first'] }]);
    expect(view.frameworkMissing).toBeUndefined();
  });
});
