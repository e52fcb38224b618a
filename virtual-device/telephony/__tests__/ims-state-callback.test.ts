/**
 * ImsStateCallbackController on the reference device (SVC ImsStateCallbackController.java A15 r23;
 * observability-and-test-apps.md §1a), seen the way the rig sees it: the observer app's log lines
 * and the `dumpsys phone` section.
 */
import { type ReferenceDevice } from '../../android/reference-device';
import { installObserver, observe, observerEvents, register, stateCallbackSection } from './observer-phone';
import { bootDevice, insertSim, MMTEL_KEY, OEM_ALL, RCS_KEY, setUp, settle, sh } from './reference-phone';

jest.setTimeout(60000);

let device: ReferenceDevice;
afterEach(() => device?.dispose());

const OEM = 'com.oem.ims';
const OEM_OVERLAY = { mmtel: OEM, rcs: OEM };

async function observerDevice(options: Parameters<typeof bootDevice>[0] = {}): Promise<ReferenceDevice> {
  const d = await bootDevice(options);
  await installObserver(d);
  return d;
}

describe('the dumpsys phone section', () => {
  it('sits after RcsService: and before DomainSelectionResolver:, one listener line per slot and feature, initial values', async () => {
    device = await bootDevice({ slots: 2 });
    await settle(device);
    const text = (await sh(device, 'dumpsys phone')).stdout;
    const order = ['RcsService:', 'ImsStateCallbackController:', 'DomainSelectionResolver:'].map((h) => text.split('\n').findIndex((l) => l.trim() === h));
    expect(order.every((i, k) => i > 0 && (k === 0 || i > (order[k - 1] ?? 0)))).toBe(true);
    const section = await stateCallbackSection(device);
    expect(section.slice(0, 9)).toEqual([
      '  ImsStateCallbackController:',
      '    CallbackWrappers:',
      '    MmTelFeatureListeners:',
      '      Listener={slotId=0, subId=-1, state=UNAVAILABLE, reason=IMS_SERVICE_DISCONNECTED, hasConfig=true}',
      '      Listener={slotId=1, subId=-1, state=UNAVAILABLE, reason=IMS_SERVICE_DISCONNECTED, hasConfig=true}',
      '    RcsFeatureListeners:',
      // TelephonyRcsService told the controller "no active RCS features": clients would be told
      // NO_IMS_SERVICE_CONFIGURED, the listener's own reason stays (notifyExternalRcsState).
      '      Listener={slotId=0, subId=-1, state=UNAVAILABLE, reason=IMS_SERVICE_DISCONNECTED, hasConfig=true, isReady=false, hasFeatures=false}',
      '      Listener={slotId=1, subId=-1, state=UNAVAILABLE, reason=IMS_SERVICE_DISCONNECTED, hasConfig=true, isReady=false, hasFeatures=false}',
      '    Most recent logs:',
    ]);
    expect(section[9]).toMatch(/^ {6}\d{4}-\d\d-\d\dT[\d:.]+ - ImsStateCallbackController created$/);
    expect(section).toContain(section.find((l) => l.endsWith('updateFeatures: oldSlots=0, newNumSlots=2')));
  });
});

