/**
 * The phone process's side of the APIs apps call and ImsServices report through
 * (../telephony-apis.ts), decided the way AOSP's PhoneInterfaceManager and ImsRcsController decide:
 * - permissions first (SecurityException): registration/capability callbacks need
 *   READ_PRECISE_PHONE_STATE or READ_PRIVILEGED_PHONE_STATE (L4604-4607, L4813-4816);
 *   isRcsVolteSingleRegistrationCapable PERFORM_IMS_SINGLE_REGISTRATION or READ_PRIVILEGED_PHONE_STATE
 *   (L11833-11858); createSipDelegate PERFORM_IMS_SINGLE_REGISTRATION; requestCapabilities
 *   ACCESS_RCS_USER_CAPABILITY_EXCHANGE and READ_CONTACTS; bootstrapAuthenticationRequest
 *   MODIFY_PHONE_STATE (observability-and-test-apps.md §2.b; cts-and-reports.md §1.6 testIncorrectPermissions);
 * - then the device: single registration needs FEATURE_TELEPHONY_IMS_SINGLE_REGISTRATION
 *   (ImsException CODE_ERROR_UNSUPPORTED_OPERATION otherwise);
 * - then the RCS ImsService: its RcsFeature must be READY (else CODE_ERROR_SERVICE_UNAVAILABLE —
 *   ImsTestService's never is, §2.a.7), and SIP delegates need the carrier's
 *   KEY_IMS_SINGLE_REGISTRATION_REQUIRED_BOOL, CAPABILITY_SIP_DELEGATE_CREATION and a SipTransport
 *   (SipDelegateManagerTest testIsSupported*).
 * An ImsService's registration and capability reports reach the ImsPhone only from the package
 * the framework holds a READY MmTelFeature of on that slot.
 */
import { type Handler } from '../java/scheduler';
import { type BundleValue } from '../carrier/bundle';
import { CAPABILITY_SIP_DELEGATE_CREATION } from '../ims/binder';
import { type ImsFeatureBinderRepository } from '../ims/ims-feature-binder-repository';
import { type FeatureType } from '../ims/feature-slot-pair';
import { type DeviationHooks } from '../../deviations/deviations';
import {
  CODE_ERROR_SERVICE_UNAVAILABLE, CODE_ERROR_UNSUPPORTED_OPERATION, imsException, JavaException, type AppTelephonyApis,
  type ImsServiceSideApis, type MmTelCapabilities, type RegistrationTech, type TelephonyApis,
} from '../telephony-apis';
import { EMPTY_MMTEL_CAPABILITIES } from '../java/ims-text';
import { type ImsPhone } from './ims-phone';

export const FEATURE_SINGLE_REGISTRATION = 'android.hardware.telephony.ims.singlereg';
export const KEY_IMS_SINGLE_REGISTRATION_REQUIRED_BOOL = 'ims.ims_single_registration_required_bool';
const FEATURE_MMTEL: FeatureType = 1;
const FEATURE_RCS: FeatureType = 2;
const STATE_READY = 2;

export interface ApiDeps {
  readonly phones: readonly ImsPhone[];
  readonly repo: ImsFeatureBinderRepository | null;
  readonly main: Handler;
  readonly hooks: DeviationHooks;
  isPermissionGranted(pkg: string, permission: string): boolean;
  hasSystemFeature(name: string): boolean;
  subId(slot: number): number;
  slotOf(subId: number): number;
  defaultVoiceSubId(): number;
  defaultSmsSubId(): number;
  carrierConfig(subId: number): ReadonlyMap<string, BundleValue | null>;
}

const P = 'android.permission.';

