import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { readApkManifest } from '../apk-reader';
import { buildOverlayApk, overlayPackageName } from '../overlay-apk';
import { verifyApkV2 } from '../apk-signature-v2';
import { RIG_APP_CODE } from './fixture-files';
import { buildStringResourceTable } from '../resources-arsc-writer';
import { parsePackageName } from '../../model/package-name';
import { AAPT, AAPT_AVAILABLE, AAPT_MISSING_REASON } from './aapt-tools';

const OEM = { mmtel: parsePackageName('com.oem.ims'), rcs: '' as const };

/** Runs aapt with `$APK` in `args` replaced by a file holding `apk`. */
function aapt(args: string[], apk: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ims-rig-overlay-test-'));
  try {
    const file = path.join(dir, 'o.apk');
    writeFileSync(file, apk);
    return execFileSync(AAPT, args.map((a) => (a === '$APK' ? file : a)), { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the TeleService runtime resource overlay', () => {
  it('names one package per pair of device defaults, the same pair always the same name', () => {
    expect(overlayPackageName(OEM)).toBe(overlayPackageName({ ...OEM }));
    expect(overlayPackageName(OEM)).not.toBe(overlayPackageName({ mmtel: OEM.mmtel, rcs: OEM.mmtel }));
    expect(overlayPackageName(OEM)).toMatch(/^org\.imsrig\.overlay\.t[0-9a-f]{10}$/);
  });

  it('stores resources.arsc uncompressed, with its data 4-byte aligned', () => {
    const { bytes } = buildOverlayApk(OEM);
    const at = bytes.indexOf(Buffer.from('resources.arsc'));
    const header = at - 30; // the local file header before the name
    expect(bytes.readUInt32LE(header)).toBe(0x04034b50);
    expect(bytes.readUInt16LE(header + 8)).toBe(0); // method: stored
    expect((header + 30 + bytes.readUInt16LE(header + 26) + bytes.readUInt16LE(header + 28)) % 4).toBe(0);
  });

  it('is v2-signed when a signer is given (a partition APK needs certificates too)', () => {
    const { bytes } = buildOverlayApk(OEM, RIG_APP_CODE.signer);
    expect(verifyApkV2(bytes).ok).toBe(true);
  });

  it('declares the overlay of com.android.phone and has no code', async () => {
    const { bytes, packageName } = buildOverlayApk(OEM);
    const manifest = await readApkManifest(bytes, 'overlay.apk');
    expect(manifest.package).toBe(packageName);
  });

  it('writes a resource table whose string pool and entries have the ResTable layout', () => {
    const table = buildStringResourceTable('org.imsrig.overlay.x', [['config_ims_mmtel_package', 'com.oem.ims'], ['config_ims_rcs_package', '']]);
    expect(table.readUInt16LE(0)).toBe(0x0002);
    expect(table.readUInt32LE(4)).toBe(table.length);
    expect(table.length % 4).toBe(0);
  });

  (AAPT_AVAILABLE ? it : it.skip)(`aapt reads the overlay's manifest and both string resources${AAPT_AVAILABLE ? '' : ` (${AAPT_MISSING_REASON})`}`, () => {
    const { bytes, packageName } = buildOverlayApk(OEM);
    const resources = aapt(['dump', '--values', 'resources', '$APK'], bytes);
    expect(resources).toContain(`${packageName}:string/config_ims_mmtel_package`);
    expect(resources).toContain('(string8) "com.oem.ims"');
    expect(resources).toContain(`${packageName}:string/config_ims_rcs_package`);
    expect(resources).toContain('(string8) ""');
    const tree = aapt(['dump', 'xmltree', '$APK', 'AndroidManifest.xml'], bytes);
    expect(tree).toMatch(/E: overlay[\s\S]*targetPackage\(0x01010021\)="com\.android\.phone"/);
    expect(tree).toMatch(/isStatic\(0x0101055a\)=\(type 0x12\)0x0/);
    expect(tree).toMatch(/hasCode\(0x0101000c\)=\(type 0x12\)0x0/);
  });
});
