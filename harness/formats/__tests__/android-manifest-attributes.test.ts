import { ANDROID_ATTRIBUTES, ANDROID_NS, androidAttribute, androidAttributeName, type AttributeFormat } from '../android-manifest-attributes';
import { AAPT_AVAILABLE, AAPT_MISSING_REASON, aaptBuild, xmltree } from './aapt-tools';

/** A value aapt accepts for each format (references point at framework resources). */
const SAMPLE: Readonly<Record<AttributeFormat, string>> = {
  string: 's', boolean: 'true', integer: '1', 'integer-or-string': '1',
  'reference-or-string': 'label', reference: '@android:drawable/sym_def_app_icon', any: 'v',
};

describe('the android: attribute table', () => {
  it('maps names and ids both ways, and only for own keys', () => {
    expect(androidAttribute('directBootAware')).toEqual({ id: 0x01010505, format: 'boolean' });
    expect(androidAttributeName(0x01010003)).toBe('name');
    expect(androidAttribute('toString')).toBeUndefined();
    expect(new Set(Object.values(ANDROID_ATTRIBUTES).map((a) => a.id)).size).toBe(Object.keys(ANDROID_ATTRIBUTES).length);
  });
});

const aaptDescribe = AAPT_AVAILABLE ? describe : describe.skip;
aaptDescribe(`the table against aapt + framework-res${AAPT_AVAILABLE ? '' : ` (${AAPT_MISSING_REASON})`}`, () => {
  it('has the resource id aapt assigns to every attribute', () => {
    // One element per attribute, so each dump line is unambiguous.
    const names = Object.keys(ANDROID_ATTRIBUTES);
    const elements = names.map((n) => `<x${n} android:${n}="${SAMPLE[ANDROID_ATTRIBUTES[n]?.format ?? 'string']}"/>`);
    const dump = xmltree(aaptBuild(`<manifest xmlns:android="${ANDROID_NS}" package="com.x.attrs">${elements.join('')}</manifest>`));
    const found = Object.fromEntries([...dump.matchAll(/A: android:(\w+)\((0x[0-9a-f]{8})\)/g)].map((m) => [m[1], Number(m[2])]));
    const expected = Object.fromEntries(names.map((n) => [n, ANDROID_ATTRIBUTES[n]?.id]));
    expect(found).toEqual(expected);
  });
});
