/**
 * The boot-time package scan (PackageManagerService's constructor → InitAppsHelper): system
 * partitions first (priv-app dirs make privileged apps), then /data/app. A package directory
 * holds its APK(s); a bare *.apk file is a monolithic package. Results are cached by path, size
 * and mtime so a reboot does not re-parse unchanged APKs.
 */
import { type Credentials, type FsNode, type MemoryFs } from '../fs/memory-fs';
import { joinPath } from '../fs/fs-path';
import { type InstallLocation } from '../platform';
import { ApkParseError, parseApk, type ParsedPackage } from './apk-parser';
import { BUILTIN_APK_MARKER, BUILTIN_PACKAGES } from './builtin-packages';
import { type PackageRecord } from './package-record';
import { type Partition } from './system-config';
import { apkPolicyRefusal } from './apk-policy';

export interface ScanDir {
  readonly dir: string;
  readonly partition: Partition;
  readonly privileged: boolean;
}

/**
 * Scan order of InitAppsHelper: the partitions' overlay folders first (scanSystemOverlays), then
 * system, vendor, product, system_ext, priv-app before app.
 */
export const SYSTEM_SCAN_DIRS: readonly ScanDir[] = [
  { dir: '/system/overlay', partition: 'system', privileged: false },
  { dir: '/vendor/overlay', partition: 'vendor', privileged: false },
  { dir: '/product/overlay', partition: 'product', privileged: false },
  { dir: '/system_ext/overlay', partition: 'system_ext', privileged: false },
  { dir: '/system/framework', partition: 'system', privileged: true },
  { dir: '/system/priv-app', partition: 'system', privileged: true },
  { dir: '/system/app', partition: 'system', privileged: false },
  { dir: '/vendor/priv-app', partition: 'vendor', privileged: true },
  { dir: '/vendor/app', partition: 'vendor', privileged: false },
  { dir: '/product/priv-app', partition: 'product', privileged: true },
  { dir: '/product/app', partition: 'product', privileged: false },
  { dir: '/system_ext/priv-app', partition: 'system_ext', privileged: true },
  { dir: '/system_ext/app', partition: 'system_ext', privileged: false },
];

export interface ScannedApk {
  readonly apkPath: string;
  readonly codePath: string;
  readonly parsed: ParsedPackage;
  readonly builtin: boolean;
  readonly scanKey: string;
}

export interface ScanProblem {
  readonly path: string;
  readonly message: string;
}

/** Parse cache shared across boots. */
export type ParseCache = Map<string, { readonly key: string; readonly parsed: ParsedPackage }>;

const BUILTIN_BY_NAME = new Map(BUILTIN_PACKAGES.map((b) => [b.parsed.packageName, b]));

/** Finds the base APK(s) of each package under `dir` and parses them. */
export async function scanDirectory(fs: MemoryFs, cred: Credentials, dir: string, cache: ParseCache, problems: ScanProblem[], strictApks = false): Promise<ScannedApk[]> {
  const entries = fs.readdir(dir, cred);
  if (typeof entries === 'number') return [];
  const found: ScannedApk[] = [];
  for (const entry of entries) {
    const path = joinPath(dir, entry.name);
    const candidates: { apkPath: string; node: FsNode }[] = [];
    if (entry.node.kind === 'file' && entry.name.endsWith('.apk')) {
      candidates.push({ apkPath: path, node: entry.node });
    } else if (entry.node.kind === 'dir') {
      const inner = fs.readdir(path, cred);
      if (typeof inner === 'number') continue;
      for (const file of inner) if (file.node.kind === 'file' && file.name.endsWith('.apk')) candidates.push({ apkPath: joinPath(path, file.name), node: file.node });
    } else {
      continue;
    }
    const parsedApks: ScannedApk[] = [];
    for (const candidate of candidates) {
      const scanned = await parseCandidate(candidate.apkPath, entry.node.kind === 'dir' ? path : candidate.apkPath, candidate.node, cache, problems);
      // A device skips a file it cannot collect certificates from, or whose code is missing.
      const refusal = scanned === undefined || scanned.builtin || !strictApks || candidate.node.kind !== 'file' ? undefined : apkPolicyRefusal(candidate.node.data, scanned.parsed, candidate.apkPath);
      if (refusal !== undefined) problems.push({ path: candidate.apkPath, message: refusal });
      else if (scanned !== undefined) parsedApks.push(scanned);
    }
    // A package directory is one package: its base APK is the one that is not a split.
    const base = parsedApks.find((a) => a.parsed.split === undefined);
    if (base !== undefined) found.push(base);
    else if (candidates.length > 0 && parsedApks.length > 0) problems.push({ path, message: 'Missing base APK' });
  }
  return found;
}

async function parseCandidate(apkPath: string, codePath: string, node: FsNode, cache: ParseCache, problems: ScanProblem[]): Promise<ScannedApk | undefined> {
  if (node.kind !== 'file') return undefined;
  const key = `${node.data.length}:${node.mtimeSec}:${node.ino}`;
  if (node.data.subarray(0, BUILTIN_APK_MARKER.length).toString('latin1') === BUILTIN_APK_MARKER) {
    const name = node.data.subarray(BUILTIN_APK_MARKER.length).toString('utf8').trim();
    const builtin = BUILTIN_BY_NAME.get(name);
    if (builtin !== undefined) return { apkPath, codePath, parsed: builtin.parsed, builtin: true, scanKey: key };
  }
  const cached = cache.get(apkPath);
  if (cached !== undefined && cached.key === key) return { apkPath, codePath, parsed: cached.parsed, builtin: false, scanKey: key };
  try {
    const parsed = await parseApk(node.data, apkPath);
    cache.set(apkPath, { key, parsed });
    return { apkPath, codePath, parsed, builtin: false, scanKey: key };
  } catch (error) {
    const message = error instanceof ApkParseError ? `${error.code}: ${error.message}` : String(error);
    problems.push({ path: apkPath, message });
    return undefined;
  }
}

export function locationOf(scanDir: ScanDir): InstallLocation {
  if (!scanDir.privileged) return 'system';
  return scanDir.partition === 'product' ? 'product-priv-app' : 'priv-app';
}

/** The record of a system app found by the scan. */
export function systemRecord(scanned: ScannedApk, scanDir: ScanDir): PackageRecord {
  return {
    parsed: scanned.parsed,
    location: locationOf(scanDir),
    partition: scanDir.partition,
    codePath: scanned.codePath,
    apkPath: scanned.apkPath,
    isSystem: true,
    isPrivileged: scanDir.privileged,
    platformSigned: scanned.builtin,
    updatedSystemApp: false,
    systemBase: undefined,
  };
}

/** The record of an app in /data/app, possibly an update of a system app. */
export function dataRecord(scanned: Pick<ScannedApk, 'parsed' | 'apkPath' | 'codePath'>, systemBase: PackageRecord | undefined): PackageRecord {
  return {
    parsed: scanned.parsed,
    location: systemBase?.location ?? 'data',
    partition: 'data',
    codePath: scanned.codePath,
    apkPath: scanned.apkPath,
    isSystem: systemBase !== undefined,
    isPrivileged: systemBase?.isPrivileged ?? false,
    platformSigned: false,
    updatedSystemApp: systemBase !== undefined,
    systemBase,
  };
}

/** The InstallLocation of the `/data/app` directory for a package (`/data/app/<pkg>-<n>`). */
export function dataCodePath(packageName: string, index: number): string {
  return `/data/app/${packageName}-${index}`;
}
