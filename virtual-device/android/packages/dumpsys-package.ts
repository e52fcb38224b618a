/**
 * `dumpsys package <pkg>` (and `pm dump`): the resolver tables for the package's components and
 * the "Packages:" block of Settings#dumpPackageLPr (Android 15), in its field order, including
 * `requested permissions:`, `install permissions:` and the user's `runtime permissions:` lines
 * (`<perm>: granted=<bool>[, flags=[ A|B]]`), flags=[ … ] and privateFlags=[ … PRIVILEGED … ].
 */
import { type PropertyStore } from '../props/property-store';
import { type PackageManagerService } from './package-manager-service';
import { isComponentEnabled, isPackageEnabled, type PackageRecord, type PackageSettings, shortComponentName } from './package-record';
import { type PermissionState } from './permission-policy';

/** System.identityHashCode stand-in: stable per string, 7–8 hex digits like the real ones. */
export function identityHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return (h & 0x0fffffff).toString(16);
}

function date(ms: number): string {
  const d = new Date(ms);
  const p2 = (n: number): string => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
}

/** Settings.FLAG_DUMP_SPEC order. */
function appFlags(record: PackageRecord): string[] {
  const app = record.parsed.application;
  const flags: string[] = [];
  if (record.isSystem) flags.push('SYSTEM');
  if (app.debuggable) flags.push('DEBUGGABLE');
  if (app.hasCode) flags.push('HAS_CODE');
  if (app.persistent && record.isSystem) flags.push('PERSISTENT');
  flags.push('ALLOW_CLEAR_USER_DATA');
  if (record.updatedSystemApp) flags.push('UPDATED_SYSTEM_APP');
  if (app.testOnly) flags.push('TEST_ONLY');
  flags.push('ALLOW_BACKUP');
  return flags;
}

/** Settings.PRIVATE_FLAG_DUMP_SPEC order. */
function privateFlags(record: PackageRecord): string[] {
  const parsed = record.parsed;
  const partition = record.systemBase?.partition ?? record.partition;
  const flags = ['PRIVATE_FLAG_ACTIVITIES_RESIZE_MODE_RESIZEABLE_VIA_SDK_VERSION'];
  flags.push(parsed.targetSdk >= 29 ? 'ALLOW_AUDIO_PLAYBACK_CAPTURE' : 'PRIVATE_FLAG_REQUEST_LEGACY_EXTERNAL_STORAGE');
  if (parsed.application.directBootAware) flags.push('DEFAULT_TO_DEVICE_PROTECTED_STORAGE', 'DIRECT_BOOT_AWARE');
  if (!parsed.application.directBootAware && parsed.components.some((c) => c.directBootAware)) flags.push('PARTIALLY_DIRECT_BOOT_AWARE');
  if (record.isPrivileged) flags.push('PRIVILEGED');
  if (partition === 'vendor') flags.push('VENDOR');
  if (partition === 'product') flags.push('PRODUCT');
  if (partition === 'system_ext') flags.push('SYSTEM_EXT');
  flags.push('PRIVATE_FLAG_ALLOW_NATIVE_HEAP_POINTER_TAGGING');
  return flags;
}

function flagsText(list: readonly string[]): string {
  return `[ ${list.map((f) => f + ' ').join('')}]`;
}

/** Settings#permissionFlagsToString: `, flags=[ A|B]` or nothing. */
function permissionFlags(flags: readonly string[]): string {
  return flags.length === 0 ? '' : `, flags=[ ${flags.join('|')}]`;
}

function resolverTables(pms: PackageManagerService, record: PackageRecord, settings: PackageSettings | undefined): string {
  let out = '';
  const tables: [string, string][] = [['activity', 'Activity Resolver Table:'], ['receiver', 'Receiver Resolver Table:'], ['service', 'Service Resolver Table:']];
  for (const [kind, title] of tables) {
    const byAction = new Map<string, string[]>();
    for (const c of record.parsed.components) {
      if (c.kind !== kind || !isComponentEnabled(record, settings, c)) continue;
      for (const filter of c.filters) {
        if (filter.schemes.length > 0 || filter.mimeTypes.length > 0) continue;
        for (const action of filter.actions) {
          const lines = byAction.get(action) ?? [];
          lines.push(`        ${identityHash(c.className)} ${shortComponentName(record.parsed.packageName, c.className)} filter ${identityHash(c.className + action)}`);
          lines.push(...filter.actions.map((a) => `          Action: "${a}"`), ...filter.categories.map((cat) => `          Category: "${cat}"`));
          byAction.set(action, lines);
        }
      }
    }
    if (byAction.size === 0) continue;
    out += `${title}\n  Non-Data Actions:\n`;
    for (const [action, lines] of byAction) out += `      ${action}:\n${lines.join('\n')}\n`;
    out += '\n';
  }
  void pms;
  return out;
}

export function dumpPackage(pms: PackageManagerService, packageName: string, props: PropertyStore): string {
  const record = pms.records.get(packageName);
  const settings = pms.db.settings.get(packageName);
  if (record === undefined || settings === undefined) return '';
  void props;
  return resolverTables(pms, record, settings) + 'Packages:\n' + packageBlock(pms, record, settings);
}

