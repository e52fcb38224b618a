/**
 * ImsStateCallbackController.MmTelFeatureListener (SVC A15 r23 L255-401): the MMTEL state of one
 * slot as its FeatureConnector (ImsManager#getConnector, ready filter [STATE_READY], IMS
 * ImsManager.java L506-514) reports it, and whether ImsResolver has an MMTEL package configured.
 */
import { type IndentingWriter } from '../java/indenting-writer';
import { type CallbackWrapper } from './callback-wrapper';
import { FeatureConnector } from './feature-connector';
import { type FeatureStateListener, type ListenerHost } from './listener-host';
import {
  AVAILABLE, connectorReasonToString, convertReasonType, FEATURE_MMTEL, imsStateReasonToString, REASON_IMS_SERVICE_DISCONNECTED,
  REASON_NO_IMS_SERVICE_CONFIGURED, STATE_LOG_MAP, STATE_READY, STATE_UNAVAILABLE, UNAVAILABLE_REASON_DISCONNECTED, UNAVAILABLE_REASON_IMS_UNSUPPORTED,
} from './state-reasons';

const INVALID_SUBSCRIPTION_ID = -1;

export class MmTelFeatureListener implements FeatureStateListener {
  private connector: FeatureConnector | null;
  private subId = INVALID_SUBSCRIPTION_ID;
  private state = STATE_UNAVAILABLE;
  private reason = REASON_IMS_SERVICE_DISCONNECTED;
  /** The last answer of verifyImsMmTelConfigured; true until determined (L261-273). */
  private hasConfig = true;
  private readonly logPrefix: string;

  constructor(private readonly host: ListenerHost, readonly slotId: number, loggingTag: string) {
    this.logPrefix = `[${slotId}, MMTEL] `;
    this.connector = new FeatureConnector(host.connectorEnv, slotId, FEATURE_MMTEL, loggingTag, [STATE_READY], {
      connectionReady: (subId) => this.connectionReady(subId),
      connectionUnavailable: (reason) => this.connectionUnavailable(reason),
    }, (label, task) => host.execute(label, task));
    this.connector.connect();
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
    this.host.onFeatureStateChange(this.subId, FEATURE_MMTEL, this.state, this.reason);
  }

  private connectionUnavailable(connectorReason: number): void {
    this.host.logd(`${this.logPrefix}connectionUnavailable reason=${connectorReasonToString(connectorReason)}`);
    const reason = this.convert(connectorReason);
    if (this.reason === reason) return;
    this.connectionUnavailableInternal(reason);
  }

  private convert(connectorReason: number): number {
    // hooks.stateCallbackWrongReasonUnconfigured: "no IMS configured" is reported as a disconnection.
    if (this.host.hooks.stateCallbackWrongReasonUnconfigured && connectorReason === UNAVAILABLE_REASON_IMS_UNSUPPORTED) return REASON_IMS_SERVICE_DISCONNECTED;
    return convertReasonType(connectorReason);
  }

  private connectionUnavailableInternal(reason: number): void {
    this.state = STATE_UNAVAILABLE;
    this.reason = reason;
    // Without an IMS package for MMTEL only REASON_NO_IMS_SERVICE_CONFIGURED reaches the clients.
    if (!this.hasConfig && reason !== REASON_NO_IMS_SERVICE_CONFIGURED) return;
    this.host.onFeatureStateChange(this.subId, FEATURE_MMTEL, this.state, this.reason);
  }

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

  notifyState(wrapper: CallbackWrapper): boolean {
    return wrapper.notifyState(this.subId, FEATURE_MMTEL, this.state, this.reason);
  }

  dump(pw: IndentingWriter): void {
    pw.println(`Listener={slotId=${this.slotId}, subId=${this.subId}, state=${STATE_LOG_MAP[this.state] ?? 'null'}, reason=${imsStateReasonToString(this.reason)}, hasConfig=${String(this.hasConfig)}}`);
  }
}
