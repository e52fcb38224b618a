/**
 * The reference device's activity stack, app processes and focused window — what `am
 * start-activity`, `am force-stop`, `ps -A`, `dumpsys window` and a UiAutomator2 server see. One
 * task stack (the launcher underneath); an app's activities live in its process, and a Java
 * exception escaping an activity callback or a click handler crashes that process the way
 * ActivityThread does: `FATAL EXCEPTION: main` in the crash buffer, the process gone, the app's
 * activities removed, focus back to what is below.
 */
import { type PackageInfo, type PackageManager } from '../android/platform';
import { type RingLogBuffer } from '../android/log/log-buffer';
import { type ServiceManager } from '../android/service-manager';
import { TELEPHONY_APIS, type TelephonyApis } from '../telephony/telephony-apis';
import { type Activity, type AppContext, type UiApp } from './activity';
import { view } from './view';

export const LAUNCHER_PACKAGE = 'com.android.launcher3';
const LAUNCHER_ACTIVITY = 'com.android.launcher3.uioverlay.QuickstepLauncher';

interface StackEntry {
  readonly packageName: string;
  readonly activity: Activity;
}

export interface AppProcess {
  readonly user: string;
  readonly pid: number;
  readonly name: string;
}

export interface WindowManagerDeps {
  readonly pm: PackageManager;
  readonly log: RingLogBuffer;
  readonly services: ServiceManager;
  readonly nextPid: () => number;
  /** Runs a task after the current one (the app's main-thread Looper). */
  readonly post: (task: () => void) => void;
  readonly apps: readonly UiApp[];
}

export type StartResult = { readonly ok: true; readonly component: string } | { readonly ok: false; readonly error: string };

export class WindowManager {
  private readonly stack: StackEntry[] = [];
  private readonly processes = new Map<string, number>();
  private readonly appsByPackage: Map<string, UiApp>;
  private lastToastText: string | undefined;
  /** One AppContext per running process: an app's singletons live as long as it. */
  private readonly contexts = new Map<string, AppContext>();
  /** Extra processes others run (the UiAutomator2 instrumentation). */
  readonly extraProcesses = new Map<string, number>();

  constructor(private readonly deps: WindowManagerDeps) {
    this.appsByPackage = new Map(deps.apps.map((a) => [a.packageName, a]));
  }

  /** The resumed activity (top of the stack), or undefined when the launcher shows. */
  get top(): StackEntry | undefined {
    return this.stack[this.stack.length - 1];
  }

  get lastToast(): string | undefined {
    return this.lastToastText;
  }

  /** `pkg/cls` of the focused window, the launcher when no app is in front. */
  focusedComponent(): { packageName: string; className: string } {
    const top = this.top;
    return top ? { packageName: top.packageName, className: top.activity.className } : { packageName: LAUNCHER_PACKAGE, className: LAUNCHER_ACTIVITY };
  }

  isRunning(packageName: string): boolean {
    return this.processes.has(packageName);
  }

  processList(): AppProcess[] {
    const rows: AppProcess[] = [...this.processes.entries()].map(([name, pid]) => ({ user: `u0_a${100 + (pid % 100)}`, pid, name }));
    for (const [name, pid] of this.extraProcesses) rows.push({ user: `u0_a${100 + (pid % 100)}`, pid, name });
    return rows.sort((a, b) => a.pid - b.pid);
  }

  /** ActivityTaskManager#startActivity for an explicit component (`pkg/.Cls` or `pkg/full.Cls`). */
  startActivity(component: string, options: { readonly stopFirst?: boolean; readonly fromShell?: boolean } = {}): StartResult {
    const [packageName = '', rawClass = ''] = component.split('/');
    const className = rawClass.startsWith('.') ? packageName + rawClass : rawClass;
    const info = this.deps.pm.get(packageName);
    const declared = info?.activities.find((a) => a.className === className);
    if (!info || !declared) return { ok: false, error: `Error type 3\nError: Activity class {${packageName}/${className}} does not exist.` };
    if (options.fromShell === true && !declared.exported) {
      return { ok: false, error: `java.lang.SecurityException: Permission Denial: starting Intent { flg=0x10000000 cmp=${packageName}/${rawClass} } from null (pid=-1, uid=2000) not exported from uid ${10000 + (info.packageName.length % 100)}` };
    }
    if (options.stopFirst === true) this.forceStop(packageName);
    this.ensureProcess(packageName);
    this.launch(info, className);
    return { ok: true, component: `${packageName}/${rawClass}` };
  }

  /** `am force-stop`: the app's activities stop and its process dies. */
  forceStop(packageName: string): void {
    this.stopActivitiesOf(packageName);
    this.processes.delete(packageName);
    this.contexts.delete(packageName);
  }

