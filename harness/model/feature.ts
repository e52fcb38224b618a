/**
 * IMS features as android.telephony.ims.feature.ImsFeature numbers them
 * (FEATURE_EMERGENCY_MMTEL=0, FEATURE_MMTEL=1, FEATURE_RCS=2; FEATURE_LOG_MAP prints these names).
 */
export const IMS_FEATURES = ['EMERGENCY_MMTEL', 'MMTEL', 'RCS'] as const;
export type ImsFeature = (typeof IMS_FEATURES)[number];

export const IMS_FEATURE_ID: Readonly<Record<ImsFeature, 0 | 1 | 2>> = { EMERGENCY_MMTEL: 0, MMTEL: 1, RCS: 2 };

/** Manifest meta-data keys that declare a feature statically (ImsResolver METADATA_*_FEATURE). */
export const FEATURE_METADATA_KEY: Readonly<Record<ImsFeature, string>> = {
  EMERGENCY_MMTEL: 'android.telephony.ims.EMERGENCY_MMTEL_FEATURE',
  MMTEL: 'android.telephony.ims.MMTEL_FEATURE',
  RCS: 'android.telephony.ims.RCS_FEATURE',
};

export function isImsFeature(value: unknown): value is ImsFeature {
  return typeof value === 'string' && (IMS_FEATURES as readonly string[]).includes(value);
}

export function featureFromId(id: number): ImsFeature | undefined {
  return IMS_FEATURES[id];
}

/** Sorts and de-duplicates a feature list into ImsFeature order. */
export function normaliseFeatures(features: Iterable<ImsFeature>): ImsFeature[] {
  const set = new Set(features);
  return IMS_FEATURES.filter((f) => set.has(f));
}
