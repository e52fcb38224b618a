/**
 * The ONE place where text that will reach a device shell is built.
 *
 * A device command is an argv whose every element is a validated argument: a literal token
 * written in code, a PackageName, a slot / feature / plain integer, a carrier-config key, a
 * system-property name, or a device path under a known root. Each element is quoted once here.
 * Nothing else in ims-rig concatenates user values into a shell line: the adb driver only accepts
 * a `ShellCommand`, and only this module can make one. A value such as `a;reboot` cannot be
 * expressed: it fails validation with UnsafeValueError (exit 2) before any device sees it.
 */
import { UnsafeValueError } from '../errors';
import { CARRIER_CONFIG_KEY_PATTERN, isValidPackageName, type PackageName } from '../model';

/** Characters no POSIX shell treats specially inside a word (no quoting needed). */
const SAFE_WORD = /^[A-Za-z0-9_./:=,@%+-]+$/;
/** getprop / setprop names (`ro.build.version.sdk`, `persist.sys.x`). */
const PROP_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
/** One path segment of a device path: no `..`, no shell characters. */
const PATH_SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
/** Logcat tags and role names keep to the same conservative alphabet. */
const NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

/**
 * Where ims-rig may name a file on the device: its scratch directory, and the system partitions
 * that privileged-app provisioning writes (after `adb root` + `adb remount`).
 */
export const DEVICE_PATH_ROOTS = [
  '/data/local/tmp',
  '/system/priv-app',
  '/system/app',
  '/system/etc/permissions',
  '/product/priv-app',
  '/product/etc/permissions',
  '/product/overlay',
] as const;

export type ShellArgKind = 'literal' | 'package' | 'int' | 'key' | 'prop' | 'path' | 'name' | 'component' | 'answers';

const ARG_BRAND: unique symbol = Symbol('ShellArg');
const COMMAND_BRAND: unique symbol = Symbol('ShellCommand');

/** A validated argument. Only the factories below make one. */
export interface ShellArg {
  readonly [ARG_BRAND]: true;
  readonly kind: ShellArgKind;
  readonly value: string;
}

/** A device command line built from validated arguments; the adb driver runs only these. */
export interface ShellCommand {
  readonly [COMMAND_BRAND]: true;
  /** The argv as the device will see it (unquoted). */
  readonly argv: readonly string[];
  /** The quoted line sent to the device shell, including any stdin redirection. */
  readonly line: string;
  /** A device file fed to the command's stdin (`… < /data/local/tmp/x.xml`). */
  readonly stdinFile?: string;
}

function arg(kind: ShellArgKind, value: string): ShellArg {
  return { [ARG_BRAND]: true, kind, value };
}

function reject(what: string, value: unknown, rule: string): never {
  throw new UnsafeValueError(`${what} ${JSON.stringify(value)} cannot be sent to a device shell: ${rule}`, { field: what });
}

/** A literal token written in code (`cmd`, `phone`, `-s`, `0=MMTEL,RCS`): shell-safe characters only. */
export function lit(token: string): ShellArg {
  if (!SAFE_WORD.test(token)) reject('token', token, 'only letters, digits and _ . / : = , @ % + - are allowed');
  return arg('literal', token);
}

/** A package name (Android grammar; single-word names like CTS's `none` allowed). */
export function pkg(name: PackageName | string): ShellArg {
  if (!isValidPackageName(name, { requireSeparator: false })) reject('package', name, 'not a valid Android package name');
  return arg('package', name);
}

/** A package name, or the empty string (ims-rig-device overlay / set-ims-service with no package). */
export function pkgOrEmpty(name: PackageName | ''): ShellArg {
  return name === '' ? arg('package', '') : pkg(name);
}

/** An integer in [min, max] (slot, feature, user id, timeout). */
export function int(value: number, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): ShellArg {
  if (!Number.isSafeInteger(value) || value < min || value > max) reject('integer', value, `must be an integer in [${min}, ${max}]`);
  return arg('int', String(value));
}

/** A carrier-config key (CarrierConfigManager grammar, CARRIER_CONFIG_KEY_PATTERN). */
export function ccKey(key: string): ShellArg {
  if (!CARRIER_CONFIG_KEY_PATTERN.test(key) || key.length > 200) reject('carrier-config key', key, 'not a carrier-config key');
  return arg('key', key);
}

/** A system-property name for getprop. */
export function prop(name: string): ShellArg {
  if (!PROP_NAME.test(name) || name.length > 200) reject('property', name, 'not a system property name');
  return arg('prop', name);
}

/** A logcat tag, role name or similar identifier. */
export function name(value: string): ShellArg {
  if (!NAME.test(value) || value.length > 200) reject('name', value, 'only letters, digits and _ . - are allowed');
  return arg('name', value);
}

/** A Java class name (dotted identifiers), as component names use them. */
const JAVA_CLASS = /^[A-Za-z_$][A-Za-z0-9_$]*(\.[A-Za-z_$][A-Za-z0-9_$]*)*$/;

/** An explicit component `<package>/<fully qualified class>` (am broadcast -n, am start -n). */
export function component(packageName: PackageName | string, className: string): ShellArg {
  const pkgArg = pkg(packageName);
  if (!JAVA_CLASS.test(className) || className.length > 300 || className.includes('$')) reject('class name', className, 'not a fully qualified Java class name');
  return arg('component', `${pkgArg.value}/${className}`);
}

/**
 * An `ims-rig.answers` value (`0=EMERGENCY_MMTEL,MMTEL,RCS;1=none`, or `none`) for the control
 * broadcast: only that grammar's slots and feature names, no blanks. It holds `;`, so it is quoted.
 */
