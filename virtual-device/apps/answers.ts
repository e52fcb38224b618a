/**
 * The `ims-rig.answers` grammar: what the rig's ImsService app answers to
 * querySupportedImsFeatures(), per slot — `0=EMERGENCY_MMTEL,MMTEL,RCS;1=MMTEL`; `none` or an empty
 * value (for the whole value or one slot) means no features. Pure.
 *
 * The same grammar and the same semantics as the app's code
 * (android-apps/ims-service/smali/org/imsrig/ims/Answers.smali), step by step, so the reference
 * device reads every value as a device running the DEX does (virtual-device/apps/__tests__/
 * rig-app-dex.test.ts runs both on the same table): parts are trimmed as java.lang.String#trim
 * trims (characters <= U+0020, nothing else), names are case-sensitive, and a value with any
 * malformed entry — no `=`, a slot other than 0 or 1, a numeric id, an unknown name — is rejected
 * whole with the first error, in the DEX's words.
 */
import { type FeatureSlotPair, type FeatureType } from '../telephony/ims/feature-slot-pair';

const FEATURE_BY_NAME: ReadonlyMap<string, FeatureType> = new Map([['EMERGENCY_MMTEL', 0], ['MMTEL', 1], ['RCS', 2]]);
const FEATURE_NAMES = ['EMERGENCY_MMTEL', 'MMTEL', 'RCS'] as const;

export type AnswersResult = { readonly ok: true; readonly features: FeatureSlotPair[] } | { readonly ok: false; readonly error: string };

/** java.lang.String#trim: removes characters <= U+0020 from both ends (not other white space). */
export function javaTrim(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && s.charCodeAt(start) <= 0x20) start++;
  while (end > start && s.charCodeAt(end - 1) <= 0x20) end--;
  return s.slice(start, end);
}

const badEntry = (entry: string): string => `bad slot entry "${entry}" (expected <slot>=<features>, slot 0 or 1)`;
const unknownFeature = (name: string): string => `unknown feature "${name}" (expected EMERGENCY_MMTEL, MMTEL or RCS)`;

/** One slot's list: `MMTEL,RCS`, `none` or empty; a list of feature ids, or the error. */
export function parseFeatureList(text: string): FeatureType[] | string {
  const list = javaTrim(text);
  if (list === '' || list === 'none') return [];
  const features: FeatureType[] = [];
  for (const raw of list.split(',')) {
    const name = javaTrim(raw);
    const feature = FEATURE_BY_NAME.get(name);
    if (feature === undefined) return unknownFeature(name);
    if (!features.includes(feature)) features.push(feature);
  }
  return features;
}

/** A whole value (null: the meta-data is absent, which answers no features). */
export function parseAnswers(value: string | null): AnswersResult {
  if (value === null) return { ok: true, features: [] };
  const all = javaTrim(value);
  if (all === '' || all === 'none') return { ok: true, features: [] };
  const features: FeatureSlotPair[] = [];
  for (const raw of all.split(';')) {
    const entry = javaTrim(raw);
    if (entry === '') continue;
    const eq = entry.indexOf('=');
    const slotText = eq < 0 ? undefined : javaTrim(entry.slice(0, eq));
    if (slotText !== '0' && slotText !== '1') return { ok: false, error: badEntry(entry) };
    const list = parseFeatureList(entry.slice(eq + 1));
    if (typeof list === 'string') return { ok: false, error: list };
    for (const featureType of list) {
      // ImsFeatureConfiguration is a set: a pair named twice counts once.
      if (!features.some((p) => p.slotId === Number(slotText) && p.featureType === featureType)) features.push({ slotId: Number(slotText), featureType });
    }
  }
  return { ok: true, features };
}

/** Prints features back in the same grammar (`0=MMTEL,RCS;1=MMTEL`), slot 0 and 1 as present. */
export function formatFeatures(features: readonly FeatureSlotPair[], slots: readonly number[] = [0, 1]): string {
  if (features.length === 0) return 'none';
  return slots
    .filter((s) => features.some((p) => p.slotId === s))
    .map((s) => `${s}=${features.filter((p) => p.slotId === s).map((p) => FEATURE_NAMES[p.featureType]).join(',')}`)
    .join(';');
}
