/**
 * The typed element tree -> Android binary XML (AXML), the form of AndroidManifest.xml inside an
 * APK. Layout per frameworks/base libs/androidfw/include/androidfw/ResourceTypes.h:
 *   ResXMLTree_header (RES_XML_TYPE)
 *   ResStringPool (UTF-16)         every name, namespace and string value
 *   ResXMLTree resource map        framework attribute ids of the first N pool strings
 *   START_NAMESPACE, START_ELEMENT/END_ELEMENT (depth first), END_NAMESPACE
 * Like aapt: attributes with a resource id come first, sorted by id (the framework's attribute
 * lookup depends on it), then the others in document order; strings keep their raw text, typed
 * `android:` values (booleans, integers) do not; line numbers are the text's.
 */
import { InputError } from '../errors/errors';
import { CHUNK_TYPE, NO_INDEX, type XmlAttribute, type XmlDocument, type XmlElement } from './binary-xml-types';
import { encodeResValue } from './binary-xml-values';

/** String pool: attribute names that carry a resource id first (they index the resource map). */
class StringPool {
  readonly strings: string[] = [];
  private readonly index = new Map<string, number>();
  private readonly attributeIndex = new Map<number, number>();

  constructor(resourceNames: ReadonlyMap<number, string>) {
    for (const [id, name] of [...resourceNames].sort(([a], [b]) => a - b)) {
      this.attributeIndex.set(id, this.strings.length);
      this.strings.push(name);
    }
  }

  get resourceIds(): number[] {
    return [...this.attributeIndex.keys()];
  }

  /** Index of an attribute name: its resource-map slot when it has an id, else a plain string. */
  attributeName(attr: XmlAttribute): number {
    return attr.resourceId === undefined ? this.of(attr.name) : (this.attributeIndex.get(attr.resourceId) ?? this.of(attr.name));
  }

  /** Index of a plain string. Never one of the resource-map slots: those mean "this attribute id". */
  of(value: string): number {
    const known = this.index.get(value);
    if (known !== undefined) return known;
    this.index.set(value, this.strings.length);
    this.strings.push(value);
    return this.strings.length - 1;
  }
}

function checkWritable(element: XmlElement, file: string, ids: Map<number, string>): void {
  for (const attr of element.attributes) {
    const where = `${file}:${element.line}: <${element.name}> ${attr.namespace === null ? '' : 'android:'}${attr.name}`;
    if (attr.problem !== undefined) throw new InputError(`${where} ${attr.problem} (aapt refuses this manifest too)`, { file });
    if (attr.value.type === 'reference' && attr.value.id === 0) {
      throw new InputError(`${where}: resource references (${attr.value.name ?? '@…'}) need aapt and the app's resources; ims-rig writes manifests without resources`, { file });
    }
    if (attr.namespace !== null && attr.resourceId === undefined) {
      throw new InputError(`${where}: ims-rig's APK writer does not know this attribute's framework resource id; build this manifest with aapt (npm run build:apks)`, { file });
    }
    if (attr.resourceId !== undefined) {
      const other = ids.get(attr.resourceId);
      if (other !== undefined && other !== attr.name) throw new InputError(`${where}: resource id clash with ${other}`, { file });
      ids.set(attr.resourceId, attr.name);
    }
  }
  for (const child of element.children) checkWritable(child, file, ids);
}

/** Attribute order aapt writes: framework attributes by id, then the rest as written. */
function orderedAttributes(element: XmlElement): XmlAttribute[] {
  const withId = element.attributes.filter((a) => a.resourceId !== undefined).sort((a, b) => (a.resourceId ?? 0) - (b.resourceId ?? 0));
  return [...withId, ...element.attributes.filter((a) => a.resourceId === undefined)];
}

/** Collects every string in the order a reader meets them, so pool order is stable. */
function internStrings(doc: XmlDocument, pool: StringPool): void {
  for (const ns of doc.namespaces) {
    pool.of(ns.prefix);
    pool.of(ns.uri);
  }
  const visit = (element: XmlElement): void => {
    if (element.namespace !== null) pool.of(element.namespace);
    pool.of(element.name);
    for (const attr of orderedAttributes(element)) {
      if (attr.namespace !== null) pool.of(attr.namespace);
      pool.attributeName(attr);
      if (rawText(attr) !== undefined) pool.of(rawText(attr) ?? '');
      if (attr.value.type === 'string') pool.of(attr.value.value);
    }
    element.children.forEach(visit);
  };
  visit(doc.root);
}

/** aapt keeps the text for string values and for unprefixed attributes; not for typed android: ones. */
function rawText(attr: XmlAttribute): string | undefined {
  if (attr.value.type === 'string') return attr.raw ?? attr.value.value;
  return attr.namespace === null ? attr.raw : undefined;
}

