/**
 * The configuration tables of ImsResolver: device defaults (mDeviceServices, an ArrayMap keyed by
 * feature), the carrier-configured package per (slot, feature) (mCarrierServices), the shell
 * overrides (mOverrideServices) and slot -> subId (mSlotIdToSubIdMap). Accessed on the resolver
 * handler only, like in AOSP.
 */
import { FEATURE_TYPES, type FeatureType } from './feature-slot-pair';

export const INVALID_SUBSCRIPTION_ID = -1;

export class ResolverConfiguration {
  private readonly deviceServices = new Map<FeatureType, string>();
  private readonly carrierServices = new Map<number, Map<FeatureType, string>>();
  private readonly overrideServices = new Map<number, Map<FeatureType, string>>();
  private readonly slotIdToSubId = new Map<number, number>();

  constructor(mmtelPackage: string, rcsPackage: string, numSlots: number) {
    // Carrier/device MMTEL package also owns EMERGENCY_MMTEL (reference §1.8 quirk 1).
    this.setDevice(0, mmtelPackage);
    this.setDevice(1, mmtelPackage);
    this.setDevice(2, rcsPackage);
    for (let i = 0; i < numSlots; i++) this.slotIdToSubId.set(i, INVALID_SUBSCRIPTION_ID);
  }

  // Device ------------------------------------------------------------------------------------

  device(feature: FeatureType): string {
    return this.deviceServices.get(feature) ?? '';
  }

  setDevice(feature: FeatureType, packageName: string): void {
    this.deviceServices.set(feature, packageName);
  }

  isDevicePackage(packageName: string): boolean {
    return [...this.deviceServices.values()].includes(packageName);
  }

  /** ArrayMap iteration: by key. */
  deviceEntries(): [FeatureType, string][] {
    return FEATURE_TYPES.filter((f) => this.deviceServices.has(f)).map((f) => [f, this.deviceServices.get(f) ?? '']);
  }

  // Carrier -----------------------------------------------------------------------------------

  carrier(slotId: number, feature: FeatureType): string {
    return this.carrierServices.get(slotId)?.get(feature) ?? '';
  }

  setCarrier(slotId: number, feature: FeatureType, packageName: string): void {
    let m = this.carrierServices.get(slotId);
    if (!m) {
      m = new Map();
      this.carrierServices.set(slotId, m);
    }
    m.set(feature, packageName);
  }

  carrierFeatures(slotId: number): FeatureType[] {
    return [...(this.carrierServices.get(slotId)?.keys() ?? [])];
  }

  /** Any (slot, feature) on this slot set to a non-empty carrier package. */
  carrierPackagesOnSlot(slotId: number): string[] {
    return [...(this.carrierServices.get(slotId)?.values() ?? [])].filter((p) => p !== '');
  }

  // Shell overrides -----------------------------------------------------------------------------

  override(slotId: number, feature: FeatureType): string | undefined {
    return this.overrideServices.get(slotId)?.get(feature);
  }

  setOverride(slotId: number, feature: FeatureType, packageName: string): void {
    let m = this.overrideServices.get(slotId);
    if (!m) {
      m = new Map();
      this.overrideServices.set(slotId, m);
    }
    m.set(feature, packageName);
  }

  overrideFeatures(slotId: number): FeatureType[] {
    return [...(this.overrideServices.get(slotId)?.keys() ?? [])];
  }

  removeOverrides(slotId: number): void {
    for (const f of FEATURE_TYPES) this.overrideServices.get(slotId)?.delete(f);
  }

  // Subscriptions ---------------------------------------------------------------------------------

  subId(slotId: number): number {
    return this.slotIdToSubId.get(slotId) ?? INVALID_SUBSCRIPTION_ID;
  }

  setSubId(slotId: number, subId: number): void {
    this.slotIdToSubId.set(slotId, subId);
  }

  removeSlot(slotId: number): void {
    this.slotIdToSubId.delete(slotId);
  }

  /** mSlotIdToSubIdMap.clone(). */
  slotSubIdCopy(): Map<number, number> {
    return new Map(this.slotIdToSubId);
  }
}
