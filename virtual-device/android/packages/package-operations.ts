/**
 * The write side of the package manager: install (new, update, update of a system app),
 * uninstall (incl. reverting a system-app update), enable/disable, runtime grants and role
 * holders, each with the status texts and broadcasts AOSP produces.
 *
 * Broadcast order on an update follows PackageManagerService#handlePackagePostInstall:
 * PACKAGE_REMOVED (EXTRA_REPLACING=true), PACKAGE_ADDED (EXTRA_REPLACING=true), PACKAGE_REPLACED.
 */
import { type Credentials } from '../fs/memory-fs';
import { credentialsFor } from '../shell/shell-files';
import { ACTION_PACKAGE_ADDED, ACTION_PACKAGE_CHANGED, ACTION_PACKAGE_DATA_CLEARED, ACTION_PACKAGE_REMOVED, ACTION_PACKAGE_REPLACED, type BroadcastBus, EXTRA_REPLACING, type ExtraValue } from '../platform';
import { ApkParseError, parseApk, type ParsedPackage } from './apk-parser';
import { isRuntime } from './permission-catalog';
import { apkPolicyRefusal } from './apk-policy';
import { ENABLED_STATE, type EnabledState, type PackageRecord, shortComponentName } from './package-record';
import { type PackageManagerService } from './package-manager-service';
import { dataCodePath, dataRecord } from './package-scanner';
import { qualifiesForRole, ROLES } from './role-service';

/** PackageManagerService.MIN_INSTALLABLE_TARGET_SDK with Flags.minTargetSdk24() (Android 15). */
export const MIN_INSTALLABLE_TARGET_SDK = 24;
export const DEVICE_SDK = 35;

export const ACTION_PACKAGE_FULLY_REMOVED = 'android.intent.action.PACKAGE_FULLY_REMOVED';
export const ACTION_PACKAGE_RESTARTED = 'android.intent.action.PACKAGE_RESTARTED';
export const EXTRA_UID = 'android.intent.extra.UID';

export interface InstallOptions {
  readonly grantRuntimePermissions?: boolean;
  readonly allowDowngrade?: boolean;
  readonly allowTest?: boolean;
  readonly bypassLowTargetSdkBlock?: boolean;
  readonly installer?: string;
  /** Staging name in messages: /data/app/vmdl<session>.tmp/base.apk */
  readonly sessionId?: number;
}

export type OperationResult = { readonly ok: true; readonly packageName: string } | { readonly ok: false; readonly message: string };

/** A Java exception escaping a shell command (printed as `Exception occurred while executing …`). */
export class JavaException extends Error {
  constructor(readonly javaClass: string, message: string) {
    super(message);
  }
}

const SYSTEM_CREDENTIALS: Credentials = credentialsFor(1000);
const PLATFORM_SHARED_USERS = new Set(['android.uid.system', 'android.uid.phone', 'android.uid.shell', 'android.uid.log', 'android.uid.nfc', 'android.uid.bluetooth', 'android.uid.networkstack']);

export class PackageOperations {
  constructor(
    private readonly pms: PackageManagerService,
    private readonly bus: BroadcastBus,
    /** Refuse unsigned APKs and APKs whose declared code is missing, as a device does (./apk-policy.ts). */
    private readonly strictApks = false,
  ) {}

