import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AdbError } from '../../errors';
import { adbServerPort, findAdbBinary } from '../adb-binary';
import { parseDeviceList } from '../adb-host';
import { isTcpSerial, parseConnectReply, splitHostPort } from '../connect-reply';
import { parsePmResult } from '../install-output';

describe('parseConnectReply (adb connect exits 0 on failure: the text decides)', () => {
  it.each([
    ['connected to 127.0.0.1:15555', 'connected', true],
    ['already connected to 127.0.0.1:15555', 'already-connected', true],
    ["failed to connect to '127.0.0.1:1': Connection refused", 'refused', false],
    ['cannot connect to 127.0.0.1:1: Connection refused', 'refused', false],
    ['failed to connect to 127.0.0.1:15555', 'failed', false],
    ['failed to authenticate to 10.0.0.5:5555', 'unauthenticated', false],
  ])('%s', (text, outcome, ok) => {
    expect(parseConnectReply(`${text}\n`)).toEqual({ outcome, ok, text });
  });
});

describe('serials', () => {
  it('tells TCP serials from USB and emulator serials', () => {
    expect(isTcpSerial('127.0.0.1:15555')).toBe(true);
    expect(isTcpSerial('farm-host.example:7401')).toBe(true);
    expect(isTcpSerial('emulator-5554')).toBe(false);
    expect(isTcpSerial('R58M12ABCDE')).toBe(false);
    expect(splitHostPort('127.0.0.1:15555')).toEqual({ host: '127.0.0.1', port: 15555 });
  });

  it('parses the host:devices payload', () => {
    expect(parseDeviceList('emulator-5554\tdevice\n127.0.0.1:15555\toffline\nR58M\tunauthorized\nX\tweird\n')).toEqual([
      { serial: 'emulator-5554', state: 'device' },
      { serial: '127.0.0.1:15555', state: 'offline' },
      { serial: 'R58M', state: 'unauthorized' },
      { serial: 'X', state: 'unknown' },
    ]);
    expect(parseDeviceList('')).toEqual([]);
  });
});

describe('parsePmResult', () => {
  it('reads Success and Failure [CODE: message]', () => {
    expect(parsePmResult('Success\n')).toEqual({ ok: true, message: 'Success' });
    expect(parsePmResult('Failure [DELETE_FAILED_INTERNAL_ERROR]\n')).toEqual({ ok: false, code: 'DELETE_FAILED_INTERNAL_ERROR', message: 'Failure [DELETE_FAILED_INTERNAL_ERROR]' });
    expect(parsePmResult('Performing Streamed Install\nadb: failed to install x.apk: Failure [INSTALL_PARSE_FAILED_NOT_APK: Failed to parse /data/app/vmdl1.tmp/base.apk]\n'))
      .toMatchObject({ ok: false, code: 'INSTALL_PARSE_FAILED_NOT_APK' });
    expect(parsePmResult("Exception occurred while executing 'install':\n").ok).toBe(false);
    expect(parsePmResult('').ok).toBe(false);
  });
});

describe('finding adb (appium-adb order: $ADB, PATH, $ANDROID_HOME/$ANDROID_SDK_ROOT platform-tools)', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ims-rig-adbbin-'));
  const make = (file: string): string => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '#!/bin/sh\n', { mode: 0o755 });
    return file;
  };
  const explicit = make(path.join(tmp, 'explicit', 'adb'));
  const onPath = make(path.join(tmp, 'bin', 'adb'));
  const sdk = path.join(tmp, 'sdk');
  const inSdk = make(path.join(sdk, 'platform-tools', 'adb'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('prefers $ADB, then PATH, then the SDK', () => {
    expect(findAdbBinary({ ADB: explicit, PATH: path.dirname(onPath), ANDROID_HOME: sdk })).toBe(explicit);
    expect(findAdbBinary({ PATH: path.dirname(onPath), ANDROID_HOME: sdk })).toBe(onPath);
    expect(findAdbBinary({ PATH: '', ANDROID_SDK_ROOT: sdk })).toBe(inSdk);
    expect(findAdbBinary({ PATH: path.join(tmp, 'nothing-here') })).toBeUndefined();
  });

  it('reads the server port from ANDROID_ADB_SERVER_PORT', () => {
    expect(adbServerPort({})).toBe(5037);
    expect(adbServerPort({ ANDROID_ADB_SERVER_PORT: '15037' })).toBe(15037);
    expect(() => adbServerPort({ ANDROID_ADB_SERVER_PORT: 'abc' })).toThrow(AdbError);
  });
});
