/**
 * What a target can do (DESIGN.md "Target capabilities"; harness/model/capability.ts), derived
 * from facts the probe gathered — what the target really offers, by whatever means: the
 * reference device's `ims-rig-device`, or the stock means of a userdebug image (adb root and
 * remount, `cmd phone cc`, `cmd phone disable-physical-subscription`, `cmd overlay`,
 * `am broadcast` to the rig's own app, killing a process as root). Pure: every capability the
 * target lacks comes with the reason, which the report prints next to the scenarios it skipped.
 */
import { CAPABILITIES, type Capability } from '../model';
import type { TargetKind } from '../results';

/** Whether a probed command worked, and what it said. */
export interface CommandFact {
  readonly works: boolean;
  readonly detail: string;
}

export type RootStatus =
  | 'root' // adbd already runs as root (or adb root succeeded)
  | 'rootable' // ro.debuggable=1: adb root would work, not tried (no escalation)
  | 'refused' // adb root said no (user build)
  | 'unknown';

/** The target's own SIM that the rig can switch off and on (dumpsys isub). */
export interface PhysicalSim {
  readonly slot: number;
  readonly subId: number;
  /** Its UICC applications are on (an active subscription). */
  readonly enabled: boolean;
}

export interface CapabilityFacts {
  readonly kind: TargetKind;
  readonly buildType: string;
  readonly root: RootStatus;
  readonly rootDetail?: string;
  /** `cmd phone ims get-ims-service` answered. */
  readonly imsShell: CommandFact;
  /** `cmd phone cc get-value` as root passed its gate; undefined when not tried. */
  readonly carrierConfig?: CommandFact;
  /** The reference device's `ims-rig-device` stimulus tool answered. */
  readonly stimulusTool: boolean;
  /** `adb remount` as root; undefined when not tried. */
  readonly remount?: CommandFact;
  readonly systemFeatures: ReadonlySet<string>;
  /** Appium at $IMS_RIG_APPIUM_URL; undefined when no URL is configured. */
  readonly appium?: CommandFact & { readonly url: string };
  /** SIM slots the target has (persist.radio.multisim.config); default 1. */
  readonly slotCount?: number;
  /** The target's own physical SIM, when it has one the rig can switch. */
  readonly physicalSim?: PhysicalSim;
  /** `cmd overlay list` answered (OverlayManagerService is there). */
  readonly overlayService?: CommandFact;
  /**
   * The rig's ImsService apps carry real code (the DEX of the `real-app` toolchain), so a stock
   * target runs them and they obey the control broadcast. A property of the rig, not the target.
   */
  readonly rigAppsHaveCode?: boolean;
}

export interface MissingCapability {
  readonly capability: Capability;
  readonly reason: string;
}

export interface DerivedCapabilities {
  readonly capabilities: readonly Capability[];
  readonly missing: readonly MissingCapability[];
}

export const SINGLE_REGISTRATION_FEATURE = 'android.hardware.telephony.ims.singlereg';
export const TELEPHONY_IMS_FEATURE = 'android.hardware.telephony.ims';

function rootReason(facts: CapabilityFacts, what: string): string {
  switch (facts.root) {
    case 'refused':
      return `${what} needs adb root, which this ${facts.buildType} build refuses${facts.rootDetail ? ` (${facts.rootDetail})` : ''}`;
    case 'rootable':
      return `${what} needs adb root; not probed without escalation (ims-rig run does it)`;
    case 'unknown':
      return `${what} needs adb root; ro.debuggable is not 1`;
    case 'root':
      return `${what} failed as root`;
  }
}

/** Root + remount: /system, /product and /vendor writable (files staged there need one reboot). */
function remountReason(facts: CapabilityFacts, what: string): string | undefined {
  if (facts.remount?.works) return undefined;
  return facts.remount ? `${what} needs adb remount, which failed: ${facts.remount.detail}` : rootReason(facts, `${what} (adb root + remount)`);
}

function rootAndNotUser(facts: CapabilityFacts, what: string): string | undefined {
  if (facts.buildType === 'user') return `${what} works only as root on userdebug/eng builds (this is a user build)`;
  return facts.root === 'root' ? undefined : rootReason(facts, what);
}

function appsWithCode(facts: CapabilityFacts, what: string): string | undefined {
  if (facts.rigAppsHaveCode) return undefined;
  return `${what} needs the rig's ImsService app with real code on this ${facts.kind} (only the reference device runs manifest-only apps; no ims-rig-device here)`;
}

