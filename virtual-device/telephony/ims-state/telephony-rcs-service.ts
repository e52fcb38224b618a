/**
 * TelephonyRcsService and its per-slot RcsFeatureController, as far as ImsStateCallbackController
 * depends on them (SVC src/com/android/services/telephony/rcs/TelephonyRcsService.java and
 * RcsFeatureController.java, android-15.0.0_r23): a slot "has active RCS features" when its
 * subscription's carrier config enables UCE (device UCE on — config_rcs_user_capability_exchange_enabled
 * is true in SVC res/values/config.xml L310 — and ims.enable_presence_publish_bool or
 * use_rcs_sip_options_bool) or single registration (ims.ims_single_registration_required_bool);
 * only then does a controller exist, connect to the RcsFeature with its own FeatureConnector and,
 * once READY, tell the state-callback controller the slot is ready. The UCE and SipTransport
 * features themselves are not modelled.
 */
import { type Intent, type LogBuffer } from '../../android/platform';
import { type IndentingWriter } from '../java/indenting-writer';
import { type Handler } from '../java/scheduler';
import { FeatureConnector, type FeatureConnectorEnvironment } from './feature-connector';
import { FEATURE_RCS, STATE_READY } from './state-reasons';

const TAG = 'TelephonyRcsService';
const CONTROLLER_TAG = 'RcsFeatureController';
const ACTION_CARRIER_CONFIG_CHANGED = 'android.telephony.action.CARRIER_CONFIG_CHANGED';
const EXTRA_SLOT_INDEX = 'android.telephony.extra.SLOT_INDEX';
const EXTRA_SUBSCRIPTION_INDEX = 'android.telephony.extra.SUBSCRIPTION_INDEX';
/** CarrierConfigManager keys TelephonyRcsService reads (L359-372). */
export const KEY_ENABLE_PRESENCE_PUBLISH_BOOL = 'ims.enable_presence_publish_bool';
export const KEY_USE_RCS_SIP_OPTIONS_BOOL = 'use_rcs_sip_options_bool';
export const KEY_IMS_SINGLE_REGISTRATION_REQUIRED_BOOL = 'ims.ims_single_registration_required_bool';

export interface RcsServiceEnvironment {
  /** The main thread (TelephonyRcsService's handler and RcsFeatureController's executor). */
  readonly mainHandler: Handler;
  readonly logcat: LogBuffer;
  readonly connectorEnv: FeatureConnectorEnvironment;
  /** R.bool.config_rcs_user_capability_exchange_enabled. */
  readonly deviceUceEnabled: boolean;
  /** SubscriptionManager.getSubscriptionId(slot). */
  getSubId(slotId: number): number;
  /** CarrierConfigManager#getConfigForSubId(subId, key).getBoolean(key, false). */
  carrierBoolean(subId: number, key: string): boolean;
  registerReceiver(actions: readonly string[], receiver: (intent: Intent) => void): void;
  /** ImsStateCallbackController#notifyExternalRcsStateChanged. */
  notifyExternalRcsStateChanged(slotId: number, ready: boolean, hasActiveFeatures: boolean): void;
}

type RcsFeature = 'UceControllerManager' | 'SipTransportController';

class RcsFeatureController {
  readonly features = new Set<RcsFeature>();
  private connector: FeatureConnector | null = null;
  connected = false;

  constructor(private readonly env: RcsServiceEnvironment, readonly slotId: number, public subId: number) {}

  hasActiveFeatures(): boolean {
    return this.features.size > 0;
  }

  connect(): void {
    if (this.connector !== null) return;
    this.connector = new FeatureConnector(this.env.connectorEnv, this.slotId, FEATURE_RCS, CONTROLLER_TAG, [STATE_READY], {
      connectionReady: () => {
        this.log('connectionReady');
        this.connected = true;
        this.env.notifyExternalRcsStateChanged(this.slotId, true, true);
      },
      connectionUnavailable: () => {
        this.log('connectionUnavailable');
        this.connected = false;
      },
    }, (label, task) => this.env.mainHandler.post(`${CONTROLLER_TAG} ${label}`, task));
    this.connector.connect();
  }

  destroy(): void {
    this.env.logcat.write('I', CONTROLLER_TAG, `destroy: slotId=${this.slotId}`);
    this.connector?.disconnect();
    this.connector = null;
    this.features.clear();
  }

  /** dump (RcsFeatureController L475-492) without the features' own dumps (not modelled). */
  dump(pw: IndentingWriter): void {
    pw.println(`slotId=${this.slotId}`);
    pw.println('RegistrationState=0');
    pw.println(`connected=${String(this.connected)}`);
    pw.println();
    pw.println('RcsFeatureControllers:');
  }

