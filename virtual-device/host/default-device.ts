/**
 * The simulated Android the host starts when the caller does not pass its own: the AOSP
 * reference device of virtual-device/android.
 */
import { type AndroidDevice } from '../device/android-device';

export function createDefaultDevice(_options: { slots: 1 | 2; deviation?: string; timeScale: number }): AndroidDevice {
  throw new Error('the reference device (virtual-device/android/reference-device.ts) is not built yet');
}
