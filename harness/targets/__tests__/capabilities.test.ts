import { CAPABILITIES, type Capability } from '../../model';
import { deriveCapabilities, SINGLE_REGISTRATION_FEATURE, type CapabilityFacts } from '../capabilities';
import { detectKind } from '../probe';

const works = { works: true, detail: 'ok' };
const reference: CapabilityFacts = {
  kind: 'virtual', buildType: 'userdebug', root: 'root', imsShell: works, carrierConfig: works, stimulusTool: true, remount: works,
  systemFeatures: new Set(['android.hardware.telephony.ims', SINGLE_REGISTRATION_FEATURE]),
  appium: { ...works, url: 'http://127.0.0.1:4723' },
};
const reasons = (facts: CapabilityFacts): Partial<Record<Capability, string>> =>
  Object.fromEntries(deriveCapabilities(facts).missing.map((m) => [m.capability, m.reason]));

describe('deriveCapabilities', () => {
  it('the reference device with an Appium server has every capability', () => {
    expect([...deriveCapabilities(reference).capabilities].sort()).toEqual((Object.keys(CAPABILITIES) as Capability[]).sort());
    expect(deriveCapabilities(reference).missing).toEqual([]);
  });

  it('a stock user-build emulator: shell override yes; carrier config, stimuli, priv-app no — each with its reason', () => {
    const emulator: CapabilityFacts = { kind: 'emulator', buildType: 'user', root: 'refused', rootDetail: 'adbd cannot run as root in production builds', imsShell: works, stimulusTool: false, systemFeatures: new Set() };
    const derived = deriveCapabilities(emulator);
    expect(derived.capabilities).toEqual(['shell-override', 'reboot']);
    const why = reasons(emulator);
    expect(why['carrier-config']).toMatch(/user build/);
    expect(why['sim-control']).toMatch(/disable-physical-subscription works only as root on userdebug\/eng builds/);
    expect(why['msim-control']).toMatch(/no stock shell command changes the number of SIM slots .* this emulator has 1 slot/);
    expect(why['priv-app-install']).toMatch(/refuses \(adbd cannot run as root in production builds\)/);
    expect(why['single-registration']).toMatch(/android\.hardware\.telephony\.ims\.singlereg/);
    expect(why['ims-resolver']).toMatch(/android\.hardware\.telephony\.ims .*§1\.2/);
    expect(why['app-realisation']).toMatch(/real code/);
    expect(why.appium).toMatch(/IMS_RIG_APPIUM_URL/);
  });

  it('a stock userdebug emulator, rooted and remounted, offers every stimulus by stock means but the slot count (and a compat app)', () => {
    const emulator: CapabilityFacts = {
      kind: 'emulator', buildType: 'userdebug', root: 'root', imsShell: works, carrierConfig: works, stimulusTool: false, remount: works,
      systemFeatures: new Set(), slotCount: 1, physicalSim: { slot: 0, subId: 1, enabled: true }, overlayService: works, rigAppsHaveCode: true,
    };
    const derived = deriveCapabilities(emulator);
    expect(derived.missing.map((m) => m.capability).sort()).toEqual(['appium', 'compat-ims-service', 'msim-control', 'test-app-stand-ins']);
    // The features it lacks are declared by the rig (root + remount, one reboot).
    expect(derived.capabilities).toEqual(expect.arrayContaining(['ims-resolver', 'single-registration', 'sim-control', 'device-overlay', 'fault-injection']));
    const { physicalSim: _sim, ...withoutSim } = emulator;
    const noSim = reasons(withoutSim);
    expect(noSim['sim-control']).toMatch(/no physical SIM/);
    const noCode = reasons({ ...emulator, rigAppsHaveCode: false });
    expect(noCode['configurable-features']).toMatch(/real code/);
  });

  it('a userdebug device probed without escalation says root was not tried', () => {
    const { carrierConfig: _cc, remount: _rm, ...rest } = reference;
    const why = reasons({ ...rest, kind: 'device', root: 'rootable', stimulusTool: false });
    expect(why['carrier-config']).toMatch(/not probed without escalation/);
    expect(why['priv-app-install']).toMatch(/not probed without escalation/);
  });

  it('reports what failed when the command itself refused', () => {
    const why = reasons({ ...reference, imsShell: { works: false, detail: "cmd: Can't find service: phone" }, carrierConfig: { works: false, detail: 'cc: Permission denied.' }, appium: { works: false, detail: 'ECONNREFUSED', url: 'http://h:4723' } });
    expect(why['shell-override']).toBe("cmd phone ims does not answer: cmd: Can't find service: phone");
    expect(why['carrier-config']).toBe('cmd phone cc refused: cc: Permission denied.');
    expect(why.appium).toBe('Appium at http://h:4723 is not reachable: ECONNREFUSED');
  });
});

describe('detectKind', () => {
  const props = (entries: Record<string, string>): Map<string, string> => new Map(Object.entries(entries));
  it('tells the reference device, emulators and devices apart', () => {
    expect(detectKind('127.0.0.1:40001', props({ 'ro.ims-rig.reference_device': '1' }))).toBe('virtual');
    expect(detectKind('127.0.0.1:40001', props({ 'ro.build.fingerprint': 'ims-rig/reference_phone/reference:15/AP4A.ims-rig/0.1:userdebug/test-keys' }))).toBe('virtual');
    expect(detectKind('emulator-5554', props({}))).toBe('emulator');
    expect(detectKind('127.0.0.1:6520', props({ 'ro.boot.qemu': '1' }))).toBe('emulator');
    expect(detectKind('localhost:5555', props({ 'ro.hardware': 'ranchu' }))).toBe('emulator');
    expect(detectKind('R58M12ABCDE', props({ 'ro.kernel.qemu': '0', 'ro.hardware': 'qcom' }))).toBe('device');
  });
});
