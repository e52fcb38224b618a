/**
 * Realising a scenario's world on a target (before its first step), planned from the state the
 * snapshot read. Pure planning; ./execute-actions.ts performs it. Phases, in order:
 *   1. privileged/system apps: adb root + remount, push each APK to /system/priv-app/<pkg>/<pkg>.apk
 *      (plus its privapp-permissions allowlist), ONE reboot — only when there are such apps (the set
 *      under /system changes) — then `pm uninstall --user 0` for those an `install` step brings
 *      later (apps the scenario never installs are not staged at all);
 *   2. slot count (`ims-rig-device slots`, msim-control);
 *   3. device overlay: `ims-rig-device overlay` (persistent, device-overlay) or, without it,
 *      `cmd phone ims set-ims-service -s 0 -d -f 0,1 <mmtel>` / `-f 2 <rcs>` (shell-override);
 *   4. SIMs: pushed carrier-config XML + `ims-rig-device sim insert` (sim-control), or without SIM
 *      control `cmd phone cc set-values-from-xml` on the SIM the target has (carrier-config, root);
 *   5. data apps: adb install;
 *   6. role holders (cmd role).
 * A world the target cannot hold is NotRealisableError: the scenario is skipped with that reason.
 */
import { setImsServiceCommand, simInsertCommand, simRemoveCommand, slotsCommand, overlayCommand, addRoleHolderCommand, ROLE_DIALER, ROLE_SMS } from '../android';
import {
  type Capability, type FullScenario, type ImsAppSpec, type ImsFeature, type RoleName, OBSERVER_PACKAGE, OBSERVER_PERMISSIONS, SLOT_KEYS,
  scenarioUsesObserver, slotIndex,
} from '../model';
import { type DeviceAction, shellAction } from './device-action';
import { type DeviceState } from './device-state';
import { NotRealisableError, carrierConfigOverridePlan, carrierConfigPush, clearRoleHoldersCommand, uninstallForUserCommand } from './step-plan';
import { privappPermissionsPath, privappPermissionsXml, systemApkPath } from './system-files';

export interface ProvisionPhase {
  readonly name: 'system-apps' | 'slots' | 'overlay' | 'sims' | 'apps' | 'roles';
  /** How the phase is done on this target, for the scenario's record. */
  readonly route: string;
  readonly actions: readonly DeviceAction[];
}

const ROLE_NAMES: Readonly<Record<RoleName, string>> = { sms: ROLE_SMS, dialer: ROLE_DIALER };

function has(caps: ReadonlySet<Capability>, cap: Capability): boolean {
  return caps.has(cap);
}

/** Packages some `install` step installs later (only those of the apps not installed at first need staging). */
function installedLater(s: FullScenario): Set<string> {
  return new Set(s.steps.flatMap((st) => (st.kind === 'install' ? [st.package] : [])));
}

function systemAppsPhase(s: FullScenario, state: DeviceState): ProvisionPhase | undefined {
  // An app the scenario never installs is simply absent: nothing to stage.
  const later = installedLater(s);
  const systemApps = s.world.apps.filter((a) => a.location !== 'data' && (a.installed || later.has(a.package)));
  const observer = scenarioUsesObserver(s);
  if (systemApps.length === 0 && !observer) return undefined;
  const actions: DeviceAction[] = [{ kind: 'root' }, { kind: 'remount' }];
  for (const app of systemApps) {
    const location = app.location === 'system' ? 'system' : 'priv-app';
    const { dir, apk } = systemApkPath(app.package, location);
    if (state.systemFiles.includes(dir)) throw new NotRealisableError(`the target already has ${dir}; the rig does not overwrite system apps it did not install`);
    const extras = s.appExtras[app.package];
    actions.push({ kind: 'push', path: apk, source: { kind: 'apk', spec: app, ...(extras ? { extras } : {}) } });
    const permissions = extras?.permissions ?? [];
    if (location === 'priv-app' && permissions.length > 0) {
      actions.push({ kind: 'push', path: privappPermissionsPath(app.package), source: { kind: 'text', text: privappPermissionsXml(app.package, permissions) } });
    }
  }
  if (observer) {
    // The observer app rides the same reboot: a priv-app with READ_PRIVILEGED_PHONE_STATE allowlisted.
    const { dir, apk } = systemApkPath(OBSERVER_PACKAGE, 'priv-app');
    if (state.systemFiles.includes(dir)) throw new NotRealisableError(`the target already has ${dir}; the rig does not overwrite system apps it did not install`);
    actions.push({ kind: 'push', path: apk, source: { kind: 'observer-apk' } });
    actions.push({ kind: 'push', path: privappPermissionsPath(OBSERVER_PACKAGE), source: { kind: 'text', text: privappPermissionsXml(OBSERVER_PACKAGE, OBSERVER_PERMISSIONS) } });
  }
  actions.push({ kind: 'reboot' });
  const hidden = systemApps.filter((a) => !a.installed);
  if (hidden.length > 0) actions.push({ kind: 'root' }, ...hidden.map((a) => shellAction(uninstallForUserCommand(a.package), 'pm-success')));
  return { name: 'system-apps', route: 'adb root + remount, push to /system/priv-app, reboot (boot scan installs them as privileged apps)', actions };
}

