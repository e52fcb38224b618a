/**
 * The shell protocol (adb's shell_protocol.h, adb-protocol.md §4): in both directions
 * `[id u8][length u32 LE][data]`. It carries stdin/stdout/stderr separately and the exit status,
 * which raw (v1) streams cannot.
 */
import { ByteQueue } from './byte-queue';

export const ShellPacketId = {
  stdin: 0,
  stdout: 1,
  stderr: 2,
  exit: 3,
  closeStdin: 4,
  windowSize: 5,
} as const;

const HEADER_LENGTH = 5;

export function encodeShellPacket(id: number, data: Buffer): Buffer {
  const packet = Buffer.allocUnsafe(HEADER_LENGTH + data.length);
  packet[0] = id;
  packet.writeUInt32LE(data.length, 1);
  data.copy(packet, HEADER_LENGTH);
  return packet;
}

export function encodeExitPacket(status: number): Buffer {
  return encodeShellPacket(ShellPacketId.exit, Buffer.from([status & 0xff]));
}

export interface ShellPacket {
  readonly id: number;
  readonly data: Buffer;
}

/** Splits incoming bytes into shell packets, whatever the chunking. */
export class ShellPacketReader {
  private readonly queue = new ByteQueue();

  /** Adds bytes and returns every packet now complete. */
  push(chunk: Buffer): ShellPacket[] {
    this.queue.push(chunk);
    const packets: ShellPacket[] = [];
    while (this.queue.length >= HEADER_LENGTH) {
      const length = this.queue.peekUInt32LE(1);
      if (this.queue.length < HEADER_LENGTH + length) break;
      const header = this.queue.take(HEADER_LENGTH);
      packets.push({ id: header[0] as number, data: this.queue.take(length) });
    }
    return packets;
  }
}
