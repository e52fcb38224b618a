/**
 * Runs parsed command lines the way mksh (/system/bin/sh) does for `adb shell`: expansions,
 * redirections, pipelines, `&&`/`||`, exit statuses (last command; 127 for an unknown command;
 * a command's -1 is 255), `$?`. Texts of the shell's own errors are mksh's
 * (`/system/bin/sh: foo: inaccessible or not found`).
 */
import { type CommandOutput } from '../../device/android-device';
import { ERRNO_TEXT, type FsErrno } from '../fs/memory-fs';
import { normalizePath } from '../fs/fs-path';
import { BytePipe, bufferInput, EMPTY_INPUT, type InputStream, readAll } from './byte-pipe';
import { type Tool, type ToolContext, toExitStatus } from './tool';
import { type BraceGroup, type Command, type ForClause, type IfClause, type LoopClause, parseScript, type Pipeline, type Redirect, type Script, type SimpleCommand } from './sh-parser';
import { ShellSyntaxError, type WordToken } from './sh-lexer';
import { expandWord, expandWords } from './sh-expand';
import { runBuiltin, isBuiltin } from './sh-builtins';
import { type ShellFiles } from './shell-files';

export const SH = '/system/bin/sh';

/** State of one shell (process): variables, cwd, `$?`. Subshells get a copy. */
export interface ShellState {
  uid: 0 | 2000;
  cwd: string;
  readonly vars: Map<string, string>;
  lastStatus: number;
  readonly pid: number;
}

export interface Io {
  readonly stdin: InputStream;
  readonly stdout: Sink;
  readonly stderr: Sink;
}

export interface Sink {
  write(data: Buffer | string): void;
}

/** `exit N`: unwinds to the shell (or subshell) that runs the script. */
export class ShellExit extends Error {
  constructor(readonly status: number) {
    super(`exit ${status}`);
  }
}

export interface ShellHost {
  readonly files: ShellFiles;
  /** Finds a command by name: a binary on $PATH (`pm`, `getprop`, `ims-rig-device`). */
  findTool(name: string): Tool | undefined;
  /** A fresh pid for a child process. */
  nextPid(): number;
  /** Reports a command that threw (a bug in a simulated command, not the device's behaviour). */
  onToolError(name: string, error: unknown): void;
}

const PATH_DIRS = ['/system/bin/', '/system/xbin/', '/vendor/bin/', '/product/bin/', '/system_ext/bin/', '/bin/'];

export class ShellInterpreter {
  constructor(readonly host: ShellHost) {}

  /**
   * Runs a whole command line; returns the exit status (0–255). With `propagateExit`, an `exit`
   * throws ShellExit to the caller (a shell reading commands from stdin stops reading).
   */
  async runScript(source: string, io: Io, state: ShellState, signal: AbortSignal, propagateExit = false): Promise<number> {
    let script: Script;
    try {
      script = parseScript(source);
    } catch (error) {
      if (error instanceof ShellSyntaxError) {
        io.stderr.write(`${SH}: ${error.message}\n`);
        state.lastStatus = 1;
        return 1;
      }
      throw error;
    }
    try {
      return await this.runList(script, io, state, signal);
    } catch (thrown) {
      if (thrown instanceof ShellExit) {
        state.lastStatus = thrown.status;
        if (!propagateExit) return thrown.status;
      }
      throw thrown;
    }
  }

  private async runList(script: Script, io: Io, state: ShellState, signal: AbortSignal): Promise<number> {
    let status = state.lastStatus;
    for (const item of script) {
      if (signal.aborted) break;
      status = await this.runPipeline(item.first, io, state, signal);
      state.lastStatus = status;
      for (const next of item.rest) {
        if ((next.op === '&&') !== (status === 0)) continue;
        status = await this.runPipeline(next.pipeline, io, state, signal);
        state.lastStatus = status;
      }
    }
    return status;
  }

