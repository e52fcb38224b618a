/**
 * Discovery and per-(slot, feature) priority as AOSP's ImsResolver decides them (reference §1.2,
 * §1.3, §1.5, §1.8 quirks 1-5, 8, 9), observed through `dumpsys phone`.
 */
import { type ReferenceDevice } from '../../android/reference-device';
import { bootDevice, bound, dump, LEGACY_KEY, MMTEL_KEY, OEM_ALL, RCS_KEY, setUp, sh, uninstall } from './reference-phone';

jest.setTimeout(30000);

let device: ReferenceDevice;
afterEach(() => device?.dispose());

describe('device defaults (TeleService overlay)', () => {
  it('binds the overlay package for EMERGENCY_MMTEL, MMTEL and RCS from its manifest meta-data, on every slot, with no SIM', async () => {
    device = await bootDevice({ slots: 2 });
    await setUp(device, { overlay: { mmtel: 'com.oem.ims', rcs: 'com.oem.ims' }, apps: { 'com.oem.ims': OEM_ALL } });
    const d = await dump(device);
    expect(d.device).toEqual({ EMERGENCY_MMTEL: 'com.oem.ims', MMTEL: 'com.oem.ims', RCS: 'com.oem.ims' });
    expect(d.cached).toEqual([expect.objectContaining({ packageName: 'com.oem.ims', fromMetadata: true })]);
    expect(await bound(device)).toEqual({
      '0,EMERGENCY_MMTEL': ['com.oem.ims'], '0,MMTEL': ['com.oem.ims'], '0,RCS': ['com.oem.ims'],
      '1,EMERGENCY_MMTEL': ['com.oem.ims'], '1,MMTEL': ['com.oem.ims'], '1,RCS': ['com.oem.ims'],
    });
    // No SIM: MMTEL is created as an emergency-only feature because EMERGENCY_MMTEL is configured (quirk 13).
    expect(d.repositoryLog.some((l) => l.startsWith('[0] addConnection, subId=-1, type=MMTEL, conn=FeatureContainer{'))).toBe(true);
  });

  it('queries a device service without feature meta-data (the short bind) and binds what it answers', async () => {
    device = await bootDevice();
    await setUp(device, { overlay: { mmtel: 'com.oem.ims', rcs: 'com.oem.ims' }, apps: { 'com.oem.ims': { answers: '0=MMTEL,RCS' } } });
    const d = await dump(device);
    expect(d.cached).toEqual([{ component: 'ComponentInfo{com.oem.ims/com.oem.ims.ImsService}', packageName: 'com.oem.ims', fromMetadata: false, features: ['{0,MMTEL}', '{0,RCS}'] }]);
    expect(d.eventLog.some((l) => l.startsWith('startDynamicQuery - starting query for [ImsServiceInfo] name=ComponentInfo{com.oem.ims/com.oem.ims.ImsService}'))).toBe(true);
    expect(await bound(device)).toEqual({ '0,MMTEL': ['com.oem.ims'], '0,RCS': ['com.oem.ims'] });
    const logcat = (await sh(device, 'logcat -d -s ImsServiceFeatureQuery')).stdout;
    expect(logcat).toContain('onServiceConnected for component: ComponentInfo{com.oem.ims/com.oem.ims.ImsService}');
  });

  it('answers the AOSP ImsTestService query like TestImsService: slot 0 only', async () => {
    device = await bootDevice({ slots: 2 });
    await setUp(device, { overlay: { mmtel: 'com.android.phone.testapps.imstestapp', rcs: 'com.android.phone.testapps.imstestapp' }, apps: { 'com.android.phone.testapps.imstestapp': { service: '.TestImsService' } } });
    expect(await bound(device)).toEqual({
      '0,EMERGENCY_MMTEL': ['com.android.phone.testapps.imstestapp'], '0,MMTEL': ['com.android.phone.testapps.imstestapp'], '0,RCS': ['com.android.phone.testapps.imstestapp'],
    });
    const controller = (await dump(device)).controllers[0];
    expect(controller?.log).toContain('retrieveStaticImsServiceCapabilities: capabilities={ SIP_DELEGATE_CREATION }');
  });

  it('binds nothing when the overlay is empty (the reference device ships it empty)', async () => {
    device = await bootDevice();
    await setUp(device, { apps: { 'com.oem.ims': OEM_ALL } });
    const d = await dump(device);
    expect(d.device).toEqual({ EMERGENCY_MMTEL: '', MMTEL: '', RCS: '' });
    expect(d.controllers).toEqual([]);
    expect((await sh(device, 'dumpsys phone')).stdout).toContain('          EMERGENCY_MMTEL -> \n');
  });
});

