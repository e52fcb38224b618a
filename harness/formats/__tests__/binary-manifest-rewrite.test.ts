import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { readApkManifest, readZipEntryBytes } from '../apk-reader';
import { encodeManifestXml, packageApk } from '../apk-writer';
import { rewriteBinaryManifest } from '../binary-manifest-rewrite';
import { readStringPool } from '../res-string-pool';
import { AAPT, AAPT_AVAILABLE, AAPT_MISSING_REASON, FRAMEWORK_RES, xmltree } from './aapt-tools';
import { RIG_APP_CODE } from './fixture-files';

const TEMPLATE = RIG_APP_CODE.template;
const EDITS = { package: 'com.scenario.seven', metaData: { 'ims-rig.answers': '1=MMTEL,EMERGENCY_MMTEL;0=RCS', 'ims-rig.feature-state': 'UNAVAILABLE' } };

const metaOf = async (xml: Buffer): Promise<Record<string, unknown>> => {
  const m = await readApkManifest(packageApk({ manifest: xml }), 'rewritten');
  return Object.fromEntries((m.components[0]?.metaData ?? []).map((e) => [e.name, e.value]));
};

describe('rewriteBinaryManifest on the rig app\'s aapt-compiled template', () => {
  const { xml, changed } = rewriteBinaryManifest(TEMPLATE, EDITS);

  it('changes the package and the meta-data values, nothing else', async () => {
    expect(changed).toEqual([
      'manifest@package: "org.imsrig.ims" -> "com.scenario.seven"',
      'meta-data@value: "0=EMERGENCY_MMTEL,MMTEL,RCS;1=EMERGENCY_MMTEL,MMTEL,RCS" -> "1=MMTEL,EMERGENCY_MMTEL;0=RCS"',
      'meta-data@value: "READY" -> "UNAVAILABLE"',
    ]);
    const m = await readApkManifest(packageApk({ manifest: xml }), 'rewritten');
    const before = await readApkManifest(packageApk({ manifest: TEMPLATE }), 'template');
    expect(m.package).toBe('com.scenario.seven');
    // Fully qualified components keep naming the DEX's classes under the new package.
    expect(m.components.map((c) => c.qualifiedName)).toEqual(before.components.map((c) => c.qualifiedName));
    expect(await metaOf(xml)).toEqual({
      'ims-rig.answers': { type: 'string', value: '1=MMTEL,EMERGENCY_MMTEL;0=RCS' },
      'ims-rig.behaviour': { type: 'string', value: 'normal' },
      'ims-rig.feature-state': { type: 'string', value: 'UNAVAILABLE' },
    });
  });

  it('appends to the string pool: every old index still means the same string', () => {
    const old = readStringPool(TEMPLATE, 8).strings;
    const now = readStringPool(xml, 8).strings;
    expect(now.slice(0, old.length)).toEqual(old);
    expect(now.slice(old.length)).toEqual(['com.scenario.seven', '1=MMTEL,EMERGENCY_MMTEL;0=RCS', 'UNAVAILABLE']);
    expect(xml.readUInt32LE(4)).toBe(xml.length);
  });

  it('renames component classes', () => {
    const r = rewriteBinaryManifest(TEMPLATE, { components: { 'org.imsrig.ims.RigImsService': 'org.imsrig.ims.SecondRigImsService' } });
    expect(r.changed).toEqual(['service@name: "org.imsrig.ims.RigImsService" -> "org.imsrig.ims.SecondRigImsService"']);
  });

  it('refuses an edit with no target (a template without that meta-data), and what is not binary XML', () => {
    expect(() => rewriteBinaryManifest(TEMPLATE, { metaData: { 'ims-rig.nope': 'x' } })).toThrow(/nothing to rewrite for meta-data:ims-rig.nope/);
    expect(() => rewriteBinaryManifest(Buffer.from('<manifest/>'), {})).toThrow(/not a binary XML document/);
  });
});

describe('rewriteBinaryManifest on a manifest with relative class names', () => {
  const SMALL = encodeManifestXml(`<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="com.before">
  <application><service android:name=".Relative"/><receiver android:name="Bare"/><service android:name="org.x.Full"/></application>
</manifest>`);

  it('qualifies them against the old package when the package changes, as aapt --rename-manifest-package does', () => {
    const r = rewriteBinaryManifest(SMALL, { package: 'com.after' });
    expect(r.changed).toEqual([
      'manifest@package: "com.before" -> "com.after"',
      'service@name: ".Relative" -> "com.before.Relative"',
      'receiver@name: "Bare" -> "com.before.Bare"',
    ]);
  });

  it('is byte-for-byte what it was when this test was written (golden)', () => {
    const r = rewriteBinaryManifest(SMALL, { package: 'com.after', components: { 'org.x.Full': 'org.y.Other' } });
    expect(createHash('sha256').update(r.xml).digest('hex')).toBe('2ac82a6b3babcf0530352eaface7cde6e092d7cf05e67fe5828ff834fe05c99c');
  });
});

(AAPT_AVAILABLE ? describe : describe.skip)(`the rewrite reads as aapt's own rename${AAPT_AVAILABLE ? '' : ` (${AAPT_MISSING_REASON})`}`, () => {
  it('xmltree equals `aapt package --rename-manifest-package` of the source manifest', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ims-rig-rename-'));
    try {
      mkdirSync(path.join(dir, 'm'));
      const source = path.join(__dirname, '..', '..', '..', 'android-apps', 'ims-service', 'AndroidManifest.xml');
      const out = path.join(dir, 'renamed.apk');
      execFileSync(AAPT, ['package', '-f', '--rename-manifest-package', 'com.scenario.seven', '-M', source, '-I', FRAMEWORK_RES, '-F', out]);
      const ours = packageApk({ manifest: rewriteBinaryManifest(TEMPLATE, { package: 'com.scenario.seven' }).xml });
      expect(xmltree(ours)).toEqual(xmltree(out));
      expect(await readZipEntryBytes(readFileSync(out), 'AndroidManifest.xml')).toBeDefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