  /** Runs a click (or any app code) in the app's process; an escaping Java exception crashes it. */
  runInApp(packageName: string, work: () => void): void {
    try {
      work();
    } catch (e) {
      this.crash(packageName, e);
    }
  }

  /** The system back key / the up arrow: the top activity finishes. */
  back(): void {
    const top = this.stack.pop();
    if (!top) return;
    this.runInApp(top.packageName, () => {
      top.activity.onPause?.();
      top.activity.onStop?.();
    });
    this.resumeTop();
  }

  /** A reboot: every process and window is gone. */
  reset(): void {
    this.stack.length = 0;
    this.processes.clear();
    this.contexts.clear();
    this.extraProcesses.clear();
  }

  private ensureProcess(packageName: string): void {
    if (this.processes.has(packageName)) return;
    const pid = this.deps.nextPid();
    this.processes.set(packageName, pid);
    this.deps.log.append('system', 'I', 'ActivityManager', `Start proc ${pid}:${packageName}/u0a${100 + (pid % 100)} for top-activity {${packageName}}`, { pid: 1024 });
  }

  private launch(info: PackageInfo, className: string): void {
    const packageName = info.packageName;
    const previous = this.top;
    let context = this.contexts.get(packageName);
    if (context === undefined) {
      context = this.contextFor(packageName);
      this.contexts.set(packageName, context);
    }
    let activity: Activity | undefined;
    try {
      activity = this.appsByPackage.get(packageName)?.create(className, context);
    } catch (e) {
      this.crash(packageName, e);
      return;
    }
    const label = info.activities.find((a) => a.className === className) ? labelOf(className) : className;
    const resolved = activity ?? { className, label, content: [view(packageName, 'android.widget.FrameLayout', { id: 'android:id/content' })] };
    if (previous) this.runInApp(previous.packageName, () => previous.activity.onPause?.());
    this.stack.push({ packageName, activity: resolved });
    this.deps.log.append('system', 'I', 'ActivityTaskManager', `START u0 {flg=0x10000000 cmp=${packageName}/${className}} from uid 2000`, { pid: 1024 });
    this.runInApp(packageName, () => resolved.onResume?.());
    if (previous && this.top?.activity === resolved) this.runInApp(previous.packageName, () => previous.activity.onStop?.());
  }

  private resumeTop(): void {
    const top = this.top;
    if (top) this.runInApp(top.packageName, () => top.activity.onResume?.());
  }

  private stopActivitiesOf(packageName: string): void {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const entry = this.stack[i];
      if (entry?.packageName !== packageName) continue;
      this.stack.splice(i, 1);
      try {
        entry.activity.onStop?.();
      } catch {
        // the process is going anyway
      }
    }
  }

  /** ActivityThread's uncaught-exception path: FATAL EXCEPTION in the crash buffer, the process dies. */
  private crash(packageName: string, error: unknown): void {
    const pid = this.processes.get(packageName) ?? 0;
    const text = describeThrowable(error);
    this.deps.log.append('crash', 'E', 'AndroidRuntime', `FATAL EXCEPTION: main\nProcess: ${packageName}, PID: ${pid}\n${text}`, { pid });
    this.deps.log.append('system', 'I', 'ActivityManager', `Process ${packageName} (pid ${pid}) has died: fg  TOP`, { pid: 1024 });
    this.stopActivitiesOf(packageName);
    this.processes.delete(packageName);
    this.contexts.delete(packageName);
  }

  private contextFor(packageName: string): AppContext {
    return {
      packageName,
      startActivity: (className) => {
        const info = this.deps.pm.get(packageName);
        if (info) this.launch(info, className);
      },
      finish: () => {
        if (this.top?.packageName === packageName) this.back();
      },
      toast: (text) => {
        this.lastToastText = text;
        this.deps.log.write('I', 'Toast', `${packageName}: ${text}`);
      },
      telephony: () => this.deps.services.getService<TelephonyApis>(TELEPHONY_APIS),
      log: { write: (priority, tag, message) => this.deps.log.write(priority, tag, message, this.processes.get(packageName)) },
      post: (task) => this.deps.post(() => {
        if (this.processes.has(packageName)) this.runInApp(packageName, task);
      }),
    };
  }
}

/** The activity label AOSP shows when the manifest gives none: the app label; here the short class name. */
function labelOf(className: string): string {
  return className.slice(className.lastIndexOf('.') + 1);
}

/** Throwable#toString plus a frame, as AndroidRuntime prints it. */
export function describeThrowable(error: unknown): string {
  if (error instanceof Error && 'javaClass' in error) return `${String(error)}\n\tat android.os.Parcel.createExceptionOrNull(Parcel.java:3242)`;
  return `java.lang.RuntimeException: ${error instanceof Error ? error.message : String(error)}`;
}
