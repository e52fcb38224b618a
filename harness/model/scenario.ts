/**
 * A scenario as the engine, the oracle and `explain` see it: validated and fully defaulted
 * (the loader resolves DESIGN.md's YAML into this form; nothing downstream reads raw YAML).
 */
import { type BindingCell } from './binding-table';
import { type Capability } from './capability';
import { type CarrierConfigValue, type CarrierProfile } from './carrier-profile';
import { type ImsFeature } from './feature';
import { type AppBehaviour, type FeaturesBySlot, type ImsAppSpec } from './ims-app';
import { type PackageName } from './package-name';
import { type SlotCount, type SlotIndex, type SlotKey } from './slot';
import { type StateCallbackFeature } from './state-callback';
import { type World } from './world';
import { type FlowArgs, type SingleRegistrationSurface } from './ui-flow';

export const AREAS = [
  'binding', 'priority', 'fallback', 'feature-update', 'emergency', 'multi-sim', 'security',
  'compat', 'lifecycle', 'state-callback', 'single-registration', 'manifest', 'registration',
] as const;
export type Area = (typeof AREAS)[number];

/** Roles an app can hold (RoleManager); single registration needs the SMS role. */
export type RoleName = 'sms' | 'dialer';

export type Step =
  /** Observe the target and diff against the documented model; `bindings` optionally pins cells. */
  | { readonly kind: 'check'; readonly bindings?: Readonly<Partial<Record<SlotKey, Readonly<Partial<Record<ImsFeature, BindingCell>>>>>> }
  | { readonly kind: 'insertSim'; readonly slot: SlotIndex; readonly carrier: CarrierProfile }
  | { readonly kind: 'removeSim'; readonly slot: SlotIndex }
  /** Carrier-config override on the SIM in `slot`; a null value clears the key. */
  | { readonly kind: 'setCarrierConfig'; readonly slot: SlotIndex; readonly values: Readonly<Record<string, CarrierConfigValue>> }
  | { readonly kind: 'install'; readonly package: PackageName }
  | { readonly kind: 'uninstall'; readonly package: PackageName }
  /** App update: new meta-data and/or answers, then PACKAGE_CHANGED. */
  | { readonly kind: 'updateApp'; readonly package: PackageName; readonly metadata?: readonly ImsFeature[]; readonly answers?: FeaturesBySlot }
  /** The app calls ImsService#onUpdateSupportedImsFeatures with these features. */
  | { readonly kind: 'setFeatures'; readonly package: PackageName; readonly features: FeaturesBySlot }
  | { readonly kind: 'setSlotCount'; readonly slots: SlotCount }
  /** `cmd phone ims set-ims-service -s slot (-c|-d) -f features package`. */
  | { readonly kind: 'override'; readonly slot: SlotIndex; readonly scope: 'carrier' | 'device'; readonly features: readonly ImsFeature[]; readonly package: PackageName | '' }
  | { readonly kind: 'clearOverride'; readonly slot: SlotIndex }
  | { readonly kind: 'crash'; readonly package: PackageName }
  | { readonly kind: 'setBehaviour'; readonly package: PackageName; readonly behaviour: AppBehaviour }
  /** The phone process dies and restarts (shell overrides are lost, as in AOSP). */
  | { readonly kind: 'restartPhone' }
  | { readonly kind: 'reboot' }
  | { readonly kind: 'setRole'; readonly role: RoleName; readonly package: PackageName | null }
  /** Observe the permission grants of `package` and diff them against the documented model. */
  | { readonly kind: 'checkGrants'; readonly package: PackageName }
  /**
   * Run the UI flow `flow` (flows/<flow>.ts) on the app `package` through Appium, then check what it
   * reports: single-registration surfaces against the documented model, what the ImsService
   * reported against the framework's dump.
   */
  /**
   * `surfaces`: the single-registration surfaces the flow reports, declared so that what the step
   * checks is known without running it (`ims-rig coverage`); the run holds the flow to it.
   */
  | { readonly kind: 'ui'; readonly flow: string; readonly package: PackageName; readonly args: FlowArgs; readonly surfaces?: readonly SingleRegistrationSurface[] }
  /**
   * The observer app registers an ImsStateCallback for the subscription in `slot` (ImsMmTelManager
   * or ImsRcsManager by `feature`), under the scenario's name `id` (harness/model/observer-app.ts).
   */
  | { readonly kind: 'registerStateCallback'; readonly id: string; readonly slot: SlotIndex; readonly feature: StateCallbackFeature }
  /** The observer app unregisters the callback registered as `id`. */
  | { readonly kind: 'unregisterStateCallback'; readonly id: string }
  /** The observer app unregisters `id`'s callback and registers a new one for the same slot and feature. */
  | { readonly kind: 'reregisterStateCallback'; readonly id: string }
  /**
   * Observe the callbacks every registration received (the observer's logcat lines) and what the
   * framework holds (`dumpsys phone` ImsStateCallbackController), and diff them against the
   * documented model; `expect` optionally pins registrations' last callback.
   */
  | { readonly kind: 'checkStateCallbacks'; readonly expect?: Readonly<Record<string, string>> };

export type StepKind = Step['kind'];

/** Extra facts single-registration scenarios need about an app. */
export interface AppExtras {
  readonly package: PackageName;
  /** <uses-permission> entries. */
  readonly permissions: readonly string[];
  /** Declares the SMS-role components (SMS_DELIVER receiver etc.) TestRcsApp declares. */
  readonly smsRoleComponents: boolean;
}

export interface FullScenario {
  readonly id: string;
  readonly title: string;
  readonly area: Area;
  /**
   * The sentence or table row of the documentation this scenario checks. Required in suites/; a
   * user's scenario elsewhere may leave it out (then `warnings` says so).
   */
  readonly doc?: string;
  /** What is worth saying about the file but does not stop it from running (a missing doc). */
  readonly warnings?: readonly string[];
  /** Absolute path of the scenario file. */
  readonly file: string;
  /** The path as shown to people (relative to the working directory). */
  readonly displayFile: string;
  readonly requires: readonly Capability[];
  /** The world before the first step. */
  readonly world: World;
  /** Per-app extras (permissions, SMS-role components), by package. */
  readonly appExtras: Readonly<Record<string, AppExtras>>;
  /** Role holders before the first step. */
  readonly roles: Readonly<Partial<Record<RoleName, PackageName | null>>>;
  /** Device system features the scenario assumes (e.g. android.hardware.telephony.ims.singlereg). */
  readonly systemFeatures: readonly string[];
  readonly steps: readonly Step[];
  /** Waiver ids (from suites/waivers.yaml) this scenario may use. */
  readonly waivers: readonly string[];
}

/** Apps in a scenario, by package, for steps that name one. */
export function appByPackage(world: World, pkg: string): ImsAppSpec | undefined {
  return world.apps.find((a) => a.package === pkg);
}
