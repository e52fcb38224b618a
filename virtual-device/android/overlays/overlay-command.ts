/**
 * `cmd overlay` (frameworks/base services/core/java/com/android/server/om/
 * OverlayManagerShellCommand.java): list, enable, disable, enable-exclusive, set-priority and
 * lookup, with AOSP's outputs — `[x]`/`[ ]`/`---` per overlay, a blank line after each target in
 * the full list; `Error: …` lines and status 1 for bad use; a failed commit escapes as
 * `java.lang.SecurityException: commit failed: <reason>` (OverlayManagerService.commit on a
 * debuggable build), printed by BasicShellCommandHandler with status -1.
 */
import { printJavaException } from '../shell/java-exception';
import { type Tool, type ToolContext } from '../shell/tool';
import { OverlayCommitError, type OverlayInfo, type OverlayManager } from './overlay-manager';

const HELP = `Overlay manager (overlay) commands:
  help
    Print this help text.
  list [--user USER_ID] [PACKAGE[:NAME]]
    Print information about target and overlay packages.
    Overlay packages are printed in priority order. With optional
    parameters PACKAGE and NAME, limit output to the specified overlay or
    target.
  enable [--user USER_ID] PACKAGE[:NAME]
    Enable overlay within or owned by PACKAGE with optional unique NAME.
  disable [--user USER_ID] PACKAGE[:NAME]
    Disable overlay within or owned by PACKAGE with optional unique NAME.
  enable-exclusive [--user USER_ID] [--category] PACKAGE
    Enable overlay within or owned by PACKAGE and disable all other overlays
    for its target package. If the --category option is given, only disables
    other overlays in the same category.
  set-priority [--user USER_ID] PACKAGE PARENT|lowest|highest
    Change the priority of the overlay to be just higher than
    the priority of PARENT If PARENT is the special keyword
    'lowest', change priority of PACKAGE to the lowest priority.
    If PARENT is the special keyword 'highest', change priority of
    PACKAGE to the highest priority.
  lookup [--user USER_ID] [--verbose] PACKAGE-TO-LOAD PACKAGE:TYPE/NAME
    Load a package and print the value of a given resource
    applying the current configuration and enabled overlays.
    For a more fine-grained alternative, use 'idmap2 lookup'.
`;

function status(info: OverlayInfo): string {
  return info.state === 'enabled' ? '[x]' : info.state === 'disabled' ? '[ ]' : '---';
}

class UsageFailure extends Error {}

/** Options before the arguments (ShellCommand.getNextOption): `--user N` (only user 0 exists), and `allowed` flags. */
function splitOptions(args: readonly string[], allowed: readonly string[] = []): { flags: Set<string>; rest: string[] } {
  const flags = new Set<string>();
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i] ?? '';
    if (!a.startsWith('-') || a === '-') break;
    if (a === '--user') {
      i++;
      continue;
    }
    if (!allowed.includes(a)) throw new UsageFailure(`Error: Unknown option: ${a}`);
    flags.add(a);
  }
  return { flags, rest: args.slice(i) };
}

export function createOverlayCommand(overlays: OverlayManager, onChange: (target: string) => void): Tool {
  return (ctx: ToolContext) => {
    const [cmd, ...args] = ctx.argv;
    const out = (line: string): void => ctx.out.stdout(`${line}\n`);
    const err = (line: string): void => ctx.out.stderr(`${line}\n`);
    try {
      switch (cmd) {
        case undefined:
        case 'help':
        case '-h':
          ctx.out.stdout(HELP);
          return 0;
        case 'list':
          return list(overlays, splitOptions(args).rest, out);
        case 'enable':
        case 'disable': {
          const name = required(splitOptions(args).rest[0]);
          const changed = overlays.setEnabled(name.split(':')[0] ?? name, cmd === 'enable');
          const info = overlays.overlay(name);
          if (changed && info) onChange(info.targetPackage);
          return 0;
        }
        case 'enable-exclusive': {
          const name = required(splitOptions(args, ['--category']).rest[0]);
          const info = overlays.overlay(name);
          if (info === undefined || !info.mutable) return 1;
          for (const other of overlays.overlaysForTarget(info.targetPackage)) {
            if (other.packageName !== name && other.mutable && other.state === 'enabled') overlays.setEnabled(other.packageName, false);
          }
          overlays.setEnabled(name, true);
          onChange(info.targetPackage);
          return 0;
        }
        case 'set-priority': {
          const rest = splitOptions(args).rest;
          const name = required(rest[0]);
          const parent = required(rest[1]);
          if (parent !== 'highest' && parent !== 'lowest') return 1;
          return overlays.setExtremePriority(name, parent === 'highest') ? 0 : 1;
        }
        case 'lookup':
          return lookup(overlays, splitOptions(args, ['--verbose']).rest, out, err);
        default:
          err(`Unknown command: ${cmd}`);
          return -1;
      }
    } catch (e) {
      if (e instanceof UsageFailure) {
        err(e.message);
        return 1;
      }
      if (e instanceof OverlayCommitError) {
        return printJavaException(ctx.out, cmd ?? 'null', 'java.lang.SecurityException', `commit failed: ${e.message}`, [
          'com.android.server.om.OverlayManagerService$1.commit(OverlayManagerService.java:1105)',
          'com.android.server.om.OverlayManagerShellCommand.runEnableDisable(OverlayManagerShellCommand.java:242)',
        ]);
      }
      if (e instanceof MissingArgument) {
        return printJavaException(ctx.out, cmd ?? 'null', 'java.lang.IllegalArgumentException', e.message, ['com.android.modules.utils.BasicShellCommandHandler.getNextArgRequired(BasicShellCommandHandler.java:295)']);
      }
      throw e;
    }
  };
}

class MissingArgument extends Error {}

function required(value: string | undefined): string {
  if (value === undefined) throw new MissingArgument('Argument expected after "overlay"');
  return value;
}

function list(overlays: OverlayManager, rest: readonly string[], out: (line: string) => void): number {
  const name = rest[0];
  if (name !== undefined) {
    const forTarget = overlays.overlaysForTarget(name);
    if (forTarget.length === 0) {
      const info = overlays.overlay(name);
      if (info !== undefined) out(`${status(info)} ${info.packageName}`);
      return 0;
    }
    out(name);
    for (const info of forTarget) out(`${status(info)} ${info.packageName}`);
    return 0;
  }
  const targets = [...new Set(overlays.overlays().map((o) => o.targetPackage))];
  for (const target of targets) {
    out(target);
    for (const info of overlays.overlaysForTarget(target)) out(`${status(info)} ${info.packageName}`);
    out('');
  }
  return 0;
}

function lookup(overlays: OverlayManager, rest: readonly string[], out: (line: string) => void, err: (line: string) => void): number {
  const packageToLoad = required(rest[0]);
  const resource = required(rest[1]);
  const match = /^(.*?):(.*?)\/(.*?)$/.exec(resource);
  if (match === null) {
    err("Error: bad resource name, doesn't match package:type/name");
    return 1;
  }
  const [, pkg = '', type = '', name = ''] = match;
  const value = pkg === packageToLoad ? overlays.resolveString(packageToLoad, `${type}/${name}`) : undefined;
  if (value === undefined) {
    if (!overlays.hasPackage(packageToLoad)) err(`Error: failed to get resources for package ${packageToLoad} for user 0`);
    else err(`Error: failed to get the resource ${resource}`);
    return 1;
  }
  out(value);
  return 0;
}
