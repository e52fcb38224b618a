// Eligibility (registration-steps, bind-permission, system-apps-only, trusted-only) and what an app
// provides (query-supported, compat-binding, behaviours).
import {
  CARRIER_B, OEM, S, app, bindingsAfter, carrierB, carrierAApp, carrierBApp, cell, oemApp, tableAfter, world,
} from './builder';

describe('eligible services', () => {
  test('a carrier package that is not installed falls back to the device default (not-installed)', () => {
    const w = world({ sims: { '0': carrierB }, apps: [oemApp(), carrierAApp(), carrierBApp({ installed: false })] });
    const t = tableAfter(w);
    expect(cell(t, '0', 'MMTEL').package).toBe(OEM);
    expect(cell(t, '0', 'MMTEL').rule).toBe('not-installed');
    expect(cell(t, '0', 'MMTEL').reason).toContain('com.carrier.b.ims is not installed');
    expect(cell(t, '0', 'MMTEL').cites).toEqual(expect.arrayContaining(['perFeatureFallback', 'priorityDevice']));
    // …and install brings it back.
    expect(bindingsAfter(w, [S.install(CARRIER_B)])['0']?.MMTEL).toBe(CARRIER_B);
  });

  test('a package configured but unknown to the device is not installed', () => {
    const w = world({ sims: { '0': { name: 'x', values: { config_ims_mmtel_package_override_string: 'com.nowhere.ims' } } } });
    const t = tableAfter(w);
    expect(cell(t, '0', 'MMTEL').package).toBe(OEM);
    expect(cell(t, '0', 'MMTEL').rule).toBe('not-installed');
  });

  test('a service without BIND_IMS_SERVICE is not eligible, even with override_bind_check', () => {
    for (const overrideBindCheck of [false, true]) {
      const w = world({ sims: { '0': carrierB }, apps: [oemApp(), carrierBApp({ permission: false, overrideBindCheck })] });
      const t = tableAfter(w);
      expect(cell(t, '0', 'MMTEL').package).toBe(OEM);
      expect(cell(t, '0', 'MMTEL').rule).toBe('no-bind-permission');
      expect(cell(t, '0', 'MMTEL').reason.includes('override_bind_check')).toBe(overrideBindCheck);
    }
  });

  test.each(['system', 'data'] as const)('an app in %s (not priv-app) is not eligible', (location) => {
    const w = world({ sims: { '0': carrierB }, apps: [oemApp(), carrierBApp({ location })] });
    const t = tableAfter(w);
    expect(cell(t, '0', 'RCS').package).toBe(OEM);
    expect(cell(t, '0', 'RCS').rule).toBe('not-priv-app');
    expect(cell(t, '0', 'RCS').cites).toContain('systemAppsOnly');
  });

  test('an ineligible device default leaves the cell empty, with the reason it lost', () => {
    const t = tableAfter(world({ apps: [oemApp({ location: 'data' })] }));
    expect(cell(t, '0', 'MMTEL').package).toBeNull();
    expect(cell(t, '0', 'MMTEL').rule).toBe('not-priv-app');
    expect(cell(t, '0', 'EMERGENCY_MMTEL').rule).toBe('emergency-needs-mmtel');
  });

  test('nothing configured: nothing bound (no-ims-service)', () => {
    const t = tableAfter(world({ overlay: { mmtel: '', rcs: '' } }));
    expect(cell(t, '0', 'MMTEL')).toMatchObject({ package: null, rule: 'no-ims-service' });
    expect(cell(t, '0', 'RCS').reason).toContain('config_ims_rcs_package is empty');
  });
});

