/**
 * ImsStateCallbackController.RcsFeatureListener (SVC A15 r23 L403-623): like MMTEL, plus the RCS
 * readiness rule (observability-and-test-apps.md §1a): clients are told READY only when
 * TelephonyRcsService also reports the slot ready with active RCS features (ExternalRcsFeatureState);
 * a subscription whose carrier config enables no RCS feature is told NO_IMS_SERVICE_CONFIGURED even
 * while the RcsFeature is READY.
 */
import { type IndentingWriter } from '../java/indenting-writer';
import { type CallbackWrapper } from './callback-wrapper';
import { FeatureConnector } from './feature-connector';
import { type FeatureStateListener, type ListenerHost } from './listener-host';
import {
  AVAILABLE, connectorReasonToString, convertReasonType, FEATURE_RCS, imsStateReasonToString, REASON_IMS_SERVICE_DISCONNECTED,
  REASON_NO_IMS_SERVICE_CONFIGURED, STATE_LOG_MAP, STATE_READY, STATE_UNAVAILABLE, STATE_UNKNOWN, UNAVAILABLE_REASON_DISCONNECTED,
  UNAVAILABLE_REASON_IMS_UNSUPPORTED,
} from './state-reasons';

const INVALID_SUBSCRIPTION_ID = -1;

/** ImsStateCallbackController.ExternalRcsFeatureState (L694-712). */
export class ExternalRcsFeatureState {
  constructor(readonly slotId: number, public state: number, readonly reason: number) {}
  hasActiveFeatures(): boolean {
    return this.reason !== REASON_NO_IMS_SERVICE_CONFIGURED;
  }
  isReady(): boolean {
    return this.state === STATE_READY;
  }
}

export class RcsFeatureListener implements FeatureStateListener {
  private connector: FeatureConnector | null;
  private subId = INVALID_SUBSCRIPTION_ID;
  private state = STATE_UNAVAILABLE;
  private reason = REASON_IMS_SERVICE_DISCONNECTED;
  private hasConfig = true;
  private externalState: ExternalRcsFeatureState | null = null;
  private readonly logPrefix: string;

