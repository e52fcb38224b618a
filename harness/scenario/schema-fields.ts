/**
 * Field-level schemas of the scenario YAML (DESIGN.md "Scenario files"): package names, features,
 * slots, carrier-config values. Every message is worded for `<file>: <path> <message>`.
 */
import { z } from 'zod';
import {
  CARRIER_CONFIG_KEY_PATTERN, CARRIER_IMS_KEYS, IMS_FEATURES, REGISTRATION_ID_PATTERN, UNAVAILABLE_REASONS, isValidClassName, isValidPackageName,
  type CarrierConfigValue, type ImsFeature, type PackageName, type SlotCount, type SlotIndex, type SlotKey,
} from '../model';
import { describeValue, forwardIssues } from './format-error';

const custom = z.ZodIssueCode.custom;

/** An application package name (PackageParser grammar, at least one '.'), e.g. com.oem.ims. */
export const packageNameSchema = z.string().transform((v, ctx) => {
  if (!isValidPackageName(v)) {
    ctx.addIssue({ code: custom, message: `${JSON.stringify(v)} is not a valid Android package name` });
    return z.NEVER;
  }
  return v as PackageName;
});

/** A package for `cmd phone ims set-ims-service`: '' (no override) or a name; single words allowed (CTS passes `none`). */
export const overridePackageSchema = z.string().transform((v, ctx) => {
  if (v !== '' && !isValidPackageName(v, { requireSeparator: false })) {
    ctx.addIssue({ code: custom, message: `${JSON.stringify(v)} is not a valid Android package name` });
    return z.NEVER;
  }
  return v as PackageName | '';
});

/** A device-overlay package: '' means the feature has no device default. */
export const overlayPackageSchema = z.string().transform((v, ctx) => {
  if (v !== '' && !isValidPackageName(v)) {
    ctx.addIssue({ code: custom, message: `${JSON.stringify(v)} is not a valid Android package name` });
    return z.NEVER;
  }
  return v as PackageName | '';
});

export const classNameSchema = z.string().refine(isValidClassName, (v) => ({ message: `${JSON.stringify(v)} is not a valid Java class name` }));

export const featureSchema = z.custom<ImsFeature>((v) => (IMS_FEATURES as readonly unknown[]).includes(v), (v) => ({
  message: `must be one of ${IMS_FEATURES.join(', ')} (got ${describeValue(v)})`,
}));
export const featureListSchema = z.array(featureSchema);

export const slotIndexSchema = z.custom<SlotIndex>((v) => v === 0 || v === 1, { message: 'must be 0 or 1' });
export const slotCountSchema = z.custom<SlotCount>((v) => v === 1 || v === 2, { message: 'must be 1 or 2' });

/** A record keyed by slot ("0", "1"; YAML may write them unquoted). */
export function slotRecord<T extends z.ZodTypeAny>(value: T) {
  return z.record(
    z.custom<SlotKey>((k) => k === '0' || k === '1', { message: 'is not a slot (slots are "0" and "1")' }),
    value,
  );
}

/** Features per slot, as `answers` and `setFeatures` write them: { "0": [MMTEL, RCS] }. */
export const featuresBySlotSchema = slotRecord(featureListSchema);

/** Android permission names as <uses-permission> writes them (android.permission.READ_CONTACTS). */
export const permissionNameSchema = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)+$/, 'is not a valid permission name');
/** PackageManager system feature names (android.hardware.telephony.ims.singlereg). */
export const systemFeatureSchema = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)+$/, 'is not a valid system feature name');

/** A carrier-config value in YAML: scalar, null (clears the key) or a list of one scalar type. */
const carrierValueSchema = z.unknown().transform((v, ctx): CarrierConfigValue => {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (Array.isArray(v)) {
    const kinds = new Set(v.map((x) => typeof x));
    if (kinds.size <= 1 && [...kinds].every((k) => k === 'string' || k === 'number' || k === 'boolean')) {
      return v as string[] | number[] | boolean[];
    }
    ctx.addIssue({ code: custom, message: 'must be a list of strings, of numbers or of booleans' });
    return z.NEVER;
  }
  ctx.addIssue({ code: custom, message: `must be a string, number, boolean, null or list (got ${describeValue(v)})` });
  return z.NEVER;
});

/** Checks one carrier-config entry: key grammar, and the IMS package keys hold a package, '' or null. */
export function carrierEntryProblem(key: string, value: CarrierConfigValue): string | undefined {
  if (!CARRIER_CONFIG_KEY_PATTERN.test(key)) return 'is not a valid carrier-config key';
  if ((CARRIER_IMS_KEYS as readonly string[]).includes(key) && value !== null) {
    if (typeof value !== 'string') return `must be a package name, "" or null (got ${describeValue(value)})`;
    if (value !== '' && !isValidPackageName(value)) return `${JSON.stringify(value)} is not a valid Android package name`;
  }
  return undefined;
}

/** An inline carrier-config map: { config_ims_rcs_package_override_string: com.x, … }. */
export const carrierValuesSchema = z.record(z.string(), carrierValueSchema).superRefine((values, ctx) => {
  for (const [key, value] of Object.entries(values)) {
    const problem = carrierEntryProblem(key, value);
    if (problem) ctx.addIssue({ code: custom, path: [key], message: problem });
  }
});

/**
 * A field that is either a string (a name or a path) or a map, written by hand instead of
 * z.union so a bad map reports its own field, not "invalid input".
 */
export function stringOrMap<T extends z.ZodTypeAny>(map: T, what: string, options: { nullable?: boolean } = {}) {
  return z.unknown().transform((v, ctx): string | z.output<T> | null => {
    if (typeof v === 'string' && v !== '') return v;
    if (v === null && options.nullable) return null;
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
      const r = map.safeParse(v);
      if (r.success) return r.data as z.output<T>;
      forwardIssues(ctx, r.error, map);
      return z.NEVER;
    }
    ctx.addIssue({ code: custom, message: `must be ${what} (got ${describeValue(v)})` });
    return z.NEVER;
  });
}

/** A carrier for a SIM: profile name, XML path (relative to the scenario) or inline values. */
export const carrierSourceSchema = stringOrMap(carrierValuesSchema, 'a carrier profile name, a path to a carrier-config XML or a map of carrier-config values');

/** A registration's name in state-callback steps (REGISTRATION_ID_PATTERN: it travels to the observer app). */
export const registrationIdSchema = z.string().regex(REGISTRATION_ID_PATTERN, 'must be a lower-case word of letters, digits and "-" (at most 24), starting with a letter, e.g. mmtel0');

/** The features a state callback is registered for (ImsMmTelManager, ImsRcsManager; EMERGENCY_MMTEL has no manager). */
export const stateCallbackFeatureSchema = z.enum(['MMTEL', 'RCS']);

/** A pinned last callback: onAvailable, onUnavailable, onUnavailable(<REASON>), onError, or observe (not documented). */
export const callbackPinSchema = z.string().refine((v) => ['onAvailable', 'onUnavailable', 'onError', 'observe'].includes(v) || UNAVAILABLE_REASONS.some((r) => v === `onUnavailable(${r})`), (v) => ({
  message: `must be onAvailable, onUnavailable, onUnavailable(<reason>) with a reason of ${UNAVAILABLE_REASONS.join(', ')}, onError or observe (got ${JSON.stringify(v)})`,
}));
