/**
 * ImsStateCallbackController.RcsFeatureListener (SVC A15 r23 L403-623): like MMTEL, plus the RCS
 * readiness rule (observability-and-test-apps.md §1a): clients are told READY only when
 * TelephonyRcsService also reports the slot ready with active RCS features (ExternalRcsFeatureState);
 * a subscription whose carrier config enables no RCS feature is told NO_IMS_SERVICE_CONFIGURED even
 * while the RcsFeature is READY.
 */
import { type CallbackWrapper } from './callback-wrapper';
import { FeatureListener } from './feature-listener';
import { type ListenerHost } from './listener-host';
import {
  AVAILABLE, FEATURE_RCS, REASON_IMS_SERVICE_DISCONNECTED, REASON_NO_IMS_SERVICE_CONFIGURED, STATE_READY, STATE_UNAVAILABLE, STATE_UNKNOWN,
} from './state-reasons';

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

export class RcsFeatureListener extends FeatureListener {
  private externalState: ExternalRcsFeatureState | null = null;

  constructor(host: ListenerHost, slotId: number, loggingTag: string) {
    super(host, slotId, FEATURE_RCS, loggingTag);
  }

  protected readyReached(): void {
    if (this.externalState !== null && this.externalState.isReady()) this.host.onFeatureStateChange(this.subId, FEATURE_RCS, this.state, this.reason);
  }

  protected connectionUnavailableInternal(reason: number): void {
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

  protected override dumpExtra(): string {
    const ext = this.externalState;
    return `, isReady=${String(ext === null ? false : ext.isReady())}, hasFeatures=${String(ext === null ? false : ext.hasActiveFeatures())}`;
  }
}

/** notifyExternalRcsStateChanged (L940-970): what TelephonyRcsService / RcsFeatureController report. */
export function externalRcsState(slotId: number, ready: boolean, hasActiveFeatures: boolean): ExternalRcsFeatureState {
  if (ready) return new ExternalRcsFeatureState(slotId, STATE_READY, AVAILABLE);
  if (!hasActiveFeatures) return new ExternalRcsFeatureState(slotId, STATE_UNAVAILABLE, REASON_NO_IMS_SERVICE_CONFIGURED);
  // TelephonyRcsService does not know the exact state of the FeatureConnection.
  return new ExternalRcsFeatureState(slotId, STATE_UNKNOWN, REASON_IMS_SERVICE_DISCONNECTED);
}
