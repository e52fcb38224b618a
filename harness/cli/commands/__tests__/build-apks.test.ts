/** `ims-rig build-apks` in-process, into a scratch directory (the committed apks/ stay untouched). */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { FIXTURES_DIR } from '../../../paths';
import { buildApksCommand } from '../build-apks';
import { AAPT, AAPT_AVAILABLE, AAPT_MISSING_REASON, FRAMEWORK_RES, xmltree } from '../../../formats/__tests__/aapt-tools';

let output: string[] = [];
beforeEach(() => {
  output = [];
  jest.spyOn(console, 'log').mockImplementation((...a: unknown[]) => { output.push(a.join(' ')); });
  jest.spyOn(console, 'error').mockImplementation((...a: unknown[]) => { output.push(a.join(' ')); });
});
afterEach(() => jest.restoreAllMocks());

it('exits 3 with the install hint when aapt is missing', async () => {
  expect(await buildApksCommand({ aapt: '/nonexistent/aapt' })).toBe(3);
  expect(output.join('\n')).toMatch(/apt-get install aapt android-framework-res/);
});

const aaptDescribe = AAPT_AVAILABLE ? describe : describe.skip;
aaptDescribe(`with aapt${AAPT_AVAILABLE ? '' : ` (${AAPT_MISSING_REASON})`}`, () => {
  it('builds one APK per fixture manifest, equal to the committed ones', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'ims-rig-build-apks-'));
    expect(await buildApksCommand({ aapt: AAPT, frameworkRes: FRAMEWORK_RES, out })).toBe(0);
    const stems = readdirSync(path.join(FIXTURES_DIR, 'manifests')).filter((f) => f.endsWith('.xml')).map((f) => f.slice(0, -4)).sort();
    expect(readdirSync(out).sort()).toEqual(stems.map((s) => `${s}.apk`));
    for (const s of stems) expect(xmltree(path.join(out, `${s}.apk`))).toEqual(xmltree(path.join(FIXTURES_DIR, '..', 'apks', `${s}.apk`)));
  });

  it('exits 3 when framework-res.apk is missing', async () => {
    expect(await buildApksCommand({ aapt: AAPT, frameworkRes: '/nonexistent/framework-res.apk' })).toBe(3);
    expect(output.join('\n')).toMatch(/framework-res\.apk: no such file; install them with/);
  });

  it('exits 2 naming a manifest aapt refuses, and still builds the others', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ims-rig-build-apks-bad-'));
    mkdirSync(path.join(dir, 'm'));
    writeFileSync(path.join(dir, 'm', 'good.xml'), readFileSync(path.join(FIXTURES_DIR, 'manifests', 'com.oem.ims.xml')));
    writeFileSync(path.join(dir, 'm', 'bad.xml'), '<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="com.x"><application android:debuggable="yes"/></manifest>');
    expect(await buildApksCommand({ aapt: AAPT, frameworkRes: FRAMEWORK_RES, manifests: path.join(dir, 'm'), out: path.join(dir, 'out') })).toBe(2);
    expect(output.join('\n')).toContain(`aapt refused ${path.join(dir, 'm', 'bad.xml')}`);
    expect(existsSync(path.join(dir, 'out', 'good.apk'))).toBe(true);
  });
});
