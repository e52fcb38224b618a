/**
 * The rig's observer app as the reference device runs it: what its smali code does
 * (android-apps/observer/smali; contract and log grammar in harness/model/observer-app.ts). On the control
 * broadcast it registers an ImsStateCallback through ImsMmTelManager / ImsRcsManager for the slot's
 * subscription, unregisters it, or re-registers; it logs every callback under ImsRigObserver.
 *
 * The framework's client side is modelled with it, because that is where two documented behaviours
 * live: ImsManager#getImsMmTelManager refuses an invalid subscription (IllegalArgumentException), and
 * ImsMmTelManager#registerImsStateCallback ties the callback to the telephony binder
 * (BinderCacheManager#listenOnBinder, frameworks/base ImsMmTelManager.java): when the phone process
 * dies, every callback still tied to it is told onError (ImsStateCallback#binderDied), once.
 */
import {
  OBSERVER_EXTRA, OBSERVER_LOG_TAG, OBSERVER_OPS, OBSERVER_PACKAGE, REGISTRATION_ID_PATTERN, unavailableReasonWord,
  isStateCallbackFeature, type ObserverEvent, type ObserverOp, type StateCallbackFeature,
} from '../../../harness/model';
import { type ExtraValue, type LogBuffer, type PackageManager } from '../../android/platform';
import { type IdentityHashes, RemoteException } from '../../telephony/ims/binder';
import { type ImsStateCallbackBinder } from '../../telephony/ims-state/callback-wrapper';

/** What the app reaches in the phone process (ITelephony and SubscriptionManager). */
export interface TelephonyServer {
  /** SubscriptionManager#getSubscriptionIds(slot)[0]: -1 without an active subscription. */
  subscriptionId(slotId: number): number;
  /** ITelephony#registerImsStateCallback: throws ServiceSpecificException / SecurityException. */
  registerImsStateCallback(subId: number, feature: number, callback: ImsStateCallbackBinder, callingPackage: string, holds: (permission: string) => boolean): void;
  unregisterImsStateCallback(callback: ImsStateCallbackBinder): void;
}

export interface ObserverEnvironment {
  readonly pm: PackageManager;
  readonly logcat: LogBuffer;
  readonly identities: IdentityHashes;
  /** The running phone process, or null while it restarts. */
  telephony(): TelephonyServer | null;
  /** The deviation profile's client-side hook (state-callback-no-error-on-crash). */
  errorOnPhoneDeath(): boolean;
}

interface Registration {
  readonly id: string;
  readonly n: number;
  readonly slot: number;
  readonly feature: StateCallbackFeature;
  readonly subId: number;
  readonly binder: ImsStateCallbackBinder | null;
  /** Tied to the telephony binder's death (listenOnBinder) until unregistered or told onError. */
  listening: boolean;
}

const FEATURE_NUMBER: Readonly<Record<StateCallbackFeature, number>> = { MMTEL: 1, RCS: 2 };
/** ImsException.CODE_ERROR_SERVICE_UNAVAILABLE: "Telephony server is down". */
const CODE_ERROR_SERVICE_UNAVAILABLE = 1;

export class ObserverApp {
  private readonly registrations = new Map<string, Registration>();
  private readonly counters = new Map<string, number>();
  /** Bumped when the app process dies (a reboot): binders of an older generation are dead. */
  private generation = 0;

  constructor(private readonly env: ObserverEnvironment) {}

  /** The process's pid in its log lines (a new process after a reboot gets a new one). */
  get pid(): number {
    return 20_000 + this.generation;
  }

  /** ObserverReceiver#onReceive: the outcome becomes the broadcast's result data. */
  onReceive(extras: Readonly<Record<string, ExtraValue>>): { resultCode: number; data: string } {
    const op = extras[OBSERVER_EXTRA.op];
    const id = extras[OBSERVER_EXTRA.id];
    if (typeof op !== 'string' || !(OBSERVER_OPS as readonly string[]).includes(op)) return { resultCode: 0, data: 'bad-request op' };
    if (op === 'reset') return { resultCode: 0, data: this.reset() };
    if (typeof id !== 'string' || !REGISTRATION_ID_PATTERN.test(id)) return { resultCode: 0, data: 'bad-request id' };
    switch (op as ObserverOp) {
      case 'register': {
        const slot = extras[OBSERVER_EXTRA.slot];
        const feature = extras[OBSERVER_EXTRA.feature];
        if (typeof slot !== 'number' || !Number.isInteger(slot)) return { resultCode: 0, data: 'bad-request slot' };
        if (!isStateCallbackFeature(feature)) return { resultCode: 0, data: 'bad-request feature' };
        // A registration of the same id replaces (and first unregisters) the old one.
        if (this.registrations.has(id)) this.unregister(id);
        return { resultCode: 0, data: this.register(id, slot, feature) };
      }
      case 'unregister':
        if (!this.registrations.has(id)) return { resultCode: 0, data: `unknown ${id}` };
        return { resultCode: 0, data: this.unregister(id) };
      case 'reset':
        return { resultCode: 0, data: this.reset() };
      case 'reregister': {
        const old = this.registrations.get(id);
        if (old === undefined) return { resultCode: 0, data: `unknown ${id}` };
        this.unregister(id);
        return { resultCode: 0, data: this.register(id, old.slot, old.feature) };
      }
    }
  }

