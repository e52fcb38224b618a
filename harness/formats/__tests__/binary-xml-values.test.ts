import { ANDROID_NS } from '../android-manifest-attributes';
import { parseXmlDocument } from '../android-manifest-text';
import { type ResValue } from '../binary-xml-types';
import { compileAttributeValue, decodeResValue, describeResValue, encodeResValue, unescapeAapt } from '../binary-xml-values';
import { AAPT_AVAILABLE, AAPT_MISSING_REASON, aaptBuild, xmltree } from './aapt-tools';

/**
 * How aapt compiles <meta-data android:value="…"> text. The expectations were read off
 * `aapt dump xmltree` of an aapt-built APK; the aapt test below re-derives them when aapt is here.
 */
const VALUE_CASES: ReadonlyArray<[string, ResValue]> = [
  ['true', { type: 'boolean', value: true }],
  ['TRUE', { type: 'boolean', value: true }],
  ['False', { type: 'boolean', value: false }],
  ['yes', { type: 'string', value: 'yes' }],
  ['true ', { type: 'string', value: 'true ' }],
  ['42', { type: 'int', value: 42, hex: false }],
  ['-0', { type: 'int', value: 0, hex: false }],
  ['007', { type: 'int', value: 7, hex: false }],
  ['2147483647', { type: 'int', value: 2147483647, hex: false }],
  ['-2147483648', { type: 'int', value: -2147483648, hex: false }],
  ['0x1f', { type: 'int', value: 31, hex: true }],
  ['0xFFFFFFFF', { type: 'int', value: -1, hex: true }],
  ['2147483648', { type: 'float', value: 2147483648 }],
  [' 42 ', { type: 'float', value: 42 }],
  ['+5', { type: 'float', value: 5 }],
  ['1.5', { type: 'float', value: 1.5 }],
  ['1e3', { type: 'float', value: 1000 }],
  ['.5', { type: 'float', value: 0.5 }],
  ['0X1F', { type: 'float', value: 31 }],
  ['-0x1', { type: 'float', value: -1 }],
  ['0x', { type: 'string', value: '0x' }],
  ['1e', { type: 'string', value: '1e' }],
  ['NaN', { type: 'string', value: 'NaN' }],
  ['inf', { type: 'string', value: 'inf' }],
  ['1.5f', { type: 'string', value: '1.5f' }],
  ['5dp', { type: 'string', value: '5dp' }],
  ['', { type: 'string', value: '' }],
  ['#f00', { type: 'color', value: 0xffff0000, form: 'rgb4' }],
  ['#1234', { type: 'color', value: 0x11223344, form: 'argb4' }],
  ['#ff0000', { type: 'color', value: 0xffff0000, form: 'rgb8' }],
  ['#80ff0000', { type: 'color', value: 0x80ff0000, form: 'argb8' }],
  ['0=EMERGENCY_MMTEL,MMTEL,RCS;1=MMTEL', { type: 'string', value: '0=EMERGENCY_MMTEL,MMTEL,RCS;1=MMTEL' }],
  ['\\@x', { type: 'string', value: '@x' }],
  ['\\u0041', { type: 'string', value: 'A' }],
];

