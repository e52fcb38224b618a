/**
 * Putting a target back as the snapshot found it, planned from the difference between the state
 * before the scenario and the state now (both read from the target). Pure planning; the executor
 * performs it. Only what differs is touched, in an order that keeps each command meaningful:
 * roles → data apps the rig installed → (root + remount, when the rig put files under /system) →
 * slot count → SIMs → carrier-config overrides → shell overrides → device overlay → those /system
 * files → pushed scratch files → (one reboot). Root and remount come before the shell commands so
 * that the executor sends those in one round trip; the reboot comes last, once all is undone.
 */
import { type PackageName } from '../model';
import {
  ccClearValuesCommand, clearImsServiceOverrideCommand, overlayCommand, overlaySetEnabledCommand, physicalSubscriptionCommand,
  pmClearCommand, pmUninstallCommand, setImsServiceCommand, simInsertCommand, simRemoveCommand, slotsCommand, addRoleHolderCommand,
} from '../android';
import { type DeviceAction, shellAction, UNTIL_PHONE_READY } from './device-action';
import { type DeviceState } from './device-state';
import { clearRoleHoldersCommand } from './step-plan';
import { removePathsCommand } from './system-files';

export interface RestorePhase {
  readonly name: string;
  readonly actions: readonly DeviceAction[];
}

const same = <T>(a: T, b: T): boolean => JSON.stringify(a) === JSON.stringify(b);

function rolesPhase(before: DeviceState, now: DeviceState): DeviceAction[] {
  const actions: DeviceAction[] = [];
  for (const [role, holders] of Object.entries(before.roles)) {
    if (same(holders, now.roles[role] ?? [])) continue;
    actions.push(shellAction(clearRoleHoldersCommand(role), 'best-effort'));
    for (const holder of holders) actions.push(shellAction(addRoleHolderCommand(role, holder as PackageName), 'best-effort'));
  }
  return actions;
}

/**
 * Packages the rig put under /data: installed apps, and updates installed over the run's staged
 * placeholders (uninstalling an update brings the placeholder back). Staged files themselves stay
 * for the rest of the run. (Without paths, every added package is tried.)
 */
function addedDataPackages(before: DeviceState, now: DeviceState): string[] {
  if (now.dataPackages === undefined) return now.packages.filter((p) => !before.packages.includes(p));
  return now.dataPackages.filter((p) => !(before.dataPackages ?? []).includes(p) || !before.packages.includes(p));
}

/**
 * Uninstall what the rig put under /data. Reverting an update keeps the app's data (the package
 * stays, as its placeholder), and the rig's app stores a behaviour set by the control broadcast
 * there: `pm clear` deletes it, so the next scenario's variant starts clean.
 */
function appsPhase(before: DeviceState, now: DeviceState): DeviceAction[] {
  return addedDataPackages(before, now).flatMap((p): DeviceAction[] => {
    // A shell line (not adb's uninstall service call), so every uninstall and clear of the
    // restore goes to the target in one round trip.
    const uninstall = shellAction(pmUninstallCommand(p as PackageName), 'pm-success');
    return before.packages.includes(p) ? [uninstall, shellAction(pmClearCommand(p as PackageName), 'best-effort')] : [uninstall];
  });
}

/**
 * The target's own SIM, switched off or on by the rig (stock route of sim-control): back to how
 * the snapshot found it. Switching it on again brings its persistent overrides back; the
 * carrier-config phase clears them (cc clear-values waits for the subscription).
 */
function stockSimPhase(before: DeviceState, now: DeviceState): DeviceAction[] {
  const actions: DeviceAction[] = [];
  for (const was of before.sims) {
    const is = now.sims.find((x) => x.slot === was.slot);
    if (was.uiccEnabled === undefined || is?.uiccEnabled === undefined || was.uiccEnabled === is.uiccEnabled || was.subId === undefined) continue;
    actions.push({ kind: 'root' }, shellAction(physicalSubscriptionCommand(was.subId, was.uiccEnabled), 'best-effort'));
    if (was.uiccEnabled) actions.push(shellAction(ccClearValuesCommand({ slot: was.slot }), 'best-effort', UNTIL_PHONE_READY));
  }
  return actions;
}

/** The rig's TeleService overlays back to their snapshot state, then a phone restart to read them. */
function rroPhase(before: DeviceState, now: DeviceState): DeviceAction[] {
  const wasEnabled = new Set((before.rigOverlays ?? []).filter((o) => o.state === 'enabled').map((o) => o.packageName));
  const changes: DeviceAction[] = [];
  for (const o of now.rigOverlays ?? []) {
    const enabled = o.state === 'enabled';
    if (enabled !== wasEnabled.has(o.packageName)) changes.push(shellAction(overlaySetEnabledCommand(o.packageName, !enabled), 'best-effort'));
  }
  return changes.length === 0 ? [] : [{ kind: 'root' }, ...changes, { kind: 'restart-phone' }];
}

