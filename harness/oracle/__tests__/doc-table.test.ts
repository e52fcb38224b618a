// The documented three-app table (seed 000, "Binding priority for multiple ImsService"): it must come
// out exactly, with the rule and the inputs that decided each cell.
import {
  CARRIER_A, CARRIER_B, OEM, app, bindingsAfter, carrierA, carrierB, cell, carrierBApp, oemApp, carrierAApp, tableAfter, world,
} from './builder';

describe('documented three-app table', () => {
  test('Carrier A SIM: RCS from Carrier A, MMTEL (and emergency) from the OEM service', () => {
    const t = tableAfter(world({ sims: { '0': carrierA } }));
    expect(bindingsAfter(world({ sims: { '0': carrierA } }))).toEqual({ '0': { EMERGENCY_MMTEL: OEM, MMTEL: OEM, RCS: CARRIER_A } });
    expect(cell(t, '0', 'RCS').rule).toBe('carrier-override');
    expect(cell(t, '0', 'RCS').reason).toContain('config_ims_rcs_package_override_string = com.carrier.a.ims');
    expect(cell(t, '0', 'RCS').reason).toContain('SIM carrier-a in slot 0');
    expect(cell(t, '0', 'RCS').cites).toEqual(expect.arrayContaining(['priorityCarrier']));
    expect(cell(t, '0', 'MMTEL').rule).toBe('device-default');
    expect(cell(t, '0', 'MMTEL').reason).toContain('names no MMTEL package');
    expect(cell(t, '0', 'MMTEL').reason).toContain('config_ims_mmtel_package = com.oem.ims');
    expect(cell(t, '0', 'EMERGENCY_MMTEL').rule).toBe('emergency-follows-mmtel');
  });

  test('Carrier B SIM: both features from Carrier B; no emergency because Carrier B does not declare it', () => {
    const t = tableAfter(world({ sims: { '0': carrierB } }));
    expect(bindingsAfter(world({ sims: { '0': carrierB } }))).toEqual({ '0': { EMERGENCY_MMTEL: null, MMTEL: CARRIER_B, RCS: CARRIER_B } });
    expect(cell(t, '0', 'MMTEL').rule).toBe('carrier-override');
    expect(cell(t, '0', 'RCS').rule).toBe('carrier-override');
    expect(cell(t, '0', 'EMERGENCY_MMTEL').rule).toBe('emergency-csfb');
    expect(cell(t, '0', 'EMERGENCY_MMTEL').reason).toContain('com.carrier.b.ims serves MMTEL');
  });

  test('Carrier B supporting emergency serves EMERGENCY_MMTEL too', () => {
    const w = world({ sims: { '0': carrierB }, apps: [oemApp(), carrierAApp(), carrierBApp({ answers: { '0': ['EMERGENCY_MMTEL', 'MMTEL', 'RCS'] } })] });
    expect(bindingsAfter(w)['0']?.EMERGENCY_MMTEL).toBe(CARRIER_B);
  });

  test('no SIM: both features (and emergency) from the OEM service', () => {
    const t = tableAfter(world());
    expect(bindingsAfter(world())).toEqual({ '0': { EMERGENCY_MMTEL: OEM, MMTEL: OEM, RCS: OEM } });
    expect(cell(t, '0', 'MMTEL').rule).toBe('device-default');
    expect(cell(t, '0', 'RCS').reason).toContain('no SIM in slot 0');
  });

  test('a carrier package named for a feature it does not provide falls back per feature', () => {
    // Carrier A's SIM naming Carrier A for MMTEL too: Carrier A only answers RCS.
    const sim = { name: 'carrier-a-both', values: { config_ims_package_override_string: CARRIER_A } };
    const t = tableAfter(world({ sims: { '0': sim } }));
    expect(cell(t, '0', 'MMTEL').package).toBe(OEM);
    expect(cell(t, '0', 'MMTEL').rule).toBe('per-feature-fallback');
    expect(cell(t, '0', 'MMTEL').reason).toContain('no MMTEL');
    expect(cell(t, '0', 'RCS').package).toBe(CARRIER_A);
  });

  test('at most two packages per slot (one per feature; emergency follows MMTEL)', () => {
    const extra = app('com.extra.ims', ['EMERGENCY_MMTEL', 'MMTEL', 'RCS']);
    for (const sim of [carrierA, carrierB, null]) {
      const b = bindingsAfter(world({ sims: { '0': sim }, apps: [oemApp(), carrierAApp(), carrierBApp(), extra] }))['0']!;
      const pkgs = new Set([b.EMERGENCY_MMTEL, b.MMTEL, b.RCS].filter((p) => p !== null));
      expect(pkgs.size).toBeLessThanOrEqual(2);
      expect(pkgs.has('com.extra.ims')).toBe(false); // installed but configured nowhere: never bound
    }
  });
});
