/**
 * Timing and lifecycle rules (reference §1.4-§1.6, quirks 6, 7, 11, 12, 14): boot and carrier
 * config ordering, package add/update/remove, null binding, query errors and their 5 s retry,
 * crashes and the 2 s rebind, bind failures and the jittered backoff, feature updates.
 */
import { type ReferenceDevice } from '../../android/reference-device';
import { bootDevice, bound, dump, install, MMTEL_KEY, OEM_ALL, RCS_KEY, setUp, settle, sh, uninstall } from './reference-phone';

jest.setTimeout(30000);

let device: ReferenceDevice;
afterEach(() => device?.dispose());

const OEM_OVERLAY = { mmtel: 'com.oem.ims', rcs: 'com.oem.ims' };

describe('boot and carrier config', () => {
  it('a phone restart handles BOOT_COMPLETE at once (user already unlocked), then binds on the CARRIER_CONFIG_CHANGED that follows', async () => {
    device = await bootDevice();
    await setUp(device, { overlay: OEM_OVERLAY, apps: { 'com.oem.ims': OEM_ALL } });
    const log = (await dump(device)).eventLog;
    const initializing = log.indexOf('Initializing');
    expect(log.slice(initializing, initializing + 3)).toEqual(['Initializing', 'handling BOOT_COMPLETE', 'boot complete - update cache']);
    // The overlay restart left a sticky CARRIER_CONFIG_CHANGED: it reaches the new resolver too.
    expect(log.filter((l) => l.startsWith('updateBoundServices - carrier package changed')).length).toBeGreaterThanOrEqual(3);
    expect(await bound(device)).toMatchObject({ '0,MMTEL': ['com.oem.ims'] });
  });

  it('a reboot binds again from the TeleService overlay and keeps the SIM (its subscription id too)', async () => {
    // The order asserted below (the SIM's CARRIER_CONFIG_CHANGED before BOOT_COMPLETED) takes a few
    // real event-loop turns against timers on the scaled clock: at 0.001 a loaded machine lost it.
    device = await bootDevice({ timeScale: 0.01 });
    await setUp(device, { overlay: OEM_OVERLAY, apps: { 'com.oem.ims': OEM_ALL }, sims: { 0: { [RCS_KEY]: 'com.carrier.a.ims' } } });
    device.reboot('');
    await device.whenBootCompleted();
    await settle(device);
    expect((await sh(device, 'ims-rig-device sim list')).stdout).toMatch(/^slot=0 state=READY subId=1 iccid=\d+ carrier=\/data\/local\/tmp\/carrier-0-\d+\.xml$/m);
    const d = await dump(device);
    // Cold boot: the phone process starts while the user is locked; the SIM's CARRIER_CONFIG_CHANGED
    // comes before BOOT_COMPLETED, so BOOT_COMPLETE re-evaluates ("reeval").
    const firstCcc = d.eventLog.findIndex((l) => l.startsWith('updateBoundServices'));
    expect(d.eventLog[0]).toBe('Initializing');
    expect(firstCcc).toBeGreaterThan(0);
    expect(d.eventLog.indexOf('handling BOOT_COMPLETE')).toBeGreaterThan(firstCcc);
    expect(d.eventLog).toContain('boot complete - reeval');
    expect(d.carrier['0,RCS']).toBe('com.carrier.a.ims');
    expect(await bound(device)).toEqual({ '0,EMERGENCY_MMTEL': ['com.oem.ims'], '0,MMTEL': ['com.oem.ims'], '0,RCS': ['com.oem.ims'] });
  });

  it('a SIM swap changes the slot\'s subId: features are removed and re-created with the new subId (quirk 12)', async () => {
    device = await bootDevice();
    await setUp(device, { overlay: OEM_OVERLAY, apps: { 'com.oem.ims': OEM_ALL }, sims: { 0: {} } });
    await sh(device, 'ims-rig-device sim remove 0');
    await settle(device);
    await setUp(device, { sims: { 0: {} } });
    const d = await dump(device);
    expect(d.controllers[0]?.log).toEqual(expect.arrayContaining(['subId changed for slot: 0, 1 -> -1', 'subId changed for slot: 0, -1 -> 2']));
    expect(d.repositoryLog).toContain('[0] removeConnection, type=MMTEL');
    expect(d.repositoryLog.some((l) => l.startsWith('[0] addConnection, subId=2, type=MMTEL'))).toBe(true);
  });
});

