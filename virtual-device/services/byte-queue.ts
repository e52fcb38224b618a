/**
 * A FIFO of bytes kept as the chunks they arrived in. Protocol readers (adb packets, shell v2
 * packets, sync requests, smart-socket requests) peek at headers and take whole frames without
 * re-concatenating everything buffered on every TCP chunk, so a 20 MB push costs one copy per
 * byte at most, not one per chunk received.
 */
export class ByteQueue {
  private chunks: Buffer[] = [];
  private first = 0; // index of the first live chunk in `chunks`
  private offset = 0; // bytes already consumed from chunks[first]
  private size = 0;

  /** Bytes buffered. */
  get length(): number {
    return this.size;
  }

  push(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.chunks.push(chunk);
    this.size += chunk.length;
  }

  /** The next `n` bytes without consuming them (a view when they sit in one chunk). */
  peek(n: number): Buffer {
    return this.copyOut(n, false);
  }

  /** Removes and returns the next `n` bytes (a view when they sit in one chunk). */
  take(n: number): Buffer {
    return this.copyOut(n, true);
  }

  /** Removes and returns up to `n` bytes, as they are chunked: for writers that accept pieces. */
  takeChunks(n: number): Buffer[] {
    const out: Buffer[] = [];
    let wanted = Math.min(n, this.size);
    while (wanted > 0) {
      const chunk = this.chunks[this.first] as Buffer;
      const available = chunk.length - this.offset;
      const piece = chunk.subarray(this.offset, this.offset + Math.min(available, wanted));
      out.push(piece);
      this.consume(piece.length);
      wanted -= piece.length;
    }
    return out;
  }

  /** Reads a little-endian u32 at `at` bytes from the front without consuming anything. */
  peekUInt32LE(at: number): number {
    return this.peek(at + 4).readUInt32LE(at);
  }

  /** Drops everything buffered. */
  clear(): void {
    this.chunks = [];
    this.first = 0;
    this.offset = 0;
    this.size = 0;
  }

  private copyOut(n: number, consume: boolean): Buffer {
    if (n > this.size) throw new RangeError(`ByteQueue: ${n} bytes wanted, ${this.size} buffered`);
    if (n === 0) return Buffer.alloc(0);
    const head = this.chunks[this.first] as Buffer;
    if (head.length - this.offset >= n) {
      const view = head.subarray(this.offset, this.offset + n);
      if (consume) this.consume(n);
      return view;
    }
    const out = Buffer.allocUnsafe(n);
    let written = 0;
    let index = this.first;
    let offset = this.offset;
    while (written < n) {
      const chunk = this.chunks[index] as Buffer;
      const count = Math.min(chunk.length - offset, n - written);
      chunk.copy(out, written, offset, offset + count);
      written += count;
      index += 1;
      offset = 0;
    }
    if (consume) this.consume(n);
    return out;
  }

  private consume(n: number): void {
    this.size -= n;
    let left = n;
    while (left > 0) {
      const chunk = this.chunks[this.first] as Buffer;
      const available = chunk.length - this.offset;
      if (available > left) {
        this.offset += left;
        return;
      }
      left -= available;
      this.first += 1;
      this.offset = 0;
    }
    // Compact now and then so the array does not grow without bound on long-lived streams.
    if (this.first === this.chunks.length) {
      this.chunks = [];
      this.first = 0;
    } else if (this.first > 64 && this.first * 2 > this.chunks.length) {
      this.chunks = this.chunks.slice(this.first);
      this.first = 0;
    }
  }
}
