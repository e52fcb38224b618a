/**
 * Everything the rig may change on a target, read back from the target: slot count, SIMs and the
 * device overlay (reference device), the ImsService configuration per slot and feature
 * (`cmd phone ims get-ims-service -c/-d`, which includes shell overrides), the IMS carrier-config
 * keys (root), installed packages and the files under /system the rig writes, and the SMS/dialer
 * role holders. Snapshot and restore work from it, and its canonical text — the *fingerprint* —
 * makes "the device is as it was" a string comparison.
 */
import { type ShellCommand } from '../adb';
import {
  ROLE_DIALER, ROLE_SMS, ccGetValueCommand, getImsServiceCommand, getRoleHoldersCommand, getpropCommand,
  listPackagesCommand, parseCcGetValue, parseGetImsServiceReply, parsePackageList, parseRoleHolders,
} from '../android';
import { CARRIER_IMS_KEYS, IMS_FEATURES, type ImsFeature } from '../model';
import { overlayPrintCommand, parseOverlayPrint, parseSimList, parseSimStateProp, readSlotCount, simListCommand, type SimRecord } from './stimulus-output';
import { type TargetSession } from './target-session';
import { listDirCommand, parseDirListing, SYSTEM_DIRS } from './system-files';

export interface ImsServiceEntry {
  readonly slot: number;
  readonly scope: 'carrier' | 'device';
  readonly feature: ImsFeature;
  /** The configured package; null when none (or the query did not answer). */
  readonly package: string | null;
}

export interface CarrierConfigEntry {
  readonly slot: number;
  readonly key: string;
  /** As `cmd phone cc get-value` printed it (`null`, `"com.x"`). */
  readonly raw: string;
}

export interface DeviceState {
  readonly slotCount: number;
  /** The TeleService overlay (device-overlay targets only). */
  readonly overlay?: { readonly mmtel: string; readonly rcs: string };
  readonly sims: readonly SimRecord[];
  readonly imsServices: readonly ImsServiceEntry[];
  /** IMS carrier-config keys per slot with a SIM (carrier-config targets only). */
  readonly carrierConfig: readonly CarrierConfigEntry[];
  readonly packages: readonly string[];
  /** Entries of the /system directories the rig writes (priv-app, app, permissions), `dir/name`. */
  readonly systemFiles: readonly string[];
  readonly roles: Readonly<Record<string, readonly string[]>>;
}

export const ROLES = [ROLE_SMS, ROLE_DIALER] as const;

async function text(session: TargetSession, command: ShellCommand): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  return session.device.shell(command, { timeoutMs: 30_000 });
}

