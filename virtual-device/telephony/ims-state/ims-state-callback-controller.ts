/**
 * ImsStateCallbackController as Android 15 implements it (SVC src/com/android/phone/
 * ImsStateCallbackController.java, android-15.0.0_r23; observability-and-test-apps.md §1a): per slot
 * an MMTEL and an RCS listener driven by their FeatureConnectors, and the callbacks apps registered
 * through ImsMmTelManager / ImsRcsManager#registerImsStateCallback, told every change of their
 * subscription's feature; callbacks of a subscription that became inactive are told
 * REASON_SUBSCRIPTION_INACTIVE and removed. Everything runs on its own HandlerThread. The
 * telephony-crash onError is the client's (ImsMmTelManager's binder-death runnable), not this class's.
 */
import { type Clock, type Intent, type LogBuffer } from '../../android/platform';
import { type DeviationHooks } from '../../deviations/deviations';
import { JavaHashMap } from '../java/java-hash';
import { type IndentingWriter } from '../java/indenting-writer';
import { LocalLog } from '../java/local-log';
import { type Handler } from '../java/scheduler';
import { CallbackWrapper, type ImsStateCallbackBinder } from './callback-wrapper';
import { type FeatureConnectorEnvironment } from './feature-connector';
import { type FeatureStateListener, type ListenerHost } from './listener-host';
import { MmTelFeatureListener } from './mmtel-feature-listener';
import { externalRcsState, RcsFeatureListener } from './rcs-feature-listener';
import { FEATURE_MMTEL, FEATURE_RCS } from './state-reasons';

export const TAG = 'ImsStateCallbackController';
const LOG_SIZE = 50;
const ACTION_CARRIER_CONFIG_CHANGED = 'android.telephony.action.CARRIER_CONFIG_CHANGED';
const EXTRA_SLOT_INDEX = 'android.telephony.extra.SLOT_INDEX';
const EXTRA_SUBSCRIPTION_INDEX = 'android.telephony.extra.SUBSCRIPTION_INDEX';

/** What the controller needs from the phone process. */
export interface StateCallbackEnvironment {
  /** Its own "ImsStateCallbackController" HandlerThread. */
  readonly handler: Handler;
  readonly logcat: LogBuffer;
  readonly clock: Pick<Clock, 'now'>;
  readonly hooks: DeviationHooks;
  readonly connectorEnv: FeatureConnectorEnvironment;
  /** PhoneFactory.getPhone(slot).getSubId(). */
  getSubId(slotId: number): number;
  /** SubscriptionManager#getActiveSubscriptionIdList. */
  activeSubscriptionIds(): number[];
  /** ImsResolver#isImsServiceConfiguredForFeature, answered on the resolver's thread (null: no resolver). */
  isImsServiceConfiguredForFeature(slotId: number, feature: number, answer: (configured: boolean | null) => void): void;
  registerReceiver(actions: readonly string[], receiver: (intent: Intent) => void): void;
  /** TelephonyRegistryManager#addOnSubscriptionsChangedListener (called on the registry's thread). */
  onSubscriptionsChanged(listener: () => void): void;
}

/** A binder's identity hash (`…@9c1f0a3`): HashMap<IBinder, CallbackWrapper> iterates by it. */
function binderHash(binder: ImsStateCallbackBinder): number {
  const hex = /@([0-9a-f]+)$/.exec(binder.description)?.[1];
  return hex === undefined ? 0 : parseInt(hex, 16) | 0;
}

export class ImsStateCallbackController implements ListenerHost {
  private readonly mmtel = new Map<number, MmTelFeatureListener>();
  private readonly rcs = new Map<number, RcsFeatureListener>();
  private readonly wrappers = new JavaHashMap<ImsStateCallbackBinder, CallbackWrapper>(binderHash, (b) => b.description);
  private numSlots = 0;
  private readonly localLog: LocalLog;

  constructor(private readonly env: StateCallbackEnvironment, numSlots: number) {
    this.localLog = new LocalLog(LOG_SIZE, env.clock);
    this.logd('ImsStateCallbackController created');
    this.updateFeatureControllerSize(numSlots);
    // The listener's executor is this handler (mHandler::post); it coalesces into one EVENT_SUB_CHANGED.
    env.onSubscriptionsChanged(() => env.handler.post(`${TAG} onSubscriptionsChanged`, () => {
      if (!env.handler.hasMessages('EVENT_SUB_CHANGED')) env.handler.sendMessage('EVENT_SUB_CHANGED', undefined, `${TAG} EVENT_SUB_CHANGED`, () => this.onSubChanged());
    }));
    env.registerReceiver([ACTION_CARRIER_CONFIG_CHANGED], (intent) => this.onCarrierConfigChangedBroadcast(intent));
    this.onSubChanged();
  }

