/**
 * Writes APKs with no Android tools: a binary AndroidManifest.xml (compiled here from text, or an
 * aapt-compiled one), optionally the rig's classes.dex, in an aligned zip (aligned-zip.ts), signed
 * with APK Signature Scheme v2 (apk-signature-v2.ts).
 *
 * Scenario apps (`buildImsAppApk`) are the rig's ImsService app (android-apps/ims-service) under
 * the scenario's package and manifest: renderManifestXml writes the manifest (its service names
 * the DEX's class org.imsrig.ims.RigImsService, plus the control receiver), encodeBinaryXml
 * compiles it, and the committed classes.dex goes next to it, signed with the committed test key.
 * A compat app (`action: compat`) gets no code: the DEX cannot be an
 * android.telephony.ims.compat.ImsService (harness/model/ims-app.ts realAppGap), so it stays a
 * manifest-only APK that only the reference device's simulation runs.
 * `aapt dump xmltree` reads these manifests as it reads aapt's own (__tests__/apk-writer.test.ts).
 */
import { type ImsAppSpec } from '../model/ims-app';
import { type AppExtras } from '../model/scenario';
import { renderManifestXml, rendersRigCode } from './android-manifest-render';
import { parseXmlDocument } from './android-manifest-text';
import { APK_MANIFEST_ENTRY } from './apk-reader';
import { writeAlignedZip } from './aligned-zip';
import { type ApkSigner, signApkV2 } from './apk-signature-v2';
import { encodeBinaryXml } from './binary-xml-writer';

export const APK_DEX_ENTRY = 'classes.dex';

/** The rig's app code and signing key, as committed (loaded by harness/targets/rig-app-files.ts). */
export interface RigAppCode {
  readonly dex: Buffer;
  readonly signer: ApkSigner;
}

/**
 * Compiles a text AndroidManifest.xml to binary XML.
 * @throws InputError naming `file` for malformed XML or what only aapt can compile (resource
 *   references, attributes outside ims-rig's table of framework attribute ids).
 */
export function encodeManifestXml(manifestXmlText: string, file = APK_MANIFEST_ENTRY): Buffer {
  return encodeBinaryXml(parseXmlDocument(manifestXmlText, file), file);
}

/**
 * An APK: the binary manifest, then classes.dex when given, stored and aligned; signed (v2) when a
 * signer is given. Deterministic: the same inputs give the same bytes.
 */
export function packageApk(parts: { readonly manifest: Buffer; readonly dex?: Buffer; readonly signer?: ApkSigner }): Buffer {
  const zip = writeAlignedZip([
    { name: APK_MANIFEST_ENTRY, data: parts.manifest },
    ...(parts.dex === undefined ? [] : [{ name: APK_DEX_ENTRY, data: parts.dex }]),
  ]);
  return parts.signer === undefined ? zip : signApkV2(zip, parts.signer);
}

/**
 * An unsigned, code-less APK holding `manifestXmlText` compiled to binary XML (what the reference
 * device's tests and the lint read; a real device refuses unsigned APKs).
 * @throws InputError as encodeManifestXml does.
 */
export function buildApk(manifestXmlText: string, file = APK_MANIFEST_ENTRY): Buffer {
  return packageApk({ manifest: encodeManifestXml(manifestXmlText, file) });
}

/**
 * The APK of a scenario's ImsService app: the rendered manifest, the rig's DEX (unless the app is
 * one the DEX cannot be, see rendersRigCode), signed with the rig's key.
 */
export function buildImsAppApk(spec: ImsAppSpec, extras: AppExtras | undefined, code: RigAppCode): Buffer {
  const manifest = encodeManifestXml(renderManifestXml(spec, extras), `${spec.package} (generated AndroidManifest.xml)`);
  return packageApk({ manifest, ...(rendersRigCode(spec) ? { dex: code.dex } : {}), signer: code.signer });
}
