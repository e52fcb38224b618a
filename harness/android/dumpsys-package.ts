/**
 * `dumpsys package <pkg>` (also `pm dump <pkg>`): the package block's code path, flags and its
 * permission sections. Sample (AOSP PackageManagerService dumpPackageLPr, Android 11+):
 *
 *   Packages:
 *     Package [com.google.android.sample.rcsclient] (6d1a0e4):
 *       appId=10123
 *       codePath=/product/priv-app/TestRcsApp
 *       versionCode=14 minSdk=30 targetSdk=30
 *       flags=[ SYSTEM HAS_CODE ALLOW_CLEAR_USER_DATA ALLOW_BACKUP ]
 *       privateFlags=[ PRIVATE_FLAG_ACTIVITIES_RESIZE_MODE_RESIZEABLE_VIA_SDK_VERSION PRIVILEGED PRODUCT ]
 *       requested permissions:
 *         android.permission.MODIFY_PHONE_STATE
 *         android.permission.READ_CONTACTS: restricted=true
 *       install permissions:
 *         android.permission.MODIFY_PHONE_STATE: granted=true
 *       User 0: ceDataInode=12345 installed=true hidden=false suspended=false stopped=false enabled=0
 *         runtime permissions:
 *           android.permission.READ_CONTACTS: granted=false, flags=[ USER_SENSITIVE_WHEN_GRANTED|USER_SENSITIVE_WHEN_DENIED]
 *
 * Only the first `Package [<pkg>]` block under `Packages:` is read (a later `Hidden system
 * packages:` section repeats the system copy of an updated app). Pure.
 */
import type { PackageName } from '../model';
import { pkg, shellCommand, type ShellCommand } from '../adb';
import { buildIndentTree, child, childTexts, type IndentNode } from './indent-tree';

export function dumpsysPackageCommand(packageName: PackageName): ShellCommand {
  return shellCommand('dumpsys', 'package', pkg(packageName));
}

export interface PackageDump {
  readonly package: string;
  readonly codePath?: string;
  readonly versionCode?: number;
  readonly flags: readonly string[];
  readonly privateFlags: readonly string[];
  /** privateFlags holds PRIVILEGED (a priv-app). */
  readonly privileged: boolean;
  /** flags holds SYSTEM. */
  readonly system: boolean;
  readonly requestedPermissions: readonly string[];
  /** install permissions: name → granted. */
  readonly installPermissions: Readonly<Record<string, boolean>>;
  /** runtime permissions of user 0 (or the first user listed): name → granted. */
  readonly runtimePermissions: Readonly<Record<string, boolean>>;
  /** installed=… of that user, when printed. */
  readonly installedForUser?: boolean;
}

function flagList(block: IndentNode, field: string): string[] {
  const line = block.children.find((c) => c.text.startsWith(`${field}=[`))?.text ?? '';
  return line.slice(field.length + 2).replace(/\]\s*$/, '').trim().split(/\s+/).filter((f) => f !== '');
}

/** `<perm>: granted=true` / `<perm>: granted=false, flags=[ … ]` lines. */
function grants(section: IndentNode | undefined): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const line of childTexts(section)) {
    const m = /^([^:\s]+): granted=(true|false)/.exec(line.trim());
    if (m?.[1]) out[m[1]] = m[2] === 'true';
  }
  return out;
}

function findPackageBlock(roots: readonly IndentNode[], packageName: string): IndentNode | undefined {
  const packages = roots.find((r) => r.text.trim() === 'Packages:');
  const header = `Package [${packageName}]`;
  return packages?.children.find((c) => c.text.startsWith(header));
}

/** The package's block, or undefined when the dump has none (`Unable to find package: <pkg>` or not installed). */
export function parsePackageDump(text: string, packageName: string): PackageDump | undefined {
  const block = findPackageBlock(buildIndentTree(text.split(/\r?\n/)), packageName);
  if (!block) return undefined;
  const field = (prefix: string): string | undefined => block.children.find((c) => c.text.startsWith(prefix))?.text.slice(prefix.length).trim();
  const versionCode = /^versionCode=(\d+)/.exec(block.children.find((c) => c.text.startsWith('versionCode='))?.text ?? '')?.[1];
  const user = block.children.find((c) => /^User 0:/.test(c.text)) ?? block.children.find((c) => /^User \d+:/.test(c.text));
  const installed = user ? /\binstalled=(true|false)\b/.exec(user.text)?.[1] : undefined;
  const flags = flagList(block, 'flags');
  const privateFlags = flagList(block, 'privateFlags');
  const codePath = field('codePath=');
  return {
    package: packageName,
    ...(codePath === undefined ? {} : { codePath }),
    ...(versionCode === undefined ? {} : { versionCode: Number(versionCode) }),
    flags,
    privateFlags,
    privileged: privateFlags.includes('PRIVILEGED'),
    system: flags.includes('SYSTEM'),
    requestedPermissions: childTexts(child(block, 'requested permissions:')).map((l) => (l.trim().split(':')[0] ?? '').trim()),
    installPermissions: grants(child(block, 'install permissions:')),
    runtimePermissions: grants(child(user, 'runtime permissions:')),
    ...(installed === undefined ? {} : { installedForUser: installed === 'true' }),
  };
}
