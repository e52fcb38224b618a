/**
 * The reference device runs the rig's code-bearing APKs by the rules their DEX follows: the control
 * broadcast from the shell reaches the app's receiver only as ActivityManager would deliver it, with
 * the DEX's outcome words; a service class the DEX does not define fails to bind (the app dies on
 * start); query-error, crash-on-bind, feature-state as RigImsService.smali does them.
 */
import { buildImsAppApk, packageApk } from '../../../harness/formats/apk-writer';
import { readZipEntryBytes } from '../../../harness/formats/apk-reader';
import { rewriteBinaryManifest } from '../../../harness/formats/binary-manifest-rewrite';
import { type ImsAppSpec, parsePackageName } from '../../../harness/model';
import { loadRigAppFiles } from '../../../harness/targets/rig-app-files';
import { type ReferenceDevice } from '../../android/reference-device';
import { deliverExplicitBroadcast } from '../../android/services/explicit-broadcast';
import { TelephonyDevice } from '../../telephony/telephony-device';
import { readResolverDump } from '../../telephony/__tests__/dumpsys-reader';
import { bootDevice, bound, dump, install, insertSim, MMTEL_KEY, OEM_ALL, RCS_KEY, settle, sh } from '../../telephony/__tests__/reference-phone';

const RIG = loadRigAppFiles();
const spec = (pkg: string, over: Partial<ImsAppSpec> = {}): ImsAppSpec => ({
  package: parsePackageName(pkg), service: `${pkg}.ImsService`, action: 'ims', permission: true, overrideBindCheck: false,
  directBootAware: true, location: 'data', metadata: [], answers: { 0: ['EMERGENCY_MMTEL', 'MMTEL', 'RCS'] }, behaviour: 'normal', installed: true, ...over,
});

let counter = 0;
async function installApk(device: ReferenceDevice, apk: Buffer): Promise<void> {
  const path = `/data/local/tmp/rig-${counter++}.apk`;
  device.platform.fs.writeFile(path, apk, 0o644, 0);
  const r = await sh(device, `pm install -r ${path}`);
  if (!r.stdout.includes('Success')) throw new Error(r.stdout + r.stderr);
}

const control = (device: ReferenceDevice, pkg: string, extra: string): Promise<string> =>
  sh(device, `am broadcast --include-stopped-packages -n ${pkg}/org.imsrig.ims.ControlReceiver -a org.imsrig.CONTROL ${extra}`).then((r) => r.stdout);
const logcat = async (device: ReferenceDevice): Promise<string> => (await sh(device, 'logcat -d')).stdout;

/** The OEM device default (manifest-only fixture, simulated) and the carrier as the rig's code, configured by a SIM. */
async function world(carrier: Partial<ImsAppSpec> = {}): Promise<ReferenceDevice> {
  const device = await bootDevice();
  await sh(device, "ims-rig-device overlay --mmtel com.oem.ims --rcs com.oem.ims");
  await install(device, 'com.oem.ims', OEM_ALL);
  await installApk(device, buildImsAppApk(spec('com.carrier.b.ims', carrier), undefined, RIG));
  const r = await insertSim(device, 0, { [MMTEL_KEY]: 'com.carrier.b.ims', [RCS_KEY]: 'com.carrier.b.ims' });
  if (r.code !== 0) throw new Error(r.stderr);
  await settle(device);
  return device;
}