  /** ObserverReceiver#reset: every registration unregistered, ids in String#compareTo order; numbering from 1. */
  private reset(): string {
    const ids = [...this.registrations.keys()].sort();
    for (const id of ids) this.unregister(id);
    this.counters.clear();
    return `reset ${ids.length}`;
  }

  /** The phone process died: ImsStateCallback#binderDied for every callback still tied to it. */
  onPhoneDied(): void {
    for (const r of this.registrations.values()) {
      if (!r.listening) continue;
      r.listening = false;
      if (this.env.errorOnPhoneDeath()) this.log('onError', r, '-');
    }
  }

  /** The app process died with the device (reboot): it holds nothing and numbers from 1 again. */
  processDied(): void {
    this.registrations.clear();
    this.counters.clear();
    this.generation += 1;
  }

  private register(id: string, slot: number, feature: StateCallbackFeature): string {
    const n = (this.counters.get(id) ?? 0) + 1;
    this.counters.set(id, n);
    const telephony = this.env.telephony();
    const subId = telephony?.subscriptionId(slot) ?? -1;
    const base = { id, n, slot, feature, subId };
    // ImsManager#getImsMmTelManager / getImsRcsManager: a subscription id below 0 is refused.
    if (subId < 0) return this.failed({ ...base, binder: null, listening: false }, 'IllegalArgumentException');
    if (telephony === null) return this.failed({ ...base, binder: null, listening: false }, `ImsException:${CODE_ERROR_SERVICE_UNAVAILABLE}`);
    const registration: Registration = { ...base, binder: this.callbackBinder(base), listening: true };
    this.registrations.set(id, registration);
    try {
      telephony.registerImsStateCallback(subId, FEATURE_NUMBER[feature], registration.binder as ImsStateCallbackBinder, OBSERVER_PACKAGE, (p) => this.env.pm.isPermissionGranted(OBSERVER_PACKAGE, p));
    } catch (e) {
      // The binder-death runnable was added before the call and stays (AOSP does not remove it).
      return this.failed(registration, errorWord(e));
    }
    this.log('register', registration, '-');
    return `registered ${id}#${n} sub=${subId}`;
  }

  private failed(r: Registration, error: string): string {
    this.registrations.set(r.id, r);
    this.log('register-failed', r, error);
    return `failed ${r.id}#${r.n} sub=${r.subId} ${error}`;
  }

  private unregister(id: string): string {
    const r = this.registrations.get(id);
    if (r === undefined) return `unknown ${id}`;
    this.registrations.delete(id);
    r.listening = false;
    if (r.binder !== null) this.env.telephony()?.unregisterImsStateCallback(r.binder);
    this.log('unregister', r, '-');
    return `unregistered ${id}#${r.n}`;
  }

  /** The IImsStateCallback stub: oneway calls into this process, forwarded to the app's executor. */
  private callbackBinder(r: Omit<Registration, 'binder' | 'listening'>): ImsStateCallbackBinder {
    const generation = this.generation;
    const alive = (): void => {
      if (generation !== this.generation) throw new RemoteException(`DeadObjectException: ${OBSERVER_PACKAGE} died`);
    };
    return {
      description: this.env.identities.next('android.os.BinderProxy').description,
      onAvailable: () => {
        alive();
        this.log('onAvailable', r, '-');
      },
      onUnavailable: (reason) => {
        alive();
        this.log('onUnavailable', r, unavailableReasonWord(reason));
      },
    };
  }

  private log(event: ObserverEvent, r: Pick<Registration, 'id' | 'n' | 'slot' | 'subId' | 'feature'>, reason: string): void {
    this.env.logcat.write('I', OBSERVER_LOG_TAG, `ev=${event} reg=${r.id}#${r.n} slot=${r.slot} sub=${r.subId} feature=${r.feature} reason=${reason}`, this.pid);
  }
}

/** The exception's simple class name, `:code` for an ImsException (the log grammar's register-failed reason). */
function errorWord(e: unknown): string {
  const javaClass = e instanceof Error ? ((e as Error & { javaClass?: string }).javaClass ?? e.name) : 'Exception';
  if (javaClass === 'android.os.ServiceSpecificException') return `ImsException:${(e as { errorCode?: number }).errorCode ?? 0}`;
  return javaClass.slice(javaClass.lastIndexOf('.') + 1);
}
