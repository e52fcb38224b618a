/**
 * Step → device actions (DESIGN.md "Scenario files" steps). Pure: given the target's capabilities
 * and the apps as currently installed, returns the commands a step sends and the route taken:
 *   - SIMs through the reference device's `ims-rig-device sim` (sim-control);
 *   - carrier config through `cmd phone cc` (root, userdebug: aosp-imsresolver.md §3.2);
 *   - overrides through `cmd phone ims set-ims-service` (works as shell on user builds, §3.1);
 *   - feature changes, behaviour, crashes, phone restart, slot count through `ims-rig-device`;
 *   - apps with `adb install` / `pm uninstall`, or for privileged apps staged under /system/priv-app,
 *     `pm install-existing` / `pm uninstall --user 0` (how a preloaded app comes and goes per user).
 * check and checkGrants send nothing here: the engine observes.
 */
import { shellCommand, int, name, pkg, type ShellCommand } from '../adb';
import {
  ROLE_DIALER, ROLE_SMS, addRoleHolderCommand, appBehaviourCommand, appCrashCommand, appFeaturesCommand,
  ccClearValuesCommand, ccSetValueCommand, ccSetValuesFromXmlCommand, clearImsServiceOverrideCommand, observerBroadcastCommand,
  phoneRestartCommand, physicalSubscriptionCommand, setImsServiceCommand, simInsertCommand, simRemoveCommand, slotsCommand, type CcSetValue,
} from '../android';
import { toCarrierConfigXml } from '../formats/carrier-config-xml';
import {
  CARRIER_IMS_KEYS, type AppExtras, type Capability, type CarrierConfigValue, type CarrierProfile, type ImsAppSpec,
  type PackageName, type RoleName, type SlotIndex, type Step, isValidPackageName, realAppGap,
} from '../model';
import { shellAction, UNTIL_PHONE_READY, type ActionPlan, type DeviceAction } from './device-action';
import { type ControlRequest } from '../android';
import { NO_ROUTES, type TargetRoutes } from './target-routes';

/** The rig's scratch directory on the device (under /data/local/tmp, writable by shell). */
export const DEVICE_SCRATCH_DIR = '/data/local/tmp/ims-rig';

export interface PlanContext {
  readonly capabilities: ReadonlySet<Capability>;
  /** How stimuli reach the target (default: no stimulus tool, no switchable SIM). */
  readonly routes?: TargetRoutes;
  /** The app as currently installed on the target (updateApp replaces it). */
  app(pkg: string): ImsAppSpec | undefined;
  extras(pkg: string): AppExtras | undefined;
}

/** A step the target cannot carry out (a capability is missing, or the value cannot be sent). */
export class NotRealisableError extends Error {}

const ROLE_NAMES: Readonly<Record<RoleName, string>> = { sms: ROLE_SMS, dialer: ROLE_DIALER };

/** A device file name made only of characters the shell-command builder accepts in a path segment. */
export function deviceFileName(stem: string): string {
  const safe = stem.replace(/[^A-Za-z0-9_.-]/g, '_').replace(/^[^A-Za-z0-9_]+/, '');
  return safe === '' ? 'profile' : safe.slice(0, 80);
}

/** Where a SIM's carrier-config XML goes on the device, and the bytes: the fixture file itself, or generated. */
export function carrierConfigPush(slot: SlotIndex, profile: CarrierProfile): DeviceAction & { kind: 'push' } {
  const path = `${DEVICE_SCRATCH_DIR}/sim${slot}-${deviceFileName(profile.name)}.xml`;
  return { kind: 'push', path, source: profile.file !== undefined ? { kind: 'file', path: profile.file } : { kind: 'text', text: toCarrierConfigXml(profile.values) } };
}

/**
 * Carrier config on the target's own SIM (no SIM control): clear earlier overrides, then the
 * profile's values — with every IMS package key the profile leaves out set to null, so the real
 * SIM's own IMS packages cannot leak into the scenario. `persistent` (`-p`): the values are the
 * SIM's identity for the scenario and must outlive a phone restart or reboot, as a real SIM's
 * config does (non-persistent overrides die with the phone process, aosp-imsresolver.md §3.2;
 * `cc clear-values` removes both kinds).
 */
