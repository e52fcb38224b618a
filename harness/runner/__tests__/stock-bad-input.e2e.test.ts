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
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AdbHost, findAdbBinary } from '../../adb';
import { encodeManifestXml, packageApk } from '../../formats/apk-writer';
import { type RunResult } from '../../results';
import { NO_ADB_REASON, startPrivateAdbServer, startReferenceDevice, type PrivateAdbServer, type StartedReferenceDevice } from '../../testing';
import { deviceStateFingerprint } from '../../targets/device-state';
import { probeTarget } from '../../targets/probe';
import { loadRigAppFiles } from '../../targets/rig-app-files';
import { createSession, type TargetSession } from '../../targets/target-session';
import { createReferenceDevice } from '../../../virtual-device/android/reference-device';

jest.setTimeout(240_000);

const ROOT = path.resolve(__dirname, '..', '..', '..');
const BIN = path.join(ROOT, 'bin', 'ims-rig.js');
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

function runCli(args: readonly string[], port: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, ANDROID_ADB_SERVER_PORT: String(port), NO_COLOR: '1' };
  delete env.ANDROID_SERIAL;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'run', '--no-progress', ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
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
    device = await startReferenceDevice({ timeScale: 0.01, createDevice: (o) => createReferenceDevice({ ...o, profile: 'emulator' }) });
    await server.connect(device.serial);
    const host = new AdbHost({ host: '127.0.0.1', port: server.port, kind: 'adb-server' });
    await host.waitForDevice(device.serial, { timeoutMs: 30_000 });
    const adb = host.device(device.serial);
    const probe = await probeTarget(adb, { via: 'adb-server' });
    session = createSession(adb, probe.info, probe.capabilities);
    session.rooted = (await adb.root({ timeoutMs: 30_000 })).ok;
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
    const r = await runCli(['--target', device.serial, ...files.flatMap((f) => ['--scenario', f]), '--out', out], server.port);
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
