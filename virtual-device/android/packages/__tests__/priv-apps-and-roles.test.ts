/** Priv-apps from the boot scan, the privapp-permissions allowlist, roles and role-granted permissions. */
import { abb, bootedDevice, run } from '../../__tests__/device-harness';
import { type ReferenceDevice } from '../../reference-device';
import { DIALER_ROLE_COMPONENTS, IMS_SERVICE, SMS_ROLE_COMPONENTS, testApk } from './test-apks';

let device: ReferenceDevice;
beforeEach(async () => { device = await bootedDevice(); });
afterEach(() => device.dispose());

const RCS_PERMISSIONS = ['MODIFY_PHONE_STATE', 'READ_PRIVILEGED_PHONE_STATE', 'PERFORM_IMS_SINGLE_REGISTRATION', 'READ_CONTACTS', 'ACCESS_RCS_USER_CAPABILITY_EXCHANGE'];

async function reboot(d: ReferenceDevice): Promise<void> {
  d.reboot('');
  await d.whenBootCompleted();
}

/** adb root + adb remount + adb push to /system/priv-app/<Name>/<Name>.apk + adb reboot. */
async function pushPrivApp(d: ReferenceDevice, name: string, apk: Buffer): Promise<void> {
  expect(d.root()).toBe('restarting adbd as root\n');
  expect(d.remount()).toEqual({ output: 'remount succeeded\n', ok: true });
  expect(d.fs.writeFile(`/system/priv-app/${name}/${name}.apk`, apk, 0o644, 0)).toBe(true);
  await reboot(d);
}

test('/system stays read-only until root and remount; adbd texts', async () => {
  const apk = await testApk({ pkg: 'com.example.priv' });
  expect(device.fs.writeFile('/system/priv-app/X/X.apk', apk, 0o644, 0)).toBe(30);
  expect(device.remount()).toEqual({ output: 'Not running as root. Try "adb root" first.\n', ok: false });
  expect(device.root()).toBe('restarting adbd as root\n');
  expect(device.root()).toBe('adbd is already running as root\n');
  expect(device.fs.writeFile('/system/priv-app/X/X.apk', apk, 0o644, 0)).toBe(30);
  expect(device.remount().ok).toBe(true);
  expect(device.fs.writeFile('/system/priv-app/X/X.apk', apk, 0o644, 0)).toBe(true);
  expect((await run(device, 'id -u')).stdout).toBe('0\n');
  await reboot(device);
  // adbd starts as shell again after a reboot (service.adb.root is not persistent).
  expect((await run(device, 'id -u')).stdout).toBe('2000\n');
  expect(device.fs.writeFile('/data/local/tmp/ok', Buffer.from('x'), 0o644, 0)).toBe(true);
});