  async install(apk: Buffer, options: InstallOptions = {}): Promise<OperationResult> {
    const session = options.sessionId ?? Math.floor(Math.random() * 2_000_000_000);
    const stagingPath = `/data/app/vmdl${session}.tmp/base.apk`;
    let parsed: ParsedPackage;
    try {
      parsed = await parseApk(apk, stagingPath);
    } catch (error) {
      if (error instanceof ApkParseError) return { ok: false, message: `${error.code}: ${error.message}` };
      throw error;
    }
    const refusal = (this.strictApks ? apkPolicyRefusal(apk, parsed, stagingPath) : undefined) ?? this.checkInstallable(parsed, options, stagingPath);
    if (refusal !== undefined) return { ok: false, message: refusal };

    const name = parsed.packageName;
    const previous = this.pms.records.get(name);
    const systemBase = previous?.isSystem === true ? (previous.systemBase ?? (previous.partition === 'data' ? undefined : previous)) : undefined;
    const settings = this.pms.db.settings.get(name);
    const now = this.pms.deps.nowMs();
    const index = previous?.partition === 'data' && settings !== undefined ? (settings.dataDirIndex === 1 ? 2 : 1) : 1;
    const codePath = dataCodePath(name, index);
    const apkPath = `${codePath}/base.apk`;
    const fs = this.pms.deps.fs;
    fs.mkdir(codePath, SYSTEM_CREDENTIALS, { mode: 0o755 });
    const written = fs.writeFile(apkPath, apk, SYSTEM_CREDENTIALS, { mode: 0o644 });
    if (written !== true) return { ok: false, message: `INSTALL_FAILED_INSUFFICIENT_STORAGE: Failed to write ${apkPath}` };
    if (previous?.partition === 'data' && previous.codePath !== codePath) fs.remove(previous.codePath, SYSTEM_CREDENTIALS, { recursive: true });

    const record = dataRecord({ parsed, apkPath, codePath }, systemBase);
    this.pms.records.set(name, record);
    const state = settings ?? this.pms.newSettings(name, record, now);
    state.lastUpdateTime = now;
    state.dataDirIndex = index;
    state.installer = options.installer ?? 'com.android.shell';
    this.pms.db.settings.set(name, state);
    if (options.grantRuntimePermissions === true) {
      for (const permission of parsed.requestedPermissions) {
        const def = this.pms.permissionDefinition(permission);
        if (def !== undefined && isRuntime(def)) state.runtimeGrants.set(permission, { granted: true, flags: new Set(['USER_SENSITIVE_WHEN_GRANTED', 'USER_SENSITIVE_WHEN_DENIED']) });
      }
    }
    // The boot scan keys its parse cache by size:mtime:inode; remember this parse under that key.
    const stored = fs.stat(apkPath, SYSTEM_CREDENTIALS);
    if (typeof stored !== 'number') this.pms.db.parseCache.set(apkPath, { key: `${stored.size}:${stored.mtimeSec}:${stored.ino}`, parsed });
    this.pms.logSystem('I', `${previous === undefined ? 'Install' : 'Update'} package ${name} codePath=${codePath} versionCode=${parsed.versionCode}`);

    const uid = state.appId;
    if (previous === undefined) {
      this.broadcast(ACTION_PACKAGE_ADDED, name, { [EXTRA_UID]: uid });
    } else {
      this.broadcast(ACTION_PACKAGE_REMOVED, name, { [EXTRA_UID]: uid, [EXTRA_REPLACING]: true, 'android.intent.extra.DATA_REMOVED': false });
      this.broadcast(ACTION_PACKAGE_ADDED, name, { [EXTRA_UID]: uid, [EXTRA_REPLACING]: true });
      this.broadcast(ACTION_PACKAGE_REPLACED, name, { [EXTRA_UID]: uid, [EXTRA_REPLACING]: true });
    }
    return { ok: true, packageName: name };
  }

  private checkInstallable(parsed: ParsedPackage, options: InstallOptions, stagingPath: string): string | undefined {
    if (parsed.split !== undefined) return `INSTALL_FAILED_INVALID_APK: Missing base APK in ${stagingPath.replace('/base.apk', '')}`;
    if (parsed.minSdk > DEVICE_SDK) return `INSTALL_FAILED_OLDER_SDK: Failed parse during installPackageLI: ${stagingPath}: Requires newer sdk version #${parsed.minSdk} (current version is #${DEVICE_SDK})`;
    if (parsed.targetSdk < MIN_INSTALLABLE_TARGET_SDK && options.bypassLowTargetSdkBlock !== true) {
      return `INSTALL_FAILED_DEPRECATED_SDK_VERSION: App package must target at least SDK version ${MIN_INSTALLABLE_TARGET_SDK}, but found ${parsed.targetSdk}`;
    }
    if (parsed.application.testOnly && options.allowTest !== true) return 'INSTALL_FAILED_TEST_ONLY: installPackageLI';
    if (parsed.sharedUserId !== undefined && PLATFORM_SHARED_USERS.has(parsed.sharedUserId)) {
      // Installed APKs are not platform-signed here, so they cannot join a platform shared user.
      return `INSTALL_FAILED_SHARED_USER_INCOMPATIBLE: Reconciliation failed...: Reconcile failed: Package ${parsed.packageName} has no signatures that match those in shared user ${parsed.sharedUserId}; ignoring!`;
    }
    const previous = this.pms.records.get(parsed.packageName);
    if (previous !== undefined && parsed.versionCode < previous.parsed.versionCode && options.allowDowngrade !== true) {
      return `INSTALL_FAILED_VERSION_DOWNGRADE: Downgrade detected: Update version code ${parsed.versionCode} is older than current ${previous.parsed.versionCode}`;
    }
    if (previous !== undefined && previous.platformSigned) {
      return `INSTALL_FAILED_UPDATE_INCOMPATIBLE: Existing package ${parsed.packageName} signatures do not match newer version; ignoring!`;
    }
    return undefined;
  }