  private log(message: string): void {
    this.env.logcat.write('D', CONTROLLER_TAG, `[${this.slotId}, ${this.subId}] ${message}`);
  }
}

export class TelephonyRcsService {
  private readonly controllers = new Map<number, RcsFeatureController>();
  private readonly associatedSubIds = new Map<number, number>();
  private slotsSeen = 0;

  constructor(private readonly env: RcsServiceEnvironment, private numSlots: number) {}

  initialize(): void {
    this.updateFeatureControllerSize(this.numSlots);
    this.env.registerReceiver([ACTION_CARRIER_CONFIG_CHANGED], (intent) => {
      const slot = intent.extras[EXTRA_SLOT_INDEX];
      const sub = intent.extras[EXTRA_SUBSCRIPTION_INDEX];
      this.onCarrierConfigChangedForSlot(typeof slot === 'number' ? slot : -1, typeof sub === 'number' ? sub : -1);
    });
  }

  /** HANDLER_MSIM_CONFIGURATION_CHANGE, on the main thread. */
  onMultiSimConfigChanged(numSlots: number): void {
    this.env.mainHandler.post(`${TAG} HANDLER_MSIM_CONFIGURATION_CHANGE`, () => this.updateFeatureControllerSize(numSlots));
  }

  dispose(): void {
    for (const c of this.controllers.values()) c.destroy();
  }

  /** TelephonyRcsService.dump: its writer wraps PhoneGlobals', each controller prints on PhoneGlobals' own. */
  dump(pw: IndentingWriter): void {
    pw.println('RcsFeatureControllers:');
    for (let i = 0; i < this.numSlots; i++) this.controllers.get(i)?.dump(pw);
  }

  private updateFeatureControllerSize(newNumSlots: number): void {
    const old = this.slotsSeen;
    if (old === newNumSlots) return;
    this.env.logcat.write('I', TAG, `updateFeatureControllers: oldSlots=${old}, newNumSlots=${newNumSlots}`);
    this.numSlots = newNumSlots;
    this.slotsSeen = newNumSlots;
    if (old < newNumSlots) {
      for (let i = old; i < newNumSlots; i++) {
        const c = new RcsFeatureController(this.env, i, this.env.getSubId(i));
        this.updateSupportedFeatures(c, i, c.subId);
        // Controllers of inactive subscriptions are not kept.
        if (c.hasActiveFeatures()) this.controllers.set(i, c);
      }
    } else {
      for (let i = old - 1; i > newNumSlots - 1; i--) {
        this.controllers.get(i)?.destroy();
        this.controllers.delete(i);
        this.associatedSubIds.delete(i);
      }
    }
  }

  private onCarrierConfigChangedForSlot(slotId: number, subId: number): void {
    let f = this.controllers.get(slotId);
    const oldSubId = this.associatedSubIds.get(slotId) ?? -1;
    this.associatedSubIds.set(slotId, subId);
    this.env.logcat.write('I', TAG, `updateFeatureControllerSubscription: slotId=${slotId}, oldSubId= ${oldSubId}, subId=${subId}, existing feature=${String(f !== undefined)}`);
    if (subId >= 0) {
      if (f === undefined) {
        f = new RcsFeatureController(this.env, slotId, subId);
        this.updateSupportedFeatures(f, slotId, subId);
        if (f.hasActiveFeatures()) this.controllers.set(slotId, f);
      } else {
        this.updateSupportedFeatures(f, slotId, subId);
        // Do not keep an empty container around.
        if (!f.hasActiveFeatures()) {
          f.destroy();
          this.controllers.delete(slotId);
        }
      }
    }
    if (f !== undefined && oldSubId !== subId) f.subId = subId;
  }

  private updateSupportedFeatures(c: RcsFeatureController, slotId: number, subId: number): void {
    const supports = (key: string): boolean => subId >= 0 && this.env.carrierBoolean(subId, key);
    const uce = this.env.deviceUceEnabled && (supports(KEY_ENABLE_PRESENCE_PUBLISH_BOOL) || supports(KEY_USE_RCS_SIP_OPTIONS_BOOL));
    const toggle = (feature: RcsFeature, on: boolean): void => {
      if (on) c.features.add(feature);
      else c.features.delete(feature);
    };
    toggle('UceControllerManager', uce);
    toggle('SipTransportController', supports(KEY_IMS_SINGLE_REGISTRATION_REQUIRED_BOOL));
    // Only start the connection procedure with active features.
    if (c.hasActiveFeatures()) c.connect();
    this.env.notifyExternalRcsStateChanged(slotId, false, c.hasActiveFeatures());
  }
}