  private async runPipeline(pipeline: Pipeline, io: Io, state: ShellState, signal: AbortSignal): Promise<number> {
    let status: number;
    if (pipeline.commands.length === 1 && pipeline.commands[0] !== undefined) {
      status = await this.runCommand(pipeline.commands[0], io, state, signal);
    } else {
      const pipes = pipeline.commands.slice(1).map(() => new BytePipe());
      const runs = pipeline.commands.map(async (command, i) => {
        const stdin = i === 0 ? io.stdin : (pipes[i - 1] ?? EMPTY_INPUT);
        const pipe = pipes[i];
        const stdout: Sink = pipe === undefined ? io.stdout : { write: (d) => pipe.write(typeof d === 'string' ? Buffer.from(d) : d) };
        // Each element of a pipeline runs in a subshell environment (POSIX 2.12).
        const child: ShellState = { ...state, vars: new Map(state.vars) };
        try {
          return await this.runCommand(command, { stdin, stdout, stderr: io.stderr }, child, signal);
        } catch (thrown) {
          if (thrown instanceof ShellExit) return thrown.status;
          throw thrown;
        } finally {
          pipe?.close();
          // The reader of this command's stdin is done: writers to the left must not block.
          if (i > 0) pipes[i - 1]?.discard();
        }
      });
      const statuses = await Promise.all(runs);
      status = statuses[statuses.length - 1] ?? 0;
    }
    return pipeline.negate ? (status === 0 ? 1 : 0) : status;
  }

  private async runCommand(command: Command, io: Io, state: ShellState, signal: AbortSignal): Promise<number> {
    const redirected = await this.applyRedirects(command.redirects, io, state, signal);
    if (typeof redirected === 'number') return redirected;
    try {
      if (command.kind === 'subshell') {
        const child: ShellState = { ...state, vars: new Map(state.vars) };
        try {
          return await this.runList(command.body, redirected.io, child, signal);
        } catch (thrown) {
          if (thrown instanceof ShellExit) return thrown.status;
          throw thrown;
        }
      }
      if (command.kind === 'simple') return await this.runSimple(command, redirected.io, state, signal);
      return await this.runCompound(command, redirected.io, state, signal);
    } finally {
      redirected.flush();
    }
  }

