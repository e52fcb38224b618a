/**
 * The reference device's build: an Android 15 (SDK 35) userdebug phone that says it is the
 * ims-rig reference device (names are banner-safe: no ':', ';' or '=', see adb-protocol.md §2).
 */
import { type BuildInfo } from '../platform';
import { type DeviceProfileName } from '../device-profile';

export const BUILD_FINGERPRINT = 'ims-rig/reference_phone/reference:15/AP4A.ims-rig/0.1:userdebug/test-keys';
export const PRODUCT_NAME = 'reference_phone';
export const PRODUCT_MODEL = 'ims-rig Reference Device';
export const PRODUCT_DEVICE = 'reference';

export const BUILD_INFO: BuildInfo = { sdk: 35, type: 'userdebug', fingerprint: BUILD_FINGERPRINT };

/** `persist.radio.multisim.config` for a slot count (PhoneConfigurationManager: ssss / dsds). */
export function multisimConfig(slots: 1 | 2): string {
  return slots === 2 ? 'dsds' : 'ssss';
}

/**
 * The emulator profile's build: the names of the API 35 `google_apis` x86_64 image
 * (sdk_gphone64_x86_64 on the emu64xa board, ranchu hardware, ro.kernel.qemu=1 as goldfish's
 * init sets it), with `ims-rig` in the build id so a report never passes it off as Google's image.
 */
export const EMULATOR_FINGERPRINT = 'google/sdk_gphone64_x86_64/emu64xa:15/AE3A.ims-rig/0.1:userdebug/dev-keys';

function emulatorProperties(): Record<string, string> {
  const name = 'sdk_gphone64_x86_64';
  const description = `${name}-userdebug 15 AE3A.ims-rig 0.1 dev-keys`;
  return {
    ...Object.fromEntries(
      ['ro.build', 'ro.system.build', 'ro.vendor.build', 'ro.product.build', 'ro.system_ext.build', 'ro.bootimage.build', 'ro.odm.build'].map((p) => [`${p}.fingerprint`, EMULATOR_FINGERPRINT]),
    ),
    ...Object.fromEntries(
      ['ro.product', 'ro.product.system', 'ro.product.vendor', 'ro.product.product', 'ro.product.system_ext', 'ro.product.odm'].flatMap((p) => [
        [`${p}.name`, name],
        [`${p}.model`, name],
        [`${p}.device`, 'emu64xa'],
        [`${p}.brand`, 'google'],
        [`${p}.manufacturer`, 'Google'],
      ]),
    ),
    'ro.build.id': 'AE3A.ims-rig',
    'ro.build.display.id': description,
    'ro.build.description': description,
    'ro.build.tags': 'dev-keys',
    'ro.build.flavor': `${name}-userdebug`,
    'ro.build.product': 'emu64xa',
    'ro.build.characteristics': 'emulator',
    'ro.hardware': 'ranchu',
    'ro.boot.hardware': 'ranchu',
    'ro.kernel.qemu': '1',
    'ro.boot.qemu': '1',
    'ro.serialno': 'EMULATOR35X1X1X0',
    'ro.boot.serialno': 'EMULATOR35X1X1X0',
    'ro.telephony.sim_slots.count': '1',
    'gsm.version.baseband': '1.0.0.0',
    'gsm.version.ril-impl': 'android reference-ril 1.0',
    'ro.ims-rig.reference_profile': 'emulator',
  };
}

/** The properties init sets from build.prop and the boot (no ro.boot.qemu: not an emulator). */
export function buildProperties(slots: 1 | 2, profile: DeviceProfileName = 'default'): Record<string, string> {
  const base = defaultProperties(profile === 'emulator' ? 1 : slots);
  if (profile !== 'emulator') return { ...base, 'ro.ims-rig.reference_profile': 'default' };
  // A stock emulator has no ims-rig property that would make the rig treat it as its own device.
  const { 'ro.ims-rig.reference_device': _ownDevice, ...rest } = base;
  return { ...rest, ...emulatorProperties() };
}

