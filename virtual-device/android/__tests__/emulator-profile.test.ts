/**
 * The reference device as a stock API 35 google_apis userdebug emulator (--profile emulator):
 * only what such an image offers — no ims-rig-device, one test SIM, no
 * android.hardware.telephony.ims until it is declared (then ImsResolver only after a boot), the
 * SIM switched with cmd phone disable/enable-physical-subscription, TeleService's device defaults
 * from a runtime resource overlay under /product/overlay, read by the next phone process.
 */
import { buildApk, encodeManifestXml, packageApk } from '../../../harness/formats/apk-writer';
import { buildOverlayApk } from '../../../harness/formats/overlay-apk';
import { parsePackageName } from '../../../harness/model';
import { loadTestKey } from '../../../harness/targets/rig-app-files';
import { createReferenceDevice, type ReferenceDevice } from '../reference-device';
import { sh } from '../../telephony/__tests__/reference-phone';

jest.setTimeout(30_000);

let device: ReferenceDevice;
afterEach(() => device?.dispose());

async function emulator(): Promise<ReferenceDevice> {
  const d = createReferenceDevice({ profile: 'emulator', timeScale: 0.001 });
  await d.whenBootCompleted();
  return d;
}

/** Lets the device's (scaled) timers run: a few real ms are seconds of device time. */
const pause = (ms = 50): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function asRoot(d: ReferenceDevice, line: string): Promise<{ stdout: string; stderr: string; code: number }> {
  d.root();
  return sh(d, line);
}

async function rebootAndWait(d: ReferenceDevice): Promise<void> {
  d.reboot('');
  await d.whenBootCompleted();
  await pause();
}

