/**
 * ImsStateCallbackController.MmTelFeatureListener (SVC A15 r23 L255-401): the MMTEL state of one
 * slot as its FeatureConnector reports it (./feature-listener.ts), told to the clients as it comes,
 * except that without an MMTEL package configured only REASON_NO_IMS_SERVICE_CONFIGURED is.
 */
import { type CallbackWrapper } from './callback-wrapper';
import { FeatureListener } from './feature-listener';
import { type ListenerHost } from './listener-host';
import { FEATURE_MMTEL, REASON_NO_IMS_SERVICE_CONFIGURED, STATE_UNAVAILABLE } from './state-reasons';

export class MmTelFeatureListener extends FeatureListener {
  constructor(host: ListenerHost, slotId: number, loggingTag: string) {
    super(host, slotId, FEATURE_MMTEL, loggingTag);
  }

  protected readyReached(): void {
    this.host.onFeatureStateChange(this.subId, FEATURE_MMTEL, this.state, this.reason);
  }

  protected connectionUnavailableInternal(reason: number): void {
    this.state = STATE_UNAVAILABLE;
    this.reason = reason;
    // Without an IMS package for MMTEL only REASON_NO_IMS_SERVICE_CONFIGURED reaches the clients.
    if (!this.hasConfig && reason !== REASON_NO_IMS_SERVICE_CONFIGURED) return;
    this.host.onFeatureStateChange(this.subId, FEATURE_MMTEL, this.state, this.reason);
  }

  notifyState(wrapper: CallbackWrapper): boolean {
    return wrapper.notifyState(this.subId, FEATURE_MMTEL, this.state, this.reason);
  }
}