export function carrierConfigOverridePlan(slot: SlotIndex, profile: CarrierProfile, persistent = false): DeviceAction[] {
  const values: Record<string, CarrierConfigValue> = { ...profile.values };
  for (const key of CARRIER_IMS_KEYS) if (!(key in values)) values[key] = null;
  const path = `${DEVICE_SCRATCH_DIR}/cc${slot}-${deviceFileName(profile.name)}.xml`;
  return [
    { kind: 'root' },
    // Right after a SIM comes back (or the phone restarts) its subscription may not be there yet.
    shellAction(ccClearValuesCommand({ slot }), 'exit-0', UNTIL_PHONE_READY),
    { kind: 'push', path, source: { kind: 'text', text: toCarrierConfigXml(values) } },
    shellAction(ccSetValuesFromXmlCommand({ slot, deviceFile: path, ...(persistent ? { persistent } : {}) }), 'exit-0', UNTIL_PHONE_READY),
  ];
}

/** A value `cc set-value` can carry as one safe argument, or undefined (then an XML push is used). */
function asSetValue(value: CarrierConfigValue): CcSetValue | undefined {
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string' && isValidPackageName(value)) return value as PackageName;
  return undefined;
}

function setCarrierConfigPlan(slot: SlotIndex, values: Readonly<Record<string, CarrierConfigValue>>): ActionPlan {
  const entries = Object.entries(values);
  const simple = entries.map(([key, v]) => [key, asSetValue(v)] as const);
  if (simple.every(([, v]) => v !== undefined)) {
    return {
      route: 'cmd phone cc set-value (carrier-config, as root)',
      actions: [{ kind: 'root' }, ...simple.map(([key, value]) => shellAction(ccSetValueCommand({ slot, key, value: value as CcSetValue }), 'exit-0', UNTIL_PHONE_READY))],
    };
  }
  const path = `${DEVICE_SCRATCH_DIR}/cc${slot}-step.xml`;
  return {
    route: 'cmd phone cc set-values-from-xml of a pushed file (carrier-config, as root)',
    actions: [{ kind: 'root' }, { kind: 'push', path, source: { kind: 'text', text: toCarrierConfigXml(values) } }, shellAction(ccSetValuesFromXmlCommand({ slot, deviceFile: path }), 'exit-0', UNTIL_PHONE_READY)],
  };
}

/** `cmd package install-existing --user 0 <pkg>`: a preloaded (system) app comes back for user 0. */
export function installExistingCommand(packageName: PackageName): ShellCommand {
  return shellCommand('cmd', 'package', 'install-existing', '--user', int(0, 0, 0), pkg(packageName));
}

/** `pm uninstall --user 0 <pkg>`: a system app is removed for user 0 (the APK stays on /system). */
export function uninstallForUserCommand(packageName: PackageName): ShellCommand {
  return shellCommand('pm', 'uninstall', '--user', int(0, 0, 0), pkg(packageName));
}

/** `cmd role clear-role-holders <role>` */
export function clearRoleHoldersCommand(role: string): ShellCommand {
  return shellCommand('cmd', 'role', 'clear-role-holders', name(role));
}

function needs(ctx: PlanContext, cap: Capability, what: string): void {
  if (!ctx.capabilities.has(cap)) throw new NotRealisableError(`${what} needs the ${cap} capability`);
}

function appOf(ctx: PlanContext, packageName: string): ImsAppSpec {
  const spec = ctx.app(packageName);
  if (spec === undefined) throw new NotRealisableError(`${packageName} is not one of the scenario's apps`);
  return spec;
}

/** The target's own SIM in `slot`, when the rig can switch it (stock route of sim-control). */
function switchableSim(ctx: PlanContext, slot: SlotIndex, what: string): { subId: number } {
  const sim = ctx.routes?.physicalSim;
  if (sim === undefined || sim.slot !== slot) throw new NotRealisableError(`${what}: slot ${slot} has no SIM of the target's own that the rig can switch`);
  return sim;
}

