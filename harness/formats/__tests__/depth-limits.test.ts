/**
 * Nesting limits of every XML reader (issue 11, item 3): a document nested thousands deep is an
 * InputError naming the file and line, in our words — never a stack overflow (RangeError) that
 * escapes the error types and aborts a multi-file lint.
 */
import { InputError } from '../../errors';
import { MAX_XML_DEPTH } from '../../inputs';
import { readApkManifest } from '../apk-reader';
import { writeAlignedZip } from '../aligned-zip';
import { decodeBinaryXml } from '../binary-xml-reader';
import { type OpenElement, freezeElement } from '../binary-xml-types';
import { encodeBinaryXml } from '../binary-xml-writer';
import { parseCarrierConfigXml } from '../carrier-config-xml';
import { parseManifestXml } from '../android-manifest';
import { parseDeviceOverlay } from '../overlay-xml';
import { engineWordsIn } from '../../testing/engine-words';

const nested = (open: string, close: string, depth: number): string => open.repeat(depth) + close.repeat(depth);

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    const message = (e as Error).message;
    expect(engineWordsIn(message)).toBeUndefined();
    return message;
  }
  throw new Error('accepted');
}

test.each([10, 100_000])('a text manifest nested %i deep beyond the limit is refused with file and line', (extra) => {
  const text = `<manifest package="a.b">\n${nested('<x>', '</x>', MAX_XML_DEPTH + extra)}</manifest>`;
  expect(messageOf(() => parseManifestXml(text, 'deep.xml'))).toBe(`deep.xml:2: elements nested more than ${MAX_XML_DEPTH} deep (a manifest nests six)`);
});

test('a manifest at the limit is still read', () => {
  const text = `<manifest package="a.b">${nested('<x>', '</x>', MAX_XML_DEPTH - 1)}</manifest>`;
  expect(parseManifestXml(text, 'ok.xml').package).toBe('a.b');
});

test('carrier config and overlay XML nested 100,000 deep are refused', () => {
  const cc = `<carrier_config>\n${nested('<x>', '</x>', 100_000)}</carrier_config>`;
  expect(messageOf(() => parseCarrierConfigXml(cc, 'cc.xml'))).toMatch(/^cc\.xml:2: elements nested more than 64 deep/);
  const overlay = `<resources>${nested('<string>', '</string>', 100_000)}</resources>`;
  expect(messageOf(() => parseDeviceOverlay(overlay, 'config.xml'))).toMatch(/^config\.xml:1: elements nested more than 64 deep/);
});

/** A binary manifest whose <manifest> holds a chain of `depth` elements. */
function deepBinaryManifest(depth: number): Buffer {
  const element = (name: string, attributes: OpenElement['attributes'] = []): OpenElement => ({ namespace: null, name, line: 1, endLine: 1, attributes, children: [] });
  const root = element('manifest', [{ namespace: null, name: 'package', value: { type: 'string', value: 'a.b' }, raw: 'a.b' }]);
  let parent = root;
  for (let i = 0; i < depth; i++) {
    const child = element('x');
    parent.children.push(child);
    parent = child;
  }
  return encodeBinaryXml({ namespaces: [], root: freezeElement(root) }, 'deep.xml');
}

test('binary XML and an APK with a manifest nested beyond the limit are refused naming the file', async () => {
  const bytes = deepBinaryManifest(MAX_XML_DEPTH + 5);
  expect(() => decodeBinaryXml(bytes)).toThrow(`malformed binary XML: elements nested more than ${MAX_XML_DEPTH} deep (a manifest nests six)`);
  const apk = writeAlignedZip([{ name: 'AndroidManifest.xml', data: bytes }]);
  await expect(readApkManifest(apk, 'deep.apk')).rejects.toThrow(`deep.apk: AndroidManifest.xml: malformed binary XML: elements nested more than ${MAX_XML_DEPTH} deep`);
});

test('truncated binary XML is said in our words, not Node\'s range error', () => {
  const bytes = deepBinaryManifest(2);
  for (const cut of [12, 40, bytes.length - 3]) {
    let message = '';
    try {
      decodeBinaryXml(bytes.subarray(0, cut));
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^malformed binary XML: /);
    expect(engineWordsIn(message)).toBeUndefined();
  }
});
