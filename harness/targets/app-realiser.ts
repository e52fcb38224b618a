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
import { APK_MANIFEST_ENTRY, readApkManifest, readZipEntryBytes } from '../formats/apk-reader';
import { LIMITS, readInputFile } from '../inputs';
import { buildImsAppApk, encodeManifestXml, packageApk } from '../formats/apk-writer';
import { locateZipSections } from '../formats/aligned-zip';
import { renderManifestXml } from '../formats/android-manifest-render';
import { buildOverlayApk } from '../formats/overlay-apk';
import { type AppExtras, type DeviceOverlay, type ImsAppSpec, type PackageName, realAppGap } from '../model';
import { type PushSource } from './device-action';
import { buildObserverApk, loadRigAppFiles, type RigAppFiles } from './rig-app-files';

/**
 * The APKs the rig generates carry real Dalvik code (the rig's ImsService app, android-apps/
 * ims-service), signed with its test key: a stock target runs them and they obey the control
 * broadcast, so the stimuli of configurable-features and fault-injection have a stock route.
 */
export const RIG_APPS_HAVE_CODE = true;

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
    if (spec.apk !== undefined) return this.prebuilt(spec.apk, spec);
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

  /** The bytes a push action sends (files, texts and the APKs the rig builds). */
  async bytesFor(source: PushSource): Promise<Buffer> {
    switch (source.kind) {
      case 'file': return fs.promises.readFile(source.path);
      case 'text': return Buffer.from(source.text, 'utf8');
      case 'apk': return (await this.apkFor(source.spec, source.extras)).bytes;
      case 'placeholder': return this.placeholderFor(source.package, source.permissions);
      case 'overlay': return this.overlayFor(source.overlay);
      case 'observer-apk': return (await this.observerApk()).bytes;
    }
  }

  /** The placeholder APK of a staged package (see PushSource 'placeholder'), signed like the rig's apps. */
  placeholderFor(packageName: PackageName, permissions: readonly string[]): Buffer {
    const key = `placeholder:${packageName}:${[...permissions].sort().join(',')}`;
    const cached = this.memory.get(key);
    if (cached) return cached.bytes;
    const manifest = encodeManifestXml(placeholderManifestXml(packageName, permissions), `${packageName} (placeholder AndroidManifest.xml)`);
    const bytes = packageApk({ manifest, signer: this.rigApp().signer });
    this.memory.set(key, { bytes, sha256: sha256(bytes), source: 'generated' });
    return bytes;
  }

  /** The TeleService overlay APK of one pair of device defaults, signed with the rig's key. */
  overlayFor(overlay: DeviceOverlay): Buffer {
    return buildOverlayApk(overlay, this.rigApp().signer).bytes;
  }

  /**
   * A prebuilt APK, checked before any target sees it: it must be an APK (readApkManifest's
   * InputError names the file otherwise) of the package the scenario lists it as.
   */
  private async prebuilt(file: string, spec: ImsAppSpec): Promise<RealisedApk> {
    const packageName = spec.package;
    // Whether the rig's DEX may stand in for missing code depends on the app (rigCodeFits).
    const key = `file:${file}:${rigCodeFits(spec) ? 'rig-code' : 'own-code'}`;
    const cached = this.memory.get(key);
    if (cached) return cached;
    const bytes = await readInputFile(file, { ...LIMITS.apk, display: `${packageName}: ${file}` });
    const manifest = await readApkManifest(bytes, `${packageName}: ${file}`);
    if (manifest.package !== packageName) {
      throw new InputError(`${packageName}: ${file} is the APK of ${manifest.package || 'no package'}, not of ${packageName}`, { file });
    }
    const realised: RealisedApk = { bytes: await this.readyForDevice(bytes, spec), sha256: sha256(bytes), source: 'prebuilt' };
    this.memory.set(key, realised);
    return realised;
  }

  /**
   * A device refuses an unsigned APK (INSTALL_PARSE_FAILED_NO_CERTIFICATES) and one that declares
   * code but has no classes.dex ("code is missing", ScanPackageUtils.assertCodePolicy). The
   * suites' manifest-only fixtures (the RCS clients: only their manifest matters, for permission
   * grants) are therefore given the rig's DEX and signed with its test key. An APK that is signed
   * and has its code (the AOSP test apps, platform-signed), or holds more than a manifest and a
   * DEX, is left exactly as it is; one the rig's code cannot stand in for (a compat app, an AOSP
   * test app's stand-in) is only signed.
   */
  private async readyForDevice(bytes: Buffer, spec: ImsAppSpec): Promise<Buffer> {
    if (entryCount(bytes) > 2) return bytes;
    const manifest = await readZipEntryBytes(bytes, APK_MANIFEST_ENTRY);
    if (manifest === undefined) return bytes;
    const ownDex = await readZipEntryBytes(bytes, 'classes.dex');
    const signed = bytes.includes(Buffer.from('APK Sig Block 42', 'latin1'));
    if (signed && ownDex !== undefined) return bytes;
    const dex = ownDex ?? (rigCodeFits(spec) ? this.rigApp().dex : undefined);
    if (signed && dex === undefined) return bytes;
    return packageApk({ manifest, ...(dex === undefined ? {} : { dex }), signer: this.rigApp().signer });
  }
}

/**
 * Whether the rig's DEX can be the code of a prebuilt manifest-only APK. Not for a compat app
 * (realAppGap), nor for the stand-in of an AOSP test app (`standIn`, apks/README.md): its manifest
 * names AOSP's classes (ImsTestService's .TestImsService), which the rig's DEX does not define, so
 * ActivityThread#handleCreateService would fail with ClassNotFoundException on every bind and
 * ImsResolver's query would end in onBindingDied. A stand-in runs only where the reference device
 * simulates codeless apps (capability test-app-stand-ins).
 */
function rigCodeFits(spec: ImsAppSpec): boolean {
  return realAppGap(spec) === undefined && spec.standIn !== true;
}

/**
 * A staged package's factory version: the package name, versionCode 1 like every app the rig
 * writes (so each scenario's variant installs over it as an update, never a downgrade), the
 * permissions any variant requests (an update of a privileged app is granted only the privileged
 * permissions its factory version requested), no code and no components — ImsResolver finds no
 * ImsService in it, so to the framework the app is not there until a scenario installs its variant.
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

/** Entries in a zip's central directory (0 for what is not a zip). */
function entryCount(zip: Buffer): number {
  try {
    return zip.readUInt16LE(locateZipSections(zip).eocdOffset + 10);
  } catch {
    return 0;
  }
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

