/**
 * The lint on the project's fixture apps (text manifests and their aapt-built APKs), on the real
 * AOSP/CTS manifests, and on manifests the rig renders for scenario apps.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseManifestXml } from '../../formats/android-manifest';
import { renderManifestXml } from '../../formats/android-manifest-render';
import { readApkManifest } from '../../formats/apk-reader';
import { type ImsAppSpec } from '../../model/ims-app';
import { parsePackageName } from '../../model/package-name';
import { APKS_DIR, FIXTURES_DIR } from '../../paths';
import { isBlocking, type LintFinding } from '../finding';
import { lintFiles, lintExitCode } from '../lint-files';
import { lintManifest } from '../lint-manifest';

const MANIFESTS = path.join(FIXTURES_DIR, 'manifests');
const REAL = path.join(FIXTURES_DIR, 'real-inputs', 'manifests');

/** What each fixture must be flagged with: `severity rule` for every error and warning. */
const EXPECTED: Readonly<Record<string, readonly string[]>> = {
  'com.oem.ims': [],
  'com.oem.basic.ims': [],
  'com.carrier.a.ims': [],
  'com.carrier.b.ims': [],
  'com.sample.rcsclient': [],
  // AOSP's test apps as the rig stands them in (fixtures/manifests): clean; TestRcsApp does not
  // request CONNECTIVITY_USE_RESTRICTED_NETWORKS, which the documentation asks of an IMS-APN app.
  'com.android.phone.testapps.imstestapp': [],
  'com.android.phone.testapps.imstestapp.read-privileged': [],
  'com.google.android.sample.rcsclient': ['warning restricted-networks'],
  'com.legacy.ims': ['warning compat-action'],
  'com.rogue.ims': ['error bind-permission'],
  'com.testonly.ims': ['warning bind-permission'],
  'com.nodirectboot.ims': ['error direct-boot-aware'],
  'com.bad.emergency.ims': ['error emergency-needs-mmtel'],
  'com.bad.metadata.ims': ['error feature-metadata'],
  'com.multi.ims': ['warning multiple-ims-services'],
  'com.sample.rcsclient.incomplete': [
    'warning restricted-networks', 'error uce-needs-contacts',
    'error sms-role-components', 'error sms-role-components', 'error sms-role-components', 'error sms-role-components',
  ],
};

const blocking = (findings: readonly LintFinding[]): string[] => findings.filter(isBlocking).map((f) => `${f.severity} ${f.rule}`);
const stems = readdirSync(MANIFESTS).filter((f) => f.endsWith('.xml')).map((f) => f.slice(0, -4)).sort();

