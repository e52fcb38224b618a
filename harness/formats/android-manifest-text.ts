/**
 * Text AndroidManifest.xml -> the typed element tree (binary-xml-types.ts), with the line of every
 * element and each `android:` value compiled as aapt would compile it. Built on sax in strict,
 * namespace-aware mode (xml2js, which sits on the same sax, keeps no positions): a manifest that is
 * not well-formed — truncated, mismatched tags — is an InputError naming the file, line and column.
 */
import * as sax from 'sax';
import { InputError } from '../errors/errors';
import { MAX_XML_DEPTH } from '../inputs/input-limits';
import { ANDROID_NS, androidAttribute } from './android-manifest-attributes';
import { type XmlAttribute, type XmlDocument, type XmlNamespace, freezeElement, type OpenElement } from './binary-xml-types';
import { compileAttributeValue } from './binary-xml-values';
import { lineIndex as lineOf } from './located-xml';

const XMLNS_URI = 'http://www.w3.org/2000/xmlns/';

function typedAttribute(attr: sax.QualifiedAttribute): XmlAttribute {
  const namespace = attr.uri === '' ? null : attr.uri;
  if (namespace === ANDROID_NS) {
    const known = androidAttribute(attr.local);
    const compiled = compileAttributeValue(attr.value, known?.format ?? 'any');
    return {
      namespace, name: attr.local, value: compiled.value,
      ...(known === undefined ? {} : { resourceId: known.id }),
      ...(compiled.value.type === 'string' ? { raw: compiled.value.value } : {}),
      ...(compiled.problem === undefined ? {} : { problem: compiled.problem }),
    };
  }
  if (namespace === null) {
    // aapt keeps the text of unprefixed attributes next to their typed value (package, coreApp).
    return { namespace, name: attr.local, value: compileAttributeValue(attr.value, 'unprefixed').value, raw: attr.value };
  }
  return { namespace, name: attr.local, value: { type: 'string', value: attr.value }, raw: attr.value };
}

/**
 * Parses text XML into the typed element tree. Values aapt would refuse are kept as strings with a
 * `problem` (readers report them; the binary writer refuses them).
 * @throws InputError `file:line:column: malformed XML: …` when the text is not well-formed XML.
 */
export function parseXmlDocument(text: string, file: string): XmlDocument {
  const parser = sax.parser(true, { xmlns: true, position: true });
  const line = lineOf(text);
  const stack: OpenElement[] = [];
  const namespaces: XmlNamespace[] = [];
  let root: OpenElement | undefined;
  let failure: InputError | undefined;

  parser.onerror = (err: Error) => {
    const reason = err.message.split('\n')[0] ?? err.message;
    const early = parser.position >= text.length ? ' (the file ends early: truncated?)' : '';
    failure ??= new InputError(`${file}:${parser.line + 1}:${parser.column + 1}: malformed XML: ${reason}${early}`, { file, cause: err });
    // Stop at the first fault: sax would otherwise report follow-on errors.
    throw failure;
  };
  parser.onopentag = (tag) => {
    // The element tree is frozen recursively: a limit keeps hostile nesting from overflowing the stack.
    if (stack.length >= MAX_XML_DEPTH) {
      failure ??= new InputError(`${file}:${parser.line + 1}: elements nested more than ${MAX_XML_DEPTH} deep (a manifest nests six)`, { file });
      throw failure;
    }
    const node = tag as sax.QualifiedTag;
    const attributes: XmlAttribute[] = [];
    for (const attr of Object.values(node.attributes)) {
      if (attr.uri === XMLNS_URI) {
        if (stack.length === 0) namespaces.push({ prefix: attr.name === 'xmlns' ? '' : attr.local, uri: attr.value });
        continue;
      }
      attributes.push(typedAttribute(attr));
    }
    const startLine = line(Math.max(0, parser.startTagPosition - 1));
    const element: OpenElement = { namespace: node.uri === '' ? null : node.uri, name: node.local, line: startLine, endLine: startLine, attributes, children: [] };
    const parent = stack[stack.length - 1];
    if (parent === undefined) root = element;
    else parent.children.push(element);
    stack.push(element);
  };
  parser.onclosetag = () => {
    const element = stack.pop();
    if (element !== undefined) element.endLine = parser.line + 1;
  };

  try {
    parser.write(text).close();
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${file}: malformed XML: ${e instanceof Error ? e.message : String(e)}`, { file, cause: e });
  }
  if (root === undefined) throw new InputError(`${file}:1: malformed XML: no root element`, { file });
  return { namespaces, root: freezeElement(root) };
}
