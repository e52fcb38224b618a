// EMERGENCY_MMTEL (emergency-needs-mmtel, emergency-csfb) and the device-default finding (priority-device).
import { CARRIER_B, OEM, app, carrierB, carrierBApp, cell, modelAfter, oemApp, tableAfter, world } from './builder';

describe('EMERGENCY_MMTEL', () => {
  test('follows the package serving MMTEL when it declares emergency', () => {
    const t = tableAfter(world());
    expect(cell(t, '0', 'EMERGENCY_MMTEL')).toMatchObject({ package: OEM, rule: 'emergency-follows-mmtel' });
  });

  test('circuit-switched fallback when the MMTEL package does not declare emergency, even if the OEM does', () => {
    const t = tableAfter(world({ sims: { '0': carrierB } }));
    expect(cell(t, '0', 'EMERGENCY_MMTEL')).toMatchObject({ package: null, rule: 'emergency-csfb' });
    expect(cell(t, '0', 'EMERGENCY_MMTEL').cites).toContain('emergencyCsfb');
  });

  test('emergency declared without MMTEL is dropped', () => {
    // Carrier B answers EMERGENCY_MMTEL + RCS only: it cannot serve MMTEL, the OEM does (with emergency).
    const w = world({ sims: { '0': carrierB }, apps: [oemApp(), carrierBApp({ answers: { '0': ['EMERGENCY_MMTEL', 'RCS'] } })] });
    const t = tableAfter(w);
    expect(cell(t, '0', 'MMTEL')).toMatchObject({ package: OEM, rule: 'per-feature-fallback' });
    expect(cell(t, '0', 'EMERGENCY_MMTEL').package).toBe(OEM);
    expect(cell(t, '0', 'EMERGENCY_MMTEL').reason).toContain(`${CARRIER_B} declares EMERGENCY_MMTEL without MMTEL`);
    expect(cell(t, '0', 'RCS').package).toBe(CARRIER_B);
  });

  test('an app declaring only emergency is bound for nothing', () => {
    const e = app('com.e.ims', ['EMERGENCY_MMTEL']);
    const t = tableAfter(world({ apps: [e], overlay: { mmtel: 'com.e.ims', rcs: 'com.e.ims' } }));
    expect(cell(t, '0', 'MMTEL')).toMatchObject({ package: null, rule: 'feature-not-supported' });
    expect(cell(t, '0', 'EMERGENCY_MMTEL')).toMatchObject({ package: null, rule: 'emergency-needs-mmtel' });
  });

  test('a device default without emergency is still bound for MMTEL, and reported as a finding', () => {
    const m = modelAfter(world({ apps: [oemApp({ answers: { '0': ['MMTEL', 'RCS'] } })] }));
    const t = m.expected();
    expect(cell(t, '0', 'MMTEL').package).toBe(OEM);
    expect(cell(t, '0', 'EMERGENCY_MMTEL')).toMatchObject({ package: null, rule: 'emergency-csfb' });
    expect(m.findings()).toEqual([expect.objectContaining({ rule: 'device-default-emergency', slot: '0', package: OEM, cites: ['priorityDevice'] })]);
  });

  test('no finding when a carrier package (not the device default) lacks emergency', () => {
    expect(modelAfter(world({ sims: { '0': carrierB } })).findings()).toEqual([]);
  });
});
