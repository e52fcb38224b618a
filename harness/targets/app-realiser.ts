/**
 * Turns a scenario's app description into the APK the target installs: the app's prebuilt `apk`
 * when it names one, else a generated one (harness/formats buildImsAppApk: a binary manifest in a
 * zip, no aapt). Generated APKs are cached by the hash of the manifest they are compiled from, in
 * memory and on disk, so a suite that reuses an app builds it once per machine.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { InputError } from '../errors';
import { buildApk, buildImsAppApk } from '../formats/apk-writer';
import { renderManifestXml } from '../formats/android-manifest-render';
import { buildOverlayApk } from '../formats/overlay-apk';
import { type AppExtras, type DeviceOverlay, type ImsAppSpec, type PackageName } from '../model';
import { type PushSource } from './device-action';

/**
 * Whether the APKs the rig generates carry real Dalvik code (the `real-app` toolchain): only then
 * does a stock target run them and obey their control broadcast. Until it lands they hold a
 * manifest only, which only the reference device's `ims-rig-device` app model runs.
 */
export const RIG_APPS_HAVE_CODE = false;

export interface RealisedApk {
  readonly bytes: Buffer;
  /** sha256 of the APK bytes. */
  readonly sha256: string;
  readonly source: 'prebuilt' | 'generated';
}

export class ApkCache {
  private readonly memory = new Map<string, RealisedApk>();

  constructor(readonly dir: string = path.join(os.tmpdir(), 'ims-rig-apk-cache')) {}

  /** The key of a generated APK: the hash of the manifest text it is compiled from (renderer changes included). */
  static keyOf(spec: ImsAppSpec, extras: AppExtras | undefined): string {
    return createHash('sha256').update(renderManifestXml(spec, extras)).digest('hex');
  }

  async apkFor(spec: ImsAppSpec, extras?: AppExtras): Promise<RealisedApk> {
    if (spec.apk !== undefined) return this.prebuilt(spec.apk);
    const key = ApkCache.keyOf(spec, extras);
    const cached = this.memory.get(key);
    if (cached) return cached;
    const file = path.join(this.dir, `${key}.apk`);
    let bytes: Buffer | undefined = await fs.promises.readFile(file).catch(() => undefined);
    if (bytes === undefined) {
      bytes = await buildImsAppApk(spec, extras);
      await fs.promises.mkdir(this.dir, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      await fs.promises.writeFile(tmp, bytes);
      await fs.promises.rename(tmp, file);
    }
    const realised: RealisedApk = { bytes, sha256: sha256(bytes), source: 'generated' };
    this.memory.set(key, realised);
    return realised;
  }

  /** The bytes a push action sends (files, texts and the APKs the rig builds). */
  async bytesFor(source: PushSource): Promise<Buffer> {
    switch (source.kind) {
      case 'file': return fs.promises.readFile(source.path);
      case 'text': return Buffer.from(source.text, 'utf8');
      case 'apk': return (await this.apkFor(source.spec, source.extras)).bytes;
      case 'placeholder': return this.placeholderFor(source.package, source.permissions);
      case 'overlay': return (await buildOverlayApk(source.overlay)).bytes;
    }
  }

  /** The placeholder APK of a staged package (see PushSource 'placeholder'). */
  async placeholderFor(packageName: PackageName, permissions: readonly string[]): Promise<Buffer> {
    const key = `placeholder:${packageName}:${[...permissions].sort().join(',')}`;
    const cached = this.memory.get(key);
    if (cached) return cached.bytes;
    const bytes = await buildApk(placeholderManifestXml(packageName, permissions), `${packageName} (placeholder AndroidManifest.xml)`);
    this.memory.set(key, { bytes, sha256: sha256(bytes), source: 'generated' });
    return bytes;
  }

  /** The TeleService overlay APK of one pair of device defaults. */
  async overlayFor(overlay: DeviceOverlay): Promise<Buffer> {
    return (await buildOverlayApk(overlay)).bytes;
  }

  private async prebuilt(file: string): Promise<RealisedApk> {
    const cached = this.memory.get(`file:${file}`);
    if (cached) return cached;
    let bytes: Buffer;
    try {
      bytes = await fs.promises.readFile(file);
    } catch (e) {
      throw new InputError(`${file}: cannot read the app's APK: ${e instanceof Error ? e.message : String(e)}`, { file, cause: e });
    }
    const realised: RealisedApk = { bytes, sha256: sha256(bytes), source: 'prebuilt' };
    this.memory.set(`file:${file}`, realised);
    return realised;
  }
}

/**
 * A staged package's factory version: the package name, versionCode 1 like every app the rig
 * writes (so each scenario's variant installs over it as an update, never a downgrade), the
 * permissions any variant requests, no code and no components — ImsResolver finds no ImsService
 * in it, so to the framework the app is simply not there until a scenario installs its variant.
 */
export function placeholderManifestXml(packageName: string, permissions: readonly string[]): string {
  const attr = (v: string): string => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<!-- ims-rig placeholder for ${attr(packageName)}: staged for the run, each scenario installs its variant over it. -->`,
    `<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="${attr(packageName)}" android:versionCode="1" android:versionName="placeholder">`,
    '    <uses-sdk android:minSdkVersion="30" android:targetSdkVersion="35"/>',
    ...[...new Set(permissions)].sort().map((p) => `    <uses-permission android:name="${attr(p)}"/>`),
    '    <application android:hasCode="false"/>',
    '</manifest>',
    '',
  ].join('\n');
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

