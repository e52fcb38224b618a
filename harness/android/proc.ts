/**
 * Processes and the kernel clock: `cat /proc/uptime` (`<seconds since boot> <idle seconds>`,
 * two decimals, proc(5)), `pidof <name>` (pids separated by spaces, exit 1 when none) and
 * `kill <pid>` (toybox). Pure.
 */
import { int, lit, pkg, shellCommand, type ShellCommand } from '../adb';

export function uptimeCommand(): ShellCommand {
  return shellCommand('cat', lit('/proc/uptime'));
}

/** Seconds since boot, or undefined when the text is not /proc/uptime. */
export function parseUptime(stdout: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s+\d+(?:\.\d+)?\s*$/.exec(stdout);
  return m ? Number(m[1]) : undefined;
}

export function pidofCommand(processName: string): ShellCommand {
  return shellCommand('pidof', pkg(processName));
}

export function parsePidof(stdout: string): number[] {
  return stdout.trim().split(/\s+/).filter((t) => /^\d+$/.test(t)).map(Number);
}

export function killCommand(pid: number): ShellCommand {
  return shellCommand('kill', int(pid, 1, 4_194_304));
}
