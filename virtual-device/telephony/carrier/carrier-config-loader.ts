/**
 * CarrierConfigLoader (SVCM src/com/android/phone/CarrierConfigLoader.java): the carrier config of
 * each subscription — AOSP defaults, then what the CarrierConfig app read for the SIM, then the
 * persistent overrides of that SIM (by ICCID), then the in-memory overrides of the slot — and the
 * sticky ACTION_CARRIER_CONFIG_CHANGED broadcast (extras slot + subscription index) when a slot's
 * config is (re)loaded, cleared or overridden.
 */
import { ACTION_CARRIER_CONFIG_CHANGED, type BroadcastBus, EXTRA_SLOT_INDEX, EXTRA_SUBSCRIPTION_INDEX, type LogBuffer } from '../../android/platform';
import { type Handler } from '../java/scheduler';
import { type DeviceStore } from '../state/device-store';
import { INVALID_SUBSCRIPTION_ID, type Subscriptions } from '../state/subscriptions';
import { type Bundle, type BundleValue, putAll } from './bundle';
import { defaultCarrierConfig } from './carrier-config-defaults';

const TAG = 'CarrierConfigLoader';
/** Device milliseconds from SIM detection to its config being loaded and broadcast. */
export const SIM_LOAD_DELAY_MS = 250;

/** The IllegalArgumentException overrideConfig throws for a subscription without a phone. */
export class InvalidSubscriptionError extends Error {
  constructor(subId: number, phoneId: number) {
    super(`Invalid phoneId ${phoneId} for subId ${subId}`);
    this.name = 'java.lang.IllegalArgumentException';
  }
}

function emptyBundle(): Bundle {
  return new Map<string, BundleValue | null>();
}

export class CarrierConfigLoader {
  private readonly overrides = new Map<number, Bundle>();

  constructor(
    private readonly store: DeviceStore,
    private readonly subscriptions: Subscriptions,
    private readonly bus: BroadcastBus,
    private readonly main: Handler,
    private readonly logcat: LogBuffer,
  ) {}

  /** CarrierConfigManager.getConfigForSubId: defaults for a subscription not active on a phone. */
  getConfigForSubId(subId: number): Bundle {
    const config = defaultCarrierConfig();
    const phoneId = this.subscriptions.slotOf(subId);
    if (phoneId < 0) return config;
    const state = this.store.load();
    const sim = state.sims[phoneId];
    if (sim) {
      putAll(config, sim.carrierConfig);
      const persistent = state.persistentOverrides[sim.iccid];
      if (persistent) putAll(config, persistent);
    }
    const inMemory = this.overrides.get(phoneId);
    if (inMemory) putAll(config, inMemory);
    return config;
  }

  /**
   * CarrierConfigManager.overrideConfig(subId, overrides, persistent): null clears every override
   * (with persistent=true, the stored ones too). Rebroadcasts CARRIER_CONFIG_CHANGED.
   */
  overrideConfig(subId: number, overrides: Bundle | null, persistent: boolean): void {
    const phoneId = this.subscriptions.slotOf(subId);
    if (phoneId < 0) {
      this.logcat.write('D', TAG, `Ignore invalid phoneId: ${phoneId} for subId: ${subId}`);
      throw new InvalidSubscriptionError(subId, phoneId);
    }
    if (overrides === null) this.overrides.set(phoneId, emptyBundle());
    else this.overrides.set(phoneId, putAll(this.overrides.get(phoneId) ?? emptyBundle(), overrides));
    if (persistent) {
      const iccid = this.store.load().sims[phoneId]?.iccid;
      if (iccid !== undefined) {
        this.store.update((state) => {
          if (overrides === null) delete state.persistentOverrides[iccid];
          else state.persistentOverrides[iccid] = putAll(state.persistentOverrides[iccid] ?? emptyBundle(), overrides);
        });
      }
    }
    this.main.post(`${TAG} broadcast slot ${phoneId}`, () => this.broadcast(phoneId));
  }

  /** A SIM was detected in the slot (boot, phone start, insertion, new slot): load it, then broadcast. */
  loadSlot(slotId: number, delayMs = SIM_LOAD_DELAY_MS): void {
    this.main.post(`${TAG} load SIM slot ${slotId}`, () => {
      if (slotId >= this.subscriptions.slotCount) return;
      this.subscriptions.load(slotId);
      this.broadcast(slotId);
    }, delayMs);
  }

  /** The SIM was removed: the slot's in-memory overrides go with its subscription. */
  simRemoved(slotId: number): void {
    this.subscriptions.remove(slotId);
    this.overrides.delete(slotId);
    this.main.post(`${TAG} SIM absent slot ${slotId}`, () => this.broadcast(slotId));
  }

  /**
   * The SIM's applications were switched off: NOT_READY, no subscription, the slot's config is
   * cleared and re-broadcast (updateConfigForPhoneId with ICC_NOT_READY → EVENT_CLEAR_CONFIG). The
   * in-memory overrides are per phone and stay, as CarrierConfigLoader keeps mOverrideConfigs.
   */
  simNotReady(slotId: number, delayMs: number): void {
    this.main.post(`${TAG} SIM not ready slot ${slotId}`, () => {
      if (slotId >= this.subscriptions.slotCount) return;
      this.subscriptions.load(slotId);
      this.broadcast(slotId);
    }, delayMs);
  }

  private broadcast(slotId: number): void {
    const subId = this.subscriptions.subId(slotId);
    this.logcat.write('D', TAG, `Broadcast CARRIER_CONFIG_CHANGED for phone ${slotId}, subId=${subId}`);
    this.bus.send({
      action: ACTION_CARRIER_CONFIG_CHANGED,
      extras: {
        [EXTRA_SLOT_INDEX]: slotId,
        [EXTRA_SUBSCRIPTION_INDEX]: subId,
        phone: slotId,
        slot: slotId,
        subscription: subId,
        'android.telephony.extra.REBROADCAST_ON_UNLOCK': false,
      },
    });
  }

  static readonly INVALID_SUBSCRIPTION_ID = INVALID_SUBSCRIPTION_ID;
}