  get connectorEnv(): FeatureConnectorEnvironment {
    return this.env.connectorEnv;
  }

  get hooks(): DeviationHooks {
    return this.env.hooks;
  }

  execute(label: string, task: () => void): void {
    this.env.handler.post(`${TAG} ${label}`, task);
  }

  // --- entry points (other threads) ----------------------------------------------------------

  /** PhoneInterfaceManager#registerImsStateCallback, after its checks. */
  registerImsStateCallback(subId: number, feature: number, callback: ImsStateCallbackBinder, callingPackage: string): void {
    const wrapper = new CallbackWrapper(subId, feature, callback, callingPackage, (m) => this.loge(m), (m) => this.logd(m));
    this.env.handler.sendMessage('EVENT_REGISTER_CALLBACK', wrapper, `${TAG} EVENT_REGISTER_CALLBACK`, () => this.onRegisterCallback(wrapper));
  }

  unregisterImsStateCallback(callback: ImsStateCallbackBinder): void {
    this.env.handler.sendMessage('EVENT_UNREGISTER_CALLBACK', callback, `${TAG} EVENT_UNREGISTER_CALLBACK`, () => this.wrappers.delete(callback));
  }

  /** From TelephonyRcsService and RcsFeatureController. */
  notifyExternalRcsStateChanged(slotId: number, ready: boolean, hasActiveFeatures: boolean): void {
    const fs = externalRcsState(slotId, ready, hasActiveFeatures);
    this.env.handler.sendMessage('EVENT_EXTERNAL_RCS_STATE_CHANGED', fs, `${TAG} EVENT_EXTERNAL_RCS_STATE_CHANGED`, () => {
      const listener = this.rcs.get(fs.slotId);
      if (listener) listener.notifyExternalRcsState(fs);
      else this.loge(`onExternalRcsStateChanged slotId=${fs.slotId}, no listener.`);
    });
  }

  /** PhoneConfigurationManager's MSIM registrant (EVENT_MSIM_CONFIGURATION_CHANGE). */
  onMultiSimConfigChanged(numSlots: number): void {
    this.env.handler.sendMessage('EVENT_MSIM_CONFIGURATION_CHANGE', numSlots, `${TAG} EVENT_MSIM_CONFIGURATION_CHANGE`, () => this.updateFeatureControllerSize(numSlots));
  }

  /** Wrappers a restarted process takes over (deviation state-callback-updates-after-error only). */
  adoptWrappers(wrappers: readonly CallbackWrapper[]): void {
    for (const w of wrappers) this.wrappers.set(w.callback, w);
  }

  registeredWrappers(): CallbackWrapper[] {
    return this.wrappers.values();
  }

  // --- handler work --------------------------------------------------------------------------

  private updateFeatureControllerSize(newNumSlots: number): void {
    if (this.numSlots !== newNumSlots) {
      this.logd(`updateFeatures: oldSlots=${this.numSlots}, newNumSlots=${newNumSlots}`);
      if (this.numSlots < newNumSlots) {
        for (let i = this.numSlots; i < newNumSlots; i++) {
          const mmtel = new MmTelFeatureListener(this, i, TAG);
          this.mmtel.set(i, mmtel);
          mmtel.start();
          const rcs = new RcsFeatureListener(this, i, TAG);
          this.rcs.set(i, rcs);
          rcs.start();
        }
      } else {
        for (let i = this.numSlots - 1; i > newNumSlots - 1; i--) {
          this.mmtel.get(i)?.destroy();
          this.mmtel.delete(i);
          this.rcs.get(i)?.destroy();
          this.rcs.delete(i);
        }
      }
    }
    this.numSlots = newNumSlots;
  }

  private onSubChanged(): void {
    for (const [slot, l] of this.sorted(this.mmtel)) l.setSubId(this.env.getSubId(slot));
    for (const [slot, l] of this.sorted(this.rcs)) l.setSubId(this.env.getSubId(slot));
    if (this.wrappers.size === 0) return;
    const active = this.env.activeSubscriptionIds();
    const inactive = this.wrappers.values().filter((w) => !active.includes(w.subId));
    this.removeInactiveCallbacks(inactive);
  }

  /** onFeatureStateChange: every wrapper of (subId, feature); the ones whose binder threw are dropped. */
  onFeatureStateChange(subId: number, feature: number, state: number, reason: number): void {
    const failed = this.wrappers.values().filter((w) => subId === w.subId && feature === w.requiredFeature && !w.notifyState(subId, feature, state, reason));
    this.removeInactiveCallbacks(failed);
  }

