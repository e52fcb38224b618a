import { ByteQueue } from '../byte-queue';

describe('ByteQueue', () => {
  test('takes frames across chunk boundaries in order', () => {
    const queue = new ByteQueue();
    queue.push(Buffer.from('ab'));
    queue.push(Buffer.from('cdef'));
    queue.push(Buffer.from('g'));
    expect(queue.length).toBe(7);
    expect(queue.peek(3).toString()).toBe('abc');
    expect(queue.take(1).toString()).toBe('a');
    expect(queue.take(4).toString()).toBe('bcde');
    expect(queue.take(2).toString()).toBe('fg');
    expect(queue.length).toBe(0);
  });

  test('a frame inside one chunk is a view, not a copy', () => {
    const chunk = Buffer.from('0123456789');
    const queue = new ByteQueue();
    queue.push(chunk);
    queue.take(2);
    const view = queue.take(3);
    expect(view.toString()).toBe('234');
    expect(view.buffer).toBe(chunk.buffer);
  });

  test('reads little-endian lengths that straddle chunks', () => {
    const queue = new ByteQueue();
    const header = Buffer.alloc(8);
    header.write('DATA');
    header.writeUInt32LE(0x01020304, 4);
    queue.push(header.subarray(0, 5));
    queue.push(header.subarray(5));
    expect(queue.peekUInt32LE(4)).toBe(0x01020304);
    expect(queue.length).toBe(8);
  });

  test('takeChunks hands back pieces without concatenating', () => {
    const queue = new ByteQueue();
    queue.push(Buffer.from('abc'));
    queue.push(Buffer.from('def'));
    const pieces = queue.takeChunks(4);
    expect(pieces.map((p) => p.toString())).toEqual(['abc', 'd']);
    expect(queue.take(2).toString()).toBe('ef');
  });

  test('refuses to take more than it holds', () => {
    const queue = new ByteQueue();
    queue.push(Buffer.from('ab'));
    expect(() => queue.take(3)).toThrow(RangeError);
  });

  test('many small chunks stay consistent after compaction', () => {
    const queue = new ByteQueue();
    let expected = '';
    for (let i = 0; i < 500; i += 1) {
      const s = String.fromCharCode(97 + (i % 26));
      queue.push(Buffer.from(s));
      expected += s;
    }
    let got = '';
    while (queue.length > 0) got += queue.take(Math.min(3, queue.length)).toString();
    expect(got).toBe(expected);
  });
});