describe('carrier over device, per (slot, feature)', () => {
  const oemAndCarriers = {
    overlay: { mmtel: 'com.oem.ims', rcs: 'com.oem.ims' },
    apps: { 'com.oem.ims': OEM_ALL, 'com.carrier.a.ims': { answers: '0=RCS' }, 'com.carrier.b.ims': { answers: '0=EMERGENCY_MMTEL,MMTEL,RCS' } },
  };

  it('documentation table, Carrier A: RCS from Carrier A, MMTEL (and emergency) from the OEM service', async () => {
    device = await bootDevice();
    await setUp(device, { ...oemAndCarriers, sims: { 0: { [MMTEL_KEY]: 'com.carrier.a.ims', [RCS_KEY]: 'com.carrier.a.ims' } } });
    expect(await bound(device)).toEqual({ '0,EMERGENCY_MMTEL': ['com.oem.ims'], '0,MMTEL': ['com.oem.ims'], '0,RCS': ['com.carrier.a.ims'] });
  });

  it('documentation table, Carrier B: everything from Carrier B', async () => {
    device = await bootDevice();
    await setUp(device, { ...oemAndCarriers, sims: { 0: { [MMTEL_KEY]: 'com.carrier.b.ims', [RCS_KEY]: 'com.carrier.b.ims' } } });
    expect(await bound(device)).toEqual({ '0,EMERGENCY_MMTEL': ['com.carrier.b.ims'], '0,MMTEL': ['com.carrier.b.ims'], '0,RCS': ['com.carrier.b.ims'] });
  });

  it('falls back to the device service while the carrier package is not installed, and hands over when it is', async () => {
    device = await bootDevice();
    await setUp(device, { overlay: oemAndCarriers.overlay, apps: { 'com.oem.ims': OEM_ALL }, sims: { 0: { [RCS_KEY]: 'com.carrier.a.ims' } } });
    expect((await bound(device))['0,RCS']).toEqual(['com.oem.ims']);
    await setUp(device, { apps: { 'com.carrier.a.ims': { answers: '0=RCS' } } });
    expect((await bound(device))['0,RCS']).toEqual(['com.carrier.a.ims']);
    await uninstall(device, 'com.carrier.a.ims');
    expect((await bound(device))['0,RCS']).toEqual(['com.oem.ims']);
  });

  it('ignores a carrier service\'s manifest meta-data: it must answer the query', async () => {
    device = await bootDevice();
    await setUp(device, { overlay: oemAndCarriers.overlay, apps: { 'com.oem.ims': OEM_ALL, 'com.carrier.x.ims': { metadata: ['MMTEL', 'RCS'], answers: '0=RCS' } }, sims: { 0: { [MMTEL_KEY]: 'com.carrier.x.ims', [RCS_KEY]: 'com.carrier.x.ims' } } });
    const d = await dump(device);
    expect(d.cached.find((c) => c.packageName === 'com.carrier.x.ims')).toMatchObject({ fromMetadata: false, features: ['{0,RCS}'] });
    expect(await bound(device)).toEqual({ '0,EMERGENCY_MMTEL': ['com.oem.ims'], '0,MMTEL': ['com.oem.ims'], '0,RCS': ['com.carrier.x.ims'] });
  });

  it('reads the legacy key for all three features, and an explicit "" in a split key suppresses it', async () => {
    device = await bootDevice();
    await setUp(device, { ...oemAndCarriers, sims: { 0: { [LEGACY_KEY]: 'com.carrier.b.ims', [RCS_KEY]: '' } } });
    const d = await dump(device);
    expect(d.carrier).toEqual({ '0,EMERGENCY_MMTEL': 'com.carrier.b.ims', '0,MMTEL': 'com.carrier.b.ims', '0,RCS': 'none' });
    expect(await bound(device)).toEqual({ '0,EMERGENCY_MMTEL': ['com.carrier.b.ims'], '0,MMTEL': ['com.carrier.b.ims'], '0,RCS': ['com.oem.ims'] });
  });

  it('quirk 8: a package that is carrier on one slot gets only its carrier features, even where it is the device default', async () => {
    device = await bootDevice({ slots: 2 });
    await setUp(device, { overlay: { mmtel: 'com.oem.ims', rcs: 'com.oem.ims' }, apps: { 'com.oem.ims': { answers: '0=EMERGENCY_MMTEL,MMTEL,RCS;1=EMERGENCY_MMTEL,MMTEL,RCS' } }, sims: { 0: { [RCS_KEY]: 'com.oem.ims' } } });
    // Slot 1 has no carrier config, but com.oem.ims is "a carrier package on some slot": nothing on slot 1.
    expect(await bound(device)).toEqual({ '0,RCS': ['com.oem.ims'] });
  });

  it('quirk 9: lookups by package name — removing a package with two ImsServices forgets only one of them', async () => {
    device = await bootDevice();
    const second = '<service android:name=".SecondImsService" android:exported="true" android:permission="android.permission.BIND_IMS_SERVICE"><meta-data android:name="android.telephony.ims.MMTEL_FEATURE" android:value="true"/><intent-filter><action android:name="android.telephony.ims.ImsService"/></intent-filter></service>';
    await setUp(device, { overlay: { mmtel: 'com.multi.ims', rcs: '' }, apps: { 'com.multi.ims': { metadata: ['MMTEL'], extraXml: second } } });
    expect((await dump(device)).cached.map((c) => c.component).sort()).toEqual(['ComponentInfo{com.multi.ims/com.multi.ims.ImsService}', 'ComponentInfo{com.multi.ims/com.multi.ims.SecondImsService}']);
    await uninstall(device, 'com.multi.ims');
    expect((await dump(device)).cached).toHaveLength(1);
  });
});

