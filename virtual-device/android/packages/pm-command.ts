/**
 * `cmd package` / `pm` (frameworks/base/services/core/java/com/android/server/pm/
 * PackageManagerShellCommand.java, Android 15): the verbs ims-rig and adb clients use, with
 * AOSP's outputs, errors and exit statuses.
 */
import { normalizePath } from '../fs/fs-path';
import { type PropertyStore } from '../props/property-store';
import { readAll } from '../shell/byte-pipe';
import { printJavaException } from '../shell/java-exception';
import { type ShellFiles } from '../shell/shell-files';
import { type Tool, type ToolContext } from '../shell/tool';
import { dumpPackage } from './dumpsys-package';
import { type InstallOptions, JavaException, type PackageOperations } from './package-operations';
import { ENABLED_STATE, type EnabledState, ENABLED_STATE_NAMES } from './package-record';
import { type PackageManagerService } from './package-manager-service';
import { installSessionCommands, type InstallSessions } from './install-sessions';
import { runQuery } from './pm-query';
import { PM_HELP } from './pm-help';

export interface PmDeps {
  readonly pms: PackageManagerService;
  readonly ops: PackageOperations;
  readonly props: PropertyStore;
  readonly files: ShellFiles;
  readonly sessions: InstallSessions;
}

interface Args {
  next(): string | undefined;
  peekOption(): boolean;
  rest(): string[];
}

function argsOf(argv: readonly string[]): Args {
  let i = 0;
  return {
    next: () => argv[i++],
    peekOption: () => (argv[i] ?? '').startsWith('-') && argv[i] !== '-',
    rest: () => argv.slice(i),
  };
}

/** PackageManagerShellCommand#makeInstallParams for the options adb and the rig pass. */
export function parseInstallOptions(args: Args): { options: InstallOptions & { size?: number } } | { error: string } {
  const options: { -readonly [K in keyof InstallOptions]: InstallOptions[K] } & { size?: number } = {};
  while (args.peekOption()) {
    const opt = args.next() ?? '';
    switch (opt) {
      case '-r': case '-f': case '-l': case '--dont-kill': case '--force-queryable': case '--full': case '--restrict-permissions': case '--skip-verification': case '--no-streaming': case '--streaming': case '--wait': case '--no-wait': break;
      case '-t': options.allowTest = true; break;
      case '-d': options.allowDowngrade = true; break;
      case '-g': options.grantRuntimePermissions = true; break;
      case '--bypass-low-target-sdk-block': options.bypassLowTargetSdkBlock = true; break;
      case '-i': options.installer = args.next() ?? ''; break;
      case '-S': {
        const size = Number(args.next());
        if (!Number.isInteger(size) || size < 0) return { error: 'Size must be a non-negative integer' };
        options.size = size;
        break;
      }
      case '--user': case '--install-reason': case '--originating-uri': case '--referrer': case '--abi': case '--install-location': case '--force-uuid': case '--pkg': case '-p':
        args.next();
        break;
      default:
        return { error: `Unknown option ${opt}` };
    }
  }
  return { options };
}

