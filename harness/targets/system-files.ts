/**
 * The /system directories the rig writes when it installs privileged apps (root + remount), and
 * reading their listings back. `ls -1 <dir>` prints one entry per line; a missing directory prints
 * `ls: <dir>: No such file or directory` on stderr (toybox) and nothing on stdout.
 */
import { devicePath, shellCommand, type ShellCommand } from '../adb';

export const PRIV_APP_DIR = '/system/priv-app';
export const SYSTEM_APP_DIR = '/system/app';
export const PERMISSIONS_DIR = '/system/etc/permissions';
/** Where preinstalled runtime resource overlays of the product partition live (scanned at boot). */
export const PRODUCT_OVERLAY_DIR = '/product/overlay';
export const SYSTEM_DIRS = [PRIV_APP_DIR, SYSTEM_APP_DIR, PERMISSIONS_DIR, PRODUCT_OVERLAY_DIR] as const;
/** The system features the rig declares (AOSP's `<permissions><feature name/>` format). */
export const RIG_FEATURES_PATH = `${PERMISSIONS_DIR}/ims-rig-features.xml`;

/** `ls -1 <dir>` */
export function listDirCommand(dir: string): ShellCommand {
  return shellCommand('ls', '-1', devicePath(dir));
}

/** `rm -rf <path>…` in one round trip (paths under DEVICE_PATH_ROOTS only: the builder refuses anything else). */
export function removePathsCommand(paths: readonly string[]): ShellCommand {
  return shellCommand('rm', '-rf', ...paths.map((p) => devicePath(p)));
}

/** Entry names of an `ls -1` listing. */
export function parseDirListing(stdout: string): string[] {
  return stdout.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('ls:') && !l.endsWith(':'));
}

/** Where a privileged (or system) app's APK goes: `/system/priv-app/<pkg>/<pkg>.apk`. */
export function systemApkPath(pkg: string, location: 'priv-app' | 'system'): { dir: string; apk: string } {
  const dir = `${location === 'priv-app' ? PRIV_APP_DIR : SYSTEM_APP_DIR}/${pkg}`;
  return { dir, apk: `${dir}/${pkg}.apk` };
}

/** Where the rig stages the TeleService overlay package `pkg`: `/product/overlay/<pkg>/<pkg>.apk`. */
export function productOverlayPath(pkg: string): { dir: string; apk: string } {
  const dir = `${PRODUCT_OVERLAY_DIR}/${pkg}`;
  return { dir, apk: `${dir}/${pkg}.apk` };
}

/** `<permissions><feature name="…"/>…</permissions>` (frameworks/native/data/etc/*.xml shape). */
export function featuresXml(features: readonly string[]): string {
  const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return ["<?xml version='1.0' encoding='utf-8'?>", '<!-- Declared by ims-rig for the run; removed when the run ends. -->', '<permissions>',
    ...features.map((f) => `    <feature name="${escape(f)}"/>`), '</permissions>', ''].join('\n');
}

/** The privapp-permissions allowlist the rig writes for a privileged app (AOSP's format). */
export function privappPermissionsPath(pkg: string): string {
  return `${PERMISSIONS_DIR}/privapp-permissions-ims-rig-${pkg}.xml`;
}

/**
 * `<permissions><privapp-permissions package="…"><permission name="…"/></privapp-permissions></permissions>`
 * (frameworks/base data/etc/privapp-permissions-platform.xml shape). A priv-app's privileged
 * permissions are granted only when listed here on enforcing builds, as TestRcsApp's Android.bp
 * ships privapp-permissions-com.google.android.sample.rcsclient.xml (aosp-imsresolver.md §5.2).
 */
export function privappPermissionsXml(pkg: string, permissions: readonly string[]): string {
  const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return [
    "<?xml version='1.0' encoding='utf-8'?>",
    '<permissions>',
    `    <privapp-permissions package="${escape(pkg)}">`,
    ...permissions.map((p) => `        <permission name="${escape(p)}"/>`),
    '    </privapp-permissions>',
    '</permissions>',
    '',
  ].join('\n');
}
