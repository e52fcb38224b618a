/**
 * A tiny XML writer for junit.xml and test_result.xml (style-anchors.md §6 lesson 12: no
 * dependency, one escape that also strips the characters XML 1.0 forbids, so a device that prints
 * a NUL or an escape sequence into dumpsys cannot make the report unparseable).
 */

export type XmlAttributeValue = string | number | boolean | undefined;

export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, XmlAttributeValue>>;
  readonly children: readonly XmlElement[];
  /** Text content; an element has either text or children. */
  readonly text?: string;
}

/** An element; attributes whose value is undefined are left out. */
export function xml(name: string, attributes: Readonly<Record<string, XmlAttributeValue>> = {}, children: readonly (XmlElement | undefined | false)[] = []): XmlElement {
  return { name, attributes, children: children.filter((c): c is XmlElement => Boolean(c)) };
}

/** An element holding only text. */
export function xmlText(name: string, attributes: Readonly<Record<string, XmlAttributeValue>>, text: string): XmlElement {
  return { name, attributes, children: [], text };
}

// XML 1.0 §2.2 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
// With the u flag a lone surrogate is one code point outside these ranges, so it is dropped too.
// eslint-disable-next-line no-control-regex -- the control characters are the point
const ILLEGAL_XML_CHARS = /[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function stripIllegalXmlChars(text: string): string {
  return text.replace(ILLEGAL_XML_CHARS, '');
}

export function escapeXmlText(text: string): string {
  return stripIllegalXmlChars(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Attribute values also keep their newlines and tabs (a parser would otherwise normalise them to spaces). */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

function attributesOf(element: XmlElement): string {
  let out = '';
  for (const [name, value] of Object.entries(element.attributes)) {
    if (value === undefined) continue;
    out += ` ${name}="${escapeXmlAttribute(String(value))}"`;
  }
  return out;
}

function render(element: XmlElement, indent: string, out: string[]): void {
  const open = `${indent}<${element.name}${attributesOf(element)}`;
  if (element.text !== undefined && element.text !== '') {
    out.push(`${open}>${escapeXmlText(element.text)}</${element.name}>`);
  } else if (element.children.length === 0) {
    out.push(`${open}/>`);
  } else {
    out.push(`${open}>`);
    for (const child of element.children) render(child, `${indent}  `, out);
    out.push(`${indent}</${element.name}>`);
  }
}

/**
 * The document as text: the XML declaration, any processing instructions (e.g. the
 * xml-stylesheet CTS puts first), then the root element, indented by two spaces.
 */
export function renderXmlDocument(root: XmlElement, options: { readonly declaration?: string; readonly processingInstructions?: readonly string[] } = {}): string {
  const out = [options.declaration ?? '<?xml version="1.0" encoding="UTF-8"?>', ...(options.processingInstructions ?? [])];
  render(root, '', out);
  return `${out.join('\n')}\n`;
}
