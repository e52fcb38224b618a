/**
 * The less common paths of ImsResolver, through the reference device: MSIM changes, the
 * BIND_IMS_SERVICE check (and its NullPointerException), compat services, and the hand-over race
 * of quirk 16 with the per-slot controller map walked in java.util.HashMap order.
 */
import { type ReferenceDevice } from '../../android/reference-device';
import { componentHash, componentKey, componentName } from '../ims/component-name';
import { JavaHashMap } from '../java/java-hash';
import { bootDevice, bound, dump, install, MMTEL_KEY, OEM_ALL, RCS_KEY, setUp, settle, sh } from './reference-phone';

jest.setTimeout(30000);

let device: ReferenceDevice;
afterEach(() => device?.dispose());

const OEM_OVERLAY = { mmtel: 'com.oem.ims', rcs: 'com.oem.ims' };

describe('MSIM configuration changes', () => {
  it('growing to two slots extends meta-data features at once and binds slot 1 on its CARRIER_CONFIG_CHANGED', async () => {
    device = await bootDevice({ slots: 1 });
    await setUp(device, { overlay: OEM_OVERLAY, apps: { 'com.oem.ims': OEM_ALL } });
    expect((await sh(device, 'ims-rig-device slots 2')).stdout).toBe('OK slots=2\n');
    await settle(device);
    const d = await dump(device);
    expect(d.eventLog).toContain('MSIM config change: 1 -> 2');
    expect(d.cached[0]?.features).toEqual(expect.arrayContaining(['{1,MMTEL}', '{1,RCS}', '{1,EMERGENCY_MMTEL}']));
    expect(Object.keys(await bound(device)).sort()).toEqual(['0,EMERGENCY_MMTEL', '0,MMTEL', '0,RCS', '1,EMERGENCY_MMTEL', '1,MMTEL', '1,RCS']);
    expect((await sh(device, 'getprop persist.radio.multisim.config')).stdout).toBe('dsds\n');
  });

  it('shrinking to one slot removes slot 1 at once and forgets its carrier config', async () => {
    device = await bootDevice({ slots: 2 });
    await setUp(device, { overlay: OEM_OVERLAY, apps: { 'com.oem.ims': OEM_ALL, 'com.carrier.a.ims': { answers: '1=RCS' } }, sims: { 1: { [RCS_KEY]: 'com.carrier.a.ims' } } });
    expect((await bound(device))['1,RCS']).toEqual(['com.carrier.a.ims']);
    await sh(device, 'ims-rig-device slots 1');
    const d = await dump(device);
    expect(d.eventLog).toContain('MSIM config change: 2 -> 1');
    expect(Object.keys(d.carrier)).toEqual(['0,EMERGENCY_MMTEL', '0,MMTEL', '0,RCS']);
    expect(await bound(device)).toEqual({ '0,EMERGENCY_MMTEL': ['com.oem.ims'], '0,MMTEL': ['com.oem.ims'], '0,RCS': ['com.oem.ims'] });
    expect((await sh(device, 'ims-rig-device sim list')).stdout).toBe('slot=0 state=ABSENT subId=-1 iccid=- carrier=-\n');
  });
});

describe('BIND_IMS_SERVICE', () => {
  beforeEach(async () => {
    device = await bootDevice();
    await setUp(device, { overlay: { mmtel: 'com.rogue.ims', rcs: 'com.rogue.ims' } });
  });

  it('skips a service without the permission, with AOSP\'s warning', async () => {
    await install(device, 'com.rogue.ims', { ...OEM_ALL, permission: false });
    await settle(device);
    expect((await dump(device)).cached).toEqual([]);
    expect((await sh(device, 'logcat -d -s ImsResolver')).stdout).toContain('W ImsResolver: ImsService is not protected with BIND_IMS_SERVICE permission: ComponentInfo{com.rogue.ims/com.rogue.ims.ImsService}');
  });

  it('accepts it with the test-only override_bind_check meta-data', async () => {
    await install(device, 'com.rogue.ims', { ...OEM_ALL, permission: false, overrideBindCheck: true });
    expect(Object.keys(await bound(device))).toHaveLength(3);
  });

  it('[code-reading] no meta-data and no permission: the NullPointerException AOSP would crash on, logged; the work of that message is lost', async () => {
    await setUp(device, { apps: { 'com.oem.ims': OEM_ALL } });
    await install(device, 'com.rogue.ims', { permission: false, noMetaData: true });
    await settle(device);
    const crash = (await sh(device, 'logcat -d -s AndroidRuntime')).stdout;
    expect(crash).toContain('E AndroidRuntime: FATAL EXCEPTION: ImsResolver');
    expect(crash).toContain("E AndroidRuntime: java.lang.NullPointerException: Attempt to invoke virtual method 'boolean android.os.BaseBundle.getBoolean(java.lang.String, boolean)' on a null object reference");
    expect((await dump(device)).cached.map((c) => c.packageName)).toEqual(['com.oem.ims']);
    // After a phone restart the crash hits ImsResolver's initialisation: it never registers its receivers.
    await sh(device, 'ims-rig-device overlay --mmtel com.oem.ims --rcs com.oem.ims');
    const d = await dump(device);
    expect(d.eventLog).toEqual(['Initializing']);
    expect(d.controllers).toEqual([]);
  });
});

