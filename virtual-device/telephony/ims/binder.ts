/**
 * The binder surface between the phone process and a simulated ImsService app: what
 * Context.bindService hands to a ServiceConnection, and the AIDL calls the framework makes on it
 * (android.telephony.ims.aidl.IImsServiceController; com.android.ims.internal.IImsServiceController
 * for compat services). Calls on a dead process throw DeadObjectException, like a real binder.
 */
import { type ComponentName } from './component-name';
import { type FeatureSlotPair } from './feature-slot-pair';

/** android.os.RemoteException (DeadObjectException is one). */
export class RemoteException extends Error {
  constructor(
    message: string,
    readonly javaClass = 'android.os.DeadObjectException',
  ) {
    super(message);
    this.name = 'RemoteException';
  }
}

/** ImsService.CAPABILITY_* bits (BASE telephony/java/android/telephony/ims/ImsService.java). */
export const CAPABILITY_EMERGENCY_OVER_MMTEL = 1;
export const CAPABILITY_SIP_DELEGATE_CREATION = 2;
const CAPABILITY_NAMES: Readonly<Record<number, string>> = {
  1: 'EMERGENCY_OVER_MMTEL',
  2: 'SIP_DELEGATE_CREATION',
  4: 'TERMINAL_BASED_CALL_WAITING',
  8: 'SIMULTANEOUS_CALLING',
};

/** ImsService.getCapabilitiesString(): `capabilities={ SIP_DELEGATE_CREATION }`. */
export function capabilitiesString(caps: number): string {
  let text = 'capabilities={ ';
  for (let bit = 1; bit <= caps && bit > 0; bit *= 2) {
    if ((caps & bit) !== 0) text += `${CAPABILITY_NAMES[bit] ?? `${bit}?`} `;
  }
  return `${text}}`;
}

/** A binder object as Java prints it (`android.os.BinderProxy@1f3a2b7`). */
export interface BinderRef {
  readonly description: string;
}

/** ImsService.Listener, set by the framework's real bind (IImsServiceController.setListener). */
export interface ImsServiceListener {
  onUpdateSupportedImsFeatures(features: readonly FeatureSlotPair[]): void;
}

/** android.telephony.ims.aidl.IImsServiceController as the framework calls it. */
export interface ImsServiceStub {
  readonly kind: 'ims';
  setListener(listener: ImsServiceListener | null): void;
  notifyImsServiceReadyForFeatureCreation(): void;
  /** null = the service returned a null ImsFeatureConfiguration. */
  querySupportedImsFeatures(): readonly FeatureSlotPair[] | null;
  getImsServiceCapabilities(): number;
  createMmTelFeature(slotId: number, subId: number): BinderRef | null;
  createEmergencyOnlyMmTelFeature(slotId: number): BinderRef | null;
  createRcsFeature(slotId: number, subId: number): BinderRef | null;
  getConfig(slotId: number, subId: number): BinderRef | null;
  getRegistration(slotId: number, subId: number): BinderRef | null;
  getSipTransport(slotId: number): BinderRef | null;
  /** The feature reports its current state at once (ImsFeature.addImsFeatureStatusCallback). */
  addFeatureStatusCallback(slotId: number, featureType: number, callback: (state: number) => void): void;
  removeFeatureStatusCallback(slotId: number, featureType: number): void;
  removeImsFeature(slotId: number, featureType: number, changeSubId: boolean): void;
  enableIms(slotId: number, subId: number): void;
  disableIms(slotId: number, subId: number): void;
}

/** com.android.ims.internal.IImsServiceController (android.telephony.ims.compat.ImsService). */
export interface CompatImsServiceStub {
  readonly kind: 'compat';
  createMMTelFeature(slotId: number): BinderRef | null;
  addFeatureStatusCallback(slotId: number, featureType: number, callback: (state: number) => void): void;
  removeFeatureStatusCallback(slotId: number, featureType: number): void;
  removeImsFeature(slotId: number, featureType: number): void;
  turnOnIms(slotId: number): void;
  turnOffIms(slotId: number): void;
}

export type ImsServiceBinder = ImsServiceStub | CompatImsServiceStub;

/** android.content.ServiceConnection. */
export interface ServiceConnection {
  onServiceConnected(name: ComponentName, binder: ImsServiceBinder): void;
  onServiceDisconnected(name: ComponentName): void;
  onBindingDied(name: ComponentName): void;
  onNullBinding(name: ComponentName): void;
}

/** Context.bindService / unbindService for the phone process. */
export interface ServiceBinder {
  /** false when the component cannot be resolved or started (not installed, disabled, not exported). */
  bindService(component: ComponentName, action: string, connection: ServiceConnection, caller: string): boolean;
  unbindService(connection: ServiceConnection): void;
}

/** Object.toString() identity hashes, deterministic per device so runs are reproducible. */
export interface IdentityHashes {
  next(javaClass: string): BinderRef;
}
