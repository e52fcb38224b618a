/**
 * PackageManagerService of the reference device: the installed packages (rebuilt by the boot
 * scan), their persistent settings, permissions and roles, and the queries telephony makes
 * (platform.ts `PackageManager`). Installing, uninstalling and enabling live in
 * package-operations.ts; this file holds the state and the read side.
 */
import { ROOT_CREDENTIALS, type MemoryFs } from '../fs/memory-fs';
import { type RingLogBuffer, SYSTEM_SERVER_PID } from '../log/log-buffer';
import { type ComponentInfo, type PackageInfo, type PackageManager } from '../platform';
import { type ParsedComponent } from './apk-parser';
import { BUILTIN_PACKAGES } from './builtin-packages';
import { PLATFORM_PERMISSIONS, type PermissionDefinition } from './permission-catalog';
import { permissionStates, privappViolations, type PermissionContext, type PermissionState } from './permission-policy';
import { ENABLED_STATE, isComponentEnabled, type PackageRecord, type PackageSettings, toComponentInfo, toPackageInfo, isInstalledForUser } from './package-record';
import { dataRecord, type ParseCache, type ScanProblem, SYSTEM_SCAN_DIRS, scanDirectory, systemRecord } from './package-scanner';
import { RoleStore } from './role-service';
import { readSystemConfig, type SystemConfig } from './system-config';

/** Everything that survives a reboot (packages.xml, runtime-permissions.xml, roles.xml). */
export class PackageDatabase {
  readonly settings = new Map<string, PackageSettings>();
  readonly roles = new RoleStore();
  readonly parseCache: ParseCache = new Map();
  nextAppId = 10100;
}

export interface PackageManagerDeps {
  readonly fs: MemoryFs;
  readonly log: RingLogBuffer;
  /** Device wall clock, ms since the epoch. */
  readonly nowMs: () => number;
  /** Direct boot: while the user is locked only direct-boot-aware components resolve. */
  readonly isUserUnlocked: () => boolean;
  readonly db: PackageDatabase;
  /** Refuse unsigned APKs and APKs whose code is missing at the boot scan (./apk-policy.ts). */
  readonly strictApks?: boolean;
}

const BUILTIN_APP_IDS = new Map(BUILTIN_PACKAGES.map((b) => [b.parsed.packageName, b.appId]));

export class PackageManagerService implements PackageManager {
  readonly records = new Map<string, PackageRecord>();
  systemConfig: SystemConfig = { features: new Map(), privappPermissions: new Map(), errors: [] };
  readonly permissionContext: PermissionContext;

  constructor(readonly deps: PackageManagerDeps) {
    this.permissionContext = {
      definition: (name) => this.permissionDefinition(name),
      systemConfig: () => this.systemConfig,
      rolesOf: (pkg) => this.deps.db.roles.rolesOf(pkg),
      roleGrantedPermissions: (pkg) => this.deps.db.roles.grantedPermissions(pkg),
    };
  }

  get db(): PackageDatabase {
    return this.deps.db;
  }

  logSystem(priority: 'I' | 'W' | 'E' | 'D', message: string, tag = 'PackageManager'): void {
    this.deps.log.append('system', priority, tag, message, { pid: SYSTEM_SERVER_PID });
  }

  // -------------------------------------------------------------------------------------------
  // Boot scan

  /** Scans the partitions and /data/app (PackageManagerService's constructor). */
  async scan(): Promise<ScanProblem[]> {
    const fs = this.deps.fs;
    this.records.clear();
    this.systemConfig = readSystemConfig(fs, ROOT_CREDENTIALS);
    for (const error of this.systemConfig.errors) this.logSystem('W', `Got exception parsing permissions: ${error}`, 'SystemConfig');
    const problems: ScanProblem[] = [];
    for (const scanDir of SYSTEM_SCAN_DIRS) {
      for (const scanned of await scanDirectory(fs, ROOT_CREDENTIALS, scanDir.dir, this.db.parseCache, problems, this.deps.strictApks)) {
        const name = scanned.parsed.packageName;
        if (this.records.has(name)) {
          this.logSystem('W', `Package ${name} at ${scanned.codePath} ignored: a system package of that name is already at ${this.records.get(name)?.codePath ?? '?'}`);
          continue;
        }
        this.records.set(name, systemRecord(scanned, scanDir));
      }
    }
    for (const scanned of await scanDirectory(fs, ROOT_CREDENTIALS, '/data/app', this.db.parseCache, problems, this.deps.strictApks)) {
      const name = scanned.parsed.packageName;
      const system = this.records.get(name);
      if (system !== undefined && scanned.parsed.versionCode < system.parsed.versionCode) {
        this.logSystem('W', `Package ${name} at ${scanned.codePath} ignored: updated version ${scanned.parsed.versionCode} better than this ${system.parsed.versionCode}`);
        continue;
      }
      this.records.set(name, dataRecord(scanned, system));
    }
    for (const problem of problems) this.logSystem('W', `Failed to parse ${problem.path}: ${problem.message}`);
    this.reconcileSettings();
    for (const record of this.records.values()) {
      const missing = privappViolations(record, this.permissionContext);
      for (const permission of missing) {
        this.logSystem('W', `Privileged permission ${permission} for package ${record.parsed.packageName} (${record.codePath}) not in privapp-permissions allowlist`, 'PermissionManager');
      }
      if (missing.length > 0) {
        // AOSP with ro.control_privapp_permissions=enforce throws this at systemReady; the
        // reference device logs it and leaves the permissions ungranted.
        this.logSystem('E', `Signature|privileged permissions not in privapp-permissions allowlist: {${record.parsed.packageName} (${record.codePath}): ${missing.join(', ')}}`, 'PermissionManager');
      }
    }
    return problems;
  }

