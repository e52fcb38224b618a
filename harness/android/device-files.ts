/**
 * Plain file commands the rig runs on a target for its own bookkeeping (its lock and the snapshot
 * it keeps there), and the kernel's boot id. toybox wording: `mkdir` of an existing path prints
 * `mkdir: '<path>': File exists` and exits 1; `cat` of a missing file prints
 * `cat: <path>: No such file or directory` and exits 1.
 */
import { devicePath, lit, shellCommand, type ShellCommand } from '../adb';

/** The kernel's id of the current boot: a UUID that changes at every boot (readable by the shell uid). */
export const BOOT_ID_FILE = '/proc/sys/kernel/random/boot_id';

export function bootIdCommand(): ShellCommand {
  return shellCommand('cat', lit(BOOT_ID_FILE));
}

/** The boot id in `cat`'s output, or undefined when there is none (an old or unusual kernel). */
export function parseBootId(stdout: string): string | undefined {
  const id = stdout.trim().toLowerCase();
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id) ? id : undefined;
}

/** `mkdir <dir>`: atomic, fails when the path exists — what a lock is made of. */
export function mkdirCommand(dir: string): ShellCommand {
  return shellCommand('mkdir', devicePath(dir));
}

/** True when mkdir's output says the path was already there. */
export function isAlreadyExists(output: string): boolean {
  return /File exists/i.test(output);
}

/** `cat <file>` of a device file under the rig's roots. */
export function catCommand(file: string): ShellCommand {
  return shellCommand('cat', devicePath(file));
}
