/**
 * The reference device through a private real adb server (Debian adb 29): what the rig does over
 * adb — shell with exit codes, install, root, remount, push to /system/priv-app, reboot, roles,
 * logcat. Skipped with the reason when no adb binary can run here.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { adbAvailableSync } from '../../../harness/testing/adb-available';
import { startPrivateAdbServer, type PrivateAdbServer } from '../../../harness/testing/start-private-adb-server';
import { startReferenceDevice, type StartedReferenceDevice } from '../../../harness/testing/start-reference-device';
import { createReferenceDevice } from '../reference-device';
import { SMS_ROLE_COMPONENTS, testApk } from '../packages/__tests__/test-apks';

const HAVE_ADB = adbAvailableSync();
const describeWithAdb = HAVE_ADB ? describe : describe.skip;
if (!HAVE_ADB) test.skip('reference device over adb: skipped because no adb binary runs here', () => undefined);

describeWithAdb('reference device through a private adb server', () => {
  let started: StartedReferenceDevice;
  let server: PrivateAdbServer;
  let tmp: string;
  const adb = (...args: string[]): ReturnType<PrivateAdbServer['adb']> => server.adb(['-s', started.serial, ...args]);

  beforeAll(async () => {
    started = await startReferenceDevice({ timeScale: 0.01, serverDoor: false, createDevice: (o) => createReferenceDevice(o) });
    server = await startPrivateAdbServer();
    await server.connect(started.serial);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ims-rig-platform-'));
  });
  afterAll(async () => {
    await server?.stop();
    await started?.stop();
    if (tmp !== undefined) fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('adb shell: output, exit codes and stderr through shell v2', async () => {
    expect((await adb('shell', 'pm', 'list', 'packages')).stdout).toContain('package:com.android.phone\n');
    expect((await adb('shell', 'exit 3')).code).toBe(3);
    const missing = await adb('shell', 'nosuchcmd');
    expect(missing.code).toBe(127);
    expect(missing.stderr).toBe('/system/bin/sh: nosuchcmd: inaccessible or not found\n');
    expect((await adb('shell', 'getprop', 'ro.build.version.sdk')).stdout).toBe('35\n');
  });

  test('adb install: Success and visible to pm path; Android 15 refuses targetSdk < 24 unless bypassed', async () => {
    const apkFile = path.join(tmp, 'com.example.adb.apk');
    fs.writeFileSync(apkFile, await testApk({ pkg: 'com.example.adb' }));
    const installed = await adb('install', apkFile);
    expect(installed.stdout).toContain('Success');
    expect((await adb('shell', 'pm', 'path', 'com.example.adb')).stdout).toBe('package:/data/app/com.example.adb-1/base.apk\n');
    // An APK without <uses-sdk> targets SDK 1, which Android 14+ refuses unless bypassed.
    const legacyFile = path.join(tmp, 'com.example.legacy.apk');
    fs.writeFileSync(legacyFile, await testApk({ pkg: 'com.example.legacy', targetSdk: null }));
    const refused = await adb('install', legacyFile);
    expect(`${refused.stdout}${refused.stderr}`).toContain('INSTALL_FAILED_DEPRECATED_SDK_VERSION: App package must target at least SDK version 24');
    expect((await adb('install', '--bypass-low-target-sdk-block', legacyFile)).stdout).toContain('Success');
    // The committed fixture APKs declare uses-sdk, so they install as they are.
    const fixture = path.resolve(__dirname, '../../../apks/com.oem.ims.apk');
    expect((await adb('install', fixture)).stdout).toContain('Success');
    expect((await adb('uninstall', 'com.example.adb')).stdout).toContain('Success');
  });

  test('adb install-multiple (install sessions) and adb uninstall', async () => {
    const apkFile = path.join(tmp, 'com.example.multi.apk');
    fs.writeFileSync(apkFile, await testApk({ pkg: 'com.example.multi' }));
    const installed = await adb('install-multiple', apkFile);
    expect(installed.stdout).toContain('Success');
    expect((await adb('shell', 'pm', 'list', 'packages', '-3', 'multi')).stdout).toBe('package:com.example.multi\n');
    expect((await adb('uninstall', 'com.example.multi')).stdout).toContain('Success');
  });

  test('adbkit: getProperties, getFeatures, install, isInstalled, uninstall (shell v1 with its own quoting)', async () => {
    const device = server.client.getDevice(started.serial);
    const props = await device.getProperties();
    expect(props['ro.build.version.sdk']).toBe('35');
    expect(props['ro.product.model']).toBe('ims-rig Reference Device');
    const features = await device.getFeatures();
    expect(features['android.hardware.telephony.ims']).toBe(true);
    const apkFile = path.join(tmp, 'com.example.adbkit.apk');
    fs.writeFileSync(apkFile, await testApk({ pkg: 'com.example.adbkit' }));
    expect(await device.install(apkFile)).toBe(true);
    expect(await device.isInstalled('com.example.adbkit')).toBe(true);
    expect(await device.uninstall('com.example.adbkit')).toBe(true);
    expect(await device.isInstalled('com.example.adbkit')).toBe(false);
  });

  test('cmd role and logcat through adb', async () => {
    const apkFile = path.join(tmp, 'com.example.sms.apk');
    fs.writeFileSync(apkFile, await testApk({ pkg: 'com.example.sms', body: SMS_ROLE_COMPONENTS }));
    expect((await adb('install', apkFile)).stdout).toContain('Success');
    expect((await adb('shell', 'cmd', 'role', 'add-role-holder', '--user', '0', 'android.app.role.SMS', 'com.example.sms')).code).toBe(0);
    expect((await adb('shell', 'cmd role get-role-holders android.app.role.SMS')).stdout).toBe('com.example.sms\n');
    const logcat = await adb('logcat', '-d', '-b', 'system', '-s', 'RoleService');
    expect(logcat.stdout).toContain('Added role holder, role: android.app.role.SMS, package: com.example.sms');
  });

  test('adb root, adb remount, push to /system/priv-app, adb reboot: a privileged app after the boot scan', async () => {
    expect((await adb('root')).stdout).toContain('restarting adbd as root');
    expect((await adb('remount')).stdout).toContain('remount succeeded');
    const apkFile = path.join(tmp, 'Priv.apk');
    fs.writeFileSync(apkFile, await testApk({ pkg: 'com.example.privadb', permissions: ['MODIFY_PHONE_STATE'] }));
    const pushed = await adb('push', apkFile, '/system/priv-app/Priv/Priv.apk');
    expect(pushed.code).toBe(0);
    await adb('reboot');
    const deadline = Date.now() + 30_000;
    let booted = '';
    while (Date.now() < deadline && booted !== '1') {
      await server.adb(['connect', started.serial]);
      booted = (await adb('shell', 'getprop', 'sys.boot_completed')).stdout.trim();
      if (booted !== '1') await new Promise((r) => setTimeout(r, 200));
    }
    expect(booted).toBe('1');
    expect((await adb('shell', 'pm path com.example.privadb')).stdout).toBe('package:/system/priv-app/Priv/Priv.apk\n');
    expect((await adb('shell', 'dumpsys package com.example.privadb')).stdout).toMatch(/privateFlags=\[ .*PRIVILEGED/);
    expect((await adb('shell', 'id -u')).stdout).toBe('2000\n');
  });
});
