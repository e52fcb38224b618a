/**
 * com.android.ims.FeatureConnector (IMS src/java/com/android/ims/FeatureConnector.java,
 * android-15.0.0_r23): waits for the ImsFeature of one (phone, feature) in ImsFeatureBinderRepository
 * and tells its listener when the feature's state enters or leaves the ready filter, or when the
 * feature goes away. The listener runs on `execute`'s thread. Logs under tag FeatureConnector as
 * `[<logPrefix>, <phoneId>] <msg>` (L304-310).
 */
import { type LogBuffer } from '../../android/platform';
import { capabilitiesString, type IdentityHashes } from '../ims/binder';
import { containerToString, type ImsFeatureContainer, type ImsServiceFeatureCallback } from '../ims/ims-feature-binder-repository';
import { STATE_LOG_MAP, UNAVAILABLE_REASON_DISCONNECTED, UNAVAILABLE_REASON_IMS_UNSUPPORTED, UNAVAILABLE_REASON_NOT_READY, UNAVAILABLE_REASON_SERVER_UNAVAILABLE } from './state-reasons';

const TAG = 'FeatureConnector';

/** FeatureConnector.Listener. */
export interface FeatureConnectorListener {
  connectionReady(subId: number): void;
  connectionUnavailable(reason: number): void;
}

/** What a connector needs from its process: ImsManager/RcsFeatureManager#registerFeatureCallback and friends. */
export interface FeatureConnectorEnvironment {
  readonly logcat: LogBuffer;
  readonly identities: IdentityHashes;
  /** PackageManager#hasSystemFeature(FEATURE_TELEPHONY_IMS). */
  imsSupported(): boolean;
  /** ITelephony#registerMmTelFeatureCallback / IImsRcsController#registerRcsFeatureCallback → ImsResolver#listenForFeature. */
  register(phoneId: number, feature: number, callback: ImsServiceFeatureCallback): void;
  unregister(callback: ImsServiceFeatureCallback): void;
}

export class FeatureConnector {
  readonly callback: ImsServiceFeatureCallback;
  /** Start in disconnected state (L214). */
  private disconnectedReason: number | null = UNAVAILABLE_REASON_DISCONNECTED;
  /** Do not send the first unavailable until after we have moved to available once (L216-217). */
  private lastReadyState = false;
  private connected = false;

  constructor(
    private readonly env: FeatureConnectorEnvironment,
    private readonly phoneId: number,
    /** The feature its manager connects to (ImsManager: MMTEL; RcsFeatureManager: RCS). */
    private readonly feature: number,
    private readonly logPrefix: string,
    private readonly readyFilter: readonly number[],
    private readonly listener: FeatureConnectorListener,
    private readonly execute: (label: string, task: () => void) => void,
  ) {
    const description = env.identities.next('com.android.ims.FeatureConnector$1').description;
    this.callback = {
      description,
      imsFeatureCreated: (c, subId) => this.imsFeatureCreated(c, subId),
      imsFeatureRemoved: (reason) => this.imsFeatureRemoved(reason),
      imsStatusChanged: (status, subId) => this.imsStatusChanged(status, subId),
      updateCapabilities: (caps) => this.log(`updateCapabilities: capabilities=${capabilitiesString(caps)}`),
      // An in-process callback lives as long as the process that made it.
      isAlive: () => this.connected,
    };
  }

  connect(): void {
    if (!this.env.imsSupported()) {
      this.execute('FeatureConnector unsupported', () => this.listener.connectionUnavailable(UNAVAILABLE_REASON_IMS_UNSUPPORTED));
      this.env.logcat.write('W', TAG, `[${this.logPrefix}, ${this.phoneId}] connect: not supported.`);
      return;
    }
    this.connected = true;
    this.env.register(this.phoneId, this.feature, this.callback);
  }

  /** Unregisters, then tells the listener one last time (L268-280). */
  disconnect(): void {
    if (!this.connected) return;
    this.env.unregister(this.callback);
    this.imsFeatureRemoved(UNAVAILABLE_REASON_DISCONNECTED);
    this.connected = false;
  }

  private imsFeatureCreated(c: ImsFeatureContainer, subId: number): void {
    this.log(`imsFeatureCreated: ${containerToString(c)}, subId: ${subId}`);
    this.disconnectedReason = null;
    this.imsStatusChanged(c.state, subId);
  }

  private imsFeatureRemoved(reason: number): void {
    this.log(`imsFeatureRemoved: reason=${reason}`);
    // Only a new disconnect reason is an event, except SERVER_UNAVAILABLE, which always is.
    if (this.disconnectedReason !== null && this.disconnectedReason === reason && reason !== UNAVAILABLE_REASON_SERVER_UNAVAILABLE) {
      this.log('imsFeatureRemoved: ignore');
      return;
    }
    this.disconnectedReason = reason;
    this.lastReadyState = false;
    this.execute('FeatureConnector connectionUnavailable', () => this.listener.connectionUnavailable(reason));
  }

  private imsStatusChanged(status: number, subId: number): void {
    this.log(`imsStatusChanged: status=${STATE_LOG_MAP[status] ?? 'null'}`);
    if (this.disconnectedReason !== null) {
      this.log('imsStatusChanged: ignore');
      return;
    }
    const isReady = this.readyFilter.includes(status);
    const didReadyChange = isReady !== this.lastReadyState;
    this.lastReadyState = isReady;
    if (!didReadyChange) {
      this.log("imsStatusChanged: ready didn't change, ignore");
      return;
    }
    this.execute(isReady ? 'FeatureConnector notifyReady' : 'FeatureConnector notifyNotReady', () => {
      if (isReady) this.listener.connectionReady(subId);
      else this.listener.connectionUnavailable(UNAVAILABLE_REASON_NOT_READY);
    });
  }

  private log(message: string): void {
    this.env.logcat.write('D', TAG, `[${this.logPrefix}, ${this.phoneId}] ${message}`);
  }
}
