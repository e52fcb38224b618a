/**
 * One `adb shell` invocation as a running process (`RunningCommand`): `sh -c <command line>`, or
 * with an empty command line a shell reading commands from stdin (interactive with a prompt when
 * the host asked for a PTY, as `adb shell` from a terminal does).
 */
import { type CommandOutput, type RunningCommand } from '../../device/android-device';
import { BytePipe, EMPTY_INPUT } from './byte-pipe';
import { type Io, ShellExit, type ShellInterpreter, type ShellState } from './sh-interpreter';
import { parseScript } from './sh-parser';
import { ShellSyntaxError } from './sh-lexer';

export interface ShellSessionOptions {
  readonly uid: 0 | 2000;
  readonly pty: boolean;
  readonly pid: number;
  readonly env: ReadonlyMap<string, string>;
  /** mksh's PS1 as /system/etc/mkshrc sets it: `<device>:/ $ ` (`#` for root). */
  readonly prompt: (state: ShellState) => string;
}

export function startShellSession(interpreter: ShellInterpreter, commandLine: string, out: CommandOutput, options: ShellSessionOptions): RunningCommand {
  return startProcess(out, options, (io, state, signal, stdin) => {
    if (commandLine.trim() !== '') return interpreter.runScript(commandLine, io, state, signal);
    return readCommandsFromStdin(interpreter, stdin, io, state, signal, options);
  });
}

/**
 * Runs `body` as a device process with the usual stdio plumbing: stdin from the host, output
 * through `out`, exit status as a byte. With a PTY, mksh reads commands interactively (prompt).
 */
export function startProcess(
  out: CommandOutput,
  options: Pick<ShellSessionOptions, 'uid' | 'pty' | 'pid' | 'env'>,
  body: (io: Io, state: ShellState, signal: AbortSignal, stdin: BytePipe) => Promise<number>,
): RunningCommand {
  const stdin = new BytePipe();
  const abort = new AbortController();
  // The terminal's line discipline (echo, CR/LF translation, stderr on the one tty) is the
  // transport's (virtual-device/services/command-service.ts); the process just writes.
  const io: Io = {
    stdin,
    stdout: { write: (data) => out.stdout(data) },
    stderr: { write: (data) => out.stderr(data) },
  };
  const state: ShellState = { uid: options.uid, cwd: '/', vars: new Map(options.env), lastStatus: 0, pid: options.pid };
  const exit = body(io, state, abort.signal, stdin).then(
    (status) => status & 0xff,
    (error: unknown) => {
      io.stderr.write(`/system/bin/sh: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    },
  );
  return {
    writeStdin: (chunk) => stdin.write(chunk),
    closeStdin: () => stdin.close(),
    kill: () => {
      abort.abort();
      stdin.close();
    },
    exit,
  };
}

/** mksh reading a script from stdin: run each complete command as soon as its line arrives. */
async function readCommandsFromStdin(interpreter: ShellInterpreter, stdin: BytePipe, io: Io, state: ShellState, signal: AbortSignal, options: ShellSessionOptions): Promise<number> {
  // The script's lines are the shell's input; its commands get none (a real shell would let them
  // read the lines after their own, which no client of the rig relies on).
  const lineInput = EMPTY_INPUT;
  let pending = '';
  let buffered = '';
  if (options.pty) io.stdout.write(options.prompt(state));
  for (;;) {
    if (signal.aborted) return state.lastStatus;
    const chunk = await stdin.read();
    if (chunk === null) break;
    buffered += chunk.toString('utf8').replace(/\r\n?/g, '\n');
    let newline = buffered.indexOf('\n');
    while (newline >= 0) {
      pending += buffered.slice(0, newline + 1);
      buffered = buffered.slice(newline + 1);
      newline = buffered.indexOf('\n');
      if (!isComplete(pending)) continue;
      const script = pending;
      pending = '';
      try {
        await interpreter.runScript(script, { ...io, stdin: lineInput }, state, signal, true);
      } catch (thrown) {
        if (thrown instanceof ShellExit) return thrown.status;
        throw thrown;
      }
      if (options.pty) io.stdout.write(options.prompt(state));
    }
  }
  const rest = pending + buffered;
  if (rest.trim() !== '') await interpreter.runScript(rest, { ...io, stdin: lineInput }, state, signal);
  return state.lastStatus;
}

function isComplete(script: string): boolean {
  try {
    parseScript(script);
    return true;
  } catch (error) {
    return !(error instanceof ShellSyntaxError && error.incomplete);
  }
}
