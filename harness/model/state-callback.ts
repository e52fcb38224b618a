/**
 * ImsStateCallback vocabulary (seed 000 "Use ImsStateCallback"; android.telephony.ims.ImsStateCallback,
 * API 33): what an app registers for and what it can be told. Shared by the documented model, the
 * observer app's log lines, the `dumpsys phone` parser and the reference device.
 */

/**
 * The features a state callback is registered for: ImsMmTelManager#registerImsStateCallback
 * (FEATURE_MMTEL) and ImsRcsManager#registerImsStateCallback (FEATURE_RCS). EMERGENCY_MMTEL has
 * no manager of its own.
 */
export const STATE_CALLBACK_FEATURES = ['MMTEL', 'RCS'] as const;
export type StateCallbackFeature = (typeof STATE_CALLBACK_FEATURES)[number];

export function isStateCallbackFeature(value: unknown): value is StateCallbackFeature {
  return value === 'MMTEL' || value === 'RCS';
}

/**
 * ImsStateCallback.REASON_* by number, named as ImsStateCallbackController#imsStateReasonToString
 * prints them in `dumpsys phone` (observability-and-test-apps.md §1a, SVC ImsStateCallbackController.java
 * L1102-1122) — the observer app logs the same words. 0 is the controller's AVAILABLE ("READY").
 */
export const IMS_STATE_REASONS = {
  0: 'READY',
  1: 'UNKNOWN_TEMPORARY_ERROR',
  2: 'UNKNOWN_PERMANENT_ERROR',
  3: 'IMS_SERVICE_DISCONNECTED',
  4: 'NO_IMS_SERVICE_CONFIGURED',
  5: 'SUBSCRIPTION_INACTIVE',
  6: 'IMS_SERVICE_NOT_READY',
} as const;
export type ImsStateReason = (typeof IMS_STATE_REASONS)[keyof typeof IMS_STATE_REASONS];
/** The reasons onUnavailable can carry (READY is the controller's own word for "available"). */
export type UnavailableReason = Exclude<ImsStateReason, 'READY'>;

export const UNAVAILABLE_REASONS: readonly UnavailableReason[] = [
  'UNKNOWN_TEMPORARY_ERROR', 'UNKNOWN_PERMANENT_ERROR', 'IMS_SERVICE_DISCONNECTED', 'NO_IMS_SERVICE_CONFIGURED',
  'SUBSCRIPTION_INACTIVE', 'IMS_SERVICE_NOT_READY',
];

export function isUnavailableReason(value: unknown): value is UnavailableReason {
  return typeof value === 'string' && (UNAVAILABLE_REASONS as readonly string[]).includes(value);
}

/** The reason word for a number, or the number itself when it is none of the public constants. */
export function imsStateReasonName(reason: number): string {
  return (IMS_STATE_REASONS as Readonly<Record<number, string>>)[reason] ?? String(reason);
}

/** How the observer app writes onUnavailable's reason: REASON_* 1..6 by name, any other value as its number. */
export function unavailableReasonWord(reason: number): string {
  const name = imsStateReasonName(reason);
  return isUnavailableReason(name) ? name : String(reason);
}

/** The three methods of ImsStateCallback. */
export const CALLBACK_EVENTS = ['onAvailable', 'onUnavailable', 'onError'] as const;
export type CallbackEvent = (typeof CALLBACK_EVENTS)[number];

/** One callback an app received: the method, and for onUnavailable the reason word. */
export interface ReceivedCallback {
  readonly event: CallbackEvent;
  /** onUnavailable only: a reason word, or the number when the platform sent an unknown one. */
  readonly reason?: string;
}

/** `onAvailable`, `onUnavailable(NO_IMS_SERVICE_CONFIGURED)`, `onError`: how reports write a callback. */
export function formatCallback(c: ReceivedCallback): string {
  return c.event === 'onUnavailable' ? `onUnavailable(${c.reason ?? '?'})` : c.event;
}

/**
 * The name a scenario gives a registration (`registerStateCallback: { id: mmtel0, … }`); it travels
 * to the observer app as a broadcast extra and comes back in its log lines, so it is kept to a
 * word the shell and the log grammar need not quote.
 */
export const REGISTRATION_ID_PATTERN = /^[a-z][a-z0-9-]{0,23}$/;