function slotsPhase(s: FullScenario, state: DeviceState, caps: ReadonlySet<Capability>): ProvisionPhase | undefined {
  if (s.world.slots === state.slotCount) return undefined;
  if (!has(caps, 'msim-control')) {
    throw new NotRealisableError(`the target has ${state.slotCount} SIM slot(s) and the scenario needs ${s.world.slots}; target lacks msim-control`);
  }
  return { name: 'slots', route: 'ims-rig-device slots (msim-control)', actions: [shellAction(slotsCommand(s.world.slots))] };
}

/** Device configuration per feature as get-ims-service -d reports it (null: none). */
function deviceConfig(state: DeviceState, feature: ImsFeature): string | null {
  return state.imsServices.find((e) => e.scope === 'device' && e.feature === feature)?.package ?? null;
}

function overlayPhase(s: FullScenario, state: DeviceState, caps: ReadonlySet<Capability>): ProvisionPhase | undefined {
  const { mmtel, rcs } = s.world.overlay;
  if (has(caps, 'device-overlay')) {
    if (state.overlay && state.overlay.mmtel === mmtel && state.overlay.rcs === rcs) return undefined;
    return { name: 'overlay', route: 'ims-rig-device overlay (persistent TeleService overlay; restarts the phone process)', actions: [shellAction(overlayCommand({ mmtel, rcs }))] };
  }
  const same = (feature: ImsFeature, pkg: string): boolean => (deviceConfig(state, feature) ?? '') === pkg;
  if (same('EMERGENCY_MMTEL', mmtel) && same('MMTEL', mmtel) && same('RCS', rcs)) return undefined;
  if (!has(caps, 'shell-override')) throw new NotRealisableError('the device overlay differs from the scenario\'s and the target lacks device-overlay and shell-override');
  return {
    name: 'overlay',
    route: 'cmd phone ims set-ims-service -d (in-memory device override; shell-override)',
    actions: [
      shellAction(setImsServiceCommand({ slot: 0, scope: 'device', features: ['EMERGENCY_MMTEL', 'MMTEL'], package: mmtel }), 'prints-true'),
      shellAction(setImsServiceCommand({ slot: 0, scope: 'device', features: ['RCS'], package: rcs }), 'prints-true'),
    ],
  };
}

function simsPhase(s: FullScenario, state: DeviceState, caps: ReadonlySet<Capability>): ProvisionPhase | undefined {
  const actions: DeviceAction[] = [];
  const simControl = has(caps, 'sim-control');
  for (const key of SLOT_KEYS.slice(0, s.world.slots)) {
    const slot = slotIndex(key);
    const wanted = s.world.sims[key] ?? null;
    const known = state.sims.find((x) => x.slot === slot);
    const present = known?.present ?? false;
    if (simControl) {
      // A slot the target did not have at the snapshot may still hold a SIM from before it was
      // switched off (the SIM store outlives the slot): empty it, whatever it holds.
      if (present) actions.push(shellAction(simRemoveCommand(slot)));
      else if (known === undefined) actions.push(shellAction(simRemoveCommand(slot), 'best-effort'));
      if (wanted) {
        const push = carrierConfigPush(slot, wanted);
        actions.push(push, shellAction(simInsertCommand(slot, push.path)));
      }
      continue;
    }
    if (wanted === null) {
      if (present) throw new NotRealisableError(`slot ${slot} holds a SIM the rig cannot remove (target lacks sim-control)`);
      continue;
    }
    if (!present) throw new NotRealisableError(`the scenario puts a SIM in slot ${slot}, which is empty on the target (target lacks sim-control)`);
    if (!has(caps, 'carrier-config')) throw new NotRealisableError('the scenario\'s carrier config needs sim-control or carrier-config');
    actions.push(...carrierConfigOverridePlan(slot, wanted));
  }
  if (actions.length === 0) return undefined;
  return {
    name: 'sims',
    route: simControl ? 'carrier-config XML pushed, ims-rig-device sim insert (sim-control)' : 'cmd phone cc set-values-from-xml on the target\'s own SIM (carrier-config, as root)',
    actions,
  };
}

function appsPhase(s: FullScenario, state: DeviceState): ProvisionPhase | undefined {
  const dataApps = s.world.apps.filter((a) => a.location === 'data' && a.installed);
  for (const app of s.world.apps) {
    if (state.packages.includes(app.package)) throw new NotRealisableError(`${app.package} is already installed on the target; the rig does not replace apps it did not install`);
  }
  if (dataApps.length === 0) return undefined;
  return { name: 'apps', route: 'adb install', actions: dataApps.map((spec: ImsAppSpec) => ({ kind: 'install-apk', spec, ...extrasOf(s, spec) })) };
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

/** The phases that realise `s` on a target in `state` with `capabilities`. Throws NotRealisableError. */
export function planProvisioning(s: FullScenario, state: DeviceState, capabilities: ReadonlySet<Capability>): ProvisionPhase[] {
  return [
    systemAppsPhase(s, state),
    slotsPhase(s, state, capabilities),
    overlayPhase(s, state, capabilities),
    simsPhase(s, state, capabilities),
    appsPhase(s, state),
    rolesPhase(s),
  ].filter((p): p is ProvisionPhase => p !== undefined);
}