describe('compat ImsServices (android.telephony.ims.compat.ImsService)', () => {
  it('are read from meta-data only, bound with the compat controller, and never get an RCS feature binder', async () => {
    device = await bootDevice();
    await setUp(device, { overlay: { mmtel: 'com.legacy.ims', rcs: 'com.legacy.ims' }, apps: { 'com.legacy.ims': { action: 'compat', metadata: ['MMTEL', 'RCS'] } } });
    const d = await dump(device);
    expect(d.cached).toEqual([expect.objectContaining({ packageName: 'com.legacy.ims', fromMetadata: true, features: ['{0,MMTEL}', '{0,RCS}'] })]);
    expect(d.controllers[0]).toMatchObject({ isBound: true, serviceController: 'null', features: ['0,MMTEL', '0,RCS'] });
    expect(d.controllers[0]?.log).toContain('addImsFeatureBinder: null IInterface reported for RCS');
    expect(d.repositoryLog.some((l) => l.includes('addConnection') && l.includes('type=RCS'))).toBe(false);
    expect(d.eventLog.some((l) => l.startsWith('startDynamicQuery'))).toBe(false);
    // No listener: a compat service cannot change its features dynamically.
    expect((await sh(device, 'ims-rig-device app features com.legacy.ims')).stdout).toContain('(answered at the next query)');
    expect(await bound(device)).toEqual({ '0,MMTEL': ['com.legacy.ims'], '0,RCS': ['com.legacy.ims'] });
  });

  it('a compat carrier service without meta-data has no features and is never queried', async () => {
    device = await bootDevice();
    await setUp(device, { overlay: OEM_OVERLAY, apps: { 'com.oem.ims': OEM_ALL, 'com.legacy.ims': { action: 'compat', answers: '0=RCS' } }, sims: { 0: { [RCS_KEY]: 'com.legacy.ims' } } });
    expect((await dump(device)).cached.find((c) => c.packageName === 'com.legacy.ims')).toMatchObject({ fromMetadata: true, features: [] });
    expect((await bound(device))['0,RCS']).toEqual(['com.oem.ims']);
  });
});

describe('quirk 16: the hand-over race of calculateFeatureConfigurationChange', () => {
  /** Which of two packages' ".ImsService" java.util.HashMap iterates first. */
  function firstInHashMapOrder(a: string, b: string): string {
    const map = new JavaHashMap<ReturnType<typeof componentName>, string>(componentHash, componentKey);
    for (const pkg of [a, b]) map.set(componentName(pkg, `${pkg}.ImsService`), pkg);
    return map.values()[0] ?? '';
  }

  it('a carrier app switching from RCS to MMTEL while the device app takes RCS back leaves one cell without a controller', async () => {
    device = await bootDevice();
    const carrier = 'com.carrier.x.ims';
    await setUp(device, { overlay: OEM_OVERLAY, apps: { 'com.oem.ims': OEM_ALL, [carrier]: { answers: '0=RCS' } }, sims: { 0: { [MMTEL_KEY]: carrier, [RCS_KEY]: carrier } } });
    expect(await bound(device)).toEqual({ '0,EMERGENCY_MMTEL': ['com.oem.ims'], '0,MMTEL': ['com.oem.ims'], '0,RCS': [carrier] });
    await sh(device, `ims-rig-device app features ${carrier} 0=MMTEL`);
    // Every controller holds its cells (this is what dumpsys "Active controllers" shows) …
    expect(await bound(device)).toEqual({ '0,MMTEL': [carrier], '0,RCS': ['com.oem.ims'] });
    // … but the service walked first gained a cell the second one then removed from the per-slot map.
    const first = firstInHashMapOrder('com.oem.ims', carrier);
    const lost = first === carrier ? 'MMTEL' : 'RCS';
    const d = await dump(device);
    const tail = d.eventLog.slice(d.eventLog.findIndex((l) => l.startsWith('imsServiceFeaturesChanged')));
    const put = tail.findIndex((l) => l.startsWith(`putImsController - [0, ${lost}] -> [ImsServiceController: componentName=ComponentInfo{${first}/`));
    const removed = tail.findIndex((l, i) => i > put && l.startsWith(`removeImsController - [0, ${lost}] -> [ImsServiceController: componentName=ComponentInfo{${first}/`));
    expect(put).toBeGreaterThanOrEqual(0);
    expect(removed).toBeGreaterThan(put);
    const repo = d.repositoryLog.filter((l) => /(add|remove)Connection/.test(l) && l.includes(`type=${lost}`));
    expect(repo[repo.length - 1]).toBe(`[0] removeConnection, type=${lost}`);
    // ImsResolver's own map lost the cell: `ims enable` reaches only the other service.
    await sh(device, 'cmd phone ims enable -s 0');
    const enabledOf = async (pkg: string): Promise<boolean> => (await sh(device, `ims-rig-device app show ${pkg}`)).stdout.includes('ims-enabled=0\n');
    expect(await enabledOf(first)).toBe(false);
    expect(await enabledOf(first === carrier ? 'com.oem.ims' : carrier)).toBe(true);
  });
});
