/**
 * The sync protocol's wire shapes (adb's file_sync_protocol.h, SYNC.TXT, adb-protocol.md §5).
 * All integers little-endian; every message starts with a 4-character id.
 */
import { type DeviceStat, type Errno } from '../device/android-device';

/** Largest DATA payload either side may send (SYNC_DATA_MAX). */
export const SYNC_DATA_MAX = 64 * 1024;
/** adbd sends RECV data in chunks of this size (adb-protocol.md §5). */
export const RECV_CHUNK = 65528;
/** Longest path a request may carry (file_sync_service.cpp). */
export const SYNC_PATH_MAX = 1024;

export const S_IFMT = 0o170000;
export const S_IFDIR = 0o040000;
export const S_IFREG = 0o100000;

const STRERROR: Readonly<Record<Errno, string>> = {
  2: 'No such file or directory',
  13: 'Permission denied',
  20: 'Not a directory',
  21: 'Is a directory',
  30: 'Read-only file system',
};

/** Linux strerror() text for the errno values DeviceFs reports. */
export function strerror(errno: Errno): string {
  return STRERROR[errno];
}

export function idAndLength(id: string, length: number): Buffer {
  const message = Buffer.allocUnsafe(8);
  message.write(id, 0, 4, 'latin1');
  message.writeUInt32LE(length >>> 0, 4);
  return message;
}

export function failMessage(text: string): Buffer {
  const body = Buffer.from(text);
  return Buffer.concat([idAndLength('FAIL', body.length), body]);
}

/** v1 STAT reply: mode, size, mtime (u32); all zero when the path does not exist. */
export function statV1(stat: DeviceStat | undefined): Buffer {
  const reply = Buffer.alloc(16);
  reply.write('STAT', 0, 'latin1');
  if (stat !== undefined) {
    reply.writeUInt32LE(stat.mode >>> 0, 4);
    reply.writeUInt32LE(Math.min(stat.size, 0xffffffff), 8);
    reply.writeUInt32LE(stat.mtimeSec >>> 0, 12);
  }
  return reply;
}

/**
 * The 72-byte stat_v2 record (`id, error, dev, ino, mode, nlink, uid, gid, size, atime, mtime,
 * ctime`) used by STA2/LST2 replies and, with a name length appended, by DNT2 entries. The id
 * must echo the request: any other makes adb's FinishStat abort (adb-protocol.md §7 pitfall 12).
 */
export function statV2(id: string, stat: DeviceStat | Errno): Buffer {
  const record = Buffer.alloc(72);
  record.write(id, 0, 'latin1');
  if (typeof stat === 'number') {
    record.writeUInt32LE(stat, 4);
    return record;
  }
  record.writeBigUInt64LE(1n, 8); // dev
  record.writeBigUInt64LE(BigInt(stat.ino ?? 1), 16);
  record.writeUInt32LE(stat.mode >>> 0, 24);
  record.writeUInt32LE(1, 28); // nlink
  record.writeUInt32LE(stat.uid ?? 0, 32);
  record.writeUInt32LE(stat.gid ?? 0, 36);
  record.writeBigUInt64LE(BigInt(stat.size), 40);
  const mtime = BigInt(stat.mtimeSec);
  record.writeBigInt64LE(mtime, 48); // atime
  record.writeBigInt64LE(mtime, 56);
  record.writeBigInt64LE(mtime, 64); // ctime
  return record;
}

/** A LIST entry: DENT mode size mtime namelen name. */
export function dentV1(name: string, stat: DeviceStat): Buffer {
  const nameBytes = Buffer.from(name);
  const entry = Buffer.allocUnsafe(20 + nameBytes.length);
  entry.write('DENT', 0, 'latin1');
  entry.writeUInt32LE(stat.mode >>> 0, 4);
  entry.writeUInt32LE(Math.min(stat.size, 0xffffffff), 8);
  entry.writeUInt32LE(stat.mtimeSec >>> 0, 12);
  entry.writeUInt32LE(nameBytes.length, 16);
  nameBytes.copy(entry, 20);
  return entry;
}

/** A LIS2 entry: the stat_v2 record with id DNT2, namelen, name. */
export function dentV2(name: string, stat: DeviceStat): Buffer {
  const nameBytes = Buffer.from(name);
  const length = Buffer.allocUnsafe(4);
  length.writeUInt32LE(nameBytes.length, 0);
  return Buffer.concat([statV2('DNT2', stat), length, nameBytes]);
}

/** The end of a listing is a *full-size* zeroed entry with id DONE (20 bytes v1, 76 bytes v2). */
export function listDone(v2: boolean): Buffer {
  const done = Buffer.alloc(v2 ? 76 : 20);
  done.write('DONE', 0, 'latin1');
  return done;
}
