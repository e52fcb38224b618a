/**
 * What ImsStateCallbackController.MmTelFeatureListener and RcsFeatureListener (SVC A15 r23
 * L255-401, L403-623) have in common: one slot's FeatureConnector for the feature (ready filter
 * [STATE_READY], IMS ImsManager.java L506-514), the subscription, state and reason it last
 * reported, and whether ImsResolver has a package configured for the feature (hasConfig, true until
 * determined). AOSP writes the two classes out in full; the subclasses here keep only where they
 * differ: when READY and UNAVAILABLE reach the clients, notifyState and the dump line.
 */
import { type IndentingWriter } from '../java/indenting-writer';
import { type CallbackWrapper } from './callback-wrapper';
import { FeatureConnector } from './feature-connector';
import { type FeatureStateListener, type ListenerHost } from './listener-host';
import {
  AVAILABLE, connectorReasonToString, convertReasonType, FEATURE_NAMES, imsStateReasonToString, REASON_IMS_SERVICE_DISCONNECTED,
  REASON_NO_IMS_SERVICE_CONFIGURED, STATE_LOG_MAP, STATE_READY, STATE_UNAVAILABLE, UNAVAILABLE_REASON_DISCONNECTED, UNAVAILABLE_REASON_IMS_UNSUPPORTED,
} from './state-reasons';

export const INVALID_SUBSCRIPTION_ID = -1;

export abstract class FeatureListener implements FeatureStateListener {
  private connector: FeatureConnector | null;
  protected subId = INVALID_SUBSCRIPTION_ID;
  protected state = STATE_UNAVAILABLE;
  protected reason = REASON_IMS_SERVICE_DISCONNECTED;
  protected hasConfig = true;
  private readonly logPrefix: string;

  constructor(protected readonly host: ListenerHost, readonly slotId: number, feature: number, loggingTag: string) {
    this.logPrefix = `[${slotId}, ${FEATURE_NAMES[feature] ?? feature}] `;
    this.connector = new FeatureConnector(host.connectorEnv, slotId, feature, loggingTag, [STATE_READY], {
      connectionReady: (subId) => this.connectionReady(subId),
      connectionUnavailable: (reason) => this.connectionUnavailable(reason),
    }, (label, task) => host.execute(label, task));
  }

  /** The constructor's connector.connect(), once the subclass is initialised. */
  start(): void {
    this.connector?.connect();
  }

  setSubId(subId: number): void {
    if (this.subId === subId) return;
    this.host.logd(`${this.logPrefix}setSubId changed subId=${subId}`);
    this.subId = subId;
  }

  destroy(): void {
    this.connector?.disconnect();
    this.connector = null;
  }

  private connectionReady(subId: number): void {
    this.host.logd(`${this.logPrefix}connectionReady ${subId}`);
    this.subId = subId;
    if (subId === INVALID_SUBSCRIPTION_ID) return;
    this.state = STATE_READY;
    this.reason = AVAILABLE;
    this.hasConfig = true;
    this.readyReached();
  }

  /** connectionReady's last step: whether and how the clients are told. */
  protected abstract readyReached(): void;

  protected connectionUnavailable(connectorReason: number): void {
    this.host.logd(`${this.logPrefix}connectionUnavailable reason=${connectorReasonToString(connectorReason)}`);
    // hooks.stateCallbackWrongReasonUnconfigured: "no IMS configured" is reported as a disconnection.
    const reason = this.host.hooks.stateCallbackWrongReasonUnconfigured && connectorReason === UNAVAILABLE_REASON_IMS_UNSUPPORTED
      ? REASON_IMS_SERVICE_DISCONNECTED : convertReasonType(connectorReason);
    if (this.reason === reason) return;
    this.connectionUnavailableInternal(reason);
  }

  protected abstract connectionUnavailableInternal(reason: number): void;

  notifyConfigChanged(hasConfig: boolean): void {
    if (this.hasConfig === hasConfig) return;
    this.host.logd(`${this.logPrefix}notifyConfigChanged ${String(hasConfig)}`);
    this.hasConfig = hasConfig;
    if (hasConfig) {
      if (this.state !== STATE_READY) {
        // NO_IMS_SERVICE_CONFIGURED was reported; tell the clients DISCONNECTED to update them.
        if (this.reason === REASON_NO_IMS_SERVICE_CONFIGURED) this.connectionUnavailable(UNAVAILABLE_REASON_DISCONNECTED);
        else this.connectionUnavailableInternal(this.reason);
      }
    } else {
      // FeatureConnector never reports IMS_UNSUPPORTED: report it here.
      this.connectionUnavailable(UNAVAILABLE_REASON_IMS_UNSUPPORTED);
    }
  }

  abstract notifyState(wrapper: CallbackWrapper): boolean;

  /** The dump's `Listener={…}` line; RCS adds its external state's fields. */
  dump(pw: IndentingWriter): void {
    pw.println(`Listener={slotId=${this.slotId}, subId=${this.subId}, state=${STATE_LOG_MAP[this.state] ?? 'null'}, reason=${imsStateReasonToString(this.reason)}, hasConfig=${String(this.hasConfig)}${this.dumpExtra()}}`);
  }

  protected dumpExtra(): string {
    return '';
  }
}