describe('packages', () => {
  beforeEach(async () => {
    device = await bootDevice();
    await setUp(device, { overlay: OEM_OVERLAY });
  });

  it('binds a device service installed after boot, and unbinds and forgets it when removed', async () => {
    await setUp(device, { apps: { 'com.oem.ims': OEM_ALL } });
    expect((await dump(device)).eventLog.some((l) => l.startsWith('maybeAddedImsService - adding new ImsService: [ImsServiceInfo] name=ComponentInfo{com.oem.ims/'))).toBe(true);
    expect(Object.keys(await bound(device))).toHaveLength(3);
    await uninstall(device, 'com.oem.ims');
    const d = await dump(device);
    expect(d.cached).toEqual([]);
    expect(d.controllers).toEqual([]);
    expect(d.eventLog.some((l) => l.startsWith('maybeRemovedImsService - removing ImsService:'))).toBe(true);
  });

  it('an app update is a removal (unbind) followed by an addition (new bind) with the new manifest', async () => {
    await setUp(device, { apps: { 'com.oem.ims': OEM_ALL } });
    await install(device, 'com.oem.ims', { metadata: ['MMTEL'] });
    const d = await dump(device);
    const removed = d.eventLog.findIndex((l) => l.startsWith('maybeRemovedImsService - removing ImsService'));
    const added = d.eventLog.findIndex((l, i) => i > removed && l.startsWith('maybeAddedImsService - adding new ImsService'));
    expect(removed).toBeGreaterThan(0);
    expect(added).toBeGreaterThan(removed);
    expect(await bound(device)).toEqual({ '0,MMTEL': ['com.oem.ims'] });
  });

  it('a disabled ImsService is never removed from the cache; its dead binding retries with a jittered backoff', async () => {
    await setUp(device, { apps: { 'com.oem.ims': OEM_ALL } });
    device.root(); // the shell may not disable components
    expect((await sh(device, 'pm disable com.oem.ims/com.oem.ims.ImsService')).code).toBe(0);
    await sh(device, 'sleep 3');
    const d = await dump(device);
    expect(d.cached).toHaveLength(1);
    const c = d.controllers[0];
    expect(c).toMatchObject({ isBound: false, isBinding: false });
    const logcat = (await sh(device, 'logcat -d -s ImsServiceController')).stdout;
    expect(logcat).toContain('ImsService(ComponentInfo{com.oem.ims/com.oem.ims.ImsService}): onBindingDiedInternal. Starting rebind...');
    // Each failed bind logs the delay in force, then notifyFailed() draws the next one from [T/2, T),
    // T = min(60 s, 2000·2^n), the start delay being 2000 itself. The controller's log keeps its last
    // lines only, and how many retries fit in the wait depends on how much device time the host let
    // pass: so the visible delays must be *some* consecutive stretch of that sequence.
    const delays = (c?.log ?? []).map((l) => /^ {4}binding failed, retrying in (\d+) mS$/.exec(l)).filter((m) => m !== null).map((m) => Number(m[1]));
    expect(delays.length).toBeGreaterThanOrEqual(2);
    const fits = (d: number, n: number): boolean => {
      if (n === 0) return d === 2000;
      const t = Math.min(60_000, 2000 * 2 ** n);
      return d >= t / 2 && d < t;
    };
    const all = [...delays, c?.rebindDelay ?? 0];
    const start = [0, 1, 2, 3, 4, 5, 6, 7, 8].find((n0) => all.every((d, i) => fits(d, n0 + i)));
    expect({ delays: all, fitsTheBackoff: start !== undefined }).toEqual({ delays: all, fitsTheBackoff: true });
  });

  it('a service the phone may not bind (not exported): bindService throws, the controller logs it and stays "binding" (AOSP never resets isBinding there)', async () => {
    await install(device, 'com.oem.ims', { ...OEM_ALL, exported: false });
    await settle(device);
    const d = await dump(device);
    expect(d.controllers[0]).toMatchObject({ isBinding: true, isBound: false });
    expect(d.controllers[0]?.log.some((l) => /^ {4}binding exception=Not allowed to bind to service Intent \{ act=android\.telephony\.ims\.ImsService cmp=com\.oem\.ims\/com\.oem\.ims\.ImsService \}, retrying in \d+ mS$/.test(l))).toBe(true);
  });

  it('a null binding is a permanent error: the package leaves the cache until a package broadcast brings it back', async () => {
    await setUp(device, { apps: { 'com.oem.ims': { ...OEM_ALL, behaviour: 'null-binding' } } });
    const d = await dump(device);
    expect(d.cached).toEqual([]);
    expect(d.controllers).toEqual([]);
    expect(d.eventLog.some((l) => l === 'imsServiceBindPermanentError - for ComponentInfo{com.oem.ims/com.oem.ims.ImsService}')).toBe(true);
    await sh(device, 'ims-rig-device app behaviour com.oem.ims normal');
    expect((await sh(device, 'pm disable-user com.oem.ims')).code).toBe(0);
    await settle(device);
    expect((await sh(device, 'pm enable com.oem.ims')).code).toBe(0);
    expect(Object.keys(await bound(device))).toHaveLength(3);
  });
});

