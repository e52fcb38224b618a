/**
 * mksh's builtins that need the shell's own state: cd, pwd, exit, export, unset, echo, test/[,
 * command -v, type, sh -c (a child shell), true/false/:.
 */
import { ERRNO_TEXT, S_IFDIR, S_IFMT, S_IFREG } from '../fs/memory-fs';
import { normalizePath } from '../fs/fs-path';
import { type Io, SH, ShellExit, type ShellInterpreter, type ShellState } from './sh-interpreter';

interface BuiltinContext {
  readonly io: Io;
  readonly state: ShellState;
  readonly interpreter: ShellInterpreter;
  readonly signal: AbortSignal;
}

type Builtin = (argv: readonly string[], ctx: BuiltinContext) => number | Promise<number>;

const BUILTINS: Readonly<Record<string, Builtin>> = {
  ':': () => 0,
  true: () => 0,
  false: () => 1,
  exit: (argv, { state, io }) => {
    const arg = argv[1];
    if (arg !== undefined && !/^-?\d+$/.test(arg)) {
      io.stderr.write(`${SH}: exit: ${arg}: bad number\n`);
      throw new ShellExit(1);
    }
    throw new ShellExit(arg === undefined ? state.lastStatus : ((Number(arg) % 256) + 256) % 256);
  },
  cd: (argv, { state, io, interpreter }) => {
    const target = normalizePath(argv[1] ?? state.vars.get('HOME') ?? '/', state.cwd);
    const stat = interpreter.host.files.stat(target, state.uid);
    if (typeof stat === 'number') {
      io.stderr.write(`${SH}: cd: ${argv[1] ?? target}: ${ERRNO_TEXT[stat]}\n`);
      return 2;
    }
    if ((stat.mode & S_IFMT) !== S_IFDIR) {
      io.stderr.write(`${SH}: cd: ${argv[1] ?? target}: ${ERRNO_TEXT[20]}\n`);
      return 2;
    }
    state.cwd = target;
    state.vars.set('PWD', target);
    return 0;
  },
  pwd: (_argv, { state, io }) => {
    io.stdout.write(state.cwd + '\n');
    return 0;
  },
  export: (argv, { state }) => {
    for (const arg of argv.slice(1)) {
      const eq = arg.indexOf('=');
      if (eq > 0) state.vars.set(arg.slice(0, eq), arg.slice(eq + 1));
    }
    return 0;
  },
  unset: (argv, { state }) => {
    for (const name of argv.slice(1)) state.vars.delete(name);
    return 0;
  },
  echo: (argv, { io }) => {
    let args = argv.slice(1);
    let newline = true;
    let escapes = true; // mksh interprets backslash sequences by default (-E turns it off)
    while (args[0] !== undefined && /^-[neE]+$/.test(args[0])) {
      for (const flag of args[0].slice(1)) {
        if (flag === 'n') newline = false;
        else if (flag === 'e') escapes = true;
        else escapes = false;
      }
      args = args.slice(1);
    }
    let text = args.join(' ');
    if (escapes) {
      const cut = text.indexOf('\\c');
      if (cut >= 0) {
        text = text.slice(0, cut);
        newline = false;
      }
      text = interpretEscapes(text);
    }
    io.stdout.write(newline ? text + '\n' : text);
    return 0;
  },
  test: (argv, ctx) => evaluateTest(argv.slice(1), ctx),
  '[': (argv, ctx) => {
    if (argv[argv.length - 1] !== ']') {
      ctx.io.stderr.write(`${SH}: [: missing ]\n`);
      return 2;
    }
    return evaluateTest(argv.slice(1, -1), ctx);
  },
  command: (argv, ctx) => {
    if (argv[1] !== '-v' && argv[1] !== '-V') return ctx.interpreter.exec(argv.slice(1), ctx.io, ctx.state, ctx.signal);
    let status = 0;
    for (const name of argv.slice(2)) {
      const where = locate(name, ctx);
      if (where === undefined) status = 1;
      else ctx.io.stdout.write(where + '\n');
    }
    return status;
  },
  type: (argv, ctx) => {
    let status = 0;
    for (const name of argv.slice(1)) {
      const where = locate(name, ctx);
      if (where === undefined) {
        ctx.io.stderr.write(`${name} not found\n`);
        status = 1;
      } else ctx.io.stdout.write(where === name ? `${name} is a shell builtin\n` : `${name} is a tracked alias for ${where}\n`);
    }
    return status;
  },
  // exec replaces the shell with the command: its status is the shell's (adb logcat sends
  // `export ANDROID_LOG_TAGS="''"; exec logcat …`).
  exec: async (argv, ctx) => {
    if (argv.length < 2) return 0;
    throw new ShellExit(await ctx.interpreter.exec(argv.slice(1), ctx.io, ctx.state, ctx.signal));
  },
  sh: (argv, ctx) => {
    const dashC = argv.indexOf('-c');
    const child: ShellState = { ...ctx.state, vars: new Map(ctx.state.vars), pid: ctx.interpreter.host.nextPid() };
    if (dashC >= 0) return ctx.interpreter.runScript(argv[dashC + 1] ?? '', ctx.io, child, ctx.signal);
    const file = argv[1];
    if (file === undefined) {
      ctx.io.stderr.write(`${SH}: interactive child shells are not supported here\n`);
      return 1;
    }
    const data = ctx.interpreter.host.files.read(normalizePath(file, ctx.state.cwd), ctx.state.uid);
    if (typeof data === 'number') {
      ctx.io.stderr.write(`${SH}: ${file}: ${ERRNO_TEXT[data]}\n`);
      return 127;
    }
    return ctx.interpreter.runScript(data.toString('utf8'), ctx.io, child, ctx.signal);
  },
};

