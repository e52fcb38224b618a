/**
 * The device's ImsService app processes. They live outside com.android.phone: a phone restart
 * keeps them (and their current features); a crash, an update, an uninstall or a reboot kills
 * them. The registry tells every live binding host (one per phone process) when an app dies.
 */
import {
  ACTION_PACKAGE_CHANGED, ACTION_PACKAGE_DATA_CLEARED, ACTION_PACKAGE_REMOVED, type BroadcastBus, EXTRA_REPLACING, type Intent, type LogBuffer, type PackageManager,
} from '../android/platform';
import { type IdentityHashes } from '../telephony/ims/binder';
import { type ComponentName } from '../telephony/ims/component-name';
import { type ClassProblem } from './app-code';
import { ImsAppProcess } from './ims-app-process';

/** PackageManager's extra on PACKAGE_REMOVED: false when the app's data stays (`pm uninstall -k`). */
const EXTRA_DATA_REMOVED = 'android.intent.extra.DATA_REMOVED';

/** How an app process went away, which decides what its clients see. */
export type AppDeath =
  /** One crash (`app crash`): onServiceDisconnected, then ActivityManager restarts the service. */
  | 'crash'
  /** Crashing on every bind (`crash-on-bind`): ActivityManager gives up, onBindingDied. */
  | 'crash-loop'
  /** Package removed or replaced: the binding is dead (onBindingDied); stimuli are forgotten. */
  | 'removed'
  /** Package or its ImsService disabled: the binding is dead (onBindingDied). */
  | 'disabled';

export interface AppDeathListener {
  onAppDied(app: ImsAppProcess, death: AppDeath): void;
}

export class AppRegistry {
  private readonly apps = new Map<string, ImsAppProcess>();
  private readonly listeners = new Set<AppDeathListener>();
  /**
   * Whether an APK without any DEX (a manifest-only fixture) is simulated (the default profile)
   * or fails to start as on a device (app-code.ts). The emulator profile turns it off.
   */
  simulateCodeless = true;

  constructor(
    private readonly pm: PackageManager,
    private readonly identities: IdentityHashes,
    private readonly logcat: LogBuffer,
  ) {}

  /** The app process record for a package (created on first use; it need not be running). */
  get(packageName: string): ImsAppProcess {
    let app = this.apps.get(packageName);
    if (!app) {
      app = new ImsAppProcess(packageName, this.pm, this.identities, this.logcat, (dying, death) => this.kill(dying, death));
      this.apps.set(packageName, app);
    }
    return app;
  }

  addDeathListener(listener: AppDeathListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Kills an app process and tells the bound clients. */
  kill(app: ImsAppProcess, death: AppDeath): void {
    const wasRunning = app.running;
    app.die();
    if (wasRunning) this.logcat.write('I', 'ActivityManager', `Process ${app.packageName} (pid ${10000 + this.pidOf(app.packageName)}) has died: ${death === 'crash' || death === 'crash-loop' ? 'crash' : 'fg  SVC'}`);
    for (const listener of [...this.listeners]) listener.onAppDied(app, death);
  }

  /**
   * A component's class cannot be instantiated (app-code.ts): ActivityThread throws on the app's
   * main thread, the process dies, and as it does so every time it is started ActivityManager
   * gives up on its bindings (onBindingDied).
   */
  crashOnStart(app: ImsAppProcess, component: ComponentName, kind: 'service' | 'receiver', problem: ClassProblem): void {
    const pid = 10000 + this.pidOf(app.packageName);
    this.logcat.write('E', 'AndroidRuntime', 'FATAL EXCEPTION: main');
    this.logcat.write('E', 'AndroidRuntime', `Process: ${app.packageName}, PID: ${pid}`);
    this.logcat.write('E', 'AndroidRuntime', `java.lang.RuntimeException: Unable to instantiate ${kind} ${component.className}: ${problem.javaClass}: ${problem.message}`);
    app.running = true;
    this.kill(app, 'crash-loop');
  }

  /**
   * A reboot: every app process is gone with what lived in it. Stored data (a set behaviour) stays
   * while the package is installed; a package the boot scan no longer finds (a system app whose
   * APK was removed) loses its data, as PackageManager wipes it.
   */
  resetAll(): void {
    for (const app of this.apps.values()) {
      if (this.pm.get(app.packageName) === undefined) app.forgetData();
      else app.die();
    }
  }

  /**
   * Package broadcasts, as the system acts on them before any app sees them: an update or removal
   * kills the package's process; disabling it (or its ImsService) does too.
   */
  watch(bus: BroadcastBus): () => void {
    return bus.register([ACTION_PACKAGE_REMOVED, ACTION_PACKAGE_CHANGED, ACTION_PACKAGE_DATA_CLEARED], (intent) => this.onPackageBroadcast(intent));
  }

  /**
   * PackageManager deletes an app's data itself, before it sends the broadcast and whether or not
   * any receiver lives to get it (PackageManagerService#clearApplicationUserData, and
   * DeletePackageHelper for an uninstall without -k): the stored behaviour goes at once. Killing
   * the process and telling its clients stay with the phone's receiver (watch).
   */
  watchDataRemoval(bus: BroadcastBus): void {
    bus.onSent?.((intent) => {
      const packageName = (intent.data ?? '').replace(/^package:/, '');
      const app = this.apps.get(packageName);
      if (!app) return;
      if (intent.action === ACTION_PACKAGE_DATA_CLEARED || (intent.action === ACTION_PACKAGE_REMOVED && this.removesData(intent, packageName))) app.eraseStoredData();
    });
  }

  /** A PACKAGE_REMOVED that takes the app's data: an uninstall (not an update, not `pm uninstall -k`), or the package is gone. */
  private removesData(intent: Intent, packageName: string): boolean {
    return (intent.extras[EXTRA_REPLACING] !== true && intent.extras[EXTRA_DATA_REMOVED] !== false) || this.pm.get(packageName) === undefined;
  }

  private onPackageBroadcast(intent: Intent): void {
    const packageName = (intent.data ?? '').replace(/^package:/, '');
    const app = this.apps.get(packageName);
    if (!app) return;
    if (intent.action === ACTION_PACKAGE_DATA_CLEARED) {
      // pm clear: the app is killed and its data (the stored behaviour) deleted.
      this.kill(app, 'removed');
      app.forgetData();
      return;
    }
    if (intent.action === ACTION_PACKAGE_REMOVED) {
      this.kill(app, 'removed');
      // An uninstall removes the app's data (its stored behaviour); an update keeps it.
      if (this.removesData(intent, packageName)) app.forgetData();
      return;
    }
    const info = this.pm.get(packageName);
    const serviceEnabled = app.imsServices().some((s) => s.enabled);
    if (!info || !info.enabled || !serviceEnabled) this.kill(app, 'disabled');
  }

  private pidOf(packageName: string): number {
    return [...this.apps.keys()].indexOf(packageName) + 1;
  }
}
