/**
 * Everything the rig may change on a target, read back from the target: slot count, SIMs and the
 * device overlay (reference device), the ImsService configuration per slot and feature
 * (`cmd phone ims get-ims-service -c/-d`, which includes shell overrides), the IMS carrier-config
 * keys (root), installed packages and the files under /system the rig writes, and the SMS/dialer
 * role holders. Snapshot and restore work from it, and its canonical text — the *fingerprint* —
 * makes "the device is as it was" a string comparison.
 */
import { commandSequence, splitSequenceOutput, type ShellCommand } from '../adb';
import {
  ROLE_DIALER, ROLE_SMS, ccGetValueCommand, dumpsysIsubCommand, getImsServiceCommand, getRoleHoldersCommand, getpropCommand,
  listPackagesCommand, overlayListCommand, parseCcGetValue, parseDumpsysIsub, parseGetImsServiceReply, parseOverlayList, parsePackageList,
  parseRoleHolders, physicalSubscription, type CommandOutput, type ListedOverlay,
} from '../android';
import { OVERLAY_PACKAGE_PREFIX, TELESERVICE_PACKAGE } from '../formats/overlay-apk';
import { CARRIER_IMS_KEYS, IMS_FEATURES, type ImsFeature } from '../model';
import { overlayPrintCommand, parseOverlayPrint, parseSimList, parseSimStateProp, readSlotCount, simListCommand, type SimRecord } from './stimulus-output';
import { type TargetSession } from './target-session';
import { listDirCommand, parseDirListing, SYSTEM_DIRS } from './system-files';

/** Packages the Appium UiAutomator2 driver installs (cts-and-reports.md §3.3; appium-probe REPORT.md §2 rows 5, 9). */
export const UI_DRIVER_PACKAGES: readonly string[] = ['io.appium.settings', 'io.appium.uiautomator2.server', 'io.appium.uiautomator2.server.test'];

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
  /** The packages whose code lives under /data (installed apps and updates of system apps); not fingerprinted. */
  readonly dataPackages?: readonly string[];
  /** Entries of the /system directories the rig writes (priv-app, app, permissions), `dir/name`. */
  readonly systemFiles: readonly string[];
  /** The rig's TeleService runtime resource overlays and their state (`cmd overlay list com.android.phone`). */
  readonly rigOverlays?: readonly ListedOverlay[];
  readonly roles: Readonly<Record<string, readonly string[]>>;
}

export const ROLES = [ROLE_SMS, ROLE_DIALER] as const;

const MARKER = 'IMS_RIG_STATE';

/** Runs read-only queries in one shell round trip; each gets its own stdout and exit status. */
async function queries(session: TargetSession, commands: readonly ShellCommand[]): Promise<CommandOutput[]> {
  if (commands.length === 0) return [];
  const result = await session.device.shell(commandSequence(commands, MARKER), { timeoutMs: 60_000 });
  return splitSequenceOutput(result.stdout, MARKER, commands.length).map((r, i) => ({
    stdout: r.stdout, stderr: '', exitCode: r.exitCode ?? 255, command: commands[i]?.line ?? '',
  }));
}

export interface CaptureOptions {
  /**
   * The slot count the target most likely has (the last capture's, or the scenario's): the per-slot
   * queries for it go in the same round trip as the rest. A wrong guess costs a second round trip
   * (and a guess too high sends queries for a slot the target lacks, which AOSP answers with a warning).
   */
  readonly slotCount?: number;
  /** Commands to run first in the same round trip (e.g. wait-idle), their outputs returned. */
  readonly before?: readonly ShellCommand[];
  /** Commands to run last in the same round trip (e.g. a logcat dump), their outputs returned. */
  readonly after?: readonly ShellCommand[];
}

export interface Capture {
  readonly state: DeviceState;
  readonly before: readonly CommandOutput[];
  readonly after: readonly CommandOutput[];
}

/**
 * The queries that do not depend on the slot count. The reference device's stimulus tool knows its
 * SIMs and overlay; elsewhere they are read from SubscriptionManagerService (dumpsys isub), the
 * system properties and `cmd overlay list`.
 */