/** The plan of one step. Throws NotRealisableError when the target cannot carry it out. */
export function planStep(step: Step, ctx: PlanContext): ActionPlan {
  const routes = ctx.routes ?? NO_ROUTES;
  switch (step.kind) {
    case 'check':
    case 'checkGrants':
    case 'ui':
    case 'checkStateCallbacks':
      return { route: 'observation only', actions: [] };
    case 'registerStateCallback':
      return { route: 'am broadcast to the observer app (registerImsStateCallback)', actions: [shellAction(observerBroadcastCommand({ op: 'register', id: step.id, slot: step.slot, feature: step.feature }), 'observer-outcome')] };
    case 'unregisterStateCallback':
      return { route: 'am broadcast to the observer app (unregisterImsStateCallback)', actions: [shellAction(observerBroadcastCommand({ op: 'unregister', id: step.id }), 'observer-outcome')] };
    case 'reregisterStateCallback':
      return { route: 'am broadcast to the observer app (unregister, then registerImsStateCallback again)', actions: [shellAction(observerBroadcastCommand({ op: 'reregister', id: step.id }), 'observer-outcome')] };
    case 'insertSim': {
      needs(ctx, 'sim-control', 'insertSim');
      if (routes.stimulusTool) {
        return { route: 'ims-rig-device sim insert (sim-control)', actions: [carrierConfigPush(step.slot, step.carrier), shellAction(simInsertCommand(step.slot, carrierConfigPush(step.slot, step.carrier).path))] };
      }
      const sim = switchableSim(ctx, step.slot, 'insertSim');
      return {
        route: `the target's own SIM back in (cmd phone enable-physical-subscription, as root) with the carrier identity of ${step.carrier.name} as cmd phone cc overrides`,
        actions: [{ kind: 'root' }, shellAction(physicalSubscriptionCommand(sim.subId, true)), ...carrierConfigOverridePlan(step.slot, step.carrier, true)],
      };
    }
    case 'removeSim': {
      needs(ctx, 'sim-control', 'removeSim');
      if (routes.stimulusTool) return { route: 'ims-rig-device sim remove (sim-control)', actions: [shellAction(simRemoveCommand(step.slot))] };
      const sim = switchableSim(ctx, step.slot, 'removeSim');
      return {
        route: 'SIM removal as ImsResolver sees it: the SIM\'s UICC applications switched off (cmd phone disable-physical-subscription, as root: NOT_READY, no subscription)',
        actions: [{ kind: 'root' }, shellAction(physicalSubscriptionCommand(sim.subId, false))],
      };
    }
    case 'setCarrierConfig':
      needs(ctx, 'carrier-config', 'setCarrierConfig');
      return setCarrierConfigPlan(step.slot, step.values);
    case 'install': {
      const spec = appOf(ctx, step.package);
      if (spec.location === 'data') return { route: 'adb install', actions: [{ kind: 'install-apk', spec, ...extrasOf(ctx, spec) }] };
      return { route: 'adb install -r over the run\'s staged placeholder (an updated system app)', actions: [{ kind: 'install-apk', spec, ...extrasOf(ctx, spec) }] };
    }
    case 'uninstall': {
      const spec = appOf(ctx, step.package);
      if (spec.location === 'data') return { route: 'pm uninstall', actions: [{ kind: 'uninstall', package: spec.package }] };
      // Removing the update brings the staged placeholder back: no ImsService any more.
      return { route: 'pm uninstall of the update (the staged placeholder, without an ImsService, stays)', actions: [{ kind: 'uninstall', package: spec.package }] };
    }
    case 'updateApp': {
      const current = appOf(ctx, step.package);
      const spec: ImsAppSpec = {
        ...current,
        ...(step.metadata !== undefined ? { metadata: step.metadata } : {}),
        ...(step.answers !== undefined ? { answers: step.answers } : {}),
      };
      return { route: 'adb install -r of the updated APK (PACKAGE_REMOVED/ADDED/REPLACED)', actions: [{ kind: 'install-apk', spec, ...extrasOf(ctx, spec) }] };
    }
    case 'setFeatures':
      needs(ctx, 'configurable-features', 'setFeatures');
      if (!routes.stimulusTool) return controlBroadcast(ctx, step.package, { kind: 'features', features: step.features });
      return { route: 'ims-rig-device app features (onUpdateSupportedImsFeatures)', actions: [shellAction(appFeaturesCommand(step.package, step.features))] };
    case 'setSlotCount':
      needs(ctx, 'msim-control', 'setSlotCount');
      return { route: 'ims-rig-device slots (MSIM configuration change)', actions: [shellAction(slotsCommand(step.slots))] };
    case 'override':
      needs(ctx, 'shell-override', 'override');
      return { route: 'cmd phone ims set-ims-service', actions: [shellAction(setImsServiceCommand({ slot: step.slot, scope: step.scope, features: step.features, package: step.package }), 'prints-true')] };
    case 'clearOverride':
      needs(ctx, 'shell-override', 'clearOverride');
      return { route: 'cmd phone ims clear-ims-service-override', actions: [shellAction(clearImsServiceOverrideCommand({ slot: step.slot }), 'prints-true')] };
    case 'crash':
      needs(ctx, 'fault-injection', 'crash');
      if (!routes.stimulusTool) return controlBroadcast(ctx, step.package, { kind: 'crash' });
      return { route: 'ims-rig-device app crash', actions: [shellAction(appCrashCommand(step.package))] };
    case 'setBehaviour':
      needs(ctx, 'fault-injection', 'setBehaviour');
      if (!routes.stimulusTool) return controlBroadcast(ctx, step.package, { kind: 'behaviour', behaviour: step.behaviour });
      return { route: 'ims-rig-device app behaviour', actions: [shellAction(appBehaviourCommand(step.package, step.behaviour))] };
    case 'restartPhone':
      needs(ctx, 'fault-injection', 'restartPhone');
      if (routes.stimulusTool) return { route: 'ims-rig-device phone restart', actions: [shellAction(phoneRestartCommand())] };
      return { route: 'com.android.phone killed as root (pidof + kill; ActivityManager restarts the persistent process)', actions: [{ kind: 'restart-phone' }] };
    case 'reboot':
      needs(ctx, 'reboot', 'reboot');
      return { route: 'adb reboot', actions: [{ kind: 'reboot' }] };
    case 'setRole': {
      const role = ROLE_NAMES[step.role];
      if (step.package === null) return { route: 'cmd role clear-role-holders', actions: [shellAction(clearRoleHoldersCommand(role))] };
      return { route: 'cmd role add-role-holder', actions: [shellAction(addRoleHolderCommand(role, step.package))] };
    }
  }
}

