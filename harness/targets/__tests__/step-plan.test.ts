import { type Capability, CAPABILITIES, type Step } from '../../model';
import { describeAction } from '../device-action';
import { NotRealisableError, planStep, type PlanContext } from '../step-plan';
import { app, carrier, pkg, scenario } from './scenario-fixture';
import { NO_ROUTES, type TargetRoutes } from '../target-routes';

const s = scenario({
  apps: [app('com.carrier.b.ims', { answers: { 0: ['MMTEL', 'RCS'] }, installed: false }), app('com.data.ims', { location: 'data' })],
  steps: [
    { kind: 'insertSim', slot: 0, carrier: carrier('carrier-b') },
    { kind: 'setCarrierConfig', slot: 0, values: { config_ims_rcs_package_override_string: 'com.carrier.b.ims', config_ims_mmtel_package_override_string: null } },
    { kind: 'removeSim', slot: 0 },
    { kind: 'install', package: pkg('com.carrier.b.ims') },
    { kind: 'uninstall', package: pkg('com.data.ims') },
    { kind: 'updateApp', package: pkg('com.oem.ims'), metadata: ['MMTEL'] },
    { kind: 'setFeatures', package: pkg('com.oem.ims'), features: { 0: ['MMTEL', 'RCS'] } },
    { kind: 'override', slot: 0, scope: 'carrier', features: ['MMTEL', 'RCS'], package: pkg('com.carrier.b.ims') },
    { kind: 'clearOverride', slot: 0 },
    { kind: 'crash', package: pkg('com.oem.ims') },
    { kind: 'restartPhone' },
    { kind: 'setRole', role: 'sms', package: pkg('com.oem.ims') },
    { kind: 'check' },
  ],
});
const ALL = new Set(Object.keys(CAPABILITIES) as Capability[]);
const TOOL = { stimulusTool: true, slotCount: 1, declaredFeatures: [] };
const STOCK = { ...NO_ROUTES, physicalSim: { slot: 0, subId: 7, enabled: true } };
const ctx = (capabilities: ReadonlySet<Capability> = ALL, routes: TargetRoutes = TOOL): PlanContext => ({
  capabilities,
  routes,
  app: (p) => s.world.apps.find((a) => a.package === p),
  extras: () => undefined,
});
const lines = (step: Step, c = ctx()): string[] => planStep(step, c).actions.map(describeAction);
const step = (i: number): Step => s.steps[i]!;

describe('step → device commands', () => {
  it('SIMs go through ims-rig-device with the carrier-config XML pushed first', () => {
    expect(lines(step(0))).toEqual([
      expect.stringMatching(/^push .*fixtures\/carrier-configs\/carrier-b\.xml → \/data\/local\/tmp\/ims-rig\/sim0-carrier-b\.xml$/),
      'ims-rig-device sim insert 0 /data/local/tmp/ims-rig/sim0-carrier-b.xml',
    ]);
    expect(lines(step(2))).toEqual(['ims-rig-device sim remove 0']);
  });

  it('carrier config goes through cmd phone cc set-value as root; null clears a key', () => {
    expect(lines(step(1))).toEqual([
      'adb root',
      'cmd phone cc set-value -s 0 config_ims_rcs_package_override_string com.carrier.b.ims',
      'cmd phone cc set-value -s 0 config_ims_mmtel_package_override_string',
    ]);
  });

  it('a privileged app is installed over its staged placeholder; a data app is installed and uninstalled', () => {
    expect(lines(step(3))).toEqual(['install (generated com.carrier.b.ims.apk)']);
    expect(planStep(step(3), ctx()).route).toMatch(/over the run's staged placeholder/);
    expect(lines(step(4))).toEqual(['uninstall com.data.ims']);
  });

  it('on a stock target the SIM is the target\'s own, switched off and on, with the carrier identity as persistent cc overrides', () => {
    const stock = ctx(ALL, STOCK);
    expect(lines(step(0), stock)).toEqual([
      'adb root', 'cmd phone enable-physical-subscription 7', 'adb root', 'cmd phone cc clear-values -s 0',
      'push (generated text) → /data/local/tmp/ims-rig/cc0-carrier-b.xml', 'cmd phone cc set-values-from-xml -s 0 -p < /data/local/tmp/ims-rig/cc0-carrier-b.xml',
    ]);
    expect(lines(step(2), stock)).toEqual(['adb root', 'cmd phone disable-physical-subscription 7']);
    expect(planStep(step(2), stock).route).toMatch(/UICC applications switched off/);
    expect(lines(step(10), stock)).toEqual(['kill com.android.phone as root (restarted by ActivityManager)']);
    expect(lines(step(6), stock)).toEqual(['am broadcast --include-stopped-packages -n com.oem.ims/org.imsrig.ims.ControlReceiver -a org.imsrig.CONTROL --es features 0=MMTEL,RCS']);
    expect(planStep(step(9), stock).route).toMatch(/control broadcast --ez crash true/);
    expect(() => planStep(step(0), ctx(ALL, NO_ROUTES))).toThrow(/slot 0 has no SIM of the target's own/);
  });

  it('an app update re-installs the APK generated from the updated description', () => {
    const plan = planStep(step(5), ctx());
    expect(plan.actions).toEqual([expect.objectContaining({ kind: 'install-apk', spec: expect.objectContaining({ package: 'com.oem.ims', metadata: ['MMTEL'] }) })]);
  });

  it('features, overrides, crashes, phone restart and roles', () => {
    expect(lines(step(6))).toEqual(['ims-rig-device app features com.oem.ims 0=MMTEL,RCS']);
    expect(lines(step(7))).toEqual(['cmd phone ims set-ims-service -s 0 -c -f 1,2 com.carrier.b.ims']);
    expect(lines(step(8))).toEqual(['cmd phone ims clear-ims-service-override -s 0']);
    expect(lines(step(9))).toEqual(['ims-rig-device app crash com.oem.ims']);
    expect(lines(step(10))).toEqual(['ims-rig-device phone restart']);
    expect(lines(step(11))).toEqual(['cmd role add-role-holder android.app.role.SMS com.oem.ims']);
    expect(lines(step(12))).toEqual([]);
  });

  it('a step the target has no means for is not realisable', () => {
    expect(() => planStep(step(6), ctx(new Set()))).toThrow(NotRealisableError);
    expect(() => planStep(step(0), ctx(new Set(['carrier-config'])))).toThrow(/insertSim needs the sim-control capability/);
  });
});