export function createPmCommand(deps: PmDeps): Tool {
  const { pms, ops } = deps;
  const sessionCommands = installSessionCommands(deps);
  return async (ctx: ToolContext) => {
    const args = argsOf(ctx.argv);
    const cmd = args.next();
    const out = ctx.out;
    try {
      switch (cmd) {
        case undefined: case 'help': case '-h':
          out.stdout(PM_HELP);
          return 0;
        case 'list': return runList(ctx, args, deps);
        case 'path': {
          if (args.peekOption() && args.next() === '--user') args.next();
          const pkg = args.next();
          if (pkg === undefined) { out.stderr('Error: no package specified\n'); return 1; }
          const record = pms.records.get(pkg);
          if (record === undefined || pms.get(pkg) === undefined) return 1;
          out.stdout(`package:${record.apkPath}\n`);
          return 0;
        }
        case 'install': return await runInstall(ctx, args, deps);
        case 'install-existing': {
          let user = 0;
          while (args.peekOption()) {
            const opt = args.next();
            if (opt === '--user') user = Number(args.next());
            else if (opt !== '--wait' && opt !== '--restrict-permissions' && opt !== '--full' && opt !== '--instant') { out.stdout(`Error: Unknown option: ${opt ?? ''}\n`); return 1; }
          }
          const pkg = args.next();
          if (pkg === undefined) { out.stdout('Error: package name not specified\n'); return 1; }
          const result = ops.installExisting(pkg, user);
          out.stdout(result.text + '\n');
          return result.ok ? 0 : 1;
        }
        case 'install-create': case 'install-write': case 'install-commit': case 'install-abandon': case 'install-destroy':
          return await sessionCommands(cmd, ctx, args.rest());
        case 'uninstall': {
          if (deps.props.get('sys.boot_completed') !== '1') { out.stdout('Error: device is still booting.\n'); return 1; }
          let keepData = false;
          let user: number | undefined;
          while (args.peekOption()) {
            const opt = args.next();
            if (opt === '-k') keepData = true;
            else if (opt === '--user') user = Number(args.next());
            else if (opt === '--versionCode') args.next();
            else { out.stdout(`Error: Unknown option: ${opt ?? ''}\n`); return 1; }
          }
          const pkg = args.next();
          if (pkg === undefined) { out.stdout('Error: package name not specified\n'); return 1; }
          const status = ops.uninstall(pkg, user === undefined ? { keepData, callerUid: ctx.uid } : { keepData, user, callerUid: ctx.uid });
          out.stdout(status + '\n');
          return status === 'Success' ? 0 : 1;
        }
        case 'enable': return runSetEnabled(ctx, args, deps, ENABLED_STATE.enabled);
        case 'disable': return runSetEnabled(ctx, args, deps, ENABLED_STATE.disabled);
        case 'disable-user': return runSetEnabled(ctx, args, deps, ENABLED_STATE['disabled-user']);
        case 'disable-until-used': return runSetEnabled(ctx, args, deps, ENABLED_STATE['disabled-until-used']);
        case 'default-state': return runSetEnabled(ctx, args, deps, ENABLED_STATE.default);
        case 'grant': case 'revoke': {
          while (args.peekOption()) if (args.next() === '--user') args.next();
          const pkg = args.next();
          const perm = args.next();
          if (pkg === undefined) { out.stderr('Error: no package specified\n'); return 1; }
          if (perm === undefined) { out.stderr('Error: no permission specified\n'); return 1; }
          if (!pms.records.has(pkg)) { out.stderr('Error: package not found\n'); out.stdout('Failure [package not found]\n'); return 1; }
          ops.setRuntimePermission(pkg, perm, cmd === 'grant');
          return 0;
        }
        case 'dump': {
          const pkg = args.next();
          if (pkg === undefined) { out.stderr('Error: no package specified\n'); return 1; }
          out.stdout(dumpPackage(pms, pkg, deps.props));
          return 0;
        }
        case 'has-feature': {
          const feature = args.next();
          if (feature === undefined) { out.stderr('Error: specify feature\n'); return 1; }
          const has = pms.hasSystemFeature(feature);
          out.stdout(`${has}\n`);
          return has ? 0 : 1;
        }
        case 'get-privapp-permissions': case 'get-privapp-deny-permissions': {
          const pkg = args.next();
          if (pkg === undefined) { out.stderr('Error: no package specified.\n'); return 1; }
          const record = pms.records.get(pkg);
          const partition = record?.systemBase?.partition ?? record?.partition ?? 'system';
          const perms = partition === 'data' ? undefined : pms.systemConfig.privappPermissions.get(partition)?.get(pkg);
          const wanted = cmd === 'get-privapp-permissions';
          out.stdout(`{${[...(perms ?? new Map<string, boolean>()).entries()].filter(([, allowed]) => allowed === wanted).map(([p]) => p).join(', ')}}\n`);
          return 0;
        }
        case 'query-services': case 'query-receivers': case 'query-activities': case 'resolve-activity':
          return runQuery(cmd, ctx, args.rest(), pms);
        case 'clear': {
          while (args.peekOption()) if (args.next() === '--user') args.next();
          const pkg = args.next();
          if (pkg === undefined) { out.stderr('Error: no package specified\n'); return 1; }
          if (!pms.records.has(pkg)) { out.stderr('Failed\n'); return 1; }
          deps.ops.clearData(pkg);
          out.stdout('Success\n');
          return 0;
        }
        case 'get-install-location': out.stdout('0[auto]\n'); return 0;
        default:
          out.stdout(`Unknown command: ${cmd}\n`);
          return -1;
      }
    } catch (error) {
      if (error instanceof JavaException) return printJavaException(out, cmd ?? '', error.javaClass, error.message);
      throw error;
    }
  };
}

