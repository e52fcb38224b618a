/**
 * What a target can do (DESIGN.md "Target capabilities"; harness/model/capability.ts), derived
 * from facts the probe gathered. Pure: every capability the target lacks comes with the reason,
 * which the report prints next to the scenarios skipped because of it.
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

/** Capabilities only the reference device's stimulus tool provides, and what a real target lacks. */
const STIMULUS_CAPABILITIES: Readonly<Partial<Record<Capability, string>>> = {
  'sim-control': 'insert and remove SIMs on demand',
  'msim-control': 'switch between single and dual SIM',
  'configurable-features': 'make an installed ImsService report chosen features',
  'fault-injection': 'crash an ImsService or restart the phone process on demand',
  'device-overlay': 'rewrite the TeleService overlay (config_ims_mmtel_package / config_ims_rcs_package)',
  'app-realisation': 'run apps generated from a scenario with the behaviour it describes',
  'compat-ims-service': 'run a compat ImsService (a real app cannot: harness/model/ims-app.ts realAppGap)',
};

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

function reasonFor(capability: Capability, facts: CapabilityFacts): string | undefined {
  switch (capability) {
    case 'shell-override':
      return facts.imsShell.works ? undefined : `cmd phone ims does not answer: ${facts.imsShell.detail}`;
    case 'carrier-config':
      if (facts.carrierConfig?.works) return undefined;
      if (facts.buildType === 'user') return 'cmd phone cc works only as root on userdebug/eng builds (this is a user build)';
      return facts.carrierConfig ? `cmd phone cc refused: ${facts.carrierConfig.detail}` : rootReason(facts, 'cmd phone cc');
    case 'priv-app-install':
      if (facts.remount?.works) return undefined;
      return facts.remount ? `adb remount failed: ${facts.remount.detail}` : rootReason(facts, 'installing into /system/priv-app (adb root + remount)');
    case 'single-registration':
      return facts.systemFeatures.has(SINGLE_REGISTRATION_FEATURE) ? undefined : `the target does not declare ${SINGLE_REGISTRATION_FEATURE}`;
    case 'reboot':
      return undefined; // every adb target reboots (adb reboot + wait for sys.boot_completed)
    case 'appium':
      if (!facts.appium) return 'no Appium server configured (set IMS_RIG_APPIUM_URL)';
      return facts.appium.works ? undefined : `Appium at ${facts.appium.url} is not reachable: ${facts.appium.detail}`;
    case 'sim-control':
    case 'msim-control':
    case 'configurable-features':
    case 'fault-injection':
    case 'device-overlay':
    case 'app-realisation':
    case 'compat-ims-service':
      return facts.stimulusTool ? undefined
        : `only the reference device can ${STIMULUS_CAPABILITIES[capability] ?? capability} (no ims-rig-device on this ${facts.kind})`;
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
