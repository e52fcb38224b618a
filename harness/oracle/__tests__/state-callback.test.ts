/**
 * The documented model of ImsStateCallback (seed 000 "Use ImsStateCallback"): what each callback
 * instance must have seen at a check, with its rule — and where the documentation is silent, an
 * observation-only row that says why.
 */
import { type Step } from '../../model';
import { callbackPinConflicts, DocumentedModel, type ExpectedRegistration, RULES } from '../index';
import { CARRIER_B, MMTEL_KEY, OEM, RCS_KEY, S, app, carrierB, carrierNone, oemApp, profile, world } from './builder';

const register = (id: string, slot: 0 | 1, feature: 'MMTEL' | 'RCS'): Step => ({ kind: 'registerStateCallback', id, slot, feature });
const unregister = (id: string): Step => ({ kind: 'unregisterStateCallback', id });
const reregister = (id: string): Step => ({ kind: 'reregisterStateCallback', id });
const checkCallbacks = (expect?: Record<string, string>): Step => ({ kind: 'checkStateCallbacks', ...(expect ? { expect } : {}) });

/** Runs the steps; returns the rows of every checkStateCallbacks, in order. */
function checks(w: Parameters<typeof world>[0], steps: readonly Step[]): ExpectedRegistration[][] {
  const m = new DocumentedModel({ world: world(w) });
  const out: ExpectedRegistration[][] = [];
  for (const step of steps) {
    m.apply(step);
    if (step.kind === 'checkStateCallbacks') out.push(m.expectedCallbacks());
  }
  return out;
}

/** `aspect=expected [rule]` per row, or `observe [rule]`. */
function summary(rows: readonly ExpectedRegistration[]): Record<string, string[]> {
  return Object.fromEntries(rows.map((r) => [r.registration, r.observeOnly
    ? [`observe [${r.observeOnly.rule}]`]
    : r.expectations.map((e) => `${e.aspect}=${e.expected} [${e.rule}]`)]));
}

test('a subscription without IMS configured: onUnavailable(REASON_NO_IMS_SERVICE_CONFIGURED), citing the sentence', () => {
  const [rows] = checks({ overlay: { mmtel: '', rcs: '' }, sims: { '0': carrierNone } }, [register('mmtel0', 0, 'MMTEL'), register('rcs0', 0, 'RCS'), checkCallbacks()]);
  expect(summary(rows!)).toEqual({
    'mmtel0#1': ['last=onUnavailable(NO_IMS_SERVICE_CONFIGURED) [state-callback-no-ims-service]'],
    'rcs0#1': ['last=onUnavailable(NO_IMS_SERVICE_CONFIGURED) [state-callback-no-ims-service]'],
  });
  expect(rows![0]!.expectations[0]!.cites).toContain('stateCallbackUnavailable');
});

test('a served feature: onAvailable; a configured but uninstalled one: onUnavailable with any reason', () => {
  const [rows] = checks({ overlay: { mmtel: OEM, rcs: 'com.absent.rcs' }, sims: { '0': carrierNone } }, [register('m', 0, 'MMTEL'), register('r', 0, 'RCS'), checkCallbacks()]);
  expect(summary(rows!)).toEqual({
    'm#1': ['last=onAvailable [state-callback-available]'],
    'r#1': ['last=onUnavailable [state-callback-unavailable]'],
  });
});

test('RCS registered where only MMTEL is served: nothing configured for RCS', () => {
  const oemMmtelOnly = app(OEM, ['EMERGENCY_MMTEL', 'MMTEL']);
  const [rows] = checks({ apps: [oemMmtelOnly], overlay: { mmtel: OEM, rcs: '' }, sims: { '0': carrierNone } }, [register('m', 0, 'MMTEL'), register('r', 0, 'RCS'), checkCallbacks()]);
  expect(summary(rows!)).toEqual({ 'm#1': ['last=onAvailable [state-callback-available]'], 'r#1': ['last=onUnavailable(NO_IMS_SERVICE_CONFIGURED) [state-callback-no-ims-service]'] });
});

test('a carrier-config change that moves MMTEL to another service: unavailable, then available again', () => {
  const [first, second, third] = checks({ sims: { '0': carrierNone } }, [
    register('m', 0, 'MMTEL'), checkCallbacks(),
    S.setCarrierConfig(0, { [MMTEL_KEY]: CARRIER_B }), checkCallbacks(),
    checkCallbacks(),
  ]);
  expect(summary(first!)).toEqual({ 'm#1': ['last=onAvailable [state-callback-available]'] });
  expect(summary(second!)).toEqual({ 'm#1': ['last=onAvailable [state-callback-available]', 'since=unavailable-then-available [state-callback-service-changed]'] });
  expect(second![0]!.expectations[1]!.reason).toContain(`moved from ${OEM} to ${CARRIER_B}`);
  // Nothing happened since: only the last callback is judged.
  expect(summary(third!)).toEqual({ 'm#1': ['last=onAvailable [state-callback-available]'] });
});

test('the serving ImsService crashes: unavailable, then available; a crash of another app changes nothing', () => {
  const [rows] = checks({ sims: { '0': carrierB } }, [register('m', 0, 'MMTEL'), register('r', 0, 'RCS'), S.crash(OEM), S.crash(CARRIER_B), checkCallbacks()]);
  expect(summary(rows!)['m#1']).toEqual(['last=onAvailable [state-callback-available]', 'since=unavailable-then-available [state-callback-service-crashed]']);
});