  private onRegisterCallback(wrapper: CallbackWrapper): void {
    // Registered before notifyState: the subId was validated by PhoneInterfaceManager.
    this.wrappers.set(wrapper.callback, wrapper);
    const listeners: Map<number, FeatureStateListener> = wrapper.requiredFeature === FEATURE_MMTEL ? this.mmtel : wrapper.requiredFeature === FEATURE_RCS ? this.rcs : new Map<number, FeatureStateListener>();
    for (const [slot, l] of this.sorted(listeners)) {
      if (wrapper.subId !== this.env.getSubId(slot)) continue;
      if (!l.notifyState(wrapper)) this.wrappers.delete(wrapper.callback);
      break;
    }
  }

  private onCarrierConfigChangedBroadcast(intent: Intent): void {
    const slotId = typeof intent.extras[EXTRA_SLOT_INDEX] === 'number' ? intent.extras[EXTRA_SLOT_INDEX] : -1;
    const subId = typeof intent.extras[EXTRA_SUBSCRIPTION_INDEX] === 'number' ? intent.extras[EXTRA_SUBSCRIPTION_INDEX] : -1;
    if (slotId <= -1) {
      this.loge('onReceive ACTION_CARRIER_CONFIG_CHANGED invalid slotId');
      return;
    }
    if (subId <= -1) {
      // The subscription change is told by the subscriptions listener.
      this.loge('onReceive ACTION_CARRIER_CONFIG_CHANGED invalid subId');
      return;
    }
    this.env.handler.sendMessage('EVENT_CARRIER_CONFIG_CHANGED', slotId, `${TAG} EVENT_CARRIER_CONFIG_CHANGED ${slotId}`, () => this.onCarrierConfigChanged(slotId));
  }

  /**
   * onCarrierConfigChanged (L900-922): whether ImsResolver has a package for MMTEL and for RCS on
   * the slot. AOSP blocks on the resolver's handler for the answer; here the answer comes back to
   * this thread in the resolver's turn, after what that handler had queued.
   */
  private onCarrierConfigChanged(slotId: number): void {
    if (slotId >= this.numSlots) {
      this.logd(`onCarrierConfigChanged invalid slotId ${slotId}, mNumSlots=${this.numSlots}`);
      return;
    }
    const verify = (feature: number, apply: (hasConfig: boolean) => void): void => {
      this.env.isImsServiceConfiguredForFeature(slotId, feature, (configured) => {
        if (configured === null) this.loge(feature === FEATURE_MMTEL ? 'verifyImsMmTelConfigured mImsResolver is null' : 'verifyImsRcsConfigured mImsResolver is null');
        this.execute(`EVENT_CARRIER_CONFIG_CHANGED ${slotId} answer`, () => apply(configured === true));
      });
    };
    verify(FEATURE_MMTEL, (hasConfig) => this.mmtel.get(slotId)?.notifyConfigChanged(hasConfig));
    verify(FEATURE_RCS, (hasConfig) => this.rcs.get(slotId)?.notifyConfigChanged(hasConfig));
  }

  private removeInactiveCallbacks(inactive: readonly CallbackWrapper[]): void {
    for (const wrapper of inactive) {
      if (!this.wrappers.has(wrapper.callback)) continue;
      // REASON_SUBSCRIPTION_INACTIVE goes to the client, then the callback is dropped.
      wrapper.notifyInactive();
      this.wrappers.delete(wrapper.callback);
    }
  }

  private sorted<T>(m: Map<number, T>): [number, T][] {
    return [...m.entries()].sort(([a], [b]) => a - b);
  }

  /** The process died: connectors stop, nothing queued runs. */
  dispose(): void {
    for (const l of this.mmtel.values()) l.destroy();
    for (const l of this.rcs.values()) l.destroy();
    this.env.handler.quitSafely();
  }

  // --- dump and logging ------------------------------------------------------------------------

  /** dump(IndentingPrintWriter) (L1187-1219), in AOSP's order. */
  dump(pw: IndentingWriter): void {
    pw.increaseIndent();
    pw.println('CallbackWrappers:');
    pw.increaseIndent();
    for (const w of this.wrappers.values()) w.dump(pw);
    pw.decreaseIndent();
    pw.println('MmTelFeatureListeners:');
    pw.increaseIndent();
    for (let i = 0; i < this.numSlots; i++) this.mmtel.get(i)?.dump(pw);
    pw.decreaseIndent();
    pw.println('RcsFeatureListeners:');
    pw.increaseIndent();
    for (let i = 0; i < this.numSlots; i++) this.rcs.get(i)?.dump(pw);
    pw.decreaseIndent();
    pw.println('Most recent logs:');
    pw.increaseIndent();
    for (const line of this.localLog.entries()) pw.println(line);
    pw.decreaseIndent();
    pw.decreaseIndent();
  }

  logd(message: string): void {
    this.env.logcat.write('D', TAG, message);
    this.localLog.log(message);
  }

  private loge(message: string): void {
    this.env.logcat.write('E', TAG, message);
    this.localLog.log(message);
  }
}