describe('the control broadcast', () => {
  let device: ReferenceDevice;
  beforeAll(async () => {
    device = await world();
  });
  afterAll(() => device.dispose());

  it('features: the bound app tells the framework (updated), and the binding follows', async () => {
    expect(await bound(device)).toMatchObject({ '0,MMTEL': ['com.carrier.b.ims'], '0,RCS': ['com.carrier.b.ims'] });
    const out = await control(device, 'com.carrier.b.ims', '--es features 0=RCS');
    expect(out).toBe('Broadcasting: Intent { act=org.imsrig.CONTROL flg=0x400020 cmp=com.carrier.b.ims/org.imsrig.ims.ControlReceiver (has extras) }\nBroadcast completed: result=0, data="updated"\n');
    expect(await bound(device)).toMatchObject({ '0,MMTEL': ['com.oem.ims'], '0,RCS': ['com.carrier.b.ims'] });
    expect(await logcat(device)).toContain('I ImsRig');
  });

  it.each([
    ['--es features 0=BOGUS', 'error: unknown feature "BOGUS" (expected EMERGENCY_MMTEL, MMTEL or RCS)'],
    ['--es features "0=MMTEL;2=RCS"', 'error: bad slot entry "2=RCS" (expected <slot>=<features>, slot 0 or 1)'],
    ['--es behaviour sometimes', 'error: unknown behaviour "sometimes" (expected normal, null-binding, query-error or crash-on-bind)'],
    ['--es feature-state ready', 'error: unknown feature state "ready" (expected READY, INITIALIZING or UNAVAILABLE)'],
    ['--ez crash false', 'error: no crash, features, behaviour or feature-state extra'],
  ])('refuses %s in the DEX\'s words', async (extra, data) => {
    expect(await control(device, 'com.carrier.b.ims', extra)).toContain(`Broadcast completed: result=0, data="${data}"\n`);
  });

  it('feature-state moves the live features, and dumpsys shows it', async () => {
    expect(await control(device, 'com.carrier.b.ims', '--es feature-state UNAVAILABLE')).toContain('data="updated"');
    await settle(device);
    expect((await sh(device, 'dumpsys phone')).stdout).toMatch(/notifyFeatureStateChanged, type=RCS, state=UNAVAILABLE/);
  });

  it('crash: replies killed, then the process dies and the framework binds it again', async () => {
    expect(await control(device, 'com.carrier.b.ims', '--ez crash true')).toContain('data="killed"');
    expect(await logcat(device)).toMatch(/Process com\.carrier\.b\.ims \(pid \d+\) has died/);
    expect(await bound(device)).toMatchObject({ '0,RCS': ['com.carrier.b.ims'] });
  });

  it('a package with no such receiver: am prints no result data', async () => {
    const out = await control(device, 'com.oem.ims', '--ez crash true');
    expect(out).toMatch(/Broadcast completed: result=0\n$/);
    expect(await control(device, 'com.not.installed', '--ez crash true')).toMatch(/Broadcast completed: result=0\n$/);
  });

  it('a sender without DUMP (an app\'s uid) does not reach the receiver', () => {
    const platform = device.platform;
    const intent = { action: 'org.imsrig.CONTROL', extras: { crash: true } };
    const log: string[] = [];
    const data = deliverExplicitBroadcast(platform.pm, platform.bus, { write: (_p, _t, m) => void log.push(m) },
      { component: 'com.carrier.b.ims/org.imsrig.ims.ControlReceiver', intent, senderUid: 10123 }, 'Intent { act=org.imsrig.CONTROL }');
    expect(data).toBeNull();
    expect(log.join('\n')).toContain('requires android.permission.DUMP due to receiver com.carrier.b.ims/org.imsrig.ims.ControlReceiver');
  });

  it('behaviour is stored with the app\'s data: after a crash the app comes back with it (null binding: the device default serves)', async () => {
    // Each step settles first, as the rig does between steps.
    expect(await control(device, 'com.carrier.b.ims', '--es features 0=EMERGENCY_MMTEL,MMTEL,RCS')).toContain('data="updated"');
    await settle(device);
    expect(await control(device, 'com.carrier.b.ims', '--es behaviour null-binding')).toContain('data="stored"');
    await settle(device);
    expect(await control(device, 'com.carrier.b.ims', '--ez crash true')).toContain('data="killed"');
    expect(await bound(device)).toEqual({ '0,EMERGENCY_MMTEL': ['com.oem.ims'], '0,MMTEL': ['com.oem.ims'], '0,RCS': ['com.oem.ims'] });
  });

  it('pm clear deletes the stored behaviour at once, even when the phone process that would get the broadcast restarts before it is delivered', async () => {
    // The restore between scenarios sends `pm clear` and then restarts the phone in one breath
    // (the in-process transport leaves no macrotask between them): the data must go all the same.
    const fresh = await world();
    try {
      expect(await control(fresh, 'com.carrier.b.ims', '--es behaviour null-binding')).toContain('data="stored"');
      await settle(fresh);
      expect((await sh(fresh, 'pm clear com.carrier.b.ims; ims-rig-device phone restart')).stdout).toContain('Success');
      await settle(fresh);
      expect(await bound(fresh)).toMatchObject({ '0,MMTEL': ['com.carrier.b.ims'], '0,RCS': ['com.carrier.b.ims'] });
    } finally {
      fresh.dispose();
    }
  });
});

