/**
 * `pm` (AOSP PackageManagerShellCommand): list packages / features, path, dump. Argv builders and
 * pure parsers; `pm dump <pkg>` prints the same text as `dumpsys package <pkg>` (./dumpsys-package.ts).
 */
import type { PackageName } from '../model';
import { name, pkg, shellCommand, type ShellCommand, type ShellPart } from '../adb';

export interface ListPackagesOptions {
  /** `-f`: also print the APK path. */
  readonly withPaths?: boolean;
  /** `-s` system packages only, `-3` third-party only. */
  readonly only?: 'system' | 'third-party';
  /** Substring filter (a package-name fragment). */
  readonly filter?: string;
}

/** `pm list packages [-f] [-s|-3] [FILTER]` */
export function listPackagesCommand(options: ListPackagesOptions = {}): ShellCommand {
  const parts: ShellPart[] = ['pm', 'list', 'packages'];
  if (options.withPaths) parts.push('-f');
  if (options.only === 'system') parts.push('-s');
  if (options.only === 'third-party') parts.push('-3');
  if (options.filter !== undefined) parts.push(name(options.filter));
  return shellCommand(...parts);
}

export interface ListedPackage {
  readonly package: string;
  /** With -f: the APK path. */
  readonly path?: string;
}

/**
 * `package:com.oem.ims` or, with -f, `package:/data/app/~~Qx3w==/com.oem.ims-Ab1==/base.apk=com.oem.ims`
 * (the path itself may contain `=`: the package is after the last one).
 */
export function parsePackageList(text: string): ListedPackage[] {
  const out: ListedPackage[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line.startsWith('package:')) continue;
    const body = line.slice('package:'.length);
    const eq = body.lastIndexOf('=');
    if (body.startsWith('/') && eq > 0) out.push({ package: body.slice(eq + 1), path: body.slice(0, eq) });
    else out.push({ package: body });
  }
  return out;
}

/** `pm list features` */
export function listFeaturesCommand(): ShellCommand {
  return shellCommand('pm', 'list', 'features');
}

/**
 * `feature:android.hardware.telephony.ims`, `feature:reqGlEsVersion=0x30000`,
 * `feature:android.software.vulkan.deqp.level=1`: name → value (true when none).
 */
export function parseFeatureList(text: string): Map<string, string | true> {
  const features = new Map<string, string | true>();
  for (const m of text.matchAll(/^feature:([^=\r\n]+)(?:=([^\r\n]*))?\r?$/gm)) {
    if (m[1]) features.set(m[1].trim(), m[2] === undefined ? true : m[2].trim());
  }
  return features;
}

/** `pm path <pkg>` */
export function packagePathCommand(packageName: PackageName): ShellCommand {
  return shellCommand('pm', 'path', pkg(packageName));
}

/** `package:/data/app/…/base.apk` lines (one per split); empty when not installed. */
export function parsePackagePaths(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.startsWith('package:')).map((l) => l.slice('package:'.length));
}

/** `pm dump <pkg>` (same format as `dumpsys package <pkg>`). */
export function pmDumpCommand(packageName: PackageName): ShellCommand {
  return shellCommand('pm', 'dump', pkg(packageName));
}

/** `pm grant|revoke <pkg> <permission>` */
export function pmGrantCommand(packageName: PackageName, permission: string, grant = true): ShellCommand {
  return shellCommand('pm', grant ? 'grant' : 'revoke', pkg(packageName), name(permission));
}

/** `pm uninstall <pkg>`: prints `Success`, or `Failure [DELETE_FAILED_INTERNAL_ERROR]` when it is not installed. */
export function pmUninstallCommand(packageName: PackageName): ShellCommand {
  return shellCommand('pm', 'uninstall', pkg(packageName));
}

/**
 * `pm clear <pkg>`: the app's data goes (ActivityManagerService.clearApplicationUserData: the
 * app is killed, its data deleted, ACTION_PACKAGE_DATA_CLEARED sent). Prints `Success`.
 */
export function pmClearCommand(packageName: PackageName): ShellCommand {
  return shellCommand('pm', 'clear', pkg(packageName));
}
