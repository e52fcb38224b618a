/**
 * Every deviation profile changes the outcome of a scenario that plain AOSP gets right: the same
 * setup runs on a plain reference device and on one with the deviation, and the binding tables
 * read from `dumpsys phone` differ as the profile says.
 */
import { type ReferenceDevice } from '../../android/reference-device';
import { createPhoneProcess } from '../../telephony/phone-process';
import { bootDevice, bound, insertSim, LEGACY_KEY, MMTEL_KEY, OEM_ALL, RCS_KEY, setUp, settle, sh, uninstall } from '../../telephony/__tests__/reference-phone';
import { DEVIATIONS, deviationHooks } from '../deviations';
import { installObserver, observe, observerEvents, register } from '../../telephony/__tests__/observer-phone';

/** The observer app's callbacks as a table: "events" -> `<event> <reg>[ <reason>]` in order. */
async function callbacks(d: ReferenceDevice): Promise<Table> {
  await settle(d);
  return { events: observerEvents(d) };
}

jest.setTimeout(30000);

type Table = Record<string, string[]>;
const OEM = 'com.oem.ims';
const OEM_OVERLAY = { mmtel: OEM, rcs: OEM };
const ALL_OEM: Table = { '0,EMERGENCY_MMTEL': [OEM], '0,MMTEL': [OEM], '0,RCS': [OEM] };

interface Case {
  readonly deviation: string;
  /** Drives a booted device into the situation; returns the binding table to compare. */
  readonly run: (device: ReferenceDevice) => Promise<Table>;
  readonly aosp: Table;
  readonly deviant: Table;
}


/** The observer registered for slot 0's MMTEL with the OEM service bound and ready, then the phone process restarted. */
async function registerThenRestartPhone(d: ReferenceDevice): Promise<void> {
  await installObserver(d);
  await setUp(d, { overlay: OEM_OVERLAY, apps: { [OEM]: OEM_ALL }, sims: { 0: {} } });
  await register(d, 'm', 0, 'MMTEL');
  await settle(d);
  await sh(d, 'ims-rig-device phone restart');
}

