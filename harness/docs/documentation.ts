/**
 * The sentences of the source documentation (../shared/seeds: "Implement IMS" and "IMS single
 * registration", source.android.com) that ims-rig's rules rest on, quoted verbatim, by id.
 * The oracle's rules and the manifest lint cite these ids; reports print the sentence.
 */
export interface DocSentence {
  readonly id: string;
  readonly section: string;
  readonly text: string;
}

const S = (id: string, section: string, text: string): DocSentence => ({ id, section, text });

export const DOC = {
  serviceDefinition: S('service-definition', 'Service definition',
    'The IMS app registers an ImsService with the framework by adding a service entry into the manifest using the following format: android:permission="android.permission.BIND_IMS_SERVICE" > <action android:name="android.telephony.ims.ImsService" />'),
  intentFilter: S('intent-filter', 'Service definition',
    'The service must also specify the intent-filter element with the action android.telephony.ims.ImsService. This allows the framework to find the ImsService.'),
  serviceAttributes: S('service-attributes', 'Service definition',
    'The service definition in AndroidManifest.xml defines the following attributes, which are necessary for correct operation:'),
  directBootAware: S('direct-boot-aware', 'Service definition',
    'directBootAware="true": Allows the service to be discovered and run by telephony before the user unlocks the device.'),
  persistent: S('persistent', 'Service definition',
    'persistent="true": Allows this service to be run persistently and not be killed by the system to reclaim memory. This attribute ONLY works if the app is built as a system app.'),
  bindPermission: S('bind-permission', 'Service definition',
    'permission="android.permission.BIND_IMS_SERVICE": Ensures that only a process that has had the BIND_IMS_SERVICE permission granted to it can bind to the app. This prevents a rogue app from binding to the service, since only system apps can be granted the permission by the framework.'),
  compat: S('compat', 'Compatibility with older IMS implementations',
    'Modify the ImsService service definition in AndroidManifest.xml to use the android.telephony.ims.compat.ImsService intent-filter action, instead of the android.telephony.ims.ImsService action.'),
  compatBinding: S('compat-binding', 'Compatibility with older IMS implementations',
    'The framework will then bind to the ImsService using the compatibility layer provided in Android 9 to work with the legacy ImsService implementation.'),
  registrationSteps: S('registration-steps', 'ImsService registration with the framework',
    'First, the ImsService implementation must register itself with the platform using the AndroidManifest.xml of the app; second, it must define which IMS features the implementation supports (MmTel or RCS); and third, it must be verified as the trusted IMS implementation either in the carrier configuration or device overlay.'),
  emergencyNeedsMmtel: S('emergency-needs-mmtel', 'IMS feature specification',
    'The FEATURE_MMTEL feature must be defined for this feature to be defined.'),
  emergencyCsfb: S('emergency-csfb', 'IMS feature specification',
    'If this feature is not declared for your ImsService, the platform will always default to Circuit Switch Fallback for emergency services.'),
  rcsSimRemoved: S('rcs-sim-removed', 'IMS feature specification',
    'If the SIM card associated with the RCS service is removed, the framework automatically calls RcsFeature#onFeatureRemoved and then cleans up the ImsService associated with the RCS feature.'),
  querySupported: S('query-supported', 'Registration of supported features',
    'The telephony framework first binds to the ImsService to query the features that it supports using the ImsService#querySupportedImsFeatures API. After the framework calculates which features the ImsService will support, it will call ImsService#create[...]Feature for each feature that the ImsService will be responsible for.'),
  updateSupported: S('update-supported', 'Registration of supported features',
    'If the features that the IMS app supports changes, you can use ImsService#onUpdateSupportedImsFeatures to signal the framework to recalculate supported features.'),
  carrierOverride: S('carrier-override', 'Framework detection and verification of an ImsService implementation',
    'Carrier "override" ImsService: These ImsServices are preloaded onto the device but are attached to one or more cellular carriers and will only be bound when a matching SIM card is inserted.'),
  deviceDefault: S('device-default', 'Framework detection and verification of an ImsService implementation',
    'Device "default" ImsService: This is the default ImsService that is loaded onto the device by an OEM and should be designed to provide IMS services in all situations when a carrier ImsService is not available and is useful in situations where the device has no SIM card inserted or the SIM card inserted does not have a carrier ImsService installed with it.'),
  systemAppsOnly: S('system-apps-only', 'Framework detection and verification of an ImsService implementation',
    'Android does not support apps with third-party downloadable ImsService implementations, so any ImsService implementations defined here are required to be System apps and must reside in the /system/priv-app/ or /product/priv-app/ folder to grant the appropriate permissions (namely phone, microphone, location, camera, and contacts permissions).'),
  trustedOnly: S('trusted-only', 'Framework detection and verification of an ImsService implementation',
    'By verifying whether the package name of the IMS implementation matches the CarrierConfig or device overlay values defined above, only trusted, pre-installed apps are bound.'),
  onlyConfiguredBound: S('only-configured-bound', 'Framework detection and verification of an ImsService implementation',
    'Apps implementing an ImsService are only bound on devices where they are configured as the carrier "override" ImsService or device "default" ImsService configurations for MMTEL or RCS functionality.'),
  noFeaturesUnbound: S('no-features-unbound', 'Framework detection and verification of an ImsService implementation',
    'If the IMS app updates the framework with no features supported, the ImsService will be unbound until the phone is rebooted or a new SIM card is inserted that matches the IMS app.'),
  twoPerSlot: S('two-per-slot', 'Binding priority for multiple ImsService',
    'The framework cannot support binding to all of the possible ImsServices that are preloaded onto the device and will bind to up to two ImsServices per SIM slot (one ImsService for each feature) in the following order on a per-feature basis:'),
  priorityCarrier: S('priority-carrier', 'Binding priority for multiple ImsService',
    '1. The ImsService package name defined by the CarrierConfig value config_ims_[mmtel/rcs]_package_override_string when there is a SIM card inserted.'),
  priorityDevice: S('priority-device', 'Binding priority for multiple ImsService',
    '2. The ImsService package name defined in the device overlay value for config_ims_[mmtel/rcs]_package including the case where there is no SIM card inserted. This ImsService MUST support the Emergency MmTel feature.'),
  perFeatureFallback: S('per-feature-fallback', 'Binding priority for multiple ImsService',
    'The framework will try to bind in the order defined above for each feature and if the feature is not available for the ImsService defined in the Carrier Configuration override, the framework will fallback to your default ImsService.'),
  docTableCarrierA: S('doc-table-carrier-a', 'Binding priority for multiple ImsService',
    'SIM Card Inserted: Carrier A | RCS Feature: Carrier A | MMTel Feature: OEM (Carrier A ImsService supports RCS; OEM ImsService supports RCS and MMTel)'),
  docTableCarrierB: S('doc-table-carrier-b', 'Binding priority for multiple ImsService',
    'SIM Card Inserted: Carrier B | RCS Feature: Carrier B | MMTel Feature: Carrier B (Carrier B ImsService supports RCS and MMTel)'),
  stateCallbackUnavailable: S('state-callback-no-ims', 'Use ImsStateCallback',
    "If there's a subscription that doesn't support IMS, the framework calls ImsStateCallback#onUnavailable with the reason REASON_NO_IMS_SERVICE_CONFIGURED."),
  singleRegFeature: S('single-reg-feature', 'IMS single registration APIs',
    'Devices that range on carriers that require IMS single registration must support the IMS single registration APIs and define the Android feature PackageManager#FEATURE_TELEPHONY_IMS_SINGLE_REGISTRATION.'),
  singleRegPermission: S('single-reg-permission', 'Security and permissions',
    'The android.permission.PERFORM_IMS_SINGLE_REGISTRATION permission must be defined by the messaging app with the RCS features. For this permission to be granted, the following must be true: The app must be installed as a privileged app, meaning that it\'s preinstalled on the device and is allowed to access privileged permissions; The app must be set as the user\'s default SMS role using RoleManager'),
  singleRegDenied: S('single-reg-denied', 'Security and permissions',
    "If both of these conditions aren't met, the app is denied access to the android.permission.PERFORM_IMS_SINGLE_REGISTRATION permission. This means that third party apps aren't allowed to access RCS single registration APIs as they require carrier certification on the device."),
  uceNeedsContacts: S('uce-needs-contacts', 'Security and permissions',
    'The android.permission.ACCESS_RCS_USER_CAPABILITY_EXCHANGE permission when granted to an app that also has the READ_CONTACTS permission allows the app to request the RCS capabilities of phone numbers using RcsUceAdapter.'),
  ucePermission: S('uce-permission', 'Security and permissions',
    'For this permission to be granted, the following must be true: The app must be installed as a privileged app, meaning that it\'s preinstalled on the device and is allowed to access privileged permissions. The app must be defined as one of the following RoleManager roles: Default messaging app; Default dialer app; Default contacts app'),
  restrictedNetworks: S('restricted-networks', 'Security and permissions',
    'To access the IMS APN using ConnectivityManager to set up and manage data traffic, apps must also request the android.permission.CONNECTIVITY_USE_RESTRICTED_NETWORKS permission.'),
  persistentlyBound: S('persistently-bound', 'Use ImsStateCallback',
    "Although ImsService is a persistently bound service, the service that's bound might change when a new SIM card or embedded subscription becomes active or when a carrier configuration changes."),
  // Quoted by conformance scenarios (suites/): the app-update, feature-update and ImsStateCallback statements.
  playStoreUpdatable: S('play-store-updatable', 'ImsService overview',
    'An IMS app that has been preinstalled on the device can also be configured to be Play Store updatable.'),
  updateRecalculates: S('update-recalculates', 'Framework detection and verification of an ImsService implementation',
    'The ImsService also allows the IMS features that it supports (MMTEL and RCS) to be enabled or disabled dynamically using updates using the ImsService#onUpdateSupportedImsFeatures method. This triggers the framework to recalculate which ImsServices are bound and which features they support.'),
  stateCallbackApi: S('state-callback-api', 'Use ImsStateCallback',
    'On devices running Android 13 or higher, to monitor whether the ImsService instance for an associated subscription is available or unavailable, an app can use the ImsStateCallback class.'),
  telephonyCrash: S('telephony-crash', 'Use ImsStateCallback',
    'In the unlikely event that the telephony process crashes, the app receives ImsStateCallback#onError and no longer receives updates on the registered ImsStateCallback instance.'),
  // The rest of "Use ImsStateCallback", quoted by the state-callback model (harness/oracle/state-callback).
  unanticipatedExceptions: S('unanticipated-exceptions', 'Use ImsStateCallback',
    "Because ImsService isn't part of the telephony process, an app might experience unanticipated exceptions when trying to access IMS APIs if ImsService invisibly crashes or is unbound because of a subscription or configuration change."),
  registerFirst: S('register-first', 'Use ImsStateCallback',
    'When getting an instance of ImsMmTelManager or ImsRcsManager, we recommend that the app first register for an IMS state callback using ImsMmTelManager#registerImsStateCallback or ImsRcsManager#registerImsStateCallback.'),
  registerNewCallbacks: S('register-new-callbacks', 'Use ImsStateCallback',
    'To continue receiving callback updates for specific subscriptions when ImsService becomes available again, the app must unregister or discard existing callbacks registered through ImsMmTelManager, ImsRcsManager, or ProvisioningManager; and register new callbacks.'),
  noImsMeaning: S('no-ims-meaning', 'Use ImsStateCallback',
    "This means that ImsService and the IMS-related APIs aren't available for the subscription."),
  telephonyCrashRecover: S('telephony-crash-recover', 'Use ImsStateCallback',
    'To recover from this condition, reregister the ImsStateCallback instance for the associated subscription by calling ImsMmTelManager#registerImsStateCallback or ImsRcsManager#registerImsStateCallback.'),
  // Not the seed documentation: the `cmd phone ims` help text (TelephonyShellCommand#onHelpIms, quoted
  // verbatim in reference/aosp-imsresolver.md §3.1) is the only statement of what a shell override means.
  shellSetImsService: S('shell-set-ims-service', 'cmd phone ims help (TelephonyShellCommand onHelpIms)',
    'ims set-ims-service [-s SLOT_ID] [-u USER_ID] (-c | -d | -f) PACKAGE_NAME Sets the ImsService defined in PACKAGE_NAME to to be the bound ImsService.'),
  shellOverrideCarrier: S('shell-override-carrier', 'cmd phone ims help (TelephonyShellCommand onHelpIms)',
    '-c: Override the ImsService defined in the carrier configuration.'),
  shellOverrideDevice: S('shell-override-device', 'cmd phone ims help (TelephonyShellCommand onHelpIms)',
    '-d: Override the ImsService defined in the device overlay.'),
  shellOverrideFeature: S('shell-override-feature', 'cmd phone ims help (TelephonyShellCommand onHelpIms)',
    '-f: Set the feature that this override if for, if no option is specified, the new package name will be used for all features.'),
  shellClearOverride: S('shell-clear-override', 'cmd phone ims help (TelephonyShellCommand onHelpIms)',
    'ims clear-ims-service-override [-s SLOT_ID] Clear all carrier ImsService overrides. This does not work for device configuration overrides.'),
  // CTS, not documentation: ImsServiceConnector (reference/cts-and-reports.md §1.4 step 5) treats shell
  // overrides as lost when the phone process restarts.
  ctsOverrideLost: S('cts-override-lost', 'CTS ImsServiceConnector.isCarrierServiceStillConfigured',
    'isCarrierServiceStillConfigured() re-reads get-ims-service and compares to what was set (detects a phone-process crash that reset the overrides).'),
  testRcsApp: S('test-rcs-app', 'Examples and source',
    'When the app is installed on a device, it can be set as the user\'s default messaging app and will have the permissions required to access the IMS single registration APIs.'),
} as const;

export type DocId = keyof typeof DOC;

export function docSentence(id: DocId): DocSentence {
  return DOC[id];
}
