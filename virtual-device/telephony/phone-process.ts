/**
 * The com.android.phone process of the reference device: the platform creates one at boot and on
 * every phone restart (virtual-device/android calls createPhoneProcess, then start(platform)).
 */
import { type Platform, type PhoneProcess } from '../android/platform';

export interface PhoneProcessOptions {
  /** SIM slots the device boots with (persist.radio.multisim.config). */
  readonly slots: 1 | 2;
  /** A deviation profile name (virtual-device/deviations), or undefined for plain AOSP. */
  readonly deviation?: string;
}

/**
 * Creates the phone process. Placeholder until the telephony stack lands: starts nothing.
 * Throws for an unknown deviation name (so a typo fails at boot, not silently).
 */
export function createPhoneProcess(options: PhoneProcessOptions): PhoneProcess {
  if (options.deviation !== undefined && options.deviation !== 'none') {
    throw new Error(`unknown deviation profile: ${options.deviation}`);
  }
  return {
    start(_platform: Platform) {
      return { stop() {} };
    },
  };
}
