/**
 * The commands the platform itself puts on the device: toybox tools, getprop/setprop, logcat,
 * cmd/dumpsys and the services behind them (package, role, settings, activity).
 */
import { createLogcatCommand } from './log/logcat-command';
import { dumpAllPackages, dumpPackage } from './packages/dumpsys-package';
import { createPmCommand } from './packages/pm-command';
import { createRoleCommand, createRoleDumpsys } from './packages/role-command';
import { type ReferenceDevice } from './reference-device';
import { createActivityCommand } from './services/activity-command';
import { createOverlayCommand } from './overlays/overlay-command';
import { createProcessTools } from './services/process-tools';
import { createSettingsCommand } from './services/settings-service';
import { normalizePath } from './fs/fs-path';
import { createFileTools } from './shell/tools/file-tools';
import { createServiceTools } from './shell/tools/service-tools';
import { createSystemTools } from './shell/tools/system-tools';
import { type ToolContext } from './shell/tool';
import { serviceDumpName } from './service-manager';
import { type ShellCommand } from './platform';

export function registerPlatformCommands(device: ReferenceDevice): void {
  const registry = device.registry;
  const binaries = {
    ...createFileTools(device.files),
    ...createSystemTools(
      { props: device.props, clock: device.clock, log: device.log, findTool: (name) => registry.binary(name), shellPid: () => device.nextPid() },
      (ctx, file) => device.files.read(normalizePath(file, ctx.cwd), ctx.uid),
    ),
    ...createServiceTools(registry, device.clock),
    logcat: createLogcatCommand(device.log),
    ...createProcessTools(device),
    // fs_mgr's remount (adb 29 runs `adb shell remount` when the device has remount_shell).
    remount: (ctx: ToolContext) => {
      if (ctx.uid !== 0) {
        ctx.out.stderr('Not running as root. Try "adb root" first.\n');
        return 1;
      }
      const result = device.remountAsRoot();
      ctx.out.stdout(result);
      return 0;
    },
    reboot: (ctx: { argv: readonly string[] }) => {
      const target = ctx.argv[1] ?? '';
      setImmediate(() => device.reboot(target));
      return 0;
    },
  };
  for (const [name, tool] of Object.entries(binaries)) registry.registerBinary(name, tool);

  const pm = createPmCommand({ pms: device.packages, ops: device.packageOps, props: device.props, files: device.files, get sessions() { return device.installSessions; } });
  registry.registerCmdService('package', pm);
  registry.registerCmdService('role', createRoleCommand(device.packages, device.packageOps, device.log));
  registry.registerCmdService('settings', createSettingsCommand(device.settings));
  registry.registerCmdService('activity', createActivityCommand(device.bus, device.packages, device.packageOps, device, device.log, {
    start: (component, options) => device.ui.windows.startActivity(component, options),
    forceStop: (pkg) => device.ui.forceStop(pkg),
    instrument: (target, out, signal) => device.ui.instrument(target, out, signal),
  }));
  registerUiCommands(device);
  // An overlay change reloads the target's resources in place (scheduleApplicationInfoChanged);
  // nothing restarts, so there is nothing more to do here.
  registry.registerCmdService('overlay', createOverlayCommand(device.overlays, () => undefined));
  registry.registerDumpsys('package', (ctx: ToolContext) => {
    const pkg = ctx.argv.find((a) => !a.startsWith('-'));
    if (pkg !== undefined && !device.packages.records.has(pkg)) ctx.out.stdout(`Unable to find package: ${pkg}\n`);
    else ctx.out.stdout(pkg === undefined ? dumpAllPackages(device.packages) : dumpPackage(device.packages, pkg, device.props));
    return 0;
  });
  registry.registerDumpsys('role', createRoleDumpsys(device.packages));
  registry.registerDumpsys('settings', (ctx: ToolContext) => {
    ctx.out.stdout(['global', 'secure', 'system'].map((ns) => `${ns.toUpperCase()} SETTINGS (user 0)\n` + device.settings.list(ns as 'global').map(([k, v]) => `_id:0 name:${k} value:${v}\n`).join('')).join('\n'));
    return 0;
  });
}

/**
 * What a UiAutomator2 driver asks of the window and activity services (appium-probe REPORT.md
 * §2): `dumpsys window|power|activity|deviceidle`, `appops`, `cmd notification`. `dumpsys activity
 * service <component>` prints what the component's process published (TelephonyDebugService).
 */
function registerUiCommands(device: ReferenceDevice): void {
  const registry = device.registry;
  registry.registerDumpsys('window', (ctx: ToolContext) => {
    ctx.out.stdout(device.ui.dumpsysWindow());
    return 0;
  });
  registry.registerDumpsys('power', (ctx: ToolContext) => {
    ctx.out.stdout(device.ui.dumpsysPower());
    return 0;
  });
  registry.registerDumpsys('activity', async (ctx: ToolContext) => {
    const [what, target] = ctx.argv.filter((a) => !a.startsWith('-'));
    if (what === 'service' && target !== undefined) {
      const dump = device.services.getService<ShellCommand>(serviceDumpName(target));
      if (dump === undefined) {
        ctx.out.stdout(`No services match: ${target}\nUse -h for help.\n`);
        return 0;
      }
      ctx.out.stdout(`SERVICE ${target} 5f3e2a1 pid=${device.phonePid ?? 0} user=0\n  Client:\n`);
      return dump({ ...ctx, argv: ctx.argv.slice(2) });
    }
    if (what === 'services') {
      ctx.out.stdout(device.ui.dumpsysActivityServices(target));
      return 0;
    }
    const { packageName, className } = device.ui.windows.focusedComponent();
    ctx.out.stdout(`ACTIVITY MANAGER ACTIVITIES (dumpsys activity activities)\n  mResumedActivity: ActivityRecord{5d6e7f8 u0 ${packageName}/${className} t42}\n`);
    return 0;
  });
  registry.registerDumpsys('deviceidle', (ctx: ToolContext) => {
    const [verb, ...rest] = ctx.argv;
    if (verb === 'whitelist') ctx.out.stdout(rest.map((p) => (p.startsWith('+') ? `Added: ${p.slice(1)}\n` : p.startsWith('-') ? `Removed: ${p.slice(1)}\n` : '')).join(''));
    return 0;
  });
  const appops = (ctx: ToolContext): number => {
    if (ctx.argv[0] === 'get') ctx.out.stdout('No operations.\n');
    return 0;
  };
  registry.registerCmdService('appops', appops);
  registry.registerBinary('appops', (ctx: ToolContext) => appops({ ...ctx, argv: ctx.argv.slice(1) }));
  registry.registerCmdService('notification', () => 0);
}
