/**
 * One device service as a byte stream, independent of the transport that carries it. The adbd
 * transport (virtual-device/adbd) carries it in OPEN/WRTE/OKAY/CLSE packets, the adb-server door
 * (virtual-device/server-door) raw over a TCP socket after a transport switch. Services are written
 * once against these two interfaces.
 */

/** The transport's side of a stream: where the service's bytes for the host go. */
export interface StreamOutput {
  /**
   * Queues bytes for the host. Returns false once the transport holds more than its high-water
   * mark; a producer that can wait (sync RECV) then awaits `drained()` before writing more.
   */
  write(data: Buffer): boolean;
  /** Resolves when the queued bytes fall below the transport's low-water mark (or the stream closed). */
  drained(): Promise<void>;
  /** No more output: the transport closes the stream once everything queued has been delivered. */
  end(): void;
  /** True once the stream is gone (host closed it, connection dropped, or end() completed). */
  readonly closed: boolean;
}

/** The service's side of a stream: what the transport delivers to it. */
export interface DeviceStream {
  /**
   * Bytes from the host. When the service returns a promise, the transport holds its
   * acknowledgement (adb's one-WRTE-in-flight flow control; a paused socket on the door) until it
   * settles, so a slow consumer slows the host down instead of buffering without bound.
   */
  onData(chunk: Buffer): void | Promise<void>;
  /**
   * The stream is over: the host closed it, the connection dropped, or the service's own end()
   * completed. Called once; the service stops its work and releases resources.
   */
  onClose(): void;
}

/** Starts a resolved service on a stream the transport has accepted (after adb's OKAY). */
export type ServiceStarter = (output: StreamOutput) => DeviceStream;
