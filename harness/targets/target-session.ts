/**
 * A target as the engine uses it for a whole run: the device (adb), what the probe learnt, and what
 * the rig has done to it so far (root, remount). Every device call goes through `device`, which
 * counts round trips so the benchmark can set them against the minimum a scenario needs.
 */
import { type AdbDevice, type ShellCommand, type ShellOptions, type ShellResult } from '../adb';
import { type Capability } from '../model';
import { type TargetInfo } from '../results';
import { NO_ROUTES, type TargetRoutes } from './target-routes';
import { TargetClock } from './target-clock';
import { type DeviceState } from './device-state';

/** The part of harness/adb's AdbDevice the engine uses (a test double implements it too). */
export type TargetDevice = Pick<AdbDevice, 'serial' | 'shell' | 'push' | 'install' | 'uninstall' | 'root' | 'remount' | 'reboot'>;

/** adb round trips by kind: one per service opened (shell, sync push, install, root, …). */
export interface RoundTrips {
  total: number;
  readonly byKind: Record<string, number>;
}

/** Wraps a device and counts every adb round trip made through it. */
export class CountingDevice implements TargetDevice {
  readonly trips: RoundTrips = { total: 0, byKind: {} };

  constructor(private readonly inner: TargetDevice) {}

  get serial(): string {
    return this.inner.serial;
  }

  private count(kind: string): void {
    this.trips.total += 1;
    this.trips.byKind[kind] = (this.trips.byKind[kind] ?? 0) + 1;
  }

  /** Round trips so far (a copy). */
  snapshot(): RoundTrips {
    return { total: this.trips.total, byKind: { ...this.trips.byKind } };
  }

  shell(command: ShellCommand, options?: ShellOptions): Promise<ShellResult> {
    this.count(command.argv[0] === 'ims-rig-device' ? 'ims-rig-device' : command.argv.slice(0, 2).join(' '));
    return this.inner.shell(command, options);
  }

  push(...args: Parameters<TargetDevice['push']>): ReturnType<TargetDevice['push']> {
    this.count('push');
    return this.inner.push(...args);
  }

  install(...args: Parameters<TargetDevice['install']>): ReturnType<TargetDevice['install']> {
    this.count('install');
    return this.inner.install(...args);
  }

  uninstall(...args: Parameters<TargetDevice['uninstall']>): ReturnType<TargetDevice['uninstall']> {
    this.count('uninstall');
    return this.inner.uninstall(...args);
  }

  root(...args: Parameters<TargetDevice['root']>): ReturnType<TargetDevice['root']> {
    this.count('root');
    return this.inner.root(...args);
  }

  remount(...args: Parameters<TargetDevice['remount']>): ReturnType<TargetDevice['remount']> {
    this.count('remount');
    return this.inner.remount(...args);
  }

  reboot(...args: Parameters<TargetDevice['reboot']>): ReturnType<TargetDevice['reboot']> {
    this.count('reboot');
    return this.inner.reboot(...args);
  }
}

export interface TargetSession {
  readonly device: CountingDevice;
  readonly info: TargetInfo;
  readonly capabilities: ReadonlySet<Capability>;
  /** How each stimulus is reached on this target (the probe's findings). */
  readonly routes: TargetRoutes;
  /** The run's tally of the target's uptime (reboots). */
  readonly clock: TargetClock;
  /** Paths the run staged under the read-only partitions (./staging-plan.ts), now on the target. */
  readonly staged: Set<string>;
  /** How long to wait for a reboot (harness/targets/resolve.ts TargetWaits). */
  readonly rebootTimeoutMs: number;
  /** adbd runs as root (we asked, or it already did). */
  rooted: boolean;
  /** /system is writable (adb remount succeeded this boot). */
  remounted: boolean;
  /**
   * The target's state as the rig last read it right after putting it back and checking it (a
   * restore's final reading), with the IMS logcat dump read with it: the next snapshot starts from
   * it instead of reading again. Nothing but the rig touches the target in between; anything that
   * may change it otherwise clears it.
   */
  knownState?: { readonly state: DeviceState; readonly logcat?: string } | undefined;
}

/** An emulator or phone takes a minute or two to boot. */
const DEFAULT_REBOOT_TIMEOUT_MS = 240_000;

export function createSession(
  device: TargetDevice, info: TargetInfo, capabilities: Iterable<Capability>, routes: TargetRoutes = NO_ROUTES,
  clock: TargetClock = new TargetClock(), waits?: { readonly rebootMs: number },
): TargetSession {
  return {
    device: device instanceof CountingDevice ? device : new CountingDevice(device), info, capabilities: new Set(capabilities), routes, clock,
    staged: new Set(), rebootTimeoutMs: waits?.rebootMs ?? DEFAULT_REBOOT_TIMEOUT_MS, rooted: false, remounted: false,
  };
}
