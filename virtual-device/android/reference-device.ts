/**
 * The ims-rig reference device: a simulated Android 15 userdebug phone behind the `AndroidDevice`
 * seam (the adb transports) and the `Platform` API (the telephony stack). It boots like AOSP —
 * offline, package scan, the persistent phone process, user unlock, ACTION_BOOT_COMPLETED,
 * sys.boot_completed=1 — with every delay on the device clock, scaled by `timeScale`.
 */
import { type AndroidDevice, type BannerProps, type CommandOutput, type DeviceFs, type DeviceState, type RunningCommand } from '../device/android-device';
import { createPhoneProcess } from '../telephony/phone-process';
import { MemoryBroadcastBus } from './broadcast/broadcast-bus';
import { ScaledClock } from './clock/scaled-clock';
import { writeBootId } from './fs/boot-id';
import { deviceFsView } from './fs/device-fs-view';
import { MemoryFs, ROOT_CREDENTIALS } from './fs/memory-fs';
import { installSystemImage, isOnReadOnlyMount } from './fs/system-image';
import { bootTimeline, type BootStep } from './boot-timeline';
import { RingLogBuffer, SYSTEM_SERVER_PID } from './log/log-buffer';
import { InstallSessions } from './packages/install-sessions';
import { PackageDatabase, PackageManagerService } from './packages/package-manager-service';
import { PackageOperations } from './packages/package-operations';
import { ACTION_BOOT_COMPLETED, type PhoneProcess, type Platform } from './platform';
import { createProcessScope, type ProcessScope } from './process-scope';
import { BUILD_INFO, buildProperties, EMULATOR_FINGERPRINT, PRODUCT_DEVICE } from './props/build-props';
import { type DeviceProfile, type DeviceProfileName, deviceProfile } from './device-profile';
import { PropertyStore } from './props/property-store';
import { registerPlatformCommands } from './platform-commands';
import { OverlayManager } from './overlays/overlay-manager';
import { isInstalledForUser } from './packages/package-record';
import { SettingsStore } from './services/settings-service';
import { readAll } from './shell/byte-pipe';
import { ShellInterpreter } from './shell/sh-interpreter';
import { credentialsFor, ShellFiles } from './shell/shell-files';
import { startProcess, startShellSession } from './shell/shell-session';
import { runCmdService } from './shell/tools/service-tools';
import { MemoryServiceManager } from './service-manager';
import { DeviceSockets } from '../services/device-sockets';
import { type ServiceStarter } from '../services/device-stream';
import { UiService } from '../ui/ui-service';
import { ToolRegistry } from './shell/tool-registry';

export interface ReferenceDeviceOptions {
  /** What kind of phone it is (./device-profile.ts; default `default`). */
  readonly profile?: DeviceProfileName;
  /** SIM slots (default 1; the emulator profile always has 1). */
  readonly slots?: 1 | 2;
  /** A deviation profile of virtual-device/deviations (passed on to the phone process). */
  readonly deviation?: string;
  /** Real ms per device ms (default 1; 0.01 boots in ~30 ms and runs a 2 s rebind in 20 ms). */
  readonly timeScale?: number;
  /** System features switched on (true) or off (false), e.g. { 'android.hardware.telephony.ims.singlereg': false }. */
  readonly features?: Readonly<Record<string, boolean>>;
  /** Device ms a reboot takes (default: the profile's, 3000 or an emulator's 30 000). */
  readonly bootDurationMs?: number;
  /**
   * Device ms the first boot takes (default 0: the device is already up when it is created, as a
   * phone that was switched on before the rig attached; set it to watch a cold boot).
   */
  readonly coldBootDurationMs?: number;
  /**
   * Skip the device clock from one boot timer to the next (default true): the boot keeps its order
   * and its device times, only the host's real-time wait goes. False: the boot takes its device
   * time in real time (scaled), to watch it.
   */
  readonly skipBoot?: boolean;
  /** Replaces the telephony phone process (platform tests). */
  readonly phoneProcess?: PhoneProcess;
}

const PHONE_PACKAGE = 'com.android.phone';

