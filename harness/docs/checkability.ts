/**
 * How each sentence of ./documentation.ts can be checked on a target over adb — the committed,
 * reviewed list the documentation-coverage report rests on. Every sentence has an entry (the type
 * makes a missing one a compile error), so none is silently left out of the report:
 *  - `observedBy`: what a scenario must observe for the sentence to be checked by it. A scenario
 *    whose `doc:` quotes a sentence covers it only if it makes that kind of observation (a binding
 *    check cannot show what an ImsStateCallback received); a checkpoint whose expected cells cite the
 *    sentence (the oracle's rule) covers it whatever the scenario quotes.
 *  - `notCheckable`: the sentence states nothing a target could be seen to do over adb; the reason.
 *  - `toCover`: for a sentence no scenario of suites/ covers yet, what would cover it.
 */
import { type DocId } from './documentation';

/**
 * What a scenario observes on the target:
 *  - bindings        dumpsys phone (ImsResolver) at a `check` step
 *  - grants          dumpsys package at a `checkGrants` step
 *  - state-callback  what an app's ImsStateCallback received (an observer app's logcat and the
 *                    ImsStateCallbackController section of dumpsys phone; issue 9)
 *  - ui              an app's screens driven through Appium/UiAutomator2 (issue 10)
 *  - process         the ImsService's process record (dumpsys activity processes)
 */
export type ObservationKind = 'bindings' | 'grants' | 'state-callback' | 'ui' | 'process';

export const OBSERVATION_KINDS: Readonly<Record<ObservationKind, string>> = {
  'bindings': 'which ImsService is bound per slot and feature (dumpsys phone)',
  'grants': 'the permissions an app was granted (dumpsys package)',
  'state-callback': 'what an app\'s ImsStateCallback received (observer app logcat, ImsStateCallbackController)',
  'ui': 'an app\'s screens, driven through Appium/UiAutomator2',
  'process': 'the ImsService process record (dumpsys activity processes)',
};

/**
 * The observation each scenario step kind makes. Branches that add observing steps add their
 * step kinds here (state-callback: its callback check; appium: its UI-flow step).
 */
export const STEP_OBSERVES: Readonly<Record<string, ObservationKind>> = {
  check: 'bindings',
  checkGrants: 'grants',
  // Issue 9: the observer app's logcat lines and dumpsys phone's ImsStateCallbackController.
  checkStateCallbacks: 'state-callback',
  // DESIGN.md turn 2: UI flows are "named from a scenario step" (the appium branch's `ui` step).
  ui: 'ui',
};

/** `observedBy`: any one of these observations checks the sentence. */
export type Checkability =
  | { readonly observedBy: readonly ObservationKind[]; readonly toCover?: string }
  | { readonly notCheckable: string };

const B = { observedBy: ['bindings'] } as const;
/** What an app's ImsStateCallback received: the observer app's logcat lines (issue 9). */
const SC = { observedBy: ['state-callback'] } as const;
/** Grants show in dumpsys package, and in what an app's screens can do with them. */
const G = { observedBy: ['grants', 'ui'] } as const;
/** What TestRcsApp's and ImsTestService's screens show (issue 10: the `ui` step). */
const U = { observedBy: ['ui'] } as const;

export const CHECKABILITY: Readonly<Record<DocId, Checkability>> = {
  serviceDefinition: B,
  intentFilter: {
    observedBy: ['bindings'],
    toCover: 'a scenario configuring a package whose service lacks the android.telephony.ims.ImsService action (never bound); ' +
      'the scenario format cannot declare such an app today, and `ims-rig lint` checks the manifest statically (rule ims-service-action)',
  },
  serviceAttributes: {
    notCheckable: 'an introduction: the attributes it announces are sentences of their own (direct-boot-aware, persistent, bind-permission); ' +
      'it states no behaviour of its own a target could be seen to have',
  },
  directBootAware: B,
  persistent: {
    observedBy: ['process'],
    toCover: 'a step reading the bound service\'s process record (dumpsys activity processes: persistent, oom adj) for a system and a non-system app; no step reads it yet',
  },
  bindPermission: B,
  compat: B,
  compatBinding: B,
  registrationSteps: B,
  emergencyNeedsMmtel: B,
  emergencyCsfb: B,
  rcsSimRemoved: B,
  querySupported: B,
  updateSupported: B,
  carrierOverride: B,
  deviceDefault: B,
  systemAppsOnly: B,
  trustedOnly: B,
  onlyConfiguredBound: B,
  noFeaturesUnbound: B,
  twoPerSlot: B,
  priorityCarrier: B,
  priorityDevice: B,
  perFeatureFallback: B,
  docTableCarrierA: B,
  docTableCarrierB: B,
  stateCallbackUnavailable: SC,
  singleRegFeature: U,
  singleRegPermission: G,
  singleRegDenied: G,
  uceNeedsContacts: U,
  ucePermission: G,
  restrictedNetworks: G,
  persistentlyBound: B,
  playStoreUpdatable: B,
  updateRecalculates: B,
  stateCallbackApi: SC,
  telephonyCrash: SC,
  // The rest of "Use ImsStateCallback" (harness/oracle/state-callback cites them): what a registered
  // callback is told when the bound service goes away or comes back, and that registering again works.
  unanticipatedExceptions: SC,
  registerFirst: SC,
  registerNewCallbacks: SC,
  noImsMeaning: SC,
  telephonyCrashRecover: SC,
  shellSetImsService: B,
  shellOverrideCarrier: B,
  shellOverrideDevice: B,
  shellOverrideFeature: B,
  shellClearOverride: B,
  ctsOverrideLost: B,
  // Seed 001's table and its "Examples and source": TestRcsApp's and ImsTestService's screens (issue 10).
  singleRegTable: U,
  singleRegValidate: U,
  singleRegProvisioningRow: U,
  singleRegSipRow: U,
  singleRegBearerRow: {
    observedBy: ['ui'],
    toCover: 'a flow listening to QoS notifications on a socket of a local port; TestRcsApp has no screen for it ' +
      '(reference/observability-and-test-apps.md Part 2), so no flow of flows/ drives it',
  },
  singleRegGbaRow: U,
  singleRegUceRow: U,
  imsTestService: { observedBy: ['ui', 'bindings'] },
  testRcsApp: U,
};

/** The observation kinds a scenario's steps make, in first-use order. */
export function observationsOf(stepKinds: Iterable<string>): ObservationKind[] {
  const out: ObservationKind[] = [];
  for (const kind of stepKinds) {
    const observed = STEP_OBSERVES[kind];
    if (observed !== undefined && !out.includes(observed)) out.push(observed);
  }
  return out;
}
