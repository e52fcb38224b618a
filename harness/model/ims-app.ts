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
 * The ImsFeature state the app's features report (ImsFeature#setFeatureState; STATE_LOG_MAP names):
 * READY by default; another value is the state every feature of the app stays in, so a bound service
 * whose features never become READY can be described (`ims-rig.feature-state`, absent = READY).
 */
export const FIXTURE_FEATURE_STATE_METADATA = 'ims-rig.feature-state';
export const FEATURE_STATES = ['READY', 'INITIALIZING', 'UNAVAILABLE'] as const;
export type FeatureState = (typeof FEATURE_STATES)[number];

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
  /** The state its features report once created; absent = READY (the default of every app). */
  readonly featureState?: FeatureState;
  /** false: known to the scenario, installed by a later `install` step. */
  readonly installed: boolean;
  /** A prebuilt APK to install instead of one generated from this description (path, resolved). */
  readonly apk?: string;
}

/** Serialises answers to the `ims-rig.answers` meta-data value ("0=MMTEL,RCS;1=MMTEL"). */
export function formatAnswers(answers: FeaturesBySlot): string {
  return (Object.entries(answers) as [SlotKey, readonly ImsFeature[]][])
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([slot, fs]) => `${slot}=${fs.length === 0 ? 'none' : fs.join(',')}`)
    .join(';');
}