export class ReferenceDevice implements AndroidDevice {
  readonly clock: ScaledClock;
  readonly log: RingLogBuffer;
  readonly bus = new MemoryBroadcastBus();
  readonly props: PropertyStore;
  readonly memoryFs: MemoryFs;
  readonly files: ShellFiles;
  readonly registry = new ToolRegistry();
  readonly interpreter: ShellInterpreter;
  readonly packages: PackageManagerService;
  readonly packageOps: PackageOperations;
  readonly settings = new SettingsStore();
  readonly platform: Platform;
  readonly fs: DeviceFs;
  /** Binder services processes publish (telephony's APIs for apps, service dumps). */
  readonly services = new MemoryServiceManager();
  /** Ports listening on the device (the UiAutomator2 server's 6790 while its instrumentation runs). */
  readonly ports = new DeviceSockets();
  /** Activities, app processes and the UiAutomator2 server (virtual-device/ui). */
  readonly ui: UiService;
  readonly profile: DeviceProfile;
  readonly overlays: OverlayManager;

  private currentState: DeviceState = 'offline';
  private adbdRoot = false;
  private remounted = false;
  private imageWritable = true;
  private userUnlocked = false;
  private bootCompleted = false;
  private phoneProcess: PhoneProcess;
  private phone: { scope: ProcessScope; handle: { stop(): void } } | undefined;
  private nextPidValue = 2000;
  private readonly stateListeners = new Set<(state: DeviceState) => void>();
  private readonly bootWaiters: (() => void)[] = [];
  /** The phone process's device-level store (platform.deviceStore). */
  readonly deviceStore = new Map<string, unknown>();
  private sessions = new InstallSessions();
  private bootGeneration = 0;
  private scanChain: Promise<void> = Promise.resolve();
  private disposed = false;

