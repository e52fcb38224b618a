/**
 * What PackageManagerService knows about one installed package: the parsed APK and where it
 * came from (rebuilt by every boot scan), plus the state that survives reboots (packages.xml /
 * package-restrictions.xml / runtime-permissions.xml on AOSP).
 */
import { type ComponentInfo, type InstallLocation, type PackageInfo } from '../platform';
import { type ParsedComponent, type ParsedPackage } from './apk-parser';
import { type Partition } from './system-config';

/** PackageManager.COMPONENT_ENABLED_STATE_* */
export const ENABLED_STATE = { default: 0, enabled: 1, disabled: 2, 'disabled-user': 3, 'disabled-until-used': 4 } as const;
export type EnabledState = (typeof ENABLED_STATE)[keyof typeof ENABLED_STATE];
export const ENABLED_STATE_NAMES: Readonly<Record<EnabledState, string>> = { 0: 'default', 1: 'enabled', 2: 'disabled', 3: 'disabled-user', 4: 'disabled-until-used' };

export interface PackageRecord {
  readonly parsed: ParsedPackage;
  readonly location: InstallLocation;
  /** Partition of a system app; 'data' for an app installed by the user (or an update of a system app). */
  readonly partition: Partition | 'data';
  /** The directory holding the APK (`codePath=` in dumpsys), e.g. /data/app/com.x-1. */
  readonly codePath: string;
  /** The base APK (`pm path`). */
  readonly apkPath: string;
  readonly isSystem: boolean;
  readonly isPrivileged: boolean;
  /** Signed with the platform key (the image's own apps); installed APKs never are here. */
  readonly platformSigned: boolean;
  /** A data-partition update shadowing a system app (FLAG_UPDATED_SYSTEM_APP). */
  readonly updatedSystemApp: boolean;
  /** The factory version an update shadows. */
  readonly systemBase: PackageRecord | undefined;
}

export interface RuntimeGrant {
  granted: boolean;
  readonly flags: Set<string>;
}

/** State kept across reboots, keyed by package name. */
export interface PackageSettings {
  readonly appId: number;
  firstInstallTime: number;
  lastUpdateTime: number;
  enabled: EnabledState;
  readonly componentStates: Map<string, EnabledState>;
  readonly runtimeGrants: Map<string, RuntimeGrant>;
  installer: string | null;
  lastDisabledCaller: string | null;
  /** Which /data/app/<pkg>-N directory number is current (AOSP alternated -1/-2 before R). */
  dataDirIndex: number;
  /** APK size and mtime when last parsed (boot scans reuse the parse when unchanged). */
  scanKey: string;
  /**
   * PackageUserState.installed for user 0: false after `pm uninstall --user 0` of a system app
   * (DELETE_SYSTEM_APP: the APK stays on the partition, the app is gone for the user) until
   * `pm install-existing`. Queries without MATCH_UNINSTALLED_PACKAGES skip such packages.
   */
  installed: boolean;
}

export function isComponentEnabled(record: PackageRecord, settings: PackageSettings | undefined, component: ParsedComponent): boolean {
  if (!isPackageEnabled(record, settings)) return false;
  const state = settings?.componentStates.get(component.className) ?? ENABLED_STATE.default;
  if (state === ENABLED_STATE.enabled) return true;
  if (state !== ENABLED_STATE.default) return false;
  return component.enabled;
}

export function isInstalledForUser(settings: PackageSettings | undefined): boolean {
  return settings?.installed ?? true;
}

export function isPackageEnabled(record: PackageRecord, settings: PackageSettings | undefined): boolean {
  const state = settings?.enabled ?? ENABLED_STATE.default;
  if (state === ENABLED_STATE.default) return record.parsed.application.enabled;
  return state === ENABLED_STATE.enabled;
}

export function toComponentInfo(record: PackageRecord, settings: PackageSettings | undefined, component: ParsedComponent): ComponentInfo {
  return {
    packageName: record.parsed.packageName,
    className: component.className,
    exported: component.exported,
    enabled: isComponentEnabled(record, settings, component),
    permission: component.permission,
    directBootAware: component.directBootAware,
    actions: component.actions,
    categories: component.categories,
    dataSchemes: component.dataSchemes,
    mimeTypes: component.mimeTypes,
    metaData: component.metaData,
  };
}

export function toPackageInfo(record: PackageRecord, settings: PackageSettings | undefined): PackageInfo {
  const of = (kind: ParsedComponent['kind']): ComponentInfo[] =>
    record.parsed.components.filter((c) => c.kind === kind).map((c) => toComponentInfo(record, settings, c));
  return {
    packageName: record.parsed.packageName,
    versionCode: record.parsed.versionCode,
    versionName: record.parsed.versionName,
    location: record.location,
    codePath: record.apkPath,
    isSystem: record.isSystem,
    isPrivileged: record.isPrivileged,
    enabled: isPackageEnabled(record, settings),
    directBootAware: record.parsed.application.directBootAware,
    // android:persistent only takes effect for system apps (ActivityManagerService#getPersistentApps).
    persistent: record.parsed.application.persistent && record.isSystem,
    requestedPermissions: record.parsed.requestedPermissions,
    services: of('service'),
    receivers: of('receiver'),
    activities: of('activity'),
    firstInstallTime: new Date(settings?.firstInstallTime ?? 0),
    lastUpdateTime: new Date(settings?.lastUpdateTime ?? 0),
    instrumentation: record.parsed.instrumentation,
    codeClasses: record.parsed.code,
  };
}

/** ComponentName#flattenToShortString: `com.x/.Svc` when the class is inside the package. */
export function shortComponentName(packageName: string, className: string): string {
  return className.startsWith(packageName + '.') ? `${packageName}/${className.slice(packageName.length)}` : `${packageName}/${className}`;
}
