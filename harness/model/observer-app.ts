/**
 * The rig's observer app: the app that registers ImsStateCallbacks the way the documentation tells
 * apps to (seed 000 "Use ImsStateCallback") and writes every callback it receives to logcat, so the
 * rig observes what an app is really told. Its code is smali (android-apps/observer/), its behaviour is
 * driven by one control broadcast that only adb may send; the reference device runs the same APK by
 * the same rules (virtual-device/apps/observer). Names here are the contract between the three.
 *
 * Control broadcast (explicit; the receiver is protected by android.permission.DUMP, which the
 * shell uid holds and no ordinary app does):
 *
 *   am broadcast --include-stopped-packages -n org.imsrig.observer/org.imsrig.observer.ObserverReceiver -a org.imsrig.CONTROL \
 *       --es op register --es id mmtel0 --ei slot 0 --es feature MMTEL
 *   … --es op unregister --es id mmtel0
 *   … --es op reregister --es id mmtel0      (unregister the current callback, register a new one
 *                                            for the same slot and feature: the documentation's
 *                                            recovery after onError)
 *   … --es op reset                           (unregister every callback, in the order of their ids,
 *                                            and number from 1 again: a clean app for a scenario
 *                                            when it stayed installed from an earlier one)
 *
 * `register` resolves the slot's subscription (SubscriptionManager#getSubscriptionIds(slot)[0], -1 without one), gets
 * ImsManager#getImsMmTelManager / getImsRcsManager for it and calls registerImsStateCallback with a
 * new callback on the app's main executor. Every registration gets the next instance number of its
 * id (1, 2, …; a process restart starts again at 1), so a re-registered callback is told apart from
 * the one it replaces.
 *
 * The outcome is the broadcast's result data (`Broadcast completed: result=0, data="…"`):
 *   `registered <id>#<n> sub=<subId>`        registerImsStateCallback returned
 *   `failed <id>#<n> sub=<subId> <error>`    it threw (or the subscription is invalid): <error> as in the log line
 *   `unregistered <id>#<n>`                  unregisterImsStateCallback was called
 *   `reset <count>`                          reset: how many registrations it unregistered
 *   `unknown <id>`                           no registration of that id (unregister/reregister)
 *   `bad-request <what>`                     a missing or malformed extra
 * No `data=` at all means no receiver ran (the app is missing, or its code is not what it claims).
 *
 * Log lines (tag ImsRigObserver, priority I), one per event, fields in this order, single spaces:
 *
 *   ev=<event> reg=<id>#<n> slot=<slot> sub=<subId> feature=<MMTEL|RCS> reason=<word>
 *
 *   ev        register | register-failed | unregister | onAvailable | onUnavailable | onError
 *   reason    onUnavailable: the word of ImsStateCallback.REASON_* 1..6 (UNAVAILABLE_REASONS,
 *             harness/model/state-callback.ts), or the decimal number for any other value; register-failed: the
 *             exception's simple class name, `:` and for an ImsException its code
 *             (`ImsException:3`, `SecurityException`, `IllegalArgumentException`); otherwise `-`.
 *
 * e.g. `ev=onUnavailable reg=mmtel0#1 slot=0 sub=1 feature=MMTEL reason=NO_IMS_SERVICE_CONFIGURED`.
 */
import { type FullScenario } from './scenario';
import { type StateCallbackFeature } from './state-callback';

export const OBSERVER_PACKAGE = 'org.imsrig.observer';
/** The receiver's fully qualified class (the manifest names it so; the DEX defines it). */
export const OBSERVER_RECEIVER_CLASS = 'org.imsrig.observer.ObserverReceiver';
export const OBSERVER_ACTION = 'org.imsrig.CONTROL';
/** The permission the control receiver requires of the sender (shell holds it; apps do not). */
export const OBSERVER_RECEIVER_PERMISSION = 'android.permission.DUMP';
export const OBSERVER_LOG_TAG = 'ImsRigObserver';

/**
 * What registerImsStateCallback needs (PhoneInterfaceManager#registerImsStateCallback, SVC A15 r23
 * L12695-12741): MMTEL → TelephonyPermissions.enforceCallingOrSelfReadPrecisePhoneStatePermissionOrCarrierPrivilege,
 * which accepts READ_PRIVILEGED_PHONE_STATE; RCS → any of READ_PRIVILEGED_PHONE_STATE,
 * READ_PRECISE_PHONE_STATE, ACCESS_RCS_USER_CAPABILITY_EXCHANGE, PERFORM_IMS_SINGLE_REGISTRATION.
 * READ_PRIVILEGED_PHONE_STATE serves both; it is signature|privileged, so the app is a priv-app and
 * the permission is on its privapp-permissions allowlist.
 */
export const OBSERVER_PERMISSIONS: readonly string[] = ['android.permission.READ_PRIVILEGED_PHONE_STATE'];

export const OBSERVER_OPS = ['register', 'unregister', 'reregister', 'reset'] as const;
export type ObserverOp = (typeof OBSERVER_OPS)[number];

/** Broadcast extras the receiver reads. */
export const OBSERVER_EXTRA = { op: 'op', id: 'id', slot: 'slot', feature: 'feature' } as const;

/** The `ev=` words of the log lines. */
export const OBSERVER_EVENTS = ['register', 'register-failed', 'unregister', 'onAvailable', 'onUnavailable', 'onError'] as const;
export type ObserverEvent = (typeof OBSERVER_EVENTS)[number];

/** One request to the observer, as a step sends it. */
export type ObserverRequest =
  | { readonly op: 'register'; readonly id: string; readonly slot: 0 | 1; readonly feature: StateCallbackFeature }
  | { readonly op: 'unregister' | 'reregister'; readonly id: string }
  | { readonly op: 'reset' };

const OBSERVER_STEPS: ReadonlySet<string> = new Set(['registerStateCallback', 'unregisterStateCallback', 'reregisterStateCallback', 'checkStateCallbacks']);

/** A scenario whose steps drive the observer app needs it staged on the target. */
export function scenarioUsesObserver(s: Pick<FullScenario, 'steps'>): boolean {
  return s.steps.some((step) => OBSERVER_STEPS.has(step.kind));
}
