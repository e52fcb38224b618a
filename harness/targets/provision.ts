/**
 * Realising a scenario's world on a target (before its first step), planned from the state the
 * snapshot read and the files the run has staged (./staging-plan.ts). Pure planning;
 * ./execute-actions.ts performs it. Phases, in order:
 *   1. slot count (`ims-rig-device slots`, msim-control);
 *   2. device overlay — before the apps, so ImsResolver discovers them as device services:
 *      `ims-rig-device overlay` (the reference device), or the run's staged TeleService RRO
 *      (`cmd overlay enable`, then the phone process restarted by `kill` as root, since
 *      PhoneGlobals reads the two strings at start), or `cmd phone ims set-ims-service -d`
 *      (an in-memory device override, for scenarios that never restart the phone process);
 *   3. SIMs: `ims-rig-device sim insert` (sim-control), or on the target's own SIM: its UICC
 *      applications switched off (no SIM, as ImsResolver sees it) or on, and the profile's
 *      carrier identity as `cmd phone cc` overrides (carrier-config, as root);
 *   4. apps: each privileged/system app as an `adb install -r` over its staged placeholder (an
 *      update of a system app, privileged as the placeholder is); data apps with `adb install`;
 *   5. role holders (cmd role).
 * Before them all, for a scenario with state-callback steps: the observer app's `reset` broadcast
 * (the run stages the app as a priv-app), so the registrations an earlier scenario left are gone
 * before this world is set up and cannot log callbacks of its provisioning.
 * A world the target cannot hold is NotRealisableError: the scenario is skipped with that reason.
 */
import { observerBroadcastCommand, physicalSubscriptionCommand, setImsServiceCommand, simInsertCommand, simRemoveCommand, slotsCommand, overlayCommand, addRoleHolderCommand, overlaySetEnabledCommand, ROLE_DIALER, ROLE_SMS } from '../android';
import { overlayPackageName } from '../formats/overlay-apk';
import {
  type Capability, CARRIER_IMS_KEYS, type FullScenario, type ImsAppSpec, type ImsFeature, type RoleName, OBSERVER_PACKAGE, SLOT_KEYS, scenarioUsesObserver, slotIndex,
} from '../model';
import { type DeviceAction, shellAction, UNTIL_PHONE_READY } from './device-action';
import { type DeviceState } from './device-state';
import { overlayRoute, stagedApps } from './staging-plan';
import { NotRealisableError, carrierConfigOverridePlan, carrierConfigPush, clearRoleHoldersCommand } from './step-plan';
import { productOverlayPath, systemApkPath } from './system-files';
import { type TargetRoutes } from './target-routes';

export interface ProvisionPhase {
  readonly name: 'slots' | 'overlay' | 'sims' | 'apps' | 'roles' | 'observer';
  /** How the phase is done on this target, for the scenario's record. */
  readonly route: string;
  readonly actions: readonly DeviceAction[];
}

export interface ProvisionContext {
  readonly capabilities: ReadonlySet<Capability>;
  readonly routes: TargetRoutes;
  /** Paths the run has staged (placeholders, overlays, features): the rig's own files under /system. */
  readonly staged: ReadonlySet<string>;
}

const ROLE_NAMES: Readonly<Record<RoleName, string>> = { sms: ROLE_SMS, dialer: ROLE_DIALER };

function slotsPhase(s: FullScenario, state: DeviceState, ctx: ProvisionContext): ProvisionPhase | undefined {
  if (s.world.slots === state.slotCount) return undefined;
  if (!ctx.capabilities.has('msim-control')) {
    throw new NotRealisableError(`the target has ${state.slotCount} SIM slot(s) and the scenario needs ${s.world.slots}; target lacks msim-control`);
  }
  return { name: 'slots', route: 'ims-rig-device slots (msim-control)', actions: [shellAction(slotsCommand(s.world.slots))] };
}

/** Device configuration per feature as get-ims-service -d reports it (null: none). */
function deviceConfig(state: DeviceState, feature: ImsFeature): string | null {
  return state.imsServices.find((e) => e.scope === 'device' && e.feature === feature)?.package ?? null;
}

