/**
 * adb transport packets (adb's protocol.txt, adb.h; adb-protocol.md §1): a 24-byte header of six
 * little-endian u32 (command, arg0, arg1, data_length, data_check, magic = command ^ 0xffffffff),
 * then data_length bytes of payload.
 */

export const Command = {
  SYNC: 0x434e5953,
  CNXN: 0x4e584e43,
  AUTH: 0x48545541,
  OPEN: 0x4e45504f,
  OKAY: 0x59414b4f,
  CLSE: 0x45534c43,
  WRTE: 0x45545257,
  STLS: 0x534c5453,
} as const;

export const HEADER_LENGTH = 24;
export const A_VERSION_MIN = 0x01000000;
/** A_VERSION == A_VERSION_SKIP_CHECKSUM in adb 29.0.6 and HEAD. */
export const A_VERSION = 0x01000001;
export const A_VERSION_SKIP_CHECKSUM = 0x01000001;
/** MAX_PAYLOAD: the largest payload either side may negotiate (1 MiB). */
export const MAX_PAYLOAD = 1024 * 1024;
/** MAX_PAYLOAD_V1 bounds CNXN/AUTH before negotiation: the banner must fit in it. */
export const MAX_PAYLOAD_V1 = 4 * 1024;

export interface AdbPacket {
  readonly command: number;
  readonly arg0: number;
  readonly arg1: number;
  readonly payload: Buffer;
}

/**
 * data_check is a plain byte sum (adb.cpp calculate_apacket_checksum), not a CRC. No receiver
 * checks it since adb 1.0.40, but hosts older than A_VERSION_SKIP_CHECKSUM did.
 */
export function byteSum(payload: Buffer): number {
  let sum = 0;
  for (let i = 0; i < payload.length; i += 1) sum += payload[i] as number;
  return sum >>> 0;
}

/** Encodes a packet; `version` is the negotiated protocol version (it decides data_check). */
export function encodePacket(command: number, arg0: number, arg1: number, payload: Buffer | undefined, version: number): Buffer {
  const length = payload === undefined ? 0 : payload.length;
  const packet = Buffer.allocUnsafe(HEADER_LENGTH + length);
  packet.writeUInt32LE(command >>> 0, 0);
  packet.writeUInt32LE(arg0 >>> 0, 4);
  packet.writeUInt32LE(arg1 >>> 0, 8);
  packet.writeUInt32LE(length, 12);
  packet.writeUInt32LE(payload !== undefined && version < A_VERSION_SKIP_CHECKSUM ? byteSum(payload) : 0, 16);
  packet.writeUInt32LE((command ^ 0xffffffff) >>> 0, 20);
  if (payload !== undefined) payload.copy(packet, HEADER_LENGTH);
  return packet;
}

/** Four-letter name of a command, for logs ("OPEN"), or its hex value when unknown. */
export function commandName(command: number): string {
  const entry = Object.entries(Command).find(([, value]) => value === command);
  return entry === undefined ? `0x${command.toString(16)}` : entry[0];
}
