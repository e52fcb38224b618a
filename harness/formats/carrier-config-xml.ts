/**
 * Carrier-config XML as Android's CarrierConfig app reads it (packages/apps/CarrierConfig
 * DefaultCarrierConfigService#readConfigFromXml, values by PersistableBundle#restoreFromXml /
 * XmlUtils). Two shapes:
 *   current  `<carrier_config>` root holding typed values (assets/carrier_config_carrierid_*.xml);
 *   legacy   `<carrier_config_list>` holding `<carrier_config mcc=".." mnc=".." …>` fragments whose
 *            attributes filter which SIMs they apply to (assets/carrier_config_<mccmnc>.xml, vendor.xml).
 * Pure: text in, values out. Every fault is an InputError `file:line: what is wrong`.
 */
import { InputError } from '../errors/errors';
import { type CarrierConfigValue, type CarrierConfigValues, type CarrierProfile } from '../model/carrier-profile';
import { parseLocatedXml, xmlLocation, type XmlNode } from './located-xml';

/** The element names PersistableBundle writes for each value type (XmlUtils#writeValueXml). */
export const CARRIER_CONFIG_TYPES = [
  'string', 'boolean', 'int', 'long', 'double', 'null',
  'int-array', 'long-array', 'double-array', 'string-array', 'boolean-array',
] as const;
export type CarrierConfigType = (typeof CARRIER_CONFIG_TYPES)[number];

/** DefaultCarrierConfigService#checkFilters attributes. `name` is a label only, never a filter. */
export const CARRIER_CONFIG_FILTER_ATTRIBUTES = [
  'mcc', 'mnc', 'gid1', 'gid2', 'spn', 'imsi', 'device', 'vendorSku', 'hardwareSku', 'board', 'cid', 'name', 'sku',
] as const;

/** One `<carrier_config>` element: its filter attributes and the values it holds. */
export interface CarrierConfigFragment {
  readonly filters: Readonly<Record<string, string>>;
  readonly values: CarrierConfigValues;
  /** The XML type of each value, so a round trip keeps `<long>` a long. */
  readonly types: Readonly<Record<string, CarrierConfigType>>;
  /** Line of the `<carrier_config>` start tag. */
  readonly line: number;
}

export interface CarrierConfigDocument {
  readonly shape: 'current' | 'legacy';
  readonly configs: readonly CarrierConfigFragment[];
}

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

class FragmentReader {
  constructor(private readonly file: string) {}

  fail(line: number, message: string): never {
    throw new InputError(`${xmlLocation(this.file, line)}: ${message}`, { file: this.file });
  }

  /** Non-blank text where only elements belong: almost always a tag that lost its '<'. */
  rejectStrayText(node: XmlNode): void {
    const stray = node.text.trim();
    if (stray === '') return;
    const excerpt = stray.length > 60 ? `${stray.slice(0, 57)}...` : stray;
    this.fail(node.textLine ?? node.line, `unexpected text ${JSON.stringify(excerpt)} inside <${node.name}> (a tag missing its '<'?)`);
  }

  fragment(node: XmlNode): CarrierConfigFragment {
    this.rejectStrayText(node);
    const values: Record<string, CarrierConfigValue> = {};
    const types: Record<string, CarrierConfigType> = {};
    for (const child of node.children) {
      const [key, type, value] = this.value(child);
      // PersistableBundle is a map: a repeated key keeps the last value, as on the device.
      values[key] = value;
      types[key] = type;
    }
    return { filters: { ...node.attributes }, values, types, line: node.line };
  }

  private value(node: XmlNode): [string, CarrierConfigType, CarrierConfigValue] {
    const key = node.attributes.name;
    if (node.name === 'pbundle_as_map') {
      this.fail(node.line, `nested bundle <pbundle_as_map${key === undefined ? '' : ` name="${key}"`}> is not supported by ims-rig (no IMS binding key uses one)`);
    }
    if (!(CARRIER_CONFIG_TYPES as readonly string[]).includes(node.name)) {
      this.fail(node.line, `unknown value element <${node.name}> (expected one of ${CARRIER_CONFIG_TYPES.map((t) => `<${t}>`).join(', ')})`);
    }
    const type = node.name as CarrierConfigType;
    if (key === undefined || key === '') this.fail(node.line, `<${type}> has no name attribute`);
    const where = `<${type} name="${key}">`;
    if (!type.endsWith('-array') && type !== 'string' && node.children.length > 0) {
      this.fail(node.children[0]?.line ?? node.line, `${where} must be empty, found <${node.children[0]?.name ?? '?'}>`);
    }
    switch (type) {
      case 'string':
        if (node.children.length > 0) this.fail(node.children[0]?.line ?? node.line, `${where} holds text only, found <${node.children[0]?.name ?? '?'}>`);
        // XmlUtils collects the text verbatim (no trimming); entities are already decoded.
        return [key, type, node.text];
      case 'null':
        return [key, type, null];
      case 'boolean':
        return [key, type, this.boolean(node, where, this.attribute(node, 'value', where))];
      case 'int':
      case 'long':
      case 'double':
        return [key, type, this.number(node.line, where, type, this.attribute(node, 'value', where))];
      case 'int-array':
      case 'long-array':
      case 'double-array':
      case 'string-array':
      case 'boolean-array':
        return [key, type, this.array(node, type, where)];
    }
  }

