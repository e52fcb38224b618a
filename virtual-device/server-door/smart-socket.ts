/**
 * The adb server's "smart socket" framing (adb's OVERVIEW.TXT / SERVICES.TXT): a client sends
 * `<4 hex digits length><request>`; the server answers `OKAY`, or `FAIL<4 hex length><reason>`,
 * and values are sent as `<4 hex length><text>`.
 */
import { ByteQueue } from '../services/byte-queue';

export class SmartSocketFormatError extends Error {}

/** Requests longer than this are garbage (adb checks against MAX_PAYLOAD). */
const MAX_REQUEST = 1024 * 1024;

export const OKAY = Buffer.from('OKAY');

export function encodeValue(text: string | Buffer): Buffer {
  const body = typeof text === 'string' ? Buffer.from(text) : text;
  return Buffer.concat([Buffer.from(body.length.toString(16).padStart(4, '0').slice(-4), 'latin1'), body]);
}

export function okayWith(text: string): Buffer {
  return Buffer.concat([OKAY, encodeValue(text)]);
}

export function fail(reason: string): Buffer {
  return Buffer.concat([Buffer.from('FAIL'), encodeValue(reason)]);
}

/** Reads length-prefixed requests out of a client's bytes. */
export class RequestReader {
  private readonly queue = new ByteQueue();

  push(chunk: Buffer): void {
    this.queue.push(chunk);
  }

  /** The next complete request, undefined until more bytes arrive; throws on a bad length. */
  next(): string | undefined {
    if (this.queue.length < 4) return undefined;
    const hex = this.queue.peek(4).toString('latin1');
    if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new SmartSocketFormatError(`bad request length ${JSON.stringify(hex)}`);
    const length = Number.parseInt(hex, 16);
    if (length < 1 || length > MAX_REQUEST) throw new SmartSocketFormatError(`bad request length ${length}`);
    if (this.queue.length < 4 + length) return undefined;
    this.queue.take(4);
    return this.queue.take(length).toString('utf8');
  }

  /** Bytes received after the last request (the start of a raw stream after a transport switch). */
  takeRest(): Buffer[] {
    return this.queue.takeChunks(this.queue.length);
  }
}