export function isBuiltin(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(BUILTINS, name);
}

export function runBuiltin(name: string, argv: readonly string[], ctx: BuiltinContext): number | Promise<number> {
  const builtin = BUILTINS[name];
  return builtin === undefined ? 127 : builtin(argv, ctx);
}

function locate(name: string, ctx: BuiltinContext): string | undefined {
  if (isBuiltin(name) && name !== 'sh') return name;
  if (name === 'sh') return SH;
  return ctx.interpreter.host.findTool(name) !== undefined ? `/system/bin/${name}` : undefined;
}

export function interpretEscapes(text: string): string {
  return text.replace(/\\(0[0-7]{0,3}|[abefnrtv\\])/g, (_m, seq: string) => {
    if (seq.startsWith('0')) return String.fromCharCode(parseInt(seq.length > 1 ? seq.slice(1) : '0', 8));
    const map: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };
    return map[seq] ?? seq;
  });
}

/** test(1) for the forms scripts use: unary file/string tests, binary string/integer comparisons, `!`. */
function evaluateTest(args: readonly string[], ctx: BuiltinContext): number {
  const files = ctx.interpreter.host.files;
  const uid = ctx.state.uid;
  const path = (p: string): string => normalizePath(p, ctx.state.cwd);
  const truth = (b: boolean): number => (b ? 0 : 1);
  if (args[0] === '!') return evaluateTest(args.slice(1), ctx) === 0 ? 1 : 0;
  if (args.length === 0) return 1;
  if (args.length === 1) return truth((args[0] ?? '') !== '');
  if (args.length === 2) {
    const [op, operand = ''] = args;
    const stat = files.stat(path(operand), uid);
    const exists = typeof stat !== 'number';
    switch (op) {
      case '-n': return truth(operand !== '');
      case '-z': return truth(operand === '');
      case '-e': return truth(exists);
      case '-f': return truth(exists && (stat.mode & S_IFMT) === S_IFREG);
      case '-d': return truth(exists && (stat.mode & S_IFMT) === S_IFDIR);
      case '-s': return truth(exists && stat.size > 0);
      case '-r': return truth(exists && typeof files.read(path(operand), uid) !== 'number');
      case '-w': case '-x': return truth(exists && (uid === 0 || stat.uid === uid));
      case undefined: default:
        ctx.io.stderr.write(`${SH}: test: ${op ?? ''}: unexpected operator\n`);
        return 2;
    }
  }
  const [left = '', op, right = ''] = args;
  const int = (s: string): number => Number.parseInt(s, 10);
  switch (op) {
    case '=': case '==': return truth(left === right);
    case '!=': return truth(left !== right);
    case '-eq': return truth(int(left) === int(right));
    case '-ne': return truth(int(left) !== int(right));
    case '-lt': return truth(int(left) < int(right));
    case '-le': return truth(int(left) <= int(right));
    case '-gt': return truth(int(left) > int(right));
    case '-ge': return truth(int(left) >= int(right));
    case undefined: default:
      ctx.io.stderr.write(`${SH}: test: ${op ?? ''}: unexpected operator\n`);
      return 2;
  }
}
