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
 * App behaviour, declared as namespaced meta-data on the <service> element. The rig's ImsService
 * app (android-apps/ims-service, real Dalvik code) reads it on a device, and the reference device
 * runs the same APKs by the same rules (virtual-device/apps):
 *   <meta-data android:name="ims-rig.answers"       android:value="0=EMERGENCY_MMTEL,MMTEL,RCS;1=MMTEL"/>
 *   <meta-data android:name="ims-rig.behaviour"     android:value="null-binding"/>
 *   <meta-data android:name="ims-rig.feature-state" android:value="UNAVAILABLE"/>
 * `answers` is what ImsService#querySupportedImsFeatures returns per slot ("" or "none": no
 * features; grammar and malformed-input semantics in android-apps/ims-service/smali/.../Answers.smali
 * and virtual-device/apps/answers.ts). `feature-state` is the ImsFeature state the app's features
 * are put in (READY when absent).
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
export const FIXTURE_FEATURE_STATE_METADATA = 'ims-rig.feature-state';

/** ImsFeature STATE_* names the app accepts (STATE_UNAVAILABLE 0, STATE_INITIALIZING 1, STATE_READY 2). */
export const FEATURE_STATES = ['READY', 'INITIALIZING', 'UNAVAILABLE'] as const;
export type FeatureStateName = (typeof FEATURE_STATES)[number];
export const FEATURE_STATE_ID: Readonly<Record<FeatureStateName, 0 | 1 | 2>> = { UNAVAILABLE: 0, INITIALIZING: 1, READY: 2 };

export function isFeatureStateName(value: unknown): value is FeatureStateName {
  return typeof value === 'string' && (FEATURE_STATES as readonly string[]).includes(value);
}

/**
 * The rig's ImsService app (android-apps/ims-service/README.md): the classes its classes.dex
 * defines and its control channel. Every ImsService component the rig writes names
 * `serviceClass` (fully qualified, so any package finds it in the DEX); a scenario's `service:`
 * name (".OemImsService") is the scenario's label only and is not realised on the APK.
 * `secondServiceClass` serves a package that declares two ImsService components
 * (fixtures/manifests/com.multi.ims.xml).
 */
export const RIG_APP = {
  templatePackage: 'org.imsrig.ims',
  serviceClass: 'org.imsrig.ims.RigImsService',
  secondServiceClass: 'org.imsrig.ims.SecondRigImsService',
  receiverClass: 'org.imsrig.ims.ControlReceiver',
  mmtelFeatureClass: 'org.imsrig.ims.RigMmTelFeature',
  rcsFeatureClass: 'org.imsrig.ims.RigRcsFeature',
  /** Explicit broadcast action of the control receiver. */
  controlAction: 'org.imsrig.CONTROL',
  /** android:permission of the control receiver: held by the shell uid, not by apps. */
  controlPermission: 'android.permission.DUMP',
  /** logcat tag of the app's own lines. */
  logTag: 'ImsRig',
} as const;

/** The control broadcast's extras (one per broadcast; crash, features, behaviour, feature-state win in that order). */
export const CONTROL_EXTRA = { crash: 'crash', features: 'features', behaviour: 'behaviour', featureState: 'feature-state' } as const;

/**
 * Outcome words (the broadcast's result data; harness/android/control-broadcast.ts documents them):
 * `updated` the framework was told / live features moved; `stored` kept for the next query, bind
 * or feature; `killed` the process is dying; `error: <why>` rejected, nothing changed.
 */
export const CONTROL_OUTCOMES = ['updated', 'stored', 'killed', 'error'] as const;
export type ControlOutcomeWord = (typeof CONTROL_OUTCOMES)[number];

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
  /** The ImsFeature state its features are put in; absent = READY. */
  readonly featureState?: FeatureStateName;
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

/**
 * Why the rig's real app (android-apps/ims-service) cannot be this app on a real target, or
 * undefined when it can. A compat ImsService (`action: compat`) must extend the hidden
 * android.telephony.ims.compat.ImsService and create android.telephony.ims.compat.feature
 * MMTelFeature/RcsFeature objects: those classes are @hide without @UnsupportedAppUsage
 * (frameworks/base telephony/java/android/telephony/ims/compat/feature/MMTelFeature.java), so
 * ART's hidden-API enforcement blocks them for an app that is not platform-signed, whatever its
 * targetSdk; vendors' compat services are platform-signed system apps. The rig therefore writes a
 * compat app without code, which only the reference device's simulation can run.
 */
export function realAppGap(spec: Pick<ImsAppSpec, 'action' | 'package'>): string | undefined {
  if (spec.action === 'compat') {
    return `${spec.package} is a compat ImsService (android.telephony.ims.compat.ImsService): a real app can be one only if it is platform-signed (its feature classes are hidden API)`;
  }
  return undefined;
}
