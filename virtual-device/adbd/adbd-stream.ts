/**
 * One stream of an adbd connection, the transport's half: it queues the service's output and
 * sends it as WRTE packets with at most one in flight (the next goes when the host's OKAY
 * arrives; adb-protocol.md §1 and §7 pitfall 2), chunked to the negotiated maxdata, and closes
 * with CLSE once the service has ended and its last WRTE was acknowledged.
 */
import { ByteQueue } from '../services/byte-queue';
import { type DeviceStream, type StreamOutput } from '../services/device-stream';

/** What a stream needs from its connection. */
export interface StreamCarrier {
  readonly maxData: number;
  /** True while the socket's send buffer is full: WRTEs wait for `drain`. */
  readonly congested: boolean;
  sendWrite(stream: AdbdStream, data: Buffer): void;
  sendClose(stream: AdbdStream): void;
  /** Call `stream.pump()` once the socket drains. */
  waitForDrain(stream: AdbdStream): void;
}

const HIGH_WATER = 2 * 1024 * 1024;
const LOW_WATER = 1024 * 1024;

export class AdbdStream implements StreamOutput {
  service: DeviceStream | undefined;
  /** Host data being consumed by the service; the next WRTE's OKAY waits for it. */
  pendingInput: Promise<void> | undefined;
  private readonly queue = new ByteQueue();
  private inFlight = false;
  private ending = false;
  private pumpScheduled = false;
  private isClosed = false;
  private drainWaiters: (() => void)[] = [];

  constructor(
    private readonly carrier: StreamCarrier,
    /** Our id for the stream (the host's remote-id). */
    readonly localId: number,
    /** The host's id for the stream. */
    readonly remoteId: number,
  ) {}

  get closed(): boolean {
    return this.isClosed;
  }

  /** The service ended its output but the CLSE is not sent yet. */
  get ended(): boolean {
    return this.ending;
  }

  write(data: Buffer): boolean {
    if (this.isClosed || this.ending || data.length === 0) return !this.isClosed;
    this.queue.push(data);
    // Writes made in one turn (stdout, then the exit packet) go out as one WRTE.
    if (!this.pumpScheduled) {
      this.pumpScheduled = true;
      queueMicrotask(() => {
        this.pumpScheduled = false;
        this.pump();
      });
    }
    return this.queue.length < HIGH_WATER;
  }

  drained(): Promise<void> {
    if (this.isClosed || this.queue.length <= LOW_WATER) return Promise.resolve();
    return new Promise((resolve) => this.drainWaiters.push(resolve));
  }

  end(): void {
    if (this.isClosed || this.ending) return;
    this.ending = true;
    if (!this.pumpScheduled) this.pump();
  }

  /** The host acknowledged our WRTE: the next one may go. */
  acknowledged(): void {
    this.inFlight = false;
    this.pump();
  }

  /** Sends what it can: one WRTE if none is in flight, or the CLSE once all output is acknowledged. */
  pump(): void {
    if (this.isClosed || this.inFlight) return;
    if (this.queue.length > 0) {
      if (this.carrier.congested) {
        this.carrier.waitForDrain(this);
        return;
      }
      this.inFlight = true;
      this.carrier.sendWrite(this, this.queue.take(Math.min(this.queue.length, this.carrier.maxData)));
      if (this.queue.length <= LOW_WATER) this.releaseDrainWaiters();
      return;
    }
    if (this.ending) this.carrier.sendClose(this);
  }

  /** The stream is gone (CLSE either way, or the connection dropped): tell the service once. */
  markClosed(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    this.queue.clear();
    this.releaseDrainWaiters();
    const service = this.service;
    this.service = undefined;
    service?.onClose();
  }

  private releaseDrainWaiters(): void {
    const waiters = this.drainWaiters;
    this.drainWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
