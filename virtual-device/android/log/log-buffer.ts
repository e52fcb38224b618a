/**
 * logd's ring buffers (platform.ts `LogBuffer`). `write` appends to `main`, as android.util.Log
 * does; the platform itself also writes to `system` (PackageManager, ActivityManager) like
 * system_server's Slog. Each buffer keeps its newest entries only (logd's size limit).
 */
import { type LogBuffer, type LogPriority } from '../platform';

export const LOG_BUFFERS = ['main', 'system', 'radio', 'events', 'crash'] as const;
export type LogBufferName = (typeof LOG_BUFFERS)[number];

export interface LogEntry {
  readonly seq: number;
  readonly buffer: LogBufferName;
  /** Device wall-clock time, ms since the epoch. */
  readonly timeMs: number;
  readonly pid: number;
  readonly tid: number;
  readonly priority: LogPriority;
  readonly tag: string;
  readonly message: string;
}

export interface LogSource {
  pid: number;
  tid?: number;
}

/** The pid system_server runs as in the simulated process table. */
export const SYSTEM_SERVER_PID = 1024;

export class RingLogBuffer implements LogBuffer {
  private readonly buffers = new Map<LogBufferName, LogEntry[]>();
  private seq = 0;
  private readonly listeners = new Set<(entry: LogEntry) => void>();

  /**
   * @param nowMs device wall clock
   * @param capacity entries kept per buffer (logd default is 256 KiB; ~4000 lines of this size)
   */
  constructor(private readonly nowMs: () => number, private readonly capacity = 4000) {
    for (const name of LOG_BUFFERS) this.buffers.set(name, []);
  }

  write(priority: LogPriority, tag: string, message: string, pid?: number): void {
    this.append('main', priority, tag, message, { pid: pid ?? SYSTEM_SERVER_PID });
  }

  append(buffer: LogBufferName, priority: LogPriority, tag: string, message: string, source: LogSource): void {
    const entries = this.buffers.get(buffer);
    if (entries === undefined) return;
    const entry: LogEntry = { seq: this.seq++, buffer, timeMs: this.nowMs(), pid: source.pid, tid: source.tid ?? source.pid, priority, tag, message };
    entries.push(entry);
    if (entries.length > this.capacity) entries.splice(0, entries.length - this.capacity);
    for (const listener of this.listeners) listener(entry);
  }

  /** Entries of the given buffers, oldest first (merged by sequence, as logd merges by time). */
  entries(buffers: readonly LogBufferName[]): LogEntry[] {
    const all: LogEntry[] = [];
    for (const name of buffers) all.push(...(this.buffers.get(name) ?? []));
    return all.sort((a, b) => a.seq - b.seq);
  }

  clear(buffers: readonly LogBufferName[]): void {
    for (const name of buffers) this.buffers.get(name)?.splice(0);
  }

  /** Follows new entries (streaming `logcat`); returns the unsubscribe function. */
  follow(listener: (entry: LogEntry) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** A LogBuffer that stamps a process's pid on every line (each simulated process gets one). */
export function logBufferFor(log: RingLogBuffer, pid: () => number): LogBuffer {
  return { write: (priority, tag, message, explicitPid) => log.write(priority, tag, message, explicitPid ?? pid()) };
}