  constructor(private readonly host: ListenerHost, readonly slotId: number, loggingTag: string) {
    this.logPrefix = `[${slotId}, RCS] `;
    this.connector = new FeatureConnector(host.connectorEnv, slotId, FEATURE_RCS, loggingTag, [STATE_READY], {
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
    if (this.externalState !== null && this.externalState.isReady()) this.host.onFeatureStateChange(this.subId, FEATURE_RCS, this.state, this.reason);
  }

  private connectionUnavailable(connectorReason: number): void {
    this.host.logd(`${this.logPrefix}connectionUnavailable reason=${connectorReasonToString(connectorReason)}`);
    const reason = this.host.hooks.stateCallbackWrongReasonUnconfigured && connectorReason === UNAVAILABLE_REASON_IMS_UNSUPPORTED
      ? REASON_IMS_SERVICE_DISCONNECTED : convertReasonType(connectorReason);
    if (this.reason === reason) return;
    this.connectionUnavailableInternal(reason);
  }

  private connectionUnavailableInternal(reason: number): void {
    this.state = STATE_UNAVAILABLE;
    this.reason = reason;
    if (!this.hasConfig && reason !== REASON_NO_IMS_SERVICE_CONFIGURED) return;
    // Wait until TelephonyRcsService notifies its state.
    if (this.externalState === null && reason !== REASON_NO_IMS_SERVICE_CONFIGURED) return;
    // notifyExternalRcsState has told the clients REASON_NO_IMS_SERVICE_CONFIGURED already.
    if (this.externalState !== null && !this.externalState.hasActiveFeatures()) return;
    if ((this.externalState !== null && this.externalState.hasActiveFeatures()) || this.reason === REASON_NO_IMS_SERVICE_CONFIGURED) {
      this.host.onFeatureStateChange(this.subId, FEATURE_RCS, this.state, this.reason);
    }
  }

  notifyConfigChanged(hasConfig: boolean): void {
    if (this.hasConfig === hasConfig) return;
    this.host.logd(`${this.logPrefix}notifyConfigChanged ${String(hasConfig)}`);
    this.hasConfig = hasConfig;
    if (hasConfig) {
      if (this.state !== STATE_READY) {
        if (this.reason === REASON_NO_IMS_SERVICE_CONFIGURED) this.connectionUnavailable(UNAVAILABLE_REASON_DISCONNECTED);
        else this.connectionUnavailableInternal(this.reason);
      }
    } else {
      this.connectionUnavailable(UNAVAILABLE_REASON_IMS_UNSUPPORTED);
    }
  }

  /** notifyExternalRcsState (L548-594): TelephonyRcsService's view of the slot. */
  notifyExternalRcsState(fs: ExternalRcsFeatureState): void {
    const old = this.externalState;
    // A feature added or removed carries no state: keep the old one.
    if (fs.state === STATE_UNKNOWN) fs.state = old !== null ? old.state : STATE_UNAVAILABLE;
    this.externalState = fs;
    // No IMS package found: REASON_NO_IMS_SERVICE_CONFIGURED was notified already.
    if (!this.hasConfig) return;
    if (fs.hasActiveFeatures()) {
      // Waiting for RcsFeatureConnector's READY: notify now; otherwise wait, or a duplicate.
      if (this.state === STATE_READY && (old === null || !old.isReady()) && fs.isReady()) {
        this.host.onFeatureStateChange(this.subId, FEATURE_RCS, this.state, this.reason);
      }
    } else if (old === null || old.hasActiveFeatures()) {
      // Notify only once.
      if (this.reason !== REASON_NO_IMS_SERVICE_CONFIGURED) this.host.onFeatureStateChange(this.subId, FEATURE_RCS, STATE_UNAVAILABLE, REASON_NO_IMS_SERVICE_CONFIGURED);
    }
  }

  notifyState(wrapper: CallbackWrapper): boolean {
    if (this.hasConfig) {
      if (this.externalState === null) return wrapper.notifyState(this.subId, FEATURE_RCS, STATE_UNAVAILABLE, REASON_IMS_SERVICE_DISCONNECTED);
      if (!this.externalState.hasActiveFeatures()) return wrapper.notifyState(this.subId, FEATURE_RCS, STATE_UNAVAILABLE, REASON_NO_IMS_SERVICE_CONFIGURED);
    }
    return wrapper.notifyState(this.subId, FEATURE_RCS, this.state, this.reason);
  }

  dump(pw: IndentingWriter): void {
    const ext = this.externalState;
    pw.println(`Listener={slotId=${this.slotId}, subId=${this.subId}, state=${STATE_LOG_MAP[this.state] ?? 'null'}, reason=${imsStateReasonToString(this.reason)}, hasConfig=${String(this.hasConfig)}, isReady=${String(ext === null ? false : ext.isReady())}, hasFeatures=${String(ext === null ? false : ext.hasActiveFeatures())}}`);
  }
}

/** notifyExternalRcsStateChanged (L940-970): what TelephonyRcsService / RcsFeatureController report. */
export function externalRcsState(slotId: number, ready: boolean, hasActiveFeatures: boolean): ExternalRcsFeatureState {
  if (ready) return new ExternalRcsFeatureState(slotId, STATE_READY, AVAILABLE);
  if (!hasActiveFeatures) return new ExternalRcsFeatureState(slotId, STATE_UNAVAILABLE, REASON_NO_IMS_SERVICE_CONFIGURED);
  // TelephonyRcsService does not know the exact state of the FeatureConnection.
  return new ExternalRcsFeatureState(slotId, STATE_UNKNOWN, REASON_IMS_SERVICE_DISCONNECTED);
}
