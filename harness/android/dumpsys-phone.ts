/**
 * `dumpsys phone` → what the framework has bound: the rig's eyes on the device.
 *
 * PhoneGlobals.dump prints `ImsResolver:` and, indented, ImsResolver.dump's own block, which
 * starts with `ImsResolver:` again (aosp-imsresolver.md §4):
 *
 *   ImsResolver:
 *     ImsResolver:
 *       Configurations:
 *         Device:
 *           MMTEL -> com.oem.ims
 *         Carrier: 
 *           slot=0, feature=MMTEL: 
 *             none
 *       Bound Features:                 (Android 11 only)
 *       Cached ImsServices:
 *         [ImsServiceInfo] name=ComponentInfo{…}, featureFromMetadata=true, features: [{0,MMTEL}]
 *       Active controllers:
 *         [ImsServiceController: componentName=ComponentInfo{…}, features=[{s=0, f=MMTEL}], isBinding=false, isBound=true, …]
 *           <controller LocalLog lines>
 *       Connection Repository Log:      (Android 12+)
 *       Event Log:
 *
 * The observed cell (slot, feature) is the package of every *bound* active controller whose
 * feature set holds the pair (DESIGN.md results.json "observed"); several ⇒ the list. Pure.
 */
import { emptySlotBindings, IMS_FEATURES, slotKey, type BindingCell, type BindingTable, type ImsFeature, type SlotBindings, type SlotKey } from '../model';
import { shellCommand, type ShellCommand } from '../adb';
import { buildIndentTree, child, childTexts, type IndentNode } from './indent-tree';
import {
  parseActiveController, parseCachedImsService, parseDeviceConfigLine, parseSlotFeatureHeading,
  type ActiveController, type CachedImsService,
} from './ims-resolver-lines';

export function dumpsysPhoneCommand(): ShellCommand {
  return shellCommand('dumpsys', 'phone');
}

/** Which dump layout was read: Android 11 (Bound Features), 12–15, or 15 QPR2/main (user-aware). */
export type ImsResolverDumpLayout = 'android-11' | 'android-12-15' | 'user-aware';

export interface ImsResolverDump {
  readonly found: true;
  readonly layout: ImsResolverDumpLayout;
  /** Device configuration (TeleService overlay, incl. `-d` overrides): '' when unset. */
  readonly device: Readonly<Partial<Record<ImsFeature, string>>>;
  /** Carrier configuration per slot (incl. `-c` overrides): null when `none`. */
  readonly carrier: Readonly<Partial<Record<SlotKey, Readonly<Partial<Record<ImsFeature, string | null>>>>>>;
  /** Android 11's per-(slot, feature) controller map, as packages (null: none). */
  readonly boundFeatures?: Readonly<Partial<Record<SlotKey, Readonly<Partial<Record<ImsFeature, string | null>>>>>>;
  readonly cachedServices: readonly CachedImsService[];
  readonly controllers: readonly ActiveController[];
  readonly repositoryLog: readonly string[];
  readonly eventLog: readonly string[];
  /** The observed binding table (bound controllers only). */
  readonly observed: BindingTable;
  /** A controller is binding but not bound yet: the framework has not settled. */
  readonly pending: boolean;
  /** The ImsResolver block exactly as the target printed it (evidence). */
  readonly excerpt: string;
  /** Lines inside known sections that no parser understood (a format we do not know yet). */
  readonly unparsed: readonly string[];
}

export interface ImsResolverNotFound {
  readonly found: false;
  readonly reason: string;
}

export type ImsResolverDumpResult = ImsResolverDump | ImsResolverNotFound;

export interface ParseDumpOptions {
  /** Slots the device has; default: the slots the Carrier configuration lists (at least 1). */
  readonly slotCount?: number;
}

/** Locates the inner `ImsResolver:` header: the one whose first child is `Configurations:`. */
function findBlock(lines: readonly string[]): { start: number; end: number } | undefined {
  for (let i = 0; i < lines.length; i++) {
    if ((lines[i] ?? '').trim() !== 'ImsResolver:') continue;
    const indent = (lines[i] ?? '').search(/\S/);
    let j = i + 1;
    while (j < lines.length && (lines[j] ?? '').trim() === '') j++;
    const next = lines[j] ?? '';
    if (next.trim() !== 'Configurations:' || next.search(/\S/) <= indent) continue;
    let end = j;
    while (end < lines.length) {
      const l = lines[end] ?? '';
      if (l.trim() !== '' && l.search(/\S/) <= indent) break;
      end++;
    }
    while (end > i && (lines[end - 1] ?? '').trim() === '') end--;
    return { start: i, end };
  }
  return undefined;
}

