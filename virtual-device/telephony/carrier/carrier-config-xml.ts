/**
 * Carrier-config XML as Android reads it (pure functions):
 *  - the CarrierConfig app's asset files, in the `<carrier_config>` shape or the legacy
 *    `<carrier_config_list><carrier_config>…` shape (DefaultCarrierConfigService.readConfigFromXml:
 *    every <carrier_config> element is a fragment; a fragment with filter attributes (mcc, mnc,
 *    gid1, …) only applies to a matching SIM, and the reference device's SIMs carry no such
 *    identity, so filtered fragments are skipped; an error stops reading, keeping earlier fragments);
 *  - a PersistableBundle document for `cmd phone cc set-values-from-xml` (PersistableBundle.readFromStream:
 *    the root element's children are the values).
 * Values follow XmlUtils.readThisValueXml: string, int, long, double, boolean, null, the
 * int/long/double/boolean/string arrays (`num` + `<item value=…/>`) and pbundle_as_map.
 */
import { Parser } from 'xml2js';
import { type Bundle, type BundleValue } from './bundle';
import { parseJavaDouble, parseJavaInt, parseJavaLong } from './java-numbers';

interface XmlElement {
  readonly '#name': string;
  readonly $?: Record<string, string>;
  readonly _?: string;
  readonly $$?: XmlElement[];
}

/** org.xmlpull.v1.XmlPullParserException / NumberFormatException, as Java prints them. */
export class BundleXmlError extends Error {}

function parseXml(text: string): XmlElement | null {
  let root: XmlElement | null = null;
  let failure: Error | null = null;
  const parser = new Parser({ explicitChildren: true, preserveChildrenOrder: true, explicitRoot: false, charsAsChildren: false, trim: false, normalize: false, async: false });
  parser.parseString(text, (err: Error | null, result: unknown) => {
    if (err) failure = err;
    else root = (result as XmlElement | null) ?? null;
  });
  if (failure !== null) {
    const message = (failure as Error).message;
    throw new BundleXmlError(`org.xmlpull.v1.XmlPullParserException: ${message.replace(/\n/g, ' ').trim()}`);
  }
  if (root === null) return null;
  // explicitRoot: false drops the root's name; xml2js keeps it on '#name' with explicitChildren.
  return root;
}

function children(el: XmlElement): XmlElement[] {
  return el.$$ ?? [];
}

function attr(el: XmlElement, name: string): string | undefined {
  return el.$?.[name];
}

function requireNum(el: XmlElement): number {
  const num = attr(el, 'num');
  if (num === undefined) throw new BundleXmlError(`org.xmlpull.v1.XmlPullParserException: Need num attribute in ${el['#name']}`);
  const n = parseJavaInt(num);
  if (n === null) throw new BundleXmlError(`java.lang.NumberFormatException: For input string: "${num}"`);
  return n;
}

function items(el: XmlElement): (string | undefined)[] {
  const num = requireNum(el);
  const values: (string | undefined)[] = [];
  for (const child of children(el)) {
    if (child['#name'] !== 'item') throw new BundleXmlError(`org.xmlpull.v1.XmlPullParserException: Expected item tag at: ${child['#name']}`);
    if (values.length >= num) throw new BundleXmlError(`java.lang.ArrayIndexOutOfBoundsException: length=${num}; index=${values.length}`);
    values.push(attr(child, 'value'));
  }
  return values;
}

function numberItems<T>(el: XmlElement, parse: (s: string) => T | null): T[] {
  return items(el).map((v) => {
    const parsed = v === undefined ? null : parse(v);
    if (parsed === null) throw new BundleXmlError(`java.lang.NumberFormatException: For input string: "${v ?? 'null'}"`);
    return parsed;
  });
}

function scalar<T>(el: XmlElement, parse: (s: string) => T | null): T {
  const v = attr(el, 'value');
  const parsed = v === undefined ? null : parse(v);
  if (parsed === null) throw new BundleXmlError(`java.lang.NumberFormatException: For input string: "${v ?? 'null'}"`);
  return parsed;
}

