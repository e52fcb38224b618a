/**
 * The host side of a sync upload, byte for byte as adb/file_sync_protocol.h frames it
 * (adb-protocol.md §5): SEND "<path>,<S_IFREG|mode>", DATA chunks of at most 64 KiB, DONE <mtime>,
 * QUIT; and the device's OKAY / FAIL answers.
 */
import { encodeSyncSend, parseSyncSendReply, SYNC_DATA_MAX } from '../sync-send';

function frame(id: string, length: number, body: Buffer = Buffer.alloc(0)): Buffer {
  const head = Buffer.alloc(8);
  head.write(id, 0, 'latin1');
  head.writeUInt32LE(length, 4);
  return Buffer.concat([head, body]);
}

describe('encodeSyncSend', () => {
  test('a small file: SEND with the regular-file mode, one DATA, DONE with the mtime, QUIT', () => {
    const chunks = encodeSyncSend('/data/local/tmp/a.xml', Buffer.from('<x/>'), 0o644, 1_700_000_000);
    const spec = Buffer.from(`/data/local/tmp/a.xml,${0o100644}`);
    expect(chunks).toEqual([frame('SEND', spec.length, spec), frame('DATA', 4, Buffer.from('<x/>')), frame('DONE', 1_700_000_000), frame('QUIT', 0)]);
    expect(spec.toString()).toBe('/data/local/tmp/a.xml,33188');
  });

  test('a large file is cut into DATA chunks of SYNC_DATA_MAX bytes at most, in order', () => {
    const data = Buffer.alloc(SYNC_DATA_MAX * 2 + 5, 7);
    const chunks = encodeSyncSend('/system/priv-app/x/x.apk', data, 0o600, 0);
    const datas = chunks.slice(1, -2);
    expect(datas.map((c) => [c.toString('latin1', 0, 4), c.readUInt32LE(4)])).toEqual([['DATA', SYNC_DATA_MAX], ['DATA', SYNC_DATA_MAX], ['DATA', 5]]);
    expect(Buffer.concat(datas.map((c) => c.subarray(8)))).toEqual(data);
  });

  test('an empty file has no DATA at all', () => {
    expect(encodeSyncSend('/data/local/tmp/empty', Buffer.alloc(0), 0o644, 1).map((c) => c.toString('latin1', 0, 4))).toEqual(['SEND', 'DONE', 'QUIT']);
  });
});

describe('parseSyncSendReply', () => {
  test('OKAY', () => expect(parseSyncSendReply(frame('OKAY', 0))).toEqual({ ok: true }));
  test('FAIL carries the device\'s message', () => {
    const text = Buffer.from("couldn't create file: Read-only file system");
    expect(parseSyncSendReply(frame('FAIL', text.length, text))).toEqual({ ok: false, message: "couldn't create file: Read-only file system" });
  });
  test('nothing at all, or a stranger', () => {
    expect(parseSyncSendReply(Buffer.alloc(0))).toEqual({ ok: false, message: 'the device closed the sync stream without answering' });
    expect(parseSyncSendReply(frame('DENT', 0))).toEqual({ ok: false, message: 'unexpected sync reply "DENT"' });
  });
});
