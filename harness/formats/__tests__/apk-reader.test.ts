import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { InputError } from '../../errors/errors';
import { parseManifestXml } from '../android-manifest';
import { readApkManifest, readManifestFile } from '../apk-reader';
import { writeAlignedZip } from '../aligned-zip';
import { encodeManifestXml } from '../apk-writer';
import { decodeBinaryXml } from '../binary-xml-reader';
import { CHUNK_TYPE, STRING_POOL_UTF8_FLAG } from '../binary-xml-types';
import { AAPT2, AAPT2_AVAILABLE, aapt2Build } from './aapt-tools';
import { FIXTURE_STEMS, fixtureApkPath, fixtureManifestPath, fixtureManifestText } from './fixture-files';

const tmp = mkdtempSync(path.join(tmpdir(), 'ims-rig-apk-reader-'));
const tmpFile = (name: string, data: Buffer | string): string => {
  const file = path.join(tmp, name);
  writeFileSync(file, data);
  return file;
};

async function inputError(p: Promise<unknown>): Promise<InputError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('readApkManifest on the committed aapt-built fixture APKs', () => {
  it.each(FIXTURE_STEMS)('apks/%s.apk reads like its text manifest', async (stem) => {
    const fromApk = await readApkManifest(fixtureApkPath(stem));
    const { file: _f, source: _s, ...fromText } = parseManifestXml(fixtureManifestText(stem), 'x');
    expect(fromApk.file).toBe(fixtureApkPath(stem));
    expect(fromApk.source).toBe('apk');
    expect(fromApk).toMatchObject(fromText);
  });
});