/** One value element; `undefined` = a type PersistableBundle drops (float, short, byte). */
function readValue(el: XmlElement): BundleValue | null | undefined {
  switch (el['#name']) {
    case 'null':
      return null;
    case 'string':
      return { type: 'STRING', value: el._ ?? '' };
    case 'int':
      return { type: 'INT', value: scalar(el, parseJavaInt) };
    case 'long':
      return { type: 'LONG', value: scalar(el, parseJavaLong) };
    case 'double':
      return { type: 'DOUBLE', value: scalar(el, parseJavaDouble) };
    case 'float':
    case 'short':
    case 'byte':
      scalar(el, parseJavaDouble);
      return undefined;
    case 'boolean':
      return { type: 'BOOLEAN', value: (attr(el, 'value') ?? '').toLowerCase() === 'true' };
    case 'int-array':
      return { type: 'INT_ARRAY', value: numberItems(el, parseJavaInt) };
    case 'long-array':
      return { type: 'LONG_ARRAY', value: numberItems(el, parseJavaLong) };
    case 'double-array':
      return { type: 'DOUBLE_ARRAY', value: numberItems(el, parseJavaDouble) };
    case 'boolean-array':
      return { type: 'BOOLEAN_ARRAY', value: items(el).map((v) => (v ?? '').toLowerCase() === 'true') };
    case 'string-array': {
      const values = items(el);
      const num = requireNum(el);
      const padded = [...values.map((v) => v ?? null), ...Array<null>(Math.max(0, num - values.length)).fill(null)];
      return { type: 'STRING_ARRAY', value: padded };
    }
    case 'pbundle_as_map':
      return { type: 'PERSISTABLE_BUNDLE', value: readFragment(el) };
    default:
      throw new BundleXmlError(`org.xmlpull.v1.XmlPullParserException: Unknown tag=${el['#name']}`);
  }
}

/** PersistableBundle.restoreFromXml over an element's children. */
function readFragment(el: XmlElement): Bundle {
  const bundle: Bundle = new Map();
  for (const child of children(el)) {
    const value = readValue(child);
    const name = attr(child, 'name');
    if (value === undefined || name === undefined) continue;
    bundle.set(name, value);
  }
  return bundle;
}

export interface CarrierConfigXml {
  readonly bundle: Bundle;
  /** <carrier_config> fragments applied / skipped for their filter attributes. */
  readonly fragments: number;
  readonly filteredFragments: number;
  /** What DefaultCarrierConfigService would log (Log.e(TAG, e.toString())); reading stopped there. */
  readonly error?: string;
}

/** Reads a CarrierConfig asset file (either shape). Never throws. */
export function parseCarrierConfigXml(text: string): CarrierConfigXml {
  const bundle: Bundle = new Map();
  let fragments = 0;
  let filteredFragments = 0;
  let root: XmlElement | null;
  try {
    root = parseXml(text);
  } catch (e) {
    return { bundle, fragments, filteredFragments, error: (e as Error).message };
  }
  const queue: XmlElement[] = root ? [root] : [];
  try {
    while (queue.length > 0) {
      const el = queue.shift() as XmlElement;
      if (el['#name'] === 'carrier_config') {
        if (Object.keys(el.$ ?? {}).length > 0) {
          filteredFragments++;
          continue;
        }
        for (const [k, v] of readFragment(el)) bundle.set(k, v);
        fragments++;
        continue;
      }
      queue.unshift(...children(el));
    }
  } catch (e) {
    return { bundle, fragments, filteredFragments, error: (e as Error).message };
  }
  return { bundle, fragments, filteredFragments };
}

/** PersistableBundle.readFromStream for `cc set-values-from-xml`: throws BundleXmlError. */
export function parsePersistableBundleXml(text: string): Bundle {
  const root = parseXml(text);
  return root ? readFragment(root) : new Map<string, BundleValue | null>();
}
