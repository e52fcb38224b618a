import { type Capability, CAPABILITIES } from '../../model';
import { describeAction } from '../device-action';
import { planProvisioning, type ProvisionContext } from '../provision';
import { NotRealisableError } from '../step-plan';
import { NO_ROUTES } from '../target-routes';
import { productOverlayPath } from '../system-files';
import { overlayPackageName } from '../../formats/overlay-apk';
import { app, carrier, pkg, scenario } from './scenario-fixture';
import { freshState } from './state-fixture';

const ALL = new Set(Object.keys(CAPABILITIES) as Capability[]);
const TOOL = { stimulusTool: true, slotCount: 1, declaredFeatures: [] };
/** The reference device: every capability, its stimulus tool, the run's placeholders staged. */
const reference = (staged: readonly string[] = []): ProvisionContext => ({ capabilities: ALL, routes: TOOL, staged: new Set(staged) });
const placeholder = (p: string): string => `/system/priv-app/${p}/${p}.apk`;
const phases = (p: ReturnType<typeof planProvisioning>) => p.map((x) => [x.name, x.actions.map(describeAction)]);

describe('provisioning on the reference device', () => {
  it('sets the overlay first, inserts the SIM, then installs each app over its staged placeholder', () => {
    const s = scenario({ apps: [app('com.carrier.a.ims', { answers: { 0: ['RCS'] } })], sims: { 0: carrier('carrier-a') } });
    expect(phases(planProvisioning(s, freshState(), reference([placeholder('com.oem.ims'), placeholder('com.carrier.a.ims')])))).toEqual([
      ['overlay', ['ims-rig-device overlay --mmtel com.oem.ims --rcs com.oem.ims']],
      ['sims', [expect.stringMatching(/carrier-a\.xml → \/data\/local\/tmp\/ims-rig\/sim0-carrier-a\.xml$/), 'ims-rig-device sim insert 0 /data/local/tmp/ims-rig/sim0-carrier-a.xml']],
      ['apps', ['install (generated com.oem.ims.apk)', 'install (generated com.carrier.a.ims.apk)']],
    ]);
  });

  it('an app the run has not staged is not realisable', () => {
    const s = scenario({ apps: [app('com.carrier.a.ims')] });
    expect(() => planProvisioning(s, freshState(), reference([placeholder('com.oem.ims')]))).toThrow(/com\.carrier\.a\.ims is not staged/);
  });

  it('data apps install with adb install; one installed later by a step is left out now', () => {
    const s = scenario({
      apps: [app('com.data.ims', { location: 'data' }), app('com.carrier.a.ims', { installed: false })],
      steps: [{ kind: 'install', package: pkg('com.carrier.a.ims') }, { kind: 'check' }],
      overlay: { mmtel: '', rcs: '' },
    });
    const plan = phases(planProvisioning(s, freshState(), reference([placeholder('com.oem.ims'), placeholder('com.carrier.a.ims')])));
    expect(plan.at(-1)).toEqual(['apps', ['install (generated com.oem.ims.apk)', 'install (generated com.data.ims.apk)']]);
  });

  it('holds a prebuilt APK to declaring an ImsService only where the scenario observes the app as one', () => {
    const apk = (p: string): string => `/apks/${p}.apk`;
    const s = scenario({
      apps: [
        app('com.carrier.a.ims', { apk: apk('com.carrier.a.ims') }), // named by carrier-a's config
        app('com.queried.ims', { apk: apk('com.queried.ims'), answers: { 0: ['MMTEL'] } }),
        app('com.sample.rcsclient', { apk: apk('com.sample.rcsclient'), location: 'data' }), // an RCS client beside them
      ],
      sims: { 0: carrier('carrier-a') },
    });
    const staged = reference([placeholder('com.oem.ims'), placeholder('com.carrier.a.ims'), placeholder('com.queried.ims')]);
    const installs = planProvisioning(s, freshState(), staged).flatMap((phase) => phase.actions).flatMap((a) => (a.kind === 'install-apk' ? [[a.spec.package, a.requireImsService === true]] : []));
    expect(Object.fromEntries(installs)).toEqual({ 'com.oem.ims': false, 'com.carrier.a.ims': true, 'com.queried.ims': true, 'com.sample.rcsclient': false });
  });

  it('switches the slot count and empties a slot that may hold a SIM from before', () => {
    const s = scenario({ slots: 2, sims: { 1: carrier('carrier-b') } });
    const names = phases(planProvisioning(s, freshState(), reference([placeholder('com.oem.ims')])));
    expect(names[0]).toEqual(['slots', ['ims-rig-device slots 2']]);
    expect(names[2]?.[1]).toEqual(['ims-rig-device sim remove 1', expect.stringMatching(/^push /), 'ims-rig-device sim insert 1 /data/local/tmp/ims-rig/sim1-carrier-b.xml']);
  });

  it('sets role holders', () => {
    const s = scenario({ roles: { sms: 'com.oem.ims', dialer: null } });
    expect(phases(planProvisioning(s, freshState(), reference([placeholder('com.oem.ims')]))).at(-1)).toEqual(['roles', ['cmd role add-role-holder android.app.role.SMS com.oem.ims', 'cmd role clear-role-holders android.app.role.DIALER']]);
  });
});

