import { UnsafeValueError } from '../../errors';
import { parsePackageName } from '../../model';
import { addRoleHolderCommand, getRoleHoldersCommand, parseRoleHolders, ROLE_SMS } from '../cmd-role';
import { dumpsysPackageCommand, parsePackageDump } from '../dumpsys-package';
import { getpropCommand, parseGetprop, parseGetpropAll } from '../getprop';
import {
  appBehaviourCommand, appFeaturesCommand, overlayCommand, parseWaitIdle, simInsertCommand, slotsCommand, waitIdleCommand,
} from '../ims-rig-device';
import { IMS_LOG_TAGS, logcatDumpCommand, parseLogcat, parseLogcatLine } from '../logcat';
import { listPackagesCommand, parseFeatureList, parsePackageList, parsePackagePaths } from '../pm';

const oem = parsePackageName('com.oem.ims');
const rcs = parsePackageName('com.google.android.sample.rcsclient');

describe('pm', () => {
  it('list packages (plain and -f, where the path itself holds =)', () => {
    expect(listPackagesCommand({ withPaths: true, only: 'third-party' }).line).toBe('pm list packages -f -3');
    expect(parsePackageList('package:com.oem.ims\npackage:/data/app/~~Qx3w==/com.carrier.a.ims-Ab1==/base.apk=com.carrier.a.ims\r\n'))
      .toEqual([{ package: 'com.oem.ims' }, { package: 'com.carrier.a.ims', path: '/data/app/~~Qx3w==/com.carrier.a.ims-Ab1==/base.apk' }]);
  });

  it('list features and path', () => {
    const features = parseFeatureList('feature:reqGlEsVersion=0x30000\nfeature:android.hardware.telephony\nfeature:android.hardware.telephony.ims\nfeature:android.hardware.telephony.ims.singlereg\n');
    expect(features.get('android.hardware.telephony.ims')).toBe(true);
    expect(features.get('reqGlEsVersion')).toBe('0x30000');
    expect(parsePackagePaths('package:/system/priv-app/OemIms/OemIms.apk\n')).toEqual(['/system/priv-app/OemIms/OemIms.apk']);
    expect(parsePackagePaths('')).toEqual([]);
  });
});

describe('dumpsys package', () => {
  const text = [
    'Activity Resolver Table:',
    '  Non-Data Actions:',
    '      android.intent.action.MAIN:',
    'Packages:',
    '  Package [com.google.android.sample.rcsclient] (6d1a0e4):',
    '    appId=10123',
    '    pkg=Package{b4e7c0 com.google.android.sample.rcsclient}',
    '    codePath=/product/priv-app/TestRcsApp',
    '    versionCode=14 minSdk=30 targetSdk=30',
    '    versionName=1.0.13',
    '    flags=[ SYSTEM HAS_CODE ALLOW_CLEAR_USER_DATA ALLOW_BACKUP ]',
    '    privateFlags=[ PRIVATE_FLAG_ACTIVITIES_RESIZE_MODE_RESIZEABLE_VIA_SDK_VERSION PRIVILEGED PRODUCT ]',
    '    requested permissions:',
    '      android.permission.MODIFY_PHONE_STATE',
    '      android.permission.PERFORM_IMS_SINGLE_REGISTRATION',
    '      android.permission.READ_CONTACTS: restricted=true',
    '    install permissions:',
    '      android.permission.MODIFY_PHONE_STATE: granted=true',
    '      android.permission.PERFORM_IMS_SINGLE_REGISTRATION: granted=false',
    '    User 0: ceDataInode=12345 installed=true hidden=false suspended=false distractionFlags=0 stopped=false notLaunched=false enabled=0 instant=false virtual=false',
    '      gids=[3003]',
    '      runtime permissions:',
    '        android.permission.READ_CONTACTS: granted=true, flags=[ USER_SENSITIVE_WHEN_GRANTED|USER_SENSITIVE_WHEN_DENIED]',
    'Hidden system packages:',
    '  Package [com.google.android.sample.rcsclient] (1f2e3d4):',
    '    codePath=/product/priv-app/TestRcsApp-old',
  ].join('\n');

  it('reads flags and permission sections of the first block', () => {
    expect(dumpsysPackageCommand(rcs).line).toBe('dumpsys package com.google.android.sample.rcsclient');
    const dump = parsePackageDump(text, rcs);
    expect(dump).toEqual({
      package: rcs,
      codePath: '/product/priv-app/TestRcsApp',
      versionCode: 14,
      flags: ['SYSTEM', 'HAS_CODE', 'ALLOW_CLEAR_USER_DATA', 'ALLOW_BACKUP'],
      privateFlags: ['PRIVATE_FLAG_ACTIVITIES_RESIZE_MODE_RESIZEABLE_VIA_SDK_VERSION', 'PRIVILEGED', 'PRODUCT'],
      privileged: true,
      system: true,
      requestedPermissions: ['android.permission.MODIFY_PHONE_STATE', 'android.permission.PERFORM_IMS_SINGLE_REGISTRATION', 'android.permission.READ_CONTACTS'],
      installPermissions: { 'android.permission.MODIFY_PHONE_STATE': true, 'android.permission.PERFORM_IMS_SINGLE_REGISTRATION': false },
      runtimePermissions: { 'android.permission.READ_CONTACTS': true },
      installedForUser: true,
    });
  });

  it('returns undefined for a package that is not in the dump', () => {
    expect(parsePackageDump('Unable to find package: com.nope\n', 'com.nope')).toBeUndefined();
  });
});