describe('fixture manifests', () => {
  it('every fixture has an expectation here', () => {
    expect(stems).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(stems)('%s: flagged with exactly the expected rules', async (stem) => {
    const [result] = await lintFiles([path.join(MANIFESTS, `${stem}.xml`)]);
    expect(result?.error).toBeUndefined();
    expect(blocking(result?.findings ?? [])).toEqual(EXPECTED[stem]);
  });

  it.each(stems)('apks/%s.apk: the same findings as its text manifest, same lines', async (stem) => {
    const fromApk = lintManifest(await readApkManifest(path.join(APKS_DIR, `${stem}.apk`), 'm'));
    const [fromText] = await lintFiles([path.join(MANIFESTS, `${stem}.xml`)]);
    expect(fromApk.map(({ file: _f, ...f }) => f)).toEqual(fromText?.findings.map(({ file: _f, ...f }) => f));
  });

  it('the "test only" fixture says so', async () => {
    const [r] = await lintFiles([path.join(MANIFESTS, 'com.testonly.ims.xml')]);
    expect(r?.findings.find((f) => f.rule === 'bind-permission')?.message).toMatch(/^test only: /);
  });
});

describe('real manifests', () => {
  const lintReal = (name: string): LintFinding[] => lintManifest(parseManifestXml(readFileSync(path.join(REAL, name), 'utf8'), name));
  it('AOSP ImsTestService: no error or warning; infos for directBootAware on <application>, persistent on <service>, dynamic features', () => {
    const f = lintReal('aosp-ImsTestService-AndroidManifest.xml');
    expect(blocking(f)).toEqual([]);
    expect(f.map((x) => `${x.severity} ${x.rule}`)).toEqual(['info direct-boot-aware', 'info persistent', 'info no-feature-metadata']);
  });
  it('CTS external ImsService: the test-only bypass', () => {
    expect(blocking(lintReal('cts-TestExternalImsServiceApp-AndroidManifest.xml'))).toEqual(['warning bind-permission']);
  });
  it('AOSP TestRcsApp (unmerged manifest): SMS-role components present, CONNECTIVITY_USE_RESTRICTED_NETWORKS not requested', () => {
    expect(blocking(lintReal('aosp-TestRcsApp-TestApp-AndroidManifest.xml'))).toEqual(['warning restricted-networks']);
  });
  it('CTS telephony: TestImsService conforms', () => {
    expect(blocking(lintReal('cts-telephony-current-AndroidManifest.xml'))).toEqual([]);
  });
});

describe('manifests the rig renders for scenario apps', () => {
  const spec = (over: Partial<ImsAppSpec> = {}): ImsAppSpec => ({
    package: parsePackageName('com.scenario.ims'), service: 'com.scenario.ims.ImsService', action: 'ims', permission: true,
    overrideBindCheck: false, directBootAware: true, location: 'priv-app', metadata: ['EMERGENCY_MMTEL', 'MMTEL', 'RCS'],
    answers: { 0: ['MMTEL'] }, behaviour: 'normal', installed: true, ...over,
  });
  const lintRendered = (s: ImsAppSpec, extras?: Parameters<typeof renderManifestXml>[1]): string[] =>
    blocking(lintManifest(parseManifestXml(renderManifestXml(s, extras), 'rendered.xml')));

  it('a default priv-app ImsService lints clean', () => {
    expect(lintRendered(spec())).toEqual([]);
  });
  it('the spec\'s deliberate faults show up as the lint\'s findings', () => {
    expect(lintRendered(spec({ permission: false }))).toEqual(['error bind-permission']);
    expect(lintRendered(spec({ directBootAware: false }))).toEqual(['error direct-boot-aware']);
    expect(lintRendered(spec({ metadata: ['EMERGENCY_MMTEL'] }))).toEqual(['error emergency-needs-mmtel']);
    expect(lintRendered(spec({ location: 'data' }))).toEqual(['warning persistent']);
  });
  it('an RCS single-registration app with the extras lints clean', () => {
    expect(lintRendered(spec(), {
      package: parsePackageName('com.scenario.ims'), smsRoleComponents: true,
      permissions: ['android.permission.PERFORM_IMS_SINGLE_REGISTRATION', 'android.permission.READ_CONTACTS',
        'android.permission.ACCESS_RCS_USER_CAPABILITY_EXCHANGE', 'android.permission.CONNECTIVITY_USE_RESTRICTED_NETWORKS'],
    })).toEqual([]);
  });
});

describe('lintExitCode', () => {
  it('is 0 for infos only, 1 with a warning, 2 when a file was unreadable', async () => {
    expect(lintExitCode(await lintFiles([path.join(MANIFESTS, 'com.carrier.a.ims.xml')]))).toBe(0);
    expect(lintExitCode(await lintFiles([path.join(MANIFESTS, 'com.legacy.ims.xml')]))).toBe(1);
    const results = await lintFiles([path.join(MANIFESTS, 'com.rogue.ims.xml'), path.join(FIXTURES_DIR, 'no-such.xml')]);
    expect(results[0]?.findings.length).toBeGreaterThan(0);
    expect(results[1]?.error).toMatch(/no-such\.xml: cannot read/);
    expect(lintExitCode(results)).toBe(2);
  });
});
