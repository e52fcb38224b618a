/** The package manager as the rig drives it: install, update, uninstall, enable/disable, permissions. */
import { abb, bootedDevice, run } from '../../__tests__/device-harness';
import { type Intent } from '../../platform';
import { type ReferenceDevice } from '../../reference-device';
import { IMS_SERVICE, testApk } from './test-apks';

let device: ReferenceDevice;
beforeEach(async () => { device = await bootedDevice(); });
afterEach(() => device.dispose());

function recordBroadcasts(d: ReferenceDevice): { intents: Intent[]; settled(): Promise<void> } {
  const intents: Intent[] = [];
  d.bus.register(['android.intent.action.PACKAGE_ADDED', 'android.intent.action.PACKAGE_REMOVED', 'android.intent.action.PACKAGE_REPLACED', 'android.intent.action.PACKAGE_CHANGED', 'android.intent.action.PACKAGE_FULLY_REMOVED', 'android.intent.action.PACKAGE_RESTARTED'], (i) => intents.push(i));
  return { intents, settled: () => new Promise((resolve) => setTimeout(resolve, 20)) };
}

const short = (i: Intent): string => `${i.action.replace('android.intent.action.', '')} ${i.data ?? ''} replacing=${String(i.extras['android.intent.extra.REPLACING'] ?? false)}`;

async function install(apk: Buffer, extra: readonly string[] = []): Promise<{ stdout: string; code: number }> {
  return abb(device, ['package', 'install', ...extra, '-S', String(apk.length)], apk);
}

test('install, update and uninstall broadcast like AOSP (update: REMOVED, ADDED, REPLACED with EXTRA_REPLACING)', async () => {
  const seen = recordBroadcasts(device);
  expect(await install(await testApk({ pkg: 'com.example.app', body: IMS_SERVICE() }))).toMatchObject({ stdout: 'Success\n', code: 0 });
  expect((await run(device, 'pm path com.example.app')).stdout).toBe('package:/data/app/com.example.app-1/base.apk\n');
  expect(await install(await testApk({ pkg: 'com.example.app', versionCode: 2, body: IMS_SERVICE() }))).toMatchObject({ stdout: 'Success\n' });
  expect((await run(device, 'pm path com.example.app')).stdout).toBe('package:/data/app/com.example.app-2/base.apk\n');
  expect(await run(device, 'pm uninstall com.example.app')).toMatchObject({ stdout: 'Success\n', code: 0 });
  await seen.settled();
  expect(seen.intents.map(short)).toEqual([
    'PACKAGE_ADDED package:com.example.app replacing=false',
    'PACKAGE_REMOVED package:com.example.app replacing=true',
    'PACKAGE_ADDED package:com.example.app replacing=true',
    'PACKAGE_REPLACED package:com.example.app replacing=true',
    'PACKAGE_REMOVED package:com.example.app replacing=false',
    'PACKAGE_FULLY_REMOVED package:com.example.app replacing=false',
  ]);
  expect(await run(device, 'pm path com.example.app')).toEqual({ stdout: '', stderr: '', code: 1 });
});

