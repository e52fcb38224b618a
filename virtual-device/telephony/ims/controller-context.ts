/** What an ImsServiceController needs from the phone process around it. */
import { type Clock, type LogBuffer } from '../../android/platform';
import { type Handler } from '../java/scheduler';
import { type IdentityHashes, type ImsServiceBinder, type ServiceBinder } from './binder';
import { type ComponentName } from './component-name';
import { type FeatureSet } from './feature-slot-pair';
import { type ImsFeatureBinderRepository } from './ims-feature-binder-repository';

export interface ControllerContext {
  readonly clock: Pick<Clock, 'now'>;
  readonly logcat: LogBuffer;
  readonly repo: ImsFeatureBinderRepository;
  readonly binder: ServiceBinder;
  readonly identities: IdentityHashes;
  /** Uniform [0, 1): the backoff jitter (Math.random in AOSP), seeded per device. */
  readonly random: () => number;
  /** A new "ImsServiceControllerHandler" thread for one controller. */
  newControllerHandler(): Handler;
  /** sanitizeFeatureConfig: drop EMERGENCY_MMTEL without MMTEL (unless a deviation keeps it). */
  sanitizeEmergency(features: FeatureSet): void;
  /** LegacyPermissionManager.grantDefaultPermissionsToEnabledImsServices. */
  grantDefaultPermissions(packageName: string): void;
  /** AnomalyReporter "IMS Service Crashed", unless the package was just updated. */
  reportCrashAnomaly(name: ComponentName): void;
  /** Runs a oneway binder callback on a phone-process binder thread. */
  postBinderCallback(task: () => void): void;
  /** IBinder.toString() of what onServiceConnected received. */
  binderDescription(binder: ImsServiceBinder): string;
}
