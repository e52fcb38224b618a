/**
 * PhoneInterfaceManager#registerImsStateCallback / unregisterImsStateCallback (SVC A15 r23
 * L12695-12757): the checks an app's registration passes before it reaches
 * ImsStateCallbackController, and the exceptions it gets otherwise (ServiceSpecificException with
 * an ImsException code, which ImsMmTelManager turns into ImsException; SecurityException).
 */
import { FEATURE_MMTEL, FEATURE_RCS } from './state-reasons';
import { type ImsStateCallbackBinder } from './callback-wrapper';
import { type ImsStateCallbackController } from './ims-state-callback-controller';

/** ImsException.CODE_ERROR_* (public API). */
export const CODE_ERROR_SERVICE_UNAVAILABLE = 1;
export const CODE_ERROR_UNSUPPORTED_OPERATION = 2;
export const CODE_ERROR_INVALID_SUBSCRIPTION = 3;
/** SubscriptionManager.DEFAULT_SUBSCRIPTION_ID. */
const DEFAULT_SUBSCRIPTION_ID = 0x7fffffff;

export class ServiceSpecificException extends Error {
  readonly javaClass = 'android.os.ServiceSpecificException';
  constructor(readonly errorCode: number, message = '') {
    super(message);
    this.name = this.javaClass;
  }
}

export class SecurityException extends Error {
  readonly javaClass = 'java.lang.SecurityException';
  constructor(message: string) {
    super(message);
    this.name = this.javaClass;
  }
}

/**
 * MMTEL: TelephonyPermissions#enforceCallingOrSelfReadPrecisePhoneStatePermissionOrCarrierPrivilege
 * (READ_PRIVILEGED_PHONE_STATE or READ_PRECISE_PHONE_STATE); RCS: any of those two,
 * ACCESS_RCS_USER_CAPABILITY_EXCHANGE or PERFORM_IMS_SINGLE_REGISTRATION. Carrier privilege is not
 * modelled (no app of the rig has it).
 */
const PERMISSIONS: Readonly<Record<number, readonly string[]>> = {
  [FEATURE_MMTEL]: ['android.permission.READ_PRIVILEGED_PHONE_STATE', 'android.permission.READ_PRECISE_PHONE_STATE'],
  [FEATURE_RCS]: ['android.permission.READ_PRIVILEGED_PHONE_STATE', 'android.permission.READ_PRECISE_PHONE_STATE', 'android.permission.ACCESS_RCS_USER_CAPABILITY_EXCHANGE', 'android.permission.PERFORM_IMS_SINGLE_REGISTRATION'],
};

export interface RegistrationRequest {
  readonly subId: number;
  readonly feature: number;
  readonly callback: ImsStateCallbackBinder;
  readonly callingPackage: string;
  /** Whether the calling app holds a permission. */
  holds(permission: string): boolean;
}

export interface PhoneInterfaceContext {
  readonly controller: ImsStateCallbackController | null;
  /** ImsManager#isImsSupportedOnDevice: FEATURE_TELEPHONY_IMS. */
  readonly imsSupported: boolean;
  /** SubscriptionManager#getSlotIndex(subId): -1 when not active. */
  slotOf(subId: number): number;
}

export function registerImsStateCallback(ctx: PhoneInterfaceContext, req: RegistrationRequest): void {
  const needed = PERMISSIONS[req.feature] ?? [];
  if (needed.length > 0 && !needed.some((p) => req.holds(p))) {
    throw new SecurityException(`registerImsStateCallback: ${req.callingPackage} needs one of ${needed.join(', ')}`);
  }
  if (!ctx.imsSupported) throw new ServiceSpecificException(CODE_ERROR_UNSUPPORTED_OPERATION, 'IMS not available on device.');
  if (req.subId === DEFAULT_SUBSCRIPTION_ID) throw new ServiceSpecificException(CODE_ERROR_INVALID_SUBSCRIPTION);
  if (ctx.controller === null) throw new ServiceSpecificException(CODE_ERROR_UNSUPPORTED_OPERATION, 'IMS not available on device.');
  // getSlotIndexOrException: an inactive subscription is CODE_ERROR_INVALID_SUBSCRIPTION.
  if (ctx.slotOf(req.subId) < 0) throw new ServiceSpecificException(CODE_ERROR_INVALID_SUBSCRIPTION);
  ctx.controller.registerImsStateCallback(req.subId, req.feature, req.callback, req.callingPackage);
}

export function unregisterImsStateCallback(ctx: PhoneInterfaceContext, callback: ImsStateCallbackBinder): void {
  ctx.controller?.unregisterImsStateCallback(callback);
}
