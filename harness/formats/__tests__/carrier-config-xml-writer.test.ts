/**
 * toCarrierConfigXml writes what the rig pushes to devices: every real input survives a round trip
 * with its values and types, and awkward strings are escaped, never mangled.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseString } from 'xml2js';
import { InputError } from '../../errors/errors';
import { FIXTURES_DIR } from '../../paths';
import { parseCarrierConfigXml, toCarrierConfigXml, unfilteredValues } from '../carrier-config-xml';

const REAL = path.join(FIXTURES_DIR, 'real-inputs', 'carrier-configs');
const readable = fs.readdirSync(REAL).filter((f) => f.endsWith('.xml') && !f.includes('T-Mobile')).sort();

describe('toCarrierConfigXml', () => {
  it.each(readable)('%s round-trips with the same values and types', (file) => {
    const original = unfilteredValues(parseCarrierConfigXml(fs.readFileSync(path.join(REAL, file), 'utf8'), file));
    const written = toCarrierConfigXml(original.values, original.types);
    const again = parseCarrierConfigXml(written, 'written.xml');
    expect(again.shape).toBe('current');
    expect(again.configs[0]?.values).toEqual(original.values);
    expect(again.configs[0]?.types).toEqual(original.types);
  });

  it('escapes markup, quotes and line breaks in text and attributes so they read back verbatim', () => {
    const tricky = 'a & b < c > d " e \' f\nnext\r\tend ["<>\\\\\\n]';
    const values = { s_string: tricky, a_string_array: [tricky, ''], empty_string: '' };
    const xml = toCarrierConfigXml(values);
    expect(parseCarrierConfigXml(xml, 'w.xml').configs[0]?.values).toEqual(values);
  });

  it('is read the same by an independent XML parser (xml2js)', async () => {
    const xml = toCarrierConfigXml({ config_ims_rcs_package_override_string: 'com.carrier.a.ims', n_string: 'x & y' });
    const parsed = await new Promise<{ carrier_config: { string: { _: string; $: { name: string } }[] } }>((resolve, reject) =>
      parseString(xml, (err, result: { carrier_config: { string: { _: string; $: { name: string } }[] } }) => (err ? reject(err) : resolve(result))));
    expect(parsed.carrier_config.string.map((s) => [s.$.name, s._])).toEqual([
      ['config_ims_rcs_package_override_string', 'com.carrier.a.ims'],
      ['n_string', 'x & y'],
    ]);
  });

  it('picks element types from the hint, then the key suffix, then the value', () => {
    const xml = toCarrierConfigXml({
      a_int: 3, b_long: 5, c_double: 2, big: 2 ** 40, frac: 0.5, flag_bool: false, gone_string: null,
      ints_int_array: [], longs_long_array: [1], strs: ['x'], bools: [true, false], hinted: 7,
    }, { hinted: 'long' });
    expect(xml).toContain('<int name="a_int" value="3"/>');
    expect(xml).toContain('<long name="b_long" value="5"/>');
    expect(xml).toContain('<double name="c_double" value="2"/>');
    expect(xml).toContain('<long name="big" value="1099511627776"/>');
    expect(xml).toContain('<double name="frac" value="0.5"/>');
    expect(xml).toContain('<boolean name="flag_bool" value="false"/>');
    expect(xml).toContain('<null name="gone_string"/>');
    expect(xml).toContain('<int-array name="ints_int_array" num="0">');
    expect(xml).toContain('<long-array name="longs_long_array" num="1">');
    expect(xml).toContain('<string-array name="strs" num="1">');
    expect(xml).toContain('<boolean-array name="bools" num="2">');
    expect(xml).toContain('<long name="hinted" value="7"/>');
    expect(xml.startsWith("<?xml version='1.0' encoding='utf-8' standalone='yes' ?>\n<carrier_config>\n")).toBe(true);
    expect(parseCarrierConfigXml(xml, 'w.xml').configs[0]?.values['gone_string']).toBeNull();
  });

  it('refuses keys outside the carrier-config grammar, values that do not fit their type, and characters XML cannot carry', () => {
    expect(() => toCarrierConfigXml({ 'bad key': 1 })).toThrow(InputError);
    expect(() => toCarrierConfigXml({ 'a"b': 1 })).toThrow('carrier config key "a\\"b" is not a valid key name');
    expect(() => toCarrierConfigXml({ x_int: 1.5 }, { x_int: 'int' })).toThrow('carrier config x_int: 1.5 is not an int');
    expect(() => toCarrierConfigXml({ s_string: 'nul\u0000' })).toThrow('carrier config s_string: character U+0000 cannot be written to an XML file');
    expect(() => toCarrierConfigXml({ a_int_array: [1, 2 ** 33] })).toThrow('carrier config a_int_array[1]: 8589934592 is not an int');
  });
});
