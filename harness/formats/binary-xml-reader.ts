/**
 * Android binary XML (AXML) -> the typed element tree, keeping each element's line number (which
 * @devicefarmer/adbkit-apkreader's parser reads and drops; the lint's messages need it). Handles
 * UTF-8 and UTF-16 string pools, the resource map, namespaces and CDATA (skipped), and refuses
 * anything malformed with a plain Error the callers turn into an InputError naming the file.
 * Format: frameworks/base libs/androidfw/include/androidfw/ResourceTypes.h (ResXMLTree_*).
 */
import { androidAttributeName } from './android-manifest-attributes';
import { CHUNK_TYPE, NO_INDEX, type XmlAttribute, type XmlDocument, type XmlNamespace, freezeElement, type OpenElement } from './binary-xml-types';
import { decodeResValue } from './binary-xml-values';
import { readStringPool } from './res-string-pool';
import { MAX_XML_DEPTH } from '../inputs/input-limits';

class Malformed extends Error {}

function need(condition: boolean, what: string): asserts condition {
  if (!condition) throw new Malformed(what);
}

/** True when `bytes` start like a binary XML document (RES_XML_TYPE chunk with an 8-byte header). */
export function isBinaryXml(bytes: Buffer): boolean {
  return bytes.length >= 8 && bytes.readUInt16LE(0) === CHUNK_TYPE.XML && bytes.readUInt16LE(2) === 8;
}

/** The pool's strings; its own faults become Malformed (the document's). */
function readPoolStrings(buf: Buffer, start: number): string[] {
  try {
    return [...readStringPool(buf, start, { allowStyles: true }).strings];
  } catch (e) {
    throw new Malformed(e instanceof Error ? e.message : String(e));
  }
}

/**
 * Decodes a binary XML document.
 * @throws Error describing the fault (offset and what was wrong); callers name the file.
 */
export function decodeBinaryXml(buf: Buffer): XmlDocument {
  try {
    return decode(buf);
  } catch (e) {
    if (e instanceof Malformed) throw new Error(`malformed binary XML: ${e.message}`);
    // Buffer reads past the end throw Node's own RangeError (ERR_OUT_OF_RANGE), from Node's realm —
    // not always `instanceof` this one's (under Jest it is not): said here in our words.
    if (typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'RangeError') {
      throw new Error('malformed binary XML: a chunk runs past the end of the data (truncated?)');
    }
    throw e;
  }
}

function decode(buf: Buffer): XmlDocument {
  need(isBinaryXml(buf), 'not a binary XML document (no RES_XML_TYPE header)');
  const total = buf.readUInt32LE(4);
  need(total <= buf.length, `document says ${total} bytes, has ${buf.length}`);
  let strings: string[] = [];
  let resourceIds: number[] = [];
  const namespaces: XmlNamespace[] = [];
  const stack: OpenElement[] = [];
  let root: OpenElement | undefined;
  const str = (i: number): string => {
    need(i < strings.length, `string index ${i} out of range`);
    return strings[i] ?? '';
  };
  const optStr = (i: number): string | null => (i === NO_INDEX ? null : str(i));

  for (let at = buf.readUInt16LE(2); at < total;) {
    need(at + 8 <= total, `chunk header at ${at} truncated`);
    const type = buf.readUInt16LE(at);
    const headerSize = buf.readUInt16LE(at + 2);
    const size = buf.readUInt32LE(at + 4);
    need(size >= 8 && at + size <= total, `chunk at ${at} has bad size ${size}`);
    switch (type) {
      case CHUNK_TYPE.STRING_POOL:
        strings = readPoolStrings(buf, at);
        break;
      case CHUNK_TYPE.XML_RESOURCE_MAP:
        resourceIds = [];
        for (let p = at + headerSize; p + 4 <= at + size; p += 4) resourceIds.push(buf.readUInt32LE(p));
        break;
      case CHUNK_TYPE.XML_START_NAMESPACE:
        if (stack.length === 0) namespaces.push({ prefix: optStr(buf.readUInt32LE(at + 16)) ?? '', uri: str(buf.readUInt32LE(at + 20)) });
        break;
      case CHUNK_TYPE.XML_START_ELEMENT: {
        // The element tree is frozen recursively: a limit keeps hostile nesting from overflowing the stack.
        need(stack.length < MAX_XML_DEPTH, `elements nested more than ${MAX_XML_DEPTH} deep (a manifest nests six)`);
        const line = buf.readUInt32LE(at + 8);
        const ext = at + headerSize;
        const attributeStart = buf.readUInt16LE(ext + 8);
        const attributeSize = buf.readUInt16LE(ext + 10);
        const count = buf.readUInt16LE(ext + 12);
        need(attributeSize >= 20 && ext + attributeStart + count * attributeSize <= at + size, `element at ${at}: attributes out of range`);
        const attributes: XmlAttribute[] = [];
        for (let i = 0; i < count; i++) {
          const a = ext + attributeStart + i * attributeSize;
          const nameIndex = buf.readUInt32LE(a + 4);
          const rawIndex = buf.readUInt32LE(a + 8);
          const resourceId = resourceIds[nameIndex];
          // Obfuscated APKs blank the names of framework attributes; the resource id still says which.
          const name = str(nameIndex) || (resourceId === undefined ? '' : (androidAttributeName(resourceId) ?? ''));
          attributes.push({
            namespace: optStr(buf.readUInt32LE(a)),
            name,
            ...(resourceId === undefined ? {} : { resourceId }),
            ...(rawIndex === NO_INDEX ? {} : { raw: str(rawIndex) }),
            value: decodeResValue(buf.readUInt8(a + 15), buf.readUInt32LE(a + 16), str),
          });
        }
        const element: OpenElement = {
          namespace: optStr(buf.readUInt32LE(ext)), name: str(buf.readUInt32LE(ext + 4)), line, endLine: line, attributes, children: [],
        };
        const parent = stack[stack.length - 1];
        if (parent === undefined) {
          need(root === undefined, 'more than one root element');
          root = element;
        } else {
          parent.children.push(element);
        }
        stack.push(element);
        break;
      }
      case CHUNK_TYPE.XML_END_ELEMENT: {
        const element = stack.pop();
        need(element !== undefined, `end element at ${at} without a start`);
        element.endLine = buf.readUInt32LE(at + 8);
        break;
      }
      default:
        // END_NAMESPACE, CDATA and unknown chunks carry nothing the manifest reader uses.
        break;
    }
    at += size;
  }
  need(root !== undefined, 'no root element');
  need(stack.length === 0, `${stack.length} element(s) not closed (truncated?)`);
  return { namespaces, root: freezeElement(root) };
}