function runList(ctx: ToolContext, args: Args, deps: PmDeps): number {
  const type = args.next();
  const out = ctx.out;
  if (type === 'features') {
    const names = [...deps.pms.systemConfig.features.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    // The GLES version is a FeatureInfo without a name: it sorts first (runListFeatures).
    out.stdout(['feature:reqGlEsVersion=0x30002', ...names.map(([n, v]) => (v > 0 ? `feature:${n}=${v}` : `feature:${n}`))].join('\n') + '\n');
    return 0;
  }
  if (type === 'users') {
    out.stdout('Users:\n\tUserInfo{0:Owner:c13} running\n');
    return 0;
  }
  if (type === 'instrumentation') {
    // PackageManagerShellCommand#runListInstrumentation: `instrumentation:<component> (target=<pkg>)`.
    const filter = args.next();
    const lines = deps.pms.list().flatMap((info) => (info.instrumentation ?? [])
      .filter((i) => filter === undefined || i.targetPackage === filter)
      .map((i) => `instrumentation:${info.packageName}/${i.name} (target=${i.targetPackage})`));
    out.stdout(lines.map((l) => `${l}\n`).join(''));
    return 0;
  }
  if (type === 'permissions') {
    out.stdout('All Permissions:\n\n');
    return 0;
  }
  if (type !== 'packages' && type !== 'package') {
    out.stdout(type === undefined ? "Error: didn't specify type of data to list\n" : `Error: unknown list type '${type}'\n`);
    return -1;
  }
  const flags = new Set<string>();
  let uidFilter: number | undefined;
  while (args.peekOption()) {
    const opt = args.next() ?? '';
    if (opt === '--user') { args.next(); continue; }
    if (opt === '--uid') { uidFilter = Number(args.next()); flags.add('-U'); continue; }
    if (!['-d', '-e', '-f', '-i', '-l', '-s', '-3', '-U', '-u', '-a', '--show-versioncode', '--apex-only', '--factory-only', '--show-stopped'].includes(opt)) {
      out.stdout(`Error: Unknown option: ${opt}\n`);
      return -1;
    }
    flags.add(opt);
  }
  const filter = args.next();
  const lines: string[] = [];
  for (const info of [...deps.pms.list({ includeUninstalled: flags.has('-u') })].sort((a, b) => (a.packageName < b.packageName ? -1 : 1))) {
    if (filter !== undefined && !info.packageName.includes(filter)) continue;
    const uid = deps.pms.uidOf(info.packageName) ?? 0;
    if (uidFilter !== undefined && uid !== uidFilter) continue;
    if ((flags.has('-d') && info.enabled) || (flags.has('-e') && !info.enabled) || (flags.has('-s') && !info.isSystem) || (flags.has('-3') && info.isSystem)) continue;
    let line = 'package:';
    if (flags.has('-f')) line += `${info.codePath}=`;
    line += info.packageName;
    if (flags.has('--show-versioncode')) line += ` versionCode:${info.versionCode}`;
    if (flags.has('-i')) line += `  installer=${deps.pms.db.settings.get(info.packageName)?.installer ?? 'null'}`;
    if (flags.has('-U')) line += ` uid:${uid}`;
    lines.push(line);
  }
  out.stdout(lines.map((l) => l + '\n').join(''));
  return 0;
}

async function runInstall(ctx: ToolContext, args: Args, deps: PmDeps): Promise<number> {
  const out = ctx.out;
  if (deps.props.get('sys.boot_completed') !== '1') { out.stdout('Error: device is still booting.\n'); return 1; }
  const parsed = parseInstallOptions(args);
  if ('error' in parsed) throw new JavaException('java.lang.IllegalArgumentException', parsed.error);
  const { options } = parsed;
  const paths = args.rest();
  const fromStdin = paths.length === 0 || paths[0] === '-';
  if (fromStdin && options.size === undefined) { out.stdout('Error: must either specify a package size or an APK file\n'); return 1; }
  if (fromStdin && paths.length > 1) { out.stdout("Error: can't specify SPLIT(s) along with STDIN\n"); return 1; }
  let apk: Buffer;
  if (fromStdin) {
    const size = options.size ?? 0;
    if (size <= 0) { out.stderr('Error: must specify an APK size\n'); return 1; }
    apk = await readAll(ctx.stdin, size, ctx.signal);
  } else {
    const file = normalizePath(paths[0] ?? '', ctx.cwd);
    const data = deps.files.read(file, ctx.uid);
    if (typeof data === 'number') {
      out.stderr(`Error: Can't open file: ${paths[0] ?? ''}\n`);
      throw new JavaException('java.lang.IllegalArgumentException', `Error: Can't open file: ${paths[0] ?? ''}`);
    }
    apk = data;
  }
  const result = await deps.ops.install(apk, options);
  if (!result.ok) {
    if (!fromStdin && result.message.startsWith('INSTALL_PARSE_FAILED_NOT_APK')) {
      // setParamsSize parses the file first and throws before any session exists.
      throw new JavaException('java.lang.IllegalArgumentException', `Error: Failed to parse APK file: ${paths[0] ?? ''}: Failed to parse ${paths[0] ?? ''}`);
    }
    out.stdout(`Failure [${result.message}]\n`);
    return 1;
  }
  out.stdout('Success\n');
  return 0;
}

function runSetEnabled(ctx: ToolContext, args: Args, deps: PmDeps, state: EnabledState): number {
  if (args.peekOption() && args.next() === '--user') args.next();
  const target = args.next();
  if (target === undefined) { ctx.out.stderr('Error: no package or component specified\n'); return 1; }
  const result = deps.ops.setEnabled(target, state, ctx.uid);
  ctx.out.stdout(result.className === undefined
    ? `Package ${result.packageName} new state: ${ENABLED_STATE_NAMES[result.state]}\n`
    // ComponentName#toShortString keeps the full class name: {com.x/com.x.Cls}.
    : `Component {${result.packageName}/${result.className}} new state: ${ENABLED_STATE_NAMES[result.state]}\n`);
  return 0;
}
