import { type Capability, CAPABILITIES } from '../../model';
import { describeAction } from '../device-action';
import { planProvisioning } from '../provision';
import { NotRealisableError } from '../step-plan';
import { app, carrier, pkg, scenario } from './scenario-fixture';
import { freshState } from './state-fixture';

const ALL = new Set(Object.keys(CAPABILITIES) as Capability[]);
const phases = (p: ReturnType<typeof planProvisioning>) => p.map((x) => [x.name, x.actions.map(describeAction)]);

describe('provisioning on the reference device', () => {
  it('stages privileged apps under /system with one reboot, sets the overlay, inserts the SIM', () => {
    const s = scenario({ apps: [app('com.carrier.a.ims', { answers: { 0: ['RCS'] } })], sims: { 0: carrier('carrier-a') } });
    expect(phases(planProvisioning(s, freshState(), ALL))).toEqual([
      ['system-apps', ['adb root', 'adb remount', 'push com.oem.ims APK → /system/priv-app/com.oem.ims/com.oem.ims.apk', 'push com.carrier.a.ims APK → /system/priv-app/com.carrier.a.ims/com.carrier.a.ims.apk', 'adb reboot (wait for sys.boot_completed)']],
      ['overlay', ['ims-rig-device overlay --mmtel com.oem.ims --rcs com.oem.ims']],
      ['sims', [expect.stringMatching(/carrier-a\.xml → \/data\/local\/tmp\/ims-rig\/sim0-carrier-a\.xml$/), 'ims-rig-device sim insert 0 /data/local/tmp/ims-rig/sim0-carrier-a.xml']],
    ]);
  });

  it('does not reboot when no app goes under /system, and leaves an unchanged overlay alone', () => {
    const s = scenario({ apps: [app('com.data.ims', { location: 'data' })], overlay: { mmtel: '', rcs: '' } });
    const withoutOem = { ...s, world: { ...s.world, apps: s.world.apps.filter((a) => a.location === 'data') } };
    expect(phases(planProvisioning(withoutOem, freshState(), ALL))).toEqual([['apps', ['install (generated com.data.ims.apk)']]]);
  });

  it('an app the scenario installs later is staged then removed for the user; one it never installs is not staged', () => {
    const s = scenario({
      apps: [app('com.carrier.a.ims', { installed: false }), app('com.carrier.b.ims', { installed: false })],
      steps: [{ kind: 'install', package: pkg('com.carrier.a.ims') }, { kind: 'check' }],
    });
    const [system] = planProvisioning(s, freshState(), ALL);
    expect(system?.actions.map(describeAction)).toEqual([
      'adb root', 'adb remount',
      'push com.oem.ims APK → /system/priv-app/com.oem.ims/com.oem.ims.apk',
      'push com.carrier.a.ims APK → /system/priv-app/com.carrier.a.ims/com.carrier.a.ims.apk',
      'adb reboot (wait for sys.boot_completed)',
      'adb root', 'pm uninstall --user 0 com.carrier.a.ims',
    ]);
  });

  it('switches the slot count and empties a slot that may hold a SIM from before', () => {
    const s = scenario({ slots: 2, sims: { 1: carrier('carrier-b') } });
    const names = phases(planProvisioning(s, freshState(), ALL));
    expect(names[1]).toEqual(['slots', ['ims-rig-device slots 2']]);
    expect(names[3]?.[1]).toEqual(['ims-rig-device sim remove 1', expect.stringMatching(/^push /), 'ims-rig-device sim insert 1 /data/local/tmp/ims-rig/sim1-carrier-b.xml']);
  });

  it('sets role holders', () => {
    const s = scenario({ roles: { sms: 'com.oem.ims', dialer: null } });
    expect(phases(planProvisioning(s, freshState(), ALL)).at(-1)).toEqual(['roles', ['cmd role add-role-holder android.app.role.SMS com.oem.ims', 'cmd role clear-role-holders android.app.role.DIALER']]);
  });
});

describe('provisioning without the reference device\'s stimuli', () => {
  const shellOnly = new Set<Capability>(['shell-override', 'carrier-config', 'priv-app-install', 'reboot']);

  it('overrides the device configuration from the shell and sets the carrier config on the target\'s own SIM', () => {
    const s = scenario({ sims: { 0: carrier('carrier-a') } });
    const { overlay: _overlay, ...noOverlay } = freshState({ sims: [{ slot: 0, present: true, state: 'READY' }] });
    const state = noOverlay;
    const plan = phases(planProvisioning(s, state, shellOnly));
    expect(plan[1]).toEqual(['overlay', ['cmd phone ims set-ims-service -s 0 -d -f 0,1 com.oem.ims', 'cmd phone ims set-ims-service -s 0 -d -f 2 com.oem.ims']]);
    expect(plan[2]).toEqual(['sims', ['adb root', 'cmd phone cc clear-values -s 0', 'push (generated text) → /data/local/tmp/ims-rig/cc0-carrier-a.xml', 'cmd phone cc set-values-from-xml -s 0 < /data/local/tmp/ims-rig/cc0-carrier-a.xml']]);
  });

  it('a world the target cannot hold is not realisable, with the reason', () => {
    const noSim = scenario();
    expect(() => planProvisioning(noSim, freshState({ sims: [{ slot: 0, present: true, state: 'READY' }] }), shellOnly)).toThrow(/slot 0 holds a SIM the rig cannot remove/);
    expect(() => planProvisioning(scenario({ slots: 2 }), freshState(), shellOnly)).toThrow(NotRealisableError);
    expect(() => planProvisioning(noSim, freshState({ packages: ['com.oem.ims'] }), ALL)).toThrow(/com\.oem\.ims is already installed on the target/);
  });
});
