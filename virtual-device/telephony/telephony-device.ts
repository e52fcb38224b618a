/**
 * Device-level telephony context: what exists once per simulated device rather than once per
 * com.android.phone process — the simulated ImsService app processes (they outlive a phone
 * restart), the persistent telephony store, deterministic identity hashes and jitter, and the
 * phone process that is running (if any). Kept in the platform's per-device `deviceStore`, because
 * every phone process gets its own scoped Platform (its timers, receivers and shell services die
 * with it); `platform` is always the view of the latest phone process.
 */
import { type LogBuffer, type Platform } from '../android/platform';
import { AppRegistry } from '../apps/app-registry';
import { appReceiverCode } from '../apps/control-receiver';
import { ObserverApp } from '../apps/observer/observer-app';
import { withObserverReceiver } from '../apps/observer/observer-receiver';
import { deviationHooks } from '../deviations/deviations';
import { type CallbackWrapper } from './ims-state/callback-wrapper';
import { JavaException } from './ims/java-exception';
import { IdentityHashGenerator, seededRandom } from './java/identity';
import type { PhoneApp } from './phone-app';
import { DeviceStore } from './state/device-store';
import { subIdFor } from './state/subscriptions';
import { type BuiltInSim } from '../android/device-profile';

/** What the stimuli need from a running phone process. */
export interface RunningPhone {
  readonly deviation: string;
  onSimInserted(slotId: number): void;
  onSimRemoved(slotId: number): void;
  onSlotCountChanged(numSlots: number): void;
}

const STORE_KEY = 'ims-rig.telephony';
const devicesWithoutStore = new WeakMap<Platform, TelephonyDevice>();

export class TelephonyDevice {
  readonly identities = new IdentityHashGenerator(0x1a2b3c4d);
  readonly random = seededRandom(0x5eed);
  readonly apps: AppRegistry;
  readonly store: DeviceStore;
  /** Logs through the current phone process's view (its pid). */
  readonly logcat: LogBuffer = { write: (priority, tag, message, pid) => this.platform.log.write(priority, tag, message, pid) };
  /** Errors that were not Java exceptions a real phone would throw: bugs of the simulation. */
  readonly internalErrors: unknown[] = [];
  phone: PhoneApp | null = null;
  /** The deviation of the last phone process started (kept while it restarts). */
  lastDeviation = 'none';
  /** The rig's observer app (virtual-device/apps/observer): its process outlives phone restarts. */
  readonly observer: ObserverApp;
  /** The state callbacks the last phone process held when it died (read by one deviation only). */
  orphanedStateCallbacks: readonly CallbackWrapper[] = [];

  private constructor(public platform: Platform) {
    this.store = new DeviceStore(platform.fs);
    this.apps = new AppRegistry(platform.pm, this.identities, this.logcat);
    this.apps.watchDataRemoval(platform.bus);
    this.observer = new ObserverApp({
      pm: platform.pm,
      logcat: this.logcat,
      identities: this.identities,
      telephony: () => this.phone,
      errorOnPhoneDeath: () => !deviationHooks(this.lastDeviation).stateCallbackNoErrorOnPhoneCrash,
    });
  }

  /**
   * The SIMs a device is switched on with (the emulator's test SIM), on its very first start only:
   * afterwards the store holds what the SIMs became.
   */
  seedBuiltInSims(sims: readonly BuiltInSim[]): void {
    if (sims.length === 0 || this.store.exists()) return;
    this.store.update((state) => {
      for (const sim of sims) {
        state.sims[sim.slot] = { iccid: sim.iccid, carrierFile: '', carrierConfig: new Map() };
        subIdFor(state, sim.iccid);
      }
    });
  }

  /** A phone process stopped: apps tied to its binder hear of it. */
  onPhoneStopped(phone: PhoneApp): void {
    this.orphanedStateCallbacks = phone.stateCallbacks?.registeredWrappers() ?? [];
    this.observer.onPhoneDied();
  }

  /** The device's telephony context if it exists, without re-targeting it (tests, diagnostics). */
  static existing(platform: Platform): TelephonyDevice | undefined {
    const found: unknown = platform.deviceStore ? platform.deviceStore.get(STORE_KEY) : devicesWithoutStore.get(platform);
    return found instanceof TelephonyDevice ? found : undefined;
  }

  /** The device's telephony context, now seen through `platform` (the starting phone process). */
  static of(platform: Platform): TelephonyDevice {
    const map = platform.deviceStore;
    const found: unknown = map ? map.get(STORE_KEY) : devicesWithoutStore.get(platform);
    let device: TelephonyDevice;
    if (found instanceof TelephonyDevice) {
      device = found;
    } else {
      device = new TelephonyDevice(platform);
      if (map) map.set(STORE_KEY, device);
      else devicesWithoutStore.set(platform, device);
    }
    device.platform = platform;
    // Manifest receivers of the device's apps run as their code does (the rig app's control receiver).
    platform.bus.setReceiverCode?.(withObserverReceiver(appReceiverCode(device.apps), device.apps, device.observer));
    return device;
  }

  /**
   * An exception escaped a handler of the phone process. AOSP would crash com.android.phone (and
   * crash again on every restart that repeats the same work). The reference device logs the crash
   * the way AndroidRuntime does, abandons the message that threw and keeps running, so the device
   * stays reachable and shows what the crash leaves behind: the work of that message is lost.
   */
  onUncaught(thread: string, error: unknown): void {
    const log = this.logcat;
    log.write('E', 'AndroidRuntime', `FATAL EXCEPTION: ${thread}`);
    log.write('E', 'AndroidRuntime', 'Process: com.android.phone');
    if (error instanceof JavaException) {
      for (const line of error.traceLines()) log.write('E', 'AndroidRuntime', line);
      return;
    }
    this.internalErrors.push(error);
    log.write('E', 'AndroidRuntime', `java.lang.RuntimeException: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}