function globalQueries(session: TargetSession): ShellCommand[] {
  const caps = session.capabilities;
  const stimulus = session.routes.stimulusTool;
  return [
    stimulus ? simListCommand() : getpropCommand('gsm.sim.state'),
    getpropCommand('persist.radio.multisim.config'),
    stimulus ? overlayPrintCommand() : dumpsysIsubCommand(),
    listPackagesCommand({ withPaths: true }),
    overlayListCommand(TELESERVICE_PACKAGE),
    ...SYSTEM_DIRS.map(listDirCommand),
    ...ROLES.map((role) => getRoleHoldersCommand(role)),
    ...(caps.has('shell-override') ? IMS_FEATURES.map((feature) => getImsServiceCommand({ slot: 0, scope: 'device', feature })) : []),
  ];
}

/** The per-slot configuration queries for `slotCount` slots. */
function slotQueries(session: TargetSession, slotCount: number): ShellCommand[] {
  const caps = session.capabilities;
  const slots = Array.from({ length: slotCount }, (_, slot) => slot);
  return [
    ...(caps.has('shell-override') ? slots.flatMap((slot) => IMS_FEATURES.map((feature) => getImsServiceCommand({ slot, scope: 'carrier', feature }))) : []),
    ...(caps.has('carrier-config') && session.rooted ? slots.map((slot) => ccGetValueCommand({ slot })) : []),
  ];
}

/**
 * Reads the state from the target: in one round trip when `options.slotCount` is right (or the
 * target has no per-slot queries to make), else in two — what does not depend on the slot count,
 * then the per-slot configuration of the slots it has.
 */
export async function captureDeviceState(session: TargetSession, options: CaptureOptions = {}): Promise<DeviceState> {
  return (await captureWith(session, options)).state;
}

/** captureDeviceState, with the outputs of the commands run before and after in the same round trip. */
export async function captureWith(session: TargetSession, options: CaptureOptions = {}): Promise<Capture> {
  const caps = session.capabilities;
  const stimulus = session.routes.stimulusTool;
  const before = options.before ?? [];
  const after = options.after ?? [];
  const first = globalQueries(session);
  const guessed = options.slotCount === undefined ? [] : slotQueries(session, options.slotCount);
  const outs = await queries(session, [...before, ...first, ...guessed, ...after]);
  const beforeOuts = outs.slice(0, before.length);
  const [simOut, msimOut, overlayOrIsubOut, packagesOut, rroOut, ...rest] = outs.slice(before.length, before.length + first.length);
  const afterOuts = outs.slice(outs.length - after.length);
  const dirOuts = rest.slice(0, SYSTEM_DIRS.length);
  const roleOuts = rest.slice(SYSTEM_DIRS.length, SYSTEM_DIRS.length + ROLES.length);
  const deviceOuts = rest.slice(SYSTEM_DIRS.length + ROLES.length);

  const listed = stimulus ? parseSimList(simOut?.stdout ?? '') : [];
  const slotCount = listed.length > 0 ? listed.length : readSlotCount(msimOut?.stdout ?? '');
  const sims = stimulus ? listed : stockSims(overlayOrIsubOut, simOut?.stdout ?? '', slotCount);
  const overlay = stimulus ? parseOverlayPrint(overlayOrIsubOut?.stdout ?? '') : undefined;
  const rigOverlays = parseOverlayList(rroOut?.stdout ?? '').filter((o) => o.packageName.startsWith(OVERLAY_PACKAGE_PREFIX));

  const imsServices: ImsServiceEntry[] = [];
  const configured = (out: CommandOutput | undefined): string | null => {
    if (out === undefined) return null;
    const outcome = parseGetImsServiceReply(out);
    return outcome.ok ? outcome.value : null;
  };
  IMS_FEATURES.forEach((feature, i) => {
    if (caps.has('shell-override')) imsServices.push({ slot: 0, scope: 'device', feature, package: configured(deviceOuts[i]) });
  });

  const slots = Array.from({ length: slotCount }, (_, slot) => slot);
  // A guess at least as high as the truth already holds every answer needed (per slot, in slot order).
  const guess = options.slotCount ?? 0;
  const guessedOuts = outs.slice(before.length + first.length, before.length + first.length + guessed.length);
  const perFeature = caps.has('shell-override') ? IMS_FEATURES.length : 0;
  const ccStart = guess * perFeature;
  const secondOuts = guess >= slotCount
    ? [...guessedOuts.slice(0, slotCount * perFeature), ...guessedOuts.slice(ccStart, ccStart + Math.min(guessed.length - ccStart, slotCount))]
    : await queries(session, slotQueries(session, slotCount));
  const carrierOuts = secondOuts.slice(0, slots.length * perFeature);
  const ccOuts = secondOuts.slice(carrierOuts.length);
  slots.forEach((slot) => IMS_FEATURES.forEach((feature, i) => {
    if (caps.has('shell-override')) imsServices.push({ slot, scope: 'carrier', feature, package: configured(carrierOuts[slot * IMS_FEATURES.length + i]) });
  }));

  const carrierConfig: CarrierConfigEntry[] = [];
  ccOuts.forEach((out, slot) => {
    const outcome = parseCcGetValue(out);
    if (!outcome.ok) return; // no SIM in the slot: no subscription, nothing to read
    for (const entry of outcome.value) if ((CARRIER_IMS_KEYS as readonly string[]).includes(entry.key)) carrierConfig.push({ slot, key: entry.key, raw: entry.raw });
  });

  // The UI driver's own helpers (installed by the UiAutomator2 driver at its first session) are the
  // rig's tooling on the target, like adbd: not part of a scenario's world, so never restored away.
  const listedPackages = parsePackageList(packagesOut?.stdout ?? '').filter((p) => !UI_DRIVER_PACKAGES.includes(p.package));
  const packages = listedPackages.map((p) => p.package).sort();
  const dataPackages = listedPackages.filter((p) => p.path?.startsWith('/data/')).map((p) => p.package).sort();
  const systemFiles = SYSTEM_DIRS.flatMap((dir, i) => parseDirListing(dirOuts[i]?.stdout ?? '').map((n) => `${dir}/${n}`)).sort();
  const roles: Record<string, readonly string[]> = {};
  ROLES.forEach((role, i) => {
    const out = roleOuts[i];
    const outcome = out === undefined ? undefined : parseRoleHolders(out);
    roles[role] = outcome?.ok ? [...outcome.value].sort() : [];
  });
  const state: DeviceState = { slotCount, ...(overlay ? { overlay } : {}), sims, imsServices, carrierConfig, packages, dataPackages, systemFiles, rigOverlays, roles };
  return { state, before: beforeOuts, after: afterOuts };
}