function encodeStringPool(strings: readonly string[]): Buffer {
  const offsets: number[] = [];
  const bodies: Buffer[] = [];
  let offset = 0;
  for (const s of strings) {
    const chars = Buffer.from(s, 'utf16le');
    const units = chars.length / 2;
    // u16 length in UTF-16 units; longer strings take two u16 with the high bit set on the first.
    const length = Buffer.alloc(units > 0x7fff ? 4 : 2);
    if (units > 0x7fff) {
      length.writeUInt16LE(0x8000 | (units >>> 16), 0);
      length.writeUInt16LE(units & 0xffff, 2);
    } else {
      length.writeUInt16LE(units, 0);
    }
    const body = Buffer.concat([length, chars, Buffer.alloc(2)]);
    offsets.push(offset);
    bodies.push(body);
    offset += body.length;
  }
  const headerSize = 28;
  const stringsStart = headerSize + 4 * strings.length;
  const unpadded = stringsStart + offset;
  const size = (unpadded + 3) & ~3;
  const out = Buffer.alloc(size);
  out.writeUInt16LE(CHUNK_TYPE.STRING_POOL, 0);
  out.writeUInt16LE(headerSize, 2);
  out.writeUInt32LE(size, 4);
  out.writeUInt32LE(strings.length, 8);
  out.writeUInt32LE(0, 12); // styleCount
  out.writeUInt32LE(0, 16); // flags: UTF-16, unsorted
  out.writeUInt32LE(stringsStart, 20);
  out.writeUInt32LE(0, 24); // stylesStart
  offsets.forEach((o, i) => out.writeUInt32LE(o, headerSize + 4 * i));
  Buffer.concat(bodies).copy(out, stringsStart);
  return out;
}

function node(type: number, line: number, ext: Buffer): Buffer {
  const header = Buffer.alloc(16);
  header.writeUInt16LE(type, 0);
  header.writeUInt16LE(16, 2);
  header.writeUInt32LE(16 + ext.length, 4);
  header.writeUInt32LE(line, 8);
  header.writeUInt32LE(NO_INDEX, 12); // comment
  return Buffer.concat([header, ext]);
}

function resourceMapChunk(ids: readonly number[]): Buffer {
  const chunk = Buffer.alloc(8 + 4 * ids.length);
  chunk.writeUInt16LE(CHUNK_TYPE.XML_RESOURCE_MAP, 0);
  chunk.writeUInt16LE(8, 2);
  chunk.writeUInt32LE(chunk.length, 4);
  ids.forEach((id, i) => chunk.writeUInt32LE(id, 8 + 4 * i));
  return chunk;
}

function u32s(...values: number[]): Buffer {
  const b = Buffer.alloc(4 * values.length);
  values.forEach((v, i) => b.writeUInt32LE(v >>> 0, 4 * i));
  return b;
}

function encodeElement(element: XmlElement, pool: StringPool, out: Buffer[]): void {
  const attrs = orderedAttributes(element);
  const ext = Buffer.alloc(20 + 20 * attrs.length);
  ext.writeUInt32LE(element.namespace === null ? NO_INDEX : pool.of(element.namespace), 0);
  ext.writeUInt32LE(pool.of(element.name), 4);
  ext.writeUInt16LE(20, 8); // attributeStart
  ext.writeUInt16LE(20, 10); // attributeSize
  ext.writeUInt16LE(attrs.length, 12);
  const special = (name: string): number => 1 + attrs.findIndex((a) => a.namespace === null && a.name === name);
  ext.writeUInt16LE(special('id'), 14);
  ext.writeUInt16LE(special('class'), 16);
  ext.writeUInt16LE(special('style'), 18);
  attrs.forEach((attr, i) => {
    const at = 20 + 20 * i;
    const raw = rawText(attr);
    const { dataType, data } = encodeResValue(attr.value, (s) => pool.of(s));
    ext.writeUInt32LE(attr.namespace === null ? NO_INDEX : pool.of(attr.namespace), at);
    ext.writeUInt32LE(pool.attributeName(attr), at + 4);
    ext.writeUInt32LE(raw === undefined ? NO_INDEX : pool.of(raw), at + 8);
    ext.writeUInt16LE(8, at + 12); // Res_value.size
    ext.writeUInt8(0, at + 14); // res0
    ext.writeUInt8(dataType, at + 15);
    ext.writeUInt32LE(data, at + 16);
  });
  out.push(node(CHUNK_TYPE.XML_START_ELEMENT, element.line, ext));
  for (const child of element.children) encodeElement(child, pool, out);
  out.push(node(CHUNK_TYPE.XML_END_ELEMENT, element.endLine,
    u32s(element.namespace === null ? NO_INDEX : pool.of(element.namespace), pool.of(element.name))));
}

/**
 * Encodes a typed element tree as binary XML.
 * @throws InputError (naming `file` and the line) for what only aapt can compile: resource
 *   references, `android:` attributes whose framework id ims-rig does not know, values aapt refuses.
 */
export function encodeBinaryXml(doc: XmlDocument, file: string): Buffer {
  const ids = new Map<number, string>();
  checkWritable(doc.root, file, ids);
  const pool = new StringPool(ids);
  internStrings(doc, pool);

  const body: Buffer[] = [];
  for (const ns of doc.namespaces) body.push(node(CHUNK_TYPE.XML_START_NAMESPACE, doc.root.line, u32s(pool.of(ns.prefix), pool.of(ns.uri))));
  encodeElement(doc.root, pool, body);
  for (const ns of [...doc.namespaces].reverse()) body.push(node(CHUNK_TYPE.XML_END_NAMESPACE, doc.root.endLine, u32s(pool.of(ns.prefix), pool.of(ns.uri))));

  const mapChunk = resourceMapChunk(pool.resourceIds);
  const content = Buffer.concat([encodeStringPool(pool.strings), mapChunk, ...body]);
  const header = Buffer.alloc(8);
  header.writeUInt16LE(CHUNK_TYPE.XML, 0);
  header.writeUInt16LE(8, 2);
  header.writeUInt32LE(8 + content.length, 4);
  return Buffer.concat([header, content]);
}
