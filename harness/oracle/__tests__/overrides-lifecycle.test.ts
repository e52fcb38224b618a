// Shell overrides (cmd phone ims help text), slot count changes and lifecycle steps.
import {
  CARRIER_A, CARRIER_B, OEM, S, app, bindingsAfter, carrierA, carrierB, carrierAApp, carrierBApp, cell, oemApp, tableAfter, world,
} from './builder';

describe('shell overrides', () => {
  const w = world({ sims: { '0': carrierA } });

  test('a carrier override replaces the carrier package for the listed features only', () => {
    const t = tableAfter(w, [S.override(0, 'carrier', ['MMTEL'], CARRIER_B)]);
    expect(cell(t, '0', 'MMTEL')).toMatchObject({ package: CARRIER_B, rule: 'shell-override-carrier' });
    expect(cell(t, '0', 'MMTEL').cites).toContain('shellOverrideCarrier');
    // RCS keeps its carrier configuration (AOSP wipes it: a deviation).
    expect(cell(t, '0', 'RCS')).toMatchObject({ package: CARRIER_A, rule: 'override-keeps-other-features' });
    // Emergency follows MMTEL: Carrier B lacks it.
    expect(cell(t, '0', 'EMERGENCY_MMTEL')).toMatchObject({ package: null, rule: 'emergency-csfb' });
  });

  test('an override package that does not provide the feature falls back to the device default', () => {
    const t = tableAfter(w, [S.override(0, 'carrier', ['EMERGENCY_MMTEL', 'MMTEL', 'RCS'], 'none')]);
    expect(cell(t, '0', 'MMTEL')).toMatchObject({ package: OEM, rule: 'not-installed' });
    expect(cell(t, '0', 'RCS').package).toBe(OEM);
  });

  test('a carrier override applies with no SIM in the slot', () => {
    expect(bindingsAfter(world(), [S.override(0, 'carrier', ['MMTEL', 'RCS'], CARRIER_B)])['0']).toMatchObject({ MMTEL: CARRIER_B, RCS: CARRIER_B });
  });

  test('an empty package is no override for those features', () => {
    const t = tableAfter(w, [S.override(0, 'carrier', ['MMTEL', 'RCS'], CARRIER_B), S.override(0, 'carrier', ['RCS'], '')]);
    expect(cell(t, '0', 'RCS')).toMatchObject({ package: CARRIER_A, rule: 'override-keeps-other-features' });
    expect(cell(t, '0', 'MMTEL').package).toBe(CARRIER_B);
  });

  test('clearOverride removes the slot\'s carrier overrides, not device ones', () => {
    const steps = [S.override(0, 'carrier', ['MMTEL'], CARRIER_B), S.override(0, 'device', ['RCS'], CARRIER_B), S.clearOverride(0)];
    const t = tableAfter(world(), steps);
    expect(cell(t, '0', 'MMTEL')).toMatchObject({ package: OEM, rule: 'device-default' });
    expect(cell(t, '0', 'RCS')).toMatchObject({ package: CARRIER_B, rule: 'shell-override-device' });
  });

  test('a device override replaces the overlay package device-wide; "" leaves no device package', () => {
    const t = tableAfter(world({ slots: 2 }), [S.override(0, 'device', ['MMTEL'], CARRIER_B)]);
    for (const slot of ['0', '1'] as const) expect(cell(t, slot, 'MMTEL')).toMatchObject({ package: CARRIER_B, rule: 'shell-override-device' });
    expect(cell(t, '0', 'RCS').package).toBe(OEM);
    const cleared = tableAfter(world(), [S.override(0, 'device', ['MMTEL', 'RCS'], '')]);
    expect(cell(cleared, '0', 'MMTEL')).toMatchObject({ package: null, rule: 'no-ims-service' });
  });

  test('the carrier configuration still outranks a device override', () => {
    expect(bindingsAfter(world({ sims: { '0': carrierB } }), [S.override(0, 'device', ['MMTEL'], CARRIER_A)])['0']?.MMTEL).toBe(CARRIER_B);
  });

  test.each([['restartPhone', S.restartPhone()], ['reboot', S.reboot()]])('%s drops all overrides', (_name, step) => {
    const steps = [S.override(0, 'carrier', ['MMTEL'], CARRIER_B), S.override(0, 'device', ['RCS'], ''), step];
    expect(bindingsAfter(w, steps)['0']).toEqual({ EMERGENCY_MMTEL: OEM, MMTEL: OEM, RCS: CARRIER_A });
  });
});

describe('slots', () => {
  const apps = [oemApp(), carrierAApp(), carrierBApp()];

  test('inactive slots are absent; a SIM in slot 1 reappears when the count grows back', () => {
    const w = world({ slots: 2, apps, sims: { '0': carrierA, '1': carrierB } });
    expect(bindingsAfter(w)).toEqual({
      '0': { EMERGENCY_MMTEL: OEM, MMTEL: OEM, RCS: CARRIER_A },
      '1': { EMERGENCY_MMTEL: null, MMTEL: CARRIER_B, RCS: CARRIER_B },
    });
    expect(Object.keys(bindingsAfter(w, [S.setSlotCount(1)]))).toEqual(['0']);
    expect(bindingsAfter(w, [S.setSlotCount(1), S.setSlotCount(2)])['1']).toEqual({ EMERGENCY_MMTEL: null, MMTEL: CARRIER_B, RCS: CARRIER_B });
  });

  test('growing to two slots binds the device default on the new slot', () => {
    expect(bindingsAfter(world({ apps }), [S.setSlotCount(2)])['1']).toEqual({ EMERGENCY_MMTEL: OEM, MMTEL: OEM, RCS: OEM });
  });

  test('per-slot answers decide per slot', () => {
    const oem = oemApp({ answers: { '0': ['EMERGENCY_MMTEL', 'MMTEL', 'RCS'], '1': ['RCS'] } });
    const b = bindingsAfter(world({ slots: 2, apps: [oem] }));
    expect(b['1']).toEqual({ EMERGENCY_MMTEL: null, MMTEL: null, RCS: OEM });
  });
});

describe('lifecycle', () => {
  test('a crash changes nothing (the framework binds it again)', () => {
    const w = world({ sims: { '0': carrierB } });
    expect(bindingsAfter(w, [S.setFeatures(CARRIER_B, { '0': ['RCS'] }), S.crash(CARRIER_B)])).toEqual(bindingsAfter(w, [S.setFeatures(CARRIER_B, { '0': ['RCS'] })]));
  });

  test('reboot restarts apps: reported features give way to the manifest answers', () => {
    const w = world({ sims: { '0': carrierB } });
    expect(bindingsAfter(w, [S.setFeatures(CARRIER_B, { '0': ['RCS'] }), S.reboot()])['0']?.MMTEL).toBe(CARRIER_B);
  });

  test('an app installed by a step becomes eligible then', () => {
    const late = app('com.late.ims', ['MMTEL', 'RCS'], { installed: false });
    const w = world({ apps: [oemApp(), late], sims: { '0': { name: 'late', values: { config_ims_mmtel_package_override_string: 'com.late.ims' } } } });
    expect(bindingsAfter(w)['0']?.MMTEL).toBe(OEM);
    expect(bindingsAfter(w, [S.install('com.late.ims')])['0']?.MMTEL).toBe('com.late.ims');
  });
});
