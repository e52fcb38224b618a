/**
 * A carrier-config PersistableBundle: typed values by key, where a key may be present with a null
 * value (the three IMS package keys are, in every default bundle). Types are TelephonyShellCommand's
 * CcType names, which `cmd phone cc` prints.
 */
export type BundleValue =
  | { readonly type: 'BOOLEAN'; readonly value: boolean }
  | { readonly type: 'INT'; readonly value: number }
  | { readonly type: 'LONG'; readonly value: bigint }
  | { readonly type: 'DOUBLE'; readonly value: number }
  | { readonly type: 'STRING'; readonly value: string }
  | { readonly type: 'INT_ARRAY'; readonly value: readonly number[] }
  | { readonly type: 'LONG_ARRAY'; readonly value: readonly bigint[] }
  | { readonly type: 'DOUBLE_ARRAY'; readonly value: readonly number[] }
  | { readonly type: 'BOOLEAN_ARRAY'; readonly value: readonly boolean[] }
  | { readonly type: 'STRING_ARRAY'; readonly value: readonly (string | null)[] }
  | { readonly type: 'PERSISTABLE_BUNDLE'; readonly value: Bundle };

/** Key -> value (null: present, null-valued). Map insertion order is irrelevant (printing sorts). */
export type Bundle = Map<string, BundleValue | null>;

export function str(value: string): BundleValue {
  return { type: 'STRING', value };
}

export function bool(value: boolean): BundleValue {
  return { type: 'BOOLEAN', value };
}

export function int(value: number): BundleValue {
  return { type: 'INT', value };
}

/** PersistableBundle.putAll. */
export function putAll(target: Bundle, source: ReadonlyMap<string, BundleValue | null>): Bundle {
  for (const [k, v] of source) target.set(k, v);
  return target;
}

/** BaseBundle.getString(key): null for a missing, null or non-String value. */
export function getString(bundle: ReadonlyMap<string, BundleValue | null>, key: string): string | null {
  const v = bundle.get(key);
  return v && v.type === 'STRING' ? v.value : null;
}

/** BaseBundle.getBoolean(key, defaultValue): the default for a missing, null or non-boolean value. */
export function getBoolean(bundle: ReadonlyMap<string, BundleValue | null>, key: string, defaultValue = false): boolean {
  const v = bundle.get(key);
  return v && v.type === 'BOOLEAN' ? v.value : defaultValue;
}

// --- JSON (the device store keeps SIM carrier configs and persistent overrides) -----------------

type JsonValue = null | { t: BundleValue['type']; v: unknown };

export function bundleToJson(bundle: ReadonlyMap<string, BundleValue | null>): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const [k, v] of bundle) {
    if (v === null) out[k] = null;
    else if (v.type === 'LONG') out[k] = { t: v.type, v: v.value.toString() };
    else if (v.type === 'LONG_ARRAY') out[k] = { t: v.type, v: v.value.map((x) => x.toString()) };
    else if (v.type === 'PERSISTABLE_BUNDLE') out[k] = { t: v.type, v: bundleToJson(v.value) };
    else out[k] = { t: v.type, v: v.value };
  }
  return out;
}

export function bundleFromJson(json: unknown): Bundle {
  const bundle: Bundle = new Map();
  if (typeof json !== 'object' || json === null) return bundle;
  for (const [k, raw] of Object.entries(json as Record<string, JsonValue>)) {
    if (raw === null) {
      bundle.set(k, null);
      continue;
    }
    const v = raw.v;
    switch (raw.t) {
      case 'LONG':
        bundle.set(k, { type: 'LONG', value: BigInt(String(v)) });
        break;
      case 'LONG_ARRAY':
        bundle.set(k, { type: 'LONG_ARRAY', value: (v as string[]).map((x) => BigInt(x)) });
        break;
      case 'PERSISTABLE_BUNDLE':
        bundle.set(k, { type: 'PERSISTABLE_BUNDLE', value: bundleFromJson(v) });
        break;
      case 'BOOLEAN':
      case 'INT':
      case 'DOUBLE':
      case 'STRING':
      case 'INT_ARRAY':
      case 'DOUBLE_ARRAY':
      case 'BOOLEAN_ARRAY':
      case 'STRING_ARRAY':
        bundle.set(k, { type: raw.t, value: v } as BundleValue);
    }
  }
  return bundle;
}
