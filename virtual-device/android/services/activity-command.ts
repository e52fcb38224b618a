/**
 * `am` / `cmd activity` (ActivityManagerShellCommand): broadcast, force-stop, kill, start,
 * get-current-user. Intents are parsed as Intent#parseCommandArgs does and printed as
 * Intent#toShortString (`Intent { act=… dat=… flg=0x400000 pkg=… cmp=… (has extras) }`).
 */
import { type BroadcastBus, type ExtraValue, type LogBuffer } from '../platform';
import { type PackageOperations } from '../packages/package-operations';
import { type PackageManagerService } from '../packages/package-manager-service';
import { printJavaException } from '../shell/java-exception';
import { type Tool, type ToolContext } from '../shell/tool';
import { deliverExplicitBroadcast } from './explicit-broadcast';
import { type ProcessTable } from './process-tools';

/** Intent.FLAG_RECEIVER_FROM_SHELL, which `am broadcast` adds. */
const FLAG_RECEIVER_FROM_SHELL = 0x400000;
const FLAG_RECEIVER_FOREGROUND = 0x10000000;
const FLAG_EXCLUDE_STOPPED_PACKAGES = 0x10;
const FLAG_INCLUDE_STOPPED_PACKAGES = 0x20;
const FLAG_ACTIVITY_NEW_TASK = 0x10000000;

/** Broadcasts only the system may send (core/res/AndroidManifest.xml <protected-broadcast>). */
const PROTECTED_BROADCASTS = new Set([
  'android.intent.action.BOOT_COMPLETED', 'android.intent.action.LOCKED_BOOT_COMPLETED', 'android.intent.action.USER_UNLOCKED',
  'android.intent.action.PACKAGE_ADDED', 'android.intent.action.PACKAGE_REMOVED', 'android.intent.action.PACKAGE_CHANGED',
  'android.intent.action.PACKAGE_REPLACED', 'android.intent.action.PACKAGE_RESTARTED', 'android.intent.action.PACKAGE_FULLY_REMOVED',
  'android.telephony.action.CARRIER_CONFIG_CHANGED', 'android.intent.action.SIM_STATE_CHANGED',
]);

export interface ParsedIntent {
  action?: string;
  data?: string;
  type?: string;
  categories: string[];
  packageName?: string;
  component?: string;
  flags: number;
  extras: Record<string, ExtraValue>;
}

/** Intent#parseCommandArgs for the options scripts use. */
export function parseIntentArgs(argv: readonly string[]): { intent: ParsedIntent; rest: string[] } | { error: string } {
  const intent: ParsedIntent = { categories: [], flags: 0, extras: {} };
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const opt = argv[i] ?? '';
    const next = (): string => {
      const value = argv[++i];
      if (value === undefined) throw new Error(`Argument expected after "${opt}"`);
      return value;
    };
    try {
      switch (opt) {
        case '-a': intent.action = next(); break;
        case '-d': intent.data = next(); break;
        case '-t': intent.type = next(); break;
        case '-c': intent.categories.push(next()); break;
        case '-p': intent.packageName = next(); break;
        case '-n': intent.component = next(); break;
        case '-f': intent.flags |= Number(next()); break;
        case '--es': { const k = next(); intent.extras[k] = next(); break; }
        case '--esn': intent.extras[next()] = null; break;
        case '--ez': { const k = next(); const v = next().toLowerCase(); intent.extras[k] = v === 'true' || v === 't' || (v !== 'false' && v !== 'f' && Number(v) !== 0); break; }
        case '--ei': case '--el': case '--ef': case '--ed': { const k = next(); const v = Number(next()); if (Number.isNaN(v)) return { error: `Invalid number for ${opt}` }; intent.extras[k] = v; break; }
        case '--eu': { const k = next(); intent.extras[k] = next(); break; }
        case '--receiver-foreground': intent.flags |= FLAG_RECEIVER_FOREGROUND; break;
        case '--user': case '--receiver-permission': case '--allow-background-activity-starts': next(); break;
        case '--include-stopped-packages': intent.flags |= FLAG_INCLUDE_STOPPED_PACKAGES; break;
        case '--exclude-stopped-packages': intent.flags |= FLAG_EXCLUDE_STOPPED_PACKAGES; break;
        case '--async': case '-W': case '-S': case '--activity-clear-task': break;
        default:
          if (opt.startsWith('-')) return { error: `Unknown option: ${opt}` };
          rest.push(opt);
      }
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }
  return { intent, rest };
}

export function intentToShortString(intent: ParsedIntent): string {
  const parts: string[] = [];
  if (intent.action !== undefined) parts.push(`act=${intent.action}`);
  if (intent.categories.length > 0) parts.push(`cat=[${intent.categories.join(',')}]`);
  if (intent.data !== undefined) parts.push(`dat=${intent.data}`);
  if (intent.type !== undefined) parts.push(`typ=${intent.type}`);
  if (intent.flags !== 0) parts.push(`flg=0x${intent.flags.toString(16)}`);
  if (intent.packageName !== undefined) parts.push(`pkg=${intent.packageName}`);
  if (intent.component !== undefined) parts.push(`cmp=${intent.component}`);
  if (Object.keys(intent.extras).length > 0) parts.push('(has extras)');
  return `Intent { ${parts.join(' ')} }`;
}

/** The window side of `am` (virtual-device/ui): starting activities, stopping apps, instrumentation. */
export interface ActivityUi {
  start(component: string, options: { stopFirst: boolean; fromShell: boolean }): { readonly ok: true; readonly component: string } | { readonly ok: false; readonly error: string };
  forceStop(packageName: string): void;
  /** `am instrument -w`: resolves with the exit status when the instrumentation ends. */
  instrument(target: string, out: (text: string) => void, signal: AbortSignal): Promise<number>;
}

