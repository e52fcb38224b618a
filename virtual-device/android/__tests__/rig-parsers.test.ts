/**
 * The rig's own parsers (harness/android) read what the reference device prints: the two sides
 * of the adb seam agree on getprop, pm, dumpsys package, cmd role and logcat formats.
 */
import { parseGetprop, parseGetpropAll } from '../../../harness/android/getprop';
import { parseFeatureList, parsePackageList, parsePackagePaths } from '../../../harness/android/pm';
import { parsePackageDump } from '../../../harness/android/dumpsys-package';
import { parseLogcat } from '../../../harness/android/logcat';
import { abb, bootedDevice, run } from './device-harness';
import { type ReferenceDevice } from '../reference-device';
import { SMS_ROLE_COMPONENTS, testApk } from '../packages/__tests__/test-apks';

let device: ReferenceDevice;
beforeAll(async () => { device = await bootedDevice(); });
afterAll(() => device.dispose());

test('getprop', async () => {
  expect(parseGetpropAll((await run(device, 'getprop')).stdout).get('ro.build.version.sdk')).toBe('35');
  expect(parseGetprop((await run(device, 'getprop ro.build.type')).stdout)).toBe('userdebug');
});

test('pm list packages -f, pm path, pm list features', async () => {
  expect(parsePackageList((await run(device, 'pm list packages -f phone')).stdout)).toEqual([{ package: 'com.android.phone', path: '/system/priv-app/TeleService/TeleService.apk' }]);
  expect(parsePackagePaths((await run(device, 'pm path com.android.phone')).stdout)).toEqual(['/system/priv-app/TeleService/TeleService.apk']);
  const features = parseFeatureList((await run(device, 'pm list features')).stdout);
  expect(features.get('android.hardware.telephony.ims')).toBe(true);
  expect(features.get('reqGlEsVersion')).toBe('0x30002');
});

test('dumpsys package: flags, grants and role-granted runtime permissions', async () => {
  const apk = await testApk({ pkg: 'com.example.parsed', permissions: ['READ_CONTACTS', 'INTERNET', 'MODIFY_PHONE_STATE'], body: SMS_ROLE_COMPONENTS });
  await abb(device, ['package', 'install', '-S', String(apk.length)], apk);
  await run(device, 'cmd role add-role-holder android.app.role.SMS com.example.parsed');
  const dump = parsePackageDump((await run(device, 'dumpsys package com.example.parsed')).stdout, 'com.example.parsed');
  expect(dump).toMatchObject({
    codePath: '/data/app/com.example.parsed-1',
    versionCode: 1,
    system: false,
    privileged: false,
    requestedPermissions: ['android.permission.READ_CONTACTS', 'android.permission.INTERNET', 'android.permission.MODIFY_PHONE_STATE'],
    installPermissions: { 'android.permission.INTERNET': true },
    runtimePermissions: { 'android.permission.READ_CONTACTS': true },
    installedForUser: true,
  });
  const phone = parsePackageDump((await run(device, 'dumpsys package com.android.phone')).stdout, 'com.android.phone');
  expect(phone).toMatchObject({ system: true, privileged: true, codePath: '/system/priv-app/TeleService' });
});

test('logcat threadtime lines', async () => {
  await run(device, "log -t RigParse 'one line'");
  const lines = parseLogcat((await run(device, 'logcat -d -s RigParse')).stdout, ['RigParse']);
  expect(lines.map((l) => [l.priority, l.tag, l.message])).toEqual([['I', 'RigParse', 'one line']]);
});
