/**
 * The rig's device-default overlay as a runtime resource overlay (RRO) for TeleService: an APK
 * with no code whose manifest declares `<overlay android:targetPackage="com.android.phone">` and
 * whose resources.arsc holds `string/config_ims_mmtel_package` and `string/config_ims_rcs_package`
 * (aosp-imsresolver.md §0, §1.2: PhoneGlobals reads these two strings into ImsResolver).
 *
 * TeleService declares no <overlayable> (packages/services/Telephony has no overlayable.xml at
 * android-15.0.0_r17/_r23), so idmap2 lets an overlay change its resources only when the overlay
 * is preinstalled on a partition, signed like the target, or signed like the
 * <overlay-config-signature> package (frameworks/base cmds/idmap2/libidmap2/ResourceMapping.cpp
 * CheckOverlayable; IdmapManager.enforceOverlayable enforces this for every overlay targeting
 * SDK 29+). A test-key overlay installed under /data is therefore refused: the rig stages this APK
 * under /product/overlay (root + remount + reboot) and switches it with `cmd overlay enable`.
 * Preinstalled overlays that are not static start disabled and mutable
 * (OverlayConfigParser DEFAULT_ENABLED_STATE = false, DEFAULT_MUTABILITY = true).
 *
 * resources.arsc is stored uncompressed and 4-byte aligned (writeAlignedZip), as Android R+
 * requires of resource tables; a partition APK must be signed too (any key: the boot scan collects
 * its certificates), so the rig signs it with its test key (APK Signature Scheme v2).
 */
import { createHash } from 'node:crypto';
import { type DeviceOverlay, OVERLAY_MMTEL_KEY, OVERLAY_RCS_KEY } from '../model/device-overlay';
import { writeAlignedZip } from './aligned-zip';
import { signApkV2, type ApkSigner } from './apk-signature-v2';
import { APK_MANIFEST_ENTRY } from './apk-reader';
import { encodeManifestXml } from './apk-writer';
import { buildStringResourceTable } from './resources-arsc-writer';
import { escapeXmlAttribute } from './xml-escape';

export const TELESERVICE_PACKAGE = 'com.android.phone';
export const OVERLAY_PACKAGE_PREFIX = 'org.imsrig.overlay.';

/** The overlay package for one pair of device defaults (stable: the same pair, the same name). */
export function overlayPackageName(overlay: DeviceOverlay): string {
  const digest = createHash('sha256').update(`${overlay.mmtel}\n${overlay.rcs}`).digest('hex').slice(0, 10);
  return `${OVERLAY_PACKAGE_PREFIX}t${digest}`;
}

export function overlayManifestXml(packageName: string): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="${escapeXmlAttribute(packageName, "overlay package")}" android:versionCode="1" android:versionName="1">`,
    '    <uses-sdk android:minSdkVersion="30" android:targetSdkVersion="35"/>',
    `    <overlay android:targetPackage="${TELESERVICE_PACKAGE}" android:isStatic="false"/>`,
    '    <application android:hasCode="false"/>',
    '</manifest>',
    '',
  ].join('\n');
}

/** The overlay's APK: the binary manifest and resources.arsc (stored, aligned), v2-signed when a signer is given. */
export function buildOverlayApk(overlay: DeviceOverlay, signer?: ApkSigner): { readonly packageName: string; readonly bytes: Buffer } {
  const packageName = overlayPackageName(overlay);
  const table = buildStringResourceTable(packageName, [[OVERLAY_MMTEL_KEY, overlay.mmtel], [OVERLAY_RCS_KEY, overlay.rcs]]);
  const manifest = encodeManifestXml(overlayManifestXml(packageName), `${packageName} (generated AndroidManifest.xml)`);
  const zip = writeAlignedZip([{ name: APK_MANIFEST_ENTRY, data: manifest }, { name: 'resources.arsc', data: table }]);
  return { packageName, bytes: signer === undefined ? zip : signApkV2(zip, signer) };
}