function reasonFor(capability: Capability, facts: CapabilityFacts): string | undefined {
  const viaTool = facts.stimulusTool;
  switch (capability) {
    case 'shell-override':
      return facts.imsShell.works ? undefined : `cmd phone ims does not answer: ${facts.imsShell.detail}`;
    case 'carrier-config':
      if (facts.carrierConfig?.works) return undefined;
      if (facts.buildType === 'user') return 'cmd phone cc works only as root on userdebug/eng builds (this is a user build)';
      return facts.carrierConfig ? `cmd phone cc refused: ${facts.carrierConfig.detail}` : rootReason(facts, 'cmd phone cc');
    case 'priv-app-install':
      return remountReason(facts, 'installing into /system/priv-app');
    case 'single-registration':
      if (facts.systemFeatures.has(SINGLE_REGISTRATION_FEATURE)) return undefined;
      // The rig declares a missing feature in the run's one staging reboot (a permissions XML).
      return remountReason(facts, `declaring ${SINGLE_REGISTRATION_FEATURE}, which the target does not declare,`);
    case 'ims-resolver':
      if (facts.systemFeatures.has(TELEPHONY_IMS_FEATURE)) return undefined;
      return remountReason(facts, `declaring ${TELEPHONY_IMS_FEATURE} (without it the phone process creates no ImsResolver, aosp-imsresolver.md §1.2)`);
    case 'reboot':
      return undefined; // every adb target reboots (adb reboot + wait for sys.boot_completed)
    case 'appium':
      if (!facts.appium) return 'no Appium server configured (set IMS_RIG_APPIUM_URL; ims-rig run starts one when a scenario needs it)';
      if (facts.appium.works) return undefined;
      return facts.appium.url === '' ? `no Appium server: ${facts.appium.detail}` : `Appium at ${facts.appium.url} is not reachable: ${facts.appium.detail}`;
    case 'sim-control': {
      if (viaTool) return undefined;
      // Removal = the SIM's UICC applications off (NOT_READY, no subscription: ImsResolver sees
      // an absent SIM, aosp-imsresolver.md §1.8 quirk 12); insertion = back on, with the carrier
      // identity as carrier-config overrides. Root on a non-user build (observability §1.d).
      const stock = rootAndNotUser(facts, 'cmd phone disable-physical-subscription');
      if (stock !== undefined) return stock;
      if (!facts.carrierConfig?.works) return 'switching the target\'s SIM needs carrier-config (cmd phone cc) to give it a carrier identity';
      return facts.physicalSim ? undefined : 'the target has no physical SIM the rig can switch off and on (dumpsys isub shows none)';
    }
    case 'msim-control':
      return viaTool ? undefined
        : `no stock shell command changes the number of SIM slots (observability-and-test-apps.md §1.d); this ${facts.kind} has ${facts.slotCount ?? 1} slot${(facts.slotCount ?? 1) === 1 ? '' : 's'}`;
    case 'configurable-features':
      // `am broadcast -n <app>/<receiver> --es features …` to the rig's app (onUpdateSupportedImsFeatures).
      return viaTool ? undefined : appsWithCode(facts, 'making an ImsService report chosen features (am broadcast to the rig\'s app)');
    case 'fault-injection':
      // An app crash / behaviour by the control broadcast, a phone restart by `kill` as root.
      if (viaTool) return undefined;
      return appsWithCode(facts, 'crashing an ImsService or changing its behaviour (am broadcast to the rig\'s app)')
        ?? rootAndNotUser(facts, 'restarting the phone process (kill as root)');
    case 'device-overlay':
      if (viaTool) return undefined;
      // A runtime resource overlay for TeleService, preinstalled under /product/overlay (idmap2
      // admits no other for a target without <overlayable>), switched with `cmd overlay`, read
      // by a restarted phone process (kill as root).
      if (facts.overlayService !== undefined && !facts.overlayService.works) return `cmd overlay does not answer: ${facts.overlayService.detail}`;
      return remountReason(facts, 'staging the TeleService overlay under /product/overlay');
    case 'app-realisation':
      return viaTool ? undefined : appsWithCode(facts, 'running apps generated from a scenario');
    case 'compat-ims-service':
      // The rig's app cannot be a compat ImsService (harness/model/ims-app.ts realAppGap).
      return viaTool ? undefined : `only the reference device simulates a compat ImsService; a real app can be one only if it is platform-signed (its feature classes are hidden API), and the rig's app is not (this ${facts.kind})`;
    case 'test-app-stand-ins':
      // A stand-in has no code: only the reference device draws its screens (issue 10).
      return viaTool ? undefined : `only the reference device draws the screens of a manifest-only stand-in of ImsTestService or TestRcsApp; on this ${facts.kind} their AOSP builds go in apks/`;
  }
}

export function deriveCapabilities(facts: CapabilityFacts): DerivedCapabilities {
  const capabilities: Capability[] = [];
  const missing: MissingCapability[] = [];
  for (const capability of Object.keys(CAPABILITIES) as Capability[]) {
    const reason = reasonFor(capability, facts);
    if (reason === undefined) capabilities.push(capability);
    else missing.push({ capability, reason });
  }
  return { capabilities, missing };
}
