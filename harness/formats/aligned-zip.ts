/**
 * An APK's zip, written the way `zipalign -p 4` leaves one: every entry STORED (uncompressed), its
 * data 4-byte aligned by the alignment extra field Android's zipalign writes (header id 0xd935:
 * u16 alignment, then zero padding), fixed 1980-01-01 timestamps, entries in the given order. The
 * same input always gives the same bytes. No ZIP64, no data descriptors, no comment.
 *
 * Why STORED and aligned: PackageManager requires resources.arsc stored and 4-byte aligned for
 * targetSdk 30+, and an uncompressed, aligned classes.dex is what ART maps in place (the probe's
 * REPORT §6). Format: PKWARE APPNOTE.TXT 4.3.7 (local header), 4.3.12 (central directory),
 * 4.3.16 (end of central directory); the 0xd935 field is zipalign's (build-tools ZipAlign.cpp).
 */

const LOCAL_HEADER_SIG = 0x04034b50;
const CENTRAL_HEADER_SIG = 0x02014b50;
const EOCD_SIG = 0x06054b50;
/** zipalign's "Android ZIP alignment" extra field. */
export const ALIGNMENT_EXTRA_ID = 0xd935;
/** Version needed to extract 1.0 (stored). */
const VERSION = 10;
/** MS-DOS date 1980-01-01, time 00:00:00: the zip epoch, so the bytes do not depend on the clock. */
const DOS_DATE_1980 = 0x0021;
const MAX_ENTRIES = 0xffff;

export interface ZipEntryInput {
  readonly name: string;
  readonly data: Buffer;
  /** Alignment of the entry's data (default 4; classes.dex and resources.arsc need 4). */
  readonly align?: number;
}

const CRC_TABLE: readonly number[] = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = (c & 1) !== 0 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 (IEEE 802.3) as zip stores it; zlib.crc32 is not in every Node 20. */
export function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * Writes the entries into one zip (unsigned). Throws on names that are empty, duplicated, not
 * representable or too many entries: the callers pass fixed names.
 */
export function writeAlignedZip(entries: readonly ZipEntryInput[]): Buffer {
  if (entries.length > MAX_ENTRIES) throw new Error(`aligned zip: ${entries.length} entries (at most ${MAX_ENTRIES})`);
  const names = new Set<string>();
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    if (name.length === 0 || name.length > 0xffff || names.has(entry.name)) throw new Error(`aligned zip: bad or duplicate entry name ${JSON.stringify(entry.name)}`);
    names.add(entry.name);
    const align = entry.align ?? 4;
    if (!Number.isInteger(align) || align < 1 || align > 0xffff) throw new Error(`aligned zip: bad alignment ${align}`);
    const crc = crc32(entry.data);
    // Extra field: id, size, u16 alignment, then padding so the data starts on a multiple of `align`.
    let padding = 0;
    while ((offset + 30 + name.length + 6 + padding) % align !== 0) padding++;
    const extra = Buffer.alloc(6 + padding);
    extra.writeUInt16LE(ALIGNMENT_EXTRA_ID, 0);
    extra.writeUInt16LE(2 + padding, 2);
    extra.writeUInt16LE(align, 4);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER_SIG, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(0, 6); // flags: none (names are ASCII in practice; no data descriptor)
    local.writeUInt16LE(0, 8); // method: stored
    local.writeUInt16LE(0, 10); // time
    local.writeUInt16LE(DOS_DATE_1980, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(extra.length, 28);

    const header = Buffer.alloc(46);
    header.writeUInt32LE(CENTRAL_HEADER_SIG, 0);
    header.writeUInt16LE(VERSION, 4); // made by
    header.writeUInt16LE(VERSION, 6); // needed
    header.writeUInt16LE(0, 8);
    header.writeUInt16LE(0, 10);
    header.writeUInt16LE(0, 12);
    header.writeUInt16LE(DOS_DATE_1980, 14);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(entry.data.length, 20);
    header.writeUInt32LE(entry.data.length, 24);
    header.writeUInt16LE(name.length, 28);
    // extra length 0 in the central directory (as zipalign leaves it), comment 0, disk 0, attrs 0
    header.writeUInt32LE(offset, 42);

    parts.push(local, name, extra, entry.data);
    central.push(header, name);
    offset += 30 + name.length + extra.length + entry.data.length;
  }
  const directory = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(EOCD_SIG, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(directory.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, eocd]);
}

/** Where a zip's sections are: what APK Signature Scheme v2 digests and where its block goes. */
export interface ZipSections {
  /** Offset of the End of Central Directory record. */
  readonly eocdOffset: number;
  readonly centralDirectoryOffset: number;
  readonly centralDirectorySize: number;
}

/**
 * Finds the End of Central Directory (22 bytes plus a comment of up to 65535) and the central
 * directory it points at. Throws for what is not a single-disk, non-ZIP64 zip.
 */
export function locateZipSections(zip: Buffer): ZipSections {
  let eocdOffset = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === EOCD_SIG && i + 22 + zip.readUInt16LE(i + 20) === zip.length) {
      eocdOffset = i;
      break;
    }
  }
  if (eocdOffset < 0) throw new Error('not a zip: no End of Central Directory record');
  const centralDirectorySize = zip.readUInt32LE(eocdOffset + 12);
  const centralDirectoryOffset = zip.readUInt32LE(eocdOffset + 16);
  if (centralDirectoryOffset === 0xffffffff || centralDirectorySize === 0xffffffff) throw new Error('ZIP64 is not supported');
  if (zip.readUInt16LE(eocdOffset + 4) !== 0 || zip.readUInt16LE(eocdOffset + 6) !== 0) throw new Error('multi-disk zips are not supported');
  if (centralDirectoryOffset + centralDirectorySize !== eocdOffset) throw new Error('the central directory does not end where the End of Central Directory record starts');
  return { eocdOffset, centralDirectoryOffset, centralDirectorySize };
}
