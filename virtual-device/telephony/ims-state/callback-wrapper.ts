/**
 * ImsStateCallbackController.CallbackWrapper (SVC A15 r23 L625-692): one app callback registered
 * through ImsMmTelManager / ImsRcsManager#registerImsStateCallback, its subscription, feature,
 * calling package and the last reason it was told. Calls on the app's binder are oneway: a dead
 * app throws (DeadObjectException) and the controller drops the wrapper.
 */
import { type IndentingWriter } from '../java/indenting-writer';
import { FEATURE_NAMES, imsStateReasonToString, NOT_INITIALIZED, REASON_SUBSCRIPTION_INACTIVE, STATE_READY } from './state-reasons';

/** IImsStateCallback, as the phone process holds the app's binder. */
export interface ImsStateCallbackBinder {
  /** The binder's Object.toString(): its identity hash decides the wrappers' HashMap order. */
  readonly description: string;
  onAvailable(): void;
  onUnavailable(reason: number): void;
}

export class CallbackWrapper {
  lastReason = NOT_INITIALIZED;

  constructor(
    readonly subId: number,
    readonly requiredFeature: number,
    readonly callback: ImsStateCallbackBinder,
    readonly callingPackage: string,
    private readonly loge: (message: string) => void,
    private readonly logd: (message: string) => void,
  ) {}

  /** false when the app's binder threw: the callback is not valid any longer (the controller removes it). */
  notifyState(_subId: number, _feature: number, state: number, reason: number): boolean {
    try {
      if (state === STATE_READY) this.callback.onAvailable();
      else this.callback.onUnavailable(reason);
      this.lastReason = reason;
    } catch (e) {
      this.loge(`CallbackWrapper notifyState e=${javaText(e)}`);
      return false;
    }
    return true;
  }

  notifyInactive(): void {
    this.logd(`CallbackWrapper notifyInactive subId=${this.subId}`);
    try {
      this.callback.onUnavailable(REASON_SUBSCRIPTION_INACTIVE);
    } catch {
      // ignored, as in AOSP
    }
  }

  dump(pw: IndentingWriter): void {
    pw.println(`CallbackWrapper={subId=${this.subId}, feature=${FEATURE_NAMES[this.requiredFeature] ?? 'null'}, reason=${imsStateReasonToString(this.lastReason)}, pkg=${this.callingPackage}}`);
  }
}

/** Throwable.toString(): the class, then ": message" when there is one. */
function javaText(e: unknown): string {
  if (e instanceof Error) {
    const javaClass = (e as Error & { javaClass?: string }).javaClass ?? e.name;
    return e.message === '' ? javaClass : `${javaClass}: ${e.message}`;
  }
  return String(e);
}