describe('readApkManifest refuses what is not a readable APK with an InputError naming the file', () => {
  it('a file that is not a zip', async () => {
    const e = await inputError(readApkManifest(tmpFile('text.apk', 'not a zip at all')));
    expect(e.message).toMatch(/text\.apk: not an APK \(not a zip archive/);
    expect(e.file).toMatch(/text\.apk$/);
  });
  it('a missing file', async () => {
    expect((await inputError(readApkManifest(path.join(tmp, 'nope.apk')))).message).toMatch(/nope\.apk: cannot read: no such file$/);
  });
  it('a zip without AndroidManifest.xml', async () => {
    const zip = writeAlignedZip([{ name: 'classes.dex', data: Buffer.from('dex\n035\0') }]);
    expect((await inputError(readApkManifest(zip, 'nomanifest.apk'))).message).toBe('nomanifest.apk: not an APK: it has no AndroidManifest.xml');
  });
  it('a corrupt (truncated) binary manifest', async () => {
    const axml = encodeManifestXml(fixtureManifestText('com.oem.ims'));
    const zip = writeAlignedZip([{ name: 'AndroidManifest.xml', data: axml.subarray(0, axml.length - 40) }]);
    expect((await inputError(readApkManifest(zip, 'cut.apk'))).message).toMatch(/^cut\.apk: AndroidManifest\.xml: malformed binary XML: /);
  });
  it('a text manifest stored where the binary one belongs', async () => {
    const zip = writeAlignedZip([{ name: 'AndroidManifest.xml', data: Buffer.from(fixtureManifestText('com.oem.ims')) }]);
    expect((await inputError(readApkManifest(zip, 'text-inside.apk'))).message).toMatch(/no RES_XML_TYPE header/);
  });
  it('a truncated zip', async () => {
    const apk = writeAlignedZip([{ name: 'AndroidManifest.xml', data: encodeManifestXml(fixtureManifestText('com.oem.ims')) }]);
    expect((await inputError(readApkManifest(apk.subarray(0, apk.length - 30), 'cut-zip.apk'))).message).toMatch(/^cut-zip\.apk: (not an APK|corrupt APK)/);
  });
});

describe('readManifestFile tells the three forms apart by content', () => {
  it('reads an APK, a binary AndroidManifest.xml and a text one alike', async () => {
    const text = await readManifestFile(fixtureManifestPath('com.rogue.ims'));
    const binary = await readManifestFile(tmpFile('AndroidManifest.xml', encodeManifestXml(fixtureManifestText('com.rogue.ims'))));
    const apk = await readManifestFile(fixtureApkPath('com.rogue.ims'));
    expect([text.source, binary.source, apk.source]).toEqual(['xml', 'binary-xml', 'apk']);
    const strip = ({ file: _f, source: _s, ...rest }: typeof text) => rest;
    expect(strip(binary)).toEqual(strip(text));
    expect(strip(apk)).toEqual(strip(text));
  });
  it('accepts a UTF-8 byte-order mark before a text manifest', async () => {
    const m = await readManifestFile(tmpFile('bom.xml', `\uFEFF${fixtureManifestText('com.oem.ims')}`));
    expect(m.package).toBe('com.oem.ims');
  });
});

/** A hand-built binary XML document with a UTF-8 string pool (the form aapt2 uses for resources). */
function utf8Document(strings: string[], root: { ns: number; name: number; attrs: Array<[ns: number, name: number, raw: number, type: number, data: number]> }): Buffer {
  const bodies = strings.map((s) => {
    const bytes = Buffer.from(s, 'utf8');
    return Buffer.concat([Buffer.from([s.length, bytes.length]), bytes, Buffer.from([0])]);
  });
  const stringsStart = 28 + 4 * strings.length;
  let poolSize = stringsStart + bodies.reduce((n, b) => n + b.length, 0);
  poolSize = (poolSize + 3) & ~3;
  const pool = Buffer.alloc(poolSize);
  pool.writeUInt16LE(CHUNK_TYPE.STRING_POOL, 0); pool.writeUInt16LE(28, 2); pool.writeUInt32LE(poolSize, 4);
  pool.writeUInt32LE(strings.length, 8); pool.writeUInt32LE(STRING_POOL_UTF8_FLAG, 16); pool.writeUInt32LE(stringsStart, 20);
  let off = 0;
  bodies.forEach((b, i) => { pool.writeUInt32LE(off, 28 + 4 * i); b.copy(pool, stringsStart + off); off += b.length; });
  const start = Buffer.alloc(36 + 20 * root.attrs.length);
  start.writeUInt16LE(CHUNK_TYPE.XML_START_ELEMENT, 0); start.writeUInt16LE(16, 2); start.writeUInt32LE(start.length, 4);
  start.writeUInt32LE(7, 8); start.writeUInt32LE(0xffffffff, 12);
  start.writeUInt32LE(root.ns, 16); start.writeUInt32LE(root.name, 20); start.writeUInt16LE(20, 24); start.writeUInt16LE(20, 26); start.writeUInt16LE(root.attrs.length, 28);
  root.attrs.forEach(([ns, name, raw, type, data], i) => {
    const a = 36 + 20 * i;
    start.writeUInt32LE(ns, a); start.writeUInt32LE(name, a + 4); start.writeUInt32LE(raw, a + 8);
    start.writeUInt16LE(8, a + 12); start.writeUInt8(type, a + 15); start.writeUInt32LE(data, a + 16);
  });
  const end = Buffer.alloc(24);
  end.writeUInt16LE(CHUNK_TYPE.XML_END_ELEMENT, 0); end.writeUInt16LE(16, 2); end.writeUInt32LE(24, 4); end.writeUInt32LE(9, 8);
  end.writeUInt32LE(root.ns, 16); end.writeUInt32LE(root.name, 20);
  const body = Buffer.concat([pool, start, end]);
  const header = Buffer.alloc(8);
  header.writeUInt16LE(CHUNK_TYPE.XML, 0); header.writeUInt16LE(8, 2); header.writeUInt32LE(8 + body.length, 4);
  return Buffer.concat([header, body]);
}

describe('decodeBinaryXml', () => {
  it('reads UTF-8 string pools (non-ASCII included)', () => {
    const doc = decodeBinaryXml(utf8Document(['manifest', 'package', 'com.example.café'], {
      ns: 0xffffffff, name: 0, attrs: [[0xffffffff, 1, 2, 0x03, 2]],
    }));
    expect(doc.root).toMatchObject({ name: 'manifest', line: 7, endLine: 9, attributes: [{ namespace: null, name: 'package', raw: 'com.example.café', value: { type: 'string', value: 'com.example.café' } }] });
  });
  it('refuses an element left open', () => {
    const axml = encodeManifestXml(fixtureManifestText('com.oem.ims'));
    // Drop the last END_ELEMENT + END_NAMESPACE chunks but keep the header's size consistent.
    const cut = Buffer.from(axml.subarray(0, axml.length - 48));
    cut.writeUInt32LE(cut.length, 4);
    expect(() => decodeBinaryXml(cut)).toThrow(/malformed binary XML: 1 element\(s\) not closed/);
  });
  it('refuses an out-of-range string index', () => {
    const doc = utf8Document(['manifest'], { ns: 0xffffffff, name: 5, attrs: [] });
    expect(() => decodeBinaryXml(doc)).toThrow(/string index 5 out of range/);
  });
});

const aapt2Describe = AAPT2_AVAILABLE ? describe : describe.skip;
aapt2Describe(`a second real producer: ${AAPT2}${AAPT2_AVAILABLE ? '' : ' (skipped: no aapt2 or framework-res; apt-get install aapt android-framework-res)'}`, () => {
  it.each(FIXTURE_STEMS)('%s built by aapt2 reads like its text manifest', async (stem) => {
    const fromApk = await readApkManifest(aapt2Build(fixtureManifestText(stem)), `${stem}.aapt2.apk`);
    const { file: _f, source: _s, ...fromText } = parseManifestXml(fixtureManifestText(stem), 'x');
    expect(fromApk).toMatchObject(fromText);
  });
});
