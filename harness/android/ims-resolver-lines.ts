/**
 * Parsers for the single lines ImsResolver's dump is made of (aosp-imsresolver.md §4). Each
 * parser has a sample of the text it reads above its regex. Pure.
 */
import { featureFromId, isImsFeature, type ImsFeature } from '../model';

/** A (slot, feature) pair as the framework reports it. */
export interface FeatureSlot {
  readonly slot: number;
  readonly feature: ImsFeature;
}

export interface ComponentName {
  readonly package: string;
  /** Fully qualified class (ComponentName.toString prints the full class, not the `.Short` form). */
  readonly className: string;
}

/** `ComponentInfo{com.oem.ims/com.oem.ims.OemImsService}` (ComponentName.toString). */
const COMPONENT = /ComponentInfo\{([^/}\s]+)\/([^}\s]+)\}/;

export function parseComponent(text: string): ComponentName | undefined {
  const m = COMPONENT.exec(text);
  if (!m?.[1] || !m[2]) return undefined;
  return { package: m[1], className: m[2].startsWith('.') ? m[1] + m[2] : m[2] };
}

/** FEATURE_LOG_MAP names (Android 11+), or the bare ImsFeature number older builds printed. */
function toFeature(token: string): ImsFeature | undefined {
  if (isImsFeature(token)) return token;
  return /^\d+$/.test(token) ? featureFromId(Number(token)) : undefined;
}

/**
 * ImsFeatureConfiguration.FeatureSlotPair.toString inside a Java Set's toString:
 *   `[{s=0, f=EMERGENCY_MMTEL}, {s=0, f=MMTEL}, {s=1, f=RCS}]`   (Android 11+)
 *   `[{s=0, f=1}, {s=0, f=2}]`                                    (Android 9/10 builds printed the number)
 * Unknown feature names (`f=null`) are dropped.
 */
export function parseFeatureSlotPairs(text: string): FeatureSlot[] {
  const out: FeatureSlot[] = [];
  for (const m of text.matchAll(/\{s=(\d+), ?f=([A-Z_]+|\d+|null)\}/g)) {
    const feature = toFeature(m[2] ?? '');
    if (feature !== undefined) out.push({ slot: Number(m[1]), feature });
  }
  return out;
}

/**
 * ImsResolver.printFeatures: `features: [{0,MMTEL}{0,RCS}]` (no separators), numbers on old builds.
 */
export function parsePrintedFeatures(text: string): FeatureSlot[] {
  const out: FeatureSlot[] = [];
  for (const m of text.matchAll(/\{(\d+),([A-Z_]+|\d+|null)\}/g)) {
    const feature = toFeature(m[2] ?? '');
    if (feature !== undefined) out.push({ slot: Number(m[1]), feature });
  }
  return out;
}

export interface CachedImsService {
  readonly component: ComponentName;
  readonly featureFromMetadata: boolean;
  readonly features: readonly FeatureSlot[];
  /** Android 15 QPR2 / main (ims_resolver_user_aware): `user=[UserHandle{0}]`. */
  readonly users?: string;
  readonly raw: string;
}

/**
 * ImsServiceInfo.toString:
 *   A11–A15: `[ImsServiceInfo] name=ComponentInfo{com.x/com.x.ImsSvc}, featureFromMetadata=false, features: [{0,MMTEL}{0,RCS}]`
 *   main:    `[ImsServiceInfo] name=ComponentInfo{com.x/com.x.ImsSvc}, user=[UserHandle{0}],featureFromMetadata=true, features: [{0,MMTEL}]`
 */
const SERVICE_INFO = /^\[ImsServiceInfo\] name=(ComponentInfo\{[^}]*\}),(?: user=(\[[^\]]*\]),)? ?featureFromMetadata=(true|false),\s*features: \[(.*)\]\s*$/;

