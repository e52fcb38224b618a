/**
 * The com.android.phone process of the reference device: the platform creates one at boot and on
 * every phone restart (virtual-device/android calls createPhoneProcess, then start(platform)).
 */
import { type Platform, type PhoneProcess } from '../android/platform';
import { type BuiltInSim } from '../android/device-profile';
import { deviationHooks } from '../deviations/deviations';
import { PhoneApp } from './phone-app';
import { registerTelephonyShell } from './shell/register-shell';
import { TelephonyDevice } from './telephony-device';

export interface PhoneProcessOptions {
  /** SIM slots the device boots with (persist.radio.multisim.config); `ims-rig-device slots` changes it. */
  readonly slots: 1 | 2;
  /** A deviation profile name (virtual-device/deviations), or undefined / "none" for plain AOSP. */
  readonly deviation?: string;
  /** Publish the `ims-rig-device` stimulus binary (default true; a stock emulator has none). */
  readonly stimulusTool?: boolean;
  /** SIMs in the slots when the device is switched on for the first time (the emulator's test SIM). */
  readonly builtInSims?: readonly BuiltInSim[];
  /** Simulate manifest-only apps (default true); false: they fail to start, as on a device. */
  readonly simulateCodelessApps?: boolean;
}

/**
 * Creates the phone process. Throws for an unknown deviation name, so a typo fails at boot rather
 * than silently running plain AOSP.
 */
export function createPhoneProcess(options: PhoneProcessOptions): PhoneProcess {
  deviationHooks(options.deviation);
  const deviation = options.deviation ?? 'none';
  return {
    start(platform: Platform) {
      const device = TelephonyDevice.of(platform);
      device.seedBuiltInSims(options.builtInSims ?? []);
      if (options.simulateCodelessApps === false) device.apps.simulateCodeless = false;
      // Started before boot completed: this is a boot, so every app process is new too.
      if (platform.getProp('sys.boot_completed') !== '1') {
        device.apps.resetAll();
        device.observer.processDied();
      }
      const phone = new PhoneApp(platform, device, { slots: options.slots, deviation });
      device.phone = phone;
      device.lastDeviation = deviation;
      registerTelephonyShell(platform, device, { stimulusTool: options.stimulusTool ?? true });
      phone.start();
      return {
        stop() {
          phone.stop();
          if (device.phone === phone) device.phone = null;
          device.onPhoneStopped(phone);
        },
      };
    },
  };
}