export function createActivityCommand(bus: BroadcastBus, pms: PackageManagerService, ops: PackageOperations, processes: ProcessTable, log?: LogBuffer, ui?: ActivityUi): Tool {
  return (ctx: ToolContext) => {
    const [cmd, ...args] = ctx.argv;
    switch (cmd) {
      case 'broadcast': {
        const parsed = parseIntentArgs(args);
        if ('error' in parsed) return printJavaException(ctx.out, 'broadcast', 'java.lang.IllegalArgumentException', parsed.error, ['android.content.Intent.parseCommandArgs(Intent.java:8264)']);
        const intent = parsed.intent;
        intent.flags |= FLAG_RECEIVER_FROM_SHELL;
        ctx.out.stdout(`Broadcasting: ${intentToShortString(intent)}\n`);
        if (intent.action !== undefined && PROTECTED_BROADCASTS.has(intent.action) && ctx.uid !== 0) {
          return printJavaException(ctx.out, 'broadcast', 'java.lang.SecurityException', `Permission Denial: not allowed to send broadcast ${intent.action} from pid=${4000 + Math.floor(Math.random() * 1000)}, uid=${ctx.uid}`, ['com.android.server.am.BroadcastController.broadcastIntentLockedTraced(BroadcastController.java:1042)']);
        }
        if (intent.component !== undefined && log !== undefined) {
          // An explicit broadcast runs the one manifest receiver it names (explicit-broadcast.ts).
          const sent = { action: intent.action ?? '', ...(intent.data === undefined ? {} : { data: intent.data }), extras: intent.extras };
          const data = deliverExplicitBroadcast(pms, bus, log, { component: intent.component, intent: sent, senderUid: ctx.uid }, intentToShortString(intent));
          ctx.out.stdout(data === null ? 'Broadcast completed: result=0\n' : `Broadcast completed: result=0, data="${data}"\n`);
          return 0;
        }
        if (intent.action !== undefined) bus.send({ action: intent.action, ...(intent.data === undefined ? {} : { data: intent.data }), extras: intent.extras });
        ctx.out.stdout('Broadcast completed: result=0\n');
        return 0;
      }
      case 'force-stop': case 'kill': {
        const pkg = args.filter((a) => !a.startsWith('-'))[args[0] === '--user' ? 1 : 0];
        if (pkg !== undefined && cmd === 'force-stop') ops.forceStop(pkg);
        if (pkg !== undefined) ui?.forceStop(pkg);
        return 0;
      }
      case 'start': case 'start-activity': {
        const parsed = parseIntentArgs(args);
        if ('error' in parsed) return printJavaException(ctx.out, cmd, 'java.lang.IllegalArgumentException', parsed.error);
        const intent = parsed.intent;
        intent.flags |= FLAG_ACTIVITY_NEW_TASK;
        ctx.out.stdout(`Starting: ${intentToShortString(intent)}\n`);
        const resolvable = intent.component !== undefined
          ? pms.get(intent.component.split('/')[0] ?? '')?.activities.some((a) => a.className === resolveClass(intent.component ?? '')) === true
          : intent.action !== undefined && pms.queryComponents('activity', intent.action, intent.packageName).length > 0;
        if (!resolvable) {
          ctx.out.stderr(`Error: Activity not started, unable to resolve ${intentToShortString(intent)}\n`);
          return 1;
        }
        if (ui === undefined || intent.component === undefined) return 0;
        // ActivityManagerShellCommand#runStartActivity: -S force-stops first, -W waits and reports.
        const started = ui.start(intent.component, { stopFirst: args.includes('-S'), fromShell: ctx.uid !== 0 });
        if (!started.ok) {
          ctx.out.stderr(`${started.error}\n`);
          return 1;
        }
        if (args.includes('-W')) ctx.out.stdout(`Status: ok\nLaunchState: COLD\nActivity: ${started.component}\nTotalTime: 180\nWaitTime: 183\nComplete\n`);
        return 0;
      }
      case 'instrument': {
        // am instrument [-w] [-r] [-e KEY VALUE]… [--no-window-animation] COMPONENT
        const target = args.filter((a, i) => !a.startsWith('-') && !['-e', '-p', '--user'].includes(args[i - 1] ?? '') && args[i - 2] !== '-e').pop();
        if (target === undefined || ui === undefined) {
          ctx.out.stderr('Error: no instrumentation component given\n');
          return 1;
        }
        return ui.instrument(target, (text) => ctx.out.stdout(text), ctx.signal);
      }
      case 'crash': {
        // ActivityManagerShellCommand#runCrash: the app's process dies; the persistent phone
        // process is restarted by ActivityManager, other apps are just gone (PACKAGE_RESTARTED).
        const target = args.filter((a) => !a.startsWith('-'))[args[0] === '--user' ? 1 : 0];
        if (target === 'com.android.phone' || (target !== undefined && Number(target) === processes.phonePid)) processes.restartPhoneProcess();
        else if (target !== undefined) ops.forceStop(target);
        return 0;
      }
      case 'get-current-user':
        ctx.out.stdout('0\n');
        return 0;
      case undefined: case 'help':
        ctx.out.stdout('Activity manager (activity) commands:\n  help\n  start [options] <INTENT>\n  broadcast [options] <INTENT>\n  force-stop [--user <USER_ID>] <PACKAGE>\n  kill [--user <USER_ID>] <PACKAGE>\n  get-current-user\n');
        return 0;
      default:
        ctx.out.stdout(`Unknown command: ${cmd}\n`);
        return -1;
    }
  };
}

function resolveClass(component: string): string {
  const [pkg = '', cls = ''] = component.split('/');
  return cls.startsWith('.') ? pkg + cls : cls;
}
