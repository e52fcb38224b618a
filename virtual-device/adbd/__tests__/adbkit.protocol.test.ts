/** adbkit → a private real adb server → the simulated adbd. */
import { describeWithAdb, startPrivateAdbServer, startReferenceDevice } from '../../../harness/testing';
import { FakeAndroidDevice } from '../../services/__tests__/fake-android-device';
import { runAdbkitScenario } from './adbkit-scenario';

jest.setTimeout(120_000);

describeWithAdb('adbkit through a real adb server', () => {
  test('connect, list, shell, properties, features, push, stat, readdir, pull, install, uninstall', async () => {
    const device = new FakeAndroidDevice();
    const reference = await startReferenceDevice({ createDevice: () => device, serverDoor: false });
    const server = await startPrivateAdbServer();
    try {
      const [host, port] = reference.serial.split(':');
      expect(await server.client.connect(host!, Number(port))).toBe(reference.serial);
      await runAdbkitScenario(server.client, reference.serial, device);
    } finally {
      await server.stop();
      await reference.stop();
    }
  });
});
