/**
 * Telephony state that outlives com.android.phone: the SIM cards in the slots (simulated modem
 * hardware), the subscription database (ICCID -> subId; AOSP keeps it in telephony.db), the
 * persistent carrier-config overrides (`cc set-value -p`, keyed by ICCID like CarrierConfigLoader's
 * persistent override files), the TeleService overlay (an RRO in AOSP) and the MSIM configuration.
 * It is a JSON file on the device's /data, so it survives phone restarts and reboots with the
 * rest of the device's files; the phone process reads it at start.
 */
import { type DeviceFs } from '../../device/android-device';
import { type Bundle, bundleFromJson, bundleToJson } from '../carrier/bundle';

export const STORE_PATH = '/data/vendor/ims-rig/telephony-state.json';

export interface SimCard {
  readonly iccid: string;
  /** The carrier-config XML it was inserted with (device path), for `sim list`. */
  readonly carrierFile: string;
  /** The carrier config the CarrierConfig app read from it (snapshot at insertion). */
  readonly carrierConfig: Bundle;
}

export interface TelephonyState {
  slotCount: 1 | 2 | undefined;
  /** Index = slot. A SIM in a slot beyond slotCount stays in the store but is inactive. */
  sims: (SimCard | null)[];
  /** Subscription database. */
  subIdByIccid: Record<string, number>;
  nextSubId: number;
  defaultVoiceSubId: number;
  defaultDataSubId: number;
  /** CarrierConfigLoader persistent overrides, by ICCID. */
  persistentOverrides: Record<string, Bundle>;
  /** TeleService overlay (config_ims_mmtel_package / config_ims_rcs_package); undefined = not overlaid. */
  overlay: { mmtel: string; rcs: string } | undefined;
  /** Counter for generated ICCIDs. */
  nextIccidSerial: number;
  /**
   * ICCIDs whose UICC applications are switched off (SubscriptionDatabase
   * `uicc_applications_enabled = 0`, set by `cmd phone disable-physical-subscription`); kept
   * across restarts and reboots like the subscription database.
   */
  uiccAppsDisabled?: string[];
}

function emptyState(): TelephonyState {
  return {
    slotCount: undefined,
    sims: [null, null],
    subIdByIccid: {},
    nextSubId: 1,
    defaultVoiceSubId: -1,
    defaultDataSubId: -1,
    persistentOverrides: {},
    overlay: undefined,
    nextIccidSerial: 1,
  };
}

interface StoredSim {
  iccid: string;
  carrierFile: string;
  carrierConfig: unknown;
}

interface StoredState extends Omit<TelephonyState, 'sims' | 'persistentOverrides'> {
  sims: (StoredSim | null)[];
  persistentOverrides: Record<string, unknown>;
}

export class DeviceStore {
  constructor(private readonly fs: DeviceFs) {}

  /** Whether the device has telephony state yet (false until its first phone process saved some). */
  exists(): boolean {
    return typeof this.fs.readFile(STORE_PATH) !== 'number';
  }

  load(): TelephonyState {
    const raw = this.fs.readFile(STORE_PATH);
    if (typeof raw === 'number') return emptyState();
    try {
      const stored = JSON.parse(raw.toString('utf8')) as StoredState;
      return {
        ...emptyState(),
        ...stored,
        sims: [0, 1].map((i) => {
          const s = stored.sims[i];
          return s ? { iccid: s.iccid, carrierFile: s.carrierFile, carrierConfig: bundleFromJson(s.carrierConfig) } : null;
        }),
        persistentOverrides: Object.fromEntries(Object.entries(stored.persistentOverrides ?? {}).map(([k, v]) => [k, bundleFromJson(v)])),
      };
    } catch {
      return emptyState();
    }
  }

  save(state: TelephonyState): void {
    const stored: StoredState = {
      ...state,
      sims: state.sims.map((s) => (s ? { iccid: s.iccid, carrierFile: s.carrierFile, carrierConfig: bundleToJson(s.carrierConfig) } : null)),
      persistentOverrides: Object.fromEntries(Object.entries(state.persistentOverrides).map(([k, v]) => [k, bundleToJson(v)])),
    };
    this.fs.writeFile(STORE_PATH, Buffer.from(JSON.stringify(stored, null, 1)), 0o600, Math.floor(Date.now() / 1000));
  }

  /** Reads, changes and writes the state. */
  update<T>(change: (state: TelephonyState) => T): T {
    const state = this.load();
    const result = change(state);
    this.save(state);
    return result;
  }
}
