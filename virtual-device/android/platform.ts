/**
 * The simulated Android platform's internal API: what the telephony stack (virtual-device/telephony)
 * and the stimuli need from the rest of the phone. virtual-device/android implements it; the
 * telephony side codes against these interfaces only.
 */
import { type CommandOutput, type DeviceFs } from '../device/android-device';
import { type ServiceManager } from './service-manager';

// ---------------------------------------------------------------------------------------------
// Time

export interface TimerHandle {
  cancel(): void;
}

/**
 * The device clock. Delays are given in *device* milliseconds (AOSP values: 2000 for a rebind);
 * they fire after delay × scale real milliseconds, so tests can run a 2 s rebind in 20 ms while
 * dumpsys still prints rebindDelay=2000.
 */
export interface Clock {
  readonly scale: number;
  /** Device milliseconds since boot (elapsedRealtime). */
  elapsedMs(): number;
  /** Wall-clock time as the device reports it (LocalDateTime for LocalLog lines). */
  now(): Date;
  schedule(deviceDelayMs: number, task: () => void): TimerHandle;
  /** Number of timers not yet fired (for idle detection). */
  pendingTimers(): number;
  /** Device ms until the next timer is due (undefined: none queued). */
  nextDueInMs?(): number | undefined;
  /**
   * Fast-forward: `deviceMs` device milliseconds pass at once, and the timers falling due in them
   * fire now, in their order (`wait-idle` skips the real wait for the device's own timers).
   */
  advance?(deviceMs: number): void;
}

// ---------------------------------------------------------------------------------------------
// Broadcasts (Intents)

export type ExtraValue = string | number | boolean | null;

export interface Intent {
  readonly action: string;
  /** e.g. "package:com.x" for package broadcasts. */
  readonly data?: string;
  readonly extras: Readonly<Record<string, ExtraValue>>;
}

/**
 * Runs a manifest-declared receiver's code in its app for an ordered broadcast (`am broadcast`
 * waits for it) and returns the result data it set, null for none. Set by the layer that runs
 * app code (virtual-device/apps); without one, receivers set no result.
 */
export type ReceiverCode = (receiver: ComponentInfo, intent: Intent) => string | null;

export interface BroadcastBus {
  /** Delivers asynchronously (next tick), in registration order, like a background broadcast. */
  send(intent: Intent): void;
  /** Sets who runs manifest receivers' code. (Additive; optional for fakes.) */
  setReceiverCode?(code: ReceiverCode): void;
  /** Runs a manifest receiver's code now (an explicit ordered broadcast); its result data. (Additive; optional for fakes.) */
  runReceiver?(receiver: ComponentInfo, intent: Intent): string | null;
  register(actions: readonly string[], receiver: (intent: Intent) => void): () => void;
  /** The last broadcast of a sticky action (ACTION_CARRIER_CONFIG_CHANGED is sticky). */
  sticky(action: string): Intent | undefined;
  /** Intents sent but not yet delivered (for idle detection). (Additive; optional for fakes.) */
  pendingDeliveries?(): number;
  /**
   * Observes every intent synchronously as it is sent, for system_server's own bookkeeping that
   * happens before any receiver runs and whichever app process lives (optional for fakes).
   */
  onSent?(listener: (intent: Intent) => void): void;
}

export const ACTION_PACKAGE_ADDED = 'android.intent.action.PACKAGE_ADDED';
export const ACTION_PACKAGE_REMOVED = 'android.intent.action.PACKAGE_REMOVED';
export const ACTION_PACKAGE_CHANGED = 'android.intent.action.PACKAGE_CHANGED';
export const ACTION_PACKAGE_REPLACED = 'android.intent.action.PACKAGE_REPLACED';
export const ACTION_PACKAGE_DATA_CLEARED = 'android.intent.action.PACKAGE_DATA_CLEARED';
export const ACTION_BOOT_COMPLETED = 'android.intent.action.BOOT_COMPLETED';
export const ACTION_CARRIER_CONFIG_CHANGED = 'android.telephony.action.CARRIER_CONFIG_CHANGED';
export const EXTRA_REPLACING = 'android.intent.extra.REPLACING';
export const EXTRA_SLOT_INDEX = 'android.telephony.extra.SLOT_INDEX';
export const EXTRA_SUBSCRIPTION_INDEX = 'android.telephony.extra.SUBSCRIPTION_INDEX';

// ---------------------------------------------------------------------------------------------
// Logging (logcat)

export type LogPriority = 'V' | 'D' | 'I' | 'W' | 'E' | 'F';

export interface LogBuffer {
  /** Appends one line to the main buffer, printed by `logcat -d` in threadtime format. */
  write(priority: LogPriority, tag: string, message: string, pid?: number): void;
}

// ---------------------------------------------------------------------------------------------
// Packages

export type MetaDataValue = string | boolean | number;

export interface ComponentInfo {
  readonly packageName: string;
  /** Fully qualified class name. */
  readonly className: string;
  readonly exported: boolean;
  readonly enabled: boolean;
  /** android:permission on the component, or null. */
  readonly permission: string | null;
  readonly directBootAware: boolean;
  readonly actions: readonly string[];
  readonly categories: readonly string[];
  readonly dataSchemes: readonly string[];
  readonly mimeTypes: readonly string[];
  readonly metaData: Readonly<Record<string, MetaDataValue>>;
}

