/**
 * The reference device's factory image: the directory tree with AOSP's owners and modes
 * (system/core/libcutils/fs_config.cpp, init.rc), the stub APKs of the preinstalled apps, and the
 * permission XMLs that declare its system features (handheld_core_hardware.xml and the
 * android.hardware.telephony*.xml files AOSP copies into /vendor/etc/permissions).
 */
import { BUILTIN_APK_MARKER, BUILTIN_PACKAGES } from '../packages/builtin-packages';
import { type MemoryFs, ROOT_CREDENTIALS } from './memory-fs';
import { dirname } from './fs-path';

const AID = { root: 0, system: 1000, shell: 2000, sdcard_rw: 1015, media_rw: 1023 } as const;

interface DirSpec {
  readonly path: string;
  readonly uid: number;
  readonly gid: number;
  readonly mode: number;
}

const DIRECTORIES: readonly DirSpec[] = [
  { path: '/system', uid: AID.root, gid: AID.root, mode: 0o755 },
  { path: '/system/app', uid: AID.root, gid: AID.root, mode: 0o755 },
  { path: '/system/priv-app', uid: AID.root, gid: AID.root, mode: 0o755 },
  { path: '/system/bin', uid: AID.root, gid: 2000, mode: 0o755 },
  { path: '/system/etc', uid: AID.root, gid: AID.root, mode: 0o755 },
  { path: '/system/etc/permissions', uid: AID.root, gid: AID.root, mode: 0o755 },
  { path: '/system/etc/sysconfig', uid: AID.root, gid: AID.root, mode: 0o755 },
  { path: '/system/framework', uid: AID.root, gid: AID.root, mode: 0o755 },
  { path: '/system/overlay', uid: AID.root, gid: AID.root, mode: 0o755 },
  { path: '/product/overlay', uid: AID.root, gid: AID.root, mode: 0o755 },
  { path: '/vendor/overlay', uid: AID.root, gid: AID.root, mode: 0o755 },
  { path: '/system_ext', uid: AID.root, gid: AID.root, mode: 0o755 },
  { path: '/system_ext/priv-app', uid: AID.root, gid: AID.root, mode: 0o755 },
  { path: '/system_ext/etc/permissions', uid: AID.root, gid: AID.root, mode: 0o755 },
  { path: '/product', uid: AID.root, gid: AID.root, mode: 0o755 },
  { path: '/product/app', uid: AID.root, gid: AID.root, mode: 0o755 },
  { path: '/product/priv-app', uid: AID.root, gid: AID.root, mode: 0o755 },
  { path: '/product/etc/permissions', uid: AID.root, gid: AID.root, mode: 0o755 },
  { path: '/vendor', uid: AID.root, gid: 2000, mode: 0o755 },
  { path: '/vendor/etc/permissions', uid: AID.root, gid: AID.root, mode: 0o755 },
  { path: '/data', uid: AID.system, gid: AID.system, mode: 0o771 },
  { path: '/data/app', uid: AID.system, gid: AID.system, mode: 0o771 },
  { path: '/data/data', uid: AID.system, gid: AID.system, mode: 0o771 },
  { path: '/data/system', uid: AID.system, gid: AID.system, mode: 0o775 },
  { path: '/data/local', uid: AID.root, gid: AID.root, mode: 0o751 },
  { path: '/data/local/tmp', uid: AID.shell, gid: AID.shell, mode: 0o771 },
  { path: '/data/misc', uid: AID.system, gid: 9998, mode: 0o1771 },
  { path: '/storage', uid: AID.root, gid: AID.root, mode: 0o755 },
  { path: '/storage/emulated', uid: AID.root, gid: AID.root, mode: 0o711 },
  { path: '/storage/emulated/0', uid: AID.root, gid: AID.sdcard_rw, mode: 0o771 },
  { path: '/storage/emulated/0/Download', uid: AID.root, gid: AID.sdcard_rw, mode: 0o771 },
  { path: '/storage/self', uid: AID.root, gid: AID.root, mode: 0o755 },
  { path: '/dev', uid: AID.root, gid: AID.root, mode: 0o755 },
  { path: '/mnt', uid: AID.root, gid: AID.system, mode: 0o755 },
  { path: '/apex', uid: AID.root, gid: AID.root, mode: 0o755 },
];