export function createTelephonyApis(deps: ApiDeps): TelephonyApis {
  const post = (label: string, task: () => void): void => deps.main.post(label, task);
  const granted = (pkg: string, name: string): boolean => deps.isPermissionGranted(pkg, P + name);
  const deny = (method: string, ...names: string[]): JavaException =>
    new JavaException('java.lang.SecurityException', `${method}: Neither user 10123 nor current process has ${names.map((n) => P + n).join(' or ')}.`);
  const phoneFor = (method: string, subId: number): ImsPhone => {
    const slot = deps.slotOf(subId);
    const phone = slot >= 0 ? deps.phones[slot] : undefined;
    if (phone === undefined) throw new JavaException('java.lang.IllegalArgumentException', `${method}: Invalid Subscription ID: ${subId}`);
    return phone;
  };
  const readyContainer = (slot: number, feature: FeatureType): ReturnType<ImsFeatureBinderRepository['getIfExists']> => {
    const c = deps.repo?.getIfExists(slot, feature) ?? null;
    return c !== null && c.state === STATE_READY ? c : null;
  };
  const carrierRequiresSingleReg = (subId: number): boolean => {
    const v = deps.carrierConfig(subId).get(KEY_IMS_SINGLE_REGISTRATION_REQUIRED_BOOL);
    return v?.type === 'BOOLEAN' && v.value;
  };
  /** The RcsFeature of the sub's slot, READY, or CODE_ERROR_SERVICE_UNAVAILABLE. */
  const rcsFor = (subId: number): NonNullable<ReturnType<typeof readyContainer>> => {
    const container = readyContainer(deps.slotOf(subId), FEATURE_RCS);
    if (container === null) throw imsException('Service not available', CODE_ERROR_SERVICE_UNAVAILABLE);
    return container;
  };

  const app: AppTelephonyApis = {
    defaultVoiceSubscriptionId: () => deps.defaultVoiceSubId(),
    defaultSmsSubscriptionId: () => deps.defaultSmsSubId(),
    registerImsRegistrationCallback(caller, subId, listener) {
      if (!granted(caller, 'READ_PRIVILEGED_PHONE_STATE') && !granted(caller, 'READ_PRECISE_PHONE_STATE')) throw deny('registerImsRegistrationCallback', 'READ_PRECISE_PHONE_STATE', 'READ_PRIVILEGED_PHONE_STATE');
      return phoneFor('registerImsRegistrationCallback', subId).addRegistrationListener(listener);
    },
    registerMmTelCapabilityCallback(caller, subId, listener) {
      if (!granted(caller, 'READ_PRIVILEGED_PHONE_STATE') && !granted(caller, 'READ_PRECISE_PHONE_STATE')) throw deny('registerMmTelCapabilityCallback', 'READ_PRECISE_PHONE_STATE', 'READ_PRIVILEGED_PHONE_STATE');
      return phoneFor('registerMmTelCapabilityCallback', subId).addCapabilityListener(listener);
    },
    isRcsVolteSingleRegistrationCapable(caller, subId) {
      if (!granted(caller, 'PERFORM_IMS_SINGLE_REGISTRATION') && !granted(caller, 'READ_PRIVILEGED_PHONE_STATE')) throw deny('isRcsVolteSingleRegistrationCapable', 'READ_PRIVILEGED_PHONE_STATE', 'PERFORM_IMS_SINGLE_REGISTRATION');
      phoneFor('isRcsVolteSingleRegistrationCapable', subId);
      // RcsProvisioningMonitor: capable = device capable ∧ carrier capable (KEY_IMS_SINGLE_REGISTRATION_REQUIRED_BOOL).
      return deps.hasSystemFeature(FEATURE_SINGLE_REGISTRATION) && carrierRequiresSingleReg(subId);
    },
    createSipDelegate(caller, subId, featureTags, listener) {
      if (!granted(caller, 'PERFORM_IMS_SINGLE_REGISTRATION')) throw deny('createSipDelegate', 'PERFORM_IMS_SINGLE_REGISTRATION');
      if (!deps.hasSystemFeature(FEATURE_SINGLE_REGISTRATION)) throw imsException('SipDelegate creation is only supported for devices supporting IMS single registration', CODE_ERROR_UNSUPPORTED_OPERATION);
      const rcs = rcsFor(subId);
      const capable = (rcs.capabilities & CAPABILITY_SIP_DELEGATE_CREATION) !== 0 && rcs.sipTransport !== null && !deps.hooks.sipDelegateCapabilityIgnored;
      if (!carrierRequiresSingleReg(subId) || !capable) {
        throw imsException('SipDelegate creation is only supported for devices supporting IMS single registration and the carrier has enabled single registration.', CODE_ERROR_UNSUPPORTED_OPERATION);
      }
      let alive = true;
      post('SipDelegateController created', () => {
        if (!alive) return;
        listener.onCreated();
        // The ImsService registers every requested tag for the default messaging app.
        post('DelegateStateTracker registration', () => { if (alive) listener.onFeatureTagStatusChanged(featureTags, []); });
      });
      return {
        destroy(reason) {
          if (!alive) return;
          alive = false;
          post('SipDelegateController destroyed', () => listener.onDestroyed(reason));
        },
      };
    },
    requestCapabilities(caller, subId, uris, listener) {
      if (!granted(caller, 'ACCESS_RCS_USER_CAPABILITY_EXCHANGE')) throw deny('requestCapabilities', 'ACCESS_RCS_USER_CAPABILITY_EXCHANGE');
      if (!granted(caller, 'READ_CONTACTS')) throw deny('requestCapabilities', 'READ_CONTACTS');
      rcsFor(subId);
      // The rig's fixture network knows no contact: each comes back NOT_FOUND (2) from the NETWORK (0).
      post('UceController request', () => {
        listener.onCapabilitiesReceived(uris.map((uri) => ({ uri, requestResult: 2, sourceType: 0 })));
        listener.onComplete();
      });
    },
    bootstrapAuthenticationRequest(caller, subId, _nafUrl, listener) {
      if (!granted(caller, 'MODIFY_PHONE_STATE')) throw deny('bootstrapAuthenticationRequest', 'MODIFY_PHONE_STATE');
      phoneFor('bootstrapAuthenticationRequest', subId);
      // GbaManager binds the device's GbaService: a single-registration device ships one (the
      // documented GBA surface); without it the request fails FEATURE_NOT_SUPPORTED (1).
      const supported = deps.hasSystemFeature(FEATURE_SINGLE_REGISTRATION) && !deps.hooks.gbaServiceMissing;
      post('GbaManager bootstrap', () => (supported ? listener.onKeysAvailable() : listener.onAuthenticationFailure(1)));
    },
  };

  /** Only the package the framework holds a READY MmTelFeature of on `slot` is heard. */
  const mmtelPhone = (pkg: string, slot: number): ImsPhone | undefined => {
    const container = readyContainer(slot, FEATURE_MMTEL);
    const phone = deps.phones[slot];
    if (container?.packageName !== pkg || phone === undefined) return undefined;
    phone.setMmTelConnection(pkg);
    return phone;
  };
  const imsService: ImsServiceSideApis = {
    isMmTelReady: (pkg, slot) => mmtelPhone(pkg, slot) !== undefined,
    onRegistered: (pkg, slot, tech: RegistrationTech) => post('onRegistered', () => mmtelPhone(pkg, slot)?.onRegistered(tech)),
    onRegistering: (pkg, slot, tech) => post('onRegistering', () => mmtelPhone(pkg, slot)?.onRegistering(tech)),
    onDeregistered: (pkg, slot, reason) => post('onDeregistered', () => mmtelPhone(pkg, slot)?.onUnregistered(reason)),
    onTechnologyChangeFailed: (pkg, slot, tech, reason) => post('onTechnologyChangeFailed', () => mmtelPhone(pkg, slot)?.onTechnologyChangeFailed(tech, reason)),
    notifyCapabilitiesStatusChanged: (pkg, slot, caps: MmTelCapabilities) => post('notifyCapabilitiesStatusChanged', () => mmtelPhone(pkg, slot)?.onCapabilitiesStatusChanged(caps)),
    // The framework enables nothing while the carrier has no VoLTE/VoWiFi provisioning: the
    // app's per-tech entries stay empty MmTelCapabilities (TestMmTelFeatureImpl L43-49).
    enabledCapabilities: () => ({ LTE: EMPTY_MMTEL_CAPABILITIES, IWLAN: EMPTY_MMTEL_CAPABILITIES }),
  };
  return { app, imsService };
}