function notFoundReason(text: string): string {
  const denial = /Permission Denial: can't dump Phone[^\n]*/.exec(text)?.[0];
  if (denial) return denial.trim();
  if (/Can't find service: phone/.test(text)) return 'the target has no phone service (dumpsys: Can\'t find service: phone)';
  if (/^\s*ImsResolver:\s*$/m.test(text)) return 'ImsResolver printed no configuration (ImsResolver not created: no android.hardware.telephony.ims feature?)';
  return 'dumpsys phone has no ImsResolver block (no android.hardware.telephony.ims feature, or Android 10 and older, which did not dump it)';
}

type SlotTable<T> = Partial<Record<SlotKey, Partial<Record<ImsFeature, T>>>>;

function readSlotFeatureSection<T>(section: IndentNode | undefined, value: (text: string | undefined) => T, unparsed: string[]): SlotTable<T> {
  const table: SlotTable<T> = {};
  for (const heading of section?.children ?? []) {
    const pair = parseSlotFeatureHeading(heading.text);
    if (!pair || pair.slot > 1) {
      unparsed.push(heading.text.trimEnd());
      continue;
    }
    const row = (table[slotKey(pair.slot as 0 | 1)] ??= {});
    row[pair.feature] = value(heading.children[0]?.text.trim());
  }
  return table;
}

function toCell(packages: readonly string[]): BindingCell {
  const unique = [...new Set(packages)].sort();
  if (unique.length === 0) return null;
  return unique.length === 1 ? (unique[0] as string) : unique;
}

/** Observed table from the active controllers: bound ones only, every (slot, feature) they hold. */
export function observedFromControllers(controllers: readonly ActiveController[], slotCount: number): BindingTable {
  const table: Partial<Record<SlotKey, SlotBindings>> = {};
  for (let slot = 0; slot < Math.min(Math.max(slotCount, 1), 2); slot++) {
    const row = emptySlotBindings();
    for (const feature of IMS_FEATURES) {
      row[feature] = toCell(controllers.filter((c) => c.isBound && c.features.some((p) => p.slot === slot && p.feature === feature)).map((c) => c.component.package));
    }
    table[slotKey(slot as 0 | 1)] = row;
  }
  return table;
}

export function parseDumpsysPhone(text: string, options: ParseDumpOptions = {}): ImsResolverDumpResult {
  const lines = text.split(/\r?\n/);
  const block = findBlock(lines);
  if (!block) return { found: false, reason: notFoundReason(text) };
  const blockLines = lines.slice(block.start, block.end);
  const root = buildIndentTree(blockLines, block.start)[0] as IndentNode;
  const unparsed: string[] = [];

  const configurations = child(root, 'Configurations:');
  const device: Partial<Record<ImsFeature, string>> = {};
  for (const line of childTexts(child(configurations, 'Device:'))) {
    const entry = parseDeviceConfigLine(line);
    if (entry) device[entry.feature] = entry.package;
    else unparsed.push(line);
  }
  const carrier = readSlotFeatureSection(child(configurations, 'Carrier:'), (t) => (t === undefined || t === 'none' ? null : t), unparsed);

  const boundSection = child(root, 'Bound Features:');
  const boundFeatures = boundSection
    ? readSlotFeatureSection(boundSection, (t) => (t === undefined || t === 'none' ? null : parseActiveController(t)?.component.package ?? t), unparsed)
    : undefined;

  const cachedServices: CachedImsService[] = [];
  for (const line of childTexts(child(root, 'Cached ImsServices:'))) {
    const info = parseCachedImsService(line);
    if (info) cachedServices.push(info);
    else unparsed.push(line);
  }

  const controllers: ActiveController[] = [];
  for (const node of child(root, 'Active controllers:')?.children ?? []) {
    const controller = parseActiveController(node.text, node.children.map((c) => c.text.trimEnd()));
    if (controller) controllers.push(controller);
    else unparsed.push(node.text.trimEnd());
  }

  const carrierSlots = Object.keys(carrier).length;
  const featureSlots = Math.max(0, ...controllers.flatMap((c) => c.features.map((p) => p.slot + 1)));
  const slotCount = options.slotCount ?? Math.max(carrierSlots, featureSlots, 1);
  const layout: ImsResolverDumpLayout = boundSection ? 'android-11'
    : controllers.some((c) => c.boundUser !== undefined) || cachedServices.some((s) => s.users !== undefined) ? 'user-aware' : 'android-12-15';

  return {
    found: true,
    layout,
    device,
    carrier,
    ...(boundFeatures === undefined ? {} : { boundFeatures }),
    cachedServices,
    controllers,
    repositoryLog: childTexts(child(root, 'Connection Repository Log:')),
    eventLog: childTexts(child(root, 'Event Log:')),
    observed: observedFromControllers(controllers, slotCount),
    pending: controllers.some((c) => c.isBinding && !c.isBound),
    excerpt: blockLines.join('\n'),
    unparsed,
  };
}