  /** `pm uninstall [-k] [--user N] <pkg>`: the status text ("Success" or "Failure [...]"). */
  uninstall(packageName: string, options: { readonly keepData?: boolean; readonly user?: number; readonly callerUid: number }): string {
    const record = this.pms.records.get(packageName);
    const settings = this.pms.db.settings.get(packageName);
    if (record === undefined || settings === undefined) return 'Failure [DELETE_FAILED_INTERNAL_ERROR]';
    if (options.user !== undefined && !settings.installed) return `Failure [not installed for ${options.user}]`;
    if (record.isSystem && !record.updatedSystemApp) {
      // PackageManagerShellCommand#runUninstall: without --user the delete is for all users and a
      // factory system app cannot be deleted; with --user it sets DELETE_SYSTEM_APP and the app
      // is uninstalled for that user only (the APK stays on the partition). The shell may do this.
      if (options.user === undefined) return 'Failure [DELETE_FAILED_INTERNAL_ERROR]';
      settings.installed = false;
      this.pms.db.roles.forgetPackage(packageName, (p) => p !== packageName && this.pms.records.has(p));
      this.pms.logSystem('I', `Uninstalling ${packageName} for user ${options.user}`);
      this.broadcast(ACTION_PACKAGE_REMOVED, packageName, { [EXTRA_UID]: settings.appId, [EXTRA_REPLACING]: false, 'android.intent.extra.DATA_REMOVED': options.keepData !== true, 'android.intent.extra.REMOVED_FOR_ALL_USERS': false });
      return 'Success';
    }
    const fs = this.pms.deps.fs;
    fs.remove(record.codePath, SYSTEM_CREDENTIALS, { recursive: true });
    const uid = settings.appId;
    if (record.updatedSystemApp && record.systemBase !== undefined) {
      // Uninstalling an update reverts to the factory version (PACKAGE_REPLACED, as on AOSP).
      this.pms.records.set(packageName, record.systemBase);
      settings.lastUpdateTime = this.pms.deps.nowMs();
      this.pms.logSystem('I', `Reverting to factory version of ${packageName}`);
      this.broadcast(ACTION_PACKAGE_REMOVED, packageName, { [EXTRA_UID]: uid, [EXTRA_REPLACING]: true, 'android.intent.extra.DATA_REMOVED': false });
      this.broadcast(ACTION_PACKAGE_ADDED, packageName, { [EXTRA_UID]: uid, [EXTRA_REPLACING]: true });
      this.broadcast(ACTION_PACKAGE_REPLACED, packageName, { [EXTRA_UID]: uid, [EXTRA_REPLACING]: true });
      return 'Success';
    }
    this.pms.records.delete(packageName);
    this.pms.db.settings.delete(packageName);
    this.pms.db.roles.forgetPackage(packageName, (p) => this.pms.records.has(p));
    this.pms.logSystem('I', `Removing package ${packageName}`);
    const dataRemoved = options.keepData !== true;
    this.broadcast(ACTION_PACKAGE_REMOVED, packageName, { [EXTRA_UID]: uid, [EXTRA_REPLACING]: false, 'android.intent.extra.DATA_REMOVED': dataRemoved, 'android.intent.extra.REMOVED_FOR_ALL_USERS': true });
    if (dataRemoved) this.broadcast(ACTION_PACKAGE_FULLY_REMOVED, packageName, { [EXTRA_UID]: uid });
    return 'Success';
  }