/** Reads the state from the target: ~15 round trips on a one-slot device. */
export async function captureDeviceState(session: TargetSession): Promise<DeviceState> {
  const caps = session.capabilities;
  const stimulus = caps.has('sim-control') || caps.has('device-overlay');
  const simText = stimulus ? (await text(session, simListCommand())).stdout : undefined;
  const sims = simText === undefined ? [] : parseSimList(simText);
  const slotCount = sims.length > 0 ? sims.length
    : readSlotCount((await text(session, getpropCommand('persist.radio.multisim.config'))).stdout);
  if (simText === undefined) sims.push(...parseSimStateProp((await text(session, getpropCommand('gsm.sim.state'))).stdout, slotCount));
  const overlay = caps.has('device-overlay') ? parseOverlayPrint((await text(session, overlayPrintCommand())).stdout) : undefined;

  const imsServices: ImsServiceEntry[] = [];
  if (caps.has('shell-override')) {
    const read = async (slot: number, scope: 'carrier' | 'device', feature: ImsFeature): Promise<void> => {
      const outcome = parseGetImsServiceReply(await text(session, getImsServiceCommand({ slot, scope, feature })));
      imsServices.push({ slot, scope, feature, package: outcome.ok ? outcome.value : null });
    };
    for (const feature of IMS_FEATURES) await read(0, 'device', feature);
    for (let slot = 0; slot < slotCount; slot++) for (const feature of IMS_FEATURES) await read(slot, 'carrier', feature);
  }

  const carrierConfig: CarrierConfigEntry[] = [];
  if (caps.has('carrier-config') && session.rooted) {
    for (let slot = 0; slot < slotCount; slot++) {
      const outcome = parseCcGetValue(await text(session, ccGetValueCommand({ slot })));
      if (!outcome.ok) continue; // no SIM in the slot: no subscription, nothing to read
      for (const entry of outcome.value) if ((CARRIER_IMS_KEYS as readonly string[]).includes(entry.key)) carrierConfig.push({ slot, key: entry.key, raw: entry.raw });
    }
  }

  const packages = parsePackageList((await text(session, listPackagesCommand())).stdout).map((p) => p.package).sort();
  const systemFiles: string[] = [];
  for (const dir of SYSTEM_DIRS) systemFiles.push(...parseDirListing((await text(session, listDirCommand(dir))).stdout).map((n) => `${dir}/${n}`));
  const roles: Record<string, readonly string[]> = {};
  for (const role of ROLES) {
    const outcome = parseRoleHolders(await text(session, getRoleHoldersCommand(role)));
    roles[role] = outcome.ok ? [...outcome.value].sort() : [];
  }
  return { slotCount, ...(overlay ? { overlay } : {}), sims, imsServices, carrierConfig, packages, systemFiles: systemFiles.sort(), roles };
}

/**
 * The canonical text of a state: one fact per line, in a fixed order, no timestamps or ids that
 * change by themselves. Two captures of an untouched device give the same text.
 */
export function formatDeviceState(state: DeviceState): string {
  const lines: string[] = [`slots ${state.slotCount}`];
  if (state.overlay) lines.push(`overlay mmtel=${state.overlay.mmtel} rcs=${state.overlay.rcs}`);
  for (const sim of [...state.sims].sort((a, b) => a.slot - b.slot)) {
    lines.push(`sim ${sim.slot} ${sim.present ? `present iccid=${sim.iccid ?? '?'} sub=${sim.subId ?? '?'} file=${sim.file ?? '?'}` : 'absent'}`);
  }
  for (const e of sortedIms(state.imsServices)) lines.push(`ims ${e.scope} slot=${e.slot} ${e.feature}=${e.package ?? '-'}`);
  for (const e of [...state.carrierConfig].sort((a, b) => a.slot - b.slot || a.key.localeCompare(b.key))) lines.push(`cc slot=${e.slot} ${e.key}=${e.raw}`);
  for (const p of [...state.packages].sort()) lines.push(`package ${p}`);
  for (const f of [...state.systemFiles].sort()) lines.push(`file ${f}`);
  for (const role of Object.keys(state.roles).sort()) lines.push(`role ${role}=${(state.roles[role] ?? []).join(',')}`);
  return `${lines.join('\n')}\n`;
}

function sortedIms(entries: readonly ImsServiceEntry[]): ImsServiceEntry[] {
  return [...entries].sort((a, b) => a.scope.localeCompare(b.scope) || a.slot - b.slot || IMS_FEATURES.indexOf(a.feature) - IMS_FEATURES.indexOf(b.feature));
}

/** The target's state fingerprint, read now (see formatDeviceState). */
export async function deviceStateFingerprint(session: TargetSession): Promise<string> {
  return formatDeviceState(await captureDeviceState(session));
}

/** The lines that differ between two fingerprints (`- before` / `+ after`), empty when identical. */
export function fingerprintDiff(before: string, after: string): string[] {
  const a = new Set(before.split('\n').filter((l) => l !== ''));
  const b = new Set(after.split('\n').filter((l) => l !== ''));
  return [...[...a].filter((l) => !b.has(l)).map((l) => `- ${l}`), ...[...b].filter((l) => !a.has(l)).map((l) => `+ ${l}`)];
}
