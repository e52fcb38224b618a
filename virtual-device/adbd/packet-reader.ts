/**
 * Frames a TCP byte stream into adb packets, applying adb's check_header (transport.cpp): a
 * header whose magic is not `command ^ 0xffffffff`, or whose data_length exceeds the maximum
 * payload, is a broken peer, and the connection must be closed.
 */
import { ByteQueue } from '../services/byte-queue';
import { type AdbPacket, HEADER_LENGTH, MAX_PAYLOAD } from './packet';

export class PacketFormatError extends Error {}

export class PacketReader {
  private readonly queue = new ByteQueue();
  /** The largest payload accepted: MAX_PAYLOAD until CNXN negotiates a (smaller) maxdata. */
  maxPayload = MAX_PAYLOAD;

  push(chunk: Buffer): void {
    this.queue.push(chunk);
  }

  /** The next complete packet, or undefined until more bytes arrive. Throws PacketFormatError. */
  next(): AdbPacket | undefined {
    if (this.queue.length < HEADER_LENGTH) return undefined;
    const header = this.queue.peek(HEADER_LENGTH);
    const command = header.readUInt32LE(0);
    const length = header.readUInt32LE(12);
    if (header.readUInt32LE(20) !== (command ^ 0xffffffff) >>> 0) {
      throw new PacketFormatError(`bad magic in packet header (command 0x${command.toString(16)})`);
    }
    if (length > this.maxPayload) {
      throw new PacketFormatError(`packet payload of ${length} bytes exceeds the maximum of ${this.maxPayload}`);
    }
    if (this.queue.length < HEADER_LENGTH + length) return undefined;
    const arg0 = header.readUInt32LE(4);
    const arg1 = header.readUInt32LE(8);
    this.queue.take(HEADER_LENGTH);
    return { command, arg0, arg1, payload: this.queue.take(length) };
  }

  /** Bytes received but not yet framed (a truncated packet when the peer closes). */
  get pending(): number {
    return this.queue.length;
  }
}