describe('cmd role', () => {
  it('get-role-holders joins holders with ";"', () => {
    expect(getRoleHoldersCommand(ROLE_SMS).line).toBe('cmd role get-role-holders android.app.role.SMS');
    expect(addRoleHolderCommand(ROLE_SMS, rcs, 0).line).toBe('cmd role add-role-holder --user 0 android.app.role.SMS com.google.android.sample.rcsclient');
    expect(parseRoleHolders({ stdout: 'com.google.android.apps.messaging\n', stderr: '', exitCode: 0 })).toEqual({ ok: true, value: ['com.google.android.apps.messaging'] });
    expect(parseRoleHolders({ stdout: 'a.b;c.d\n', stderr: '', exitCode: 0 })).toEqual({ ok: true, value: ['a.b', 'c.d'] });
    expect(parseRoleHolders({ stdout: '\n', stderr: '', exitCode: 0 })).toEqual({ ok: true, value: [] });
  });
});

describe('getprop', () => {
  it('reads all properties, including values over several lines', () => {
    const props = parseGetpropAll('[ro.build.version.sdk]: [35]\n[ro.build.type]: [userdebug]\n[ro.multi]: [line one\nline two]\n[sys.boot_completed]: [1]\r\n');
    expect(props.get('ro.build.version.sdk')).toBe('35');
    expect(props.get('ro.multi')).toBe('line one\nline two');
    expect(props.get('sys.boot_completed')).toBe('1');
  });

  it('reads one property', () => {
    expect(getpropCommand('ro.build.fingerprint').line).toBe('getprop ro.build.fingerprint');
    expect(parseGetprop('userdebug\n')).toBe('userdebug');
    expect(parseGetprop('\n')).toBe('');
    expect(() => getpropCommand('x;reboot')).toThrow(UnsafeValueError);
  });
});

describe('logcat threadtime', () => {
  const text = [
    '--------- beginning of main',
    '03-01 10:00:04.850  1532  1611 I ImsResolver: service name: ComponentInfo{com.carrier.a.ims/com.carrier.a.ims.ImsService}, manifest query: false',
    '03-01 10:00:04.851  1532  1611 W ImsResolver: ImsService is not protected with BIND_IMS_SERVICE permission: ComponentInfo{com.rogue.ims/com.rogue.ims.S}',
    '03-01 10:00:04.990  1532  1640 I ImsServiceController: Binding ImsService: ComponentInfo{com.carrier.a.ims/com.carrier.a.ims.ImsService} with features: [{s=0, f=RCS}]',
    '03-01 10:00:05.001   912   912 D ActivityManager: Start proc 2210:com.carrier.a.ims/u0a123',
  ].join('\n');

  it('parses lines and filters tags', () => {
    expect(parseLogcatLine('03-01 10:00:04.850  1532  1611 I ImsResolver: a: b')).toMatchObject({ date: '03-01', time: '10:00:04.850', pid: 1532, tid: 1611, priority: 'I', tag: 'ImsResolver', message: 'a: b' });
    expect(parseLogcatLine('03-01 10:00:04.850  1532  1611 I Tag     : padded')).toMatchObject({ tag: 'Tag', message: 'padded' });
    expect(parseLogcat(text)).toHaveLength(4);
    expect(parseLogcat(text, IMS_LOG_TAGS).map((l) => l.tag)).toEqual(['ImsResolver', 'ImsResolver', 'ImsServiceController']);
  });

  it('builds -d -v threadtime -s TAG…', () => {
    expect(logcatDumpCommand({ tags: ['ImsResolver', 'ImsServiceController'] }).line).toBe('logcat -d -v threadtime -s ImsResolver ImsServiceController');
    expect(logcatDumpCommand({ lines: 200, buffer: 'all' }).line).toBe('logcat -d -b all -v threadtime -t 200');
  });
});

describe('ims-rig-device argv (the reference device stimulus contract)', () => {
  it('builds every verb from validated parts', () => {
    expect(simInsertCommand(0, '/data/local/tmp/ims-rig/carrier-a.xml').line).toBe('ims-rig-device sim insert 0 /data/local/tmp/ims-rig/carrier-a.xml');
    expect(simInsertCommand(1, '/data/local/tmp/ims-rig/carrier-a.xml', '8901260').line).toBe('ims-rig-device sim insert 1 /data/local/tmp/ims-rig/carrier-a.xml --iccid 8901260');
    expect(slotsCommand(2).line).toBe('ims-rig-device slots 2');
    expect(overlayCommand({ mmtel: oem, rcs: '' }).line).toBe("ims-rig-device overlay --mmtel com.oem.ims --rcs ''");
    expect(overlayCommand().line).toBe('ims-rig-device overlay');
    expect(appFeaturesCommand(oem, { '0': ['RCS', 'MMTEL'], '1': [] }).line).toBe('ims-rig-device app features com.oem.ims 0=MMTEL,RCS 1=none');
    expect(appFeaturesCommand(oem, {}).line).toBe('ims-rig-device app features com.oem.ims');
    expect(appBehaviourCommand(oem, 'crash-on-bind').line).toBe('ims-rig-device app behaviour com.oem.ims crash-on-bind');
    expect(waitIdleCommand(5000).line).toBe('ims-rig-device wait-idle --timeout-ms 5000');
  });

  it('rejects what the contract does not allow', () => {
    expect(() => simInsertCommand(0, '/sdcard/x.xml')).toThrow(UnsafeValueError);
    expect(() => simInsertCommand(0, '/data/local/tmp/x.xml', '12;reboot')).toThrow(UnsafeValueError);
    expect(() => appBehaviourCommand(oem, 'explode' as never)).toThrow(UnsafeValueError);
  });

  it('reads wait-idle', () => {
    expect(parseWaitIdle('idle\n')).toEqual({ idle: true });
    expect(parseWaitIdle('busy:dynamic query com.carrier.a.ims\n')).toEqual({ idle: false, busy: 'dynamic query com.carrier.a.ims' });
  });
});
