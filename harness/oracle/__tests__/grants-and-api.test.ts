// Single-registration grants, the scenario-level API (expectationsFor, pins) and the reason views.
import { DOC } from '../../docs/documentation';
import {
  ACCESS_RCS_USER_CAPABILITY_EXCHANGE, CONNECTIVITY_USE_RESTRICTED_NETWORKS, PERFORM_IMS_SINGLE_REGISTRATION, RULES,
  expectationsFor, explainScenario, formatExpectedTable, pinConflicts, toBindingTable, toReasonTable,
} from '../index';
import { CARRIER_A, OEM, P, S, app, carrierA, modelAfter, oemApp, scenario, world } from './builder';

const RCS_APP = 'com.example.rcs';
const ALL = [PERFORM_IMS_SINGLE_REGISTRATION, ACCESS_RCS_USER_CAPABILITY_EXCHANGE, CONNECTIVITY_USE_RESTRICTED_NETWORKS];
const extras = (permissions: string[]) => ({ [RCS_APP]: { package: P(RCS_APP), permissions, smsRoleComponents: true } });

describe('single-registration grants', () => {
  const w = (location: 'priv-app' | 'data' = 'priv-app') => world({ apps: [oemApp(), app(RCS_APP, [], { location })] });

  test('privileged app holding the SMS role: all three granted', () => {
    const g = modelAfter(w(), [], { roles: { sms: P(RCS_APP) }, appExtras: extras([...ALL, 'android.permission.READ_CONTACTS']) }).expectedGrants(RCS_APP);
    expect(Object.keys(g).sort()).toEqual([...ALL].sort()); // only documented, requested permissions
    expect(g[PERFORM_IMS_SINGLE_REGISTRATION]).toMatchObject({ granted: true, rule: 'single-reg-permission' });
    expect(g[ACCESS_RCS_USER_CAPABILITY_EXCHANGE]).toMatchObject({ granted: true, rule: 'uce-permission' });
    expect(g[CONNECTIVITY_USE_RESTRICTED_NETWORKS]).toMatchObject({ granted: true, rule: 'restricted-networks' });
  });

  test('without the SMS role: single registration denied; the dialer role still allows UCE', () => {
    const m = modelAfter(w(), [S.setRole('dialer', RCS_APP)], { appExtras: extras(ALL) });
    const g = m.expectedGrants(RCS_APP);
    expect(g[PERFORM_IMS_SINGLE_REGISTRATION]).toMatchObject({ granted: false, rule: 'single-reg-denied' });
    expect(g[PERFORM_IMS_SINGLE_REGISTRATION]?.reason).toContain('holds none of the sms roles');
    expect(g[ACCESS_RCS_USER_CAPABILITY_EXCHANGE]?.granted).toBe(true);
    expect(g[CONNECTIVITY_USE_RESTRICTED_NETWORKS]?.granted).toBe(true);
    m.apply(S.setRole('dialer', null));
    expect(m.expectedGrants(RCS_APP)[ACCESS_RCS_USER_CAPABILITY_EXCHANGE]?.granted).toBe(false);
  });

  test('a third-party (non-privileged) app with the SMS role is denied everything', () => {
    const g = modelAfter(w('data'), [S.setRole('sms', RCS_APP)], { appExtras: extras(ALL) }).expectedGrants(RCS_APP);
    for (const p of ALL) expect(g[p]?.granted).toBe(false);
    expect(g[PERFORM_IMS_SINGLE_REGISTRATION]?.reason).toContain('not as a privileged app');
  });

  test('permissions not requested do not appear', () => {
    expect(modelAfter(w(), [], { appExtras: extras([CONNECTIVITY_USE_RESTRICTED_NETWORKS]) }).expectedGrants(RCS_APP))
      .toEqual({ [CONNECTIVITY_USE_RESTRICTED_NETWORKS]: expect.objectContaining({ granted: true }) });
    expect(modelAfter(w()).expectedGrants(RCS_APP)).toEqual({});
  });
});

describe('scenario API and views', () => {
  const s = scenario(world({ sims: { '0': carrierA } }), [
    S.check(), S.removeSim(0), { kind: 'check', bindings: { '0': { RCS: CARRIER_A } } }, S.checkGrants(RCS_APP),
  ]);

  test('expectationsFor gives a table per check step and grants per checkGrants step', () => {
    const { tables, grants } = expectationsFor(s);
    expect([...tables.keys()]).toEqual([0, 2]);
    expect([...grants.keys()]).toEqual([3]);
    expect(toBindingTable(tables.get(0)!)['0']?.RCS).toBe(CARRIER_A);
    expect(toBindingTable(tables.get(2)!)['0']?.RCS).toBe(OEM);
  });

  test('explainScenario notes the lifecycle rule of crash, restartPhone and reboot', () => {
    const steps = [S.crash(OEM), S.restartPhone(), S.reboot(), S.removeSim(0)];
    const notes = explainScenario(scenario(world(), steps)).map((e) => e.note?.rule);
    expect(notes).toEqual(['crash-rebind', 'overrides-dropped', 'overrides-dropped', undefined]);
  });

  test('a pin that disagrees with the model is reported', () => {
    const { tables } = expectationsFor(s);
    expect(pinConflicts(s.steps[2]!, tables.get(2)!)).toEqual([expect.stringContaining('slot 0 RCS')]);
    expect(pinConflicts({ kind: 'check', bindings: { '0': { RCS: OEM, MMTEL: OEM } } }, tables.get(2)!)).toEqual([]);
  });

  test('the reason table carries rule, reason and the cited sentence text', () => {
    const r = toReasonTable(expectationsFor(s).tables.get(0)!);
    expect(r['0']?.RCS?.rule).toBe('carrier-override');
    expect(r['0']?.RCS?.citation).toContain(DOC.priorityCarrier.text);
    expect(formatExpectedTable(expectationsFor(s).tables.get(0)!)).toMatch(/slot 0 RCS → com\.carrier\.a\.ims {2}\[carrier-override\]/);
  });

  test('every rule cites at least one documentation sentence that exists', () => {
    for (const [id, rule] of Object.entries(RULES)) {
      expect({ id, n: rule.cites.length > 0 }).toEqual({ id, n: true });
      for (const c of rule.cites) expect(DOC[c]).toBeDefined();
    }
  });
});
