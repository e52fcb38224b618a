/**
 * One TCP connection from an adb host to the simulated adbd: the CNXN handshake without AUTH (a
 * userdebug build with ro.adb.secure=0 answers CNXN with CNXN; adb.cpp handle_new_connection),
 * then the stream multiplexer: OPEN → OKAY(local, remote) or CLSE(0, remote); WRTE acknowledged
 * with OKAY once the service consumed it; CLSE echoed; unknown stream ids ignored.
 */
import { type Socket } from 'node:net';
import { type DeviceEndpoint } from '../services/device-endpoint';
import { deviceBanner } from './banner';
import { AdbdStream, type StreamCarrier } from './adbd-stream';
import { type AdbPacket, A_VERSION, A_VERSION_MIN, Command, commandName, encodePacket, MAX_PAYLOAD, MAX_PAYLOAD_V1 } from './packet';
import { PacketFormatError, PacketReader } from './packet-reader';

export type AdbdLog = (message: string) => void;

export class AdbdConnection implements StreamCarrier {
  private readonly reader = new PacketReader();
  private readonly streams = new Map<number, AdbdStream>();
  private readonly drainQueue = new Set<AdbdStream>();
  private nextId = 1;
  private version = A_VERSION_MIN;
  private online = false;
  private dead = false;
  maxData = MAX_PAYLOAD_V1;
  congested = false;
  readonly tag: string;

