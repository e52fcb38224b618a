/**
 * The rig's ImsService app as committed (android-apps/ims-service/prebuilt: classes.dex and the
 * aapt-compiled AndroidManifest.bin, checked against SHA256SUMS) and the committed throwaway test
 * key (android-apps/test-key). Loaded once per process; `npm run build:apks` rebuilds them.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError } from '../errors';
import { type ApkSigner } from '../formats/apk-signature-v2';
import { packageApk, type RigAppCode } from '../formats/apk-writer';
import { projectPath } from '../paths';

export const RIG_APP_DIR = projectPath('android-apps', 'ims-service');
export const RIG_APP_PREBUILT_DIR = path.join(RIG_APP_DIR, 'prebuilt');
export const TEST_KEY_DIR = projectPath('android-apps', 'test-key');
/** The observer app (harness/model/observer-app.ts): its own smali and manifest, built the same way. */
export const OBSERVER_APP_DIR = projectPath('android-apps', 'observer');
export const OBSERVER_PREBUILT_DIR = path.join(OBSERVER_APP_DIR, 'prebuilt');
/** The prebuilt files SHA256SUMS lists, in its order. */
export const PREBUILT_FILES = ['classes.dex', 'AndroidManifest.bin'] as const;

export interface RigAppFiles extends RigAppCode {
  /** The aapt-compiled manifest of the app under its own package (the rewrite template). */
  readonly manifest: Buffer;
  /** sha256 of the DEX, the template and the certificate: what an APK's bytes depend on besides its manifest. */
  readonly fingerprint: string;
}

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/** `<sha256>  <name>` lines, as sha256sum writes them. */
export function formatSha256Sums(files: ReadonlyArray<readonly [string, Buffer]>): string {
  return files.map(([name, bytes]) => `${sha256(bytes)}  ${name}\n`).join('');
}

function read(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (e) {
    throw new InputError(`${file}: cannot read the rig's app files (${e instanceof Error ? e.message : String(e)}); run npm run build:apks`, { file, cause: e });
  }
}

/** The committed throwaway test key (android-apps/test-key/README.md). */
export function loadTestKey(keyDir = TEST_KEY_DIR): ApkSigner {
  return { privateKeyPkcs8Der: read(path.join(keyDir, 'key.pk8')), certificateDer: read(path.join(keyDir, 'cert.der')) };
}

let loaded: RigAppFiles | undefined;

/**
 * The committed app and key.
 * @throws InputError when a file is missing or differs from SHA256SUMS (a corrupt checkout).
 */
export function loadRigAppFiles(dir = RIG_APP_PREBUILT_DIR, keyDir = TEST_KEY_DIR): RigAppFiles {
  if (loaded !== undefined && dir === RIG_APP_PREBUILT_DIR && keyDir === TEST_KEY_DIR) return loaded;
  const dex = read(path.join(dir, 'classes.dex'));
  const manifest = read(path.join(dir, 'AndroidManifest.bin'));
  const sums = read(path.join(dir, 'SHA256SUMS')).toString('utf8');
  const expected = formatSha256Sums([['classes.dex', dex], ['AndroidManifest.bin', manifest]]);
  if (sums !== expected) throw new InputError(`${path.join(dir, 'SHA256SUMS')} does not match the prebuilt files (a corrupt checkout, or a rebuild without updating it): expected\n${expected}got\n${sums}`);
  const signer = loadTestKey(keyDir);
  const fingerprint = sha256(Buffer.from([sha256(dex), sha256(manifest), sha256(signer.certificateDer)].join('\n')));
  const files: RigAppFiles = { dex, manifest, signer, fingerprint };
  if (dir === RIG_APP_PREBUILT_DIR && keyDir === TEST_KEY_DIR) loaded = files;
  return files;
}

let observer: RigAppFiles | undefined;

/**
 * The committed observer app (android-apps/observer/prebuilt: its DEX and its own aapt-compiled
 * manifest, which is used as it is) and the test key.
 * @throws InputError as loadRigAppFiles does.
 */
export function loadObserverAppFiles(): RigAppFiles {
  observer ??= loadRigAppFiles(OBSERVER_PREBUILT_DIR);
  return observer;
}

/** The observer's APK: its compiled manifest and DEX as committed, v2-signed with the test key (deterministic). */
export function buildObserverApk(files: RigAppFiles = loadObserverAppFiles()): Buffer {
  return packageApk({ manifest: files.manifest, dex: files.dex, signer: files.signer });
}
