import { type Capability, CAPABILITIES } from '../../model';
import { effectiveRequirements, requirementSkip, scenarioRequirements } from '../requirements';
import { app, carrier, pkg, scenario } from './scenario-fixture';

const ALL = new Set(Object.keys(CAPABILITIES) as Capability[]);
const without = (...caps: Capability[]): Set<Capability> => new Set([...ALL].filter((c) => !caps.includes(c)));

describe('scenario requirements', () => {
  it('adds what the world implies: generated apps, privileged install, the overlay, SIMs', () => {
    expect(effectiveRequirements(scenario({ sims: { 0: carrier('carrier-a') } }))).toEqual(['app-realisation', 'priv-app-install', 'device-overlay', 'sim-control', 'ims-resolver']);
  });

  it('a compat ImsService that gets bound needs a target that can run one (a real app cannot be one)', () => {
    const s = scenario({ apps: [app('com.legacy.ims', { action: 'compat', metadata: ['MMTEL'] })] });
    expect(effectiveRequirements(s)).toContain('compat-ims-service');
    expect(requirementSkip(s, ALL)).toBeUndefined();
    expect(requirementSkip(s, without('compat-ims-service'))).toBe(
      'target lacks compat-ims-service: run a compat ImsService (android.telephony.ims.compat.ImsService) that gets bound: its feature classes are hidden API, so only a platform-signed app can be one; the reference device simulates it '
      + '(needed for apps[1]: com.legacy.ims is a compat ImsService (android.telephony.ims.compat.ImsService): a real app can be one only if it is platform-signed (its feature classes are hidden API))');
    expect(effectiveRequirements(scenario())).not.toContain('compat-ims-service');
    // Without feature meta-data ImsResolver never binds a compat app (its code never runs): any app will do.
    expect(effectiveRequirements(scenario({ apps: [app('com.legacy.ims', { action: 'compat' })] }))).not.toContain('compat-ims-service');
  });

  it('adds what the steps need', () => {
    const s = scenario({ steps: [{ kind: 'setFeatures', package: pkg('com.oem.ims'), features: { 0: ['MMTEL'] } }, { kind: 'crash', package: pkg('com.oem.ims') }, { kind: 'check' }] });
    expect(effectiveRequirements(s)).toEqual(expect.arrayContaining(['configurable-features', 'fault-injection']));
  });

  it('a missing capability is a skip with the reason `target lacks <cap>: <description>`', () => {
    const s = scenario({ steps: [{ kind: 'setSlotCount', slots: 2 }, { kind: 'check' }] });
    expect(requirementSkip(s, ALL)).toBeUndefined();
    expect(requirementSkip(s, without('msim-control'))).toBe('target lacks msim-control: change the number of active SIM slots (needed for steps[0] (setSlotCount))');
  });

  it('the observer app is a priv-app, and ImsStateCallbackController needs the IMS feature even without a binding check', () => {
    const s = scenario({ overlay: { mmtel: '', rcs: '' }, apps: [], steps: [{ kind: 'registerStateCallback', id: 'mmtel0', slot: 0, feature: 'MMTEL' }, { kind: 'checkStateCallbacks' }] });
    expect(scenarioRequirements(s).filter((r) => /observer|ImsStateCallbackController/.test(r.because))).toEqual([
      { anyOf: ['priv-app-install'], because: 'the observer app (state-callback steps), a privileged app' },
      { anyOf: ['ims-resolver'], because: 'ImsStateCallbackController (created only with android.hardware.telephony.ims)' },
    ]);
    expect(requirementSkip(s, without('ims-resolver'))).toMatch(/^target lacks ims-resolver: .*ImsStateCallbackController/);
  });

  it('accepts either way of realising a need, and names the alternative', () => {
    const s = scenario({ sims: { 0: carrier('carrier-a') } });
    expect(requirementSkip(s, without('sim-control'))).toBeUndefined();
    expect(requirementSkip(s, without('sim-control', 'carrier-config'))).toMatch(/^target lacks sim-control: .*carrier-config would also do\)$/);
  });

  it('an overlay set by shell override does not survive a reboot step: device-overlay is then required', () => {
    expect(requirementSkip(scenario(), without('device-overlay'))).toBeUndefined();
    expect(requirementSkip(scenario({ steps: [{ kind: 'reboot' }, { kind: 'check' }] }), without('device-overlay'))).toMatch(/^target lacks device-overlay: .*reboot\/restartPhone/);
  });
});