test('an APK pushed to /system/priv-app is a privileged system app after the next reboot, not before', async () => {
  const apk = await testApk({ pkg: 'com.example.priv', body: IMS_SERVICE() });
  device.root();
  device.remount();
  device.fs.writeFile('/system/priv-app/ExamplePriv/ExamplePriv.apk', apk, 0o644, 0);
  expect((await run(device, 'pm path com.example.priv')).code).toBe(1);
  await reboot(device);
  expect((await run(device, 'pm path com.example.priv')).stdout).toBe('package:/system/priv-app/ExamplePriv/ExamplePriv.apk\n');
  expect(device.packages.get('com.example.priv')).toMatchObject({ isSystem: true, isPrivileged: true, location: 'priv-app' });
  const dump = (await run(device, 'dumpsys package com.example.priv')).stdout;
  expect(dump).toMatch(/\n {4}flags=\[ SYSTEM HAS_CODE /);
  expect(dump).toMatch(/\n {4}privateFlags=\[ .* PRIVILEGED .*\]\n/);
  expect((await run(device, 'pm list packages -s priv')).stdout).toBe('package:com.example.priv\n');
});

test('an APK in /system/app is a system app without privileges', async () => {
  device.root();
  device.remount();
  device.fs.writeFile('/system/app/Plain/Plain.apk', await testApk({ pkg: 'com.example.plain' }), 0o644, 0);
  await reboot(device);
  expect(device.packages.get('com.example.plain')).toMatchObject({ isSystem: true, isPrivileged: false, location: 'system' });
});

test('privileged permissions need the privapp-permissions allowlist (enforced, logged)', async () => {
  const apk = await testApk({ pkg: 'com.example.rcs', permissions: ['MODIFY_PHONE_STATE', 'READ_PRIVILEGED_PHONE_STATE', 'INTERNET'] });
  await pushPrivApp(device, 'ExampleRcs', apk);
  expect(device.packages.isPermissionGranted('com.example.rcs', 'android.permission.MODIFY_PHONE_STATE')).toBe(false);
  expect(device.packages.isPermissionGranted('com.example.rcs', 'android.permission.INTERNET')).toBe(true);
  expect((await run(device, 'logcat -d -b all -s PermissionManager:W')).stdout).toContain('W PermissionManager: Privileged permission android.permission.MODIFY_PHONE_STATE for package com.example.rcs (/system/priv-app/ExampleRcs) not in privapp-permissions allowlist\n');

  device.root();
  device.remount();
  const allowlist = `<?xml version="1.0" encoding="utf-8"?>
<permissions>
    <privapp-permissions package="com.example.rcs">
        <permission name="android.permission.MODIFY_PHONE_STATE"/>
        <deny-permission name="android.permission.READ_PRIVILEGED_PHONE_STATE"/>
    </privapp-permissions>
</permissions>
`;
  expect(device.fs.writeFile('/system/etc/permissions/privapp-permissions-com.example.rcs.xml', Buffer.from(allowlist), 0o644, 0)).toBe(true);
  await reboot(device);
  expect(device.packages.isPermissionGranted('com.example.rcs', 'android.permission.MODIFY_PHONE_STATE')).toBe(true);
  expect(device.packages.isPermissionGranted('com.example.rcs', 'android.permission.READ_PRIVILEGED_PHONE_STATE')).toBe(false);
  expect((await run(device, 'pm get-privapp-permissions com.example.rcs')).stdout).toBe('{android.permission.MODIFY_PHONE_STATE}\n');
  expect((await run(device, 'pm get-privapp-deny-permissions com.example.rcs')).stdout).toBe('{android.permission.READ_PRIVILEGED_PHONE_STATE}\n');
  expect((await run(device, 'dumpsys package com.example.rcs')).stdout).toContain('    install permissions:\n      android.permission.MODIFY_PHONE_STATE: granted=true\n      android.permission.INTERNET: granted=true\n');
});

test('cmd role: SMS role needs the SMS components; holding it grants the role permissions', async () => {
  expect((await run(device, 'cmd role get-role-holders android.app.role.SMS')).stdout).toBe('com.android.messaging\n');
  await abbInstall(await testApk({ pkg: 'com.example.nosms', permissions: ['READ_CONTACTS'] }));
  const refused = await run(device, 'cmd role add-role-holder --user 0 android.app.role.SMS com.example.nosms 0');
  expect(refused).toEqual({ stdout: '', stderr: 'Error: see logcat for details.\njava.util.concurrent.ExecutionException: java.lang.RuntimeException: Failed\n', code: 255 });
  expect((await run(device, 'logcat -d -s RoleControllerServiceImpl')).stdout).toContain('Package does not qualify for the role, package: com.example.nosms, role: android.app.role.SMS');

  await abbInstall(await testApk({ pkg: 'com.example.sms', permissions: RCS_PERMISSIONS, body: SMS_ROLE_COMPONENTS }));
  expect(await run(device, 'cmd role add-role-holder --user 0 android.app.role.SMS com.example.sms')).toEqual({ stdout: '', stderr: '', code: 0 });
  expect((await run(device, 'cmd role get-role-holders --user 0 android.app.role.SMS')).stdout).toBe('com.example.sms\n');
  const dump = (await run(device, 'dumpsys package com.example.sms')).stdout;
  expect(dump).toContain('        android.permission.READ_CONTACTS: granted=true, flags=[ USER_SENSITIVE_WHEN_GRANTED|USER_SENSITIVE_WHEN_DENIED|GRANTED_BY_ROLE]\n');
  // internal|role: a data app never gets PERFORM_IMS_SINGLE_REGISTRATION, even as the SMS app.
  expect(device.packages.isPermissionGranted('com.example.sms', 'android.permission.PERFORM_IMS_SINGLE_REGISTRATION')).toBe(false);
  expect(await run(device, 'cmd role remove-role-holder android.app.role.SMS com.example.sms')).toMatchObject({ code: 0 });
  expect((await run(device, 'cmd role get-role-holders android.app.role.SMS')).stdout).toBe('\n');
  expect(device.packages.isPermissionGranted('com.example.sms', 'android.permission.READ_CONTACTS')).toBe(false);
});

test('PERFORM_IMS_SINGLE_REGISTRATION: a system app holding the SMS role; RCS UCE also with the dialer role', async () => {
  await pushPrivApp(device, 'ExampleSms', await testApk({ pkg: 'com.example.sysms', permissions: RCS_PERMISSIONS, body: SMS_ROLE_COMPONENTS }));
  const granted = (p: string): boolean => device.packages.isPermissionGranted('com.example.sysms', `android.permission.${p}`);
  expect(granted('PERFORM_IMS_SINGLE_REGISTRATION')).toBe(false);
  expect(await run(device, 'cmd role add-role-holder android.app.role.SMS com.example.sysms')).toMatchObject({ code: 0 });
  expect(granted('PERFORM_IMS_SINGLE_REGISTRATION')).toBe(true);
  expect(granted('ACCESS_RCS_USER_CAPABILITY_EXCHANGE')).toBe(true);
  // The role survives a reboot (roles.xml), and so does the grant.
  await reboot(device);
  expect(device.packages.roleHolders('android.app.role.SMS')).toEqual(['com.example.sysms']);
  expect(granted('PERFORM_IMS_SINGLE_REGISTRATION')).toBe(true);
  await run(device, 'cmd role add-role-holder android.app.role.SMS com.android.messaging');
  expect(granted('PERFORM_IMS_SINGLE_REGISTRATION')).toBe(false);
  expect(granted('ACCESS_RCS_USER_CAPABILITY_EXCHANGE')).toBe(false);
});

test('ACCESS_RCS_USER_CAPABILITY_EXCHANGE for a system app holding the dialer role', async () => {
  await pushPrivApp(device, 'ExampleDialer', await testApk({ pkg: 'com.example.dialer', permissions: RCS_PERMISSIONS, body: DIALER_ROLE_COMPONENTS }));
  expect(await run(device, 'cmd role add-role-holder android.app.role.DIALER com.example.dialer')).toMatchObject({ code: 0 });
  expect(device.packages.isPermissionGranted('com.example.dialer', 'android.permission.ACCESS_RCS_USER_CAPABILITY_EXCHANGE')).toBe(true);
  expect(device.packages.isPermissionGranted('com.example.dialer', 'android.permission.PERFORM_IMS_SINGLE_REGISTRATION')).toBe(false);
});

test('uninstalling the SMS app leaves the role empty; the dialer role falls back to its default holder', async () => {
  await abbInstall(await testApk({ pkg: 'com.example.sms2', body: SMS_ROLE_COMPONENTS }));
  await run(device, 'cmd role add-role-holder android.app.role.SMS com.example.sms2');
  await run(device, 'pm uninstall com.example.sms2');
  expect(device.packages.roleHolders('android.app.role.SMS')).toEqual([]);
  await abbInstall(await testApk({ pkg: 'com.example.dialer2', body: DIALER_ROLE_COMPONENTS }));
  await run(device, 'cmd role add-role-holder android.app.role.DIALER com.example.dialer2');
  expect(device.packages.roleHolders('android.app.role.DIALER')).toEqual(['com.example.dialer2']);
  await run(device, 'pm uninstall com.example.dialer2');
  expect(device.packages.roleHolders('android.app.role.DIALER')).toEqual(['com.android.dialer']);
  // The image's own SMS and dialer apps qualify for their roles.
  expect((await run(device, 'cmd role add-role-holder android.app.role.SMS com.android.messaging')).code).toBe(0);
  expect((await run(device, 'cmd role add-role-holder android.app.role.DIALER com.android.dialer')).code).toBe(0);
});

async function abbInstall(apk: Buffer): Promise<void> {
  expect((await abb(device, ['package', 'install', '-S', String(apk.length)], apk)).stdout).toBe('Success\n');
}

test('updating a priv-app installs to /data but keeps it a privileged system app; uninstalling reverts to the factory version', async () => {
  await pushPrivApp(device, 'Upd', await testApk({ pkg: 'com.example.upd', versionCode: 1 }));
  await abbInstall(await testApk({ pkg: 'com.example.upd', versionCode: 2 }));
  expect(device.packages.get('com.example.upd')).toMatchObject({ versionCode: 2, isSystem: true, isPrivileged: true, codePath: '/data/app/com.example.upd-1/base.apk' });
  expect((await run(device, 'dumpsys package com.example.upd')).stdout).toMatch(/\n {4}flags=\[ SYSTEM HAS_CODE ALLOW_CLEAR_USER_DATA UPDATED_SYSTEM_APP ALLOW_BACKUP \]\n/);
  // The update survives a reboot (the boot scan prefers the newer /data copy).
  await reboot(device);
  expect(device.packages.get('com.example.upd')?.versionCode).toBe(2);
  expect((await run(device, 'pm uninstall com.example.upd')).stdout).toBe('Success\n');
  expect(device.packages.get('com.example.upd')).toMatchObject({ versionCode: 1, codePath: '/system/priv-app/Upd/Upd.apk', isPrivileged: true });
});

test('an APK cannot replace a platform-signed image app', async () => {
  const apk = await testApk({ pkg: 'com.android.phone', versionCode: 99 });
  expect((await abb(device, ['package', 'install', '-S', String(apk.length)], apk)).stdout).toBe('Failure [INSTALL_FAILED_UPDATE_INCOMPATIBLE: Existing package com.android.phone signatures do not match newer version; ignoring!]\n');
});

/** Resolves once `predicate` holds (broadcasts are delivered asynchronously on the device clock). */
async function until(predicate: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !predicate(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(predicate()).toBe(true);
}

test('pm uninstall --user 0 removes a system app for the user only; install-existing brings it back', async () => {
  await pushPrivApp(device, 'ExamplePriv', await testApk({ pkg: 'com.example.priv', body: IMS_SERVICE() }));
  const seen: string[] = [];
  const record = (d: ReferenceDevice): void => {
    d.bus.register(['android.intent.action.PACKAGE_REMOVED', 'android.intent.action.PACKAGE_ADDED'], (i) => seen.push(`${i.action.split('.').pop() ?? ''} ${i.data ?? ''} ${String(i.extras['android.intent.extra.REMOVED_FOR_ALL_USERS'] ?? '')}`));
  };
  record(device);
  // Without --user the delete is for all users, which a factory system app refuses (AOSP).
  expect((await run(device, 'pm uninstall com.example.priv')).stdout).toBe('Failure [DELETE_FAILED_INTERNAL_ERROR]\n');
  expect(await run(device, 'pm uninstall --user 0 com.example.priv')).toMatchObject({ stdout: 'Success\n', code: 0 });
  await until(() => seen.length === 1);
  expect(seen).toEqual(['PACKAGE_REMOVED package:com.example.priv false']);
  expect((await run(device, 'pm path com.example.priv')).code).toBe(1);
  expect((await run(device, 'pm list packages priv')).stdout).toBe('');
  expect((await run(device, 'pm list packages -u priv')).stdout).toBe('package:com.example.priv\n');
  expect(device.platform.pm.queryIntentServices('android.telephony.ims.ImsService', 'com.example.priv')).toEqual([]);
  expect((await run(device, 'pm uninstall --user 0 com.example.priv')).stdout).toBe('Failure [not installed for 0]\n');
  // The user state survives a reboot, like package-restrictions.xml.
  await reboot(device);
  expect((await run(device, 'pm path com.example.priv')).code).toBe(1);
  record(device);
  expect((await run(device, 'pm install-existing --user 0 com.example.priv')).stdout).toBe('Package com.example.priv installed for user: 0\n');
  expect((await run(device, 'pm path com.example.priv')).stdout).toBe('package:/system/priv-app/ExamplePriv/ExamplePriv.apk\n');
  expect(device.platform.pm.queryIntentServices('android.telephony.ims.ImsService', 'com.example.priv')).toHaveLength(1);
  await until(() => seen.length === 2);
  expect(seen[1]).toBe('PACKAGE_ADDED package:com.example.priv ');
});