test('install failures use PackageManager status texts', async () => {
  const junk = Buffer.from('this is not a zip');
  expect((await install(junk)).stdout).toMatch(/^Failure \[INSTALL_PARSE_FAILED_NOT_APK: Failed to parse \/data\/app\/vmdl\d+\.tmp\/base\.apk: Failed to load asset path/);
  const old = await testApk({ pkg: 'com.example.old', targetSdk: null });
  expect((await install(old)).stdout).toBe('Failure [INSTALL_FAILED_DEPRECATED_SDK_VERSION: App package must target at least SDK version 24, but found 1]\n');
  expect((await install(old, ['--bypass-low-target-sdk-block'])).stdout).toBe('Success\n');
  await install(await testApk({ pkg: 'com.example.v', versionCode: 5 }));
  expect((await install(await testApk({ pkg: 'com.example.v', versionCode: 4 }))).stdout).toBe('Failure [INSTALL_FAILED_VERSION_DOWNGRADE: Downgrade detected: Update version code 4 is older than current 5]\n');
  expect((await run(device, 'pm uninstall com.nobody.here')).stdout).toBe('Failure [DELETE_FAILED_INTERNAL_ERROR]\n');
  expect((await run(device, 'pm uninstall com.android.phone')).stdout).toBe('Failure [DELETE_FAILED_INTERNAL_ERROR]\n');
  expect(await run(device, 'pm install')).toMatchObject({ stdout: 'Error: must either specify a package size or an APK file\n', code: 1 });
});

test('pm install from a device file (adbkit / legacy push install), and a missing file', async () => {
  const apk = await testApk({ pkg: 'com.example.file' });
  expect(device.fs.writeFile('/data/local/tmp/app.apk', apk, 0o644, 0)).toBe(true);
  expect(await run(device, 'pm install -r "/data/local/tmp/app.apk"')).toMatchObject({ stdout: 'Success\n', code: 0 });
  const missing = await run(device, "pm 'install' '/data/local/tmp/none.apk'");
  expect(missing.code).toBe(255);
  expect(missing.stderr).toContain("Error: Can't open file: /data/local/tmp/none.apk");
  expect(missing.stderr).toContain("Exception occurred while executing 'install':\njava.lang.IllegalArgumentException: Error: Can't open file: /data/local/tmp/none.apk");
});

test("streamed install through exec:cmd package 'install' -S N (adb with cmd but no abb_exec)", async () => {
  const apk = await testApk({ pkg: 'com.example.exec' });
  expect(await run(device, `cmd package 'install' -S ${apk.length}`, { stdin: apk })).toEqual({ stdout: 'Success\n', stderr: '', code: 0 });
  expect((await run(device, 'pm path com.example.exec')).code).toBe(0);
});

test('install sessions (adb install-multiple)', async () => {
  const apk = await testApk({ pkg: 'com.example.multi' });
  const created = await run(device, 'cmd package install-create -S ' + String(apk.length));
  const id = /\[(\d+)\]/.exec(created.stdout)?.[1] ?? '';
  expect(created.stdout).toBe(`Success: created install session [${id}]\n`);
  expect(await run(device, `cmd package install-write -S ${apk.length} ${id} base.apk -`, { stdin: apk })).toMatchObject({ stdout: `Success: streamed ${apk.length} bytes\n` });
  expect(await run(device, `cmd package install-commit ${id}`)).toMatchObject({ stdout: 'Success\n', code: 0 });
  expect((await run(device, 'pm list packages -3')).stdout).toContain('package:com.example.multi\n');
});

test('pm list packages filters and formats', async () => {
  await install(await testApk({ pkg: 'com.example.listed' }));
  expect((await run(device, 'pm list packages -3')).stdout).toBe('package:com.example.listed\n');
  expect((await run(device, 'pm list packages -f listed')).stdout).toBe('package:/data/app/com.example.listed-1/base.apk=com.example.listed\n');
  expect((await run(device, 'pm list packages -s phone')).stdout).toBe('package:com.android.phone\n');
  expect((await run(device, 'pm list packages -U listed')).stdout).toMatch(/^package:com\.example\.listed uid:10\d{3}\n$/);
});

test('enable/disable: the shell may only disable-user whole packages; root may disable components (PACKAGE_CHANGED)', async () => {
  await install(await testApk({ pkg: 'com.example.ims', body: IMS_SERVICE() }));
  const denied = await run(device, 'pm disable com.example.ims/.ImsService');
  expect(denied.code).toBe(255);
  expect(denied.stderr).toContain('java.lang.SecurityException: Shell cannot change component state for com.example.ims/com.example.ims.ImsService to 2');
  expect((await run(device, 'pm disable-user com.example.ims')).stdout).toBe('Package com.example.ims new state: disabled-user\n');
  expect(device.packages.queryIntentServices('android.telephony.ims.ImsService', 'com.example.ims')).toEqual([]);
  expect((await run(device, 'pm enable com.example.ims')).stdout).toBe('Package com.example.ims new state: enabled\n');
  device.root();
  const seen = recordBroadcasts(device);
  expect((await run(device, 'pm disable com.example.ims/.ImsService')).stdout).toBe('Component {com.example.ims/com.example.ims.ImsService} new state: disabled\n');
  expect(device.packages.queryIntentServices('android.telephony.ims.ImsService', 'com.example.ims')).toEqual([]);
  await seen.settled();
  expect(seen.intents.map((i) => [i.action, i.data, i.extras['android.intent.extra.changed_component_name_list']])).toEqual([['android.intent.action.PACKAGE_CHANGED', 'package:com.example.ims', 'com.example.ims.ImsService']]);
  expect((await run(device, 'dumpsys package com.example.ims')).stdout).toContain('      disabledComponents:\n        com.example.ims.ImsService\n');
});

test('the manifest reaches telephony: services, typed meta-data, permission, directBootAware', async () => {
  const meta = '<meta-data android:name="android.telephony.ims.MMTEL_FEATURE" android:value="true"/><meta-data android:name="ims-rig.answers" android:value="0=MMTEL,RCS"/>';
  await install(await testApk({ pkg: 'com.example.meta', body: IMS_SERVICE('.Svc', meta) }));
  const [service] = device.packages.queryIntentServices('android.telephony.ims.ImsService', 'com.example.meta');
  expect(service).toMatchObject({
    className: 'com.example.meta.Svc',
    permission: 'android.permission.BIND_IMS_SERVICE',
    directBootAware: true,
    exported: true,
    metaData: { 'android.telephony.ims.MMTEL_FEATURE': true, 'ims-rig.answers': '0=MMTEL,RCS' },
  });
});

test('runtime permissions: pm grant/revoke, and pm grant of an install-time permission fails like AOSP', async () => {
  await install(await testApk({ pkg: 'com.example.perm', permissions: ['READ_PHONE_STATE', 'MODIFY_PHONE_STATE', 'INTERNET'] }));
  let dump = (await run(device, 'dumpsys package com.example.perm')).stdout;
  expect(dump).toContain('    install permissions:\n      android.permission.INTERNET: granted=true\n');
  expect(dump).toContain('        android.permission.READ_PHONE_STATE: granted=false, flags=[ USER_SENSITIVE_WHEN_GRANTED|USER_SENSITIVE_WHEN_DENIED]\n');
  expect(dump).not.toContain('MODIFY_PHONE_STATE: granted');
  expect(await run(device, 'pm grant com.example.perm android.permission.READ_PHONE_STATE')).toEqual({ stdout: '', stderr: '', code: 0 });
  dump = (await run(device, 'dumpsys package com.example.perm')).stdout;
  expect(dump).toContain('        android.permission.READ_PHONE_STATE: granted=true, flags=[ USER_SET|USER_SENSITIVE_WHEN_GRANTED|USER_SENSITIVE_WHEN_DENIED]\n');
  const refused = await run(device, 'pm grant com.example.perm android.permission.MODIFY_PHONE_STATE');
  expect(refused.code).toBe(255);
  expect(refused.stderr).toContain('java.lang.SecurityException: Permission android.permission.MODIFY_PHONE_STATE requested by com.example.perm is not a changeable permission type');
  expect((await run(device, 'pm grant com.example.perm android.permission.CAMERA')).stderr).toContain('java.lang.SecurityException: Package com.example.perm has not requested permission android.permission.CAMERA');
  expect(await run(device, 'pm grant com.nobody android.permission.CAMERA')).toEqual({ stdout: 'Failure [package not found]\n', stderr: 'Error: package not found\n', code: 1 });
});

test('install -g grants every requested runtime permission', async () => {
  await install(await testApk({ pkg: 'com.example.granted', permissions: ['READ_PHONE_STATE', 'READ_CONTACTS'] }), ['-g']);
  expect(device.packages.grantedPermissions('com.example.granted')).toEqual(['android.permission.READ_PHONE_STATE', 'android.permission.READ_CONTACTS']);
});

test('pm install is refused while the device is still booting', async () => {
  device.props.set('sys.boot_completed', '0');
  expect(await run(device, 'pm install -S 10')).toMatchObject({ stdout: 'Error: device is still booting.\n', code: 1 });
});

test('query-services finds ImsServices by action; dumpsys package of an unknown package says so', async () => {
  await install(await testApk({ pkg: 'com.example.q', body: IMS_SERVICE() }));
  expect((await run(device, 'cmd package query-services --components -a android.telephony.ims.ImsService')).stdout).toBe('com.example.q/.ImsService\n');
  const full = (await run(device, 'pm query-services -a android.telephony.ims.ImsService')).stdout;
  expect(full).toMatch(/^1 services found:\n {2}Service #0:\n/);
  expect(full).toContain('      permission=android.permission.BIND_IMS_SERVICE\n');
  expect((await run(device, 'pm query-services -a com.nothing')).stdout).toBe('No services found\n');
  expect((await run(device, 'dumpsys package com.nobody')).stdout).toBe('Unable to find package: com.nobody\n');
});