describe('callbacks an app receives', () => {
  it('an ImsService that serves MMTEL: onAvailable once its feature is READY; the framework holds the callback', async () => {
    device = await observerDevice();
    await setUp(device, { overlay: OEM_OVERLAY, apps: { [OEM]: OEM_ALL }, sims: { 0: {} } });
    expect(await register(device, 'm', 0, 'MMTEL')).toMatch(/^registered m#1 sub=\d+$/);
    await settle(device);
    expect(observerEvents(device)).toEqual(['register m#1', 'onAvailable m#1']);
    const section = await stateCallbackSection(device);
    expect(section).toContain('      CallbackWrapper={subId=1, feature=MMTEL, reason=READY, pkg=org.imsrig.observer}');
    expect(section).toContain('      Listener={slotId=0, subId=1, state=READY, reason=READY, hasConfig=true}');
  });

  it('no ImsService configured: onUnavailable(NO_IMS_SERVICE_CONFIGURED) for MMTEL and RCS (hasConfig=false)', async () => {
    device = await observerDevice();
    await setUp(device, { sims: { 0: {} } });
    await register(device, 'm', 0, 'MMTEL');
    await settle(device);
    await register(device, 'r', 0, 'RCS');
    await settle(device);
    expect(observerEvents(device)).toEqual(['register m#1', 'onUnavailable m#1 NO_IMS_SERVICE_CONFIGURED', 'register r#1', 'onUnavailable r#1 NO_IMS_SERVICE_CONFIGURED']);
    expect(await stateCallbackSection(device)).toContain('      Listener={slotId=0, subId=1, state=UNAVAILABLE, reason=NO_IMS_SERVICE_CONFIGURED, hasConfig=false}');
  });

  it('RCS is READY for clients only with active RCS features in the carrier config', async () => {
    device = await observerDevice();
    await setUp(device, { overlay: OEM_OVERLAY, apps: { [OEM]: OEM_ALL }, sims: { 0: {} } });
    await register(device, 'r', 0, 'RCS');
    await settle(device);
    expect(observerEvents(device)).toEqual(['register r#1', 'onUnavailable r#1 NO_IMS_SERVICE_CONFIGURED']);
    expect(await stateCallbackSection(device)).toContain('      Listener={slotId=0, subId=1, state=READY, reason=READY, hasConfig=true, isReady=false, hasFeatures=false}');
    device.dispose();
    device = await observerDevice();
    await setUp(device, { overlay: OEM_OVERLAY, apps: { [OEM]: OEM_ALL }, sims: { 0: { 'ims.enable_presence_publish_bool': true } } });
    await register(device, 'r', 0, 'RCS');
    await settle(device);
    expect(observerEvents(device)).toEqual(['register r#1', 'onAvailable r#1']);
    expect(await stateCallbackSection(device)).toContain('      Listener={slotId=0, subId=1, state=READY, reason=READY, hasConfig=true, isReady=true, hasFeatures=true}');
  });

  it('an ImsService whose features never reach READY: unavailable (DISCONNECTED), never available', async () => {
    device = await observerDevice();
    await setUp(device, { overlay: OEM_OVERLAY, apps: { [OEM]: { ...OEM_ALL, featureState: 'UNAVAILABLE' } }, sims: { 0: {} } });
    await register(device, 'm', 0, 'MMTEL');
    await settle(device);
    expect(observerEvents(device)).toEqual(['register m#1', 'onUnavailable m#1 IMS_SERVICE_DISCONNECTED']);
  });

  it('a carrier-config change moves MMTEL to another service: unavailable, then available', async () => {
    device = await observerDevice();
    await setUp(device, { overlay: OEM_OVERLAY, apps: { [OEM]: OEM_ALL, 'com.carrier.b.ims': { answers: '0=EMERGENCY_MMTEL,MMTEL,RCS' } }, sims: { 0: {} } });
    await register(device, 'm', 0, 'MMTEL');
    await settle(device);
    device.root();
    const cc = await sh(device, `cmd phone cc set-value -s 0 ${MMTEL_KEY} com.carrier.b.ims`);
    expect(cc.code).toBe(0);
    await settle(device);
    expect(observerEvents(device)).toEqual(['register m#1', 'onAvailable m#1', 'onUnavailable m#1 IMS_SERVICE_DISCONNECTED', 'onAvailable m#1']);
  });

  it('the SIM goes: onUnavailable(SUBSCRIPTION_INACTIVE) and the framework drops the callback', async () => {
    device = await observerDevice();
    await setUp(device, { overlay: OEM_OVERLAY, apps: { [OEM]: OEM_ALL }, sims: { 0: {} } });
    await register(device, 'm', 0, 'MMTEL');
    await settle(device);
    await sh(device, 'ims-rig-device sim remove 0');
    await settle(device);
    expect(observerEvents(device)).toEqual(['register m#1', 'onAvailable m#1', 'onUnavailable m#1 SUBSCRIPTION_INACTIVE']);
    expect((await stateCallbackSection(device)).some((l) => l.includes('CallbackWrapper='))).toBe(false);
    // A registration for a slot without a subscription fails in the app (getImsMmTelManager(-1)).
    expect(await register(device, 'x', 0, 'MMTEL')).toBe('failed x#1 sub=-1 IllegalArgumentException');
  });

  it('a telephony crash: onError, nothing after it on that callback; a re-registered one is available again', async () => {
    device = await observerDevice();
    await setUp(device, { overlay: OEM_OVERLAY, apps: { [OEM]: OEM_ALL }, sims: { 0: {} } });
    await register(device, 'm', 0, 'MMTEL');
    await settle(device);
    await sh(device, 'ims-rig-device phone restart');
    await settle(device);
    expect(observerEvents(device)).toEqual(['register m#1', 'onAvailable m#1', 'onError m#1']);
    expect(await observe(device, '--es op reregister --es id m')).toMatch(/^registered m#2 sub=1$/);
    await settle(device);
    expect(observerEvents(device).slice(3)).toEqual(['unregister m#1', 'register m#2', 'onAvailable m#2']);
  });

  it('two slots: each callback follows its own subscription', async () => {
    device = await observerDevice({ slots: 2 });
    await setUp(device, { apps: { 'com.carrier.b.ims': { answers: '0=EMERGENCY_MMTEL,MMTEL,RCS;1=EMERGENCY_MMTEL,MMTEL,RCS' } }, sims: { 0: { [MMTEL_KEY]: 'com.carrier.b.ims' }, 1: { [RCS_KEY]: 'com.carrier.b.ims' } } });
    await register(device, 'm0', 0, 'MMTEL');
    await settle(device);
    await register(device, 'm1', 1, 'MMTEL');
    await settle(device);
    expect(observerEvents(device)).toEqual(['register m0#1', 'onAvailable m0#1', 'register m1#1', 'onUnavailable m1#1 NO_IMS_SERVICE_CONFIGURED']);
  });

  it('without READ_PRIVILEGED_PHONE_STATE granted the registration is refused (SecurityException)', async () => {
    device = await bootDevice();
    await installObserver(device, { permissions: [] });
    await setUp(device, { sims: { 0: {} } });
    expect(await register(device, 'm', 0, 'MMTEL')).toBe('failed m#1 sub=1 SecurityException');
  });

  it('the control receiver answers only an explicit broadcast whose action matches its filter', async () => {
    device = await observerDevice();
    expect(await observe(device, '--es op unregister --es id nothing')).toBe('unknown nothing');
    const r = await sh(device, 'am broadcast -n org.imsrig.observer/org.imsrig.observer.ObserverReceiver -a other.ACTION --es op unregister --es id x');
    expect(r.stdout).toContain('Broadcast completed: result=0\n');
    void insertSim;
  });
});