describe('emergency MMTEL', () => {
  beforeEach(async () => {
    device = await bootDevice();
  });

  it('drops EMERGENCY_MMTEL without MMTEL on the slot (quirk 4)', async () => {
    await setUp(device, { overlay: { mmtel: 'com.oem.ims', rcs: 'com.oem.ims' }, apps: { 'com.oem.ims': { answers: '0=EMERGENCY_MMTEL,RCS' } } });
    expect((await dump(device)).cached[0]?.features).toEqual(['{0,RCS}']);
    expect(await bound(device)).toEqual({ '0,RCS': ['com.oem.ims'] });
  });

  it('never binds for EMERGENCY_MMTEL alone', async () => {
    await setUp(device, { overlay: { mmtel: 'com.oem.ims', rcs: '' }, apps: { 'com.oem.ims': { answers: '0=EMERGENCY_MMTEL,MMTEL' } } });
    expect(await bound(device)).toEqual({ '0,EMERGENCY_MMTEL': ['com.oem.ims'], '0,MMTEL': ['com.oem.ims'] });
    await sh(device, 'ims-rig-device app features com.oem.ims 0=EMERGENCY_MMTEL');
    const d = await dump(device);
    expect(d.controllers).toEqual([]);
    expect(d.cached).toHaveLength(1);
  });

  it('publishes no MMTEL binder without a SIM when EMERGENCY_MMTEL is not configured (quirk 13)', async () => {
    await setUp(device, { overlay: { mmtel: 'com.oem.ims', rcs: '' }, apps: { 'com.oem.ims': { answers: '0=MMTEL' } } });
    const d = await dump(device);
    expect(d.controllers[0]?.log).toContain('addImsFeatureBinder: null IInterface reported for MMTEL');
    expect(d.repositoryLog.some((l) => l.includes('addConnection'))).toBe(false);
  });
});
