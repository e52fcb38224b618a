/**
 * Deviation profiles: realistic vendor bugs, each a small explicit variation of the AOSP resolver
 * at ONE decision point. The resolver reads a `DeviationHooks` value; every hook is false for plain
 * AOSP and each profile turns exactly one on. The conformance rig uses them to prove that it sees
 * a wrong binding when a device has one of these bugs (`ims-rig virtual-device --deviation <name>`).
 */

/** The decision points a deviation may change (all false = AOSP Android 15). */
export interface DeviationHooks {
  /**
   * What a carrier package is taken to support: AOSP uses the features it reported; with this
   * hook every (slot, feature) the carrier config assigns to it counts as supported, so it is bound
   * for features it never offered and the device service does not fall back.
   */
  readonly carrierAssumedToSupportConfiguredFeatures: boolean;
  /**
   * Device-service fallback: AOSP keeps a (slot, feature) for the device service unless a carrier
   * package is configured, installed AND supports it; with this hook any configured carrier package
   * on the slot takes every feature of that slot away from the device service.
   */
  readonly deviceFallbackOnlyWithoutCarrierPackage: boolean;
  /** The BIND_IMS_SERVICE check in discovery is skipped. */
  readonly bindPermissionNotEnforced: boolean;
  /** The "EMERGENCY_MMTEL needs MMTEL on the same slot" rule is not applied. */
  readonly emergencyKeptWithoutMmtel: boolean;
  /** A bound service whose feature set becomes empty (or emergency-only) stays bound. */
  readonly keepBindingOnEmptyFeatures: boolean;
  /** A removed package leaves the cache but its controller stays (bound, rebinding). */
  readonly keepControllerOnPackageRemoved: boolean;
  /** The device service gets no feature on a slot without a valid subscription (no SIM). */
  readonly deviceServiceNeedsSubscription: boolean;
  /** After boot, a slot's CARRIER_CONFIG_CHANGED is handled only the first time. */
  readonly carrierConfigChangeAfterBootIgnored: boolean;
  /** The deprecated `config_ims_package_override_string` key is not read. */
  readonly legacyCarrierKeyIgnored: boolean;
  /** ImsServices declaring only the compat action are not discovered. */
  readonly compatServicesIgnored: boolean;
  /**
   * The framework ignores the RCS ImsService's CAPABILITY_SIP_DELEGATE_CREATION: a device that
   * declares single registration cannot create SIP delegates (SipTransportController#isSupported false).
   */
  readonly sipDelegateCapabilityIgnored: boolean;
  /** No GbaService on a device that declares single registration: GBA bootstrapping fails. */
  readonly gbaServiceMissing: boolean;
  /**
   * ImsStateCallback client side: when the phone process dies the app's callbacks are not told
   * onError (ImsMmTelManager/ImsRcsManager's binder-death runnable is never run).
   */
  readonly stateCallbackNoErrorOnPhoneCrash: boolean;
  /**
   * ImsStateCallbackController: "no ImsService configured" (FeatureConnector IMS_UNSUPPORTED) is
   * converted to REASON_IMS_SERVICE_DISCONNECTED instead of REASON_NO_IMS_SERVICE_CONFIGURED.
   */
  readonly stateCallbackWrongReasonUnconfigured: boolean;
  /**
   * A restarted phone process takes over the callbacks registered with the one that died and keeps
   * notifying them, although their apps were told onError.
   */
  readonly stateCallbackKeptAcrossPhoneCrash: boolean;
}

export const AOSP_HOOKS: DeviationHooks = {
  carrierAssumedToSupportConfiguredFeatures: false,
  deviceFallbackOnlyWithoutCarrierPackage: false,
  bindPermissionNotEnforced: false,
  emergencyKeptWithoutMmtel: false,
  keepBindingOnEmptyFeatures: false,
  keepControllerOnPackageRemoved: false,
  deviceServiceNeedsSubscription: false,
  carrierConfigChangeAfterBootIgnored: false,
  legacyCarrierKeyIgnored: false,
  compatServicesIgnored: false,
  sipDelegateCapabilityIgnored: false,
  gbaServiceMissing: false,
  stateCallbackNoErrorOnPhoneCrash: false,
  stateCallbackWrongReasonUnconfigured: false,
  stateCallbackKeptAcrossPhoneCrash: false,
};