const CONTROL_ROUTES: Readonly<Record<ControlRequest['kind'], string>> = {
  features: 'the rig app\'s control broadcast --es features (the app calls onUpdateSupportedImsFeatures, or answers it at the next query)',
  crash: 'the rig app\'s control broadcast --ez crash true (Process.killProcess in the app)',
  behaviour: 'the rig app\'s control broadcast --es behaviour',
  'feature-state': 'the rig app\'s control broadcast --es feature-state',
};

/**
 * A stimulus of the rig's own ImsService app by its control broadcast (`am broadcast -n
 * <pkg>/org.imsrig.ims.ControlReceiver -a org.imsrig.CONTROL …`, DESIGN "The rig's ImsService
 * app"): only the shell may send it (the receiver needs DUMP). An app that is not the rig's code
 * (a compat app, a prebuilt APK) has no receiver: not realisable here.
 */
function controlBroadcast(ctx: PlanContext, packageName: PackageName, request: ControlRequest): ActionPlan {
  const spec = appOf(ctx, packageName);
  if (spec.apk !== undefined) throw new NotRealisableError(`${packageName} is a prebuilt APK: it has no control receiver of the rig's app`);
  const gap = realAppGap(spec);
  if (gap !== undefined) throw new NotRealisableError(`${gap}; it has no control receiver`);
  return { route: CONTROL_ROUTES[request.kind], actions: [{ kind: 'control-broadcast', package: packageName, request }] };
}

function extrasOf(ctx: PlanContext, spec: ImsAppSpec): { extras?: AppExtras } {
  const extras = ctx.extras(spec.package);
  return extras === undefined ? {} : { extras };
}