const CASES: readonly Case[] = [
  {
    deviation: 'carrier-without-feature',
    run: async (d) => {
      await setUp(d, { overlay: OEM_OVERLAY, apps: { [OEM]: OEM_ALL, 'com.carrier.a.ims': { answers: '0=RCS' } }, sims: { 0: { [MMTEL_KEY]: 'com.carrier.a.ims', [RCS_KEY]: 'com.carrier.a.ims' } } });
      return bound(d);
    },
    aosp: { '0,EMERGENCY_MMTEL': [OEM], '0,MMTEL': [OEM], '0,RCS': ['com.carrier.a.ims'] },
    deviant: { '0,EMERGENCY_MMTEL': ['com.carrier.a.ims'], '0,MMTEL': ['com.carrier.a.ims'], '0,RCS': ['com.carrier.a.ims'] },
  },
  {
    deviation: 'no-per-feature-fallback',
    run: async (d) => {
      await setUp(d, { overlay: OEM_OVERLAY, apps: { [OEM]: OEM_ALL, 'com.carrier.a.ims': { answers: '0=RCS' } }, sims: { 0: { [RCS_KEY]: 'com.carrier.a.ims' } } });
      return bound(d);
    },
    aosp: { '0,EMERGENCY_MMTEL': [OEM], '0,MMTEL': [OEM], '0,RCS': ['com.carrier.a.ims'] },
    deviant: { '0,RCS': ['com.carrier.a.ims'] },
  },
  {
    deviation: 'bind-permission-not-enforced',
    run: async (d) => {
      await setUp(d, { overlay: { mmtel: 'com.rogue.ims', rcs: 'com.rogue.ims' }, apps: { 'com.rogue.ims': { ...OEM_ALL, permission: false } } });
      return bound(d);
    },
    aosp: {},
    deviant: { '0,EMERGENCY_MMTEL': ['com.rogue.ims'], '0,MMTEL': ['com.rogue.ims'], '0,RCS': ['com.rogue.ims'] },
  },
  {
    deviation: 'emergency-without-mmtel',
    run: async (d) => {
      await setUp(d, { overlay: OEM_OVERLAY, apps: { [OEM]: { answers: '0=EMERGENCY_MMTEL,RCS' } } });
      return bound(d);
    },
    aosp: { '0,RCS': [OEM] },
    deviant: { '0,EMERGENCY_MMTEL': [OEM], '0,RCS': [OEM] },
  },
  {
    deviation: 'no-unbind-on-empty-features',
    run: async (d) => {
      await setUp(d, { overlay: OEM_OVERLAY, apps: { [OEM]: { answers: '0=EMERGENCY_MMTEL,MMTEL,RCS' } } });
      await sh(d, `ims-rig-device app features ${OEM}`);
      return bound(d);
    },
    aosp: {},
    deviant: ALL_OEM,
  },
  {
    deviation: 'bound-after-uninstall',
    run: async (d) => {
      await setUp(d, { overlay: OEM_OVERLAY, apps: { [OEM]: OEM_ALL } });
      await uninstall(d, OEM);
      await settle(d);
      return bound(d);
    },
    aosp: {},
    deviant: ALL_OEM,
  },
  {
    deviation: 'nothing-without-sim',
    run: async (d) => {
      await setUp(d, { overlay: OEM_OVERLAY, apps: { [OEM]: OEM_ALL } });
      return bound(d);
    },
    aosp: ALL_OEM,
    deviant: {},
  },
  {
    deviation: 'carrier-config-change-ignored',
    run: async (d) => {
      await setUp(d, { overlay: OEM_OVERLAY, apps: { [OEM]: OEM_ALL, 'com.carrier.b.ims': { answers: '0=EMERGENCY_MMTEL,MMTEL,RCS' } } });
      await insertSim(d, 0, { [MMTEL_KEY]: 'com.carrier.b.ims', [RCS_KEY]: 'com.carrier.b.ims' });
      return bound(d);
    },
    aosp: { '0,EMERGENCY_MMTEL': ['com.carrier.b.ims'], '0,MMTEL': ['com.carrier.b.ims'], '0,RCS': ['com.carrier.b.ims'] },
    deviant: ALL_OEM,
  },
  {
    deviation: 'legacy-key-ignored',
    run: async (d) => {
      await setUp(d, { overlay: OEM_OVERLAY, apps: { [OEM]: OEM_ALL, 'com.carrier.b.ims': { answers: '0=EMERGENCY_MMTEL,MMTEL,RCS' } }, sims: { 0: { [LEGACY_KEY]: 'com.carrier.b.ims' } } });
      return bound(d);
    },
    aosp: { '0,EMERGENCY_MMTEL': ['com.carrier.b.ims'], '0,MMTEL': ['com.carrier.b.ims'], '0,RCS': ['com.carrier.b.ims'] },
    deviant: ALL_OEM,
  },
  {
    deviation: 'compat-not-supported',
    run: async (d) => {
      await setUp(d, { overlay: { mmtel: 'com.legacy.ims', rcs: '' }, apps: { 'com.legacy.ims': { action: 'compat', metadata: ['EMERGENCY_MMTEL', 'MMTEL'] } } });
      return bound(d);
    },
    aosp: { '0,EMERGENCY_MMTEL': ['com.legacy.ims'], '0,MMTEL': ['com.legacy.ims'] },
    deviant: {},
  },
  {
    deviation: 'state-callback-no-error-on-crash',
    run: async (d) => {
      await registerThenRestartPhone(d);
      return callbacks(d);
    },
    aosp: { events: ['register m#1', 'onAvailable m#1', 'onError m#1'] },
    deviant: { events: ['register m#1', 'onAvailable m#1'] },
  },
  {
    deviation: 'state-callback-wrong-reason-unconfigured',
    run: async (d) => {
      await installObserver(d);
      await setUp(d, { sims: { 0: {} } });
      await register(d, 'm', 0, 'MMTEL');
      return callbacks(d);
    },
    aosp: { events: ['register m#1', 'onUnavailable m#1 NO_IMS_SERVICE_CONFIGURED'] },
    deviant: { events: ['register m#1', 'onUnavailable m#1 IMS_SERVICE_DISCONNECTED'] },
  },
  {
    deviation: 'state-callback-updates-after-error',
    run: async (d) => {
      await registerThenRestartPhone(d);
      await settle(d);
      await observe(d, '--es op register --es id n --ei slot 0 --es feature MMTEL');
      return callbacks(d);
    },
    aosp: { events: ['register m#1', 'onAvailable m#1', 'onError m#1', 'register n#1', 'onAvailable n#1'] },
    deviant: { events: ['register m#1', 'onAvailable m#1', 'onError m#1', 'onAvailable m#1', 'register n#1', 'onAvailable n#1'] },
  },
];

describe('deviation profiles', () => {
  it('lists at least eight, each with a description, and every one has a case here', () => {
    expect(DEVIATIONS.length).toBeGreaterThanOrEqual(8);
    for (const d of DEVIATIONS) expect(d.description.length).toBeGreaterThan(20);
    // Profiles that change no binding are covered where they act: the SIP delegate API
    // (telephony/ims-phone/__tests__/telephony-apis.test.ts) and its UI scenario (suites e2e).
    const notBinding = ['singlereg-without-sip-delegates'];
    expect([...CASES.map((c) => c.deviation), ...notBinding].sort()).toEqual(DEVIATIONS.map((d) => d.name).sort());
  });

  it('turns on exactly one hook each; an unknown name is refused at phone-process creation', () => {
    for (const d of DEVIATIONS) expect(Object.values(deviationHooks(d.name)).filter(Boolean)).toHaveLength(1);
    expect(Object.values(deviationHooks(undefined)).some(Boolean)).toBe(false);
    expect(() => createPhoneProcess({ slots: 1, deviation: 'typo' })).toThrow('unknown deviation profile "typo"');
  });

  it.each(CASES.map((c) => [c.deviation, c] as const))('%s changes the outcome', async (name, c) => {
    const plain = await bootDevice();
    try {
      expect(await c.run(plain)).toEqual(c.aosp);
      expect((await sh(plain, 'ims-rig-device deviation')).stdout).toBe('none\n');
    } finally {
      plain.dispose();
    }
    const deviant = await bootDevice({ deviation: name });
    try {
      expect(await c.run(deviant)).toEqual(c.deviant);
      expect((await sh(deviant, 'ims-rig-device deviation')).stdout).toBe(`${name}\n`);
    } finally {
      deviant.dispose();
    }
  });
});

