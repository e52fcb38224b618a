import * as yauzl from 'yauzl';
import { type ManifestInfo, parseManifestXml } from '../android-manifest';
import { renderManifestXml } from '../android-manifest-render';
import { readApkManifest } from '../apk-reader';
import { buildApk, buildImsAppApk, encodeManifestXml } from '../apk-writer';
import { type ImsAppSpec } from '../../model/ims-app';
import { parsePackageName } from '../../model/package-name';
import { AAPT_AVAILABLE, AAPT_MISSING_REASON, aaptBuild, xmltree } from './aapt-tools';
import {
  FIXTURE_STEMS, fixtureApkPath, fixtureManifestText, REAL_WITHOUT_RESOURCES, realManifestText, RIG_APP_CODE,
} from './fixture-files';

// adbkit-apkreader has no type declarations; this is the part of its API the test uses.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ApkReader = require('@devicefarmer/adbkit-apkreader') as {
  open(apk: string | Buffer): Promise<{ readManifest(): Promise<Record<string, unknown>> }>;
};

const spec = (over: Partial<ImsAppSpec> = {}): ImsAppSpec => ({
  package: parsePackageName('com.scenario.ims'), service: 'com.scenario.ims.ImsService', action: 'ims', permission: true,
  overrideBindCheck: false, directBootAware: true, location: 'priv-app', metadata: ['MMTEL', 'RCS'],
  answers: { 0: ['EMERGENCY_MMTEL', 'MMTEL', 'RCS'] }, behaviour: 'normal', installed: true, ...over,
});

/** Rendered manifests that exercise every branch of renderManifestXml. */
const RENDERED: ReadonlyArray<[string, string]> = [
  ['default', renderManifestXml(spec())],
  ['compat, no permission, override, data app, crash-on-bind', renderManifestXml(spec({ action: 'compat', permission: false, overrideBindCheck: true, location: 'data', behaviour: 'crash-on-bind', metadata: [], answers: {} }))],
  ['rcs client extras', renderManifestXml(spec({ directBootAware: false }), {
    package: parsePackageName('com.scenario.ims'), smsRoleComponents: true,
    permissions: ['android.permission.PERFORM_IMS_SINGLE_REGISTRATION', 'android.permission.READ_CONTACTS'],
  })],
];

const withoutOrigin = (m: ManifestInfo): Omit<ManifestInfo, 'file' | 'source'> => {
  const { file: _file, source: _source, ...rest } = m;
  return rest;
};

function zipEntryNames(apk: Buffer): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(apk, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      const names: string[] = [];
      zip.on('entry', (e: yauzl.Entry) => { names.push(e.fileName); zip.readEntry(); });
      zip.on('end', () => resolve(names));
      zip.readEntry();
    });
  });
}

describe('buildApk', () => {
  it('writes a zip holding only AndroidManifest.xml, the same bytes every time', async () => {
    const text = fixtureManifestText('com.oem.ims');
    const a = buildApk(text);
    expect(await zipEntryNames(a)).toEqual(['AndroidManifest.xml']);
    expect((buildApk(text)).equals(a)).toBe(true);
  });

  it.each(FIXTURE_STEMS)('%s: reads back as the text manifest reads', async (stem) => {
    const text = fixtureManifestText(stem);
    expect(withoutOrigin(await readApkManifest(buildApk(text)))).toEqual(withoutOrigin(parseManifestXml(text, 'x')));
  });

  it.each(RENDERED)('rendered (%s): reads back as the text reads', async (_name, text) => {
    expect(withoutOrigin(await readApkManifest(buildApk(text)))).toEqual(withoutOrigin(parseManifestXml(text, 'x')));
  });

  it('buildImsAppApk renders and encodes a scenario app', async () => {
    const m = await readApkManifest(buildImsAppApk(spec({ behaviour: 'null-binding' }), undefined, RIG_APP_CODE));
    expect(m.package).toBe('com.scenario.ims');
    const meta = Object.fromEntries(m.components[0]?.metaData.map((e) => [e.name, e.value]) ?? []);
    expect(meta).toEqual({
      'android.telephony.ims.MMTEL_FEATURE': { type: 'boolean', value: true },
      'android.telephony.ims.RCS_FEATURE': { type: 'boolean', value: true },
      'ims-rig.answers': { type: 'string', value: '0=EMERGENCY_MMTEL,MMTEL,RCS' },
      'ims-rig.behaviour': { type: 'string', value: 'null-binding' },
    });
  });
});

