/** What ImsResolver needs from the phone process (PhoneGlobals' Context, in AOSP terms). */
import { type ComponentInfo, type Intent } from '../../android/platform';
import { type DeviationHooks } from '../../deviations/deviations';
import { type Handler } from '../java/scheduler';
import { type ControllerContext } from './controller-context';

/** The part of a carrier-config PersistableBundle ImsResolver reads. */
export interface CarrierConfigView {
  /** BaseBundle.getString(key): null when missing, null-valued or not a String. */
  getString(key: string): string | null;
}

/** TelephonyManager.SIM_STATE_* values ImsResolver compares against. */
export const SIM_STATE_UNKNOWN = 0;
export const SIM_STATE_ABSENT = 1;
export const SIM_STATE_READY = 5;
export const SIM_STATE_NOT_READY = 6;
/** The SIM's records are loaded (what getSimState reports once its carrier config is broadcast). */
export const SIM_STATE_LOADED = 10;

export interface ResolverEnvironment extends ControllerContext {
  /** The "ImsResolver" HandlerThread. */
  readonly resolverHandler: Handler;
  /** The main thread: broadcast receivers, binder callbacks. */
  readonly mainHandler: Handler;
  readonly hooks: DeviationHooks;
  /** PackageManager.queryIntentServices(Intent(action).setPackage(pkg), GET_META_DATA). */
  queryIntentServices(action: string, packageName?: string): readonly ComponentInfo[];
  /** SubscriptionManager.getSubscriptionId(slot): -1 when the slot has no active subscription. */
  getSubId(slotId: number): number;
  /** TelephonyManager.getSimState(slot). */
  getSimState(slotId: number): number;
  /** CarrierConfigManager.getConfigForSubId(subId). */
  getConfigForSubId(subId: number): CarrierConfigView | null;
  /** Context.registerReceiver (delivers the current sticky intent of a sticky action at once). */
  registerReceiver(actions: readonly string[], receiver: (intent: Intent) => void): void;
  /** UserManager.isUserUnlocked(). */
  isUserUnlocked(): boolean;
}
