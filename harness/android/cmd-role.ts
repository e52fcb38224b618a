/**
 * `cmd role …` (AOSP packages/modules/Permission RoleShellCommand): get-role-holders prints the
 * holders joined with ROLE_HOLDER_SEPARATOR ";" (empty line when none); add/remove/clear print
 * nothing and return -1 with `Error: see logcat for details.` on failure.
 */
import type { PackageName } from '../model';
import { int, name, pkg, shellCommand, type ShellCommand, type ShellPart } from '../adb';
import { classifyFailure, failed, success, type CommandOutput, type Outcome } from './cmd-outcome';

export const ROLE_SMS = 'android.app.role.SMS';
export const ROLE_DIALER = 'android.app.role.DIALER';

function userArgs(user: number | undefined): ShellPart[] {
  return user === undefined ? [] : ['--user', int(user, 0, 1_000_000)];
}

/** `cmd role get-role-holders [--user N] ROLE` */
export function getRoleHoldersCommand(role: string, user?: number): ShellCommand {
  return shellCommand('cmd', 'role', 'get-role-holders', ...userArgs(user), name(role));
}

/** `cmd role add-role-holder [--user N] ROLE PACKAGE [FLAGS]` */
export function addRoleHolderCommand(role: string, packageName: PackageName, user?: number): ShellCommand {
  return shellCommand('cmd', 'role', 'add-role-holder', ...userArgs(user), name(role), pkg(packageName));
}

/** `cmd role remove-role-holder [--user N] ROLE PACKAGE [FLAGS]` */
export function removeRoleHolderCommand(role: string, packageName: PackageName, user?: number): ShellCommand {
  return shellCommand('cmd', 'role', 'remove-role-holder', ...userArgs(user), name(role), pkg(packageName));
}

/** `com.google.android.sample.rcsclient` or `a.b;c.d`; empty line: no holder. */
export function parseRoleHolders(out: CommandOutput): Outcome<string[]> {
  if (failed(out)) return classifyFailure(out);
  return success(out.stdout.trim().split(';').map((s) => s.trim()).filter((s) => s !== ''));
}
