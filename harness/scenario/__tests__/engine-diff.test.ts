import * as path from 'node:path';
import { type BindingTable } from '../../model';
import { DocumentedModel, type ExpectedTable } from '../../oracle';
import { SUITES_DIR } from '../../paths';
import { type WaiverRef } from '../../results';
import { applyWaivers, checkpointStatus, completeObserved, diffBindings, diffGrants, INACTIVE_SLOT_RULE, NO_WAIVERS } from '../engine-diff';
import { parseScenario } from '../loader';

/** The documented expectation of the doc table's Carrier A row (seed 000). */
function carrierAExpectation(): ExpectedTable {
  const s = parseScenario(`
id: t.carrier-a
title: t
area: priority
doc: d
device: { slots: 1, overlay: { mmtel: com.oem.ims, rcs: com.oem.ims } }
apps:
  - { package: com.oem.ims, metadata: [EMERGENCY_MMTEL, MMTEL, RCS], answers: { "0": [EMERGENCY_MMTEL, MMTEL, RCS] } }
  - { package: com.carrier.a.ims, answers: { "0": [RCS] } }
sims: { "0": carrier-a }
steps: [ { check: {} } ]
`, path.join(SUITES_DIR, 'priority', 't.yaml'));
  return new DocumentedModel({ world: s.world }).expected();
}

const observedAsDocumented: BindingTable = { 0: { EMERGENCY_MMTEL: 'com.oem.ims', MMTEL: 'com.oem.ims', RCS: 'com.carrier.a.ims' } };

describe('diffBindings', () => {
  it('finds no difference when the target binds what the documentation says', () => {
    expect(diffBindings(carrierAExpectation(), observedAsDocumented)).toEqual([]);
  });

  it('reports each differing cell with the rule that decided the expectation', () => {
    const observed: BindingTable = { 0: { EMERGENCY_MMTEL: 'com.oem.ims', MMTEL: 'com.oem.ims', RCS: 'com.oem.ims' } };
    const diffs = diffBindings(carrierAExpectation(), observed);
    expect(diffs).toEqual([{ slot: '0', feature: 'RCS', expected: 'com.carrier.a.ims', observed: 'com.oem.ims', rule: 'carrier-override' }]);
  });

  it('treats several bound services claiming one cell as a difference (one service per feature per slot)', () => {
    const observed: BindingTable = { 0: { EMERGENCY_MMTEL: 'com.oem.ims', MMTEL: 'com.oem.ims', RCS: ['com.carrier.a.ims', 'com.oem.ims'] } };
    expect(diffBindings(carrierAExpectation(), observed).map((d) => d.feature)).toEqual(['RCS']);
  });

  it('reports a binding on a slot the model does not have as a difference', () => {
    const observed: BindingTable = { ...observedAsDocumented, 1: { EMERGENCY_MMTEL: null, MMTEL: 'com.oem.ims', RCS: null } };
    expect(diffBindings(carrierAExpectation(), observed)).toEqual([{ slot: '1', feature: 'MMTEL', expected: null, observed: 'com.oem.ims', rule: INACTIVE_SLOT_RULE }]);
  });

  it('completes the observed table to every slot and feature of both tables', () => {
    expect(completeObserved(carrierAExpectation(), {})).toEqual({ 0: { EMERGENCY_MMTEL: null, MMTEL: null, RCS: null } });
  });
});

describe('waivers', () => {
  const waiver: WaiverRef = { id: 'aosp-x', justification: 'AOSP does it', reference: '§1.8' };
  const diffs = [
    { slot: '0' as const, feature: 'RCS' as const, expected: 'a.b', observed: 'c.d', rule: 'carrier-override' },
    { slot: '0' as const, feature: 'MMTEL' as const, expected: 'a.b', observed: null, rule: 'device-default' },
  ];

  it('a waived difference stays a difference and is never a pass', () => {
    const all = applyWaivers(diffs, () => waiver);
    expect(all).toHaveLength(2);
    expect(all.every((d) => d.waiver?.id === 'aosp-x')).toBe(true);
    expect(checkpointStatus(all)).toBe('waived');
  });

  it('one unwaived difference fails the checkpoint', () => {
    const some = applyWaivers(diffs, (d) => ('feature' in d && d.feature === 'RCS' ? waiver : undefined));
    expect(checkpointStatus(some)).toBe('fail');
  });

  it('no difference passes', () => {
    expect(checkpointStatus(applyWaivers([], NO_WAIVERS))).toBe('pass');
  });
});

describe('diffGrants', () => {
  const expected = {
    'android.permission.PERFORM_IMS_SINGLE_REGISTRATION': { granted: true, rule: 'single-reg-permission', reason: 'r', cites: [] },
    'android.permission.ACCESS_RCS_USER_CAPABILITY_EXCHANGE': { granted: false, rule: 'uce-permission', reason: 'r', cites: [] },
  } as const;

  it('compares what the package dump shows with the documented grants', () => {
    const check = diffGrants('com.x', expected, (p) => p.endsWith('EXCHANGE'), NO_WAIVERS);
    expect(check.diffs.map((d) => [d.permission, d.expected, d.observed])).toEqual([
      ['android.permission.ACCESS_RCS_USER_CAPABILITY_EXCHANGE', false, true],
      ['android.permission.PERFORM_IMS_SINGLE_REGISTRATION', true, false],
    ]);
    expect(check.observed).toEqual({ 'android.permission.ACCESS_RCS_USER_CAPABILITY_EXCHANGE': true, 'android.permission.PERFORM_IMS_SINGLE_REGISTRATION': false });
  });
});
