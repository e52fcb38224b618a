/**
 * The numbers and words ImsStateCallbackController works with (SVC src/com/android/phone/
 * ImsStateCallbackController.java, android-15.0.0_r23; observability-and-test-apps.md §1a):
 * ImsStateCallback.REASON_* (public API), the controller's own AVAILABLE / NOT_INITIALIZED, and
 * FeatureConnector.UNAVAILABLE_REASON_* (IMS FeatureConnector.java L50-72) with their conversion.
 */

/** ImsFeature.STATE_* and STATE_LOG_MAP. */
export const STATE_UNAVAILABLE = 0;
export const STATE_INITIALIZING = 1;
export const STATE_READY = 2;
export const STATE_LOG_MAP: Readonly<Record<number, string>> = { 0: 'UNAVAILABLE', 1: 'INITIALIZING', 2: 'READY' };
/** ExternalRcsFeatureState: "the state is not valid" (L100). */
export const STATE_UNKNOWN = -1;

/** The controller's "not notified yet" and "available" reasons (L103-106). */
export const NOT_INITIALIZED = -1;
export const AVAILABLE = 0;

/** ImsStateCallback.REASON_*. */
export const REASON_UNKNOWN_TEMPORARY_ERROR = 1;
export const REASON_UNKNOWN_PERMANENT_ERROR = 2;
export const REASON_IMS_SERVICE_DISCONNECTED = 3;
export const REASON_NO_IMS_SERVICE_CONFIGURED = 4;
export const REASON_SUBSCRIPTION_INACTIVE = 5;
export const REASON_IMS_SERVICE_NOT_READY = 6;

/** FeatureConnector.UNAVAILABLE_REASON_*. */
export const UNAVAILABLE_REASON_DISCONNECTED = 0;
export const UNAVAILABLE_REASON_NOT_READY = 1;
export const UNAVAILABLE_REASON_IMS_UNSUPPORTED = 2;
export const UNAVAILABLE_REASON_SERVER_UNAVAILABLE = 3;

/** imsStateReasonToString (L1102-1122): anything else, NOT_INITIALIZED included, is "". */
export function imsStateReasonToString(reason: number): string {
  switch (reason) {
    case AVAILABLE: return 'READY';
    case REASON_UNKNOWN_TEMPORARY_ERROR: return 'UNKNOWN_TEMPORARY_ERROR';
    case REASON_UNKNOWN_PERMANENT_ERROR: return 'UNKNOWN_PERMANENT_ERROR';
    case REASON_IMS_SERVICE_DISCONNECTED: return 'IMS_SERVICE_DISCONNECTED';
    case REASON_NO_IMS_SERVICE_CONFIGURED: return 'NO_IMS_SERVICE_CONFIGURED';
    case REASON_SUBSCRIPTION_INACTIVE: return 'SUBSCRIPTION_INACTIVE';
    case REASON_IMS_SERVICE_NOT_READY: return 'IMS_SERVICE_NOT_READY';
    default: return '';
  }
}

/** connectorReasonToString (L1086-1100), as the "Most recent logs" lines print it. */
export function connectorReasonToString(reason: number): string {
  switch (reason) {
    case UNAVAILABLE_REASON_DISCONNECTED: return 'DISCONNECTED';
    case UNAVAILABLE_REASON_NOT_READY: return 'NOT_READY';
    case UNAVAILABLE_REASON_IMS_UNSUPPORTED: return 'IMS_UNSUPPORTED';
    case UNAVAILABLE_REASON_SERVER_UNAVAILABLE: return 'SERVER_UNAVAILABLE';
    default: return '';
  }
}

/** convertReasonType (L1051-1062): NOT_READY and IMS_UNSUPPORTED have their own words, the rest is DISCONNECTED. */
export function convertReasonType(reason: number): number {
  if (reason === UNAVAILABLE_REASON_NOT_READY) return REASON_IMS_SERVICE_NOT_READY;
  if (reason === UNAVAILABLE_REASON_IMS_UNSUPPORTED) return REASON_NO_IMS_SERVICE_CONFIGURED;
  return REASON_IMS_SERVICE_DISCONNECTED;
}

/** ImsFeature.FEATURE_MMTEL / FEATURE_RCS, the two features a state callback is registered for. */
export const FEATURE_MMTEL = 1;
export const FEATURE_RCS = 2;
export const FEATURE_NAMES: Readonly<Record<number, string>> = { 0: 'EMERGENCY_MMTEL', 1: 'MMTEL', 2: 'RCS' };
