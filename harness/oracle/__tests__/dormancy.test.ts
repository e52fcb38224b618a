// no-features-unbound: "If the IMS app updates the framework with no features supported, the ImsService
// will be unbound until the phone is rebooted or a new SIM card is inserted that matches the IMS app."
import { CARRIER_B, MMTEL_KEY, OEM, RCS_KEY, S, bindingsAfter, carrierA, carrierB, cell, tableAfter, world } from './builder';

describe('no features ⇒ unbound (dormancy)', () => {
  const w = world({ sims: { '0': carrierB } });
  const silence = S.setFeatures(CARRIER_B, {});

  test('reporting no features unbinds the app everywhere; the device default takes over', () => {
    const t = tableAfter(w, [silence]);
    expect(cell(t, '0', 'MMTEL')).toMatchObject({ package: OEM, rule: 'no-features-unbound' });
    expect(cell(t, '0', 'RCS')).toMatchObject({ package: OEM, rule: 'no-features-unbound' });
  });

  test('EMERGENCY_MMTEL alone counts as no features', () => {
    expect(cell(tableAfter(w, [S.setFeatures(CARRIER_B, { '0': ['EMERGENCY_MMTEL'] })]), '0', 'MMTEL').rule).toBe('no-features-unbound');
  });

  test('reporting features again later does not bring it back', () => {
    const t = tableAfter(w, [silence, S.setFeatures(CARRIER_B, { '0': ['MMTEL', 'RCS'] })]);
    expect(cell(t, '0', 'MMTEL')).toMatchObject({ package: OEM, rule: 'no-features-unbound' });
  });

  test('a carrier-config change does not wake it, nor does a phone restart', () => {
    expect(bindingsAfter(w, [silence, S.setFeatures(CARRIER_B, { '0': ['MMTEL'] }), S.setCarrierConfig(0, { [MMTEL_KEY]: CARRIER_B, [RCS_KEY]: CARRIER_B })])['0']?.MMTEL).toBe(OEM);
    expect(bindingsAfter(w, [silence, S.restartPhone()])['0']?.MMTEL).toBe(OEM);
  });

  test('reboot wakes it with its manifest answers', () => {
    expect(bindingsAfter(w, [silence, S.setFeatures(CARRIER_B, { '0': ['RCS'] }), S.reboot()])['0'])
      .toEqual({ EMERGENCY_MMTEL: null, MMTEL: CARRIER_B, RCS: CARRIER_B });
  });

  test('a new SIM naming it wakes it with what it last reported', () => {
    const steps = [silence, S.setFeatures(CARRIER_B, { '0': ['RCS'] }), S.removeSim(0), S.insertSim(0, carrierB)];
    expect(bindingsAfter(w, steps)['0']).toEqual({ EMERGENCY_MMTEL: OEM, MMTEL: OEM, RCS: CARRIER_B });
  });

  test('a new SIM that does not name it leaves it dormant', () => {
    const steps = [silence, S.removeSim(0), S.insertSim(0, carrierA), S.setCarrierConfig(0, { [MMTEL_KEY]: CARRIER_B })];
    expect(cell(tableAfter(w, steps), '0', 'MMTEL')).toMatchObject({ package: OEM, rule: 'no-features-unbound' });
  });

  test('a dormant device default leaves its cells empty until reboot', () => {
    const t = tableAfter(world(), [S.setFeatures(OEM, {})]);
    expect(cell(t, '0', 'MMTEL')).toMatchObject({ package: null, rule: 'no-features-unbound' });
    expect(bindingsAfter(world(), [S.setFeatures(OEM, {}), S.reboot()])['0']?.MMTEL).toBe(OEM);
  });

  test('features on an inactive slot only count as none', () => {
    expect(cell(tableAfter(w, [S.setFeatures(CARRIER_B, { '1': ['MMTEL'] })]), '0', 'MMTEL').rule).toBe('no-features-unbound');
  });
});
