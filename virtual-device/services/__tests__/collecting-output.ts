/** A StreamOutput that records what a service sends, for driving services without a transport. */
import { type StreamOutput } from '../device-stream';

export class CollectingOutput implements StreamOutput {
  readonly chunks: Buffer[] = [];
  ended = false;
  closed = false;
  /** write() reports backpressure once this many bytes are held (and drained() waits for release()). */
  constructor(private readonly highWater = Number.POSITIVE_INFINITY) {}
  private held = 0;
  private waiters: (() => void)[] = [];

  write(data: Buffer): boolean {
    this.chunks.push(Buffer.from(data));
    this.held += data.length;
    return this.held < this.highWater;
  }

  drained(): Promise<void> {
    if (this.held < this.highWater) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** The host consumed everything so far. */
  release(): void {
    this.held = 0;
    for (const resolve of this.waiters.splice(0)) resolve();
  }

  end(): void {
    this.ended = true;
  }

  bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

export const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
