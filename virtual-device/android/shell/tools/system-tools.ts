/**
 * toybox/toolbox commands about the system: id, whoami, getprop, setprop, sleep (device clock),
 * date, uname, su (userdebug), log (write to logcat), printf, which, and the text filters
 * scripts pipe through (grep, head, tail, wc).
 */
import { type ScaledClock } from '../../clock/scaled-clock';
import { type RingLogBuffer } from '../../log/log-buffer';
import { type LogPriority } from '../../platform';
import { type PropertyStore } from '../../props/property-store';
import { readAll } from '../byte-pipe';
import { interpretEscapes } from '../sh-builtins';
import { SHELL_GROUPS } from '../shell-files';
import { type Tool, type ToolContext } from '../tool';
import { splitFlags } from './file-tools';

export interface SystemToolDeps {
  readonly props: PropertyStore;
  readonly clock: ScaledClock;
  readonly log: RingLogBuffer;
  readonly findTool: (name: string) => Tool | undefined;
  readonly shellPid: () => number;
}

async function inputLines(ctx: ToolContext, operands: readonly string[], read: (file: string) => Buffer | number): Promise<string[] | number> {
  if (operands.length === 0) return (await readAll(ctx.stdin, undefined, ctx.signal)).toString('utf8').split('\n');
  const lines: string[] = [];
  for (const file of operands) {
    const data = read(file);
    if (typeof data === 'number') return data;
    lines.push(...data.toString('utf8').split('\n'));
  }
  return lines;
}

/** Drops the empty string after a trailing newline. */
function withoutTrailing(lines: string[]): string[] {
  return lines.length > 0 && lines[lines.length - 1] === '' ? lines.slice(0, -1) : lines;
}