describe('queries and bindings that fail', () => {
  it('a null binding during the feature query is a permanent error too (onNullBinding -> onPermanentError)', async () => {
    device = await bootDevice();
    await setUp(device, { overlay: OEM_OVERLAY, apps: { 'com.oem.ims': { answers: '0=MMTEL', behaviour: 'null-binding' } } });
    const d = await dump(device);
    expect(d.eventLog).toContain('onPermanentError - error for ComponentInfo{com.oem.ims/com.oem.ims.ImsService}');
    expect(d.cached).toEqual([]);
  });

  beforeEach(async () => {
    device = await bootDevice();
    await setUp(device, { overlay: OEM_OVERLAY });
  });

  it('retries a failing query every 5 s (device time)', async () => {
    await setUp(device, { apps: { 'com.oem.ims': { answers: '0=MMTEL', behaviour: 'query-error' } } });
    await sh(device, 'sleep 11');
    const d = await dump(device);
    expect(d.eventLog.filter((l) => l === 'onError - dynamic query error for ComponentInfo{com.oem.ims/com.oem.ims.ImsService}').length).toBeGreaterThanOrEqual(3);
    expect(d.controllers).toEqual([]);
    await sh(device, 'ims-rig-device app behaviour com.oem.ims normal');
    await sh(device, 'sleep 6');
    expect(await bound(device)).toEqual({ '0,MMTEL': ['com.oem.ims'] });
  });

  it('a service that crashes on every bind is rebound every 2 s (onServiceDisconnected, then onBindingDied)', async () => {
    await install(device, 'com.oem.ims', { ...OEM_ALL, behaviour: 'crash-on-bind' });
    const idle = await sh(device, 'ims-rig-device wait-idle --timeout-ms 50');
    expect(idle.code).toBe(1);
    expect(idle.stdout).toMatch(/^busy:/);
    await sh(device, 'sleep 5');
    const text = (await sh(device, 'dumpsys phone')).stdout;
    expect(text).toContain('onServiceDisconnectedInternal');
    expect(text).toContain('onBindingDiedInternal, retrying in 2000 mS');
  });

  it('one crash: the service is disconnected, restarted by the system, and its features come back', async () => {
    await setUp(device, { apps: { 'com.oem.ims': { answers: '0=MMTEL,RCS' } } });
    await sh(device, 'ims-rig-device app features com.oem.ims 0=MMTEL');
    expect(await bound(device)).toEqual({ '0,MMTEL': ['com.oem.ims'] });
    expect((await sh(device, 'ims-rig-device app crash com.oem.ims')).stdout).toBe('OK com.oem.ims crashed\n');
    const d = await dump(device);
    const log = d.controllers[0]?.log ?? [];
    expect(log.indexOf('onServiceDisconnectedInternal')).toBeLessThan(log.lastIndexOf('onServiceConnectedInternal'));
    // The process died: its feature set is back to the manifest answers for the next query.
    expect((await sh(device, 'ims-rig-device app show com.oem.ims')).stdout).toContain('features=0=MMTEL,RCS\n');
  });
});