test('telephony crash: onError and nothing after it; re-registering gives a new instance that follows the service again', () => {
  const [atCrash, later, afterRecovery] = checks({ sims: { '0': carrierNone } }, [
    register('m', 0, 'MMTEL'), S.restartPhone(), checkCallbacks(),
    checkCallbacks(),
    reregister('m'), checkCallbacks(),
  ]);
  expect(summary(atCrash!)).toEqual({ 'm#1': ['last=onError [state-callback-telephony-crash]'] });
  expect(summary(later!)).toEqual({ 'm#1': ['last=onError [state-callback-telephony-crash]', 'since=silent [state-callback-telephony-crash]'] });
  // Unregistering an errored callback does not lift the documented silence.
  expect(summary(afterRecovery!)).toEqual({
    'm#1': ['last=onError [state-callback-telephony-crash]', 'since=silent [state-callback-telephony-crash]'],
    'm#2': ['last=onAvailable [state-callback-available]'],
  });
  expect(atCrash![0]!.expectations[0]!.cites).toEqual(expect.arrayContaining(['telephonyCrash', 'telephonyCrashRecover']));
});

test('where the documentation is silent the row is observation only, and says why', () => {
  const notReady = app(OEM, ['EMERGENCY_MMTEL', 'MMTEL', 'RCS'], { featureState: 'UNAVAILABLE' });
  const [a] = checks({ apps: [notReady], sims: { '0': carrierNone } }, [register('m', 0, 'MMTEL'), checkCallbacks()]);
  expect(summary(a!)).toEqual({ 'm#1': ['observe [state-callback-feature-not-ready]'] });
  const [b] = checks({ sims: {} }, [register('m', 0, 'MMTEL'), checkCallbacks()]);
  expect(summary(b!)).toEqual({ 'm#1': ['observe [state-callback-no-subscription]'] });
  const [c] = checks({ sims: { '0': carrierNone } }, [register('m', 0, 'MMTEL'), S.removeSim(0), checkCallbacks()]);
  expect(summary(c!)).toEqual({ 'm#1': ['observe [state-callback-subscription-gone]'] });
  expect(c![0]!.observeOnly?.reason).toContain('removeSim slot 0');
  const [d] = checks({ sims: { '0': carrierNone } }, [register('m', 0, 'MMTEL'), unregister('m'), checkCallbacks()]);
  expect(summary(d!)).toEqual({ 'm#1': ['observe [state-callback-unregistered]'] });
  const [e] = checks({ sims: { '0': carrierNone } }, [register('m', 0, 'MMTEL'), S.reboot(), register('m', 0, 'MMTEL'), checkCallbacks()]);
  // The app restarted with the device: its instance count starts again at 1.
  expect(summary(e!)).toEqual({ 'm#1': ['observe [state-callback-app-restarted]'], 'm#1 (boot 2)': ['last=onAvailable [state-callback-available]'] });
});

test('a new SIM ends the old subscription; the re-registered callback follows the new one', () => {
  const [rows] = checks({ sims: { '0': carrierNone } }, [register('m', 0, 'MMTEL'), S.removeSim(0), S.insertSim(0, carrierB), reregister('m'), checkCallbacks()]);
  expect(summary(rows!)).toEqual({ 'm#1': ['observe [state-callback-subscription-gone]'], 'm#2': ['last=onAvailable [state-callback-available]'] });
  expect(rows![1]!.expectations[0]!.reason).toContain(CARRIER_B);
});

test('two slots: each registration follows its own slot', () => {
  const rcsOnly = profile('rcs-only', { [RCS_KEY]: CARRIER_B });
  const [rows] = checks({ slots: 2, overlay: { mmtel: '', rcs: '' }, apps: [oemApp(), app(CARRIER_B, ['MMTEL', 'RCS'])], sims: { '0': carrierB, '1': rcsOnly } }, [
    register('m0', 0, 'MMTEL'), register('m1', 1, 'MMTEL'), register('r1', 1, 'RCS'), checkCallbacks(),
  ]);
  expect(summary(rows!)).toEqual({
    'm0#1': ['last=onAvailable [state-callback-available]'],
    'm1#1': ['last=onUnavailable(NO_IMS_SERVICE_CONFIGURED) [state-callback-no-ims-service]'],
    'r1#1': ['last=onAvailable [state-callback-available]'],
  });
});

test('pins on checkStateCallbacks must agree with the model', () => {
  const m = new DocumentedModel({ world: world({ sims: { '0': carrierNone } }) });
  m.apply(register('m', 0, 'MMTEL'));
  const step = checkCallbacks({ m: 'onUnavailable(NO_IMS_SERVICE_CONFIGURED)', x: 'onAvailable' });
  m.apply(step);
  expect(callbackPinConflicts(step, m.expectedCallbacks())).toEqual([
    'registration m: the scenario pins onUnavailable(NO_IMS_SERVICE_CONFIGURED), the documented model expects onAvailable',
    'registration x: the scenario pins onAvailable, the documented model expects (not registered)',
  ]);
});

test('every state-callback rule is a known rule with citations', () => {
  const ids = Object.keys(RULES).filter((r) => r.startsWith('state-callback-'));
  expect(ids.length).toBeGreaterThanOrEqual(11);
  for (const id of ids) expect(RULES[id]!.cites.length).toBeGreaterThan(0);
});