function packageBlock(pms: PackageManagerService, record: PackageRecord, settings: PackageSettings): string {
  const packageName = record.parsed.packageName;
  const p = record.parsed;
  const states = pms.permissionStatesOf(packageName);
  const install = states.filter((s) => !s.runtime);
  const runtime = states.filter((s) => s.runtime);
  const hash = identityHash(packageName);
  const lines: string[] = [];
  const add = (text: string): void => { lines.push(text); };
  add(`  Package [${packageName}] (${hash}):`);
  add(`    appId=${settings.appId}`);
  if (p.sharedUserId !== undefined) add(`    sharedUser=SharedUserSetting{${identityHash(p.sharedUserId)} ${p.sharedUserId}/${settings.appId}}`);
  add(`    pkg=Package{${identityHash(packageName + 'pkg')} ${packageName}}`);
  add(`    codePath=${record.codePath}`);
  add(`    resourcePath=${record.codePath}`);
  add(`    legacyNativeLibraryDir=${record.codePath}/lib`);
  add('    extractNativeLibs=false');
  add('    primaryCpuAbi=null');
  add('    secondaryCpuAbi=null');
  add('    cpuAbiOverride=null');
  add(`    versionCode=${p.versionCode} minSdk=${p.minSdk} targetSdk=${p.targetSdk}`);
  add('    minExtensionVersions=[]');
  add(`    versionName=${p.versionName === '' ? 'null' : p.versionName}`);
  add(`    hiddenApiEnforcementPolicy=${record.platformSigned ? 0 : 2}`);
  add('    usesNonSdkApi=false');
  add('    splits=[base]');
  add(`    apkSigningVersion=${record.platformSigned ? 3 : 2}`);
  add(`    flags=${flagsText(appFlags(record))}`);
  add(`    privateFlags=${flagsText(privateFlags(record))}`);
  add(`    forceQueryable=${record.isSystem}`);
  add('    pageSizeCompat=0');
  add('    scannedAsStoppedSystemApp=false');
  add('    supportsScreens=[small, medium, large, xlarge, resizeable, anyDensity]');
  add(`    timeStamp=${date(settings.lastUpdateTime)}`);
  add(`    lastUpdateTime=${date(settings.lastUpdateTime)}`);
  add(`    installerPackageName=${settings.installer ?? 'null'}`);
  add(`    installerPackageUid=${settings.installer === null ? -1 : 2000}`);
  add(`    initiatingPackageName=${settings.installer ?? 'null'}`);
  add('    originatingPackageName=null');
  add(`    packageSource=${record.isSystem && !record.updatedSystemApp ? 0 : 1}`);
  add('    appMetadataFilePath=null');
  add('    appMetadataSource=0');
  add(`    signatures=PackageSignatures{${identityHash(packageName + 'sig')} version:${record.platformSigned ? 3 : 2}, signatures:[${record.platformSigned ? 'c8a2e9bc' : identityHash(packageName + 'cert')}], past signatures:[]}`);
  add('    installPermissionsFixed=true');
  add(`    pkgFlags=${flagsText(appFlags(record))}`);
  add(`    privatePkgFlags=${flagsText(privateFlags(record))}`);
  add('    apexModuleName=null');
  if (p.declaredPermissions.length > 0) {
    add('    declared permissions:');
    for (const d of p.declaredPermissions) add(`      ${d.name}: prot=${[d.base, ...d.flags].join('|')}, INSTALLED`);
  }
  if (p.requestedPermissions.length > 0) {
    add('    requested permissions:');
    for (const name of p.requestedPermissions) add(`      ${name}`);
  }
  if (install.length > 0) {
    add('    install permissions:');
    for (const s of install) add(`      ${s.name}: granted=${s.granted}${permissionFlags(s.flags)}`);
  }
  const enabledState = settings.enabled;
  add(`    User 0: ceDataInode=${100000 + settings.appId} deDataInode=${200000 + settings.appId} installed=true hidden=false suspended=false distractionFlags=0 stopped=false notLaunched=false enabled=${enabledState} instant=false virtual=false quarantined=false`);
  add('      installReason=0');
  add(`      dataDir=/data/user/0/${packageName}`);
  add(`      firstInstallTime=${date(settings.firstInstallTime)}`);
  add('      uninstallReason=0');
  if (settings.lastDisabledCaller !== null && !isPackageEnabled(record, settings)) add(`      lastDisabledCaller: ${settings.lastDisabledCaller}`);
  if (p.sharedUserId === undefined) {
    if (states.some((s) => s.granted && s.name === 'android.permission.INTERNET')) add('      gids=[3003]');
    appendRuntime(add, runtime);
  }
  const disabled = [...settings.componentStates.entries()].filter(([, st]) => st === 2 || st === 3).map(([c]) => c);
  const enabled = [...settings.componentStates.entries()].filter(([, st]) => st === 1).map(([c]) => c);
  if (disabled.length > 0) { add('      disabledComponents:'); for (const c of disabled) add(`        ${c}`); }
  if (enabled.length > 0) { add('      enabledComponents:'); for (const c of enabled) add(`        ${c}`); }
  return lines.join('\n') + '\n';
}

function appendRuntime(add: (text: string) => void, runtime: readonly PermissionState[]): void {
  add('      runtime permissions:');
  for (const s of runtime) add(`        ${s.name}: granted=${s.granted}${permissionFlags(s.flags)}`);
}

/** `dumpsys package` with no package: every package's block under one "Packages:" title. */
export function dumpAllPackages(pms: PackageManagerService): string {
  let out = 'Packages:\n';
  for (const name of [...pms.records.keys()].sort()) {
    const record = pms.records.get(name);
    const settings = pms.db.settings.get(name);
    if (record !== undefined && settings !== undefined) out += packageBlock(pms, record, settings);
  }
  return out;
}
