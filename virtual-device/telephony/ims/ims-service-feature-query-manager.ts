/**
 * ImsServiceFeatureQueryManager: the short bind -> querySupportedImsFeatures() -> unbind that tells
 * ImsResolver which features a dynamic ImsService supports (OPT ImsServiceFeatureQueryManager.java;
 * reference §1.6): bind failure => false (ImsResolver retries in 5 s); a throwing query or a dying
 * binding => onError; a null binding (unless the binding died first) => onPermanentError; a null
 * configuration => no features. The listener is NOT set during a query.
 */
import { type LogBuffer } from '../../android/platform';
import { type ImsServiceBinder, type ServiceBinder, type ServiceConnection } from './binder';
import { type ComponentName, componentKey, componentToString } from './component-name';
import { type FeatureSlotPair } from './feature-slot-pair';

const LOG_TAG = 'ImsServiceFeatureQuery';

export interface FeatureQueryListener {
  onComplete(name: ComponentName, features: readonly FeatureSlotPair[]): void;
  onError(name: ComponentName): void;
  onPermanentError(name: ComponentName): void;
}

export class ImsServiceFeatureQueryManager {
  private readonly activeQueries = new Map<string, FeatureQuery>();

  constructor(
    private readonly binder: ServiceBinder,
    private readonly logcat: LogBuffer,
    private readonly listener: FeatureQueryListener,
  ) {}

  /** true if the query started (or one is already running for this component). */
  startQuery(name: ComponentName, intentFilter: string): boolean {
    if (this.activeQueries.has(componentKey(name))) return true;
    const query = new FeatureQuery(this, name, intentFilter);
    this.activeQueries.set(componentKey(name), query);
    return query.start();
  }

  isQueryInProgress(): boolean {
    return this.activeQueries.size > 0;
  }

  /** Components with a query in flight (for wait-idle). */
  activeComponents(): string[] {
    return [...this.activeQueries.values()].map((q) => componentToString(q.name));
  }

  /** @internal */
  finish(query: FeatureQuery): void {
    this.binder.unbindService(query);
    if (this.activeQueries.get(componentKey(query.name)) === query) this.activeQueries.delete(componentKey(query.name));
  }

  /** @internal */
  get deps(): { binder: ServiceBinder; logcat: LogBuffer; listener: FeatureQueryListener } {
    return { binder: this.binder, logcat: this.logcat, listener: this.listener };
  }
}

class FeatureQuery implements ServiceConnection {
  private bindingDied = false;

  constructor(
    private readonly manager: ImsServiceFeatureQueryManager,
    readonly name: ComponentName,
    private readonly intentFilter: string,
  ) {}

  start(): boolean {
    const { binder, logcat } = this.manager.deps;
    logcat.write('D', LOG_TAG, `start: intent filter=${this.intentFilter}, name=${componentToString(this.name)}`);
    const started = binder.bindService(this.name, this.intentFilter, this, 'com.android.phone');
    if (!started) this.manager.finish(this); // "Docs say to unbind if this fails."
    return started;
  }

  onServiceConnected(name: ComponentName, service: ImsServiceBinder): void {
    this.manager.deps.logcat.write('I', LOG_TAG, `onServiceConnected for component: ${componentToString(name)}`);
    this.queryImsFeatures(service);
  }

  onServiceDisconnected(name: ComponentName): void {
    this.manager.deps.logcat.write('W', LOG_TAG, `onServiceDisconnected for component: ${componentToString(name)}`);
  }

  onBindingDied(name: ComponentName): void {
    this.bindingDied = true;
    this.manager.deps.logcat.write('W', LOG_TAG, `onBindingDied: ${componentToString(name)}`);
    this.manager.finish(this);
    this.manager.deps.listener.onError(this.name);
  }

  onNullBinding(name: ComponentName): void {
    this.manager.deps.logcat.write('W', LOG_TAG, `onNullBinding: ${componentToString(name)}`);
    if (this.bindingDied) return;
    this.manager.finish(this);
    this.manager.deps.listener.onPermanentError(this.name);
  }

  private queryImsFeatures(service: ImsServiceBinder): void {
    const { logcat, listener } = this.manager.deps;
    let features: readonly FeatureSlotPair[];
    try {
      if (service.kind !== 'ims') throw new Error('java.lang.ClassCastException: not an android.telephony.ims.aidl.IImsServiceController');
      features = service.querySupportedImsFeatures() ?? [];
    } catch (e) {
      logcat.write('W', LOG_TAG, `queryImsFeatures - error: ${e instanceof Error ? e.message : String(e)}`);
      this.manager.finish(this);
      listener.onError(this.name);
      return;
    }
    this.manager.finish(this);
    listener.onComplete(this.name, features);
  }
}
