import { syncService } from '../sync-service';
import { CollectingOutput, tick } from './collecting-output';
import { MemoryFs } from './fake-android-device';

function request(id: string, body: string | number): Buffer {
  const text = typeof body === 'string' ? Buffer.from(body) : Buffer.alloc(0);
  const header = Buffer.alloc(8);
  header.write(id, 'latin1');
  header.writeUInt32LE(typeof body === 'number' ? body : text.length, 4);
  return Buffer.concat([header, text]);
}

function data(bytes: Buffer): Buffer {
  return Buffer.concat([request('DATA', bytes.length), bytes]);
}

describe('sync service (file_sync_service.cpp)', () => {
  test('SEND stores the file with its mode and mtime, answers one OKAY', async () => {
    const fs = new MemoryFs();
    const output = new CollectingOutput();
    const stream = syncService(fs)(output);
    const payload = Buffer.alloc(150_000, 7);
    const wire = Buffer.concat([request('SEND', '/data/local/tmp/new/dir/f.bin,33188'), data(payload.subarray(0, 65536)), data(payload.subarray(65536, 131072)), data(payload.subarray(131072)), request('DONE', 1234), request('QUIT', 0)]);
    for (let i = 0; i < wire.length; i += 10_000) await stream.onData(wire.subarray(i, i + 10_000));
    expect(output.bytes().toString('latin1')).toBe('OKAY\0\0\0\0');
    expect(output.ended).toBe(true);
    const stat = fs.stat('/data/local/tmp/new/dir/f.bin');
    expect(stat).toMatchObject({ mode: 0o100644, size: 150_000, mtimeSec: 1234 });
    expect((fs.readFile('/data/local/tmp/new/dir/f.bin') as Buffer).equals(payload)).toBe(true);
  });

  test('DATA larger than 64 KiB fails with adbd\'s message and ends the session', async () => {
    const output = new CollectingOutput();
    const stream = syncService(new MemoryFs())(output);
    await stream.onData(Buffer.concat([request('SEND', '/data/local/tmp/x,33188'), request('DATA', 65537)]));
    expect(output.bytes().toString('latin1')).toBe('FAIL\x15\0\0\0oversize data message');
    expect(output.ended).toBe(true);
  });

  test('SEND onto a directory or a read-only place fails with errno text', async () => {
    const fs = new MemoryFs();
    for (const [path, message] of [['/data/local/tmp', 'Is a directory'], ['/system/bin/x', 'Read-only file system']]) {
      const output = new CollectingOutput();
      const stream = syncService(fs)(output);
      await stream.onData(Buffer.concat([request('SEND', `${path},33188`), data(Buffer.from('x')), request('DONE', 0)]));
      expect(output.bytes().subarray(8).toString()).toBe(`couldn't create file: ${message}`);
    }
  });

  test('RECV streams DATA chunks of at most 65528 bytes then DONE, honouring backpressure', async () => {
    const fs = new MemoryFs();
    const content = Buffer.alloc(200_000);
    for (let i = 0; i < content.length; i += 1) content[i] = i % 251;
    fs.writeFile('/data/local/tmp/big', content, 0o644, 5);
    const output = new CollectingOutput(70_000);
    const stream = syncService(fs)(output);
    await stream.onData(request('RECV', '/data/local/tmp/big'));
    await tick();
    const sentBeforeRelease = output.bytes().length;
    expect(sentBeforeRelease).toBeLessThan(content.length);
    for (let i = 0; i < 10; i += 1) {
      output.release();
      await tick();
    }
    const bytes = output.bytes();
    const received: Buffer[] = [];
    let offset = 0;
    for (;;) {
      const id = bytes.subarray(offset, offset + 4).toString('latin1');
      const length = bytes.readUInt32LE(offset + 4);
      if (id === 'DONE') break;
      expect(id).toBe('DATA');
      expect(length).toBeLessThanOrEqual(65528);
      received.push(bytes.subarray(offset + 8, offset + 8 + length));
      offset += 8 + length;
    }
    expect(Buffer.concat(received).equals(content)).toBe(true);
  });

  test('RECV of a missing file: FAIL open failed', async () => {
    const output = new CollectingOutput();
    const stream = syncService(new MemoryFs())(output);
    await stream.onData(request('RECV', '/nope'));
    expect(output.bytes().subarray(8).toString()).toBe('open failed: No such file or directory');
    expect(output.ended).toBe(true);
  });

  test('STAT v1 zeroes for a missing path; STA2/LST2 echo their id with errno', async () => {
    const output = new CollectingOutput();
    const stream = syncService(new MemoryFs())(output);
    await stream.onData(Buffer.concat([request('STAT', '/nope'), request('STA2', '/nope'), request('LST2', '/data')]));
    const bytes = output.bytes();
    expect(bytes.subarray(0, 16).equals(Buffer.concat([Buffer.from('STAT'), Buffer.alloc(12)]))).toBe(true);
    expect(bytes.subarray(16, 20).toString()).toBe('STA2');
    expect(bytes.readUInt32LE(20)).toBe(2);
    expect(bytes.subarray(88, 92).toString()).toBe('LST2');
    expect(bytes.readUInt32LE(92)).toBe(0);
    expect(bytes.readUInt32LE(88 + 24)).toBe(0o040771);
    expect(bytes.length).toBe(16 + 72 + 72);
  });

  test('LIST and LIS2 include . and .. and end with a full-size DONE', async () => {
    const fs = new MemoryFs();
    fs.writeFile('/data/local/tmp/a', Buffer.from('abc'), 0o600, 9);
    for (const [id, entry, done] of [['LIST', 'DENT', 20], ['LIS2', 'DNT2', 76]] as const) {
      const output = new CollectingOutput();
      const stream = syncService(fs)(output);
      await stream.onData(request(id, '/data/local/tmp'));
      const bytes = output.bytes();
      const names: string[] = [];
      let offset = 0;
      while (bytes.subarray(offset, offset + 4).toString() === entry) {
        const nameAt = id === 'LIST' ? 20 : 76;
        const length = bytes.readUInt32LE(offset + nameAt - 4);
        names.push(bytes.subarray(offset + nameAt, offset + nameAt + length).toString());
        offset += nameAt + length;
      }
      expect(names).toEqual(['.', '..', 'a']);
      expect(bytes.subarray(offset, offset + 4).toString()).toBe('DONE');
      expect(bytes.length - offset).toBe(done);
    }
  });

  test('an unknown request id fails and ends the session', async () => {
    const output = new CollectingOutput();
    const stream = syncService(new MemoryFs())(output);
    await stream.onData(request('XXXX', 'whatever'));
    expect(output.bytes().subarray(0, 4).toString()).toBe('FAIL');
    expect(output.ended).toBe(true);
  });
});