function defaultProperties(slots: 1 | 2): Record<string, string> {
  const description = `${PRODUCT_NAME}-userdebug 15 AP4A.ims-rig 0.1 test-keys`;
  const fingerprints = Object.fromEntries(
    ['ro.build', 'ro.system.build', 'ro.vendor.build', 'ro.product.build', 'ro.system_ext.build', 'ro.bootimage.build', 'ro.odm.build'].map((p) => [`${p}.fingerprint`, BUILD_FINGERPRINT]),
  );
  const product = Object.fromEntries(
    ['ro.product', 'ro.product.system', 'ro.product.vendor', 'ro.product.product', 'ro.product.system_ext', 'ro.product.odm'].flatMap((p) => [
      [`${p}.name`, PRODUCT_NAME],
      [`${p}.model`, PRODUCT_MODEL],
      [`${p}.device`, PRODUCT_DEVICE],
      [`${p}.brand`, 'ims-rig'],
      [`${p}.manufacturer`, 'ims-rig'],
    ]),
  );
  return {
    ...fingerprints,
    ...product,
    'ro.build.version.sdk': '35',
    'ro.build.version.release': '15',
    'ro.build.version.release_or_codename': '15',
    'ro.build.version.release_or_preview_display': '15',
    'ro.build.version.codename': 'REL',
    'ro.build.version.all_codenames': 'REL',
    'ro.build.version.preview_sdk': '0',
    'ro.build.version.preview_sdk_fingerprint': 'REL',
    'ro.build.version.incremental': '0.1',
    'ro.build.version.security_patch': '2024-12-05',
    'ro.build.version.base_os': '',
    'ro.build.version.min_supported_target_sdk': '28',
    'ro.build.id': 'AP4A.ims-rig',
    'ro.build.display.id': description,
    'ro.build.description': description,
    'ro.build.type': 'userdebug',
    'ro.build.tags': 'test-keys',
    'ro.build.user': 'ims-rig',
    'ro.build.host': 'ims-rig',
    'ro.build.flavor': `${PRODUCT_NAME}-userdebug`,
    'ro.build.product': PRODUCT_DEVICE,
    'ro.build.characteristics': 'default',
    'ro.build.date': 'Thu Dec  5 00:00:00 UTC 2024',
    'ro.build.date.utc': '1733356800',
    'ro.product.locale': 'en-US',
    'ro.product.first_api_level': '35',
    'ro.product.cpu.abi': 'x86_64',
    'ro.product.cpu.abilist': 'x86_64,arm64-v8a',
    'ro.product.cpu.abilist64': 'x86_64,arm64-v8a',
    'ro.product.cpu.abilist32': '',
    'ro.vendor.api_level': '35',
    'ro.vndk.version': '35',
    'ro.hardware': PRODUCT_DEVICE,
    'ro.boot.hardware': PRODUCT_DEVICE,
    'ro.serialno': 'IMSRIG0001',
    'ro.boot.serialno': 'IMSRIG0001',
    'ro.debuggable': '1',
    'ro.secure': '1',
    // adbd skips AUTH on this device (adb-protocol.md §2), as with ro.adb.secure=0.
    'ro.adb.secure': '0',
    'ro.kernel.qemu': '0',
    'ro.boot.verifiedbootstate': 'orange',
    'ro.boot.flash.locked': '0',
    'ro.boot.vbmeta.device_state': 'unlocked',
    'ro.crypto.state': 'encrypted',
    'ro.crypto.type': 'file',
    'ro.control_privapp_permissions': 'enforce',
    'ro.zygote': 'zygote64',
    'ro.opengles.version': '196610',
    'ro.telephony.sim_slots.count': String(slots),
    'ro.telephony.default_network': '33,33',
    'ro.ims-rig.reference_device': '1',
    'ro.ims-rig.version': '0.1',
    'persist.radio.multisim.config': multisimConfig(slots),
    'persist.sys.timezone': 'UTC',
    'persist.sys.locale': 'en-US',
    'persist.sys.usb.config': 'adb',
    'service.adb.root': '0',
    'init.svc.adbd': 'running',
    'sys.usb.state': 'adb',
    'gsm.version.baseband': 'ims-rig-baseband-0.1',
    'gsm.version.ril-impl': 'ims-rig-ril 0.1',
  };
}
