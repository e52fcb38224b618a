/**
 * The element tree ims-rig reads manifests into, whether they come as text (AndroidManifest.xml as
 * written) or as Android binary XML (AXML, the form aapt compiles into an APK). Attribute values are
 * typed the way aapt types them (android.util.TypedValue / ResourceTypes.h `Res_value`), so both
 * paths yield the same tree and one manifest extractor serves both.
 */

/** Res_value::dataType numbers (frameworks/base libs/androidfw/include/androidfw/ResourceTypes.h). */
export const RES_TYPE = {
  NULL: 0x00,
  REFERENCE: 0x01,
  ATTRIBUTE: 0x02,
  STRING: 0x03,
  FLOAT: 0x04,
  DIMENSION: 0x05,
  FRACTION: 0x06,
  INT_DEC: 0x10,
  INT_HEX: 0x11,
  INT_BOOLEAN: 0x12,
  INT_COLOR_ARGB8: 0x1c,
  INT_COLOR_RGB8: 0x1d,
  INT_COLOR_ARGB4: 0x1e,
  INT_COLOR_RGB4: 0x1f,
} as const;

/** ResChunk_header::type numbers for the chunks of a binary XML file. */
export const CHUNK_TYPE = {
  STRING_POOL: 0x0001,
  XML: 0x0003,
  XML_START_NAMESPACE: 0x0100,
  XML_END_NAMESPACE: 0x0101,
  XML_START_ELEMENT: 0x0102,
  XML_END_ELEMENT: 0x0103,
  XML_CDATA: 0x0104,
  XML_RESOURCE_MAP: 0x0180,
} as const;

/** ResStringPool_header::flags bit: strings are UTF-8 (else UTF-16LE). */
export const STRING_POOL_UTF8_FLAG = 0x100;
/** The "no string" index (0xffffffff) used for absent namespaces, raw values and comments. */
export const NO_INDEX = 0xffffffff;

export type ColorForm = 'argb8' | 'rgb8' | 'argb4' | 'rgb4';

/** An attribute value as aapt compiles it. */
export type ResValue =
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'boolean'; readonly value: boolean }
  /** TYPE_INT_DEC (hex false) or TYPE_INT_HEX (hex true); `value` is the signed 32-bit number. */
  | { readonly type: 'int'; readonly value: number; readonly hex: boolean }
  | { readonly type: 'float'; readonly value: number }
  /** `value` is the 0xAARRGGBB number aapt stores (alpha filled in for the rgb forms). */
  | { readonly type: 'color'; readonly value: number; readonly form: ColorForm }
  /**
   * A resource reference. From binary XML `id` is the resource id; from text it is unknown (0)
   * and `name` is what was written ("@mipmap/ic_launcher").
   */
  | { readonly type: 'reference'; readonly id: number; readonly name?: string }
  /** Anything else (dimension, fraction, attribute reference, null): kept as the raw pair. */
  | { readonly type: 'other'; readonly dataType: number; readonly data: number };

export interface XmlAttribute {
  /** Namespace URI, or null for attributes without a prefix (`package`, `coreApp`). */
  readonly namespace: string | null;
  readonly name: string;
  /** The framework attribute resource id (android:name = 0x01010003), when there is one. */
  readonly resourceId?: number;
  /** The text as written, when kept (aapt keeps it for strings and for unprefixed attributes). */
  readonly raw?: string;
  readonly value: ResValue;
  /** Why aapt would refuse this value (text input only); the value is then kept as a string. */
  readonly problem?: string;
}

export interface XmlElement {
  readonly namespace: string | null;
  readonly name: string;
  /** 1-based line of the start tag (aapt records the same line in binary XML). */
  readonly line: number;
  /** 1-based line of the end tag (of `/>` for an empty element). */
  readonly endLine: number;
  readonly attributes: readonly XmlAttribute[];
  readonly children: readonly XmlElement[];
}

/** An element while a reader (text or binary) is still filling in its children and end line. */
export interface OpenElement {
  namespace: string | null;
  name: string;
  line: number;
  endLine: number;
  attributes: XmlAttribute[];
  children: OpenElement[];
}

/** The finished, read-only form of an element a reader built. */
export function freezeElement(e: OpenElement): XmlElement {
  return { namespace: e.namespace, name: e.name, line: e.line, endLine: e.endLine, attributes: e.attributes, children: e.children.map(freezeElement) };
}

export interface XmlNamespace {
  readonly prefix: string;
  readonly uri: string;
}

export interface XmlDocument {
  /** Namespace declarations on the root element, in document order. */
  readonly namespaces: readonly XmlNamespace[];
  readonly root: XmlElement;
}

/** The first attribute `namespace:name` of `element`, if present. */
export function findAttribute(element: XmlElement, namespace: string | null, name: string): XmlAttribute | undefined {
  return element.attributes.find((a) => a.namespace === namespace && a.name === name);
}

/** Child elements named `name` (manifest elements carry no namespace). */
export function childElements(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name && c.namespace === null);
}
