/**
 * What a command running in the device shell sees. `ToolContext` extends the platform contract's
 * `ShellContext` (so telephony's `ShellCommand`s run unchanged) with what the platform's own
 * commands need: the streaming stdin, the working directory, the environment, a kill signal and
 * the way back into the shell (`sh -c`, `su`).
 */
import { type CommandOutput } from '../../device/android-device';
import { type ShellCommand, type ShellContext } from '../platform';
import { type InputStream } from './byte-pipe';

export interface ToolContext extends ShellContext {
  readonly stdin: InputStream;
  readonly cwd: string;
  readonly env: ReadonlyMap<string, string>;
  /** Aborted when the host kills the command (the adb stream closed). */
  readonly signal: AbortSignal;
  /** Runs a command line in a child shell with this context's stdio (`sh -c`, `su 0 …`). */
  runScript(script: string, options?: { readonly uid?: 0 | 2000 }): Promise<number>;
}

/** A command of the platform itself (toybox tools, pm, am, …). */
export type Tool = (ctx: ToolContext) => Promise<number> | number;

/** Adapts a contract `ShellCommand` (which only knows ShellContext) to a Tool: it already is one. */
export function asTool(command: ShellCommand): Tool {
  return command;
}

/** Writes a line (adds "\n"). */
export function println(out: CommandOutput, text = ''): void {
  out.stdout(text + '\n');
}

export function eprintln(out: CommandOutput, text: string): void {
  out.stderr(text + '\n');
}

/** Exit statuses are bytes: AOSP's `return -1` from a ShellCommand shows as 255 through sh. */
export function toExitStatus(code: number): number {
  return ((Math.trunc(code) % 256) + 256) % 256;
}

/** The UID names Android's `id` prints (system/core/libcutils/include/private/android_filesystem_config.h). */
export const AID_ROOT = 0;
export const AID_SYSTEM = 1000;
export const AID_SHELL = 2000;
