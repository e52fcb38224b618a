/**
 * Escaping for the XML files ims-rig writes and pushes to devices (carrier config, overlays).
 * Characters XML 1.0 cannot carry at all are refused rather than silently dropped.
 */
import { InputError } from '../errors/errors';

// XML 1.0 §2.2 Char: no C0 controls but TAB/LF/CR, no U+FFFE/U+FFFF, no unpaired surrogates.
// eslint-disable-next-line no-control-regex
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function assertXmlChars(value: string, where: string): void {
  const bad = NOT_XML_CHAR.exec(value);
  if (bad) {
    const code = bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    throw new InputError(`${where}: character U+${code} cannot be written to an XML file`, { field: where });
  }
}

/** Character data: `&`, `<`, `>` as entities; CR as a reference so parsers do not fold it into LF. */
export function escapeXmlText(value: string, where: string): string {
  assertXmlChars(value, where);
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** Double-quoted attribute values: also `"`, and TAB/LF/CR as references (attribute normalisation would turn them into spaces). */
export function escapeXmlAttribute(value: string, where: string): string {
  assertXmlChars(value, where);
  return value
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}