describe('provisioning by stock means', () => {
  const stock = new Set<Capability>(['shell-override', 'carrier-config', 'priv-app-install', 'reboot', 'sim-control', 'device-overlay', 'fault-injection']);
  const sim = { slot: 0, subId: 1, enabled: true };
  const ctx = (staged: readonly string[] = [placeholder('com.oem.ims')]): ProvisionContext => ({ capabilities: stock, routes: { ...NO_ROUTES, physicalSim: sim }, staged: new Set(staged) });
  const { overlay: _overlay, ...noOverlayState } = freshState({ sims: [{ slot: 0, present: true, state: 'LOADED', subId: 1, uiccEnabled: true }] });

  it('overrides the device configuration from the shell and gives the target\'s own SIM the carrier identity, persistently', () => {
    const s = scenario({ sims: { 0: carrier('carrier-a') } });
    const plan = phases(planProvisioning(s, noOverlayState, ctx()));
    expect(plan[0]).toEqual(['overlay', ['cmd phone ims set-ims-service -s 0 -d -f 0,1 com.oem.ims', 'cmd phone ims set-ims-service -s 0 -d -f 2 com.oem.ims']]);
    expect(plan[1]).toEqual(['sims', ['adb root', 'cmd phone cc clear-values -s 0', 'push (generated text) → /data/local/tmp/ims-rig/cc0-carrier-a.xml', 'cmd phone cc set-values-from-xml -s 0 -p < /data/local/tmp/ims-rig/cc0-carrier-a.xml']]);
  });

  it('a world without a SIM switches the target\'s SIM off (UICC applications)', () => {
    const plan = phases(planProvisioning(scenario(), noOverlayState, ctx()));
    expect(plan[1]).toEqual(['sims', ['adb root', 'cmd phone disable-physical-subscription 1']]);
  });

  it('a scenario that restarts the phone gets the staged TeleService overlay, enabled, read by a restarted phone process', () => {
    const s = scenario({ steps: [{ kind: 'restartPhone' }, { kind: 'check' }] });
    const name = overlayPackageName(s.world.overlay);
    expect(() => planProvisioning(s, noOverlayState, ctx())).toThrow(/overlay .* is not staged/);
    const plan = phases(planProvisioning(s, noOverlayState, ctx([placeholder('com.oem.ims'), productOverlayPath(name).apk])));
    expect(plan[0]).toEqual(['overlay', ['adb root', `cmd overlay enable --user 0 ${name}`, 'kill com.android.phone as root (restarted by ActivityManager)']]);
  });

  it('a scenario with state-callback steps first resets the observer app the run staged; without it staged it is not realisable', () => {
    const s = scenario({ steps: [{ kind: 'registerStateCallback', id: 'mmtel0', slot: 0, feature: 'MMTEL' }, { kind: 'checkStateCallbacks' }] });
    const observer = placeholder('org.imsrig.observer');
    expect(() => planProvisioning(s, noOverlayState, ctx([placeholder('com.oem.ims')]))).toThrow(/observer app org\.imsrig\.observer is not staged/);
    const plan = phases(planProvisioning(s, noOverlayState, ctx([placeholder('com.oem.ims'), observer])));
    expect(plan[0]).toEqual(['observer', ['am broadcast --include-stopped-packages -n org.imsrig.observer/org.imsrig.observer.ObserverReceiver -a org.imsrig.CONTROL --es op reset']]);
    expect(planProvisioning(s, noOverlayState, ctx([placeholder('com.oem.ims'), observer]))[0]?.actions[0]).toMatchObject({ kind: 'shell', expect: 'observer-outcome' });
    expect(phases(planProvisioning(scenario(), noOverlayState, ctx([placeholder('com.oem.ims')]))).map(([name]) => name)).not.toContain('observer');
  });

  it('a world the target cannot hold is not realisable, with the reason', () => {
    const noSim = scenario();
    const noSwitch: ProvisionContext = { capabilities: new Set<Capability>(['shell-override', 'carrier-config']), routes: NO_ROUTES, staged: new Set([placeholder('com.oem.ims')]) };
    expect(() => planProvisioning(noSim, freshState({ sims: [{ slot: 0, present: true, state: 'READY' }] }), noSwitch)).toThrow(/slot 0 holds a SIM the rig cannot remove/);
    expect(() => planProvisioning(scenario({ slots: 2 }), freshState(), noSwitch)).toThrow(NotRealisableError);
    expect(() => planProvisioning(scenario({ apps: [app('com.other.ims', { location: 'data' })] }), freshState({ packages: ['com.other.ims'] }), reference([placeholder('com.oem.ims')]))).toThrow(/com\.other\.ims is already installed on the target/);
  });
});
