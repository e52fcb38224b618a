/**
 * Reads the binary AndroidManifest.xml inside an APK (a zip, opened with yauzl) and turns it into a
 * ManifestInfo. Anything that is not a readable APK — not a zip, no manifest entry, corrupt binary
 * XML — is an InputError naming the file; nothing here throws anything else at callers.
 */
import * as yauzl from 'yauzl';
import { InputError } from '../errors/errors';
import { LIMITS, readInputFile } from '../inputs';
import { manifestFromDocument, parseManifestXml, type ManifestInfo } from './android-manifest';
import { decodeBinaryXml, isBinaryXml } from './binary-xml-reader';

export const APK_MANIFEST_ENTRY = 'AndroidManifest.xml';
/** Real manifests are a few KB; refuse to inflate more than this from an untrusted zip. */
const MAX_MANIFEST_BYTES = 8 * 1024 * 1024;

function openZip(bytes: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, zip) => (err ? reject(err) : resolve(zip)));
  });
}

/** The bytes of one zip entry, or undefined when the archive has no such entry. */
async function readEntry(zip: yauzl.ZipFile, name: string): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', () => resolve(undefined));
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entry.fileName !== name) {
        zip.readEntry();
        return;
      }
      if (entry.uncompressedSize > MAX_MANIFEST_BYTES) {
        reject(new Error(`${name} is ${entry.uncompressedSize} bytes, more than any real manifest`));
        return;
      }
      zip.openReadStream(entry, (err, stream) => {
        if (err) {
          reject(err);
          return;
        }
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('error', reject);
        stream.on('end', () => resolve(Buffer.concat(chunks)));
      });
    });
    zip.readEntry();
  });
}

/**
 * The bytes of one entry of a zip held in memory (at most 8 MiB), or undefined when it has none.
 * @throws Error for what is not a readable zip.
 */
export async function readZipEntryBytes(bytes: Buffer, name: string): Promise<Buffer | undefined> {
  return readEntry(await openZip(bytes), name);
}

/** The message of an error (duck-typed: errors from other realms, e.g. under jest, fail instanceof). */
function reason(e: unknown): string {
  return typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string' ? (e as Error).message : String(e);
}

/** True when `bytes` start like a zip (local file header "PK\x03\x04", or an empty zip's "PK\x05\x06"). */
export function isZip(bytes: Buffer): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

/**
 * Reads the manifest of an APK given as a path or as its bytes.
 * @param name how to name the APK in messages (defaults to the path, or "<buffer>").
 * @throws InputError naming the APK when it is not a zip, has no AndroidManifest.xml, or the
 *   manifest is corrupt.
 */
export async function readApkManifest(fileOrBuffer: string | Buffer, name?: string): Promise<ManifestInfo> {
  const file = name ?? (typeof fileOrBuffer === 'string' ? fileOrBuffer : '<buffer>');
  const bytes = typeof fileOrBuffer === 'string' ? await readInputFile(fileOrBuffer, { ...LIMITS.apk, display: file }) : fileOrBuffer;
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(bytes);
  } catch (e) {
    throw new InputError(`${file}: not an APK (not a zip archive: ${reason(e)})`, { file, cause: e });
  }
  let manifest: Buffer | undefined;
  try {
    manifest = await readEntry(zip, APK_MANIFEST_ENTRY);
  } catch (e) {
    throw new InputError(`${file}: corrupt APK: ${reason(e)}`, { file, cause: e });
  } finally {
    zip.close();
  }
  if (manifest === undefined) throw new InputError(`${file}: not an APK: it has no ${APK_MANIFEST_ENTRY}`, { file });
  return manifestFromBinary(manifest, file, 'apk');
}

function manifestFromBinary(bytes: Buffer, file: string, source: ManifestInfo['source']): ManifestInfo {
  let doc;
  try {
    doc = decodeBinaryXml(bytes);
  } catch (e) {
    throw new InputError(`${file}: ${source === 'apk' ? `${APK_MANIFEST_ENTRY}: ` : ''}${reason(e)}`, { file, cause: e });
  }
  return manifestFromDocument(doc, file, source);
}

/**
 * Reads a manifest from any of the forms people hand the lint: an APK, a binary AndroidManifest.xml
 * pulled out of one, or the text AndroidManifest.xml of a source tree (told apart by content).
 * @throws InputError naming `file` for an unreadable file or a malformed manifest.
 */
export async function readManifestFile(file: string): Promise<ManifestInfo> {
  // Regular files only, capped (an APK may be large; a manifest is checked against its own cap below).
  const bytes = await readInputFile(file, { ...LIMITS.apk, display: file });
  if (isZip(bytes)) return readApkManifest(bytes, file);
  if (bytes.length > LIMITS.manifest.maxBytes) {
    throw new InputError(`${file}: is ${bytes.length} bytes and not an APK; ims-rig reads at most ${LIMITS.manifest.maxBytes} bytes for a ${LIMITS.manifest.kind}`, { file });
  }
  if (isBinaryXml(bytes)) return manifestFromBinary(bytes, file, 'binary-xml');
  return parseManifestXml(bytes.toString('utf8').replace(/^\uFEFF/, ''), file);
}