function overlayPhase(s: FullScenario, state: DeviceState, ctx: ProvisionContext): ProvisionPhase | undefined {
  const { mmtel, rcs } = s.world.overlay;
  const route = overlayRoute(s, ctx);
  if (route === 'stimulus-tool') {
    if (state.overlay && state.overlay.mmtel === mmtel && state.overlay.rcs === rcs) return undefined;
    return { name: 'overlay', route: 'ims-rig-device overlay (persistent TeleService overlay; restarts the phone process)', actions: [shellAction(overlayCommand({ mmtel, rcs }))] };
  }
  const enabledRro = (state.rigOverlays ?? []).filter((o) => o.state === 'enabled').map((o) => o.packageName);
  if (route === 'rro') {
    const wanted = overlayPackageName(s.world.overlay);
    if (!ctx.staged.has(productOverlayPath(wanted).apk)) throw new NotRealisableError(`the TeleService overlay ${wanted} is not staged on the target`);
    if (enabledRro.length === 1 && enabledRro[0] === wanted && sameDevice(state, mmtel, rcs)) return undefined;
    return {
      name: 'overlay',
      route: `runtime resource overlay ${wanted} for TeleService, staged under /product/overlay, enabled with cmd overlay; the phone process restarted (kill as root) to read it`,
      actions: [
        { kind: 'root' },
        ...enabledRro.filter((o) => o !== wanted).map((o) => shellAction(overlaySetEnabledCommand(o, false))),
        shellAction(overlaySetEnabledCommand(wanted, true)),
        { kind: 'restart-phone' },
      ],
    };
  }
  if (sameDevice(state, mmtel, rcs)) return undefined;
  if (!ctx.capabilities.has('shell-override')) throw new NotRealisableError('the device overlay differs from the scenario\'s and the target lacks device-overlay and shell-override');
  return {
    name: 'overlay',
    route: 'cmd phone ims set-ims-service -d (an in-memory device override standing in for the TeleService overlay; shell-override)',
    actions: [
      shellAction(setImsServiceCommand({ slot: 0, scope: 'device', features: ['EMERGENCY_MMTEL', 'MMTEL'], package: mmtel }), 'prints-true', UNTIL_PHONE_READY),
      shellAction(setImsServiceCommand({ slot: 0, scope: 'device', features: ['RCS'], package: rcs }), 'prints-true', UNTIL_PHONE_READY),
    ],
  };
}

function sameDevice(state: DeviceState, mmtel: string, rcs: string): boolean {
  const same = (feature: ImsFeature, pkg: string): boolean => (deviceConfig(state, feature) ?? '') === pkg;
  return same('EMERGENCY_MMTEL', mmtel) && same('MMTEL', mmtel) && same('RCS', rcs);
}

function simsPhase(s: FullScenario, state: DeviceState, ctx: ProvisionContext): ProvisionPhase | undefined {
  if (ctx.routes.stimulusTool) return simsByTool(s, state);
  const actions: DeviceAction[] = [];
  let switched = false;
  const physical = ctx.routes.physicalSim;
  for (const key of SLOT_KEYS.slice(0, s.world.slots)) {
    const slot = slotIndex(key);
    const wanted = s.world.sims[key] ?? null;
    const known = state.sims.find((x) => x.slot === slot);
    const present = known?.present ?? false;
    const switchable = physical !== undefined && physical.slot === slot && ctx.capabilities.has('sim-control') && known?.subId !== undefined;
    if (wanted === null) {
      if (!present) continue;
      if (!switchable) throw new NotRealisableError(`slot ${slot} holds a SIM the rig cannot remove (target lacks sim-control)`);
      actions.push({ kind: 'root' }, shellAction(physicalSubscriptionCommand(known.subId ?? physical.subId, false)));
      switched = true;
      continue;
    }
    if (!present) {
      if (!switchable) throw new NotRealisableError(`the scenario puts a SIM in slot ${slot}, which is empty on the target (target lacks sim-control)`);
      actions.push({ kind: 'root' }, shellAction(physicalSubscriptionCommand(known.subId ?? physical.subId, true)));
      switched = true;
    }
    if (!ctx.capabilities.has('carrier-config')) throw new NotRealisableError('the scenario\'s carrier config needs sim-control or carrier-config');
    actions.push(...carrierConfigOverridePlan(slot, wanted, true));
  }
  if (actions.length === 0) return undefined;
  return {
    name: 'sims',
    route: switched
      ? 'the target\'s own SIM: UICC applications switched off/on (cmd phone disable|enable-physical-subscription, as root) and its carrier identity as cmd phone cc overrides'
      : 'cmd phone cc set-values-from-xml on the target\'s own SIM (carrier-config, as root)',
    actions,
  };
}

function simsByTool(s: FullScenario, state: DeviceState): ProvisionPhase | undefined {
  const actions: DeviceAction[] = [];
  for (const key of SLOT_KEYS.slice(0, s.world.slots)) {
    const slot = slotIndex(key);
    const wanted = s.world.sims[key] ?? null;
    const known = state.sims.find((x) => x.slot === slot);
    // A slot the target did not have at the snapshot may still hold a SIM from before it was
    // switched off (the SIM store outlives the slot): empty it, whatever it holds.
    if (known?.present ?? false) actions.push(shellAction(simRemoveCommand(slot)));
    else if (known === undefined) actions.push(shellAction(simRemoveCommand(slot), 'best-effort'));
    if (wanted) {
      const push = carrierConfigPush(slot, wanted);
      actions.push(push, shellAction(simInsertCommand(slot, push.path)));
    }
  }
  if (actions.length === 0) return undefined;
  return { name: 'sims', route: 'carrier-config XML pushed, ims-rig-device sim insert (sim-control)', actions };
}