interface DeviationProfile {
  readonly name: string;
  readonly description: string;
  readonly hook: keyof DeviationHooks;
}

const PROFILES: readonly DeviationProfile[] = [
  {
    name: 'carrier-without-feature',
    description: 'The carrier package is bound for every feature its carrier config names, even ones it does not support; the device service does not fall back.',
    hook: 'carrierAssumedToSupportConfiguredFeatures',
  },
  {
    name: 'no-per-feature-fallback',
    description: 'If a carrier package is configured for a slot, the device service gets nothing on that slot (no per-feature fallback).',
    hook: 'deviceFallbackOnlyWithoutCarrierPackage',
  },
  {
    name: 'bind-permission-not-enforced',
    description: 'ImsServices without android:permission="android.permission.BIND_IMS_SERVICE" are discovered and bound.',
    hook: 'bindPermissionNotEnforced',
  },
  {
    name: 'emergency-without-mmtel',
    description: 'EMERGENCY_MMTEL is kept for a slot even when the service does not provide MMTEL there.',
    hook: 'emergencyKeptWithoutMmtel',
  },
  {
    name: 'no-unbind-on-empty-features',
    description: 'A bound ImsService that reports no (or only emergency) features stays bound with its old features.',
    hook: 'keepBindingOnEmptyFeatures',
  },
  {
    name: 'bound-after-uninstall',
    description: 'An ImsService stays bound (its controller keeps its features and keeps rebinding) after its package is removed.',
    hook: 'keepControllerOnPackageRemoved',
  },
  {
    name: 'nothing-without-sim',
    description: 'The device ImsService is not bound on a slot without a SIM (no emergency-only IMS).',
    hook: 'deviceServiceNeedsSubscription',
  },
  {
    name: 'carrier-config-change-ignored',
    description: 'CARRIER_CONFIG_CHANGED after boot is ignored: each slot acts on its first one only (SIM swaps, carrier-config updates and overrides are missed).',
    hook: 'carrierConfigChangeAfterBootIgnored',
  },
  {
    name: 'legacy-key-ignored',
    description: 'The deprecated carrier-config key config_ims_package_override_string is not read.',
    hook: 'legacyCarrierKeyIgnored',
  },
  {
    name: 'compat-not-supported',
    description: 'ImsServices using the android.telephony.ims.compat.ImsService action are not discovered.',
    hook: 'compatServicesIgnored',
  },
  {
    name: 'singlereg-without-sip-delegates',
    description: 'The device declares android.hardware.telephony.ims.singlereg but its framework never lets the ImsService create SIP delegates (CAPABILITY_SIP_DELEGATE_CREATION ignored).',
    hook: 'sipDelegateCapabilityIgnored',
  },
  {
    name: 'state-callback-no-error-on-crash',
    description: 'When the telephony process crashes, apps are not told ImsStateCallback#onError: their callbacks just go quiet.',
    hook: 'stateCallbackNoErrorOnPhoneCrash',
  },
  {
    name: 'state-callback-wrong-reason-unconfigured',
    description: 'A subscription without an ImsService configured is reported as onUnavailable(REASON_IMS_SERVICE_DISCONNECTED) instead of REASON_NO_IMS_SERVICE_CONFIGURED.',
    hook: 'stateCallbackWrongReasonUnconfigured',
  },
  {
    name: 'state-callback-updates-after-error',
    description: 'After a telephony crash the restarted phone process keeps notifying the callbacks apps registered before it, although they were told onError.',
    hook: 'stateCallbackKeptAcrossPhoneCrash',
  },
];

/** The deviation profiles the reference device can run with (name + what it breaks). */
export const DEVIATIONS: readonly { name: string; description: string }[] = PROFILES.map(({ name, description }) => ({ name, description }));

/** The hooks for a profile name; `undefined`/`"none"` is plain AOSP. Throws for an unknown name. */
export function deviationHooks(name: string | undefined): DeviationHooks {
  if (name === undefined || name === 'none') return AOSP_HOOKS;
  const profile = PROFILES.find((p) => p.name === name);
  if (!profile) {
    throw new Error(`unknown deviation profile "${name}" (known: ${PROFILES.map((p) => p.name).join(', ')})`);
  }
  return { ...AOSP_HOOKS, [profile.hook]: true };
}
