/**
 * The phone process's view of SIMs and subscriptions (UiccController + SubscriptionManagerService):
 * per slot a SIM state and, once the SIM has loaded in this process, an active subscription.
 * At process start every slot is UNKNOWN until the SIM (or its absence) has been read, so
 * SubscriptionManager.getSubscriptionId(slot) is INVALID when ImsResolver initialises — as on a
 * device, where the SIM loads after PhoneGlobals.onCreate.
 */
import { SIM_STATE_ABSENT, SIM_STATE_LOADED, SIM_STATE_NOT_READY, SIM_STATE_UNKNOWN } from '../ims/resolver-environment';
import { type DeviceStore, type TelephonyState } from './device-store';

export const INVALID_SUBSCRIPTION_ID = -1;

export class Subscriptions {
  private readonly states = new Map<number, number>();
  private readonly activeSubIds = new Map<number, number>();
  /** OnSubscriptionsChangedListeners (TelephonyRegistry tells them when the active set changes). */
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly store: DeviceStore,
    private numSlots: number,
  ) {}

  get slotCount(): number {
    return this.numSlots;
  }

  /** TelephonyRegistryManager#addOnSubscriptionsChangedListener; returns the remover. */
  onChanged(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** SubscriptionManager#getActiveSubscriptionIdList, by slot. */
  activeSubscriptionIds(): number[] {
    return [...this.activeSubIds.entries()].sort(([a], [b]) => a - b).map(([, sub]) => sub);
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
  }

  setSlotCount(numSlots: number): void {
    for (let s = numSlots; s < this.numSlots; s++) {
      this.states.delete(s);
      this.activeSubIds.delete(s);
    }
    this.numSlots = numSlots;
    this.updateDefaults();
    this.changed();
  }

  simState(slotId: number): number {
    return this.states.get(slotId) ?? SIM_STATE_UNKNOWN;
  }

  /** SubscriptionManager.getSubscriptionId(slot). */
  subId(slotId: number): number {
    return this.activeSubIds.get(slotId) ?? INVALID_SUBSCRIPTION_ID;
  }

  /** SubscriptionManager.getSlotIndex(subId): -1 if not active. */
  slotOf(subId: number): number {
    for (const [slot, sub] of this.activeSubIds) if (sub === subId) return slot;
    return -1;
  }

  iccid(slotId: number): string | undefined {
    return this.activeSubIds.has(slotId) ? this.store.load().sims[slotId]?.iccid : undefined;
  }

  /**
   * The SIM in the slot has been read: LOADED with its subscription, ABSENT, or — a SIM whose UICC
   * applications are switched off — NOT_READY without an active subscription, which AOSP treats
   * as a final state equivalent to ABSENT (SubscriptionManagerService.areAllSubscriptionsLoaded,
   * "NOT_READY is not a final state" unless areUiccAppsDisabledOnCard).
   */
  load(slotId: number): number {
    if (slotId >= this.numSlots) return INVALID_SUBSCRIPTION_ID;
    let disabled = false;
    const subId = this.store.update((state) => {
      const sim = state.sims[slotId];
      if (!sim) return INVALID_SUBSCRIPTION_ID;
      const id = subIdFor(state, sim.iccid);
      disabled = (state.uiccAppsDisabled ?? []).includes(sim.iccid);
      return disabled ? INVALID_SUBSCRIPTION_ID : id;
    });
    if (subId === INVALID_SUBSCRIPTION_ID) {
      this.states.set(slotId, disabled ? SIM_STATE_NOT_READY : SIM_STATE_ABSENT);
      this.activeSubIds.delete(slotId);
    } else {
      this.states.set(slotId, SIM_STATE_LOADED);
      this.activeSubIds.set(slotId, subId);
    }
    this.updateDefaults();
    this.changed();
    return subId;
  }

  /** The SIM was pulled out. */
  remove(slotId: number): void {
    this.states.set(slotId, SIM_STATE_ABSENT);
    this.activeSubIds.delete(slotId);
    this.updateDefaults();
    this.changed();
  }

  defaultVoiceSubId(): number {
    return this.store.load().defaultVoiceSubId;
  }

  defaultDataSubId(): number {
    return this.store.load().defaultDataSubId;
  }

  /** SubscriptionManager.getDefaultVoicePhoneId(): -1 without an active default voice sub. */
  defaultVoicePhoneId(): number {
    return this.slotOf(this.defaultVoiceSubId());
  }

  /** SubscriptionManager.getDefaultSubscriptionId() on a voice-capable device. */
  defaultSubscriptionId(): number {
    return this.defaultVoiceSubId();
  }

  /** A default that is no longer active moves to the first active subscription (or INVALID). */
  private updateDefaults(): void {
    const active = [...this.activeSubIds.entries()].sort(([a], [b]) => a - b).map(([, sub]) => sub);
    this.store.update((state) => {
      const fallback = active[0] ?? INVALID_SUBSCRIPTION_ID;
      if (!active.includes(state.defaultVoiceSubId)) state.defaultVoiceSubId = fallback;
      if (!active.includes(state.defaultDataSubId)) state.defaultDataSubId = fallback;
    });
  }
}

/** The subscription id of an ICCID: a SIM seen before keeps its id; a new one gets the next (1, 2, 3…). */
export function subIdFor(state: TelephonyState, iccid: string): number {
  const known = state.subIdByIccid[iccid];
  if (known !== undefined) return known;
  const subId = state.nextSubId++;
  state.subIdByIccid[iccid] = subId;
  return subId;
}