export type InstallLocation = 'data' | 'system' | 'priv-app' | 'product-priv-app';

export interface PackageInfo {
  readonly packageName: string;
  readonly versionCode: number;
  readonly versionName: string;
  readonly location: InstallLocation;
  /** /data/app/<pkg>-1/base.apk or /system/priv-app/<name>/<name>.apk */
  readonly codePath: string;
  readonly isSystem: boolean;
  readonly isPrivileged: boolean;
  readonly enabled: boolean;
  readonly directBootAware: boolean;
  readonly persistent: boolean;
  readonly requestedPermissions: readonly string[];
  readonly services: readonly ComponentInfo[];
  readonly receivers: readonly ComponentInfo[];
  readonly activities: readonly ComponentInfo[];
  readonly firstInstallTime: Date;
  readonly lastUpdateTime: Date;
  /** <instrumentation> entries (`am instrument`, `pm list instrumentation`). (Additive; optional for fakes.) */
  readonly instrumentation?: readonly { readonly name: string; readonly targetPackage: string }[];
  /**
   * Classes the APK's DEX files define (class -> superclass), null for an APK without code.
   * (Additive; a fake PackageManager may leave it out.)
   */
  readonly codeClasses?: ReadonlyMap<string, string | null> | null;
}

export interface PackageManager {
  get(packageName: string): PackageInfo | undefined;
  list(): readonly PackageInfo[];
  /** PackageManager#queryIntentServices(intent with action [and package], GET_META_DATA). Enabled components only. */
  queryIntentServices(action: string, packageName?: string): readonly ComponentInfo[];
  hasSystemFeature(name: string): boolean;
  isPermissionGranted(packageName: string, permission: string): boolean;
  grantedPermissions(packageName: string): readonly string[];
  /** Role holders (RoleManager), e.g. role "android.app.role.SMS". */
  roleHolders(role: string): readonly string[];
  /**
   * LegacyPermissionManager#grantDefaultPermissionsToEnabledImsServices (ImsServiceController
   * before each bind): phone, microphone, location, camera, contacts — system packages only.
   * (Additive; optional for fakes.)
   */
  grantDefaultPermissionsToEnabledImsServices?(packageNames: readonly string[]): void;
}

// ---------------------------------------------------------------------------------------------
// Shell commands

export interface ShellContext {
  /**
   * For a binary: its argv, argv[0] being the name (`ims-rig-device`, `sim`, `list`). For a cmd
   * service or a dumpsys section: the arguments after the service name, as AOSP's ShellCommand
   * gets them (`cmd phone ims get-ims-service -s 0` → `['ims', 'get-ims-service', '-s', '0']`).
   */
  readonly argv: readonly string[];
  readonly out: CommandOutput;
  /** Reads stdin until EOF (or until `maxBytes`). */
  readStdin(maxBytes?: number): Promise<Buffer>;
  /** 0 after `adb root`, else 2000 (shell). */
  readonly uid: 0 | 2000;
}

/** Returns the exit status. AOSP shell commands return -1 on error, which sh reports as 255. */
export type ShellCommand = (ctx: ShellContext) => Promise<number> | number;

export interface ShellRegistry {
  /** A binary on $PATH: `getprop`, `pm`, `ims-rig-device`. */
  registerBinary(name: string, command: ShellCommand): void;
  /** A binder service reached by `cmd <service> ...` (and `abb`): `phone`, `package`, `role`. */
  registerCmdService(service: string, command: ShellCommand): void;
  /** A `dumpsys <service>` section. */
  registerDumpsys(service: string, command: ShellCommand): void;
}

// ---------------------------------------------------------------------------------------------
// The platform as telephony sees it

export interface BuildInfo {
  readonly sdk: number;
  readonly type: 'user' | 'userdebug' | 'eng';
  readonly fingerprint: string;
}

/** The com.android.phone process: created at boot, killed by a phone restart or a reboot. */
export interface PhoneProcess {
  /** Called when the process is (re)created; returns a handle whose stop() tears it down. */
  start(platform: Platform): { stop(): void };
}

export interface Platform {
  readonly clock: Clock;
  readonly bus: BroadcastBus;
  readonly log: LogBuffer;
  readonly pm: PackageManager;
  readonly fs: DeviceFs;
  readonly shell: ShellRegistry;
  readonly build: BuildInfo;
  getProp(key: string): string;
  setProp(key: string, value: string): void;
  /** Whether the device's user is unlocked (direct boot: locked until boot completes). */
  isUserUnlocked(): boolean;
  /** Kill and restart com.android.phone (stimulus, and what a crash of it does). */
  restartPhoneProcess(): void;
  /**
   * Device-level state that outlives the phone process and reboots (SIMs, persistent carrier
   * config overrides, the overlay): one map per device, shared by every start of the phone
   * process. (Additive; a fake Platform may leave it out.)
   */
  readonly deviceStore?: Map<string, unknown>;
  /**
   * Binder services published by processes (telephony's APIs for apps, service dumps); a
   * process's services die with it. (Additive; a fake Platform may leave it out.)
   */
  readonly services?: ServiceManager;
  /**
   * What the enabled runtime resource overlays make of a package's resource for a process started
   * now; undefined when no overlay applies. (Additive; a fake Platform may leave it out.)
   */
  readonly resources?: { overlaidString(packageName: string, resource: string): string | undefined };
}
