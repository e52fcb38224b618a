/**
 * Property tests of every file-format reader (issue 11, item 4): text manifests, binary XML,
 * APKs, carrier-config XML of both shapes, overlays, and aapt value compilation — fed mutated real
 * inputs (fixtures/, the AOSP/CTS/carrier files of fixtures/real-inputs) and token soup. Each
 * returns a value or throws one of ims-rig's errors in our words (harness/testing/fuzz.ts).
 * Fixed seed FUZZ_SEED; runs and time budget per property below.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { APKS_DIR, FIXTURES_DIR } from '../../paths';
import { engineWordsIn } from '../../testing/engine-words';
import { fuzzParameters, mutatedBytes, mutatedText, ourErrorOrValue, ourErrorOrValueAsync, tokenText } from '../../testing/fuzz';
import { parseManifestXml } from '../android-manifest';
import { readApkManifest } from '../apk-reader';
import { writeAlignedZip } from '../aligned-zip';
import { encodeManifestXml } from '../apk-writer';
import { decodeBinaryXml } from '../binary-xml-reader';
import { compileAttributeValue, decodeResValue, parseAaptBoolean, parseAaptFloat, parseAaptInteger } from '../binary-xml-values';
import { parseCarrierConfigXml, parseCarrierProfile } from '../carrier-config-xml';
import { parseLocatedXml } from '../located-xml';
import { parseDeviceOverlay } from '../overlay-xml';

function xmlFiles(dir: string): string[] {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.xml')).map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
}

const MANIFESTS = [...xmlFiles(path.join(FIXTURES_DIR, 'manifests')), ...xmlFiles(path.join(FIXTURES_DIR, 'real-inputs', 'manifests'))];
const CARRIER_CONFIGS = [...xmlFiles(path.join(FIXTURES_DIR, 'carrier-configs')), ...xmlFiles(path.join(FIXTURES_DIR, 'real-inputs', 'carrier-configs'))];
const OVERLAYS = xmlFiles(path.join(FIXTURES_DIR, 'overlays'));
const APKS = fs.readdirSync(APKS_DIR).filter((f) => f.endsWith('.apk')).map((f) => fs.readFileSync(path.join(APKS_DIR, f)));
/** Binary manifests: each fixture manifest as the rig compiles it (aapt's form). */
const BINARY = xmlFiles(path.join(FIXTURES_DIR, 'manifests')).map((text) => encodeManifestXml(text));

/** Offsets of the chunks of a binary XML document (ResChunk_header: type u16, headerSize u16, size u32). */
function chunkOffsets(doc: Buffer): number[] {
  const offsets: number[] = [];
  for (let at = doc.readUInt16LE(2); at + 8 <= doc.length; at += Math.max(8, doc.readUInt32LE(at + 4))) offsets.push(at);
  return offsets;
}

/** A chunk's header field or one of its first payload words set to a boundary value: reaches past the size checks. */
const chunkEdit = fc.tuple(fc.constantFrom(...BINARY), fc.nat(), fc.constantFrom(2, 4, 8, 12, 16, 20, 24, 28), fc.constantFrom(0, 1, 7, 8, 12, 19, 20, 0xff, 0xffff, 0x7fffffff, 0xffffffff)).map(([doc, pick, field, value]) => {
  const b = Buffer.from(doc);
  const offsets = chunkOffsets(b);
  const at = (offsets[pick % offsets.length] ?? 8) + field;
  if (field === 2 && at + 2 <= b.length) b.writeUInt16LE(value & 0xffff, at);
  else if (at + 4 <= b.length) b.writeUInt32LE(value >>> 0, at);
  return b;
});

/** Mutated binary manifests: blind edits, blind edits with the document size put right, and chunk-aware edits. */
const MUTATED_BINARY = fc.oneof(mutatedBytes(BINARY), mutatedBytes(BINARY).map((b) => {
  if (b.length >= 8) b.writeUInt32LE(b.length, 4);
  return b;
}), chunkEdit);

const XML_TOKENS = [
  '<manifest', '<application', '<service', '<meta-data', '<intent-filter>', '<action', '</intent-filter>', '</service>', '</application>', '</manifest>',
  '<carrier_config>', '</carrier_config>', '<carrier_config_list>', '<string name="config_ims_package_override_string">', '</string>', '<boolean name="b" value="true"/>',
  '<int-array name="a" num="2">', '<item value="1"/>', '</int-array>', '<resources>', '</resources>', ' package="com.x"', ' android:name=".S"', ' android:value="@xml/x"',
  ' android:permission="android.permission.BIND_IMS_SERVICE"', '>', '/>', ' ', '\n',
];

test('text manifests: a value or our error', () => {
  fc.assert(fc.property(fc.oneof(mutatedText(MANIFESTS), tokenText(XML_TOKENS)), (text) => ourErrorOrValue(() => parseManifestXml(text, 'AndroidManifest.xml'))), fuzzParameters(400));
});

test('binary XML: a value or our error (decoded directly, and as a binary manifest file)', () => {
  fc.assert(fc.property(MUTATED_BINARY, (bytes) => ourErrorOrValue(() => {
    try {
      decodeBinaryXml(bytes);
    } catch (e) {
      // decodeBinaryXml throws a plain Error by contract (callers name the file): its wording is checked here.
      if (!(e instanceof Error) || !/^malformed binary XML: /.test(e.message) || engineWordsIn(e.message) !== undefined) throw e;
    }
  })), fuzzParameters(600));
});

test('APKs: a value or our error (mutated archives, and intact archives around mutated manifests)', async () => {
  await fc.assert(fc.asyncProperty(mutatedBytes(APKS), (bytes) => ourErrorOrValueAsync(() => readApkManifest(bytes, 'app.apk'))), fuzzParameters(250));
  await fc.assert(fc.asyncProperty(MUTATED_BINARY, async (manifest) => {
    const apk = writeAlignedZip([{ name: 'AndroidManifest.xml', data: manifest }]);
    return ourErrorOrValueAsync(() => readApkManifest(apk, 'app.apk'));
  }), fuzzParameters(150));
});

test('carrier-config XML (both shapes) and profiles: a value or our error', () => {
  fc.assert(fc.property(fc.oneof(mutatedText(CARRIER_CONFIGS), tokenText(XML_TOKENS)), (text) => ourErrorOrValue(() => {
    parseCarrierConfigXml(text, 'cc.xml');
    parseCarrierProfile(text, '/x/cc.xml', 'cc');
  })), fuzzParameters(500));
});

test('overlay XML and the located-XML tree under it: a value or our error', () => {
  fc.assert(fc.property(fc.oneof(mutatedText(OVERLAYS), tokenText(XML_TOKENS)), (text) => ourErrorOrValue(() => {
    parseLocatedXml(text, 'config.xml');
    parseDeviceOverlay(text, 'config.xml');
  })), fuzzParameters(400));
});

test('aapt value compilation and Res_value decoding never throw', () => {
  const formats = ['boolean', 'integer', 'float', 'string', 'reference', 'color', 'dimension', 'any', 'unprefixed', 'enum', 'flags', 'reference|string'] as const;
  fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 30 }), fc.constantFrom(...formats), fc.nat({ max: 255 }), fc.nat({ max: 0xffffffff }), (text, format, type, data) => {
    parseAaptBoolean(text);
    parseAaptInteger(text);
    parseAaptFloat(text);
    compileAttributeValue(text, format as Parameters<typeof compileAttributeValue>[1]);
    decodeResValue(type, data, (i) => (i < 3 ? ['a', 'b', 'c'][i] ?? '' : ''));
    return true;
  }), fuzzParameters(600));
});
