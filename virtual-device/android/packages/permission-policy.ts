/**
 * Which requested permissions a package holds, decided the way PermissionManagerServiceImpl
 * (restorePermissionState / shouldGrantPermissionBySignature / checkPrivilegedPermissionAllowlist)
 * decides on Android 15 userdebug with ro.control_privapp_permissions=enforce:
 *  - normal: granted at install;
 *  - dangerous (runtime): only when granted (pm grant, install -g, a role, default grants);
 *  - signature: the platform key;
 *  - signature|privileged: the platform key, or a priv-app whose partition's privapp-permissions
 *    allowlist names the permission (not allowlisted ⇒ not granted, and logged);
 *  - internal|role: a system app holding the role (PERFORM_IMS_SINGLE_REGISTRATION: SMS;
 *    ACCESS_RCS_USER_CAPABILITY_EXCHANGE: SMS or dialer);
 *  - a permission nobody defines is not granted.
 */
import { isRuntime, type PermissionDefinition } from './permission-catalog';
import { type PackageRecord, type PackageSettings } from './package-record';
import { type SystemConfig } from './system-config';

export interface PermissionState {
  readonly name: string;
  readonly runtime: boolean;
  readonly granted: boolean;
  readonly flags: readonly string[];
}

export interface PermissionContext {
  definition(name: string): PermissionDefinition | undefined;
  systemConfig(): SystemConfig;
  /** Roles the package holds ("android.app.role.SMS", …). */
  rolesOf(packageName: string): readonly string[];
  /** Permissions the package's roles grant (roles.xml <permissions>). */
  roleGrantedPermissions(packageName: string): ReadonlySet<string>;
}

const ROLE_PROTECTED: Readonly<Record<string, readonly string[]>> = {
  'android.permission.PERFORM_IMS_SINGLE_REGISTRATION': ['android.app.role.SMS'],
  'android.permission.ACCESS_RCS_USER_CAPABILITY_EXCHANGE': ['android.app.role.SMS', 'android.app.role.DIALER'],
};

/** Runtime-permission flags AOSP shows for user-sensitive permissions it has not touched. */
const DEFAULT_RUNTIME_FLAGS = ['USER_SENSITIVE_WHEN_GRANTED', 'USER_SENSITIVE_WHEN_DENIED'];

export function permissionStates(record: PackageRecord, settings: PackageSettings | undefined, ctx: PermissionContext): PermissionState[] {
  const states: PermissionState[] = [];
  const roleGranted = ctx.roleGrantedPermissions(record.parsed.packageName);
  for (const name of record.parsed.requestedPermissions) {
    const def = ctx.definition(name);
    if (def === undefined) continue;
    if (isRuntime(def)) {
      const explicit = settings?.runtimeGrants.get(name);
      const byRole = roleGranted.has(name);
      const granted = (explicit?.granted ?? false) || byRole;
      const flags = new Set<string>(explicit?.flags ?? DEFAULT_RUNTIME_FLAGS);
      if (byRole) flags.add('GRANTED_BY_ROLE');
      states.push({ name, runtime: true, granted, flags: [...flags] });
      continue;
    }
    const developmentGrant = def.flags.includes('development') && settings?.runtimeGrants.get(name)?.granted === true;
    if (developmentGrant || installPermissionGranted(record, def, ctx)) states.push({ name, runtime: false, granted: true, flags: [] });
  }
  return states;
}

function installPermissionGranted(record: PackageRecord, def: PermissionDefinition, ctx: PermissionContext): boolean {
  if (def.base === 'normal') return true;
  if (def.base === 'internal' && def.flags.includes('role')) {
    const roles = ROLE_PROTECTED[def.name] ?? [];
    const held = ctx.rolesOf(record.parsed.packageName);
    return record.isSystem && roles.some((r) => held.includes(r));
  }
  if (def.base === 'signature' || def.base === 'internal') {
    if (record.platformSigned && def.packageName === 'android') return true;
    // An app-defined signature permission: held by the defining package (same certificate).
    if (def.packageName === record.parsed.packageName) return true;
    if (def.flags.includes('privileged') && record.isPrivileged) return isAllowlisted(record, def.name, ctx.systemConfig()) === true;
    return false;
  }
  return false;
}

/** The privapp allowlist verdict for a permission: true allowed, false denied, undefined not listed. */
export function isAllowlisted(record: PackageRecord, permission: string, config: SystemConfig): boolean | undefined {
  const partition = record.systemBase?.partition ?? record.partition;
  if (partition === 'data') return undefined;
  return config.privappPermissions.get(partition)?.get(record.parsed.packageName)?.get(permission);
}

/**
 * The privileged permissions a priv-app requests that its allowlist does not grant — AOSP logs
 * them (and with ro.control_privapp_permissions=enforce refuses to grant them).
 */
export function privappViolations(record: PackageRecord, ctx: PermissionContext): string[] {
  if (!record.isPrivileged || record.platformSigned) return [];
  return record.parsed.requestedPermissions.filter((name) => {
    const def = ctx.definition(name);
    return def !== undefined && def.base === 'signature' && def.flags.includes('privileged') && def.packageName === 'android' && isAllowlisted(record, name, ctx.systemConfig()) !== true;
  });
}
