/**
 * Writes carrier-config values in the current `<carrier_config>` shape, as PersistableBundle's
 * XmlUtils#writeValueXml lays them out, for the rig to push to a device
 * (`cmd phone cc set-values-from-xml`, the reference device's `sim insert`).
 */
import { InputError } from '../errors/errors';
import { CARRIER_CONFIG_KEY_PATTERN, type CarrierConfigValue, type CarrierConfigValues } from '../model/carrier-profile';
import { type CarrierConfigType } from './carrier-config-xml';
import { escapeXmlAttribute, escapeXmlText } from './xml-escape';

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

const isInt32 = (n: number): boolean => Number.isInteger(n) && n >= INT32_MIN && n <= INT32_MAX;

/**
 * The element type a value is written as: the `types` hint when given (a parsed file's own types,
 * so a round trip keeps `<long>` a long), else CarrierConfigManager's key-suffix convention
 * (`_long`, `_double`, `_int_array`, …), else the value's JavaScript type.
 */
function typeOf(key: string, value: CarrierConfigValue, hint: CarrierConfigType | undefined): CarrierConfigType {
  if (hint !== undefined) return hint;
  if (value === null) return 'null';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') {
    if (key.endsWith('_long')) return 'long';
    if (key.endsWith('_double')) return 'double';
    if (isInt32(value)) return 'int';
    return Number.isInteger(value) ? 'long' : 'double';
  }
  for (const suffix of ['int', 'long', 'double', 'boolean', 'string'] as const) {
    if (key.endsWith(`_${suffix}_array`)) return `${suffix}-array`;
  }
  const first: unknown = value[0];
  if (typeof first === 'boolean') return 'boolean-array';
  if (typeof first === 'number') return value.every((n) => isInt32(n as number)) ? 'int-array' : 'double-array';
  return 'string-array';
}

function checkScalar(where: string, type: CarrierConfigType, v: unknown): string {
  const bad = (what: string): never => {
    throw new InputError(`${where}: ${JSON.stringify(v)} ${what}`, { field: where });
  };
  switch (type) {
    case 'string':
    case 'string-array':
      return typeof v === 'string' ? v : bad('is not a string');
    case 'boolean':
    case 'boolean-array':
      return typeof v === 'boolean' ? String(v) : bad('is not a boolean');
    case 'int':
    case 'int-array':
      return typeof v === 'number' && isInt32(v) ? String(v) : bad('is not an int');
    case 'long':
    case 'long-array':
      return typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : bad('is not a long');
    case 'double':
    case 'double-array':
      return typeof v === 'number' && Number.isFinite(v) ? String(v) : bad('is not a finite double');
    case 'null':
      return v === null ? '' : bad('is not null');
  }
}

function element(key: string, value: CarrierConfigValue, type: CarrierConfigType): string {
  const where = `carrier config ${key}`;
  const name = escapeXmlAttribute(key, where);
  if (type.endsWith('-array')) {
    if (!Array.isArray(value)) throw new InputError(`${where}: ${JSON.stringify(value)} is not an array`, { field: where });
    const items = (value as readonly unknown[]).map((v, i) => `        <item value="${escapeXmlAttribute(checkScalar(`${where}[${i}]`, type, v), where)}"/>`);
    return [`    <${type} name="${name}" num="${items.length}">`, ...items, `    </${type}>`].join('\n');
  }
  const scalar = checkScalar(where, type, value);
  if (type === 'null') return `    <null name="${name}"/>`;
  if (type === 'string') return `    <string name="${name}">${escapeXmlText(scalar, where)}</string>`;
  return `    <${type} name="${name}" value="${scalar}"/>`;
}

/**
 * Serialises `values` as a `<carrier_config>` document. Keys must match CARRIER_CONFIG_KEY_PATTERN;
 * a value that cannot be written as its type (or as XML at all) is an InputError naming the key.
 */
export function toCarrierConfigXml(values: CarrierConfigValues, types: Readonly<Record<string, CarrierConfigType>> = {}): string {
  const lines = ["<?xml version='1.0' encoding='utf-8' standalone='yes' ?>", '<carrier_config>'];
  for (const [key, value] of Object.entries(values)) {
    if (!CARRIER_CONFIG_KEY_PATTERN.test(key)) {
      throw new InputError(`carrier config key ${JSON.stringify(key)} is not a valid key name`, { field: key });
    }
    lines.push(element(key, value, typeOf(key, value, types[key])));
  }
  lines.push('</carrier_config>', '');
  return lines.join('\n');
}
