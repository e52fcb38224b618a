/**
 * ResStringPool, the string table at the head of every binary XML file and of resources.arsc
 * (frameworks/base libs/androidfw/include/androidfw/ResourceTypes.h `ResStringPool_header`):
 *   u16 type (1) | u16 headerSize (28) | u32 size | u32 stringCount | u32 styleCount | u32 flags
 *   | u32 stringsStart | u32 stylesStart | u32 offsets[stringCount] | string data (4-aligned)
 * UTF-16 strings are `u16 length (0x8000: two units) | units | u16 0`; UTF-8 strings are
 * `utf16 length (1-2 bytes) | utf8 length (1-2 bytes) | bytes | 0`. Styles (rich text in
 * resources) are skipped by readers that allow them and refused by the rewriter, which could not
 * write them back. Pure.
 */

export const STRING_POOL_TYPE = 0x0001;
export const STRING_POOL_HEADER_SIZE = 28;
export const SORTED_FLAG = 0x1;
export const UTF8_FLAG = 0x100;

export interface StringPool {
  readonly strings: readonly string[];
  readonly flags: number;
  /** The chunk's size in bytes (where the next chunk starts, relative to the pool). */
  readonly size: number;
}

/**
 * Reads the pool chunk at `offset`.
 * @throws Error naming what is out of range (callers name the file).
 */
export function readStringPool(buf: Buffer, offset: number, options: { readonly allowStyles?: boolean } = {}): StringPool {
  if (offset + STRING_POOL_HEADER_SIZE > buf.length || buf.readUInt16LE(offset) !== STRING_POOL_TYPE) throw new Error(`no string pool at offset ${offset}`);
  const headerSize = buf.readUInt16LE(offset + 2);
  const size = buf.readUInt32LE(offset + 4);
  const count = buf.readUInt32LE(offset + 8);
  const styles = buf.readUInt32LE(offset + 12);
  const flags = buf.readUInt32LE(offset + 16);
  const stringsStart = buf.readUInt32LE(offset + 20);
  const end = offset + size;
  if (size < STRING_POOL_HEADER_SIZE || end > buf.length || headerSize + 4 * count > size || stringsStart > size) throw new Error('string pool offsets out of range');
  if (styles !== 0 && options.allowStyles !== true) throw new Error('string pools with styles are not supported');
  const utf8 = (flags & UTF8_FLAG) !== 0;
  const strings: string[] = [];
  for (let i = 0; i < count; i++) {
    let at = offset + stringsStart + buf.readUInt32LE(offset + headerSize + 4 * i);
    if (at >= end) throw new Error(`string ${i} out of range`);
    if (utf8) {
      at += (buf.readUInt8(at) & 0x80) !== 0 ? 2 : 1;
      let bytes = buf.readUInt8(at);
      if ((bytes & 0x80) !== 0) {
        bytes = ((bytes & 0x7f) << 8) | buf.readUInt8(at + 1);
        at += 2;
      } else {
        at += 1;
      }
      if (at + bytes > end) throw new Error(`string ${i} runs past the pool`);
      strings.push(buf.toString('utf8', at, at + bytes));
    } else {
      let units = buf.readUInt16LE(at);
      if ((units & 0x8000) !== 0) {
        units = ((units & 0x7fff) << 16) | buf.readUInt16LE(at + 2);
        at += 4;
      } else {
        at += 2;
      }
      if (at + 2 * units > end) throw new Error(`string ${i} runs past the pool`);
      strings.push(buf.toString('utf16le', at, at + 2 * units));
    }
  }
  return { strings, flags, size };
}

function utf8Length(n: number): number[] {
  if (n > 0x7fff) throw new Error(`string of ${n} bytes is too long for a UTF-8 string pool`);
  return n > 0x7f ? [0x80 | (n >> 8), n & 0xff] : [n];
}

function encodeString(s: string, utf8: boolean): Buffer {
  if (utf8) {
    const bytes = Buffer.from(s, 'utf8');
    return Buffer.concat([Buffer.from([...utf8Length(s.length), ...utf8Length(bytes.length)]), bytes, Buffer.from([0])]);
  }
  const units = s.length;
  if (units > 0x7fffffff) throw new Error('string too long');
  const head = units > 0x7fff ? [0x8000 | (units >>> 16), units & 0xffff] : [units];
  const out = Buffer.alloc(2 * head.length + 2 * units + 2);
  head.forEach((v, i) => out.writeUInt16LE(v, 2 * i));
  out.write(s, 2 * head.length, 'utf16le');
  return out;
}

/**
 * Writes a pool with `strings` in this order (indices are what the rest of the file refers to).
 * The SORTED flag is cleared: appended strings break any order; the encoding flag is kept.
 */
export function writeStringPool(strings: readonly string[], flags: number): Buffer {
  const utf8 = (flags & UTF8_FLAG) !== 0;
  const offsets = Buffer.alloc(4 * strings.length);
  const data: Buffer[] = [];
  let pos = 0;
  strings.forEach((s, i) => {
    const encoded = encodeString(s, utf8);
    offsets.writeUInt32LE(pos, 4 * i);
    data.push(encoded);
    pos += encoded.length;
  });
  data.push(Buffer.alloc((4 - (pos % 4)) % 4));
  const body = Buffer.concat(data);
  const header = Buffer.alloc(STRING_POOL_HEADER_SIZE);
  header.writeUInt16LE(STRING_POOL_TYPE, 0);
  header.writeUInt16LE(STRING_POOL_HEADER_SIZE, 2);
  header.writeUInt32LE(STRING_POOL_HEADER_SIZE + offsets.length + body.length, 4);
  header.writeUInt32LE(strings.length, 8);
  header.writeUInt32LE(0, 12);
  header.writeUInt32LE(flags & ~SORTED_FLAG, 16);
  header.writeUInt32LE(STRING_POOL_HEADER_SIZE + offsets.length, 20);
  header.writeUInt32LE(0, 24);
  return Buffer.concat([header, offsets, body]);
}
