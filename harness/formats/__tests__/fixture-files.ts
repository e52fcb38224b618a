/** Paths of the fixture manifests, their committed aapt-built APKs and the real-input manifests. */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { APKS_DIR, FIXTURES_DIR, projectPath } from '../../paths';

export const FIXTURE_MANIFESTS_DIR = path.join(FIXTURES_DIR, 'manifests');
export const REAL_MANIFESTS_DIR = path.join(FIXTURES_DIR, 'real-inputs', 'manifests');

/** Stems of fixtures/manifests/<stem>.xml (each has apks/<stem>.apk). */
export const FIXTURE_STEMS = readdirSync(FIXTURE_MANIFESTS_DIR).filter((f) => f.endsWith('.xml')).map((f) => f.slice(0, -4)).sort();

export const fixtureManifestPath = (stem: string): string => path.join(FIXTURE_MANIFESTS_DIR, `${stem}.xml`);
export const fixtureManifestText = (stem: string): string => readFileSync(fixtureManifestPath(stem), 'utf8');
export const fixtureApkPath = (stem: string): string => path.join(APKS_DIR, `${stem}.apk`);

export const realManifestPath = (name: string): string => path.join(REAL_MANIFESTS_DIR, name);
export const realManifestText = (name: string): string => readFileSync(realManifestPath(name), 'utf8');

export const REAL = {
  imsTestService: 'aosp-ImsTestService-AndroidManifest.xml',
  imsTestService2018: 'aosp-ImsTestService-2018-static-mmtel-AndroidManifest.xml',
  testRcsApp: 'aosp-TestRcsApp-TestApp-AndroidManifest.xml',
  ctsExternal: 'cts-TestExternalImsServiceApp-AndroidManifest.xml',
  ctsTelephony: 'cts-telephony-current-AndroidManifest.xml',
} as const;
/** The real manifests aapt can compile without the app's resources (no @mipmap/@string references). */
export const REAL_WITHOUT_RESOURCES = [REAL.imsTestService, REAL.imsTestService2018, REAL.ctsExternal];

/** The rig's committed app (android-apps/ims-service/prebuilt) and throwaway test key, read directly. */
export const RIG_APP_PREBUILT_DIR = projectPath('android-apps', 'ims-service', 'prebuilt');
export const RIG_APP_CODE = {
  dex: readFileSync(path.join(RIG_APP_PREBUILT_DIR, 'classes.dex')),
  template: readFileSync(path.join(RIG_APP_PREBUILT_DIR, 'AndroidManifest.bin')),
  signer: {
    privateKeyPkcs8Der: readFileSync(projectPath('android-apps', 'test-key', 'key.pk8')),
    certificateDer: readFileSync(projectPath('android-apps', 'test-key', 'cert.der')),
  },
};
