/** What the documented model expects a registered ImsStateCallback to have seen at a check. */
import { type DocId } from '../../docs/documentation';
import { type SlotKey, type StateCallbackFeature } from '../../model';
import { type RuleId } from '../rules';

/**
 * The two things a check can judge about one callback instance:
 *  - `last`: the last callback it received since it was registered — `onAvailable`,
 *    `onUnavailable` (any reason), `onUnavailable(<REASON>)`, `onError`;
 *  - `since`: the callbacks it received since the previous check — `silent` (none at all) or
 *    `unavailable-then-available` (an onUnavailable, later an onAvailable).
 */
export type CallbackAspect = 'last' | 'since';
export const SINCE_SILENT = 'silent';
export const SINCE_TRANSITION = 'unavailable-then-available';

export interface CallbackExpectation {
  readonly aspect: CallbackAspect;
  readonly expected: string;
  readonly rule: RuleId;
  /** The inputs that decided it (which package serves the feature, which step changed it, …). */
  readonly reason: string;
  readonly cites: readonly DocId[];
}

/** Where the registration stands in the documented world (for people reading the report). */
export type RegistrationState =
  | 'active' | 'no-subscription' | 'unregistered' | 'telephony-crashed' | 'subscription-gone' | 'app-restarted';

/**
 * One callback instance at one check: `<id>#<n>` as the observer app numbers its registrations
 * (harness/model/observer-app.ts; ` (boot 2)` added after a reboot restarted the numbering). `expectations` is empty where the documentation is silent: then
 * `observeOnly` says why, and the row is shown, not judged.
 */
export interface ExpectedRegistration {
  readonly registration: string;
  readonly id: string;
  readonly n: number;
  /** Reboots in the scenario before it was registered (the app's numbering restarts at each). */
  readonly boot: number;
  readonly slot: SlotKey;
  readonly feature: StateCallbackFeature;
  readonly state: RegistrationState;
  readonly expectations: readonly CallbackExpectation[];
  readonly observeOnly?: { readonly rule: RuleId; readonly reason: string; readonly cites: readonly DocId[] };
}
