/**
 * The `sync:` service (adbd's daemon/file_sync_service.cpp; adb-protocol.md §5): STAT, STA2, LST2,
 * LIST, LIS2, SEND, RECV and QUIT requests repeated on one stream. adb ends a session with QUIT;
 * adbkit just closes the stream. A failed SEND or RECV, or a request adbd does not know, answers
 * FAIL and ends the session, as adbd does.
 */
import { type DeviceFs, type DeviceStat, type Errno } from '../device/android-device';
import { ByteQueue } from './byte-queue';
import { type DeviceStream, type ServiceStarter, type StreamOutput } from './device-stream';
import {
  dentV1, dentV2, failMessage, idAndLength, listDone, RECV_CHUNK, statV1, statV2, strerror, SYNC_DATA_MAX,
  SYNC_PATH_MAX,
} from './sync-protocol';

/** Input buffered beyond this holds the host's acknowledgement until the session catches up. */
const INPUT_HIGH_WATER = 4 * 1024 * 1024;

export function syncService(fs: DeviceFs): ServiceStarter {
  return (output) => new SyncSession(output, fs);
}

interface Upload {
  readonly path: string;
  readonly mode: number;
  readonly chunks: Buffer[];
  /** Set when the file cannot be written: the data is read and dropped, FAIL comes at DONE. */
  readonly error: string | undefined;
}

class SyncSession implements DeviceStream {
  private readonly input = new ByteQueue();
  private upload: Upload | undefined;
  /** A RECV in progress: requests wait until its data has been queued. */
  private sending: Promise<void> | undefined;
  private ended = false;
  private consumedWaiters: (() => void)[] = [];

  constructor(
    private readonly output: StreamOutput,
    private readonly fs: DeviceFs,
  ) {}

  onData(chunk: Buffer): void | Promise<void> {
    if (this.ended) return;
    this.input.push(chunk);
    this.process();
    if (this.input.length > INPUT_HIGH_WATER) return new Promise((resolve) => this.consumedWaiters.push(resolve));
  }

  onClose(): void {
    this.ended = true;
    this.input.clear();
    this.releaseInput();
  }

  private process(): void {
    while (!this.ended && this.sending === undefined && this.input.length >= 8) {
      const id = this.input.peek(4).toString('latin1');
      const length = this.input.peekUInt32LE(4);
      if (this.upload !== undefined) {
        if (!this.uploadStep(id, length)) break;
        continue;
      }
      if (length > SYNC_PATH_MAX) {
        this.fail('path too long');
        break;
      }
      if (this.input.length < 8 + length) break;
      this.input.take(8);
      this.request(id, this.input.take(length).toString('utf8'));
    }
    if (this.input.length <= INPUT_HIGH_WATER) this.releaseInput();
  }

  private request(id: string, path: string): void {
    switch (id) {
      case 'STAT': {
        const stat = this.fs.stat(path);
        this.output.write(statV1(typeof stat === 'number' ? undefined : stat));
        return;
      }
      case 'STA2':
      case 'LST2':
        this.output.write(statV2(id, this.fs.stat(path)));
        return;
      case 'LIST':
      case 'LIS2':
        this.list(path, id === 'LIS2');
        return;
      case 'SEND':
        this.startUpload(path);
        return;
      case 'RECV':
        this.download(path);
        return;
      case 'QUIT':
        this.finish();
        return;
      default:
        this.fail(`unknown command ${JSON.stringify(id)}`);
    }
  }

  private list(path: string, v2: boolean): void {
    const entries = this.fs.list(path);
    const parts: Buffer[] = [];
    // A directory that cannot be listed yields an empty listing, as adbd's failed opendir does.
    if (typeof entries !== 'number') {
      const here = this.fs.stat(path);
      const parent = this.fs.stat(parentOf(path));
      const dots: [string, DeviceStat | Errno][] = [['.', here], ['..', typeof parent === 'number' ? here : parent]];
      for (const [name, stat] of dots) {
        if (typeof stat !== 'number' && !entries.some((e) => e.name === name)) parts.push(v2 ? dentV2(name, stat) : dentV1(name, stat));
      }
      for (const entry of entries) parts.push(v2 ? dentV2(entry.name, entry) : dentV1(entry.name, entry));
    }
    parts.push(listDone(v2));
    this.output.write(Buffer.concat(parts));
  }

  private startUpload(spec: string): void {
    // SEND names "<path>,<decimal st_mode>" (adb-protocol.md §5).
    const comma = spec.lastIndexOf(',');
    if (comma < 0) {
      this.fail('missing , in ID_SEND');
      return;
    }
    const path = spec.slice(0, comma);
    const mode = Number.parseInt(spec.slice(comma + 1), 10);
    const existing = this.fs.stat(path);
    const error = typeof existing !== 'number' && (existing.mode & 0o170000) === 0o040000 ? `couldn't create file: ${strerror(21)}` : undefined;
    this.upload = { path, mode: Number.isNaN(mode) ? 0o644 : mode & 0o7777, chunks: [], error };
  }

  /** Consumes one DATA or DONE of an upload; false when more input is needed. */
  private uploadStep(id: string, length: number): boolean {
    const upload = this.upload as Upload;
    if (id === 'DATA') {
      if (length > SYNC_DATA_MAX) {
        this.fail('oversize data message');
        return false;
      }
      if (this.input.length < 8 + length) return false;
      this.input.take(8);
      const data = this.input.take(length);
      if (upload.error === undefined) upload.chunks.push(data);
      return true;
    }
    this.input.take(8);
    this.upload = undefined;
    if (id !== 'DONE') {
      this.fail('invalid data message');
      return true;
    }
    if (upload.error !== undefined) {
      this.fail(upload.error);
      return true;
    }
    // DONE carries the mtime. One concatenation per file: the chunks were kept as they came.
    const written = this.fs.writeFile(upload.path, Buffer.concat(upload.chunks), upload.mode, length);
    if (written === true) this.output.write(idAndLength('OKAY', 0));
    else this.fail(`couldn't create file: ${strerror(written)}`);
    return true;
  }

  private download(path: string): void {
    const data = this.fs.readFile(path);
    if (typeof data === 'number') {
      this.fail(`open failed: ${strerror(data)}`);
      return;
    }
    this.sending = this.sendData(data).then(() => {
      this.sending = undefined;
      this.process();
    });
  }

  private async sendData(data: Buffer): Promise<void> {
    for (let offset = 0; offset < data.length && !this.output.closed; offset += RECV_CHUNK) {
      const chunk = data.subarray(offset, offset + RECV_CHUNK);
      this.output.write(idAndLength('DATA', chunk.length));
      // Respect the transport's backpressure: a 20 MB pull is not queued all at once.
      if (!this.output.write(chunk)) await this.output.drained();
    }
    if (!this.output.closed) this.output.write(idAndLength('DONE', 0));
  }

  private fail(message: string): void {
    this.output.write(failMessage(message));
    this.finish();
  }

  private finish(): void {
    this.ended = true;
    this.upload = undefined;
    this.input.clear();
    this.releaseInput();
    this.output.end();
  }

  private releaseInput(): void {
    const waiters = this.consumedWaiters;
    this.consumedWaiters = [];
    for (const resolve of waiters) resolve();
  }
}

function parentOf(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  const slash = trimmed.lastIndexOf('/');
  return slash <= 0 ? '/' : trimmed.slice(0, slash);
}
