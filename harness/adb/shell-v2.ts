/**
 * The adb shell protocol v2 (`shell,v2,raw:<cmd>`; AOSP adb/shell_protocol.h): both directions
 * carry packets `[u8 id][u32 LE length][data]` — 0 stdin, 1 stdout, 2 stderr, 3 exit (one byte),
 * 4 close-stdin, 5 window size. adb-protocol.md §4. Pure: no I/O here.
 */
export const SHELL_V2_ID = { stdin: 0, stdout: 1, stderr: 2, exit: 3, closeStdin: 4, windowSize: 5 } as const;

const HEADER = 5;

/** Frames one packet for the device (stdin data, or close-stdin with an empty payload). */
export function encodeShellV2Packet(id: number, data: Buffer = Buffer.alloc(0)): Buffer {
  const header = Buffer.alloc(HEADER);
  header.writeUInt8(id, 0);
  header.writeUInt32LE(data.length, 1);
  return Buffer.concat([header, data]);
}

/** What a finished v2 stream carried. `exitCode` is null when the stream ended without an exit packet. */
export interface ShellV2Output {
  readonly stdout: Buffer;
  readonly stderr: Buffer;
  readonly exitCode: number | null;
}

/**
 * Incremental decoder: feed TCP chunks as they arrive (packets may be split anywhere), read the
 * result once the stream has ended.
 */
export class ShellV2Decoder {
  private pending: Buffer = Buffer.alloc(0);
  private readonly stdoutChunks: Buffer[] = [];
  private readonly stderrChunks: Buffer[] = [];
  private exit: number | null = null;

  /** Called with stdout/stderr data as it is decoded (for streaming readers such as logcat). */
  constructor(private readonly onData?: (stream: 'stdout' | 'stderr', data: Buffer) => void) {}

  push(chunk: Buffer): void {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    let offset = 0;
    while (this.pending.length - offset >= HEADER) {
      const id = this.pending.readUInt8(offset);
      const length = this.pending.readUInt32LE(offset + 1);
      if (this.pending.length - offset - HEADER < length) break;
      const data = this.pending.subarray(offset + HEADER, offset + HEADER + length);
      offset += HEADER + length;
      this.accept(id, data);
    }
    this.pending = offset === 0 ? this.pending : Buffer.from(this.pending.subarray(offset));
  }

  private accept(id: number, data: Buffer): void {
    switch (id) {
      case SHELL_V2_ID.stdout:
        this.stdoutChunks.push(Buffer.from(data));
        this.onData?.('stdout', data);
        break;
      case SHELL_V2_ID.stderr:
        this.stderrChunks.push(Buffer.from(data));
        this.onData?.('stderr', data);
        break;
      case SHELL_V2_ID.exit:
        // One byte: the command's exit status (0..255).
        this.exit = data.length > 0 ? data.readUInt8(0) : 0;
        break;
      default:
        // stdin / close-stdin / window-size never come from the device; ignore unknown ids.
        break;
    }
  }

  /** True once the exit packet arrived. */
  get exited(): boolean {
    return this.exit !== null;
  }

  /** Bytes of an incomplete trailing packet (non-zero means the stream was cut mid-packet). */
  get incompleteBytes(): number {
    return this.pending.length;
  }

  result(): ShellV2Output {
    return { stdout: Buffer.concat(this.stdoutChunks), stderr: Buffer.concat(this.stderrChunks), exitCode: this.exit };
  }
}
