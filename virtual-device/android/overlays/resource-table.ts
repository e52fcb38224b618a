/**
 * Reads the string resources of the default configuration from a compiled resource table
 * (resources.arsc), as AssetManager would resolve `<type>/<name>` in an overlay package
 * (frameworks/base libs/androidfw ResourceTypes.h: ResTable_header, ResStringPool,
 * ResTable_package, ResTable_typeSpec, ResTable_type, ResTable_entry, Res_value). Both UTF-8 and
 * UTF-16 string pools are read; complex (bag) entries and non-default configurations are skipped.
 * Independent of the rig's writer (harness/formats): the device reads what any tool wrote.
 */

const RES_STRING_POOL_TYPE = 0x0001;
const RES_TABLE_TYPE = 0x0002;
const RES_TABLE_PACKAGE_TYPE = 0x0200;
const RES_TABLE_TYPE_TYPE = 0x0201;
const UTF8_FLAG = 1 << 8;
const FLAG_COMPLEX = 0x0001;
const TYPE_STRING = 0x03;
const NO_ENTRY = 0xffffffff;

export class ResourceTableError extends Error {}

export interface ResourceTable {
  readonly packageName: string;
  /** `string/config_ims_mmtel_package` → value, for string resources of the default configuration. */
  readonly strings: ReadonlyMap<string, string>;
}

function u16(b: Buffer, at: number): number {
  if (at + 2 > b.length) throw new ResourceTableError(`truncated at ${at}`);
  return b.readUInt16LE(at);
}

function u32(b: Buffer, at: number): number {
  if (at + 4 > b.length) throw new ResourceTableError(`truncated at ${at}`);
  return b.readUInt32LE(at);
}

function readLength8(b: Buffer, at: number): [number, number] {
  const first = b[at] ?? 0;
  return first & 0x80 ? [((first & 0x7f) << 8) | (b[at + 1] ?? 0), 2] : [first, 1];
}

function readLength16(b: Buffer, at: number): [number, number] {
  const first = u16(b, at);
  return first & 0x8000 ? [((first & 0x7fff) << 16) | u16(b, at + 2), 4] : [first, 2];
}

/** The strings of a ResStringPool chunk at `at`. */
export function readStringPool(b: Buffer, at: number): string[] {
  if (u16(b, at) !== RES_STRING_POOL_TYPE) throw new ResourceTableError(`no string pool at ${at}`);
  const count = u32(b, at + 8);
  const flags = u32(b, at + 16);
  const stringsStart = at + u32(b, at + 20);
  const indexStart = at + u16(b, at + 2);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let p = stringsStart + u32(b, indexStart + 4 * i);
    if (flags & UTF8_FLAG) {
      const [, skip] = readLength8(b, p); // length in UTF-16 units
      p += skip;
      const [bytes, skip2] = readLength8(b, p);
      p += skip2;
      out.push(b.toString('utf8', p, p + bytes));
    } else {
      const [units, skip] = readLength16(b, p);
      p += skip;
      out.push(b.toString('utf16le', p, p + 2 * units));
    }
  }
  return out;
}

function isDefaultConfig(b: Buffer, configAt: number): boolean {
  const size = u32(b, configAt);
  for (let i = configAt + 4; i < configAt + size; i++) if (b[i] !== 0) return false;
  return true;
}

export function readResourceTable(b: Buffer): ResourceTable {
  if (u16(b, 0) !== RES_TABLE_TYPE) throw new ResourceTableError('not a resource table');
  let at = u16(b, 2);
  let values: string[] = [];
  let packageName = '';
  const strings = new Map<string, string>();
  while (at < b.length) {
    const type = u16(b, at);
    const size = u32(b, at + 4);
    if (size < 8 || at + size > b.length) throw new ResourceTableError(`bad chunk size ${size} at ${at}`);
    if (type === RES_STRING_POOL_TYPE) values = readStringPool(b, at);
    else if (type === RES_TABLE_PACKAGE_TYPE) {
      packageName = b.toString('utf16le', at + 12, at + 12 + 256).replace(/\0.*$/s, '');
      readPackage(b, at, size, values, strings);
    }
    at += size;
  }
  return { packageName, strings };
}

function readPackage(b: Buffer, at: number, size: number, values: readonly string[], strings: Map<string, string>): void {
  const typeNames = readStringPool(b, at + u32(b, at + 268));
  const keyNames = readStringPool(b, at + u32(b, at + 276));
  let p = at + u16(b, at + 2);
  const end = at + size;
  while (p < end) {
    const type = u16(b, p);
    const chunkSize = u32(b, p + 4);
    if (chunkSize < 8) throw new ResourceTableError(`bad chunk size at ${p}`);
    if (type === RES_TABLE_TYPE_TYPE && isDefaultConfig(b, p + 20)) {
      const typeName = typeNames[(b[p + 8] ?? 1) - 1] ?? '?';
      const count = u32(b, p + 12);
      const entriesStart = p + u32(b, p + 16);
      const offsetsAt = p + u16(b, p + 2);
      for (let i = 0; i < count; i++) {
        const offset = u32(b, offsetsAt + 4 * i);
        if (offset === NO_ENTRY) continue;
        const e = entriesStart + offset;
        const flags = u16(b, e + 2);
        if (flags & FLAG_COMPLEX) continue;
        const key = keyNames[u32(b, e + 4)];
        const valueAt = e + u16(b, e);
        if (key !== undefined && b[valueAt + 3] === TYPE_STRING) {
          const value = values[u32(b, valueAt + 4)];
          if (value !== undefined) strings.set(`${typeName}/${key}`, value);
        }
      }
    }
    p += chunkSize;
  }
}