/** Feature files and what they declare (frameworks/native/data/etc/*.xml). */
export const FEATURE_FILES: Readonly<Record<string, readonly string[]>> = {
  'handheld_core_hardware.xml': [
    'android.hardware.audio.output', 'android.hardware.bluetooth', 'android.hardware.camera', 'android.hardware.faketouch',
    'android.hardware.location', 'android.hardware.location.network', 'android.hardware.microphone', 'android.hardware.screen.landscape',
    'android.hardware.screen.portrait', 'android.hardware.touchscreen', 'android.hardware.wifi', 'android.software.app_widgets',
    'android.software.backup', 'android.software.device_admin', 'android.software.home_screen', 'android.software.input_methods',
    'android.software.managed_users', 'android.software.secure_lock_screen', 'android.software.verified_boot', 'android.software.webview',
  ],
  'android.hardware.telephony.gsm.xml': [
    'android.hardware.telephony', 'android.hardware.telephony.gsm', 'android.hardware.telephony.calling',
    'android.hardware.telephony.data', 'android.hardware.telephony.messaging', 'android.hardware.telephony.radio.access',
    'android.hardware.telephony.subscription',
  ],
  'android.hardware.telephony.ims.xml': ['android.hardware.telephony.ims'],
  'android.hardware.telephony.ims.singlereg.xml': ['android.hardware.telephony.ims.singlereg'],
};

/** What a feature file looks like (AOSP's <permissions><feature name/></permissions>). */
export function featureXml(features: readonly string[]): string {
  return ['<?xml version="1.0" encoding="utf-8"?>', '<permissions>', ...features.map((f) => `    <feature name="${f}" />`), '</permissions>', ''].join('\n');
}

/**
 * Writes the factory image into an empty file system. `features` switches single features on
 * (extra ones are declared in ims-rig-features.xml) or off (they are left out of their file).
 */
export function installSystemImage(fs: MemoryFs, features: Readonly<Record<string, boolean>> = {}): void {
  const root = ROOT_CREDENTIALS;
  for (const dir of DIRECTORIES) {
    fs.mkdir(dir.path, root, { parents: true, mode: dir.mode });
    fs.setOwner(dir.path, { uid: dir.uid, gid: dir.gid, mode: dir.mode });
  }
  fs.symlink('/storage/emulated/0', '/storage/self/primary', root);
  fs.symlink('/storage/self/primary', '/sdcard', root);
  fs.symlink('/system/etc', '/etc', root);
  fs.writeFile('/dev/null', Buffer.alloc(0), root, { mode: 0o666 });

  const declared = new Set<string>();
  for (const [file, list] of Object.entries(FEATURE_FILES)) {
    const kept = list.filter((f) => features[f] !== false);
    kept.forEach((f) => declared.add(f));
    if (kept.length > 0) fs.writeFile(`/vendor/etc/permissions/${file}`, Buffer.from(featureXml(kept)), root, { mode: 0o644 });
  }
  const extra = Object.entries(features).filter(([name, on]) => on && !declared.has(name)).map(([name]) => name);
  if (extra.length > 0) fs.writeFile('/vendor/etc/permissions/ims-rig-features.xml', Buffer.from(featureXml(extra)), root, { mode: 0o644 });

  for (const builtin of BUILTIN_PACKAGES) {
    fs.mkdir(dirname(builtin.path), root, { parents: true, mode: 0o755 });
    fs.writeFile(builtin.path, Buffer.from(BUILTIN_APK_MARKER + builtin.parsed.packageName + '\n'), root, { mode: 0o644 });
  }
}

/** Mount points that are read-only until `adb remount` (everything but /data, /storage, /dev, /mnt). */
export function isOnReadOnlyMount(path: string): boolean {
  const top = path.split('/')[1] ?? '';
  return !['data', 'storage', 'dev', 'mnt', 'proc', 'sys', 'cache', 'metadata'].includes(top);
}
