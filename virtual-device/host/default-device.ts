/**
 * The simulated Android the host starts when the caller does not pass its own: the AOSP
 * reference device of virtual-device/android.
 */
import { createReferenceDevice } from '../android/reference-device';
import { type AndroidDevice } from '../device/android-device';
import { type DeviceProfileName } from '../android/device-profile';

export function createDefaultDevice(options: { slots: 1 | 2; deviation?: string; timeScale: number; profile?: DeviceProfileName }): AndroidDevice {
  return createReferenceDevice(options);
}
