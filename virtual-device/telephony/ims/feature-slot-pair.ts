/**
 * ImsFeatureConfiguration.FeatureSlotPair and the ways AOSP prints sets of them
 * (BASE telephony/java/android/telephony/ims/stub/ImsFeatureConfiguration.java,
 *  OPT ImsResolver.printFeatures).
 */
import { JavaHashSet } from '../java/java-hash';

/** ImsFeature.FEATURE_EMERGENCY_MMTEL = 0, FEATURE_MMTEL = 1, FEATURE_RCS = 2. */
export type FeatureType = 0 | 1 | 2;
export const FEATURE_EMERGENCY_MMTEL: FeatureType = 0;
export const FEATURE_MMTEL: FeatureType = 1;
export const FEATURE_RCS: FeatureType = 2;
export const FEATURE_MAX = 3;
export const FEATURE_TYPES: readonly FeatureType[] = [0, 1, 2];

/** ImsFeature.FEATURE_LOG_MAP. */
export const FEATURE_LOG_MAP: Readonly<Record<FeatureType, string>> = { 0: 'EMERGENCY_MMTEL', 1: 'MMTEL', 2: 'RCS' };

export interface FeatureSlotPair {
  readonly slotId: number;
  readonly featureType: FeatureType;
}

export function pair(slotId: number, featureType: FeatureType): FeatureSlotPair {
  return { slotId, featureType };
}

/** FeatureSlotPair.hashCode(): 31 * slotId + featureType. */
export function pairHash(p: FeatureSlotPair): number {
  return (Math.imul(31, p.slotId) + p.featureType) | 0;
}

export function pairKey(p: FeatureSlotPair): string {
  return `${p.slotId}:${p.featureType}`;
}

/** FeatureSlotPair.toString(): `{s=0, f=MMTEL}`. */
export function pairToString(p: FeatureSlotPair): string {
  return `{s=${p.slotId}, f=${FEATURE_LOG_MAP[p.featureType]}}`;
}

/** A java.util.HashSet<FeatureSlotPair>. */
export type FeatureSet = JavaHashSet<FeatureSlotPair>;

export function featureSet(initial?: Iterable<FeatureSlotPair>): FeatureSet {
  return new JavaHashSet(pairHash, pairKey, initial);
}

/** AbstractCollection.toString() of a HashSet: `[{s=0, f=MMTEL}, {s=0, f=RCS}]`. */
export function hashSetToString(features: Iterable<FeatureSlotPair>): string {
  return `[${[...features].map(pairToString).join(', ')}]`;
}

/**
 * android.util.ArraySet order and toString(): elements sorted by hash code, printed `{a, b}`.
 * ImsFeatureConfiguration keeps its pairs in an ArraySet and getServiceFeatures() returns a copy.
 */
export function arraySetOrder(features: Iterable<FeatureSlotPair>): FeatureSlotPair[] {
  const unique = new Map<string, FeatureSlotPair>();
  for (const p of features) if (!unique.has(pairKey(p))) unique.set(pairKey(p), p);
  return [...unique.values()].sort((a, b) => pairHash(a) - pairHash(b));
}

export function arraySetToString(features: Iterable<FeatureSlotPair>): string {
  return `{${arraySetOrder(features).map(pairToString).join(', ')}}`;
}

/** ImsResolver.printFeatures(): ` features: [{0,MMTEL}{0,RCS}]` (leading space, no separators). */
export function printFeatures(features: Iterable<FeatureSlotPair> | null): string {
  if (features === null) return ' features: [';
  return ` features: [${[...features].map((p) => `{${p.slotId},${FEATURE_LOG_MAP[p.featureType]}}`).join('')}]`;
}

/**
 * The "EMERGENCY_MMTEL needs MMTEL" rule (ImsResolver/ImsServiceController sanitizeFeatureConfig,
 * and the nested meta-data check in searchForImsServices): removes {s, E} when {s, M} is absent.
 */
export function removeEmergencyWithoutMmtel(features: FeatureSet): void {
  const emergency = features.values().filter((p) => p.featureType === FEATURE_EMERGENCY_MMTEL);
  for (const p of emergency) {
    if (!features.has(pair(p.slotId, FEATURE_MMTEL))) features.delete(p);
  }
}