  /** Creates settings for newly found packages and forgets packages that disappeared. */
  private reconcileSettings(): void {
    const now = this.deps.nowMs();
    for (const [name, record] of this.records) {
      if (!this.db.settings.has(name)) this.db.settings.set(name, this.newSettings(name, record, now));
    }
    for (const name of [...this.db.settings.keys()]) {
      if (!this.records.has(name)) {
        this.db.settings.delete(name);
        this.db.roles.forgetPackage(name, (p) => this.records.has(p));
      }
    }
  }

  newSettings(name: string, record: PackageRecord, now: number): PackageSettings {
    const appId = BUILTIN_APP_IDS.get(name) ?? this.db.nextAppId++;
    return {
      appId,
      firstInstallTime: now,
      lastUpdateTime: now,
      enabled: ENABLED_STATE.default,
      componentStates: new Map(),
      runtimeGrants: new Map(),
      installer: record.isSystem ? null : 'com.android.shell',
      lastDisabledCaller: null,
      dataDirIndex: 1,
      scanKey: '',
      installed: true,
    };
  }

  // -------------------------------------------------------------------------------------------
  // platform.ts PackageManager

  get(packageName: string): PackageInfo | undefined {
    const record = this.records.get(packageName);
    const settings = this.db.settings.get(packageName);
    return record === undefined || !isInstalledForUser(settings) ? undefined : toPackageInfo(record, settings);
  }

  list(options: { readonly includeUninstalled?: boolean } = {}): readonly PackageInfo[] {
    return [...this.records.values()]
      .filter((r) => options.includeUninstalled === true || isInstalledForUser(this.db.settings.get(r.parsed.packageName)))
      .map((r) => toPackageInfo(r, this.db.settings.get(r.parsed.packageName)));
  }

  queryIntentServices(action: string, packageName?: string): readonly ComponentInfo[] {
    return this.queryComponents('service', action, packageName);
  }

  /** Enabled components of `kind` with an intent filter for `action` (direct-boot filtered). */
  queryComponents(kind: ParsedComponent['kind'], action: string, packageName?: string): ComponentInfo[] {
    const unlocked = this.deps.isUserUnlocked();
    const result: ComponentInfo[] = [];
    for (const record of this.records.values()) {
      if (packageName !== undefined && record.parsed.packageName !== packageName) continue;
      const settings = this.db.settings.get(record.parsed.packageName);
      if (!isInstalledForUser(settings)) continue;
      for (const component of record.parsed.components) {
        if (component.kind !== kind || !component.actions.includes(action)) continue;
        if (!isComponentEnabled(record, settings, component)) continue;
        // PackageManager's default MATCH_DIRECT_BOOT_AUTO: before unlock only aware components.
        if (!unlocked && !component.directBootAware) continue;
        result.push(toComponentInfo(record, settings, component));
      }
    }
    return result;
  }

  hasSystemFeature(name: string): boolean {
    return this.systemConfig.features.has(name);
  }

  isPermissionGranted(packageName: string, permission: string): boolean {
    return this.permissionStatesOf(packageName).some((s) => s.name === permission && s.granted);
  }

  grantedPermissions(packageName: string): readonly string[] {
    return this.permissionStatesOf(packageName).filter((s) => s.granted).map((s) => s.name);
  }

  roleHolders(role: string): readonly string[] {
    return this.db.roles.holdersOf(role);
  }

  /**
   * DefaultPermissionGrantPolicy#grantDefaultPermissionsToEnabledImsServices: the phone,
   * microphone, location, camera and contacts permissions, system-fixed, for system packages only.
   */
  grantDefaultPermissionsToEnabledImsServices(packageNames: readonly string[]): void {
    const groups = ['READ_PHONE_STATE', 'CALL_PHONE', 'READ_CALL_LOG', 'WRITE_CALL_LOG', 'USE_SIP', 'PROCESS_OUTGOING_CALLS', 'ANSWER_PHONE_CALLS', 'RECORD_AUDIO', 'ACCESS_FINE_LOCATION', 'ACCESS_COARSE_LOCATION', 'ACCESS_BACKGROUND_LOCATION', 'CAMERA', 'READ_CONTACTS', 'WRITE_CONTACTS', 'GET_ACCOUNTS'].map((p) => `android.permission.${p}`);
    for (const name of packageNames) {
      const record = this.records.get(name);
      const settings = this.db.settings.get(name);
      if (record === undefined || settings === undefined || !record.isSystem) continue;
      for (const permission of groups) {
        if (!record.parsed.requestedPermissions.includes(permission)) continue;
        settings.runtimeGrants.set(permission, { granted: true, flags: new Set(['SYSTEM_FIXED', 'GRANTED_BY_DEFAULT']) });
      }
    }
  }

  // -------------------------------------------------------------------------------------------
  // Helpers for commands and dumps

  permissionDefinition(name: string): PermissionDefinition | undefined {
    const platform = PLATFORM_PERMISSIONS.get(name);
    if (platform !== undefined) return platform;
    for (const record of this.records.values()) {
      const declared = record.parsed.declaredPermissions.find((p) => p.name === name);
      if (declared !== undefined) return declared;
    }
    return undefined;
  }

  permissionStatesOf(packageName: string): PermissionState[] {
    const record = this.records.get(packageName);
    if (record === undefined) return [];
    return permissionStates(record, this.db.settings.get(packageName), this.permissionContext);
  }

  uidOf(packageName: string): number | undefined {
    return this.db.settings.get(packageName)?.appId;
  }
}