describe('compileAttributeValue (aapt typing of android:value)', () => {
  it.each(VALUE_CASES)('%j -> %j', (text, expected) => {
    expect(compileAttributeValue(text, 'any')).toEqual({ value: expected });
  });

  it('refuses a malformed colour as aapt does, keeping the text', () => {
    expect(compileAttributeValue('#ff', 'any')).toEqual({ value: { type: 'string', value: '#ff' }, problem: expect.stringContaining('color value not valid') });
  });

  it('types boolean, integer and reference attributes strictly', () => {
    expect(compileAttributeValue('tRuE', 'boolean').value).toEqual({ type: 'boolean', value: true });
    expect(compileAttributeValue('yes', 'boolean').problem).toMatch(/expects "true" or "false"/);
    expect(compileAttributeValue(' true ', 'boolean').problem).toBeDefined();
    expect(compileAttributeValue('0x10', 'integer').value).toEqual({ type: 'int', value: 16, hex: true });
    expect(compileAttributeValue('1.5', 'integer').problem).toMatch(/expects an integer/);
    expect(compileAttributeValue('S', 'integer-or-string').value).toEqual({ type: 'string', value: 'S' });
    expect(compileAttributeValue('@mipmap/ic_launcher', 'reference-or-string').value).toEqual({ type: 'reference', id: 0, name: '@mipmap/ic_launcher' });
    expect(compileAttributeValue('OEM IMS', 'reference-or-string').value).toEqual({ type: 'string', value: 'OEM IMS' });
    expect(compileAttributeValue('xml/x', 'reference').problem).toMatch(/resource reference/);
  });

  it('types unprefixed attributes as boolean or integer, else string', () => {
    expect(compileAttributeValue('true', 'unprefixed').value).toEqual({ type: 'boolean', value: true });
    expect(compileAttributeValue('29', 'unprefixed').value).toEqual({ type: 'int', value: 29, hex: false });
    expect(compileAttributeValue('com.oem.ims', 'unprefixed').value).toEqual({ type: 'string', value: 'com.oem.ims' });
  });

  it('unescapes aapt string escapes', () => {
    expect(unescapeAapt('a\\nb\\tc\\\\d\\"e')).toBe('a\nb\tc\\d"e');
  });
});

describe('Res_value encoding', () => {
  it.each(VALUE_CASES)('%j round-trips through (dataType, data)', (_text, value) => {
    const strings: string[] = [];
    const { dataType, data } = encodeResValue(value, (s) => strings.push(s) - 1);
    expect(decodeResValue(dataType, data, (i) => strings[i] ?? '')).toEqual(value);
  });

  it('describes values the way messages print them', () => {
    expect(describeResValue({ type: 'string', value: 'yes' })).toBe('"yes"');
    expect(describeResValue({ type: 'boolean', value: false })).toBe('false');
    expect(describeResValue({ type: 'int', value: -1, hex: true })).toBe('0xffffffff');
    expect(describeResValue({ type: 'reference', id: 0x0104000a })).toBe('@0x0104000a');
    expect(describeResValue({ type: 'color', value: 0xffff0000, form: 'rgb8' })).toBe('#ffff0000');
  });
});

const aaptDescribe = AAPT_AVAILABLE ? describe : describe.skip;
aaptDescribe(`aapt agrees with the value table${AAPT_AVAILABLE ? '' : ` (${AAPT_MISSING_REASON})`}`, () => {
  it('compiles every case to the same type and data as ims-rig', () => {
    const metas = VALUE_CASES.map(([text], i) => `<meta-data android:name="v${i}" android:value="${text.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"/>`);
    const manifest = `<manifest xmlns:android="${ANDROID_NS}" package="com.x.values"><application>\n${metas.join('\n')}\n</application></manifest>`;
    const dump = xmltree(aaptBuild(manifest));
    // Each meta-data prints its name line, then its value line.
    const values = [...dump.matchAll(/android:name\(0x01010003\)="v(\d+)".*\n\s*A: android:value\(0x01010024\)=(.*)/g)]
      .map((m) => [Number(m[1]), m[2] ?? ''] as const);
    expect(values).toHaveLength(VALUE_CASES.length);
    const doc = parseXmlDocument(manifest, 'values.xml');
    const app = doc.root.children[0];
    for (const [i, printed] of values) {
      const ours = app?.children[i]?.attributes.find((a) => a.name === 'value')?.value;
      expect({ i, printed: aaptPrint(ours) }).toEqual({ i, printed });
    }
  });
});

/** How `aapt dump xmltree` prints a value (after the `=`). */
function aaptPrint(value: ResValue | undefined): string {
  if (value === undefined) return '(missing)';
  if (value.type === 'string') return `"${value.value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}" (Raw: "${value.value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}")`;
  const { dataType, data } = encodeResValue(value, () => 0);
  return `(type 0x${dataType.toString(16)})0x${data.toString(16)}`;
}