describe('the emulator profile', () => {
  it('is a stock emulator: no ims-rig-device, qemu props, one SIM, no IMS feature and so no ImsResolver', async () => {
    device = await emulator();
    expect((await sh(device, 'ims-rig-device help')).code).toBe(127);
    expect((await sh(device, 'getprop ro.kernel.qemu')).stdout.trim()).toBe('1');
    expect((await sh(device, 'getprop ro.ims-rig.reference_device')).stdout.trim()).toBe('');
    expect((await sh(device, 'pm list features')).stdout).not.toContain('feature:android.hardware.telephony.ims\n');
    await pause();
    expect((await sh(device, 'dumpsys isub')).stdout).toContain('Logical SIM slot 0: subId=1');
    expect((await sh(device, 'logcat -d')).stdout).toContain('IMS is not supported on this device, skipping ImsResolver.');
    expect((await sh(device, 'cat /proc/uptime')).stdout).toMatch(/^\d+\.\d{2} \d+\.\d{2}\n$/);
  });

  it('declaring android.hardware.telephony.ims (root, remount, a permissions XML) gives an ImsResolver after the next boot', async () => {
    device = await emulator();
    device.root();
    expect(device.remount().ok).toBe(true);
    await sh(device, 'echo \'<permissions><feature name="android.hardware.telephony.ims"/></permissions>\' > /system/etc/permissions/ims-rig-features.xml');
    expect((await sh(device, 'dumpsys phone')).stdout).not.toContain('Configurations:');
    await rebootAndWait(device);
    expect((await sh(device, 'pm list features')).stdout).toContain('feature:android.hardware.telephony.ims\n');
    expect((await sh(device, 'dumpsys phone')).stdout).toContain('Configurations:');
  });

  it('switches its SIM off and on: root only, NOT_READY without a subscription while off, and back', async () => {
    device = await emulator();
    await pause();
    expect((await sh(device, 'cmd phone disable-physical-subscription 1')).stderr).toBe('cc: Permission denied.\n');
    const off = await asRoot(device, 'cmd phone disable-physical-subscription 1');
    expect(off.code).toBe(0);
    await pause();
    const isub = (await sh(device, 'dumpsys isub')).stdout;
    expect(isub).not.toContain('Logical SIM slot 0:');
    expect(isub).toContain('mSimState[0]=NOT_READY');
    expect(isub).toMatch(/id=1 .*simSlotIndex=-1 .*areUiccApplicationsEnabled=0/);
    expect((await sh(device, 'cmd phone cc get-value -s 0 carrier_name_string')).stderr).toContain('No valid subscription found');
    // It stays off across a reboot (the subscription database keeps uicc_applications_enabled).
    await rebootAndWait(device);
    expect((await sh(device, 'dumpsys isub')).stdout).toContain('mSimState[0]=NOT_READY');
    await asRoot(device, 'cmd phone enable-physical-subscription 1');
    await pause(100);
    expect((await sh(device, 'dumpsys isub')).stdout).toContain('Logical SIM slot 0: subId=1');
    const bad = await asRoot(device, 'cmd phone enable-physical-subscription 9');
    expect(bad.stderr).toContain("java.lang.IllegalArgumentException: setUiccApplicationsEnabled: Subscription doesn't exist. subId=9");
    expect((await asRoot(device, 'cmd phone disable-physical-subscription x')).stderr).toBe('disable-physical-subscription requires an integer as a subId.\n');
  });

  it('a TeleService RRO under /product/overlay: disabled after the boot scan, enabled by cmd overlay, read by the next phone process', async () => {
    device = await emulator();
    device.root();
    device.remount();
    await sh(device, 'echo \'<permissions><feature name="android.hardware.telephony.ims"/></permissions>\' > /system/etc/permissions/ims-rig-features.xml');
    const { packageName, bytes } = buildOverlayApk({ mmtel: parsePackageName('com.oem.ims'), rcs: '' }, loadTestKey());
    device.platform.fs.writeFile(`/product/overlay/${packageName}/${packageName}.apk`, bytes, 0o644, 0);
    await rebootAndWait(device);
    expect((await sh(device, 'cmd overlay list com.android.phone')).stdout).toBe(`com.android.phone\n[ ] ${packageName}\n`);
    expect((await sh(device, `cmd overlay enable --user 0 ${packageName}`)).code).toBe(0);
    expect((await sh(device, 'cmd overlay list com.android.phone')).stdout).toBe(`com.android.phone\n[x] ${packageName}\n`);
    expect((await sh(device, 'cmd overlay lookup com.android.phone com.android.phone:string/config_ims_mmtel_package')).stdout).toBe('com.oem.ims\n');
    // ImsResolver read the strings when the phone process started: nothing changes until it restarts.
    expect((await sh(device, 'cmd phone ims get-ims-service -s 0 -d -f 1')).stdout).toBe('\n');
    device.root();
    const pid = (await sh(device, 'pidof com.android.phone')).stdout.trim();
    expect((await sh(device, `kill ${pid}`)).code).toBe(0);
    await pause();
    expect((await sh(device, 'cmd phone ims get-ims-service -s 0 -d -f 1')).stdout).toBe('com.oem.ims\n');
    expect((await sh(device, 'cmd overlay enable unknown.overlay')).stderr).toContain('java.lang.SecurityException: commit failed: failed to update settings');
  });

  it('an RRO installed under /data with a test key may not overlay TeleService (no <overlayable>): idmap2 refuses it', async () => {
    device = await emulator();
    const { packageName, bytes } = buildOverlayApk({ mmtel: parsePackageName('com.oem.ims'), rcs: '' }, loadTestKey());
    device.platform.fs.writeFile('/data/local/tmp/o.apk', bytes, 0o644, 0);
    expect((await sh(device, 'pm install /data/local/tmp/o.apk')).stdout).toContain('Success');
    await sh(device, `cmd overlay enable ${packageName}`);
    expect((await sh(device, 'cmd overlay lookup com.android.phone com.android.phone:string/config_ims_mmtel_package')).stdout).toBe('\n');
    expect((await sh(device, 'logcat -d')).stdout).toContain('overlay must be preinstalled, signed with the same signature as the target');
  });

  it('refuses what a device refuses: an unsigned APK, and one that declares code it does not have', async () => {
    device = await emulator();
    const manifest = '<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="com.example.app" android:versionCode="1"><uses-sdk android:minSdkVersion="30" android:targetSdkVersion="35"/><application/></manifest>';
    device.platform.fs.writeFile('/data/local/tmp/unsigned.apk', buildApk(manifest), 0o644, 0);
    expect((await sh(device, 'pm install /data/local/tmp/unsigned.apk')).stdout).toMatch(/^Failure \[INSTALL_PARSE_FAILED_NO_CERTIFICATES: Failed collecting certificates for /);
    device.platform.fs.writeFile('/data/local/tmp/codeless.apk', packageApk({ manifest: encodeManifestXml(manifest), signer: loadTestKey() }), 0o644, 0);
    expect((await sh(device, 'pm install /data/local/tmp/codeless.apk')).stdout).toMatch(/^Failure \[INSTALL_FAILED_INVALID_APK: Package \/data\/app\/vmdl\d+\.tmp\/base\.apk code is missing\]/);
  });
});