  private attribute(node: XmlNode, name: string, where: string): string {
    const v = node.attributes[name];
    if (v === undefined) this.fail(node.line, `${where} has no ${name} attribute`);
    return v;
  }

  private boolean(node: XmlNode, where: string, raw: string): boolean {
    // Boolean.parseBoolean reads anything but "true" as false; a typo there silently flips a
    // setting, so ims-rig accepts only true/false (any case) and rejects the rest.
    const lower = raw.toLowerCase();
    if (lower !== 'true' && lower !== 'false') this.fail(node.line, `${where} value ${JSON.stringify(raw)} must be true or false`);
    return lower === 'true';
  }

  private number(line: number, where: string, type: 'int' | 'long' | 'double', raw: string): number {
    if (type === 'double') {
      const d = Number(raw.trim().replace(/[dDfF]$/, ''));
      if (raw.trim() === '' || !Number.isFinite(d)) this.fail(line, `${where} value ${JSON.stringify(raw)} is not a finite number`);
      return d;
    }
    // Integer.parseInt / Long.parseLong: optional sign, decimal digits, nothing else.
    if (!/^[+-]?\d+$/.test(raw)) this.fail(line, `${where} value ${JSON.stringify(raw)} is not a decimal ${type}`);
    const n = Number(raw);
    if (type === 'int' && (n < INT32_MIN || n > INT32_MAX)) this.fail(line, `${where} value ${raw} is out of range for an int`);
    if (!Number.isSafeInteger(n)) this.fail(line, `${where} value ${raw} cannot be represented exactly (beyond 2^53)`);
    return n;
  }

  private array(node: XmlNode, type: CarrierConfigType, where: string): string[] | number[] | boolean[] {
    this.rejectStrayText(node);
    const numRaw = this.attribute(node, 'num', where);
    if (!/^\d+$/.test(numRaw)) this.fail(node.line, `${where} num=${JSON.stringify(numRaw)} is not a number`);
    const num = Number(numRaw);
    const items = node.children;
    for (const item of items) {
      if (item.name !== 'item') this.fail(item.line, `${where} may hold only <item> elements, found <${item.name}>`);
    }
    // XmlUtils sizes the array from num: more items overflow it, fewer leave default entries.
    if (items.length !== num) {
      this.fail(node.line, `${where} has num="${num}" but ${items.length} <item> element${items.length === 1 ? '' : 's'}`);
    }
    const raws = items.map((item) => [item, this.attribute(item, 'value', `<item> of ${where}`)] as const);
    if (type === 'string-array') return raws.map(([, v]) => v);
    if (type === 'boolean-array') return raws.map(([item, v]) => this.boolean(item, `<item> of ${where}`, v));
    const elementType = type === 'int-array' ? 'int' : type === 'long-array' ? 'long' : 'double';
    return raws.map(([item, v]) => this.number(item.line, `<item> of ${where}`, elementType, v));
  }
}

/**
 * Parses a carrier-config XML file of either shape. An empty `<carrier_config_list />` (AOSP's
 * res/xml/vendor_defaults.xml) is valid and has no configs. `file` is used in messages only.
 */
export function parseCarrierConfigXml(text: string, file: string): CarrierConfigDocument {
  const root = parseLocatedXml(text, file);
  const reader = new FragmentReader(file);
  if (root.name === 'carrier_config') return { shape: 'current', configs: [reader.fragment(root)] };
  if (root.name !== 'carrier_config_list') {
    reader.fail(root.line, `root element is <${root.name}>; a carrier config is <carrier_config> or <carrier_config_list>`);
  }
  reader.rejectStrayText(root);
  const configs = root.children.map((child) => {
    if (child.name !== 'carrier_config') reader.fail(child.line, `<carrier_config_list> may hold only <carrier_config> elements, found <${child.name}>`);
    return reader.fragment(child);
  });
  return { shape: 'legacy', configs };
}

/** True when a fragment applies to every SIM: no filter attribute but the `name` label. */
export function isUnfiltered(fragment: CarrierConfigFragment): boolean {
  return Object.keys(fragment.filters).every((a) => a === 'name');
}

/**
 * The values a SIM of this carrier gets from the document, with no SIM identity to match filters
 * against: the unfiltered fragments, flattened in document order (later keys win), exactly as
 * readConfigFromXml putAll()s every matching fragment. Filtered fragments (mcc/mnc/gid1/…) are
 * left out — with one unfiltered fragment this is "the first unfiltered one".
 */
export function unfilteredValues(doc: CarrierConfigDocument): { values: CarrierConfigValues; types: Readonly<Record<string, CarrierConfigType>> } {
  const values: Record<string, CarrierConfigValue> = {};
  const types: Record<string, CarrierConfigType> = {};
  for (const fragment of doc.configs.filter(isUnfiltered)) {
    Object.assign(values, fragment.values);
    Object.assign(types, fragment.types);
  }
  return { values, types };
}

/**
 * Reads a carrier-config XML as a SIM profile (see `unfilteredValues` for the merge rule).
 * `file` should be the absolute path: it becomes `CarrierProfile.file`. Messages name
 * `displayFile` (default `file`).
 */
export function parseCarrierProfile(text: string, file: string, name: string, displayFile: string = file): CarrierProfile {
  return { name, file, values: unfilteredValues(parseCarrierConfigXml(text, displayFile)).values };
}

export { toCarrierConfigXml } from './carrier-config-xml-writer';
