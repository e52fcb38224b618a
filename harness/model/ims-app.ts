import { type ImsFeature } from './feature';
import { type PackageName } from './package-name';
import { type SlotKey } from './slot';

/** Intent actions an ImsService is discovered by (ImsService.SERVICE_INTERFACE and the compat one). */
export const IMS_SERVICE_ACTION = 'android.telephony.ims.ImsService';
export const IMS_COMPAT_SERVICE_ACTION = 'android.telephony.ims.compat.ImsService';
export const BIND_IMS_SERVICE_PERMISSION = 'android.permission.BIND_IMS_SERVICE';
/** Test-only meta-data that lets ImsResolver skip the BIND_IMS_SERVICE check (METADATA_OVERRIDE_PERM_CHECK). */
export const OVERRIDE_BIND_CHECK_METADATA = 'override_bind_check';

/**
 * Fixture-app behaviour, declared as namespaced meta-data on the <service> element so a device that
 * installs the APK can read it (the reference device does; a real device ignores it):
 *   <meta-data android:name="ims-rig.answers"   android:value="0=EMERGENCY_MMTEL,MMTEL,RCS;1=MMTEL"/>
 *   <meta-data android:name="ims-rig.behaviour" android:value="null-binding"/>
 * `answers` is what ImsService#querySupportedImsFeatures returns per slot ("" or "none": no features).
 */
export const FIXTURE_ANSWERS_METADATA = 'ims-rig.answers';
export const FIXTURE_BEHAVIOUR_METADATA = 'ims-rig.behaviour';
/**
 * ImsService#getImsServiceCapabilities of a fixture app, as ImsService.CAPABILITY_* names joined by
 * commas: `<meta-data android:name="ims-rig.capabilities" android:value="SIP_DELEGATE_CREATION"/>`.
 */
export const FIXTURE_CAPABILITIES_METADATA = 'ims-rig.capabilities';
/** ImsService.CAPABILITY_* a fixture can declare (EMERGENCY_OVER_MMTEL is internal: derived from EMERGENCY_MMTEL). */
export const IMS_SERVICE_CAPABILITIES = ['SIP_DELEGATE_CREATION', 'TERMINAL_BASED_CALL_WAITING'] as const;
export type ImsServiceCapability = (typeof IMS_SERVICE_CAPABILITIES)[number];

export type ImsServiceAction = 'ims' | 'compat';
export type AppLocation = 'priv-app' | 'system' | 'data';
export const APP_BEHAVIOURS = ['normal', 'null-binding', 'query-error', 'crash-on-bind'] as const;
export type AppBehaviour = (typeof APP_BEHAVIOURS)[number];

/** Features per slot, e.g. { "0": ["MMTEL", "RCS"] }. A slot left out has no features. */
export type FeaturesBySlot = Readonly<Partial<Record<SlotKey, readonly ImsFeature[]>>>;

/** One app that implements an ImsService, fully defaulted (the scenario loader fills defaults). */
export interface ImsAppSpec {
  readonly package: PackageName;
  /** Fully qualified service class name, e.g. "com.oem.ims.ImsService". */
  readonly service: string;
  readonly action: ImsServiceAction;
  /** android:permission="android.permission.BIND_IMS_SERVICE" on the <service>. */
  readonly permission: boolean;
  /** <meta-data android:name="override_bind_check" android:value="true"/> (test only). */
  readonly overrideBindCheck: boolean;
  readonly directBootAware: boolean;
  readonly location: AppLocation;
  /** Features declared by manifest meta-data (MMTEL_FEATURE, EMERGENCY_MMTEL_FEATURE, RCS_FEATURE). */
  readonly metadata: readonly ImsFeature[];
  /** What querySupportedImsFeatures answers, per slot. */
  readonly answers: FeaturesBySlot;
  readonly behaviour: AppBehaviour;
  /** false: known to the scenario, installed by a later `install` step. */
  readonly installed: boolean;
  /** A prebuilt APK to install instead of one generated from this description (path, resolved). */
  readonly apk?: string;
  /**
   * The APK is a manifest-only stand-in for an AOSP test app (no code: only the reference device
   * can run it); set when the user's build (AOSP_TEST_APP_BUILDS) is not in apks/.
   */
  readonly standIn?: boolean;
  /** ImsService#getImsServiceCapabilities (absent: none). */
  readonly capabilities?: readonly ImsServiceCapability[];
}

/**
 * The AOSP test apps users build and drop into apks/ (README "UI flows"): when present, the rig
 * installs them instead of the manifest-only stand-ins in apks/ that name the same package.
 */
export const AOSP_TEST_APP_BUILDS: Readonly<Record<string, string>> = {
  'com.google.android.sample.rcsclient': 'TestRcsApp.apk',
  'com.android.phone.testapps.imstestapp': 'ImsTestService.apk',
};

/** Serialises answers to the `ims-rig.answers` meta-data value ("0=MMTEL,RCS;1=MMTEL"). */
export function formatAnswers(answers: FeaturesBySlot): string {
  return (Object.entries(answers) as [SlotKey, readonly ImsFeature[]][])
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([slot, fs]) => `${slot}=${fs.length === 0 ? 'none' : fs.join(',')}`)
    .join(';');
}
