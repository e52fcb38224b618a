/**
 * `logcat` in threadtime format (AOSP liblog logprint.cpp, `-v threadtime`):
 *   `03-01 10:00:04.850  1532  1611 I ImsResolver: service name: ComponentInfo{com.x/com.x.S}, manifest query: false`
 *   `03-01 10:00:04.851  1532  1611 W ImsResolver    : ImsService is not protected with BIND_IMS_SERVICE permission: …`
 * (tags are padded to 8 columns before `: `). Dump (`-d`) and a streaming reader. Pure but for openLogcat.
 */
import { int, name, shellCommand, type AdbDevice, type ShellCommand, type ShellPart } from '../adb';

/** Logcat tags the telephony stack logs binding under (aosp-imsresolver.md §4). */
export const IMS_LOG_TAGS = ['ImsResolver', 'ImsServiceController', 'ImsServiceFeatureQuery', 'ImsSCCompat', 'ImsFeatureBinderRepo'] as const;

export interface LogcatOptions {
  /** Only these tags (`-s TAG…`: everything else silenced). */
  readonly tags?: readonly string[];
  /** `-t N`: the last N lines. */
  readonly lines?: number;
  /** `-b main|system|radio|events|crash|all` */
  readonly buffer?: 'main' | 'system' | 'radio' | 'events' | 'crash' | 'all';
}

function filterArgs(options: LogcatOptions): ShellPart[] {
  return [
    ...(options.buffer === undefined ? [] : ['-b', options.buffer]),
    '-v', 'threadtime',
    ...(options.lines === undefined ? [] : ['-t', int(options.lines, 1, 1_000_000)]),
    ...(options.tags === undefined || options.tags.length === 0 ? [] : ['-s', ...options.tags.map((t) => name(t))]),
  ];
}

/** `logcat -d -v threadtime [-t N] [-s TAG…]` */
export function logcatDumpCommand(options: LogcatOptions = {}): ShellCommand {
  return shellCommand('logcat', '-d', ...filterArgs(options));
}

/** `logcat -v threadtime [-s TAG…]` (follows until stopped) */
export function logcatFollowCommand(options: LogcatOptions = {}): ShellCommand {
  return shellCommand('logcat', ...filterArgs(options));
}

/** `logcat -c` */
export function logcatClearCommand(): ShellCommand {
  return shellCommand('logcat', '-c');
}

export type LogPriority = 'V' | 'D' | 'I' | 'W' | 'E' | 'F' | 'S';

export interface LogcatLine {
  readonly date: string; // MM-DD
  readonly time: string; // HH:MM:SS.mmm
  readonly pid: number;
  readonly tid: number;
  readonly priority: LogPriority;
  readonly tag: string;
  readonly message: string;
  readonly raw: string;
}

const THREADTIME = /^(\d\d-\d\d) (\d\d:\d\d:\d\d\.\d{3})\s+(\d+)\s+(\d+) ([VDIWEFS]) (.*?)\s*: (.*)$/;

export function parseLogcatLine(line: string): LogcatLine | undefined {
  const m = THREADTIME.exec(line.replace(/\r$/, ''));
  if (!m) return undefined;
  return {
    date: m[1] ?? '', time: m[2] ?? '', pid: Number(m[3]), tid: Number(m[4]),
    priority: (m[5] ?? 'V') as LogPriority, tag: m[6] ?? '', message: m[7] ?? '', raw: line.replace(/\r$/, ''),
  };
}

/** Parses threadtime text; `--------- beginning of main` separators and unknown lines are skipped. */
export function parseLogcat(text: string, tags?: readonly string[]): LogcatLine[] {
  const wanted = tags === undefined ? undefined : new Set(tags);
  return text.split('\n').map(parseLogcatLine).filter((l): l is LogcatLine => l !== undefined && (wanted === undefined || wanted.has(l.tag)));
}

/** A running `logcat` whose lines arrive through `onLine` until `stop()`. */
export async function openLogcat(device: AdbDevice, options: LogcatOptions, onLine: (line: LogcatLine) => void): Promise<{ stop(): void; exited: Promise<number | null> }> {
  let pending = '';
  const spawned = await device.spawn(logcatFollowCommand(options), (stream, data) => {
    if (stream !== 'stdout') return;
    pending += data.toString('utf8');
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const l of lines) {
      const parsed = parseLogcatLine(l);
      if (parsed) onLine(parsed);
    }
  });
  return spawned;
}
