/**
 * The telephony surfaces through a private real adb server and the reference device's adbd:
 * `cmd phone ims`, `dumpsys phone`, `ims-rig-device sim insert` after `adb push`, exit codes
 * through shell v2 (AOSP's -1 arrives as 255).
 */
import { join } from 'node:path';
import { createReferenceDevice } from '../../android/reference-device';
import { describeWithAdb, startPrivateAdbServer, startReferenceDevice, type PrivateAdbServer, type StartedReferenceDevice } from '../../../harness/testing';
import { bindings, readResolverDump } from './dumpsys-reader';

jest.setTimeout(120_000);

const ROOT = join(__dirname, '../../..');

describeWithAdb('telephony through adb', () => {
  let ref: StartedReferenceDevice;
  let server: PrivateAdbServer;
  const shell = (...args: string[]) => server.adb(['-s', ref.serial, 'shell', ...args]);

  beforeAll(async () => {
    ref = await startReferenceDevice({ timeScale: 0.01, serverDoor: false, createDevice: (o) => createReferenceDevice(o) });
    server = await startPrivateAdbServer();
    await server.connect(ref.serial);
    await server.adb(['-s', ref.serial, 'wait-for-device'], { timeoutMs: 30_000 });
    for (;;) {
      if ((await shell('getprop', 'sys.boot_completed')).stdout.trim() === '1') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });

  afterAll(async () => {
    await server?.stop();
    await ref?.stop();
  });

  it('provisions an OEM service and a Carrier A SIM, and dumpsys phone shows the documentation\'s Carrier A row', async () => {
    expect((await server.adb(['-s', ref.serial, 'install', '--bypass-low-target-sdk-block', join(ROOT, 'apks/com.oem.ims.apk')])).stdout).toContain('Success');
    expect((await server.adb(['-s', ref.serial, 'install', '--bypass-low-target-sdk-block', join(ROOT, 'apks/com.carrier.a.ims.apk')])).stdout).toContain('Success');
    expect((await shell('ims-rig-device', 'overlay', '--mmtel', 'com.oem.ims', '--rcs', 'com.oem.ims')).stdout).toContain('OK overlay');
    expect((await server.adb(['-s', ref.serial, 'push', join(ROOT, 'fixtures/carrier-configs/carrier-a.xml'), '/data/local/tmp/carrier-a.xml'])).code).toBe(0);
    const sim = await shell('ims-rig-device', 'sim', 'insert', '0', '/data/local/tmp/carrier-a.xml');
    expect(sim.stdout).toMatch(/^OK slot=0 subId=1 iccid=\d+ keys=3\n$/);
    expect((await shell('ims-rig-device', 'wait-idle', '--timeout-ms', '30000')).stdout).toBe('idle\n');
    const dump = await shell('dumpsys', 'phone');
    expect(dump.code).toBe(0);
    expect(bindings(readResolverDump(dump.stdout))).toEqual({ '0,EMERGENCY_MMTEL': ['com.oem.ims'], '0,MMTEL': ['com.oem.ims'], '0,RCS': ['com.carrier.a.ims'] });
  });

  it('answers cmd phone ims get-ims-service and reports errors with exit status 255', async () => {
    expect(await shell('cmd', 'phone', 'ims', 'get-ims-service', '-s', '0', '-d', '-f', '1')).toEqual({ stdout: 'com.oem.ims\n', stderr: '', code: 0 });
    expect(await shell('cmd', 'phone', 'ims', 'get-ims-service', '-s', '0', '-c', '-f', '2')).toEqual({ stdout: 'com.carrier.a.ims\n', stderr: '', code: 0 });
    expect(await shell('cmd', 'phone', 'ims', 'set-ims-service', '-s', '0', 'com.x')).toEqual({ stdout: '', stderr: 'ims set-ims-service requires either "-c" or "-d" to be set.\n', code: 255 });
    expect((await shell('ims-rig-device', 'app', 'show', 'com.nope')).code).toBe(2);
  });
});
