/**
 * Context.bindService / unbindService for the phone process, as ActivityManager carries them out
 * for the simulated ImsService apps: resolve the component (not installed / disabled => false;
 * not exported or protected by a permission the phone lacks => SecurityException), start the app
 * process, call its onBind, and deliver onServiceConnected or onNullBinding on the phone's main
 * thread. When an app dies its clients get onServiceDisconnected, and then either a restart of the
 * service (one crash) or onBindingDied (crash loop, package removed).
 */
import { type LogBuffer, type PackageManager } from '../android/platform';
import { type ImsServiceBinder, type ServiceBinder, type ServiceConnection } from '../telephony/ims/binder';
import { type ComponentName, componentToString } from '../telephony/ims/component-name';
import { JavaException } from '../telephony/ims/java-exception';
import { type Handler } from '../telephony/java/scheduler';
import { serviceClassProblem } from './app-code';
import { type AppDeath, type AppDeathListener, type AppRegistry } from './app-registry';
import { type ImsAppProcess } from './ims-app-process';

/** Device milliseconds to fork an app process, to deliver a bind to a running one, to restart a crashed service. */
export const APP_PROCESS_START_MS = 40;
export const BIND_DELIVERY_MS = 2;
/** ActiveServices SERVICE_RESTART_DURATION (first restart after a crash). */
export const SERVICE_RESTART_MS = 1000;

/** Permissions com.android.phone holds that services may require of their clients. */
const PHONE_HELD_PERMISSIONS = new Set(['android.permission.BIND_IMS_SERVICE']);

/** ContextImpl.bindServiceCommon's exception for a service the caller may not bind. */
export class SecurityException extends JavaException {
  constructor(message: string) {
    super('java.lang.SecurityException', message, ['android.app.ContextImpl.bindServiceCommon(ContextImpl.java:2131)', 'android.app.ContextImpl.bindService(ContextImpl.java:1980)']);
  }
}

interface Binding {
  readonly connection: ServiceConnection;
  readonly component: ComponentName;
  readonly action: string;
  readonly app: ImsAppProcess;
  connected: boolean;
  dead: boolean;
}

export class ServiceBindingHost implements ServiceBinder, AppDeathListener {
  private readonly bindings = new Map<ServiceConnection, Binding>();
  private readonly removeDeathListener: () => void;

  constructor(
    private readonly pm: PackageManager,
    private readonly apps: AppRegistry,
    /** The phone process's main thread: where ServiceConnection callbacks run. */
    private readonly main: Handler,
    private readonly logcat: LogBuffer,
  ) {
    this.removeDeathListener = apps.addDeathListener(this);
  }

  bindService(component: ComponentName, action: string, connection: ServiceConnection, _caller: string): boolean {
    const intent = `Intent { act=${action} cmp=${component.packageName}/${component.className} }`;
    const pkg = this.pm.get(component.packageName);
    const service = pkg?.services.find((s) => s.className === component.className);
    if (!pkg || !pkg.enabled || !service || !service.enabled) {
      this.logcat.write('W', 'ActivityManager', `Unable to start service ${intent} U=0: not found`);
      return false;
    }
    if (!service.exported || (service.permission !== null && !PHONE_HELD_PERMISSIONS.has(service.permission) && !this.pm.isPermissionGranted('com.android.phone', service.permission))) {
      this.logcat.write('W', 'ActivityManager', `Permission Denial: Accessing service ${componentToString(component)} from pid=1234, uid=1001 requires ${service.permission ?? 'exported=true'}`);
      throw new SecurityException(`Not allowed to bind to service ${intent}`);
    }
    const app = this.apps.get(component.packageName);
    app.clientPost = (task) => this.main.post(`binder call from ${component.packageName}`, task);
    const binding: Binding = { connection, component, action, app, connected: false, dead: false };
    this.bindings.set(connection, binding);
    this.scheduleDelivery(binding, app.running ? BIND_DELIVERY_MS : APP_PROCESS_START_MS);
    return true;
  }

  unbindService(connection: ServiceConnection): void {
    const binding = this.bindings.get(connection);
    if (!binding) return;
    this.bindings.delete(connection);
    this.main.removeMessages('deliver', binding);
    if (![...this.bindings.values()].some((b) => b.app === binding.app)) binding.app.onAllUnbound();
  }

  /** The phone process died: its bindings go away without callbacks. */
  dispose(): void {
    for (const connection of [...this.bindings.keys()]) this.unbindService(connection);
    this.removeDeathListener();
  }

  /** Live bindings (for wait-idle and `app show`). */
  boundComponents(packageName?: string): ComponentName[] {
    return [...this.bindings.values()].filter((b) => packageName === undefined || b.app.packageName === packageName).map((b) => b.component);
  }

  onAppDied(app: ImsAppProcess, death: AppDeath): void {
    for (const binding of [...this.bindings.values()]) {
      if (binding.app !== app || binding.dead) continue;
      this.main.removeMessages('deliver', binding);
      const wasConnected = binding.connected;
      binding.connected = false;
      const name = binding.component;
      this.main.post(`service died ${componentToString(name)}`, () => {
        if (!this.bindings.has(binding.connection)) return;
        // LoadedApk.ServiceDispatcher.doConnected(name, null, dead): disconnected, then binding died.
        if (wasConnected) binding.connection.onServiceDisconnected(name);
        if (death === 'crash') {
          this.scheduleDelivery(binding, SERVICE_RESTART_MS);
        } else {
          binding.dead = true;
          binding.connection.onBindingDied(name);
        }
      });
    }
  }

  private scheduleDelivery(binding: Binding, delayMs: number): void {
    const name = binding.component;
    this.main.sendMessage('deliver', binding, `bind ${componentToString(name)}`, () => {
      if (!this.bindings.has(binding.connection) || binding.dead) return;
      if (!this.pm.get(name.packageName)) return;
      // ActivityThread#handleCreateService loads the class from the APK's DEX first.
      const problem = serviceClassProblem(binding.app.code(), name.className, binding.app.codePath(), this.apps.simulateCodeless);
      if (problem !== undefined) {
        this.apps.crashOnStart(binding.app, name, 'service', problem);
        return;
      }
      const binder: ImsServiceBinder | null = binding.app.onBind(name, binding.action);
      if (binder === null) {
        binding.connection.onNullBinding(name);
        return;
      }
      binding.connected = true;
      binding.connection.onServiceConnected(name, binder);
    }, delayMs);
  }
}
