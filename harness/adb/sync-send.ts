/**
 * The host side of one file upload on adb's `sync:` service (AOSP adb/file_sync_protocol.h,
 * adb-protocol.md §5): `SEND <path>,<st_mode>`, the bytes in `DATA` chunks of at most 64 KiB,
 * `DONE <mtime>`, then `QUIT`; the device answers `OKAY` or `FAIL <message>`. Used where the rig
 * opens the device's services itself (ServiceDevice); through an adb server adbkit does the same.
 * Pure: no I/O here.
 */
/** Largest DATA payload (SYNC_DATA_MAX). */
export const SYNC_DATA_MAX = 64 * 1024;
/** A regular file's type bits, OR-ed into the mode as adb and adbkit send it. */
const S_IFREG = 0o100000;

function header(id: string, length: number): Buffer {
  const out = Buffer.alloc(8);
  out.write(id, 0, 4, 'latin1');
  out.writeUInt32LE(length >>> 0, 4);
  return out;
}

/** The request chunks for writing `data` to `remotePath` with permission bits `mode`. */
export function encodeSyncSend(remotePath: string, data: Buffer, mode: number, mtimeSec: number): Buffer[] {
  const spec = Buffer.from(`${remotePath},${S_IFREG | (mode & 0o7777)}`, 'utf8');
  const chunks: Buffer[] = [Buffer.concat([header('SEND', spec.length), spec])];
  for (let offset = 0; offset < data.length; offset += SYNC_DATA_MAX) {
    const part = data.subarray(offset, offset + SYNC_DATA_MAX);
    chunks.push(Buffer.concat([header('DATA', part.length), part]));
  }
  chunks.push(header('DONE', mtimeSec), header('QUIT', 0));
  return chunks;
}

export type SyncSendReply = { readonly ok: true } | { readonly ok: false; readonly message: string };

/** The device's answer to an upload: OKAY, or FAIL with its message; anything else is a protocol fault. */
export function parseSyncSendReply(reply: Buffer): SyncSendReply {
  if (reply.length < 8) return { ok: false, message: reply.length === 0 ? 'the device closed the sync stream without answering' : 'truncated sync reply' };
  const id = reply.toString('latin1', 0, 4);
  const length = reply.readUInt32LE(4);
  if (id === 'OKAY') return { ok: true };
  if (id === 'FAIL') return { ok: false, message: reply.toString('utf8', 8, Math.min(reply.length, 8 + length)) };
  return { ok: false, message: `unexpected sync reply ${JSON.stringify(id)}` };
}