describe('code the APK does not have', () => {
  it('a service class its classes.dex does not define never binds: the app dies on start with ClassNotFoundException', async () => {
    const device = await bootDevice();
    try {
      const apk = buildImsAppApk(spec('com.carrier.b.ims'), undefined, RIG);
      const manifest = await readZipEntryBytes(apk, 'AndroidManifest.xml');
      if (manifest === undefined) throw new Error('no manifest');
      const renamed = rewriteBinaryManifest(manifest, { components: { 'org.imsrig.ims.RigImsService': 'org.imsrig.ims.NotInTheDex' } }).xml;
      await installApk(device, packageApk({ manifest: renamed, dex: RIG.dex, signer: RIG.signer }));
      await sh(device, 'ims-rig-device overlay --mmtel com.carrier.b.ims --rcs com.carrier.b.ims');
      await settle(device);
      expect(await bound(device)).toEqual({});
      expect(await logcat(device)).toContain('java.lang.RuntimeException: Unable to instantiate service org.imsrig.ims.NotInTheDex: java.lang.ClassNotFoundException: Didn\'t find class "org.imsrig.ims.NotInTheDex"');
    } finally {
      device.dispose();
    }
  });

  it('a manifest-only APK is simulated by default, and fails like a device when simulation is off (the emulator profile)', async () => {
    const device = await bootDevice();
    try {
      await install(device, 'com.oem.ims', OEM_ALL);
      await sh(device, 'ims-rig-device overlay --mmtel com.oem.ims --rcs com.oem.ims');
      expect(await bound(device)).toMatchObject({ '0,MMTEL': ['com.oem.ims'] });
      const apps = TelephonyDevice.existing(device.platform)?.apps;
      if (apps === undefined) throw new Error('no telephony');
      apps.simulateCodeless = false;
      await sh(device, 'ims-rig-device phone restart');
      // It never settles now (the bind is retried for ever): poll until the restarted phone has
      // tried. Its features come from meta-data, so the controller keeps them (as for any crash
      // loop, waiver aosp-crash-looping-service-keeps-features), but it is never bound.
      for (let i = 0; i < 200 && !(await logcat(device)).includes('Unable to instantiate service com.oem.ims.ImsService: java.lang.ClassNotFoundException'); i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(await logcat(device)).toContain('Unable to instantiate service com.oem.ims.ImsService: java.lang.ClassNotFoundException');
      const controller = readResolverDump((await sh(device, 'dumpsys phone')).stdout).controllers.find((c) => c.packageName === 'com.oem.ims');
      expect(controller?.isBound).toBe(false);
    } finally {
      device.dispose();
    }
  });
});

describe('behaviours as the DEX does them', () => {
  it('query-error: the app dies inside the query, the framework sees the call fail and retries', async () => {
    const device = await world({ behaviour: 'query-error' });
    try {
      const d = await dump(device);
      expect(d.eventLog.some((l) => l.startsWith('onError - dynamic query error for ComponentInfo{com.carrier.b.ims/org.imsrig.ims.RigImsService}'))).toBe(true);
      const log = await logcat(device);
      expect(log).toContain('queryImsFeatures - error: DeadObjectException');
      expect(log).toContain('querySupportedImsFeatures: ims-rig.behaviour=query-error, killing own process');
    } finally {
      device.dispose();
    }
  });

  it('feature-state from the manifest: the features never reach READY', async () => {
    const device = await world({ featureState: 'UNAVAILABLE' });
    try {
      expect(await bound(device)).toMatchObject({ '0,MMTEL': ['com.carrier.b.ims'] });
      const text = (await sh(device, 'dumpsys phone')).stdout;
      // The carrier's connection (subId 1) comes UNAVAILABLE and is never told otherwise.
      const after = text.slice(text.indexOf('addConnection, subId=1, type=MMTEL'));
      expect(after).toMatch(/addConnection, subId=1, type=MMTEL, .*state=UNAVAILABLE/);
      expect(after).toMatch(/notifyFeatureStateChanged, type=MMTEL, state=UNAVAILABLE/);
      expect(after).not.toMatch(/state=READY/);
    } finally {
      device.dispose();
    }
  });
});