export function parseCachedImsService(line: string): CachedImsService | undefined {
  const m = SERVICE_INFO.exec(line.trim());
  const component = m ? parseComponent(m[1] ?? '') : undefined;
  if (!m || !component) return undefined;
  return {
    component,
    featureFromMetadata: m[3] === 'true',
    features: parsePrintedFeatures(m[4] ?? ''),
    ...(m[2] === undefined ? {} : { users: m[2] }),
    raw: line.trim(),
  };
}

export interface ActiveController {
  readonly component: ComponentName;
  readonly features: readonly FeatureSlot[];
  readonly isBinding: boolean;
  readonly isBound: boolean;
  readonly rebindDelayMs?: number;
  /** main only: `boundUser=UserHandle{0}`. */
  readonly boundUser?: string;
  /** main only: `slotToSubIdMap={0=1, 1=-1}`. */
  readonly slotToSubId?: Readonly<Record<number, number>>;
  /** The controller's LocalLog lines printed under it (binding …, onServiceConnectedInternal, …). */
  readonly log: readonly string[];
  readonly raw: string;
}

/**
 * ImsServiceController.toString (also ImsServiceControllerCompat):
 *   A11–A15: `[ImsServiceController: componentName=ComponentInfo{com.x/com.x.S}, features=[{s=0, f=MMTEL}],
 *             isBinding=false, isBound=true, serviceController=android.telephony.ims.aidl.IImsServiceController$Stub$Proxy@5e1b3c2, rebindDelay=2000]`
 *   main:    `[ImsServiceController: componentName=…, boundUser=UserHandle{0}, features=[…], isBinding=…, isBound=…,
 *             serviceController=…, rebindDelay=…, slotToSubIdMap={0=1}]`
 */
const CONTROLLER = /^\[ImsServiceController: componentName=(ComponentInfo\{[^}]*\}),(?: boundUser=([^,]*),)? features=\[(.*?)\], isBinding=(true|false), isBound=(true|false)(.*)\]\s*$/;

export function parseActiveController(line: string, log: readonly string[] = []): ActiveController | undefined {
  const m = CONTROLLER.exec(line.trim());
  const component = m ? parseComponent(m[1] ?? '') : undefined;
  if (!m || !component) return undefined;
  const tail = m[6] ?? '';
  const delay = /rebindDelay=(-?\d+)/.exec(tail)?.[1];
  const subs = /slotToSubIdMap=\{([^}]*)\}/.exec(tail)?.[1];
  return {
    component,
    features: parseFeatureSlotPairs(`[${m[3] ?? ''}]`),
    isBinding: m[4] === 'true',
    isBound: m[5] === 'true',
    ...(delay === undefined ? {} : { rebindDelayMs: Number(delay) }),
    ...(m[2] === undefined ? {} : { boundUser: m[2].trim() }),
    ...(subs === undefined ? {} : { slotToSubId: parseIntMap(subs) }),
    log,
    raw: line.trim(),
  };
}

/** SparseIntArray.toString body: `0=1, 1=-1`. */
function parseIntMap(body: string): Record<number, number> {
  const out: Record<number, number> = {};
  for (const m of body.matchAll(/(-?\d+)=(-?\d+)/g)) out[Number(m[1])] = Number(m[2]);
  return out;
}

/** Device configuration line: `MMTEL -> com.oem.ims` (empty or `null` when unset). */
export function parseDeviceConfigLine(line: string): { feature: ImsFeature; package: string } | undefined {
  const m = /^([A-Z_]+|\d+) ->\s?(.*)$/.exec(line.trim());
  const feature = m ? toFeature(m[1] ?? '') : undefined;
  if (!m || !feature) return undefined;
  const pkg = (m[2] ?? '').trim();
  return { feature, package: pkg === 'null' ? '' : pkg };
}

/** Carrier / Bound Features heading: `slot=0, feature=MMTEL: ` (trailing space in AOSP). */
export function parseSlotFeatureHeading(line: string): FeatureSlot | undefined {
  const m = /^slot=(\d+), feature=([A-Z_]+|\d+|\?):\s*$/.exec(line.trim() + ' ');
  const feature = m ? toFeature(m[2] ?? '') : undefined;
  return m && feature ? { slot: Number(m[1]), feature } : undefined;
}
