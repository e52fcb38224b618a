/**
 * What app code on the reference device reaches of telephony: the framework APIs an app calls
 * (ImsMmTelManager, ProvisioningManager, SipDelegateManager, RcsUceAdapter,
 * TelephonyManager#bootstrapAuthenticationRequest — served by PhoneInterfaceManager and
 * ImsRcsController in com.android.phone), and what an ImsService's own objects send back to the
 * framework (ImsRegistrationImplBase#onRegistered…, MmTelFeature#notifyCapabilitiesStatusChanged).
 * The phone process publishes one implementation under TELEPHONY_APIS; the screens of the AOSP
 * test apps (virtual-device/ui/apps) call it. Errors are Java exceptions by class name, so an app
 * catches exactly what its Java code catches and crashes on the rest.
 */

export const TELEPHONY_APIS = 'ims-rig.telephony-apis';

/** A Java exception crossing the binder (SecurityException, IllegalArgumentException, ImsException…). */
export class JavaException extends Error {
  constructor(readonly javaClass: string, message: string, readonly code?: number) {
    super(message);
  }

  /** Throwable#toString(): `<class>: <message>`. */
  override toString(): string {
    return `${this.javaClass}: ${this.message}`;
  }
}

/** android.telephony.ims.ImsException(message, code): the message carries ` (code: N)` (ImsException#getMessage). */
export function imsException(message: string, code: number): JavaException {
  return new JavaException('android.telephony.ims.ImsException', `${message} (code: ${code})`, code);
}

/** ImsException.CODE_ERROR_* (frameworks/base telephony/java/android/telephony/ims/ImsException.java). */
export const CODE_ERROR_SERVICE_UNAVAILABLE = 1;
export const CODE_ERROR_UNSUPPORTED_OPERATION = 2;

/** ImsRegistrationImplBase.REGISTRATION_TECH_* as ImsTestService's spinner maps them. */
export type RegistrationTech = 'LTE' | 'IWLAN';

export interface ImsReason {
  readonly code: number;
  readonly extraCode: number;
  readonly extraMessage: string;
}

export interface MmTelCapabilities {
  readonly voice: boolean;
  readonly video: boolean;
  readonly ut: boolean;
  readonly sms: boolean;
}

/** RegistrationManager.RegistrationCallback as an app registers it. */
export interface RegistrationListener {
  onRegistered(transport: number): void;
  onRegistering(transport: number): void;
  onUnregistered(reason: ImsReason): void;
  onTechnologyChangeFailed(transport: number, reason: ImsReason): void;
}

/** SipDelegateConnectionStateCallback as DelegateActivity implements it. */
export interface DelegateListener {
  onCreated(): void;
  onFeatureTagStatusChanged(registered: readonly string[], denied: readonly { tag: string; reason: number }[]): void;
  onDestroyed(reason: number): void;
}

export interface SipDelegateHandle {
  destroy(reason: number): void;
}

/** RcsUceAdapter.CapabilitiesCallback, reduced to what UceActivity prints. */
export interface UceListener {
  onCapabilitiesReceived(contacts: readonly { uri: string; requestResult: number; sourceType: number }[]): void;
  onComplete(): void;
  onError(errorCode: number, retryAfterMs: number): void;
}

export interface GbaListener {
  onKeysAvailable(): void;
  onAuthenticationFailure(reason: number): void;
}

/** The APIs an app calls; `caller` is its package (Binder.getCallingUid's package). */
export interface AppTelephonyApis {
  defaultVoiceSubscriptionId(): number;
  defaultSmsSubscriptionId(): number;
  registerImsRegistrationCallback(caller: string, subId: number, listener: RegistrationListener): () => void;
  registerMmTelCapabilityCallback(caller: string, subId: number, listener: (caps: MmTelCapabilities) => void): () => void;
  isRcsVolteSingleRegistrationCapable(caller: string, subId: number): boolean;
  createSipDelegate(caller: string, subId: number, featureTags: readonly string[], listener: DelegateListener): SipDelegateHandle;
  requestCapabilities(caller: string, subId: number, uris: readonly string[], listener: UceListener): void;
  bootstrapAuthenticationRequest(caller: string, subId: number, nafUrl: string, listener: GbaListener): void;
}

/** What an ImsService's objects report to the framework (only the binding slot's connection hears it). */
export interface ImsServiceSideApis {
  /** The framework holds a READY MmTelFeature of `pkg` on `slot` (TestMmTelFeatureImpl#isReady). */
  isMmTelReady(pkg: string, slot: number): boolean;
  onRegistered(pkg: string, slot: number, tech: RegistrationTech): void;
  onRegistering(pkg: string, slot: number, tech: RegistrationTech): void;
  onDeregistered(pkg: string, slot: number, reason: ImsReason): void;
  onTechnologyChangeFailed(pkg: string, slot: number, tech: RegistrationTech, reason: ImsReason): void;
  notifyCapabilitiesStatusChanged(pkg: string, slot: number, caps: MmTelCapabilities): void;
  /** What the framework enabled via changeEnabledCapabilities, per tech (ImsCallingActivity's text). */
  enabledCapabilities(pkg: string, slot: number): Readonly<Record<RegistrationTech, MmTelCapabilities | null>>;
}

export interface TelephonyApis {
  readonly app: AppTelephonyApis;
  readonly imsService: ImsServiceSideApis;
}
