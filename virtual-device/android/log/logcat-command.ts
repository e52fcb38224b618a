/**
 * `logcat` (system/logging/logcat): -d, -c, -s, -v <format>, -b <buffer>, -t N, -T N, -e REGEX,
 * --pid=N, -m N and TAG:PRIORITY filter specs. threadtime is the default format:
 * `MM-DD HH:MM:SS.mmm  PID  TID P TAG     : message` (logprint.cpp "%s %5d %5d %c %-8s: %s").
 * Without -d/-t it follows the log until the caller goes away.
 */
import { type Tool, type ToolContext } from '../shell/tool';
import { LOG_BUFFERS, type LogBufferName, type LogEntry, type RingLogBuffer } from './log-buffer';

const PRIORITIES = ['V', 'D', 'I', 'W', 'E', 'F', 'S'] as const;
type FilterPriority = (typeof PRIORITIES)[number];
const rank = (p: string): number => PRIORITIES.indexOf(p.toUpperCase() as FilterPriority);

const p2 = (n: number): string => String(n).padStart(2, '0');

function timestamp(ms: number): string {
  const d = new Date(ms);
  return `${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${String(d.getUTCMilliseconds()).padStart(3, '0')}`;
}

export function formatEntry(entry: LogEntry, format: string): string {
  const lines = entry.message.split('\n');
  const tag = entry.tag.padEnd(8);
  const pid = String(entry.pid).padStart(5);
  const tid = String(entry.tid).padStart(5);
  const prefix = ((): string => {
    switch (format) {
      case 'brief': return `${entry.priority}/${tag}(${pid}): `;
      case 'tag': return `${entry.priority}/${tag}: `;
      case 'process': return `${entry.priority}(${pid}) `;
      case 'time': return `${timestamp(entry.timeMs)} ${entry.priority}/${tag}(${pid}): `;
      case 'raw': return '';
      default: return `${timestamp(entry.timeMs)} ${pid} ${tid} ${entry.priority} ${tag}: `;
    }
  })();
  const suffix = format === 'process' ? `  (${entry.tag})` : '';
  return lines.map((l) => prefix + l + suffix + '\n').join('');
}

interface LogcatOptions {
  dump: boolean;
  clear: boolean;
  format: string;
  buffers: LogBufferName[];
  tail: number | undefined;
  follow: boolean;
  regex: RegExp | undefined;
  pid: number | undefined;
  max: number | undefined;
  defaultPriority: number;
  tagPriorities: Map<string, number>;
}

function parseOptions(argv: readonly string[], envTags: string | undefined): LogcatOptions | string {
  const o: LogcatOptions = { dump: false, clear: false, format: 'threadtime', buffers: [], tail: undefined, follow: true, regex: undefined, pid: undefined, max: undefined, defaultPriority: 0, tagPriorities: new Map() };
  let silent = false;
  const specs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    const value = (): string => (a.length > 2 && !a.startsWith('--') ? a.slice(2) : (argv[++i] ?? ''));
    if (a === '-d') o.dump = true;
    else if (a === '-c') o.clear = true;
    else if (a === '-s') silent = true;
    else if (a.startsWith('-v')) o.format = value();
    else if (a.startsWith('-b')) {
      for (const b of value().split(',')) {
        if (b === 'all') o.buffers.push(...LOG_BUFFERS);
        else if (b === 'default') o.buffers.push('main', 'system', 'crash');
        else if ((LOG_BUFFERS as readonly string[]).includes(b)) o.buffers.push(b as LogBufferName);
        else if (b !== 'kernel' && b !== 'security' && b !== 'stats') return `Unknown buffer '${b}'`;
      }
    } else if (a.startsWith('-t') || a.startsWith('-T')) {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 0) return `-${a[1] ?? 't'} requires a number`;
      o.tail = n;
      if (a.startsWith('-t')) o.dump = true;
    } else if (a.startsWith('-e')) {
      try { o.regex = new RegExp(value()); } catch { return 'Invalid regex'; }
    } else if (a.startsWith('--pid')) {
      o.pid = Number(a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i]);
    } else if (a.startsWith('-m')) {
      o.max = Number(value());
    } else if (a === '-g' || a === '-D' || a === '-B') {
      // accepted, no effect here
    } else if (a.startsWith('-')) {
      return `Unknown option '${a}'`;
    } else {
      specs.push(a);
    }
  }
  if (o.buffers.length === 0) o.buffers = ['main', 'system', 'crash'];
  // No filterspecs on the command line: ANDROID_LOG_TAGS (adb logcat exports it, often as '').
  if (specs.length === 0 && envTags !== undefined) specs.push(...envTags.split(/\s+/).filter((t) => /^[^:\s']+:[VDIWEFS]$/i.test(t)));
  o.defaultPriority = silent ? rank('S') : 0;
  for (const spec of specs) {
    const [tag = '', prio = 'V'] = spec.split(':');
    const r = rank(prio.slice(0, 1));
    if (r < 0) return `Invalid filter expression '${spec}'`;
    if (tag === '*') o.defaultPriority = r;
    else o.tagPriorities.set(tag, r);
  }
  o.follow = !o.dump && !o.clear;
  return o;
}

function selected(entry: LogEntry, o: LogcatOptions): boolean {
  const min = o.tagPriorities.get(entry.tag) ?? o.defaultPriority;
  if (rank(entry.priority) < min) return false;
  if (o.pid !== undefined && entry.pid !== o.pid) return false;
  if (o.regex !== undefined && !o.regex.test(entry.message)) return false;
  return true;
}

export function createLogcatCommand(log: RingLogBuffer): Tool {
  return async (ctx: ToolContext) => {
    const o = parseOptions(ctx.argv.slice(1), ctx.env.get('ANDROID_LOG_TAGS'));
    if (typeof o === 'string') {
      ctx.out.stderr(`logcat: ${o}\nUsage: logcat [options] [filterspecs]\n`);
      return 1;
    }
    if (o.clear) {
      log.clear(o.buffers);
      return 0;
    }
    let current: LogBufferName | undefined;
    const seen = new Set<LogBufferName>();
    let printed = 0;
    const render = (entry: LogEntry): string => {
      let text = '';
      if (entry.buffer !== current) {
        text += seen.has(entry.buffer) ? `--------- switch to ${entry.buffer}\n` : `--------- beginning of ${entry.buffer}\n`;
        seen.add(entry.buffer);
        current = entry.buffer;
      }
      printed++;
      return text + formatEntry(entry, o.format);
    };
    let backlog = log.entries(o.buffers).filter((e) => selected(e, o));
    if (o.tail !== undefined) backlog = backlog.slice(Math.max(0, backlog.length - o.tail));
    if (o.max !== undefined) backlog = backlog.slice(0, o.max);
    ctx.out.stdout(backlog.map(render).join(''));
    if (!o.follow || (o.max !== undefined && printed >= o.max)) return 0;
    await new Promise<void>((resolve) => {
      const stop = log.follow((entry) => {
        if (!o.buffers.includes(entry.buffer) || !selected(entry, o)) return;
        ctx.out.stdout(render(entry));
        if (o.max !== undefined && printed >= o.max) finish();
      });
      const finish = (): void => {
        stop();
        resolve();
      };
      if (ctx.signal.aborted) finish();
      else ctx.signal.addEventListener('abort', finish, { once: true });
    });
    return 0;
  };
}