const ANSWERS_VALUE = /^(none|[01]=(none|(EMERGENCY_MMTEL|MMTEL|RCS)(,(EMERGENCY_MMTEL|MMTEL|RCS))*)(;[01]=(none|(EMERGENCY_MMTEL|MMTEL|RCS)(,(EMERGENCY_MMTEL|MMTEL|RCS))*))*)$/;
export function imsAnswers(value: string): ShellArg {
  if (!ANSWERS_VALUE.test(value)) reject('answers', value, 'not an ims-rig.answers value (<slot>=<F,F…|none>;… with slots 0-1 and EMERGENCY_MMTEL, MMTEL, RCS)');
  return arg('answers', value);
}

/** True when `path` is an absolute device path under DEVICE_PATH_ROOTS with plain segments. */
export function isSafeDevicePath(path: string): boolean {
  const root = DEVICE_PATH_ROOTS.find((r) => path === r || path.startsWith(`${r}/`));
  if (root === undefined || path.length > 512) return false;
  const rest = path.slice(root.length).split('/').filter((s, i) => i > 0 || s !== '');
  return rest.every((s) => PATH_SEGMENT.test(s) && s !== '..' && s !== '.');
}

/** A device path under DEVICE_PATH_ROOTS (`/data/local/tmp/ims-rig/carrier-a.xml`). */
export function devicePath(path: string): ShellArg {
  if (!isSafeDevicePath(path)) reject('device path', path, `must be under ${DEVICE_PATH_ROOTS.join(', ')} with plain segments`);
  return arg('path', path);
}

/** Quotes one argv element: bare when it is made of shell-safe characters, else single quotes. */
export function quoteArg(value: string): string {
  if (SAFE_WORD.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export type ShellPart = ShellArg | string;

function toArg(part: ShellPart): ShellArg {
  return typeof part === 'string' ? lit(part) : part;
}

/**
 * Builds a command from validated parts. Plain strings are literal tokens and are validated as
 * such, so a builder can write `shellCommand('cmd', 'phone', 'ims', '-s', int(slot))`.
 */
export function shellCommand(...parts: readonly ShellPart[]): ShellCommand {
  return buildCommand(parts.map(toArg));
}

/** The same command with its stdin read from a device file (`cmd phone cc set-values-from-xml < x.xml`). */
export function withStdinFrom(command: ShellCommand, file: string): ShellCommand {
  const path = devicePath(file).value;
  return { [COMMAND_BRAND]: true, argv: command.argv, line: `${command.line} < ${quoteArg(path)}`, stdinFile: path };
}

function buildCommand(args: readonly ShellArg[]): ShellCommand {
  if (args.length === 0) reject('command', '', 'a command needs at least one word');
  const argv = args.map((a) => a.value);
  return { [COMMAND_BRAND]: true, argv, line: argv.map(quoteArg).join(' ') };
}

export function isShellCommand(value: unknown): value is ShellCommand {
  return typeof value === 'object' && value !== null && (value as Partial<ShellCommand>)[COMMAND_BRAND] === true;
}

/**
 * Shell v1 has no exit status (adb-protocol.md §4): the driver appends an echo of `$?` behind a
 * marker it generated itself. The marker is `[A-Za-z0-9_]` only, so the line stays safe.
 */
export function withExitStatusEcho(command: ShellCommand, marker: string): string {
  if (!/^[A-Za-z0-9_]+$/.test(marker)) reject('marker', marker, 'internal marker must be alphanumeric');
  return `${command.line}; echo "${marker}$?"`;
}

/**
 * Several commands in ONE shell round trip, each followed by an echo of its exit status behind a
 * marker: `a; echo "<marker>:$?"; b; echo "<marker>:$?"`. Every command runs, whatever the ones
 * before it did (state queries: ~15 values per snapshot; consecutive stimuli of a step or a
 * restore); stderr is not separated per command. Split the output with splitSequenceOutput. The
 * argv is that of the first command (for logs); the line is the sequence.
 */
export function commandSequence(commands: readonly ShellCommand[], marker: string): ShellCommand {
  if (!/^[A-Za-z0-9_]+$/.test(marker)) reject('marker', marker, 'internal marker must be alphanumeric');
  if (commands.length === 0) reject('command', '', 'a sequence needs at least one command');
  const line = commands.map((c) => `${c.line}; echo "${marker}:$?"`).join('; ');
  return { [COMMAND_BRAND]: true, argv: commands[0]?.argv ?? [], line };
}

/** The stdout and exit status of each command of a commandSequence, in order (missing ones: exit null). */
export function splitSequenceOutput(stdout: string, marker: string, count: number): { stdout: string; exitCode: number | null }[] {
  const out: { stdout: string; exitCode: number | null }[] = [];
  // `<marker>:<status>` ends a line; it need not start one (a command whose output lacks a final
  // newline has it on its last line). Found by plain search: the outputs (dumpsys) are large.
  const status = /^(\d+)\r?(?:\n|$)/;
  let from = 0;
  for (let i = 0; i < count; i++) {
    let at = stdout.indexOf(`${marker}:`, from);
    let m: RegExpExecArray | null = null;
    while (at >= 0 && (m = status.exec(stdout.slice(at + marker.length + 1, at + marker.length + 16))) === null) at = stdout.indexOf(`${marker}:`, at + 1);
    if (at < 0 || m === null) {
      out.push({ stdout: stdout.slice(from), exitCode: null });
      from = stdout.length;
      continue;
    }
    out.push({ stdout: stdout.slice(from, at), exitCode: Number(m[1]) });
    from = at + marker.length + 1 + m[0].length;
  }
  return out;
}
