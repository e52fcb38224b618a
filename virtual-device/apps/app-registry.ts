/**
 * The device's simulated ImsService app processes. They live outside com.android.phone: a phone
 * restart keeps them (and their current features); a crash, an update, an uninstall or a reboot
 * kills them. The registry tells every live binding host (one per phone process) when an app dies.
 */
import { ACTION_PACKAGE_CHANGED, ACTION_PACKAGE_REMOVED, type BroadcastBus, type Intent, type LogBuffer, type PackageManager } from '../android/platform';
import { type IdentityHashes } from '../telephony/ims/binder';
import { ImsAppProcess } from './ims-app-process';

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

  constructor(
    private readonly pm: PackageManager,
    private readonly identities: IdentityHashes,
    private readonly logcat: LogBuffer,
  ) {}

  /** The app process record for a package (created on first use; it need not be running). */
  get(packageName: string): ImsAppProcess {
    let app = this.apps.get(packageName);
    if (!app) {
      app = new ImsAppProcess(packageName, this.pm, this.identities, this.logcat, (crashed) => this.kill(crashed, 'crash-loop'));
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
    if (death === 'removed') app.reset();
    else app.die();
    if (wasRunning) this.logcat.write('I', 'ActivityManager', `Process ${app.packageName} (pid ${10000 + this.pidOf(app.packageName)}) has died: ${death === 'crash' || death === 'crash-loop' ? 'crash' : 'fg  SVC'}`);
    for (const listener of [...this.listeners]) listener.onAppDied(app, death);
  }

  /** A reboot: every app process is gone, and so are the stimuli applied to them. */
  resetAll(): void {
    for (const app of this.apps.values()) app.reset();
  }

  /**
   * Package broadcasts, as the system acts on them before any app sees them: an update or removal
   * kills the package's process; disabling it (or its ImsService) does too.
   */
  watch(bus: BroadcastBus): () => void {
    return bus.register([ACTION_PACKAGE_REMOVED, ACTION_PACKAGE_CHANGED], (intent) => this.onPackageBroadcast(intent));
  }

  private onPackageBroadcast(intent: Intent): void {
    const packageName = (intent.data ?? '').replace(/^package:/, '');
    const app = this.apps.get(packageName);
    if (!app) return;
    if (intent.action === ACTION_PACKAGE_REMOVED) {
      this.kill(app, 'removed');
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