  /**
   * `pm install-existing [--user N] <pkg>`: installs a package the device already has for the
   * user again (PackageManagerService#installExistingPackageAsUser), e.g. after
   * `pm uninstall --user 0` of a system app. Returns the line `pm` prints.
   */
  installExisting(packageName: string, user: number): { readonly ok: boolean; readonly text: string } {
    const record = this.pms.records.get(packageName);
    const settings = this.pms.db.settings.get(packageName);
    if (record === undefined || settings === undefined) return { ok: false, text: `Failure [INSTALL_FAILED_INVALID_URI]` };
    if (!settings.installed) {
      settings.installed = true;
      this.broadcast(ACTION_PACKAGE_ADDED, packageName, { [EXTRA_UID]: settings.appId, [EXTRA_REPLACING]: false });
    }
    return { ok: true, text: `Package ${packageName} installed for user: ${user}` };
  }

  /**
   * setApplicationEnabledSetting / setComponentEnabledSetting as called by `pm enable|disable`.
   * Returns the new state; throws JavaException like AOSP (unknown package/component, shell).
   */
  setEnabled(target: string, state: EnabledState, callerUid: number): { readonly packageName: string; readonly className: string | undefined; readonly state: EnabledState } {
    const slash = target.indexOf('/');
    const packageName = slash >= 0 ? target.slice(0, slash) : target;
    const rawClass = slash >= 0 ? target.slice(slash + 1) : undefined;
    const className = rawClass === undefined ? undefined : rawClass.startsWith('.') ? packageName + rawClass : rawClass;
    const record = this.pms.records.get(packageName);
    const settings = this.pms.db.settings.get(packageName);
    if (record === undefined || settings === undefined) throw new JavaException('java.lang.IllegalArgumentException', `Unknown package: ${packageName}`);
    if (className !== undefined && !record.parsed.components.some((c) => c.className === className)) {
      throw new JavaException('java.lang.IllegalArgumentException', `Component class ${className} does not exist in ${packageName}`);
    }
    // PackageManagerService#setEnabledSettings: the shell may only switch whole packages between
    // enabled/default and disabled-user (unless the package is test-only).
    if (callerUid === 2000 && !record.parsed.application.testOnly) {
      const old = settings.enabled;
      const allowedStates: readonly EnabledState[] = [ENABLED_STATE.default, ENABLED_STATE.enabled, ENABLED_STATE['disabled-user']];
      if (className !== undefined || !allowedStates.includes(old) || !allowedStates.includes(state)) {
        throw new JavaException('java.lang.SecurityException', `Shell cannot change component state for ${packageName}/${className ?? 'null'} to ${state}`);
      }
    }
    if (className === undefined) {
      settings.enabled = state;
      settings.lastDisabledCaller = state === ENABLED_STATE.disabled || state === ENABLED_STATE['disabled-user'] ? `shell:${callerUid}` : null;
    } else if (state === ENABLED_STATE.default) {
      settings.componentStates.delete(className);
    } else {
      settings.componentStates.set(className, state);
    }
    this.broadcast(ACTION_PACKAGE_CHANGED, packageName, {
      [EXTRA_UID]: settings.appId,
      'android.intent.extra.changed_component_name_list': className ?? packageName,
      'android.intent.extra.DONT_KILL_APP': false,
    });
    return { packageName, className, state: className === undefined ? settings.enabled : (settings.componentStates.get(className) ?? ENABLED_STATE.default) };
  }

