/**
 * `reboot:[target]`. adbd answers nothing: it asks init to reboot and the connection drops when
 * the device goes down. Here the simulated Android goes offline (AndroidDevice.reboot), and the
 * transports, which watch the device state, drop their connections. The call is deferred one
 * turn so the transport's acceptance of the stream (OKAY) reaches the host first.
 */
import { type AndroidDevice } from '../device/android-device';
import { type ServiceStarter } from './device-stream';
import { ignoreInput } from './text-service';

export function rebootService(device: AndroidDevice, target: string): ServiceStarter {
  return () => {
    setImmediate(() => {
      if (device.state === 'online') device.reboot(target);
    });
    return ignoreInput;
  };
}
