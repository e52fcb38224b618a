/**
 * Bad input on a stock target stays clean: the reference device as a stock API 35 emulator
 * (`profile: 'emulator'`), driven by the built CLI through a private real adb server. Three
 * scenarios in one run, each an *error* naming the app (and, where adb answered, adb's words) —
 * never a crash: the run goes on to the next scenario, ends with exit 3 (errors, no failures), and
 * the device reads back exactly as before.
 *   - a prebuilt APK that declares no ImsService, in a scenario that observes bindings;
 *   - an APK the target refuses (targetSdkVersion 23: INSTALL_FAILED_DEPRECATED_SDK_VERSION);
 *   - a control broadcast no receiver gets (the app was uninstalled by an earlier step).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findAdbBinary } from '../../adb';
import { encodeManifestXml, packageApk } from '../../formats/apk-writer';
import { type RunResult } from '../../results';
import { NO_ADB_REASON, startPrivateAdbServer, startReferenceOverAdb, type PrivateAdbServer, type StartedReferenceDevice } from '../../testing';
import { adbEnv, runCli } from '../../testing/cli-process';
import { deviceStateFingerprint } from '../../targets/device-state';
import { loadRigAppFiles } from '../../targets/rig-app-files';
import { type TargetSession } from '../../targets/target-session';

jest.setTimeout(240_000);

const ROOT = path.resolve(__dirname, '..', '..', '..');
const NOTHING_BOUND = '  - check: { bindings: { "0": { EMERGENCY_MMTEL: null, MMTEL: null, RCS: null } } }';

function scenario(id: string, body: string): string {
  return [`id: ${id}`, `title: ${id}`, 'area: manifest', "doc: 'bad input on a stock target'", body.trim(), ''].join('\n');
}

/** An ImsService APK with the rig's code, signed, that targets SDK 23: Android 14+ refuses it. */
function oldTargetApk(): Buffer {
  const rig = loadRigAppFiles();
  const manifest = `<?xml version="1.0" encoding="utf-8"?>
<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="com.old.ims" android:versionCode="1">
  <uses-sdk android:minSdkVersion="21" android:targetSdkVersion="23"/>
  <application android:label="old">
    <service android:name="org.imsrig.ims.RigImsService" android:exported="true" android:directBootAware="true" android:permission="android.permission.BIND_IMS_SERVICE">
      <meta-data android:name="android.telephony.ims.MMTEL_FEATURE" android:value="true"/>
      <intent-filter><action android:name="android.telephony.ims.ImsService"/></intent-filter>
    </service>
  </application>
</manifest>
`;
  return packageApk({ manifest: encodeManifestXml(manifest), dex: rig.dex, signer: rig.signer });
}

function writeScenarios(dir: string): string[] {
  fs.writeFileSync(path.join(dir, 'com.old.ims.apk'), oldTargetApk());
  const files: Record<string, string> = {
    'not-ims.yaml': scenario('bad.not-an-ims-service', `
requires: [device-overlay]
device: { slots: 1, overlay: { mmtel: com.sample.rcsclient, rcs: "" } }
apps:
  - { package: com.sample.rcsclient, apk: ${path.join(ROOT, 'apks', 'com.sample.rcsclient.apk')}, location: data }
sims: {}
steps:
${NOTHING_BOUND}`),
    'refused.yaml': scenario('bad.install-refused', `
requires: [device-overlay]
device: { slots: 1, overlay: { mmtel: com.old.ims, rcs: "" } }
apps:
  - { package: com.old.ims, apk: ${path.join(dir, 'com.old.ims.apk')}, location: data, metadata: [MMTEL] }
sims: {}
steps:
${NOTHING_BOUND}`),
    'no-receiver.yaml': scenario('bad.broadcast-without-receiver', `
requires: [app-realisation, device-overlay, configurable-features]
device: { slots: 1, overlay: oem-default }
apps:
  - { package: com.oem.ims, location: data, metadata: [EMERGENCY_MMTEL, MMTEL, RCS], answers: { "0": [EMERGENCY_MMTEL, MMTEL, RCS] } }
sims: {}
steps:
  - uninstall: { package: com.oem.ims }
  - setFeatures: { package: com.oem.ims, features: { "0": [MMTEL] } }
${NOTHING_BOUND}`),
  };
  return Object.entries(files).map(([name, text]) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  });
}

const ADB = findAdbBinary();
const describeWithAdb = ADB !== undefined ? describe : describe.skip;

describeWithAdb(`bad input on the stock-emulator profile${ADB === undefined ? ` (skipped: ${NO_ADB_REASON})` : ''}`, () => {
  let server: PrivateAdbServer | undefined;
  let device: StartedReferenceDevice | undefined;
  let session: TargetSession | undefined;

  beforeAll(async () => {
    server = await startPrivateAdbServer();
    ({ device, session } = await startReferenceOverAdb(server, { timeScale: 0.01, profile: 'emulator' }));
  }, 120_000);

  afterAll(async () => {
    await device?.stop();
    await server?.stop();
  });

  test('each is a scenario error naming the app (and adb\'s words); exit 3; the device reads back unchanged', async () => {
    if (!server || !device || !session) throw new Error('the reference device did not start');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ims-rig-stock-bad-'));
    const files = writeScenarios(dir);
    const before = await deviceStateFingerprint(session);
    const out = path.join(dir, 'run');
    const r = await runCli(['run', '--no-progress', '--no-reference', '--target', device.serial, ...files.flatMap((f) => ['--scenario', f]), '--out', out], adbEnv(server));
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 3, stderr: '' });
    const results = JSON.parse(fs.readFileSync(path.join(out, 'results.json'), 'utf8')) as RunResult;
    expect(results.target).toMatchObject({ referenceProfile: 'emulator' });
    expect(results.summary).toMatchObject({ error: 3, fail: 0, pass: 0 });
    const reasons = Object.fromEntries(results.scenarios.map((s) => [s.id, `${s.status}: ${s.reason ?? ''}`]));
    expect(reasons['bad.not-an-ims-service']).toMatch(/^error: .*com\.sample\.rcsclient \(.*com\.sample\.rcsclient\.apk\) declares no ImsService/);
    expect(reasons['bad.install-refused']).toMatch(/^error: .*refused to install com\.old\.ims \(.*com\.old\.ims\.apk\): Failure \[INSTALL_FAILED_DEPRECATED_SDK_VERSION: App package must target at least SDK version 24, but found 23\]/);
    expect(reasons['bad.broadcast-without-receiver']).toMatch(/^error: .*com\.oem\.ims: the control broadcast \(features\) reached no org\.imsrig\.ims\.ControlReceiver: no receiver ran \(am broadcast printed result=0/);
    expect(await deviceStateFingerprint(session)).toBe(before);
  });
});
