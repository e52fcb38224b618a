import { parseStringPromise } from 'xml2js';
import { escapeXmlAttribute, renderXmlDocument, stripIllegalXmlChars, xml, xmlText } from '../xml-builder';

describe('xml-builder', () => {
  it('strips characters XML 1.0 forbids, keeping tabs, newlines and astral characters', () => {
    expect(stripIllegalXmlChars('a\u0000b\u0007c\u001bd\te\nf\rg\uFFFEh\uD800i😀')).toBe('abcd\te\nf\rghi😀');
  });

  it('escapes markup in text and attributes and keeps attribute newlines', () => {
    expect(escapeXmlAttribute('<a href="x">&\n')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#10;');
  });

  it('writes a document a real XML parser reads back unchanged', async () => {
    const nasty = '<script>alert(1)</script> & "quotes" \u0000\u001b[31m red\nline2';
    const text = renderXmlDocument(xml('root', { msg: nasty, skip: undefined, n: 3 }, [xmlText('body', {}, nasty), false, xml('empty')]));
    const parsed = await parseStringPromise(text);
    const expected = '<script>alert(1)</script> & "quotes" [31m red\nline2';
    expect(parsed.root.$).toEqual({ msg: expected, n: '3' });
    expect(parsed.root.body[0]).toBe(expected);
    expect(parsed.root.empty).toHaveLength(1);
    expect(text).not.toContain('skip=');
  });
});
