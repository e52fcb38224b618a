/**
 * The real reference device (virtual-device/android) behind both front doors: the host wires the
 * simulated Android to adbd and to the server door. Android's behaviour itself is tested by the
 * platform and telephony parts; here: identity, exit codes, a real fixture APK installed through
 * each door, root/remount as adb 29 drives them.
 */
import * as fs from 'node:fs';
import Adb from '@devicefarmer/adbkit';
import { APKS_DIR } from '../../../harness/paths';
import { describeWithAdb, type PrivateAdbServer, startPrivateAdbServer, startReferenceDevice, type StartedReferenceDevice } from '../../../harness/testing';

jest.setTimeout(120_000);

const FIXTURE_APK = `${APKS_DIR}/com.oem.ims.apk`;
const haveFixture = fs.existsSync(FIXTURE_APK);

describeWithAdb('reference device host through adb 29', () => {
  let reference: StartedReferenceDevice;
  let server: PrivateAdbServer;
  const adbS = (args: string[]): ReturnType<PrivateAdbServer['adb']> => server.adb(['-s', reference.serial, ...args]);

  beforeAll(async () => {
    reference = await startReferenceDevice({ timeScale: 0.01 });
    server = await startPrivateAdbServer();
    await server.connect(reference.serial);
  });

  afterAll(async () => {
    await server?.stop();
    await reference?.stop();
  });

  test('the banner names the reference device', async () => {
    const { stdout } = await server.adb(['devices', '-l']);
    expect(stdout).toContain(`${reference.serial.padEnd(22)} device product:reference_phone model:ims_rig_Reference_Device device:reference transport_id:`);
  });

  test('Android 15 shell answers with exit statuses through shell v2', async () => {
    expect(await adbS(['shell', 'getprop', 'ro.build.version.sdk'])).toEqual({ stdout: '35\n', stderr: '', code: 0 });
    expect((await adbS(['shell', 'exit 3'])).code).toBe(3);
    expect((await adbS(['shell', 'no-such-tool'])).code).toBe(127);
  });

  (haveFixture ? test : test.skip)(`install ${haveFixture ? 'apks/com.oem.ims.apk' : '(no apks/com.oem.ims.apk: run `ims-rig build-apks`)'} streamed through abb_exec, then uninstall`, async () => {
    // The fixture APKs target an old SDK: Android 14+ refuses them without this flag, as a real device does.
    const install = await adbS(['install', '--bypass-low-target-sdk-block', FIXTURE_APK]);
    expect(install.stdout).toContain('Success');
    expect((await adbS(['shell', 'pm', 'path', 'com.oem.ims'])).stdout).toMatch(/^package:\/data\/app\/.*\/base\.apk$/m);
    expect((await adbS(['uninstall', 'com.oem.ims'])).stdout).toContain('Success');
  });

  test('adb root restarts adbd as root; adb remount runs the device\'s remount (remount_shell)', async () => {
    expect((await adbS(['root'])).stdout).toContain('restarting adbd as root');
    await server.adb(['disconnect', reference.serial]);
    await server.connect(reference.serial);
    expect((await adbS(['shell', 'id', '-u'])).stdout).toBe('0\n');
    const remount = await adbS(['remount']);
    expect(remount.stdout + remount.stderr).toContain('remount succeeded');
  });
});

describeWithAdb('a fixture APK through each of adb 29\'s install paths on the reference device', () => {
  // Full features: abb_exec streamed; `cmd` only: exec:cmd package streamed; none: push + pm.
  const profiles: [string, readonly string[]][] = [
    ['abb_exec', ['shell_v2', 'cmd', 'stat_v2', 'ls_v2', 'fixed_push_mkdir', 'apex', 'abb', 'abb_exec']],
    ['exec:cmd', ['shell_v2', 'cmd', 'stat_v2', 'ls_v2', 'fixed_push_mkdir']],
    ['push + pm', []],
  ];
  for (const [label, features] of profiles) {
    (haveFixture ? test : test.skip)(`${label}${haveFixture ? '' : ' (no apks/com.oem.ims.apk: run `ims-rig build-apks`)'}`, async () => {
      const reference = await startReferenceDevice({ timeScale: 0.01, features, serverDoor: false });
      const server = await startPrivateAdbServer();
      try {
        await server.connect(reference.serial);
        const install = await server.adb(['-s', reference.serial, 'install', '--bypass-low-target-sdk-block', FIXTURE_APK]);
        expect(install.stdout).toContain('Success');
        expect((await server.adb(['-s', reference.serial, 'shell', 'pm', 'list', 'packages', 'com.oem.ims'])).stdout).toContain('package:com.oem.ims\n');
      } finally {
        await server.stop();
        await reference.stop();
      }
    });
  }
});

describe('reference device host through the server door (no adb server)', () => {
  test(`adbkit lists the device, reads its properties${haveFixture ? ' and installs a fixture APK' : ' (no apks/com.oem.ims.apk: install not tried)'}`, async () => {
    const reference = await startReferenceDevice({ timeScale: 0.01 });
    try {
      const client = Adb.createClient({ host: '127.0.0.1', port: reference.serverPort!, bin: '/nonexistent/adb' });
      expect(await client.listDevices()).toEqual([{ id: reference.serial, type: 'device' }]);
      const phone = client.getDevice(reference.serial);
      expect(await phone.getProperties()).toMatchObject({ 'ro.build.version.sdk': '35', 'ro.build.type': 'userdebug' });
      if (haveFixture) {
        // adbkit's install() cannot pass pm flags: push, then pm install with the low-target-SDK bypass.
        await new Promise<void>((resolve, reject) => {
          void phone.push(FIXTURE_APK, '/data/local/tmp/oem.apk').then((transfer) => {
            transfer.on('end', resolve);
            transfer.on('error', reject);
          }, reject);
        });
        const output = await Adb.util.readAll(await phone.shell('pm install --bypass-low-target-sdk-block /data/local/tmp/oem.apk'));
        expect(output.toString()).toContain('Success');
        expect(await phone.isInstalled('com.oem.ims')).toBe(true);
      }
    } finally {
      await reference.stop();
    }
  });
});