function appsPhase(s: FullScenario, state: DeviceState, ctx: ProvisionContext): ProvisionPhase | undefined {
  const staged = new Set(stagedApps(s).map((a) => a.package));
  for (const app of s.world.apps) {
    const placeholder = systemApkPath(app.package, app.location === 'system' ? 'system' : 'priv-app').apk;
    if (staged.has(app.package)) {
      if (!ctx.staged.has(placeholder)) throw new NotRealisableError(`${app.package} is not staged under /system on the target`);
      if (state.dataPackages?.includes(app.package)) throw new NotRealisableError(`${app.package} already has an update installed over its placeholder`);
      continue;
    }
    if (state.packages.includes(app.package)) throw new NotRealisableError(`${app.package} is already installed on the target; the rig does not replace apps it did not install`);
  }
  const systemApps = s.world.apps.filter((a) => a.location !== 'data' && a.installed);
  const dataApps = s.world.apps.filter((a) => a.location === 'data' && a.installed);
  const observesBindings = s.steps.some((st) => st.kind === 'check');
  const actions: DeviceAction[] = [...systemApps, ...dataApps].map((spec: ImsAppSpec) => ({
    kind: 'install-apk', spec, ...extrasOf(s, spec), ...(observesBindings && spec.apk !== undefined && observedAsImsService(s, spec) ? { requireImsService: true } : {}),
  }));
  if (actions.length === 0) return undefined;
  const routes = [
    systemApps.length > 0 ? 'adb install -r over the run\'s staged placeholder under /system (an updated system app, privileged as the placeholder is)' : '',
    dataApps.length > 0 ? 'adb install (data apps)' : '',
  ].filter((r) => r !== '');
  return { name: 'apps', route: routes.join('; '), actions };
}

function extrasOf(s: FullScenario, spec: ImsAppSpec): { extras?: NonNullable<FullScenario['appExtras'][string]> } {
  const extras = s.appExtras[spec.package];
  return extras === undefined ? {} : { extras };
}

function rolesPhase(s: FullScenario): ProvisionPhase | undefined {
  const actions: DeviceAction[] = [];
  for (const [role, holder] of Object.entries(s.roles) as [RoleName, string | null | undefined][]) {
    if (holder === undefined) continue;
    const roleName = ROLE_NAMES[role];
    actions.push(holder === null ? shellAction(clearRoleHoldersCommand(roleName)) : shellAction(addRoleHolderCommand(roleName, holder as ImsAppSpec['package'])));
  }
  return actions.length === 0 ? undefined : { name: 'roles', route: 'cmd role', actions };
}

/**
 * The observer app stays staged for the whole epoch (./staging-plan.ts), so an earlier scenario's
 * registrations may still be live in it: `reset` unregisters them and numbers from 1 again.
 */
function observerPhase(s: FullScenario, ctx: ProvisionContext): ProvisionPhase | undefined {
  if (!scenarioUsesObserver(s)) return undefined;
  if (!ctx.staged.has(systemApkPath(OBSERVER_PACKAGE, 'priv-app').apk)) throw new NotRealisableError(`the observer app ${OBSERVER_PACKAGE} is not staged under /system/priv-app on the target`);
  return { name: 'observer', route: 'am broadcast op=reset to the observer app staged by the run (its earlier registrations unregistered)', actions: [shellAction(observerBroadcastCommand({ op: 'reset' }), 'observer-outcome')] };
}

/** The phases that realise `s` on a target in `state`. Throws NotRealisableError. */
export function planProvisioning(s: FullScenario, state: DeviceState, ctx: ProvisionContext): ProvisionPhase[] {
  return [
    observerPhase(s, ctx),
    slotsPhase(s, state, ctx),
    overlayPhase(s, state, ctx),
    simsPhase(s, state, ctx),
    appsPhase(s, state, ctx),
    rolesPhase(s),
  ].filter((p): p is ProvisionPhase => p !== undefined);
}

/**
 * Whether the scenario treats the app as an ImsService (declares features for it, or names it in the
 * device overlay or a SIM's carrier config): an RCS client such as TestRcsApp installed beside the
 * ImsServices is not one, and its APK need not declare an ImsService.
 */
function observedAsImsService(s: FullScenario, spec: ImsAppSpec): boolean {
  const namedByCarrier = Object.values(s.world.sims).some((sim) => sim !== null && sim !== undefined && CARRIER_IMS_KEYS.some((key) => sim.values[key] === spec.package));
  return spec.metadata.length > 0 || Object.keys(spec.answers).length > 0
    || s.world.overlay.mmtel === spec.package || s.world.overlay.rcs === spec.package || namedByCarrier;
}