  constructor(
    private readonly socket: Socket,
    private readonly endpoint: DeviceEndpoint,
    private readonly log: AdbdLog,
    private readonly onGone: (connection: AdbdConnection) => void,
  ) {
    this.tag = `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`;
    // Without TCP_NODELAY every command stalls ~40 ms on Nagle + delayed ACK (adb-protocol.md §7
    // pitfall 1); adbd and the adb server both set it (transport_local.cpp, socket_spec.cpp).
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onBytes(chunk));
    socket.on('drain', () => this.onDrain());
    socket.on('error', (e) => this.log(`[${this.tag}] socket error: ${e.message}`));
    socket.on('close', () => this.onSocketClosed());
  }

  /** Drops the connection (device going offline, server stopping): adb sees the transport go. */
  drop(reason: string): void {
    if (this.dead) return;
    this.log(`[${this.tag}] dropping connection: ${reason}`);
    this.dead = true;
    this.closeAllStreams();
    // end() flushes what was already written (the OKAY of a `reboot:`) before the FIN; a host
    // that stops reading does not keep the socket past a second.
    this.socket.end(() => this.socket.destroy());
    setTimeout(() => this.socket.destroy(), 1_000).unref();
  }

  /** Closes at once, without flushing. */
  destroy(): void {
    this.dead = true;
    this.socket.destroy();
  }

  sendWrite(stream: AdbdStream, data: Buffer): void {
    this.send(Command.WRTE, stream.localId, stream.remoteId, data);
  }

  sendClose(stream: AdbdStream): void {
    if (this.streams.get(stream.localId) !== stream) return;
    this.streams.delete(stream.localId);
    this.send(Command.CLSE, stream.localId, stream.remoteId);
    this.closeStream(stream);
  }

  waitForDrain(stream: AdbdStream): void {
    this.drainQueue.add(stream);
  }

  private send(command: number, arg0: number, arg1: number, payload?: Buffer): void {
    if (this.dead) return;
    // Respect socket backpressure: stop reading the host (no OKAYs, so no new WRTEs from us
    // either) until the kernel has taken what is queued.
    if (!this.socket.write(encodePacket(command, arg0, arg1, payload, this.version)) && !this.congested) {
      this.congested = true;
      this.socket.pause();
    }
  }

  private onDrain(): void {
    if (!this.congested) return;
    this.congested = false;
    if (!this.dead) this.socket.resume();
    const waiting = [...this.drainQueue];
    this.drainQueue.clear();
    for (const stream of waiting) stream.pump();
  }

  private onBytes(chunk: Buffer): void {
    if (this.dead) return;
    this.reader.push(chunk);
    try {
      for (let packet = this.reader.next(); packet !== undefined && !this.dead; packet = this.reader.next()) {
        this.handle(packet);
      }
    } catch (e) {
      // check_header failed (adb closes the connection), or handling a packet threw: close this
      // connection, never the process.
      const what = e instanceof PacketFormatError ? e.message : `internal error: ${describe(e)}`;
      this.log(`[${this.tag}] ${what}; closing the connection`);
      this.closeAllStreams();
      this.destroy();
    }
  }

  private handle(packet: AdbPacket): void {
    const { command, arg0, arg1 } = packet;
    if (command === Command.CNXN) {
      this.connect(packet);
      return;
    }
    // Anything before CNXN is ignored (adb.cpp handle_packet checks t->online).
    if (!this.online) return;
    switch (command) {
      case Command.OPEN:
        this.open(arg0, packet.payload);
        return;
      case Command.OKAY:
        this.find(arg1, arg0)?.acknowledged();
        return;
      case Command.WRTE:
        this.write(arg1, arg0, packet.payload);
        return;
      case Command.CLSE:
        this.hostClosed(arg1, arg0);
        return;
      default:
        // AUTH (we never asked), STLS (never offered), SYNC (obsolete): nothing to do.
        this.log(`[${this.tag}] ignoring ${commandName(command)}`);
    }
  }

  private connect(packet: AdbPacket): void {
    // A second CNXN restarts the session: adbd kicks every open stream (handle_new_connection).
    this.closeAllStreams();
    const hostBanner = packet.payload.toString('utf8').replace(/\0+$/, '');
    // transport.cpp update_version / update_max_payload: each side takes the minimum.
    this.version = Math.min(packet.arg0 >>> 0, A_VERSION);
    this.maxData = Math.max(MAX_PAYLOAD_V1, Math.min(packet.arg1 >>> 0, MAX_PAYLOAD));
    this.reader.maxPayload = this.maxData;
    this.online = true;
    this.log(`[${this.tag}] CNXN version=0x${this.version.toString(16)} maxdata=${this.maxData} host=${JSON.stringify(hostBanner)}`);
    const banner = deviceBanner(this.endpoint.device.bannerProps(), this.endpoint.features);
    this.send(Command.CNXN, A_VERSION, this.maxData, banner);
  }

  private open(remoteId: number, payload: Buffer): void {
    if (remoteId === 0) return; // protocol.txt: the opener's local-id must not be 0
    const name = payload.toString('utf8').replace(/\0+$/, '');
    let starter;
    try {
      starter = this.endpoint.open(name);
    } catch (e) {
      this.log(`[${this.tag}] OPEN ${JSON.stringify(name)} failed: ${describe(e)}`);
    }
    if (starter === undefined) {
      this.log(`[${this.tag}] OPEN ${JSON.stringify(name)} refused`);
      this.send(Command.CLSE, 0, remoteId);
      return;
    }
    const stream = new AdbdStream(this, this.allocateId(), remoteId);
    this.streams.set(stream.localId, stream);
    // OPEN implies READY from the host: the service may write right after our OKAY.
    this.send(Command.OKAY, stream.localId, remoteId);
    try {
      stream.service = starter(stream);
    } catch (e) {
      this.log(`[${this.tag}] service ${JSON.stringify(name)} failed to start: ${describe(e)}`);
      stream.end();
    }
  }

  private write(localId: number, remoteId: number, data: Buffer): void {
    const stream = this.find(localId, remoteId);
    if (stream === undefined) return; // a closed or unknown stream: adbd ignores it
    const deliver = (): Promise<void> | undefined => {
      const service = stream.service;
      let result: void | Promise<void> = undefined;
      // Input after the service ended its side is acknowledged and dropped (half-closed stream).
      if (service !== undefined && !stream.ended) {
        try {
          result = service.onData(data);
        } catch (e) {
          this.log(`[${this.tag}] stream ${stream.localId}: service failed on input: ${describe(e)}`);
          stream.end();
        }
      }
      if (result === undefined) {
        this.acknowledge(stream);
        return undefined;
      }
      return result.then(() => this.acknowledge(stream), () => this.acknowledge(stream));
    };
    // A host that sends the next WRTE before our OKAY (it should not) still gets its data in order.
    const pending = stream.pendingInput === undefined ? deliver() : stream.pendingInput.then(deliver);
    if (pending === undefined) return;
    stream.pendingInput = pending;
    void pending.then(() => {
      if (stream.pendingInput === pending) stream.pendingInput = undefined;
    });
  }

  private acknowledge(stream: AdbdStream): void {
    if (!stream.closed) this.send(Command.OKAY, stream.localId, stream.remoteId);
  }

  private hostClosed(localId: number, remoteId: number): void {
    if (localId === 0) return;
    const stream = this.find(localId, remoteId);
    if (stream === undefined) return; // e.g. the host's echo of our own CLSE
    this.streams.delete(localId);
    // adbd answers a CLSE with its own (local_socket_close → remote_socket_close).
    this.send(Command.CLSE, stream.localId, stream.remoteId);
    this.closeStream(stream);
  }

  private find(localId: number, remoteId: number): AdbdStream | undefined {
    const stream = this.streams.get(localId);
    // find_local_socket: a peer id of 0 matches any; otherwise it must be the stream's.
    return stream !== undefined && (remoteId === 0 || stream.remoteId === remoteId) ? stream : undefined;
  }

  private allocateId(): number {
    let id = this.nextId;
    while (id === 0 || this.streams.has(id)) id = (id + 1) >>> 0;
    this.nextId = (id + 1) >>> 0;
    return id;
  }

  private closeStream(stream: AdbdStream): void {
    this.drainQueue.delete(stream);
    try {
      stream.markClosed();
    } catch (e) {
      this.log(`[${this.tag}] stream ${stream.localId}: service failed on close: ${describe(e)}`);
    }
  }

  private closeAllStreams(): void {
    const streams = [...this.streams.values()];
    this.streams.clear();
    for (const stream of streams) this.closeStream(stream);
  }

  private onSocketClosed(): void {
    this.dead = true;
    this.closeAllStreams();
    this.onGone(this);
  }
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
