/** A bare adb-packet client over a TCP socket, for poking the simulated adbd with exact bytes. */
import * as net from 'node:net';
import { type AdbPacket, A_VERSION, Command, encodePacket, MAX_PAYLOAD } from '../packet';
import { PacketReader } from '../packet-reader';

export class RawAdbClient {
  readonly packets: AdbPacket[] = [];
  closed = false;
  private readonly reader = new PacketReader();
  private waiters: (() => void)[] = [];

  private constructor(readonly socket: net.Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.reader.push(chunk);
      for (let p = this.reader.next(); p !== undefined; p = this.reader.next()) this.packets.push(p);
      this.wake();
    });
    socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
    socket.on('error', () => undefined);
  }

  static connect(port: number): Promise<RawAdbClient> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => resolve(new RawAdbClient(socket)));
      socket.once('error', reject);
    });
  }

  send(command: number, arg0: number, arg1: number, payload?: Buffer | string, version = A_VERSION): void {
    this.socket.write(encodePacket(command, arg0, arg1, typeof payload === 'string' ? Buffer.from(payload) : payload, version));
  }

  sendBytes(bytes: Buffer): void {
    this.socket.write(bytes);
  }

  /** CNXN as adb 29 sends it; resolves with the device's CNXN. */
  async handshake(version = A_VERSION, maxData = MAX_PAYLOAD): Promise<AdbPacket> {
    this.send(Command.CNXN, version, maxData, 'host::features=shell_v2,cmd\0', version);
    return this.next((p) => p.command === Command.CNXN);
  }

  /** Waits for (and removes) the first packet matching `match`. */
  async next(match: (p: AdbPacket) => boolean = () => true, timeoutMs = 5_000): Promise<AdbPacket> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.packets.findIndex(match);
      if (index >= 0) return this.packets.splice(index, 1)[0] as AdbPacket;
      if (this.closed) throw new Error('connection closed while waiting for a packet');
      if (Date.now() > deadline) throw new Error('timed out waiting for a packet');
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  /** Resolves true when the device closes the connection within `timeoutMs`. */
  async closedWithin(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!this.closed && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    return this.closed;
  }

  /** Opens a service and collects its output until the device closes the stream. */
  async run(localId: number, service: string): Promise<{ refused: boolean; output: Buffer }> {
    this.send(Command.OPEN, localId, 0, `${service}\0`);
    const answer = await this.next((p) => (p.command === Command.OKAY || p.command === Command.CLSE) && p.arg1 === localId);
    if (answer.command === Command.CLSE) return { refused: true, output: Buffer.alloc(0) };
    const deviceId = answer.arg0;
    const parts: Buffer[] = [];
    for (;;) {
      const packet = await this.next((p) => p.arg1 === localId && (p.command === Command.WRTE || p.command === Command.CLSE));
      if (packet.command === Command.CLSE) {
        this.send(Command.CLSE, localId, deviceId);
        return { refused: false, output: Buffer.concat(parts) };
      }
      parts.push(packet.payload);
      this.send(Command.OKAY, localId, deviceId);
    }
  }

  close(): void {
    this.socket.destroy();
  }

  private wake(): void {
    for (const resolve of this.waiters.splice(0)) resolve();
  }
}