/**
 * SIMs as a stock target shows them: the physical SIM of slot 0 from dumpsys isub — present
 * with its subscription, or switched off (UICC applications disabled: no subscription, the
 * subId kept so the rig can switch it on again) — the other slots from gsm.sim.state.
 */
function stockSims(isub: CommandOutput | undefined, simStateProp: string, slotCount: number): SimRecord[] {
  const fromProp = parseSimStateProp(simStateProp, slotCount);
  if (isub === undefined || isub.exitCode !== 0) return fromProp;
  const dump = parseDumpsysIsub(isub.stdout);
  return fromProp.map((sim) => {
    const physical = sim.slot === 0 ? physicalSubscription(dump, 0) : undefined;
    if (physical === undefined) return sim;
    return { slot: sim.slot, present: physical.enabled, state: dump.simStates.get(sim.slot) ?? sim.state, subId: physical.subId, uiccEnabled: physical.enabled };
  });
}

/**
 * The canonical text of a state: one fact per line, in a fixed order, no timestamps or ids that
 * change by themselves. Two captures of an untouched device give the same text.
 */
export function formatDeviceState(state: DeviceState): string {
  const lines: string[] = [`slots ${state.slotCount}`];
  if (state.overlay) lines.push(`overlay mmtel=${state.overlay.mmtel} rcs=${state.overlay.rcs}`);
  for (const sim of [...state.sims].sort((a, b) => a.slot - b.slot)) {
    if (sim.uiccEnabled === false) lines.push(`sim ${sim.slot} switched-off sub=${sim.subId ?? '?'}`);
    else lines.push(`sim ${sim.slot} ${sim.present ? `present iccid=${sim.iccid ?? '?'} sub=${sim.subId ?? '?'} file=${sim.file ?? '?'}` : 'absent'}`);
  }
  for (const o of [...(state.rigOverlays ?? [])].sort((a, b) => a.packageName.localeCompare(b.packageName))) lines.push(`rro ${o.packageName} ${o.state}`);
  for (const e of sortedIms(state.imsServices)) lines.push(`ims ${e.scope} slot=${e.slot} ${e.feature}=${e.package ?? '-'}`);
  for (const e of [...state.carrierConfig].sort((a, b) => a.slot - b.slot || a.key.localeCompare(b.key))) lines.push(`cc slot=${e.slot} ${e.key}=${e.raw}`);
  // A package whose code moved to /data (an update over a staged system app) reads differently.
  for (const p of [...state.packages].sort()) lines.push(`package ${p}${state.dataPackages?.includes(p) ? ' data' : ''}`);
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
