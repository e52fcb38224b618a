import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { APKS_DIR } from '../../paths';
import { InputError } from '../../errors';
import { readZipEntryBytes } from '../../formats/apk-reader';
import { verifyApkV2 } from '../../formats/apk-signature-v2';
import { ApkCache } from '../app-realiser';
import { loadRigAppFiles } from '../rig-app-files';
import { app } from './scenario-fixture';

const dir = mkdtempSync(path.join(tmpdir(), 'ims-rig-realiser-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ApkCache', () => {
  it('writes a scenario app once, signed, and keys it on everything its bytes depend on', async () => {
    const cache = new ApkCache(path.join(dir, 'a'));
    const spec = app('com.scenario.ims', { answers: { 0: ['MMTEL'] } });
    const first = await cache.apkFor(spec);
    expect(first.source).toBe('generated');
    expect(verifyApkV2(first.bytes).ok).toBe(true);
    expect((await new ApkCache(path.join(dir, 'a')).apkFor(spec)).sha256).toBe(first.sha256); // from disk
    // Another DEX, template or key is another key, even for the same manifest.
    const files = loadRigAppFiles();
    const other = new ApkCache(path.join(dir, 'a'), { ...files, dex: Buffer.concat([files.dex, Buffer.alloc(4)]), fingerprint: 'other' });
    expect(other.keyOf(spec, undefined)).not.toBe(cache.keyOf(spec, undefined));
    expect(cache.keyOf(app('com.scenario.ims', { answers: { 0: ['RCS'] } }), undefined)).not.toBe(cache.keyOf(spec, undefined));
  });

  it('takes a prebuilt APK of the app\'s package as it is', async () => {
    const r = await new ApkCache(path.join(dir, 'b')).apkFor(app('com.oem.ims', { apk: path.join(APKS_DIR, 'com.oem.ims.apk') }));
    expect(r.source).toBe('prebuilt');
  });

  it('gives a manifest-only fixture the rig\'s DEX and key, but an AOSP test app\'s stand-in only the key (its classes are AOSP\'s)', async () => {
    const cache = new ApkCache(path.join(dir, 'd'));
    const hasDex = async (bytes: Buffer): Promise<boolean> => (await readZipEntryBytes(bytes, 'classes.dex')) !== undefined;
    const fixture = await cache.apkFor(app('com.oem.ims', { apk: path.join(APKS_DIR, 'com.oem.ims.apk') }));
    expect(await hasDex(fixture.bytes)).toBe(true);
    const standIn = app('com.android.phone.testapps.imstestapp', { apk: path.join(APKS_DIR, 'com.android.phone.testapps.imstestapp.apk'), standIn: true });
    const realised = await cache.apkFor(standIn);
    expect(await hasDex(realised.bytes)).toBe(false);
    expect(verifyApkV2(realised.bytes).ok).toBe(true);
  });

  it('refuses, naming the app, a prebuilt file that is not an APK or is another package\'s', async () => {
    const notApk = path.join(dir, 'not.apk');
    writeFileSync(notApk, 'just text');
    const cache = new ApkCache(path.join(dir, 'c'));
    await expect(cache.apkFor(app('com.x.ims', { apk: notApk }))).rejects.toThrow(InputError);
    await expect(cache.apkFor(app('com.x.ims', { apk: notApk }))).rejects.toThrow(/^com\.x\.ims: .*not\.apk: not an APK/);
    await expect(cache.apkFor(app('com.x.ims', { apk: path.join(APKS_DIR, 'com.oem.ims.apk') }))).rejects.toThrow(/^com\.x\.ims: .*com\.oem\.ims\.apk is the APK of com\.oem\.ims, not of com\.x\.ims$/);
    await expect(cache.apkFor(app('com.x.ims', { apk: path.join(dir, 'missing.apk') }))).rejects.toThrow(/^com\.x\.ims: .*missing\.apk: cannot read: no such file/);
  });
});
