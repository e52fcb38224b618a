/**
 * The rules of the documented binding model, by id, each with the documentation sentences it rests
 * on (harness/docs/documentation.ts). A cell's rule is the rule that *decided* it: the source that
 * won, or — when a higher-priority candidate was configured but lost — the reason it lost, so that a
 * diff (and a waiver) names the documented rule the target disagrees with.
 */
import { type DocId } from '../docs/documentation';

export type RuleId = string;

export interface RuleInfo {
  readonly title: string;
  readonly cites: readonly DocId[];
}

const R = (title: string, ...cites: DocId[]): RuleInfo => ({ title, cites });

const RULE_TABLE = {
  // Selection (priority per slot and feature).
  'carrier-override': R('the carrier-configured package serves the feature while a SIM is inserted',
    'priorityCarrier', 'carrierOverride', 'twoPerSlot'),
  'carrier-legacy-key': R('the deprecated config_ims_package_override_string names the carrier package (a key the seed documentation does not mention)',
    'priorityCarrier', 'carrierOverride'),
  'shell-override-carrier': R('a shell override (cmd phone ims set-ims-service -c) replaces the carrier-configured package',
    'shellSetImsService', 'shellOverrideCarrier', 'priorityCarrier'),
  'override-keeps-other-features': R('a carrier shell override for other features leaves this feature to the carrier configuration',
    'shellOverrideCarrier', 'shellOverrideFeature', 'priorityCarrier'),
  'device-default': R('no carrier package is configured for the feature: the device overlay package serves it',
    'priorityDevice', 'deviceDefault', 'twoPerSlot'),
  'shell-override-device': R('a shell override (cmd phone ims set-ims-service -d) replaces the device overlay package',
    'shellSetImsService', 'shellOverrideDevice', 'priorityDevice'),
  'no-ims-service': R('neither the carrier configuration nor the device overlay names a package for the feature',
    'onlyConfiguredBound', 'trustedOnly'),
  'rcs-sim-removed': R('the SIM was removed: the carrier RCS package is no longer selected for the slot',
    'rcsSimRemoved', 'priorityDevice'),
  // Why a configured candidate lost (per-feature fallback to the next one).
  'per-feature-fallback': R('the carrier package does not provide the feature on this slot: the device default serves it',
    'perFeatureFallback', 'querySupported'),
  'feature-not-supported': R('the device default package does not provide the feature on this slot',
    'querySupported', 'registrationSteps'),
  'service-unavailable': R('the service provides no features (null binding, failing query or crash on bind)',
    'perFeatureFallback', 'querySupported'),
  'not-installed': R('the configured package is not installed', 'trustedOnly', 'carrierOverride'),
  'no-bind-permission': R('the service is not protected by BIND_IMS_SERVICE', 'bindPermission', 'serviceDefinition'),
  'not-priv-app': R('the app is not a privileged system app (/system/priv-app or /product/priv-app)', 'systemAppsOnly', 'trustedOnly'),
  'no-features-unbound': R('the app reported no features: unbound until reboot or a matching new SIM', 'noFeaturesUnbound', 'updateSupported'),
  // EMERGENCY_MMTEL.
  'emergency-follows-mmtel': R('the package serving MMTEL also serves EMERGENCY_MMTEL, which it declares', 'emergencyNeedsMmtel', 'twoPerSlot'),
  'emergency-csfb': R('the package serving MMTEL does not declare EMERGENCY_MMTEL: circuit-switched fallback', 'emergencyCsfb'),
  'emergency-needs-mmtel': R('no package serves MMTEL on the slot, so none serves EMERGENCY_MMTEL', 'emergencyNeedsMmtel', 'emergencyCsfb'),
  // Findings (requirements on the OEM, not cells).
  'device-default-emergency': R('the device default ImsService MUST support the Emergency MmTel feature', 'priorityDevice'),
  // Lifecycle (how steps change the state; shown by explain).
  'crash-rebind': R('a crashed ImsService is bound again: the binding does not change', 'persistentlyBound'),
  'overrides-dropped': R('shell overrides live in the phone process: a phone restart or reboot drops them', 'ctsOverrideLost', 'shellClearOverride'),
  // ImsStateCallback: what a registered callback must have seen at a check (./state-callback/).
  'state-callback-available': R('an ImsService serves the feature for the subscription: the last callback is onAvailable',
    'stateCallbackApi', 'registerFirst'),
  'state-callback-no-ims-service': R('nothing is configured for the feature on the subscription: the last callback is onUnavailable(REASON_NO_IMS_SERVICE_CONFIGURED)',
    'stateCallbackUnavailable', 'noImsMeaning'),
  'state-callback-unavailable': R('no ImsService serves the feature for the subscription: the last callback is onUnavailable (the documentation names no reason)',
    'stateCallbackApi', 'noImsMeaning'),
  'state-callback-service-changed': R('the ImsService serving the feature changed: since the previous check the callback was told unavailable, then available',
    'persistentlyBound', 'unanticipatedExceptions', 'stateCallbackApi'),
  'state-callback-service-crashed': R('the serving ImsService crashed and was bound again: since the previous check the callback was told unavailable, then available',
    'unanticipatedExceptions', 'stateCallbackApi'),
  'state-callback-telephony-crash': R('the telephony process crashed: the callback got onError and nothing after it',
    'telephonyCrash', 'telephonyCrashRecover'),
  // Where the documentation is silent the callback is observed, not judged (each says why).
  'state-callback-feature-not-ready': R('observation only: the documentation does not say what an app is told while the serving ImsService\'s feature never reports READY',
    'stateCallbackApi'),
  'state-callback-no-subscription': R('observation only: the documentation does not say what registering for a slot without an active subscription does',
    'registerFirst'),
  'state-callback-subscription-gone': R('observation only: the documentation does not say what a callback is told when its subscription goes away (SIM removed or replaced)',
    'persistentlyBound', 'registerNewCallbacks'),
  'state-callback-unregistered': R('observation only: the app unregistered this callback; the documentation does not say what an unregistered callback may still receive',
    'registerNewCallbacks'),
  'state-callback-app-restarted': R('observation only: the device rebooted, so the app process that held this callback is gone',
    'registerNewCallbacks'),
  // Single-registration grants.
  'single-reg-permission': R('PERFORM_IMS_SINGLE_REGISTRATION: privileged app holding the SMS role', 'singleRegPermission'),
  'single-reg-denied': R('PERFORM_IMS_SINGLE_REGISTRATION is denied unless both conditions hold', 'singleRegDenied', 'singleRegPermission'),
  'uce-permission': R('ACCESS_RCS_USER_CAPABILITY_EXCHANGE: privileged app holding the SMS or dialer role', 'ucePermission'),
  // Single-registration API surfaces (seed 001's table), as TestRcsApp's screens exercise them.
  'single-reg-surface-access': R('a privileged app holding the SMS role may call the single-registration APIs',
    'singleRegPermission', 'testRcsApp'),
  'single-reg-surface-denied': R('an app that is not privileged or does not hold the SMS role is denied the single-registration APIs',
    'singleRegDenied', 'singleRegPermission'),
  'uce-surface-access': R('RCS UCE needs ACCESS_RCS_USER_CAPABILITY_EXCHANGE (privileged app with the SMS or dialer role) with READ_CONTACTS',
    'ucePermission', 'uceNeedsContacts'),
  'single-reg-surface-supported': R('a device that declares single registration, on a carrier that requires it, supports every API surface of the table',
    'singleRegFeature', 'singleRegTable', 'singleRegValidate'),
  'single-reg-surface-undocumented': R('the documentation says nothing about the surface on a device that does not declare single registration or on a carrier that does not require it: observed only',
    'singleRegFeature'),
  'restricted-networks': R('CONNECTIVITY_USE_RESTRICTED_NETWORKS: a privileged permission a privileged app requests', 'restrictedNetworks', 'systemAppsOnly'),
} as const satisfies Record<string, RuleInfo>;

/** The rule ids the model produces. */
export type KnownRule = keyof typeof RULE_TABLE;

/** Every rule of the documented model by id (diffs and waivers name these ids). */
export const RULES: Readonly<Record<RuleId, RuleInfo>> = RULE_TABLE;

export function citesOf(rule: KnownRule): readonly DocId[] {
  return RULE_TABLE[rule].cites;
}
