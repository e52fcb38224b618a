/** What ImsStateCallbackController gives its per-slot feature listeners. */
import { type DeviationHooks } from '../../deviations/deviations';
import { type CallbackWrapper } from './callback-wrapper';
import { type FeatureConnectorEnvironment } from './feature-connector';

export interface ListenerHost {
  readonly connectorEnv: FeatureConnectorEnvironment;
  readonly hooks: DeviationHooks;
  /** HandlerExecutor(mHandler): the controller's thread. */
  execute(label: string, task: () => void): void;
  /** logd: logcat and the "Most recent logs" ring. */
  logd(message: string): void;
  /** onFeatureStateChange: every wrapper of that subscription and feature is told. */
  onFeatureStateChange(subId: number, feature: number, state: number, reason: number): void;
}

/** notifyState(wrapper) of a listener, as onRegisterCallback calls it. */
export interface FeatureStateListener {
  readonly slotId: number;
  setSubId(subId: number): void;
  notifyConfigChanged(hasConfig: boolean): void;
  notifyState(wrapper: CallbackWrapper): boolean;
  destroy(): void;
}
