/**
 * What each callback instance must have seen at a check, from the documentation only (seed 000
 * "Use ImsStateCallback", harness/docs): per registration and aspect, the expected value with its
 * rule, the inputs that decided it and the sentences it rests on. Where the documentation is silent
 * the row carries no expectation and says why (observation only).
 *
 *   served, feature READY            last onAvailable                               state-callback-available
 *   nothing configured               last onUnavailable(NO_IMS_SERVICE_CONFIGURED)  state-callback-no-ims-service
 *   configured but not served        last onUnavailable (any reason)                state-callback-unavailable
 *   serving package changed/crashed  since: unavailable, then available             state-callback-service-changed / -crashed
 *   telephony crashed                last onError; at later checks also silent      state-callback-telephony-crash
 */
import { type DocId } from '../../docs/documentation';
import { citesOf, type KnownRule } from '../rules';
import { type Instance, type ServingOf } from './registrations';
import { type CallbackExpectation, type ExpectedRegistration, SINCE_SILENT, SINCE_TRANSITION } from './types';

const WHY_NOT_DOCUMENTED: Readonly<Partial<Record<Instance['state'], KnownRule>>> = {
  'no-subscription': 'state-callback-no-subscription',
  'subscription-gone': 'state-callback-subscription-gone',
  unregistered: 'state-callback-unregistered',
  'app-restarted': 'state-callback-app-restarted',
};

function expectation(aspect: CallbackExpectation['aspect'], expected: string, rule: KnownRule, reason: string, extra: readonly DocId[] = []): CallbackExpectation {
  return { aspect, expected, rule, reason, cites: [...new Set([...citesOf(rule), ...extra])] };
}

function observeOnly(i: Instance, rule: KnownRule, reason: string): ExpectedRegistration {
  return { ...identity(i), expectations: [], observeOnly: { rule, reason, cites: citesOf(rule) } };
}

function identity(i: Instance): Omit<ExpectedRegistration, 'expectations'> {
  // The app's own label (`<id>#<n>`), told apart after a reboot restarted its numbering.
  const label = `${i.id}#${i.n}${i.boot > 0 ? ` (boot ${i.boot + 1})` : ''}`;
  return { registration: label, id: i.id, n: i.n, boot: i.boot, slot: i.slot, feature: i.feature, state: i.state };
}

/** The rows of one check, in registration order. */
export function expectedRegistrations(instances: readonly Instance[], checks: number, serving: ServingOf): ExpectedRegistration[] {
  return instances.map((i) => expectedFor(i, checks, serving));
}

function expectedFor(i: Instance, checks: number, serving: ServingOf): ExpectedRegistration {
  const undocumented = WHY_NOT_DOCUMENTED[i.state];
  if (undocumented !== undefined) return observeOnly(i, undocumented, `${i.why}: ${stateText(i)}`);
  if (i.state === 'telephony-crashed') {
    const rows = [expectation('last', 'onError', 'state-callback-telephony-crash', `${i.why}: the telephony process crashed; the app receives onError on this callback, and no update after it`)];
    // At a later check nothing at all may have arrived since the previous one.
    if (i.changedAtCheck < checks) rows.push(expectation('since', SINCE_SILENT, 'state-callback-telephony-crash', `onError came before the previous check (${i.why}); this callback gets no further updates`));
    return { ...identity(i), expectations: rows };
  }
  const s = serving(i.slot, i.feature);
  if (s === null) return observeOnly(i, 'state-callback-subscription-gone', `slot ${i.slot} is not active on the device any more`);
  const rows: CallbackExpectation[] = [];
  if (s.package !== null && s.featureState !== 'READY') {
    return observeOnly(i, 'state-callback-feature-not-ready', `${s.reason}; but ${s.package}'s ${i.feature} feature reports ${s.featureState}, never READY, and the documentation does not say what the app is then told`);
  }
  if (s.package !== null) {
    rows.push(expectation('last', 'onAvailable', 'state-callback-available', `${s.reason} ⇒ the ImsService for this subscription is available`));
  } else if (s.rule === 'no-ims-service') {
    rows.push(expectation('last', 'onUnavailable(NO_IMS_SERVICE_CONFIGURED)', 'state-callback-no-ims-service', `${s.reason} ⇒ the subscription does not support IMS for ${i.feature}`));
  } else {
    rows.push(expectation('last', 'onUnavailable', 'state-callback-unavailable', `${s.reason} (${s.rule}) ⇒ no ImsService instance is available for ${i.feature}; the documentation names REASON_NO_IMS_SERVICE_CONFIGURED only for a subscription without IMS configured`));
  }
  if (i.transition && s.package !== null) {
    rows.push(expectation('since', SINCE_TRANSITION, i.transition.rule, `${i.transition.reason}: the app must learn that the ImsService instance it used went away and another is available`));
  }
  return { ...identity(i), expectations: rows };
}

function stateText(i: Instance): string {
  switch (i.state) {
    case 'no-subscription': return `slot ${i.slot} had no active subscription when the app registered (registerImsStateCallback needs one)`;
    case 'subscription-gone': return `the subscription of slot ${i.slot} this callback was registered for is gone`;
    case 'unregistered': return 'the app unregistered this callback';
    case 'app-restarted': return 'the device rebooted and the app process holding this callback with it';
    case 'active': return 'registered';
    case 'telephony-crashed': return 'the telephony process crashed';
  }
}

/** A registration's pinnable value: its `last` expectation, or `observe` where nothing is documented. */
export function pinnableValue(row: ExpectedRegistration): string {
  return row.expectations.find((e) => e.aspect === 'last')?.expected ?? 'observe';
}
