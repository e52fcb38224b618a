/**
 * Writes the APKs of apps declared inline in scenarios: the text manifest compiled to Android
 * binary XML, stored as AndroidManifest.xml in a zip (yazl). No aapt at run time.
 *
 * The APK is unsigned and has no code: the reference device installs and reads it without
 * verifying signatures (like `adb install` of a test build with verification off), and a real
 * device needs a real app anyway (the rig re-packages a user-supplied ImsTestService there).
 * `aapt dump xmltree` reads these manifests as it reads aapt's own (see
 * __tests__/apk-writer.aapt.test.ts).
 */
import * as yazl from 'yazl';
import { type ImsAppSpec } from '../model/ims-app';
import { type AppExtras } from '../model/scenario';
import { renderManifestXml } from './android-manifest-render';
import { parseXmlDocument } from './android-manifest-text';
import { APK_MANIFEST_ENTRY } from './apk-reader';
import { encodeBinaryXml } from './binary-xml-writer';

/** A fixed timestamp, so the same manifest always gives the same APK bytes. */
const ENTRY_TIME = new Date(Date.UTC(2008, 8, 23, 0, 0, 0));

/**
 * Compiles a text AndroidManifest.xml to binary XML.
 * @throws InputError naming `file` for malformed XML or what only aapt can compile (resource
 *   references, attributes outside ims-rig's table of framework attribute ids).
 */
export function encodeManifestXml(manifestXmlText: string, file = APK_MANIFEST_ENTRY): Buffer {
  return encodeBinaryXml(parseXmlDocument(manifestXmlText, file), file);
}

/** Zips files into an archive (deflated, fixed timestamps). */
export function zipEntries(entries: ReadonlyArray<{ readonly name: string; readonly data: Buffer }>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const entry of entries) zip.addBuffer(entry.data, entry.name, { mtime: ENTRY_TIME, mode: 0o100644 });
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

/**
 * An APK (zip) holding `manifestXmlText` compiled to binary XML as AndroidManifest.xml.
 * Asynchronous because yazl deflates asynchronously.
 * @throws InputError as encodeManifestXml does.
 */
export async function buildApk(manifestXmlText: string, file = APK_MANIFEST_ENTRY): Promise<Buffer> {
  return zipEntries([{ name: APK_MANIFEST_ENTRY, data: encodeManifestXml(manifestXmlText, file) }]);
}

/** The APK of a scenario's ImsService app (renderManifestXml + buildApk). */
export async function buildImsAppApk(spec: ImsAppSpec, extras?: AppExtras): Promise<Buffer> {
  return buildApk(renderManifestXml(spec, extras), `${spec.package} (generated AndroidManifest.xml)`);
}
