/**
 * A one-way byte channel between a writer (the adb stream's stdin, or the command to the left of
 * a `|`) and a reader (a command's stdin). Chunks are queued as written, never copied until a
 * reader asks for a prefix of one.
 */

export interface InputStream {
  /** The next bytes (at most `maxBytes`), or null at end of input. */
  read(maxBytes?: number): Promise<Buffer | null>;
}

export class BytePipe implements InputStream {
  private readonly chunks: Buffer[] = [];
  private closed = false;
  private waiter: (() => void) | undefined;
  private discarding = false;

  write(chunk: Buffer): void {
    if (this.closed || this.discarding || chunk.length === 0) return;
    this.chunks.push(chunk);
    this.wake();
  }

  /** End of input (the writer is done). */
  close(): void {
    this.closed = true;
    this.wake();
  }

  /** The reader has gone: drop what is queued and whatever comes later (EPIPE, silently). */
  discard(): void {
    this.discarding = true;
    this.chunks.length = 0;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  async read(maxBytes = Number.POSITIVE_INFINITY): Promise<Buffer | null> {
    while (this.chunks.length === 0) {
      if (this.closed) return null;
      await new Promise<void>((resolve) => { this.waiter = resolve; });
    }
    const first = this.chunks[0];
    if (first === undefined) return null;
    if (first.length <= maxBytes) {
      this.chunks.shift();
      return first;
    }
    this.chunks[0] = first.subarray(maxBytes);
    return first.subarray(0, maxBytes);
  }

  private wake(): void {
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.();
  }
}

/** An input with nothing in it (`</dev/null`, or a command run with no stdin). */
export const EMPTY_INPUT: InputStream = { read: () => Promise.resolve(null) };

/** An input that yields one buffer (`< file`). */
export function bufferInput(data: Buffer): InputStream {
  let offset = 0;
  return {
    read: (maxBytes = Number.POSITIVE_INFINITY) => {
      if (offset >= data.length) return Promise.resolve(null);
      const end = Math.min(data.length, offset + maxBytes);
      const chunk = data.subarray(offset, end);
      offset = end;
      return Promise.resolve(chunk);
    },
  };
}

/**
 * Reads until EOF or until `maxBytes` bytes have arrived (an install stream of `-S N` bytes ends
 * after N bytes: adb never half-closes it). Chunks are concatenated once.
 */
export async function readAll(input: InputStream, maxBytes = Number.POSITIVE_INFINITY, signal?: AbortSignal): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total < maxBytes) {
    if (signal?.aborted === true) break;
    const chunk = await input.read(maxBytes - total);
    if (chunk === null) break;
    chunks.push(chunk);
    total += chunk.length;
  }
  return chunks.length === 1 && chunks[0] !== undefined ? chunks[0] : Buffer.concat(chunks, total);
}
