/** What `cmd phone` and `dumpsys phone` reach inside the phone process (ITelephony, in AOSP terms). */
import { type BuildInfo } from '../../android/platform';
import { type CarrierConfigLoader } from '../carrier/carrier-config-loader';
import { type ImsResolver } from '../ims/ims-resolver';
import { type ImsStateCallbackController } from '../ims-state/ims-state-callback-controller';
import { type TelephonyRcsService } from '../ims-state/telephony-rcs-service';
import { type Subscriptions } from '../state/subscriptions';

export interface PhoneShellServices {
  /** null when the device lacks android.hardware.telephony.ims (no ImsResolver was created). */
  readonly resolver: ImsResolver | null;
  /** Created with the resolver (android.hardware.telephony.ims); null otherwise. */
  readonly stateCallbacks?: ImsStateCallbackController | null;
  readonly rcsService?: TelephonyRcsService | null;
  readonly subscriptions: Subscriptions;
  readonly carrierConfig: CarrierConfigLoader;
  readonly build: BuildInfo;
  /** ITelephony.setCepEnabled. */
  setCepEnabled(enabled: boolean): void;
  /** Whether the subscription database knows the subId (active or not). */
  subscriptionExists(subId: number): boolean;
  /** SubscriptionManager.setUiccApplicationsEnabled (the SIM's applications off: NOT_READY, no subscription). */
  setUiccApplicationsEnabled(subId: number, enabled: boolean): void;
}