  /** PermissionManagerServiceImpl#grantRuntimePermission / revokeRuntimePermission. */
  setRuntimePermission(packageName: string, permission: string, grant: boolean): void {
    const record = this.pms.records.get(packageName);
    const settings = this.pms.db.settings.get(packageName);
    if (record === undefined || settings === undefined) throw new JavaException('java.lang.IllegalArgumentException', `Unknown package: ${packageName}`);
    const def = this.pms.permissionDefinition(permission);
    if (def === undefined) throw new JavaException('java.lang.IllegalArgumentException', `Unknown permission: ${permission}`);
    if (!record.parsed.requestedPermissions.includes(permission)) {
      throw new JavaException('java.lang.SecurityException', `Package ${packageName} has not requested permission ${permission}`);
    }
    if (!isRuntime(def) && !def.flags.includes('development')) {
      throw new JavaException('java.lang.SecurityException', `Permission ${permission} requested by ${packageName} is not a changeable permission type`);
    }
    const existing = settings.runtimeGrants.get(permission);
    if (existing?.flags.has('SYSTEM_FIXED') === true) {
      throw new JavaException('java.lang.SecurityException', `Cannot change system fixed permission ${permission} for package ${packageName}`);
    }
    settings.runtimeGrants.set(permission, { granted: grant, flags: new Set(['USER_SET', 'USER_SENSITIVE_WHEN_GRANTED', 'USER_SENSITIVE_WHEN_DENIED']) });
    // Revoking a runtime permission kills the app (PACKAGE_RESTARTED-like process death).
    if (!grant) this.broadcast(ACTION_PACKAGE_RESTARTED, packageName, { [EXTRA_UID]: settings.appId });
  }

  /** RoleManager#addRoleHolderAsUser; returns an error for logcat, or undefined on success. */
  addRoleHolder(role: string, packageName: string): string | undefined {
    const def = ROLES.get(role);
    if (def === undefined) return `Unknown role: ${role}`;
    const record = this.pms.records.get(packageName);
    if (record === undefined) return `Package does not qualify for the role, package: ${packageName}, role: ${role}`;
    const settings = this.pms.db.settings.get(packageName);
    if (!qualifiesForRole(def, record.parsed, (c) => this.componentEnabled(record, c.className, settings?.componentStates.get(c.className), c.enabled))) {
      return `Package does not qualify for the role, package: ${packageName}, role: ${role}`;
    }
    this.pms.db.roles.set(role, [packageName]);
    this.pms.logSystem('I', `Added role holder, role: ${role}, package: ${packageName}`, 'RoleService');
    return undefined;
  }

  removeRoleHolder(role: string, packageName: string): string | undefined {
    if (!ROLES.has(role)) return `Unknown role: ${role}`;
    const holders = this.pms.db.roles.holdersOf(role).filter((p) => p !== packageName);
    this.pms.db.roles.set(role, holders);
    return undefined;
  }

  clearRoleHolders(role: string): string | undefined {
    if (!ROLES.has(role)) return `Unknown role: ${role}`;
    this.pms.db.roles.set(role, []);
    return undefined;
  }

  private componentEnabled(record: PackageRecord, _className: string, state: EnabledState | undefined, declared: boolean): boolean {
    const settings = this.pms.db.settings.get(record.parsed.packageName);
    const pkgState = settings?.enabled ?? ENABLED_STATE.default;
    if (pkgState !== ENABLED_STATE.default && pkgState !== ENABLED_STATE.enabled) return false;
    if (state === undefined || state === ENABLED_STATE.default) return declared;
    return state === ENABLED_STATE.enabled;
  }

  broadcast(action: string, packageName: string, extras: Record<string, ExtraValue>): void {
    this.bus.send({ action, data: `package:${packageName}`, extras: { ...extras, 'android.intent.extra.user_handle': 0 } });
  }

  /** `am force-stop`: the app's processes die; AOSP announces it with PACKAGE_RESTARTED. */
  /**
   * `pm clear`: ActivityManagerService.clearApplicationUserData kills the app, deletes its data
   * and sends ACTION_PACKAGE_DATA_CLEARED (what an app stored, e.g. the rig app's behaviour, goes).
   */
  clearData(packageName: string): boolean {
    const uid = this.pms.db.settings.get(packageName)?.appId;
    if (uid === undefined) return false;
    this.broadcast(ACTION_PACKAGE_DATA_CLEARED, packageName, { [EXTRA_UID]: uid });
    return true;
  }

  forceStop(packageName: string): void {
    const uid = this.pms.db.settings.get(packageName)?.appId;
    if (uid === undefined) return;
    this.broadcast(ACTION_PACKAGE_RESTARTED, packageName, { [EXTRA_UID]: uid });
  }
}

export { shortComponentName };
