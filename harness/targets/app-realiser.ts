/**
 * Turns a scenario's app description into the APK the target installs: the app's prebuilt `apk`
 * when it names one, else a generated one (harness/formats buildImsAppApk: the rig's ImsService
 * app under the scenario's manifest, signed; no Android tools). Generated APKs are cached in memory
 * and on disk, so a suite that reuses an app builds it once per machine. The key covers everything
 * the bytes depend on: the manifest text, the DEX, the compiled template and the signing
 * certificate (RigAppFiles.fingerprint), and the writer's format version; several checkouts share
 * the directory (os.tmpdir()), so a key never names two different APKs.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { InputError } from '../errors';
import { readApkManifest } from '../formats/apk-reader';
import { LIMITS, readInputFile } from '../inputs';
import { renderManifestXml } from '../formats/android-manifest-render';
import { buildImsAppApk } from '../formats/apk-writer';
import { type AppExtras, type ImsAppSpec } from '../model';
import { buildObserverApk, loadRigAppFiles, type RigAppFiles } from './rig-app-files';

/**
 * Bumped when the APK writer's output changes for the same inputs (zip layout, signing block,
 * what a rendered manifest is turned into), so old cached files are not reused.
 */
export const APK_FORMAT_VERSION = 'aligned-zip-1+v2-1+rig-app-1';

export interface RealisedApk {
  readonly bytes: Buffer;
  /** sha256 of the APK bytes. */
  readonly sha256: string;
  readonly source: 'prebuilt' | 'generated';
}

export class ApkCache {
  private readonly memory = new Map<string, RealisedApk>();

  private files: RigAppFiles | undefined;

  constructor(
    readonly dir: string = path.join(os.tmpdir(), 'ims-rig-apk-cache'),
    /** The app and key to build with (default: the committed ones, loaded on first use). */
    files?: RigAppFiles,
  ) {
    this.files = files;
  }

  private rigApp(): RigAppFiles {
    this.files ??= loadRigAppFiles();
    return this.files;
  }

  /** The key of a generated APK: the manifest text, the app and key it is built with, the writer's version. */
  keyOf(spec: ImsAppSpec, extras: AppExtras | undefined): string {
    return createHash('sha256')
      .update(`${APK_FORMAT_VERSION}\n${this.rigApp().fingerprint}\n`)
      .update(renderManifestXml(spec, extras))
      .digest('hex');
  }

  async apkFor(spec: ImsAppSpec, extras?: AppExtras): Promise<RealisedApk> {
    if (spec.apk !== undefined) return this.prebuilt(spec.apk, spec.package);
    const key = this.keyOf(spec, extras);
    const cached = this.memory.get(key);
    if (cached) return cached;
    const file = path.join(this.dir, `${key}.apk`);
    let bytes: Buffer | undefined = await fs.promises.readFile(file).catch(() => undefined);
    if (bytes === undefined) {
      bytes = buildImsAppApk(spec, extras, this.rigApp());
      await fs.promises.mkdir(this.dir, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      await fs.promises.writeFile(tmp, bytes);
      await fs.promises.rename(tmp, file);
    }
    const realised: RealisedApk = { bytes, sha256: sha256(bytes), source: 'generated' };
    this.memory.set(key, realised);
    return realised;
  }

  /** The observer app (state-callback steps): its committed DEX and manifest, signed with the test key. */
  observerApk(): Promise<RealisedApk> {
    const cached = this.memory.get('observer');
    if (cached) return Promise.resolve(cached);
    const bytes = buildObserverApk();
    const realised: RealisedApk = { bytes, sha256: sha256(bytes), source: 'prebuilt' };
    this.memory.set('observer', realised);
    return Promise.resolve(realised);
  }

  /**
   * A prebuilt APK, checked before any target sees it: it must be an APK (readApkManifest's
   * InputError names the file otherwise) of the package the scenario lists it as.
   */
  private async prebuilt(file: string, packageName: string): Promise<RealisedApk> {
    const cached = this.memory.get(`file:${file}`);
    if (cached) return cached;
    const bytes = await readInputFile(file, { ...LIMITS.apk, display: `${packageName}: ${file}` });
    const manifest = await readApkManifest(bytes, `${packageName}: ${file}`);
    if (manifest.package !== packageName) {
      throw new InputError(`${packageName}: ${file} is the APK of ${manifest.package || 'no package'}, not of ${packageName}`, { file });
    }
    const realised: RealisedApk = { bytes, sha256: sha256(bytes), source: 'prebuilt' };
    this.memory.set(`file:${file}`, realised);
    return realised;
  }
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

