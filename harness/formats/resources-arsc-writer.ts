/**
 * Writes a minimal compiled resource table (resources.arsc) holding string resources of one
 * package in the default configuration — what a resources-only runtime resource overlay needs.
 * Layout (frameworks/base libs/androidfw/include/androidfw/ResourceTypes.h):
 *
 *   ResTable_header (RES_TABLE_TYPE 0x0002, packageCount)
 *   ResStringPool (0x0001, UTF-8) — the values
 *   ResTable_package (0x0200, id, name[128] UTF-16, typeStrings/keyStrings offsets)
 *     ResStringPool — type names ("string")
 *     ResStringPool — key names
 *     ResTable_typeSpec (0x0202) — one flags word per entry
 *     ResTable_type (0x0201) — default ResTable_config (64 bytes), entry offsets, entries
 *       ResTable_entry { size 8, flags 0, key } + Res_value { size 8, 0, TYPE_STRING 0x03, index }
 *
 * Pure; `aapt dump resources` reads the result (a test checks it when aapt is installed).
 */

const RES_STRING_POOL_TYPE = 0x0001;
const RES_TABLE_TYPE = 0x0002;
const RES_TABLE_PACKAGE_TYPE = 0x0200;
const RES_TABLE_TYPE_TYPE = 0x0201;
const RES_TABLE_TYPE_SPEC_TYPE = 0x0202;
const UTF8_FLAG = 1 << 8;
const TYPE_STRING = 0x03;
const CONFIG_SIZE = 64;
/** The application package id aapt gives an app's (and an overlay's) own resources. */
export const APP_PACKAGE_ID = 0x7f;

function align4(buffer: Buffer): Buffer {
  const pad = (4 - (buffer.length % 4)) % 4;
  return pad === 0 ? buffer : Buffer.concat([buffer, Buffer.alloc(pad)]);
}

/** A UTF-8 length as ResStringPool encodes it: one byte below 0x80, else two with the high bit set. */
function utf8Length(n: number): Buffer {
  if (n > 0x7fff) throw new RangeError(`string too long for a resource string pool: ${n}`);
  return n < 0x80 ? Buffer.from([n]) : Buffer.from([0x80 | (n >> 8), n & 0xff]);
}

/** A UTF-8 ResStringPool chunk. */
export function stringPool(strings: readonly string[]): Buffer {
  const data: Buffer[] = [];
  const offsets: number[] = [];
  let at = 0;
  for (const s of strings) {
    const bytes = Buffer.from(s, 'utf8');
    const encoded = Buffer.concat([utf8Length(s.length), utf8Length(bytes.length), bytes, Buffer.from([0])]);
    offsets.push(at);
    data.push(encoded);
    at += encoded.length;
  }
  const body = align4(Buffer.concat(data));
  const headerSize = 28;
  const stringsStart = headerSize + 4 * strings.length;
  const header = Buffer.alloc(headerSize);
  header.writeUInt16LE(RES_STRING_POOL_TYPE, 0);
  header.writeUInt16LE(headerSize, 2);
  header.writeUInt32LE(stringsStart + body.length, 4);
  header.writeUInt32LE(strings.length, 8);
  header.writeUInt32LE(0, 12); // styleCount
  header.writeUInt32LE(UTF8_FLAG, 16);
  header.writeUInt32LE(stringsStart, 20);
  header.writeUInt32LE(0, 24); // stylesStart
  const index = Buffer.alloc(4 * strings.length);
  offsets.forEach((o, i) => index.writeUInt32LE(o, 4 * i));
  return Buffer.concat([header, index, body]);
}

function chunk(type: number, header: Buffer, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt16LE(type, 0);
  head.writeUInt16LE(8 + header.length, 2);
  head.writeUInt32LE(8 + header.length + body.length, 4);
  return Buffer.concat([head, header, body]);
}

/**
 * The resource table of `packageName` with `strings` (resource name → value) as string
 * resources, in the order given (entry index i is resource 0x7f01000i).
 */
export function buildStringResourceTable(packageName: string, strings: ReadonlyArray<readonly [string, string]>): Buffer {
  const values = stringPool(strings.map(([, v]) => v));
  const typeStrings = stringPool(['string']);
  const keyStrings = stringPool(strings.map(([k]) => k));

  const specHeader = Buffer.alloc(8);
  specHeader.writeUInt8(1, 0); // type id 1 = "string"
  specHeader.writeUInt32LE(strings.length, 4);
  const typeSpec = chunk(RES_TABLE_TYPE_SPEC_TYPE, specHeader, Buffer.alloc(4 * strings.length));

  const entries = Buffer.concat(strings.map((_, i) => {
    const e = Buffer.alloc(16);
    e.writeUInt16LE(8, 0); // ResTable_entry.size
    e.writeUInt16LE(0, 2); // flags
    e.writeUInt32LE(i, 4); // key index
    e.writeUInt16LE(8, 8); // Res_value.size
    e.writeUInt8(0, 10);
    e.writeUInt8(TYPE_STRING, 11);
    e.writeUInt32LE(i, 12); // index into the global value pool
    return e;
  }));
  const offsets = Buffer.alloc(4 * strings.length);
  strings.forEach((_, i) => offsets.writeUInt32LE(16 * i, 4 * i));
  const typeHeader = Buffer.alloc(12 + CONFIG_SIZE);
  typeHeader.writeUInt8(1, 0); // id
  typeHeader.writeUInt8(0, 1); // flags
  typeHeader.writeUInt32LE(strings.length, 4);
  typeHeader.writeUInt32LE(8 + typeHeader.length + offsets.length, 8); // entriesStart
  typeHeader.writeUInt32LE(CONFIG_SIZE, 12); // ResTable_config.size; the rest is the default config
  const type = chunk(RES_TABLE_TYPE_TYPE, typeHeader, Buffer.concat([offsets, entries]));

  const packageHeader = Buffer.alloc(280);
  packageHeader.writeUInt32LE(APP_PACKAGE_ID, 0);
  const name = Buffer.from(packageName.slice(0, 127), 'utf16le');
  name.copy(packageHeader, 4);
  const headerSize = 8 + packageHeader.length;
  packageHeader.writeUInt32LE(headerSize, 260); // typeStrings
  packageHeader.writeUInt32LE(1, 264); // lastPublicType
  packageHeader.writeUInt32LE(headerSize + typeStrings.length, 268); // keyStrings
  packageHeader.writeUInt32LE(strings.length, 272); // lastPublicKey
  packageHeader.writeUInt32LE(0, 276); // typeIdOffset
  const pkg = chunk(RES_TABLE_PACKAGE_TYPE, packageHeader, Buffer.concat([typeStrings, keyStrings, typeSpec, type]));

  const tableHeader = Buffer.alloc(4);
  tableHeader.writeUInt32LE(1, 0);
  return chunk(RES_TABLE_TYPE, tableHeader, Buffer.concat([values, pkg]));
}
