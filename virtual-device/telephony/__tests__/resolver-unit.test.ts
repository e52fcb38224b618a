/**
 * ImsResolver rules that need the resolver stopped at a precise moment (reference §1.4, §1.5):
 * nothing is bound before the first CARRIER_CONFIG_CHANGED, BOOT_COMPLETED handling, the
 * CARRIER_CONFIG_CHANGED filters, and bindCarrierServicesIfAvailable at initialisation.
 */
import { bindings } from './dumpsys-reader';
import { imsService, ResolverHarness } from './resolver-harness';

const OEM = imsService('com.oem.ims', { metaData: { 'android.telephony.ims.MMTEL_FEATURE': true, 'android.telephony.ims.RCS_FEATURE': true } });
const BOOT_COMPLETED = { action: 'android.intent.action.BOOT_COMPLETED', extras: {} };

describe('before the first CARRIER_CONFIG_CHANGED', () => {
  it('binds nothing, even after BOOT_COMPLETED ("update cache" only)', () => {
    const h = new ResolverHarness({ mmtel: 'com.oem.ims', rcs: 'com.oem.ims' });
    h.pm.add(OEM);
    h.resolver.initialize();
    h.run();
    h.send(BOOT_COMPLETED);
    let d = h.dump();
    expect(d.eventLog).toEqual(['Initializing', 'handling BOOT_COMPLETE', 'boot complete - update cache']);
    expect(d.cached).toHaveLength(1);
    expect(d.controllers).toEqual([]);
    h.simStates.set(0, 1); // ABSENT
    h.carrierConfigChanged(0, -1);
    d = h.dump();
    expect(bindings(d)).toEqual({ '0,MMTEL': ['com.oem.ims'], '0,RCS': ['com.oem.ims'] });
  });

  it('BOOT_COMPLETED after a CARRIER_CONFIG_CHANGED re-queries PackageManager (services that appeared meanwhile)', () => {
    const h = new ResolverHarness({ mmtel: 'com.oem.ims', rcs: 'com.oem.ims' });
    h.resolver.initialize();
    h.run();
    h.simStates.set(0, 1);
    h.carrierConfigChanged(0, -1);
    expect(h.dump().controllers).toEqual([]);
    h.pm.add(OEM); // e.g. not direct-boot aware: visible only after unlock, no broadcast (quirk 14)
    h.send(BOOT_COMPLETED);
    const d = h.dump();
    expect(d.eventLog).toContain('boot complete - reeval');
    expect(bindings(d)).toEqual({ '0,MMTEL': ['com.oem.ims'], '0,RCS': ['com.oem.ims'] });
  });

  it('handles BOOT_COMPLETE once, at initialisation, when the user is already unlocked', () => {
    const h = new ResolverHarness({ unlocked: true });
    h.resolver.initialize();
    h.run();
    h.send(BOOT_COMPLETED);
    expect(h.dump().eventLog.filter((l) => l === 'handling BOOT_COMPLETE')).toHaveLength(1);
  });
});

describe('CARRIER_CONFIG_CHANGED filters', () => {
  function ready(): ResolverHarness {
    const h = new ResolverHarness({ mmtel: 'com.oem.ims', rcs: 'com.oem.ims', slots: 1 });
    h.pm.add(OEM);
    h.resolver.initialize();
    h.run();
    return h;
  }

  it('ignores an intent without a slot', () => {
    const h = ready();
    h.send({ action: 'android.telephony.action.CARRIER_CONFIG_CHANGED', extras: {} });
    expect(h.logcat).toContain('I ImsResolver: Received CCC for invalid slot id.');
    expect(h.dump().controllers).toEqual([]);
  });

  it('ignores an invalid subscription unless the SIM is ABSENT or NOT_READY', () => {
    const h = ready();
    h.simStates.set(0, 5); // READY, config not loaded yet
    h.carrierConfigChanged(0, -1);
    expect(h.logcat).toContain('I ImsResolver: Received CCC for slot 0 and sim state 5, ignoring.');
    expect(h.dump().controllers).toEqual([]);
    h.simStates.set(0, 6); // NOT_READY (commit 298b7e8e)
    h.carrierConfigChanged(0, -1);
    expect(h.dump().controllers).toHaveLength(1);
  });

  it('drops a slot beyond the configured number of slots (a residual event after an MSIM change)', () => {
    const h = ready();
    h.carrierConfigChanged(1, 7);
    expect(h.logcat).toContain('W ImsResolver: HANDLER_CONFIG_CHANGED for invalid slotid=1');
  });
});

describe('bindCarrierServicesIfAvailable at initialisation', () => {
  it('with a subscription and carrier config already known, queries the carrier package and binds after the query', () => {
    const h = new ResolverHarness({ mmtel: 'com.oem.ims', rcs: 'com.oem.ims' });
    h.pm.add(OEM);
    h.pm.add(imsService('com.carrier.a.ims', { metaData: { 'ims-rig.answers': '0=RCS' } }));
    h.subIds.set(0, 1);
    h.carrierConfigs.set(1, { config_ims_rcs_package_override_string: 'com.carrier.a.ims' });
    h.resolver.initialize();
    h.run();
    const d = h.dump();
    expect(d.eventLog).toContain('bindCarrierServicesIfAvailable - carrier package found: com.carrier.a.ims on slot 0');
    expect(bindings(d)).toEqual({ '0,MMTEL': ['com.oem.ims'], '0,RCS': ['com.carrier.a.ims'] });
  });

  it('A15: a configured carrier package that is not installed triggers no recalculation: nothing is bound until a CARRIER_CONFIG_CHANGED', () => {
    const h = new ResolverHarness({ mmtel: 'com.oem.ims', rcs: 'com.oem.ims' });
    h.pm.add(OEM);
    h.subIds.set(0, 1);
    h.carrierConfigs.set(1, { config_ims_rcs_package_override_string: 'com.carrier.missing' });
    h.resolver.initialize();
    h.run();
    expect(h.dump().controllers).toEqual([]);
    h.simStates.set(0, 5);
    h.carrierConfigChanged(0, 1);
    expect(bindings(h.dump())).toEqual({ '0,MMTEL': ['com.oem.ims'], '0,RCS': ['com.oem.ims'] });
  });
});

describe('get-ims-service through the handler', () => {
  it('answers from the handler, "" for an invalid slot, and null when the handler does not answer within 5 s', async () => {
    const h = new ResolverHarness({ mmtel: 'com.oem.ims' });
    const answered = h.resolver.getImsServiceConfiguration(0, false, 1);
    h.run(10);
    await expect(answered).resolves.toBe('com.oem.ims');
    await expect(h.resolver.getImsServiceConfiguration(3, false, 1)).resolves.toBe('');
    h.resolverThread.quitSafely();
    const stuck = h.resolver.getImsServiceConfiguration(0, false, 1);
    h.run(4999);
    let settled = false;
    void stuck.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    h.run(1);
    await expect(stuck).resolves.toBeNull();
  });
});