describe('supported features', () => {
  test('a current ImsService provides what querySupportedImsFeatures answers per slot, not its meta-data', () => {
    const oem = oemApp({ metadata: ['EMERGENCY_MMTEL', 'MMTEL', 'RCS'], answers: { '0': ['RCS'] } });
    const t = tableAfter(world({ apps: [oem] }));
    expect(cell(t, '0', 'MMTEL')).toMatchObject({ package: null, rule: 'feature-not-supported' });
    expect(cell(t, '0', 'RCS').package).toBe(OEM);
    expect(cell(t, '0', 'RCS').reason).toContain('answers querySupportedImsFeatures with [RCS] on slot 0');
  });

  test('a compat ImsService provides its manifest meta-data on every slot', () => {
    const compat = app('com.legacy.ims', ['EMERGENCY_MMTEL', 'MMTEL'], { action: 'compat', answers: {} });
    const w = world({ slots: 2, apps: [compat], overlay: { mmtel: 'com.legacy.ims', rcs: 'com.legacy.ims' } });
    const t = tableAfter(w);
    for (const slot of ['0', '1'] as const) {
      expect(cell(t, slot, 'MMTEL').package).toBe('com.legacy.ims');
      expect(cell(t, slot, 'EMERGENCY_MMTEL').package).toBe('com.legacy.ims');
      expect(cell(t, slot, 'RCS').package).toBeNull();
    }
    expect(cell(t, '0', 'MMTEL').cites).toContain('compatBinding');
  });

  test.each(['null-binding', 'query-error', 'crash-on-bind'] as const)('a carrier service that behaves as %s provides nothing: per-feature fallback', (behaviour) => {
    const t = tableAfter(world({ sims: { '0': carrierB }, apps: [oemApp(), carrierBApp({ behaviour })] }));
    expect(cell(t, '0', 'MMTEL')).toMatchObject({ package: OEM, rule: 'service-unavailable' });
    expect(cell(t, '0', 'RCS').reason).toContain(behaviour);
  });

  test('setBehaviour changes what the app provides at once', () => {
    const w = world({ sims: { '0': carrierB } });
    expect(bindingsAfter(w, [S.setBehaviour(CARRIER_B, 'null-binding')])['0']?.MMTEL).toBe(OEM);
    expect(bindingsAfter(w, [S.setBehaviour(CARRIER_B, 'null-binding'), S.setBehaviour(CARRIER_B, 'normal')])['0']?.MMTEL).toBe(CARRIER_B);
  });

  test('setFeatures replaces the supported set; updateApp replaces the answers and resets setFeatures', () => {
    const w = world({ sims: { '0': carrierB } });
    expect(bindingsAfter(w, [S.setFeatures(CARRIER_B, { '0': ['RCS'] })])['0']).toMatchObject({ MMTEL: OEM, RCS: CARRIER_B });
    expect(cell(tableAfter(w, [S.setFeatures(CARRIER_B, { '0': ['RCS'] })]), '0', 'MMTEL').reason).toContain('onUpdateSupportedImsFeatures');
    expect(bindingsAfter(w, [S.updateApp(CARRIER_B, { answers: { '0': ['MMTEL'] } })])['0']).toMatchObject({ MMTEL: CARRIER_B, RCS: OEM });
    // The update restarts the app: what it reported before is forgotten.
    expect(bindingsAfter(w, [S.setFeatures(CARRIER_B, { '0': ['RCS'] }), S.updateApp(CARRIER_B, { answers: { '0': ['MMTEL', 'RCS'] } })])['0'])
      .toMatchObject({ MMTEL: CARRIER_B, RCS: CARRIER_B });
  });

  test('updateApp of a compat app replaces its meta-data', () => {
    const compat = app('com.legacy.ims', ['MMTEL'], { action: 'compat' });
    const w = world({ apps: [compat], overlay: { mmtel: 'com.legacy.ims', rcs: 'com.legacy.ims' } });
    expect(bindingsAfter(w)['0']).toEqual({ EMERGENCY_MMTEL: null, MMTEL: 'com.legacy.ims', RCS: null });
    expect(bindingsAfter(w, [S.updateApp('com.legacy.ims', { metadata: ['EMERGENCY_MMTEL', 'MMTEL', 'RCS'] })])['0'])
      .toEqual({ EMERGENCY_MMTEL: 'com.legacy.ims', MMTEL: 'com.legacy.ims', RCS: 'com.legacy.ims' });
  });

  test('uninstall of the device default empties its cells', () => {
    const t = tableAfter(world(), [S.uninstall(OEM)]);
    expect(cell(t, '0', 'MMTEL')).toMatchObject({ package: null, rule: 'not-installed' });
  });
});
