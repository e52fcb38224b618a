/**
 * ImsServices whose answers are known without `ims-rig.answers` meta-data: the AOSP test app
 * (SVCM testapps/ImsTestService, reference §5.1) whose TestImsService.querySupportedImsFeatures()
 * returns {0,EMERGENCY_MMTEL},{0,MMTEL},{0,RCS} (slot 0 only) and whose capabilities are
 * CAPABILITY_SIP_DELEGATE_CREATION.
 */
import { CAPABILITY_SIP_DELEGATE_CREATION } from '../telephony/ims/binder';
import { type FeatureSlotPair } from '../telephony/ims/feature-slot-pair';

export interface KnownImsApp {
  readonly answers: readonly FeatureSlotPair[];
  readonly capabilities: number;
  /** Features whose ImsFeature never leaves UNAVAILABLE (the state its status callback reports). */
  readonly neverReady?: readonly number[];
}

export const KNOWN_IMS_APPS: Readonly<Record<string, KnownImsApp>> = {
  'com.android.phone.testapps.imstestapp': {
    answers: [
      { slotId: 0, featureType: 0 },
      { slotId: 0, featureType: 1 },
      { slotId: 0, featureType: 2 },
    ],
    capabilities: CAPABILITY_SIP_DELEGATE_CREATION,
    // TestRcsFeatureImpl never calls setFeatureState, so RCS stays UNAVAILABLE while
    // TestMmTelFeatureImpl sets READY in its constructor (observability-and-test-apps.md §2.a.7).
    neverReady: [2],
  },
};
