/**
 * ImsResolver on its own, for the rules a whole device cannot stop at (the moment before the first
 * CARRIER_CONFIG_CHANGED, a subscription already known at initialisation): a virtual clock that
 * runs only when told, a package list, the simulated apps and the binding host, and intents
 * delivered by hand.
 */
import { type Clock, type ComponentInfo, type Intent, type LogBuffer, type PackageInfo, type PackageManager, type TimerHandle } from '../../android/platform';
import { AppRegistry } from '../../apps/app-registry';
import { ServiceBindingHost } from '../../apps/service-binding-host';
import { AOSP_HOOKS, type DeviationHooks } from '../../deviations/deviations';
import { removeEmergencyWithoutMmtel } from '../ims/feature-slot-pair';
import { ImsFeatureBinderRepository } from '../ims/ims-feature-binder-repository';
import { ImsResolver } from '../ims/ims-resolver';
import { type ResolverEnvironment } from '../ims/resolver-environment';
import { IdentityHashGenerator, seededRandom } from '../java/identity';
import { collectText } from '../java/indenting-writer';
import { DeviceScheduler, type Handler } from '../java/scheduler';
import { readResolverDump, type ResolverDump } from './dumpsys-reader';

/** A clock whose time moves only in runFor(). */
export class VirtualClock implements Clock {
  readonly scale = 1;
  private time = 0;
  private seq = 0;
  private timers: { at: number; seq: number; task: () => void; cancelled: boolean }[] = [];

  elapsedMs(): number {
    return this.time;
  }

  now(): Date {
    return new Date(Date.UTC(2025, 2, 1, 10, 0, 0) + this.time);
  }

  schedule(deviceDelayMs: number, task: () => void): TimerHandle {
    const timer = { at: this.time + Math.max(0, deviceDelayMs), seq: this.seq++, task, cancelled: false };
    this.timers.push(timer);
    return { cancel: () => (timer.cancelled = true) };
  }

  pendingTimers(): number {
    return this.timers.filter((t) => !t.cancelled).length;
  }

  /** Runs every timer due within `ms` device milliseconds, in (time, order) order. */
  runFor(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      this.timers = this.timers.filter((t) => !t.cancelled);
      const next = [...this.timers].sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!next || next.at > end) break;
      this.timers.splice(this.timers.indexOf(next), 1);
      this.time = Math.max(this.time, next.at);
      next.task();
    }
    this.time = end;
  }
}

export function imsService(pkg: string, options: { metaData?: Record<string, string | boolean>; permission?: string | null; action?: string } = {}): ComponentInfo {
  return {
    packageName: pkg,
    className: `${pkg}.ImsService`,
    exported: true,
    enabled: true,
    permission: options.permission === undefined ? 'android.permission.BIND_IMS_SERVICE' : options.permission,
    directBootAware: true,
    actions: [options.action ?? 'android.telephony.ims.ImsService'],
    categories: [],
    dataSchemes: [],
    mimeTypes: [],
    metaData: options.metaData ?? {},
  };
}

class FakePackageManager implements PackageManager {
  readonly packages = new Map<string, PackageInfo>();

  add(service: ComponentInfo): void {
    const now = new Date(0);
    this.packages.set(service.packageName, {
      packageName: service.packageName, versionCode: 1, versionName: '1', location: 'priv-app', codePath: `/system/priv-app/${service.packageName}`,
      isSystem: true, isPrivileged: true, enabled: true, directBootAware: true, persistent: false, requestedPermissions: [],
      services: [service], receivers: [], activities: [], firstInstallTime: now, lastUpdateTime: now,
    });
  }

  get(packageName: string): PackageInfo | undefined {
    return this.packages.get(packageName);
  }

  list(): readonly PackageInfo[] {
    return [...this.packages.values()];
  }

  queryIntentServices(action: string, packageName?: string): readonly ComponentInfo[] {
    return this.list()
      .filter((p) => packageName === undefined || p.packageName === packageName)
      .flatMap((p) => p.services)
      .filter((s) => s.enabled && s.actions.includes(action));
  }

  hasSystemFeature(): boolean {
    return true;
  }

  isPermissionGranted(): boolean {
    return false;
  }

  grantedPermissions(): readonly string[] {
    return [];
  }

  roleHolders(): readonly string[] {
    return [];
  }
}

