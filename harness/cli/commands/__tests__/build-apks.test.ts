/**
 * `ims-rig build-apks` in-process, into scratch directories (the committed apks/ and prebuilt app
 * stay untouched): the rig app rebuilt from its smali and manifest, and the fixture APKs, are
 * byte-for-byte the committed ones; `--scenario` writes a scenario's APKs.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { APKS_DIR, FIXTURES_DIR, SUITES_DIR } from '../../../paths';
import { verifyApkV2 } from '../../../formats/apk-signature-v2';
import { OBSERVER_PREBUILT_DIR, RIG_APP_PREBUILT_DIR } from '../../../targets/rig-app-files';
import { buildApksCommand } from '../build-apks';
import { AAPT, AAPT_AVAILABLE, AAPT_MISSING_REASON, FRAMEWORK_RES } from '../../../formats/__tests__/aapt-tools';
import { toolAvailable } from '../../../formats/__tests__/android-tools';

let output: string[] = [];
beforeEach(() => {
  output = [];
  jest.spyOn(console, 'log').mockImplementation((...a: unknown[]) => { output.push(a.join(' ')); });
  jest.spyOn(console, 'error').mockImplementation((...a: unknown[]) => { output.push(a.join(' ')); });
});
afterEach(() => jest.restoreAllMocks());
const scratch = (name: string): string => mkdtempSync(path.join(tmpdir(), `ims-rig-build-apks-${name}-`));

it('exits 3 with the install hint when aapt is missing', async () => {
  expect(await buildApksCommand({ aapt: '/nonexistent/aapt' })).toBe(3);
  expect(output.join('\n')).toMatch(/apt-get install aapt android-framework-res/);
});

it('--scenario writes one signed APK per app of the scenario (no Android tools needed)', async () => {
  const out = scratch('scenario');
  expect(await buildApksCommand({ scenario: path.join(SUITES_DIR, 'priority', 'doc-table-carrier-a.yaml'), out })).toBe(0);
  const files = readdirSync(out).sort();
  expect(files).toEqual(['com.carrier.a.ims.apk', 'com.carrier.b.ims.apk', 'com.oem.ims.apk']);
  for (const f of files) expect(verifyApkV2(readFileSync(path.join(out, f))).ok).toBe(true);
  expect(output.join('\n')).toMatch(/com\.oem\.ims\.apk {2}\d+ bytes {2}sha256 [0-9a-f]{16} {2}the rig's ImsService app/);
});

it('--scenario without --out is a usage error; a bad scenario file is bad input', async () => {
  expect(await buildApksCommand({ scenario: path.join(SUITES_DIR, 'priority', 'doc-table-carrier-a.yaml') })).toBe(2);
  await expect(buildApksCommand({ scenario: '/nonexistent/x.yaml', out: scratch('bad') })).rejects.toMatchObject({ exitCode: 2 });
});

const smali = toolAvailable('smali', ['--version']);
const toolsReason = !AAPT_AVAILABLE ? AAPT_MISSING_REASON : smali.ok ? '' : smali.reason;
const buildDescribe = toolsReason === '' ? describe : describe.skip;
buildDescribe(`with aapt and smali${toolsReason === '' ? '' : ` (${toolsReason})`}`, () => {
  it('rebuilds the rig app, the observer app and every fixture APK byte-for-byte as committed', async () => {
    const out = scratch('fixtures');
    const rigAppOut = scratch('rig-app');
    const observerOut = scratch('observer');
    expect(await buildApksCommand({ aapt: AAPT, frameworkRes: FRAMEWORK_RES, out, rigAppOut, observerOut })).toBe(0);
    for (const [built, committed] of [[rigAppOut, RIG_APP_PREBUILT_DIR], [observerOut, OBSERVER_PREBUILT_DIR]] as const) {
      for (const f of ['classes.dex', 'AndroidManifest.bin', 'SHA256SUMS']) {
        expect({ committed, f, same: readFileSync(path.join(built, f)).equals(readFileSync(path.join(committed, f))) }).toEqual({ committed, f, same: true });
      }
    }
    const stems = readdirSync(path.join(FIXTURES_DIR, 'manifests')).filter((f) => f.endsWith('.xml')).map((f) => f.slice(0, -4)).sort();
    expect(readdirSync(out).sort()).toEqual(stems.map((s) => `${s}.apk`));
    for (const s of stems) {
      expect({ s, same: readFileSync(path.join(out, `${s}.apk`)).equals(readFileSync(path.join(APKS_DIR, `${s}.apk`))) }).toEqual({ s, same: true });
    }
  }, 120_000);

  it('exits 3 when framework-res.apk or smali is missing', async () => {
    expect(await buildApksCommand({ aapt: AAPT, frameworkRes: '/nonexistent/framework-res.apk' })).toBe(3);
    expect(output.join('\n')).toMatch(/framework-res\.apk: no such file; install them with/);
    expect(await buildApksCommand({ aapt: AAPT, frameworkRes: FRAMEWORK_RES, smali: '/nonexistent/smali' })).toBe(3);
    expect(output.join('\n')).toMatch(/\/nonexistent\/smali: not found; install them with `apt-get install libsmali-java`/);
  });

  it('exits 2 naming a manifest aapt refuses, and still builds the others', async () => {
    const dir = scratch('bad');
    mkdirSync(path.join(dir, 'm'));
    writeFileSync(path.join(dir, 'm', 'good.xml'), readFileSync(path.join(FIXTURES_DIR, 'manifests', 'com.oem.ims.xml')));
    writeFileSync(path.join(dir, 'm', 'bad.xml'), '<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="com.x"><application android:debuggable="yes"/></manifest>');
    expect(await buildApksCommand({ aapt: AAPT, frameworkRes: FRAMEWORK_RES, manifests: path.join(dir, 'm'), out: path.join(dir, 'out'), rigAppOut: path.join(dir, 'rig'), observerOut: path.join(dir, 'observer') })).toBe(2);
    expect(output.join('\n')).toContain(`aapt refused ${path.join(dir, 'm', 'bad.xml')}`);
    expect(existsSync(path.join(dir, 'out', 'good.apk'))).toBe(true);
  }, 120_000);
});
