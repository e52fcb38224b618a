/**
 * Argv builders for the reference device's stimulus binary `ims-rig-device` — the things a real
 * emulator has no shell for (SIM insertion, feature changes, crashes). The contract (implemented
 * by the reference device's telephony stack):
 *
 *   ims-rig-device sim insert <slot> <xml path on device> [--iccid <id>] | sim remove <slot> | sim list
 *   ims-rig-device slots <1|2> | overlay [--mmtel <pkg|"">] [--rcs <pkg|"">]
 *   ims-rig-device app features <pkg> [<slot>=<F,F…|none>]… | app behaviour <pkg> <b> | app crash <pkg> | app show <pkg>
 *   ims-rig-device phone restart | wait-idle [--timeout-ms N] | deviation
 *
 * Outputs: `OK` lines (or the data asked for); `ims-rig-device: <error>` on stderr, exit 1 (bad
 * use) or 2 (unknown package/slot).
 */
import { APP_BEHAVIOURS, IMS_FEATURES, SLOT_KEYS, type AppBehaviour, type FeaturesBySlot, type ImsFeature, type PackageName, type SlotCount, type SlotIndex } from '../model';
import { devicePath, int, lit, pkg, pkgOrEmpty, shellCommand, type ShellCommand, type ShellPart } from '../adb';
import { UnsafeValueError } from '../errors';

export const IMS_RIG_DEVICE = 'ims-rig-device';

const slotArg = (slot: SlotIndex): ShellPart => int(slot, 0, 1);

export function simInsertCommand(slot: SlotIndex, xmlOnDevice: string, iccid?: string): ShellCommand {
  if (iccid !== undefined && !/^[0-9A-Fa-f]{1,22}$/.test(iccid)) throw new UnsafeValueError(`ICCID ${JSON.stringify(iccid)} must be 1-22 hex digits`);
  return shellCommand(IMS_RIG_DEVICE, 'sim', 'insert', slotArg(slot), devicePath(xmlOnDevice), ...(iccid === undefined ? [] : ['--iccid', lit(iccid)]));
}

export function simRemoveCommand(slot: SlotIndex): ShellCommand {
  return shellCommand(IMS_RIG_DEVICE, 'sim', 'remove', slotArg(slot));
}

export function simListCommand(): ShellCommand {
  return shellCommand(IMS_RIG_DEVICE, 'sim', 'list');
}

export function slotsCommand(count: SlotCount): ShellCommand {
  return shellCommand(IMS_RIG_DEVICE, 'slots', int(count, 1, 2));
}

/** `overlay` with no options prints the current overlay; `''` clears a feature's device default. */
export function overlayCommand(overlay: { mmtel?: PackageName | ''; rcs?: PackageName | '' } = {}): ShellCommand {
  return shellCommand(IMS_RIG_DEVICE, 'overlay',
    ...(overlay.mmtel === undefined ? [] : ['--mmtel', pkgOrEmpty(overlay.mmtel)]),
    ...(overlay.rcs === undefined ? [] : ['--rcs', pkgOrEmpty(overlay.rcs)]));
}

/** `<slot>=<F,F…|none>` tokens, built from validated enum values only. */
function featureTokens(features: FeaturesBySlot): ShellPart[] {
  return SLOT_KEYS.filter((s) => features[s] !== undefined).map((s) => {
    const list = IMS_FEATURES.filter((f: ImsFeature) => (features[s] ?? []).includes(f));
    return lit(`${s}=${list.length === 0 ? 'none' : list.join(',')}`);
  });
}

/** The app's current feature set; no slots ⇒ none anywhere. */
export function appFeaturesCommand(packageName: PackageName, features: FeaturesBySlot): ShellCommand {
  return shellCommand(IMS_RIG_DEVICE, 'app', 'features', pkg(packageName), ...featureTokens(features));
}

export function appBehaviourCommand(packageName: PackageName, behaviour: AppBehaviour): ShellCommand {
  if (!(APP_BEHAVIOURS as readonly string[]).includes(behaviour)) throw new UnsafeValueError(`behaviour ${JSON.stringify(behaviour)} is not one of ${APP_BEHAVIOURS.join(', ')}`);
  return shellCommand(IMS_RIG_DEVICE, 'app', 'behaviour', pkg(packageName), lit(behaviour));
}

export function appCrashCommand(packageName: PackageName): ShellCommand {
  return shellCommand(IMS_RIG_DEVICE, 'app', 'crash', pkg(packageName));
}

export function appShowCommand(packageName: PackageName): ShellCommand {
  return shellCommand(IMS_RIG_DEVICE, 'app', 'show', pkg(packageName));
}

export function phoneRestartCommand(): ShellCommand {
  return shellCommand(IMS_RIG_DEVICE, 'phone', 'restart');
}

/**
 * `wait-idle [--timeout-ms N] [--fast-forward-ms N]`: N real ms at most; the device skips at most
 * `fastForwardMs` device ms over its own timers instead of waiting for them (0: real time only).
 */
export function waitIdleCommand(timeoutMs?: number, fastForwardMs?: number): ShellCommand {
  return shellCommand(IMS_RIG_DEVICE, 'wait-idle',
    ...(timeoutMs === undefined ? [] : ['--timeout-ms', int(timeoutMs, 0, 3_600_000)]),
    ...(fastForwardMs === undefined ? [] : ['--fast-forward-ms', int(fastForwardMs, 0, 1_000_000_000)]));
}

export function deviationCommand(): ShellCommand {
  return shellCommand(IMS_RIG_DEVICE, 'deviation');
}

/** `wait-idle` prints `idle` or `busy:<what>`. */
export function parseWaitIdle(stdout: string): { idle: true } | { idle: false; busy: string } {
  const text = stdout.trim();
  if (text === 'idle') return { idle: true };
  return { idle: false, busy: text.startsWith('busy:') ? text.slice(5) : text };
}
