/**
 * How `cmd phone cc` names and prints carrier-config values (TelephonyShellCommand.getType /
 * ccValueToString, SVCM L2004-2071): `String.format("%-70s %-15s %s", key, TYPE, value)`, strings in
 * double quotes, arrays space separated, null as `null`; the type of a null value is inferred from
 * the key's suffix.
 */
import { type Bundle, type BundleValue } from '../carrier/bundle';
import { javaDoubleToString } from '../carrier/java-numbers';

export type CcType = BundleValue['type'] | 'UNKNOWN';

/** CC_TYPE_MAP: keys whose names do not tell their type. */
const CC_TYPE_MAP: Readonly<Record<string, CcType>> = {
  'gps.a_glonass_pos_protocol_select': 'STRING',
  'gps.es_extension_sec': 'STRING',
  'gps.gps_lock': 'STRING',
  'gps.lpp_profile': 'STRING',
  'gps.nfw_proxy_apps': 'STRING',
  'gps.supl_es': 'STRING',
  'gps.supl_host': 'STRING',
  'gps.supl_mode': 'STRING',
  'gps.supl_port': 'STRING',
  'gps.supl_ver': 'STRING',
  'gps.use_emergency_pdn_for_emergency_supl': 'STRING',
  carrier_app_no_wake_signal_config: 'STRING_ARRAY',
  carrier_app_wake_signal_config: 'STRING_ARRAY',
  call_screening_app: 'STRING',
  emailGatewayNumber: 'STRING',
  httpParams: 'STRING',
  naiSuffix: 'STRING',
  uaProfTagName: 'STRING',
  uaProfUrl: 'STRING',
  userAgent: 'STRING',
  ratchet_rat_families: 'STRING_ARRAY',
};

/** getType(): from the map, else the current value's class, else the key suffix; UNKNOWN logs an error. */
export function ccType(key: string, bundle: Bundle, onUnknown: () => void): CcType {
  const mapped = CC_TYPE_MAP[key];
  if (mapped) return mapped;
  const value = bundle.get(key);
  if (value) {
    // boolean[] is not among the types getType() recognises.
    if (value.type !== 'BOOLEAN_ARRAY') return value.type;
  } else {
    if (key.endsWith('double_array')) return 'DOUBLE_ARRAY';
    if (key.endsWith('int_array')) return 'INT_ARRAY';
    if (key.endsWith('long_array')) return 'LONG_ARRAY';
    if (key.endsWith('string')) return 'STRING';
    if (key.endsWith('string_array') || key.endsWith('strings')) return 'STRING_ARRAY';
    if (key.endsWith('bundle')) return 'PERSISTABLE_BUNDLE';
  }
  onUnknown();
  return 'UNKNOWN';
}

function valueToJavaString(value: BundleValue): string {
  switch (value.type) {
    case 'BOOLEAN':
    case 'INT':
      return String(value.value);
    case 'LONG':
      return value.value.toString();
    case 'DOUBLE':
      return javaDoubleToString(value.value);
    case 'STRING':
      return value.value;
    case 'PERSISTABLE_BUNDLE':
      return `PersistableBundle[{${[...value.value].map(([k, v]) => `${k}=${v === null ? 'null' : valueToJavaString(v)}`).join(', ')}}]`;
    case 'BOOLEAN_ARRAY':
      return '[Z@5e1e2f9';
    case 'INT_ARRAY':
      return '[I@2a7b3c1';
    case 'LONG_ARRAY':
      return '[J@4c3d2e8';
    case 'DOUBLE_ARRAY':
      return '[D@6f1a9b2';
    case 'STRING_ARRAY':
      return '[Ljava.lang.String;@3b9a7c4';
  }
}

/** ccValueToString(key, type, bundle). */
export function ccValueToString(key: string, type: CcType, bundle: Bundle): string {
  const value = bundle.get(key) ?? null;
  let text: string;
  if (value === null) {
    text = 'null';
  } else if (type === 'DOUBLE_ARRAY' && value.type === 'DOUBLE_ARRAY') {
    text = value.value.map(javaDoubleToString).join(' ');
  } else if (type === 'INT_ARRAY' && value.type === 'INT_ARRAY') {
    text = value.value.join(' ');
  } else if (type === 'LONG_ARRAY' && value.type === 'LONG_ARRAY') {
    text = value.value.map((v) => v.toString()).join(' ');
  } else if (type === 'STRING' && value.type === 'STRING') {
    text = `"${value.value}"`;
  } else if (type === 'STRING_ARRAY' && value.type === 'STRING_ARRAY') {
    text = value.value.map((v) => (v === null ? 'null' : `"${v}"`)).join(' ');
  } else {
    text = valueToJavaString(value);
  }
  return `${key.padEnd(70)} ${type.padEnd(15)} ${text}`;
}
