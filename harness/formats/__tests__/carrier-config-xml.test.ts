/**
 * Carrier-config XML read as Android's CarrierConfig app reads it: every real input in
 * fixtures/real-inputs/carrier-configs (AOSP, LineageOS, CyanogenMod; SOURCES.md) parses to its
 * values, or — T-Mobile, not well-formed as shipped — fails naming the file and line.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError } from '../../errors/errors';
import { FIXTURES_DIR } from '../../paths';
import {
  isUnfiltered, parseCarrierConfigXml, parseCarrierProfile, unfilteredValues, type CarrierConfigDocument,
} from '../carrier-config-xml';

const REAL = path.join(FIXTURES_DIR, 'real-inputs', 'carrier-configs');
const read = (name: string): string => fs.readFileSync(path.join(REAL, name), 'utf8');
const parseReal = (name: string): CarrierConfigDocument => parseCarrierConfigXml(read(name), name);
const valuesOf = (name: string) => unfilteredValues(parseReal(name)).values;

/** Counts the value elements in a file the plain way, to check the parser drops none. */
function countValueElements(text: string): number {
  return (text.match(/<(string|boolean|int|long|double|null|int-array|long-array|double-array|string-array|boolean-array) name=/g) ?? []).length;
}

describe('real carrier configs', () => {
  const files = fs.readdirSync(REAL).filter((f) => f.endsWith('.xml')).sort();

  it('covers every file of the real-inputs folder', () => {
    expect(files).toHaveLength(11);
  });

  it.each(files.filter((f) => !f.includes('T-Mobile')))('%s parses, keeping every key', (file) => {
    const doc = parseReal(file);
    const text = read(file);
    const keys = new Set(doc.configs.flatMap((c) => Object.keys(c.values)));
    expect(keys.size).toBe(new Set([...text.matchAll(/ name="([^"]+)"/g)].map((m) => m[1])).size);
    expect(doc.configs.reduce((n, c) => n + Object.keys(c.values).length, 0)).toBeLessThanOrEqual(countValueElements(text));
  });

  it('T-Mobile US (not well-formed as shipped) is rejected naming the file, line 74 and the mismatched tag', () => {
    const file = 'fixtures/real-inputs/carrier-configs/aosp-carrier_config_carrierid_1_T-Mobile-US.xml';
    const run = (): unknown => parseCarrierConfigXml(read('aosp-carrier_config_carrierid_1_T-Mobile-US.xml'), file);
    expect(run).toThrow(InputError);
    expect(run).toThrow(`${file}:74:`);
    expect(run).toThrow('mismatched tag: </string> does not close <carrier_config> (opened at line 2)');
  });

  it('AT&T: ims.* keys kept as is, &amp; decoded, num counts checked, comments do not count', () => {
    const v = valuesOf('aosp-carrier_config_carrierid_1187_AT&T.xml');
    expect(v['carrier_name_string']).toBe('AT&T');
    expect(v['ims.use_tel_uri_for_pidf_xml']).toBe(true);
    expect(v['ims.rcs_request_forbidden_by_sip_489_bool']).toBe(true);
    expect(v['mmi_two_digit_number_pattern_string_array']).toHaveLength(22);
    expect(v['radio_restart_failure_causes_int_array']).toEqual([36]);
    expect(v['5g_icon_display_grace_period_string']).toBe('connected_mmwave,any,30');
    expect(v['ims_dtmf_tone_delay_int']).toBe(120);
    const doc = parseReal('aosp-carrier_config_carrierid_1187_AT&T.xml');
    expect(doc.shape).toBe('current');
    expect(doc.configs[0]?.types['carrier_name_string']).toBe('string');
    expect(doc.configs[0]?.types['radio_restart_failure_causes_int_array']).toBe('int-array');
  });

  it('Verizon: negative ints in <int-array>, a comment inside a <string-array>, ims.* booleans', () => {
    const v = valuesOf('aosp-carrier_config_carrierid_1839_Verizon-Wireless.xml');
    expect(v['lte_rsrp_thresholds_int_array']).toEqual([-115, -105, -95, -85]);
    const retry = v['telephony_data_setup_retry_rules_string_array'] as string[];
    expect(retry).toHaveLength(4);
    expect(retry[1]).toMatch(/^permanent_fail_causes=8\|27/);
    expect(v['ims_reasoninfo_mapping_string_array']).toHaveLength(10);
    expect(v['ims.enable_presence_capability_exchange_bool']).toBe(true);
    expect(v['gps.persist_lpp_mode_bool']).toBe(true);
    expect(v['nr_advanced_capable_pco_id_int']).toBe(65283);
    expect(v['httpParams']).toBe('x-up-calling-line-id: 1##LINE1NOCOUNTRYCODE##|X-VzW-MDN: 1##LINE1NOCOUNTRYCODE##');
  });

  it('KT: entities decoded, the three literal backslashes and the n kept verbatim', () => {
    const v = valuesOf('aosp-carrier_config_carrierid_1890_KT.xml');
    expect(v['carrier_instant_lettering_invalid_chars_string']).toBe('["<>\\\\\\n]');
    expect((v['carrier_instant_lettering_invalid_chars_string'] as string).length).toBe(9);
    expect(v['carrier_volte_available_bool']).toBe(true);
    expect(v['bandwidth_string_array']).toHaveLength(19);
  });

  it('SoftBank: negative ints', () => {
    const v = valuesOf('aosp-carrier_config_carrierid_1894_SoftBank.xml');
    expect(v['maxMessageTextSize']).toBe(-1);
    expect(v['recipientLimit']).toBe(-1);
    expect(v['additional_nr_advanced_bands_int_array']).toEqual([77, 78, 79]);
    expect(v['ims_dtmf_tone_delay_int']).toBe(215);
  });

  it('Reliance Jio: hide_ims_apn_bool and a lower-case certificate', () => {
    const v = valuesOf('aosp-carrier_config_carrierid_2018_Reliance-Jio.xml');
    expect(v['hide_ims_apn_bool']).toBe(true);
    expect(v['carrier_certificate_string_array']).toEqual(['e7d0c66ff87eae18e4cd16b592ad074e5239809af849f2c9a1ac15f9a026784a:com.jio.mobilock']);
  });

  it('EE: no trailing newline at EOF', () => {
    expect(read('lineageos-carrier_config_carrierid_2_EE.xml').endsWith('</carrier_config>')).toBe(true);
    const v = valuesOf('lineageos-carrier_config_carrierid_2_EE.xml');
    expect(v['carrier_name_string']).toBe('EE');
    expect(v['wfc_operator_error_codes_string_array']).toEqual(['REG09|0']);
  });

  it('vendor_defaults.xml: an empty <carrier_config_list /> is valid and empty', () => {
    const doc = parseReal('aosp-res-xml-vendor_defaults.xml');
    expect(doc).toEqual({ shape: 'legacy', configs: [] });
    expect(unfilteredValues(doc).values).toEqual({});
  });

  it('LineageOS legacy shape with a single-quoted declaration: one unfiltered fragment', () => {
    const doc = parseReal('lineageos-carrier_config_311580.xml');
    expect(doc.shape).toBe('legacy');
    expect(doc.configs).toHaveLength(1);
    expect(isUnfiltered(doc.configs[0]!)).toBe(true);
    expect(doc.configs[0]?.values['carrier_eri_file_name_string']).toBe('eri_311580.xml');
    expect(valuesOf('lineageos-carrier_config_46011.xml')).toEqual({ show_apn_setting_cdma_bool: true, volte_replacement_rat_int: 6 });
  });

  it('CyanogenMod vendor.xml: the mcc/mnc filter is kept, and a filtered fragment is not a SIM profile value', () => {
    const doc = parseReal('cyanogenmod-res-xml-vendor.xml');
    expect(doc.configs).toEqual([
      { filters: { mcc: '311', mnc: '480' }, values: { carrier_allow_turnoff_ims_bool: false }, types: { carrier_allow_turnoff_ims_bool: 'boolean' }, line: 7 },
    ]);
    expect(unfilteredValues(doc).values).toEqual({});
  });
});

describe('parseCarrierProfile', () => {
  it('names the profile and keeps the absolute file', () => {
    const file = path.join(FIXTURES_DIR, 'carrier-configs', 'carrier-a.xml');
    expect(parseCarrierProfile(fs.readFileSync(file, 'utf8'), file, 'carrier-a')).toEqual({
      name: 'carrier-a',
      file,
      values: { carrier_name_string: 'Carrier A', carrier_volte_available_bool: true, config_ims_rcs_package_override_string: 'com.carrier.a.ims' },
    });
  });

  it('flattens every unfiltered fragment in document order (later keys win), skipping filtered ones', () => {
    const xml = `<carrier_config_list>
      <carrier_config><string name="a_string">first</string><int name="b_int" value="1"/></carrier_config>
      <carrier_config gid1="ABCD"><int name="b_int" value="2"/></carrier_config>
      <carrier_config name="label only"><string name="a_string">second</string></carrier_config>
    </carrier_config_list>`;
    expect(parseCarrierProfile(xml, '/x.xml', 'x').values).toEqual({ a_string: 'second', b_int: 1 });
  });

  it('reads the IMS keys of the fixture profiles, including an explicit empty MMTEL key', () => {
    const load = (n: string) => parseCarrierProfile(fs.readFileSync(path.join(FIXTURES_DIR, 'carrier-configs', `${n}.xml`), 'utf8'), n, n).values;
    expect(load('carrier-a-empty-mmtel')).toMatchObject({ config_ims_mmtel_package_override_string: '', config_ims_package_override_string: 'com.carrier.a.ims' });
    expect(load('carrier-legacy')).toMatchObject({ config_ims_package_override_string: 'com.carrier.b.ims' });
    expect(Object.keys(load('carrier-none')).filter((k) => k.startsWith('config_ims'))).toEqual([]);
  });
});

describe('malformed carrier configs', () => {
  const cases: [string, string, string][] = [
    ['num larger than the items', '<carrier_config>\n<int-array name="x_int_array" num="3">\n<item value="1"/><item value="2"/>\n</int-array>\n</carrier_config>',
      'f.xml:2: <int-array name="x_int_array"> has num="3" but 2 <item> elements'],
    ['num smaller than the items', '<carrier_config><string-array name="s" num="0"><item value="a"/></string-array></carrier_config>',
      'f.xml:1: <string-array name="s"> has num="0" but 1 <item> element'],
    ['num missing', '<carrier_config>\n  <string-array name="s"/>\n</carrier_config>', 'f.xml:2: <string-array name="s"> has no num attribute'],
    ['an int that is not a number', '<carrier_config>\n\n<int name="i" value="12a"/></carrier_config>', 'f.xml:3: <int name="i"> value "12a" is not a decimal int'],
    ['an int out of range', '<carrier_config><int name="i" value="2147483648"/></carrier_config>', 'f.xml:1: <int name="i"> value 2147483648 is out of range for an int'],
    ['a boolean that is not true/false', '<carrier_config><boolean name="b" value="yes"/></carrier_config>', 'f.xml:1: <boolean name="b"> value "yes" must be true or false'],
    ['an unknown value element', '<carrier_config>\n<float name="f" value="1"/>\n</carrier_config>', 'f.xml:2: unknown value element <float>'],
    ['a value without a name', '<carrier_config><string>x</string></carrier_config>', 'f.xml:1: <string> has no name attribute'],
    ['a nested bundle', '<carrier_config><pbundle_as_map name="p"></pbundle_as_map></carrier_config>', 'f.xml:1: nested bundle <pbundle_as_map name="p"> is not supported'],
    ['a wrong root', '<resources/>', 'f.xml:1: root element is <resources>; a carrier config is <carrier_config> or <carrier_config_list>'],
    ['a stranger in a list', '<carrier_config_list>\n<foo/>\n</carrier_config_list>', 'f.xml:2: <carrier_config_list> may hold only <carrier_config> elements, found <foo>'],
    ['a non-item in an array', '<carrier_config><int-array name="a" num="1"><value v="1"/></int-array></carrier_config>', 'f.xml:1: <int-array name="a"> may hold only <item> elements, found <value>'],
    ['an unclosed root', '<carrier_config>\n<int name="a" value="1"/>\n', 'f.xml:3:1: document ended before </carrier_config> (opened at line 1)'],
    ['an HTML entity', '<carrier_config><string name="s">&nbsp;</string></carrier_config>', 'f.xml:1:40: not well-formed XML: Invalid character entity'],
    ['an empty document', '', 'f.xml: no root element'],
  ];
  it.each(cases)('%s', (_what, xml, message) => {
    expect(() => parseCarrierConfigXml(xml, 'f.xml')).toThrow(InputError);
    expect(() => parseCarrierConfigXml(xml, 'f.xml')).toThrow(message);
  });

  it('stray text where a tag lost its "<" is named with its own line when the XML is otherwise well-formed', () => {
    const xml = '<carrier_config>\n  <int name="a" value="1"/>\n  string name="x"&gt;y\n</carrier_config>';
    expect(() => parseCarrierConfigXml(xml, 'f.xml')).toThrow('f.xml:3: unexpected text "string name=\\"x\\">y" inside <carrier_config>');
  });
});
