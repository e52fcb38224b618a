// Carrier-configured packages: split keys, the deprecated legacy key, "" suppression, setCarrierConfig,
// and per-feature fallback when the configuration changes (priority-carrier, per-feature-fallback).
import {
  CARRIER_A, CARRIER_B, LEGACY_KEY, MMTEL_KEY, OEM, RCS_KEY, S, bindingsAfter, carrierA, carrierB, cell, profile, tableAfter, world,
} from './builder';

describe('carrier configuration keys', () => {
  test('the deprecated key names the package for both features where the split keys are unset', () => {
    const t = tableAfter(world({ sims: { '0': profile('legacy', { [LEGACY_KEY]: CARRIER_B }) } }));
    expect(cell(t, '0', 'MMTEL')).toMatchObject({ package: CARRIER_B, rule: 'carrier-legacy-key' });
    expect(cell(t, '0', 'RCS')).toMatchObject({ package: CARRIER_B, rule: 'carrier-legacy-key' });
    expect(cell(t, '0', 'MMTEL').reason).toContain('not in the seed documentation');
  });

  test('a split key takes precedence over the deprecated key', () => {
    const t = tableAfter(world({ sims: { '0': profile('mixed', { [LEGACY_KEY]: CARRIER_B, [RCS_KEY]: CARRIER_A }) } }));
    expect(cell(t, '0', 'RCS')).toMatchObject({ package: CARRIER_A, rule: 'carrier-override' });
    expect(cell(t, '0', 'MMTEL')).toMatchObject({ package: CARRIER_B, rule: 'carrier-legacy-key' });
  });

  test('a null split key lets the deprecated key apply', () => {
    const t = tableAfter(world({ sims: { '0': profile('nulls', { [LEGACY_KEY]: CARRIER_B, [MMTEL_KEY]: null }) } }));
    expect(cell(t, '0', 'MMTEL')).toMatchObject({ package: CARRIER_B, rule: 'carrier-legacy-key' });
  });

  test('an explicit "" in a split key means no carrier package and suppresses the deprecated key', () => {
    const t = tableAfter(world({ sims: { '0': profile('empty-mmtel', { [LEGACY_KEY]: CARRIER_B, [MMTEL_KEY]: '' }) } }));
    expect(cell(t, '0', 'MMTEL')).toMatchObject({ package: OEM, rule: 'device-default' });
    expect(cell(t, '0', 'MMTEL').reason).toContain(`suppresses the deprecated ${LEGACY_KEY} = ${CARRIER_B}`);
    expect(cell(t, '0', 'RCS')).toMatchObject({ package: CARRIER_B, rule: 'carrier-legacy-key' });
  });
});

describe('per-feature fallback as the configuration changes', () => {
  test('carrier config cleared (setCarrierConfig null) → device default', () => {
    const t = tableAfter(world({ sims: { '0': carrierA } }), [S.setCarrierConfig(0, { [RCS_KEY]: null })]);
    expect(cell(t, '0', 'RCS')).toMatchObject({ package: OEM, rule: 'device-default' });
    expect(cell(t, '0', 'RCS').reason).toContain(`${RCS_KEY} is unset`);
  });

  test('carrier config switched to a package lacking the feature → device default for that feature only', () => {
    const t = tableAfter(world({ sims: { '0': carrierB } }), [S.setCarrierConfig(0, { [MMTEL_KEY]: CARRIER_A, [RCS_KEY]: CARRIER_A })]);
    expect(cell(t, '0', 'MMTEL')).toMatchObject({ package: OEM, rule: 'per-feature-fallback' });
    expect(cell(t, '0', 'RCS')).toMatchObject({ package: CARRIER_A, rule: 'carrier-override' });
  });

  test('carrier package uninstalled → device default; reinstalled → carrier again', () => {
    const w = world({ sims: { '0': carrierB } });
    expect(cell(tableAfter(w, [S.uninstall(CARRIER_B)]), '0', 'RCS')).toMatchObject({ package: OEM, rule: 'not-installed' });
    expect(bindingsAfter(w, [S.uninstall(CARRIER_B), S.install(CARRIER_B)])['0']?.RCS).toBe(CARRIER_B);
  });

  test('setCarrierConfig values stay on the SIM until it is removed', () => {
    const w = world({ sims: { '0': carrierA } });
    const steps = [S.setCarrierConfig(0, { [RCS_KEY]: CARRIER_B }), S.removeSim(0), S.insertSim(0, carrierA)];
    expect(bindingsAfter(w, steps.slice(0, 1))['0']?.RCS).toBe(CARRIER_B);
    expect(bindingsAfter(w, steps)['0']?.RCS).toBe(CARRIER_A);
  });

  test('setCarrierConfig without a SIM changes nothing', () => {
    expect(bindingsAfter(world(), [S.setCarrierConfig(0, { [MMTEL_KEY]: CARRIER_B })])['0']?.MMTEL).toBe(OEM);
  });

  test('SIM swap: Carrier A to Carrier B', () => {
    expect(bindingsAfter(world({ sims: { '0': carrierA } }), [S.removeSim(0), S.insertSim(0, carrierB)])['0'])
      .toEqual({ EMERGENCY_MMTEL: null, MMTEL: CARRIER_B, RCS: CARRIER_B });
  });

  test('SIM removed: the carrier RCS package is no longer selected (rcs-sim-removed)', () => {
    const t = tableAfter(world({ sims: { '0': carrierA } }), [S.removeSim(0)]);
    expect(cell(t, '0', 'RCS')).toMatchObject({ package: OEM, rule: 'rcs-sim-removed' });
    expect(cell(t, '0', 'RCS').cites).toContain('rcsSimRemoved');
    expect(cell(t, '0', 'MMTEL')).toMatchObject({ package: OEM, rule: 'device-default' });
    // Without an RCS device default the cell is empty.
    const bare = tableAfter(world({ sims: { '0': carrierA }, overlay: { mmtel: OEM, rcs: '' } }), [S.removeSim(0)]);
    expect(cell(bare, '0', 'RCS')).toMatchObject({ package: null, rule: 'rcs-sim-removed' });
  });
});
