/**
 * The `ims-rig.answers` meta-data grammar: what a fixture ImsService answers to
 * querySupportedImsFeatures(), per slot — `0=EMERGENCY_MMTEL,MMTEL,RCS;1=MMTEL`; `none` or an empty
 * value (for the whole value or one slot) means no features. Pure.
 */
import { type FeatureSlotPair, type FeatureType } from '../telephony/ims/feature-slot-pair';

const FEATURE_BY_NAME: Readonly<Record<string, FeatureType>> = { EMERGENCY_MMTEL: 0, MMTEL: 1, RCS: 2 };
const FEATURE_NAMES = ['EMERGENCY_MMTEL', 'MMTEL', 'RCS'] as const;

export type AnswersResult = { readonly ok: true; readonly features: FeatureSlotPair[] } | { readonly ok: false; readonly error: string };

/** Parses one slot's list: `MMTEL,RCS`, `none` or empty. */
export function parseFeatureList(text: string): FeatureType[] | string {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === 'none') return [];
  const features: FeatureType[] = [];
  for (const name of trimmed.split(',').map((s) => s.trim())) {
    const feature = FEATURE_BY_NAME[name];
    if (feature === undefined) return `unknown feature "${name}" (expected EMERGENCY_MMTEL, MMTEL or RCS)`;
    if (!features.includes(feature)) features.push(feature);
  }
  return features;
}

/** Parses a whole answers value. Slots must be 0 or 1. */
export function parseAnswers(value: string): AnswersResult {
  const trimmed = value.trim();
  if (trimmed === '' || trimmed === 'none') return { ok: true, features: [] };
  const features: FeatureSlotPair[] = [];
  for (const part of trimmed.split(';')) {
    if (part.trim() === '') continue;
    const match = /^\s*([01])\s*=(.*)$/.exec(part);
    if (!match) return { ok: false, error: `bad slot entry "${part.trim()}" (expected <slot>=<features>, slot 0 or 1)` };
    const list = parseFeatureList(match[2] ?? '');
    if (typeof list === 'string') return { ok: false, error: list };
    for (const featureType of list) features.push({ slotId: Number(match[1]), featureType });
  }
  return { ok: true, features };
}

/** Prints features back in the same grammar (`0=MMTEL,RCS;1=none`), slot 0 and 1 as present. */
export function formatFeatures(features: readonly FeatureSlotPair[], slots: readonly number[] = [0, 1]): string {
  if (features.length === 0) return 'none';
  return slots
    .filter((s) => features.some((p) => p.slotId === s))
    .map((s) => `${s}=${features.filter((p) => p.slotId === s).map((p) => FEATURE_NAMES[p.featureType]).join(',')}`)
    .join(';');
}