describe('encodeManifestXml refuses what only aapt can compile, naming the file and line', () => {
  const manifest = (body: string): string =>
    `<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="com.x">\n<application ${body}/>\n</manifest>`;
  it.each([
    ['a resource reference', 'android:icon="@mipmap/ic_launcher"', /m\.xml:2: <application> android:icon: resource references \(@mipmap\/ic_launcher\) need aapt/],
    ['an attribute it has no id for', 'android:hardwareAccelerated="true"', /m\.xml:2: .*android:hardwareAccelerated: ims-rig's APK writer does not know/],
    ['a value aapt refuses', 'android:debuggable="yes"', /m\.xml:2: .*android:debuggable expects "true" or "false"/],
  ])('%s', (_what, attrs, message) => {
    expect(() => encodeManifestXml(manifest(attrs), 'm.xml')).toThrow(message);
  });
  it('malformed XML', () => {
    expect(() => encodeManifestXml('<manifest package="x">', 'm.xml')).toThrow(/^m\.xml:1:\d+: malformed XML/);
  });
});

describe('@devicefarmer/adbkit-apkreader (an independent AXML reader) reads ours as it reads aapt\'s', () => {
  // aapt adds these to <manifest> from framework-res; ims-rig does not.
  const AAPT_ONLY = ['compileSdkVersion', 'compileSdkVersionCodename', 'platformBuildVersionCode', 'platformBuildVersionName'];
  const read = async (apk: string | Buffer): Promise<Record<string, unknown>> => {
    const m = await (await ApkReader.open(apk)).readManifest();
    for (const k of AAPT_ONLY) delete m[k];
    return m;
  };
  it.each(FIXTURE_STEMS)('%s (committed aapt-built apks/%s.apk)', async (stem) => {
    expect(await read(buildApk(fixtureManifestText(stem)))).toEqual(await read(fixtureApkPath(stem)));
  });
});

const aaptDescribe = AAPT_AVAILABLE ? describe : describe.skip;
aaptDescribe(`aapt dump xmltree reads ims-rig's APKs as aapt's own${AAPT_AVAILABLE ? '' : ` (${AAPT_MISSING_REASON})`}`, () => {
  const cases: Array<[string, string]> = [
    ...FIXTURE_STEMS.map((s): [string, string] => [`fixture ${s}`, fixtureManifestText(s)]),
    ...REAL_WITHOUT_RESOURCES.map((n): [string, string] => [`real ${n}`, realManifestText(n)]),
    ...RENDERED.map(([n, t]): [string, string] => [`rendered ${n}`, t]),
  ];
  it.each(cases)('%s: same elements, attributes, values and lines', (_name, text) => {
    const ours = xmltree(buildApk(text));
    const theirs = xmltree(aaptBuild(text));
    expect(ours).toContain('E: manifest');
    expect(ours).toEqual(theirs);
  });

  it.each(FIXTURE_STEMS)('%s: readApkManifest reads ours and aapt\'s identically', async (stem) => {
    const text = fixtureManifestText(stem);
    expect(withoutOrigin(await readApkManifest(buildApk(text)))).toEqual(withoutOrigin(await readApkManifest(aaptBuild(text))));
  });

  it.each(FIXTURE_STEMS)('apks/%s.apk is up to date with its manifest (else run npm run build:apks)', (stem) => {
    expect(xmltree(fixtureApkPath(stem))).toEqual(xmltree(aaptBuild(fixtureManifestText(stem))));
  });
});