  constructor(readonly options: ReferenceDeviceOptions = {}) {
    this.profile = deviceProfile(options.profile ?? 'default');
    const slots = this.profile.fixedSlots ?? options.slots ?? 1;
    // Idle at real speed: the uptime then projects the run onto a real phone (scaled-clock.ts).
    this.clock = new ScaledClock({ scale: options.timeScale ?? 1, idleAtRealTime: true });
    this.log = new RingLogBuffer(() => this.clock.now().getTime());
    this.props = new PropertyStore(buildProperties(slots, this.profile.name));
    this.memoryFs = new MemoryFs({ isReadOnly: (p) => !this.imageWritable && !this.remounted && isOnReadOnlyMount(p), nowSec: () => Math.floor(this.clock.now().getTime() / 1000) });
    installSystemImage(this.memoryFs, { ...this.profile.features, ...options.features });
    this.imageWritable = false;
    // /proc/uptime: seconds since boot on the device clock (its AOSP timers), then idle seconds.
    this.files = new ShellFiles(this.memoryFs, { '/proc/uptime': () => uptimeText(this.clock.elapsedMs()) });
    this.fs = deviceFsView(this.memoryFs, () => credentialsFor(this.adbdRoot ? 0 : 2000));
    this.packages = new PackageManagerService({
      fs: this.memoryFs,
      log: this.log,
      nowMs: () => this.clock.now().getTime(),
      isUserUnlocked: () => this.userUnlocked,
      db: new PackageDatabase(),
      strictApks: this.profile.realApks,
    });
    this.packageOps = new PackageOperations(this.packages, this.bus, this.profile.realApks);
    this.overlays = new OverlayManager({
      records: () => new Map([...this.packages.records].filter(([name]) => isInstalledForUser(this.packages.db.settings.get(name)))),
      fs: deviceFsView(this.memoryFs, () => ROOT_CREDENTIALS),
      log: { write: (priority, tag, message) => this.log.append('system', priority, tag, message, { pid: SYSTEM_SERVER_PID }) },
    });
    this.interpreter = new ShellInterpreter({
      files: this.files,
      findTool: (name) => this.registry.binary(name),
      nextPid: () => this.nextPid(),
      onToolError: (name, error) => this.log.write('E', 'AndroidRuntime', `FATAL EXCEPTION in ${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
    });
    this.platform = {
      clock: this.clock,
      bus: this.bus,
      log: this.log,
      pm: this.packages,
      fs: deviceFsView(this.memoryFs, () => ROOT_CREDENTIALS),
      shell: this.registry,
      build: this.profile.name === 'emulator' ? { ...BUILD_INFO, fingerprint: EMULATOR_FINGERPRINT } : BUILD_INFO,
      getProp: (key) => this.props.get(key),
      setProp: (key, value) => this.props.set(key, value),
      isUserUnlocked: () => this.userUnlocked,
      restartPhoneProcess: () => this.restartPhoneProcess(),
      deviceStore: this.deviceStore,
      services: this.services,
      resources: { overlaidString: (pkg, resource) => this.overlays.overlaidString(pkg, resource) },
    };
    this.ui = new UiService({
      pm: this.packages, log: this.log, services: this.services, ports: this.ports,
      nextPid: () => this.nextPid(), props: (key) => this.props.get(key),
    });
    this.clock.onTaskError((error) => this.log.write('E', 'AndroidRuntime', `FATAL EXCEPTION: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
    this.bus.onReceiverError((error, intent) => this.log.write('E', 'AndroidRuntime', `FATAL EXCEPTION while delivering ${intent.action}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
    registerPlatformCommands(this);
    this.phoneProcess = options.phoneProcess ?? createPhoneProcess({
      slots,
      stimulusTool: this.profile.stimulusTool,
      simulateCodelessApps: !this.profile.realApks,
      builtInSims: this.profile.builtInSims,
      ...(options.deviation === undefined ? {} : { deviation: options.deviation }),
    });
    void this.boot(options.coldBootDurationMs ?? 0);
  }

  // -------------------------------------------------------------------------------------------
  // AndroidDevice

  get state(): DeviceState {
    return this.currentState;
  }

  bannerProps(): BannerProps {
    return {
      'ro.product.name': this.props.get('ro.product.name'),
      'ro.product.model': this.props.get('ro.product.model'),
      'ro.product.device': this.props.get('ro.product.device'),
    };
  }

  runShell(commandLine: string, out: CommandOutput, options?: { readonly pty?: boolean }): RunningCommand {
    return startShellSession(this.interpreter, commandLine, out, {
      uid: this.shellUid,
      pty: options?.pty === true,
      pid: this.nextPid(),
      env: this.environment(),
      prompt: (state) => `${PRODUCT_DEVICE}:${state.cwd} ${state.uid === 0 ? '#' : '$'} `,
    });
  }

  runAbb(argv: readonly string[], out: CommandOutput): RunningCommand {
    return startProcess(out, { uid: this.shellUid, pty: false, pid: this.nextPid(), env: this.environment() }, async (io, state, signal) => {
      const [service, ...args] = argv;
      const toolContext = {
        argv: args,
        out: { stdout: (d: Buffer | string) => io.stdout.write(d), stderr: (d: Buffer | string) => io.stderr.write(d) },
        uid: state.uid,
        stdin: io.stdin,
        cwd: '/',
        env: state.vars,
        signal,
        readStdin: (max?: number) => readAll(io.stdin, max ?? Number.POSITIVE_INFINITY, signal),
        runScript: (script: string) => this.interpreter.runScript(script, io, state, signal),
      };
      if (service === undefined) {
        io.stderr.write('abb: no service\n');
        return 20;
      }
      return runCmdService(this.registry, service, args, toolContext);
    });
  }

  /** `tcp:PORT`: a connection to a port something on the device listens on. */
  openPort(port: number): ServiceStarter | undefined {
    return this.ports.connect(port);
  }

  /** App processes for `ps`/`pidof` (process-tools ProcessTable). */
  appProcesses(): readonly { user: string; pid: number; name: string }[] {
    return this.ui.windows.processList();
  }

  killApp(name: string): void {
    this.ui.forceStop(name);
  }

  root(): string {
    if (this.adbdRoot) return 'adbd is already running as root\n';
    this.adbdRoot = true;
    this.props.set('service.adb.root', '1');
    return 'restarting adbd as root\n';
  }

  unroot(): string {
    if (!this.adbdRoot) return 'adbd not running as root\n';
    this.adbdRoot = false;
    this.props.set('service.adb.root', '0');
    return 'restarting adbd as non root\n';
  }

  remount(): { readonly output: string; readonly ok: boolean } {
    if (!this.adbdRoot) return { output: 'Not running as root. Try "adb root" first.\n', ok: false };
    return { output: this.remountAsRoot(), ok: true };
  }

  /** /system, /product, /vendor … become writable (overlayfs on AOSP; it stays across reboots). */
  remountAsRoot(): string {
    this.remounted = true;
    return 'remount succeeded\n';
  }

  reboot(target: string): void {
    this.log.append('system', 'I', 'ShutdownThread', `Rebooting, reason: ${target === '' ? 'shell' : target}`, { pid: SYSTEM_SERVER_PID });
    this.shutdownRuntime();
    void this.boot(this.options.bootDurationMs ?? this.profile.bootDurationMs);
  }

  onStateChange(listener: (state: DeviceState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  // -------------------------------------------------------------------------------------------
  // Lifecycle

  /** Resolves once adbd is up (the device reports 'online'). */
  whenOnline(): Promise<void> {
    if (this.currentState === 'online') return Promise.resolve();
    return new Promise((resolve) => {
      const unsubscribe = this.onStateChange((state) => {
        if (state !== 'online') return;
        unsubscribe();
        resolve();
      });
    });
  }

  /** Resolves once sys.boot_completed=1 (now, if the device has booted). */
  whenBootCompleted(): Promise<void> {
    if (this.bootCompleted) return Promise.resolve();
    return new Promise((resolve) => this.bootWaiters.push(resolve));
  }

  get isRoot(): boolean {
    return this.adbdRoot;
  }

  get isUserUnlocked(): boolean {
    return this.userUnlocked;
  }

  get phonePid(): number | undefined {
    return this.phone?.scope.pid;
  }

  /** Kills com.android.phone and starts it again (a crash of the phone process). */
  restartPhoneProcess(): void {
    const pid = this.phone?.scope.pid;
    this.stopPhone();
    this.log.append('system', 'I', 'ActivityManager', `Process ${PHONE_PACKAGE} (pid ${pid ?? 0}) has died: pers PER `, { pid: SYSTEM_SERVER_PID });
    this.startPhone();
  }

  /** Same as dispose(); the reference-device host calls close() when it stops. */
  close(): void {
    this.dispose();
  }

  /** The device is switched off for good (tests): timers stop, nothing runs any more. */
  dispose(): void {
    this.disposed = true;
    this.shutdownRuntime();
    this.clock.dispose();
  }

  get installSessions(): InstallSessions {
    return this.sessions;
  }

  nextPid(): number {
    this.nextPidValue = this.nextPidValue >= 32000 ? 2000 : this.nextPidValue + 1;
    return this.nextPidValue;
  }

  private get shellUid(): 0 | 2000 {
    return this.adbdRoot ? 0 : 2000;
  }

  private environment(): Map<string, string> {
    return new Map([
      ['PATH', '/product/bin:/apex/com.android.runtime/bin:/apex/com.android.art/bin:/system_ext/bin:/system/bin:/system/xbin:/odm/bin:/vendor/bin:/vendor/xbin'],
      ['HOME', '/'],
      ['HOSTNAME', PRODUCT_DEVICE],
      ['TMPDIR', '/data/local/tmp'],
      ['ANDROID_DATA', '/data'],
      ['ANDROID_ROOT', '/system'],
      ['EXTERNAL_STORAGE', '/sdcard'],
      ['SHELL', '/bin/sh'],
      ['PWD', '/'],
    ]);
  }

  private setState(state: DeviceState): void {
    if (this.currentState === state) return;
    this.currentState = state;
    for (const listener of [...this.stateListeners]) listener(state);
  }

  /** Everything that does not survive a reboot goes: processes, timers, broadcasts, root. */
  private shutdownRuntime(): void {
    this.bootGeneration++;
    this.stopPhone();
    this.ui.reset();
    this.setState('offline');
    this.bus.reset();
    this.clock.reboot();
    this.sessions = new InstallSessions();
    this.adbdRoot = false;
    this.userUnlocked = false;
    this.bootCompleted = false;
  }

  private async boot(durationMs: number): Promise<void> {
    const generation = this.bootGeneration;
    this.props.boot();
    writeBootId(this.memoryFs);
    this.props.set('sys.boot_completed', '0');
    this.props.set('dev.bootcomplete', '0');
    this.log.append('main', 'I', 'init', 'init second stage started!', { pid: 1 });
    this.log.append('system', 'I', 'SystemServer', 'Entered the Android system server!', { pid: SYSTEM_SERVER_PID });
    // Scans never overlap: a reboot during a boot waits for the running scan to finish first.
    const scan = this.scanChain.then(() => (generation === this.bootGeneration ? this.packages.scan() : []));
    this.scanChain = scan.then(() => undefined, () => undefined);
    await scan;
    if (this.disposed || generation !== this.bootGeneration) return;
    this.log.append('system', 'I', 'PackageManager', `Finished scanning packages: ${this.packages.records.size} packages`, { pid: SYSTEM_SERVER_PID });
    const steps: Record<BootStep, () => void> = {
      phone: () => this.startPhone(),
      adbd: () => this.setState('online'),
      lockedBootCompleted: () => this.bus.send({ action: 'android.intent.action.LOCKED_BOOT_COMPLETED', extras: { 'android.intent.extra.user_handle': 0 } }),
      unlock: () => {
        this.userUnlocked = true;
        this.bus.send({ action: 'android.intent.action.USER_UNLOCKED', extras: { 'android.intent.extra.user_handle': 0 } });
      },
      bootCompleted: () => {
        this.bus.send({ action: ACTION_BOOT_COMPLETED, extras: { 'android.intent.extra.user_handle': 0 } });
        this.props.set('sys.boot_completed', '1');
        this.props.set('dev.bootcomplete', '1');
        this.bootCompleted = true;
        this.log.append('system', 'I', 'ActivityManager', 'Boot completed', { pid: SYSTEM_SERVER_PID });
        for (const waiter of this.bootWaiters.splice(0)) waiter();
      },
    };
    for (const { step, atMs } of bootTimeline(durationMs)) {
      this.clock.schedule(atMs, () => {
        if (!this.disposed && generation === this.bootGeneration) steps[step]();
      });
    }
    if (this.options.skipBoot !== false) await this.skipBoot(generation);
  }

  /**
   * A boot is the device's own business: its clock skips from one boot timer to the next instead
   * of the host waiting for them in real time, with a turn of the event loop between (the
   * broadcasts the boot sends are delivered in order, before the next timer) — the same boot, in
   * the same order, at the same device times, only without the wait; and, like the scaled clock,
   * not at the mercy of a busy host's timer jitter. A command that arrives meanwhile (adbd is up
   * before boot completes) sees the boot as far as it has got, as on any phone.
   */
  private async skipBoot(generation: number): Promise<void> {
    const booting = (): boolean => !this.disposed && generation === this.bootGeneration && !this.bootCompleted;
    while (booting()) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (!booting()) return;
      if (this.bus.pendingDeliveries() > 0) continue;
      const due = this.clock.nextDueInMs();
      if (due === undefined) return;
      this.clock.advance(due);
    }
  }

  private startPhone(): void {
    if (this.phone !== undefined || this.disposed) return;
    const pid = this.nextPid();
    const scope = createProcessScope(this.platform, { clock: this.clock, log: this.log, registry: this.registry, pid });
    this.log.append('system', 'I', 'ActivityManager', `Start proc ${pid}:${PHONE_PACKAGE}/1001 for added application ${PHONE_PACKAGE}`, { pid: SYSTEM_SERVER_PID });
    try {
      const handle = this.phoneProcess.start(scope.platform);
      this.phone = { scope, handle };
    } catch (error) {
      scope.dispose();
      this.log.append('crash', 'E', 'AndroidRuntime', `FATAL EXCEPTION: main\nProcess: ${PHONE_PACKAGE}, PID: ${pid}\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, { pid });
    }
  }

  private stopPhone(): void {
    const phone = this.phone;
    if (phone === undefined) return;
    this.phone = undefined;
    try {
      phone.handle.stop();
    } finally {
      phone.scope.dispose();
    }
  }
}

/** `/proc/uptime`: `<uptime> <idle>` in seconds with two decimals (idle: one CPU, mostly idle). */
export function uptimeText(elapsedMs: number): string {
  const up = elapsedMs / 1000;
  return `${up.toFixed(2)} ${(up * 0.9).toFixed(2)}\n`;
}

/** Creates and boots a reference device (it reports 'online' on onStateChange when adbd is up). */
export function createReferenceDevice(options: ReferenceDeviceOptions = {}): ReferenceDevice {
  return new ReferenceDevice(options);
}