  /** if / for / while / until / { } — they run in the current shell (no subshell). */
  private async runCompound(command: IfClause | ForClause | LoopClause | BraceGroup, io: Io, state: ShellState, signal: AbortSignal): Promise<number> {
    switch (command.kind) {
      case 'group':
        return this.runList(command.body, io, state, signal);
      case 'if': {
        for (const branch of command.branches) {
          if ((await this.runList(branch.condition, io, state, signal)) === 0) return this.runList(branch.body, io, state, signal);
        }
        return command.otherwise === undefined ? 0 : this.runList(command.otherwise, io, state, signal);
      }
      case 'for': {
        const substitution = { status: undefined as number | undefined };
        const items = await expandWords(command.items, (w) => expandWord(w, this.expansionContext(state, io, signal, substitution)));
        let status = 0;
        for (const item of items) {
          if (signal.aborted) break;
          state.vars.set(command.name, item);
          status = await this.runList(command.body, io, state, signal);
        }
        return status;
      }
      case 'while': case 'until': {
        let status = 0;
        while (!signal.aborted) {
          const condition = await this.runList(command.condition, io, state, signal);
          if ((condition === 0) !== (command.kind === 'while')) break;
          status = await this.runList(command.body, io, state, signal);
          // Let timers and I/O run between iterations (a `while true; do sleep 1; done` must not starve them).
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
        return status;
      }
    }
  }

  private async runSimple(command: SimpleCommand, io: Io, state: ShellState, signal: AbortSignal): Promise<number> {
    const substitution = { status: undefined as number | undefined };
    const expand = (word: WordToken): Promise<string[]> => expandWord(word, this.expansionContext(state, io, signal, substitution));
    const argv = await expandWords(command.words, expand);
    const assigned = new Map<string, string>();
    for (const a of command.assignments) assigned.set(a.name, (await expand(a.value)).join(' '));
    if (argv.length === 0) {
      for (const [name, value] of assigned) state.vars.set(name, value);
      return substitution.status ?? 0;
    }
    const name = argv[0] ?? '';
    if (isBuiltin(name)) return runBuiltin(name, argv, { io, state, interpreter: this, signal });
    const tool = this.resolveTool(name, io, state);
    if (typeof tool === 'number') return tool;
    const env = new Map(state.vars);
    for (const [k, v] of assigned) env.set(k, v);
    return this.invoke(name, tool, argv, io, { ...state, vars: env }, signal);
  }

  /** Runs a tool with a fresh process context; returns its exit status as sh reports it. */
  async invoke(name: string, tool: Tool, argv: readonly string[], io: Io, state: ShellState, signal: AbortSignal): Promise<number> {
    const out: CommandOutput = { stdout: (d) => io.stdout.write(d), stderr: (d) => io.stderr.write(d) };
    const ctx: ToolContext = {
      argv,
      out,
      uid: state.uid,
      stdin: io.stdin,
      cwd: state.cwd,
      env: state.vars,
      signal,
      readStdin: (maxBytes?: number) => readAll(io.stdin, maxBytes ?? Number.POSITIVE_INFINITY, signal),
      runScript: (script, options) => {
        const child: ShellState = { ...state, vars: new Map(state.vars), uid: options?.uid ?? state.uid, pid: this.host.nextPid() };
        return this.runScript(script, io, child, signal);
      },
    };
    try {
      return toExitStatus(await tool(ctx));
    } catch (error) {
      this.host.onToolError(name, error);
      io.stderr.write(`${name}: ${error instanceof Error ? error.message : String(error)}\n`);
      return 255;
    }
  }

  /** Runs argv directly (no shell parsing), e.g. for `su 0 id`. */
  async exec(argv: readonly string[], io: Io, state: ShellState, signal: AbortSignal): Promise<number> {
    const name = argv[0];
    if (name === undefined) return 0;
    if (isBuiltin(name)) return runBuiltin(name, argv, { io, state, interpreter: this, signal });
    const tool = this.resolveTool(name, io, state);
    if (typeof tool === 'number') return tool;
    return this.invoke(name, tool, argv, io, state, signal);
  }

  /** The tool for a command name, or the status after printing mksh's error. */
  resolveTool(name: string, io: Io, state: ShellState): Tool | number {
    if (!name.includes('/')) {
      const tool = this.host.findTool(name);
      if (tool !== undefined) return tool;
      io.stderr.write(`${SH}: ${name}: inaccessible or not found\n`);
      return 127;
    }
    const path = normalizePath(name, state.cwd);
    const dir = PATH_DIRS.find((d) => path.startsWith(d) && !path.slice(d.length).includes('/'));
    if (dir !== undefined) {
      const tool = this.host.findTool(path.slice(dir.length));
      if (tool !== undefined) return tool;
    }
    const stat = this.host.files.stat(path, state.uid);
    if (typeof stat === 'number') {
      io.stderr.write(`${SH}: ${name}: inaccessible or not found\n`);
      return 127;
    }
    io.stderr.write(`${SH}: ${name}: can't execute: ${ERRNO_TEXT[13]}\n`);
    return 126;
  }

  expansionContext(state: ShellState, io: Io, signal: AbortSignal, substitution: { status: number | undefined }): Parameters<typeof expandWord>[1] {
    return {
      param: (name) => {
        if (name === '?') return String(state.lastStatus);
        if (name === '$') return String(state.pid);
        if (name === '#') return '0';
        if (name === '0') return SH;
        return state.vars.get(name);
      },
      commandSubstitution: async (script) => {
        const chunks: Buffer[] = [];
        const child: ShellState = { ...state, vars: new Map(state.vars), pid: this.host.nextPid() };
        const status = await this.runScript(script, { stdin: EMPTY_INPUT, stdout: { write: (d) => chunks.push(typeof d === 'string' ? Buffer.from(d) : d) }, stderr: io.stderr }, child, signal);
        substitution.status = status;
        return Buffer.concat(chunks).toString('utf8').replace(/\n+$/, '');
      },
      glob: (pattern) => this.host.files.glob(pattern, state.cwd, state.uid),
      home: () => state.vars.get('HOME') ?? '/',
    };
  }

  /** Applies redirections left to right; returns the new stdio and a flush for file outputs. */
  private async applyRedirects(redirects: readonly Redirect[], io: Io, state: ShellState, signal: AbortSignal): Promise<{ io: Io; flush: () => void } | number> {
    if (redirects.length === 0) return { io, flush: () => undefined };
    const fds = new Map<number, Sink | InputStream | null>([[0, io.stdin], [1, io.stdout], [2, io.stderr]]);
    const fileSinks: FileSink[] = [];
    const substitution = { status: undefined as number | undefined };
    for (const r of redirects) {
      const targetWords = await expandWord(r.target, this.expansionContext(state, io, signal, substitution));
      const target = targetWords.join(' ');
      if (r.op === '>&' || r.op === '<&') {
        if (target === '-') { fds.set(r.fd, null); continue; }
        const from = /^\d$/.test(target) ? fds.get(Number(target)) : undefined;
        if (from === undefined) {
          io.stderr.write(`${SH}: ${target}: bad file descriptor\n`);
          return 1;
        }
        fds.set(r.fd, from);
        continue;
      }
      const path = normalizePath(target, state.cwd);
      if (r.op === '<' || r.op === '<>') {
        if (path === '/dev/null') { fds.set(r.fd, EMPTY_INPUT); continue; }
        const data = this.host.files.read(path, state.uid);
        if (typeof data === 'number') {
          io.stderr.write(`${SH}: can't open ${target}: ${ERRNO_TEXT[data]}\n`);
          return 1;
        }
        fds.set(r.fd, bufferInput(data));
        continue;
      }
      if (path === '/dev/null') { fds.set(r.fd, DISCARD); continue; }
      const append = r.op === '>>';
      const opened = this.host.files.write(path, Buffer.alloc(0), state.uid, append);
      if (opened !== true) {
        io.stderr.write(`${SH}: can't create ${target}: ${ERRNO_TEXT[opened]}\n`);
        return 1;
      }
      const sink = new FileSink(path, (data) => this.host.files.write(path, data, state.uid, true));
      fileSinks.push(sink);
      fds.set(r.fd, sink);
    }
    const asSink = (v: Sink | InputStream | null | undefined): Sink => (v !== null && v !== undefined && 'write' in v ? v : DISCARD);
    const asInput = (v: Sink | InputStream | null | undefined): InputStream => (v !== null && v !== undefined && 'read' in v ? v : EMPTY_INPUT);
    return {
      io: { stdin: asInput(fds.get(0)), stdout: asSink(fds.get(1)), stderr: asSink(fds.get(2)) },
      flush: () => { for (const sink of fileSinks) sink.flush(); },
    };
  }
}

const DISCARD: Sink = { write: () => undefined };

/** Output redirected to a file: collected, written once when the command ends. */
class FileSink implements Sink {
  private chunks: Buffer[] = [];

  constructor(readonly path: string, private readonly append: (data: Buffer) => true | FsErrno) {}

  write(data: Buffer | string): void {
    this.chunks.push(typeof data === 'string' ? Buffer.from(data) : data);
  }

  flush(): void {
    if (this.chunks.length === 0) return;
    const data = Buffer.concat(this.chunks);
    this.chunks = [];
    this.append(data);
  }
}
