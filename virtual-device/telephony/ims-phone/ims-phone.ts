/**
 * One ImsPhone with its ImsPhoneCallTracker, as far as IMS registration and MmTel capabilities go
 * (observability-and-test-apps.md §1.c): the MMTEL registration state the ImsService reports
 * (ImsRegistrationCallbackHelper: 0 NOT_REGISTERED, 1 REGISTERING, 2 REGISTERED), the
 * registration LocalLog (64 lines, ImsPhone.java L2509/L2538/L2566), the last capability status
 * (`mMmTelCapabilities`, ImsPhoneCallTracker#handleFeatureCapabilityChanged) and the tracker's
 * operation log, plus the apps' RegistrationCallback/CapabilityCallback registrations. It lives in
 * the phone process and dies with it.
 */
import { type Clock } from '../../android/platform';
import { LocalLog } from '../java/local-log';
import {
  EMPTY_MMTEL_CAPABILITIES, formatImsReason, formatMmTelCapabilities, transportOf, transportTypeToString,
} from '../java/ims-text';
import { type ImsReason, type MmTelCapabilities, type RegistrationListener, type RegistrationTech } from '../telephony-apis';

export const REGISTRATION_STATE_NOT_REGISTERED = 0;
export const REGISTRATION_STATE_REGISTERING = 1;
export const REGISTRATION_STATE_REGISTERED = 2;

export class ImsPhone {
  registrationState = REGISTRATION_STATE_NOT_REGISTERED;
  transport = -1;
  capabilities: MmTelCapabilities = EMPTY_MMTEL_CAPABILITIES;
  /** The MmTel package the tracker is listening to (startListeningForCalls), or null. */
  listeningTo: string | null = null;
  readonly registrationLog: LocalLog;
  readonly operationLog: LocalLog;
  private readonly registrationListeners = new Set<RegistrationListener>();
  private readonly capabilityListeners = new Set<(caps: MmTelCapabilities) => void>();

  constructor(readonly phoneId: number, clock: Pick<Clock, 'now'>, private readonly post: (task: () => void) => void) {
    this.registrationLog = new LocalLog(64, clock);
    this.operationLog = new LocalLog(64, clock);
  }

  /** The MmTelFeature became READY for this tracker, or went away (OPT ImsPhoneCallTracker L1378, L1466). */
  setMmTelConnection(pkg: string | null): void {
    if (pkg === this.listeningTo) return;
    if (this.listeningTo !== null) {
      this.operationLog.log('stopListeningForCalls - Disconnecting from ImsService');
      // resetImsCapabilities (L5779) and the registration goes with the feature.
      this.capabilities = EMPTY_MMTEL_CAPABILITIES;
      if (this.registrationState !== REGISTRATION_STATE_NOT_REGISTERED) this.onUnregistered({ code: 1600, extraCode: 0, extraMessage: '' });
    }
    this.listeningTo = pkg;
    if (pkg !== null) this.operationLog.log('startListeningForCalls - Connecting to ImsService');
  }

  onRegistered(tech: RegistrationTech): void {
    const transport = transportOf(tech);
    this.registrationState = REGISTRATION_STATE_REGISTERED;
    this.transport = transport;
    this.registrationLog.log(`handleImsRegistered: onImsMmTelConnected imsTransportType=${transportTypeToString(transport)}`);
    this.notify((l) => l.onRegistered(transport));
  }

  onRegistering(tech: RegistrationTech): void {
    const transport = transportOf(tech);
    this.registrationState = REGISTRATION_STATE_REGISTERING;
    this.transport = transport;
    this.registrationLog.log(`handleImsRegistering: onImsMmTelProgressing imsRadioTech=${transportTypeToString(transport)}`);
    this.notify((l) => l.onRegistering(transport));
  }

  onUnregistered(reason: ImsReason): void {
    this.registrationState = REGISTRATION_STATE_NOT_REGISTERED;
    this.transport = -1;
    this.registrationLog.log(`handleImsUnregistered: onImsMmTelDisconnected imsRadioTech=${formatImsReason(reason)}`);
    this.notify((l) => l.onUnregistered(reason));
  }

  onTechnologyChangeFailed(tech: RegistrationTech, reason: ImsReason): void {
    const transport = transportOf(tech);
    this.notify((l) => l.onTechnologyChangeFailed(transport, reason));
  }

  /** MmTelFeature#notifyCapabilitiesStatusChanged → handleFeatureCapabilityChanged (L5889). */
  onCapabilitiesStatusChanged(caps: MmTelCapabilities): void {
    this.capabilities = caps;
    this.operationLog.log(`handleFeatureCapabilityChanged: ${formatMmTelCapabilities(caps)}`);
    for (const listener of [...this.capabilityListeners]) this.post(() => listener(caps));
  }

  addRegistrationListener(listener: RegistrationListener): () => void {
    this.registrationListeners.add(listener);
    // RegistrationManager#registerImsRegistrationCallback reports the current state at once.
    const state = this.registrationState;
    const transport = this.transport;
    this.post(() => {
      if (state === REGISTRATION_STATE_REGISTERED) listener.onRegistered(transport);
      else if (state === REGISTRATION_STATE_REGISTERING) listener.onRegistering(transport);
      else listener.onUnregistered({ code: 0, extraCode: 0, extraMessage: '' });
    });
    return () => this.registrationListeners.delete(listener);
  }

  addCapabilityListener(listener: (caps: MmTelCapabilities) => void): () => void {
    this.capabilityListeners.add(listener);
    const caps = this.capabilities;
    this.post(() => listener(caps));
    return () => this.capabilityListeners.delete(listener);
  }

  private notify(call: (l: RegistrationListener) => void): void {
    for (const listener of [...this.registrationListeners]) this.post(() => call(listener));
  }
}