function simPhase(before: DeviceState, now: DeviceState): DeviceAction[] {
  if (before.sims.some((s) => s.uiccEnabled !== undefined)) return stockSimPhase(before, now);
  const actions: DeviceAction[] = [];
  // SIMs in slots the snapshot did not have go first: switching the slot back off would hide them,
  // and they would reappear in the next scenario that switches it on.
  for (const extra of now.sims.filter((x) => x.present && x.slot >= before.slotCount)) actions.push(shellAction(simRemoveCommand(extra.slot === 1 ? 1 : 0), 'best-effort'));
  if (before.slotCount !== now.slotCount) actions.push(shellAction(slotsCommand(before.slotCount === 2 ? 2 : 1)));
  for (const was of before.sims) {
    const is = now.sims.find((x) => x.slot === was.slot);
    if (is && same({ ...is, state: '' }, { ...was, state: '' })) continue;
    const slot = was.slot === 1 ? 1 : 0;
    if (is?.present) actions.push(shellAction(simRemoveCommand(slot), 'best-effort'));
    if (was.present && was.file !== undefined) actions.push(shellAction(simInsertCommand(slot, was.file, was.iccid)));
  }
  return actions;
}

function carrierConfigPhase(before: DeviceState, now: DeviceState): DeviceAction[] {
  const slots = new Set<number>();
  for (const e of now.carrierConfig) {
    const was = before.carrierConfig.find((b) => b.slot === e.slot && b.key === e.key);
    if (was?.raw !== e.raw) slots.add(e.slot);
  }
  if (slots.size === 0) return [];
  // Wait for the subscription only where the snapshot had a SIM (one the restore just switched on);
  // a slot left empty has none to wait for.
  const hadSim = (slot: number): boolean => before.sims.some((x) => x.slot === slot && x.present);
  return [{ kind: 'root' }, ...[...slots].sort().map((slot) => shellAction(ccClearValuesCommand({ slot }), 'best-effort', hadSim(slot) ? UNTIL_PHONE_READY : undefined))];
}

function imsPhase(before: DeviceState, now: DeviceState): DeviceAction[] {
  const actions: DeviceAction[] = [];
  const carrierSlots = new Set<number>();
  for (const e of now.imsServices) {
    const was = before.imsServices.find((b) => b.scope === e.scope && b.slot === e.slot && b.feature === e.feature);
    if (was === undefined || was.package === e.package) continue;
    if (e.scope === 'carrier') carrierSlots.add(e.slot);
    else actions.push(shellAction(setImsServiceCommand({ slot: 0, scope: 'device', features: [e.feature], package: (was.package ?? '') as PackageName | '' }), 'prints-true'));
  }
  for (const slot of [...carrierSlots].sort()) actions.push(shellAction(clearImsServiceOverrideCommand({ slot }), 'best-effort'));
  return actions;
}

function overlayPhase(before: DeviceState, now: DeviceState): DeviceAction[] {
  if (!before.overlay || (now.overlay && same(before.overlay, now.overlay))) return [];
  return [shellAction(overlayCommand({ mmtel: before.overlay.mmtel as PackageName | '', rcs: before.overlay.rcs as PackageName | '' }))];
}

function addedSystemFiles(before: DeviceState, now: DeviceState): string[] {
  return now.systemFiles.filter((f) => !before.systemFiles.includes(f));
}

/**
 * The restore plan. `pushed`: scratch files the rig pushed (kept when a SIM of the snapshot still
 * uses one). Every action is best effort when executed: the state is read back afterwards.
 */
export function planRestore(before: DeviceState, now: DeviceState, options: { pushed?: ReadonlySet<string> } = {}): RestorePhase[] {
  const keep = new Set(before.sims.map((s) => s.file).filter((f): f is string => f !== undefined));
  const pushed = [...(options.pushed ?? [])].filter((p) => !keep.has(p) && !p.startsWith('/system/')).sort();
  const system = addedSystemFiles(before, now);
  const phases: RestorePhase[] = [
    { name: 'roles', actions: rolesPhase(before, now) },
    { name: 'apps', actions: appsPhase(before, now) },
    { name: 'system-access', actions: system.length === 0 ? [] : [{ kind: 'root' }, { kind: 'remount' }] },
    // A phone restart drops shell and in-memory carrier overrides: before those are put back.
    { name: 'teleservice-overlay', actions: rroPhase(before, now) },
    { name: 'sims', actions: simPhase(before, now) },
    { name: 'carrier-config', actions: carrierConfigPhase(before, now) },
    { name: 'ims-overrides', actions: imsPhase(before, now) },
    { name: 'overlay', actions: overlayPhase(before, now) },
    { name: 'system-files', actions: system.length === 0 ? [] : [shellAction(removePathsCommand(system))] },
    { name: 'scratch-files', actions: pushed.length === 0 ? [] : [shellAction(removePathsCommand(pushed), 'best-effort')] },
    // Staged system apps go at the boot scan that follows the removal of their files.
    { name: 'reboot', actions: system.length === 0 ? [] : [{ kind: 'reboot' }] },
  ];
  return phases.filter((p) => p.actions.length > 0);
}