export interface HarnessOptions {
  readonly slots?: number;
  readonly mmtel?: string;
  readonly rcs?: string;
  readonly hooks?: Partial<DeviationHooks>;
  /** The user is already unlocked when ImsResolver initialises (a phone restart). */
  readonly unlocked?: boolean;
}

export class ResolverHarness {
  readonly clock = new VirtualClock();
  readonly pm = new FakePackageManager();
  readonly logcat: string[] = [];
  /** slot -> subId known to SubscriptionManager. */
  readonly subIds = new Map<number, number>();
  /** slot -> TelephonyManager SIM state. */
  readonly simStates = new Map<number, number>();
  /** subId -> carrier config strings. */
  readonly carrierConfigs = new Map<number, Record<string, string>>();
  readonly resolver: ImsResolver;
  readonly apps: AppRegistry;
  /** The "ImsResolver" thread (a test may stop it to see the 5 s get-ims-service timeout). */
  readonly resolverThread: Handler;
  private readonly receivers: { actions: readonly string[]; receiver: (intent: Intent) => void }[] = [];
  private readonly scheduler: DeviceScheduler;

  constructor(options: HarnessOptions = {}) {
    const log: LogBuffer = { write: (priority, tag, message) => this.logcat.push(`${priority} ${tag}: ${message}`) };
    const identities = new IdentityHashGenerator(7);
    this.scheduler = new DeviceScheduler(this.clock, (thread, error) => {
      throw new Error(`uncaught on ${thread}: ${String(error)}`);
    });
    const main = this.scheduler.handler('main', 'phone');
    this.apps = new AppRegistry(this.pm, identities, log);
    const hooks = { ...AOSP_HOOKS, ...options.hooks };
    const env: ResolverEnvironment = {
      clock: this.clock,
      logcat: log,
      repo: new ImsFeatureBinderRepository(this.clock, log),
      binder: new ServiceBindingHost(this.pm, this.apps, main, log),
      identities,
      random: seededRandom(1),
      resolverHandler: (this.resolverThread = this.scheduler.handler('ImsResolver', 'phone')),
      mainHandler: main,
      hooks,
      newControllerHandler: () => this.scheduler.handler('ImsServiceControllerHandler', 'phone'),
      sanitizeEmergency: (f) => (hooks.emergencyKeptWithoutMmtel ? undefined : removeEmergencyWithoutMmtel(f)),
      grantDefaultPermissions: () => undefined,
      reportCrashAnomaly: () => undefined,
      postBinderCallback: (task) => main.post('binder', task),
      binderDescription: () => identities.next('android.os.BinderProxy').description,
      queryIntentServices: (action, pkg) => this.pm.queryIntentServices(action, pkg),
      getSubId: (slot) => this.subIds.get(slot) ?? -1,
      getSimState: (slot) => this.simStates.get(slot) ?? 0,
      getConfigForSubId: (subId) => ({ getString: (key) => this.carrierConfigs.get(subId)?.[key] ?? null }),
      registerReceiver: (actions, receiver) => this.receivers.push({ actions, receiver }),
      isUserUnlocked: () => options.unlocked ?? false,
    };
    this.resolver = new ImsResolver(env, options.mmtel ?? '', options.rcs ?? '', options.slots ?? 1);
  }

  /** Delivers an intent to the resolver's receivers (on the main thread) and runs the queue. */
  send(intent: Intent): void {
    for (const r of this.receivers) if (r.actions.includes(intent.action)) r.receiver(intent);
    this.run();
  }

  carrierConfigChanged(slot: number, subId: number): void {
    this.send({ action: 'android.telephony.action.CARRIER_CONFIG_CHANGED', extras: { 'android.telephony.extra.SLOT_INDEX': slot, 'android.telephony.extra.SUBSCRIPTION_INDEX': subId } });
  }

  /** Runs everything due in the next `ms` device milliseconds (default: 1 s, enough for binds and queries). */
  run(ms = 1000): void {
    this.clock.runFor(ms);
  }

  dump(): ResolverDump {
    const text = collectText((pw) => {
      pw.println('------- PhoneGlobals -------');
      pw.increaseIndent();
      pw.println('ImsResolver:');
      pw.increaseIndent();
      this.resolver.dump(pw);
    });
    return readResolverDump(text);
  }
}