describe('feature updates', () => {
  beforeEach(async () => {
    device = await bootDevice();
    await setUp(device, { overlay: OEM_OVERLAY, apps: { 'com.oem.ims': { answers: '0=EMERGENCY_MMTEL,MMTEL,RCS' } } });
  });

  it('onUpdateSupportedImsFeatures while bound changes the binding; an empty set unbinds but keeps the service cached (quirk 6)', async () => {
    expect((await sh(device, 'ims-rig-device app features com.oem.ims 0=RCS')).stdout).toBe('OK com.oem.ims features=0=RCS (onUpdateSupportedImsFeatures sent)\n');
    let d = await dump(device);
    expect(d.eventLog.some((l) => /^imsServiceFeaturesChanged - for \[ImsServiceController: componentName=ComponentInfo\{com\.oem\.ims\/com\.oem\.ims\.ImsService\}.*, new config \{\{s=0, f=RCS\}\}$/.test(l))).toBe(true);
    expect(d.controllers[0]?.log).toContain('onUpdateSupportedImsFeatures to {{s=0, f=RCS}}');
    expect(await bound(device)).toEqual({ '0,RCS': ['com.oem.ims'] });
    await sh(device, 'ims-rig-device app features com.oem.ims');
    d = await dump(device);
    expect(d.controllers).toEqual([]);
    expect(d.cached).toEqual([expect.objectContaining({ packageName: 'com.oem.ims', features: [] })]);
  });

  it('a service that is not bound only changes its next answer; the next carrier-config change re-queries it', async () => {
    await sh(device, 'ims-rig-device app features com.oem.ims');
    expect((await dump(device)).controllers).toEqual([]);
    expect((await sh(device, 'ims-rig-device app features com.oem.ims 0=MMTEL')).stdout).toContain('(answered at the next query)');
    expect((await dump(device)).controllers).toEqual([]);
    await setUp(device, { sims: { 0: {} } });
    expect(await bound(device)).toEqual({ '0,MMTEL': ['com.oem.ims'] });
  });
});

describe('carrier services', () => {
  it('does not query a service that is neither the device nor a carrier service', async () => {
    device = await bootDevice();
    await setUp(device, { overlay: OEM_OVERLAY, apps: { 'com.oem.ims': OEM_ALL, 'com.carrier.a.ims': { answers: '0=RCS' } } });
    expect((await dump(device)).cached.find((c) => c.packageName === 'com.carrier.a.ims')).toMatchObject({ fromMetadata: false, features: [] });
    await setUp(device, { sims: { 0: { [MMTEL_KEY]: 'com.carrier.a.ims' } } });
    expect((await dump(device)).cached.find((c) => c.packageName === 'com.carrier.a.ims')?.features).toEqual(['{0,RCS}']);
    // Configured for MMTEL, supports only RCS: it gets nothing, the device keeps everything.
    expect(await bound(device)).toEqual({ '0,EMERGENCY_MMTEL': ['com.oem.ims'], '0,MMTEL': ['com.oem.ims'], '0,RCS': ['com.oem.ims'] });
  });
});