export function createSystemTools(deps: SystemToolDeps, readFile: (ctx: ToolContext, file: string) => Buffer | number): Record<string, Tool> {
  return {
    id: (ctx) => {
      const groups = SHELL_GROUPS.map((g) => `${g.gid}(${g.name})`).join(',');
      if (ctx.argv.includes('-u')) { ctx.out.stdout(`${ctx.uid}\n`); return 0; }
      if (ctx.argv.includes('-un')) { ctx.out.stdout(`${ctx.uid === 0 ? 'root' : 'shell'}\n`); return 0; }
      ctx.out.stdout(ctx.uid === 0
        ? `uid=0(root) gid=0(root) groups=0(root),${groups} context=u:r:su:s0\n`
        : `uid=2000(shell) gid=2000(shell) groups=2000(shell),${groups} context=u:r:shell:s0\n`);
      return 0;
    },
    whoami: (ctx) => { ctx.out.stdout(ctx.uid === 0 ? 'root\n' : 'shell\n'); return 0; },

    getprop: (ctx) => {
      const args = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
      const key = args[0];
      if (key === undefined) {
        ctx.out.stdout(deps.props.list().map(([k, v]) => `[${k}]: [${v}]\n`).join(''));
        return 0;
      }
      const value = deps.props.has(key) ? deps.props.get(key) : (args[1] ?? '');
      ctx.out.stdout(value + '\n');
      return 0;
    },
    // toybox setprop.c: init's own checks first, then __system_property_set.
    setprop: (ctx) => {
      const [key, value] = ctx.argv.slice(1);
      if (key === undefined || value === undefined) { ctx.out.stderr('setprop: Need 2 arguments\n'); return 1; }
      if (ctx.argv.length > 3) { ctx.out.stderr('setprop: Max 2 arguments\n'); return 1; }
      const reject = (message: string): number => { ctx.out.stderr(`setprop: ${message}\n`); return 1; };
      if (value.length >= 92 && !key.startsWith('ro.')) return reject(`value '${value}' too long; try '${value.slice(0, 91)}'`);
      if (key.startsWith('.') || key.endsWith('.')) return reject("property names must not start or end with '.'");
      if (key.includes('..')) return reject("'..' is not allowed in a property name");
      const bad = [...key].find((c) => !/[A-Za-z0-9@_.-]/.test(c));
      if (bad !== undefined) return reject(`invalid character '${bad}' in name '${key}'`);
      const failure = deps.props.trySet(key, value, ctx.uid);
      if (failure !== undefined) {
        deps.log.append('main', 'E', 'init', `Unable to set property '${key}' from uid:${ctx.uid} gid:${ctx.uid} pid:${deps.shellPid()}: ${failure}`, { pid: 1 });
        ctx.out.stderr(`setprop: failed to set property '${key}' to '${value}'\n`);
        return 1;
      }
      return 0;
    },

    sleep: async (ctx) => {
      const seconds = Number(ctx.argv[1] ?? 'x');
      if (!Number.isFinite(seconds) || seconds < 0) { ctx.out.stderr(`sleep: Bad number '${ctx.argv[1] ?? ''}'\n`); return 1; }
      const sleeping = deps.clock.sleep(seconds * 1000);
      const abort = (): void => sleeping.cancel();
      ctx.signal.addEventListener('abort', abort, { once: true });
      await sleeping.done;
      ctx.signal.removeEventListener('abort', abort);
      return 0;
    },

    date: (ctx) => {
      const now = deps.clock.now();
      const format = ctx.argv.find((a) => a.startsWith('+'));
      if (format === '+%s') { ctx.out.stdout(`${Math.floor(now.getTime() / 1000)}\n`); return 0; }
      const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
      const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
      const p2 = (n: number): string => String(n).padStart(2, '0');
      ctx.out.stdout(`${days[now.getUTCDay()] ?? ''} ${months[now.getUTCMonth()] ?? ''} ${String(now.getUTCDate()).padStart(2, ' ')} ${p2(now.getUTCHours())}:${p2(now.getUTCMinutes())}:${p2(now.getUTCSeconds())} UTC ${now.getUTCFullYear()}\n`);
      return 0;
    },

    uname: (ctx) => {
      const release = '6.1.0-ims-rig';
      if (ctx.argv.includes('-r')) ctx.out.stdout(`${release}\n`);
      else if (ctx.argv.includes('-m')) ctx.out.stdout('x86_64\n');
      else if (ctx.argv.includes('-a')) ctx.out.stdout(`Linux localhost ${release} #1 SMP PREEMPT Thu Dec  5 00:00:00 UTC 2024 x86_64 Toybox\n`);
      else ctx.out.stdout('Linux\n');
      return 0;
    },

    // userdebug's su (system/extras/su): `su [uid] [command…]`; only root and shell may use it.
    su: (ctx) => {
      const args = ctx.argv.slice(1);
      let target: 0 | 2000 = 0;
      const first = args[0];
      if (first !== undefined && /^(root|0|shell|2000)$/.test(first)) {
        args.shift();
        target = first === 'shell' || first === '2000' ? 2000 : 0;
      }
      if (args.length === 0) { ctx.out.stderr('su: interactive shells are not supported on this device\n'); return 1; }
      const command = args[0] === '-c' ? (args[1] ?? '') : args.map((a) => (/^[A-Za-z0-9_.,:/=@%+-]+$/.test(a) ? a : `'${a.replace(/'/g, "'\\''")}'`)).join(' ');
      return ctx.runScript(command, { uid: target });
    },

    log: (ctx) => {
      const { values, operands } = splitFlags(ctx.argv.slice(1), ['p', 't']);
      const priority = (values.get('p') ?? 'i').toUpperCase().slice(0, 1);
      const valid: readonly LogPriority[] = ['V', 'D', 'I', 'W', 'E', 'F'];
      const prio: LogPriority = (valid as readonly string[]).includes(priority) ? (priority as LogPriority) : 'I';
      deps.log.append('main', prio, values.get('t') ?? 'log', operands.join(' '), { pid: deps.shellPid() });
      return 0;
    },

    printf: (ctx) => {
      const [format, ...args] = ctx.argv.slice(1);
      if (format === undefined) { ctx.out.stderr('printf: Needs 1 argument\n'); return 1; }
      let out = '';
      let index = 0;
      do {
        out += interpretEscapes(format).replace(/%([-0-9.]*)([sdxib%])/g, (_m, width: string, conv: string) => {
          if (conv === '%') return '%';
          const arg = args[index++] ?? '';
          const value = conv === 's' || conv === 'b' ? (conv === 'b' ? interpretEscapes(arg) : arg) : conv === 'x' ? (Number.parseInt(arg, 10) || 0).toString(16) : String(Number.parseInt(arg, 10) || 0);
          const w = Number.parseInt(width, 10);
          return Number.isNaN(w) ? value : width.startsWith('-') ? value.padEnd(-w) : value.padStart(w);
        });
      } while (index > 0 && index < args.length);
      ctx.out.stdout(out);
      return 0;
    },

    which: (ctx) => {
      let status = 0;
      let out = '';
      for (const name of ctx.argv.slice(1)) {
        if (deps.findTool(name) !== undefined) out += `/system/bin/${name}\n`;
        else status = 1;
      }
      ctx.out.stdout(out);
      return status;
    },

    grep: async (ctx) => {
      const { flags, values, operands } = splitFlags(ctx.argv.slice(1), ['e']);
      const pattern = values.get('e') ?? operands.shift();
      if (pattern === undefined) { ctx.out.stderr('grep: no pattern\n'); return 2; }
      const source = flags.has('F') ? pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : pattern.replace(/\\([|(){}+?])/g, '$1');
      const regex = new RegExp(flags.has('w') ? `\\b(?:${source})\\b` : flags.has('x') ? `^(?:${source})$` : source, flags.has('i') ? 'i' : '');
      const lines = await inputLines(ctx, operands, (f) => readFile(ctx, f));
      if (typeof lines === 'number') { ctx.out.stderr(`grep: ${operands.join(' ')}: No such file or directory\n`); return 2; }
      const matched = withoutTrailing(lines).filter((l) => regex.test(l) !== flags.has('v'));
      if (flags.has('c')) ctx.out.stdout(`${matched.length}\n`);
      else if (!flags.has('q')) ctx.out.stdout(matched.map((l) => l + '\n').join(''));
      return matched.length > 0 ? 0 : 1;
    },

    head: async (ctx) => headTail(ctx, 'head', (l, n) => l.slice(0, n), readFile),
    tail: async (ctx) => headTail(ctx, 'tail', (l, n) => l.slice(Math.max(0, l.length - n)), readFile),

    wc: async (ctx) => {
      const { flags, operands } = splitFlags(ctx.argv.slice(1));
      const data = operands.length === 0 ? await readAll(ctx.stdin, undefined, ctx.signal) : readFile(ctx, operands[0] ?? '');
      if (typeof data === 'number') { ctx.out.stderr(`wc: ${operands[0] ?? ''}: No such file or directory\n`); return 1; }
      const text = data.toString('utf8');
      const counts = { l: (text.match(/\n/g) ?? []).length, w: text.split(/\s+/).filter((w) => w !== '').length, c: data.length };
      const chosen = (['l', 'w', 'c'] as const).filter((k) => flags.has(k));
      const shown = (chosen.length > 0 ? chosen : (['l', 'w', 'c'] as const)).map((k) => String(counts[k]));
      ctx.out.stdout(`${shown.join(' ')}${operands[0] !== undefined ? ` ${operands[0]}` : ''}\n`);
      return 0;
    },
  };
}

async function headTail(ctx: ToolContext, name: string, pick: (lines: string[], n: number) => string[], readFile: (ctx: ToolContext, file: string) => Buffer | number): Promise<number> {
  const args = ctx.argv.slice(1).map((a) => (/^-\d+$/.test(a) ? `-n${a.slice(1)}` : a));
  const { values, operands } = splitFlags(args, ['n']);
  const n = Number.parseInt(values.get('n') ?? '10', 10);
  const lines = await inputLines(ctx, operands, (f) => readFile(ctx, f));
  if (typeof lines === 'number') { ctx.out.stderr(`${name}: ${operands[0] ?? ''}: No such file or directory\n`); return 1; }
  ctx.out.stdout(pick(withoutTrailing(lines), n).map((l) => l + '\n').join(''));
  return 0;
}
