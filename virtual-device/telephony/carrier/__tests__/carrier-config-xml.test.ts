import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCarrierConfigXml, parsePersistableBundleXml } from '../carrier-config-xml';
import { javaDoubleToString, parseJavaInt } from '../java-numbers';

const REAL_INPUTS = join(__dirname, '../../../../fixtures/real-inputs/carrier-configs');

describe('carrier-config XML as DefaultCarrierConfigService reads it', () => {
  it('reads the current <carrier_config> shape with typed values', () => {
    const r = parseCarrierConfigXml(`<?xml version="1.0"?>
<carrier_config>
  <boolean name="carrier_volte_available_bool" value="true"/>
  <int name="volte_replacement_rat_int" value="-1"/>
  <string name="config_ims_mmtel_package_override_string">com.carrier.ims</string>
  <string name="empty_string"></string>
  <string-array name="ops_string_array" num="3"><!-- c --><item value="a"/><item value="b&amp;c"/></string-array>
  <int-array name="ints_int_array" num="2"><item value="1"/><item value="-2"/></int-array>
  <null name="nothing_string"/>
</carrier_config>`);
    expect(r.error).toBeUndefined();
    expect(r.fragments).toBe(1);
    expect(r.bundle.get('carrier_volte_available_bool')).toEqual({ type: 'BOOLEAN', value: true });
    expect(r.bundle.get('volte_replacement_rat_int')).toEqual({ type: 'INT', value: -1 });
    expect(r.bundle.get('config_ims_mmtel_package_override_string')).toEqual({ type: 'STRING', value: 'com.carrier.ims' });
    expect(r.bundle.get('empty_string')).toEqual({ type: 'STRING', value: '' });
    expect(r.bundle.get('ops_string_array')).toEqual({ type: 'STRING_ARRAY', value: ['a', 'b&c', null] });
    expect(r.bundle.get('ints_int_array')).toEqual({ type: 'INT_ARRAY', value: [1, -2] });
    expect(r.bundle.has('nothing_string')).toBe(true);
    expect(r.bundle.get('nothing_string')).toBeNull();
  });

  it('reads the legacy <carrier_config_list> shape and skips filtered fragments', () => {
    const r = parseCarrierConfigXml(`<carrier_config_list>
  <carrier_config><int name="a_int" value="1"/></carrier_config>
  <carrier_config mcc="311" mnc="480"><int name="b_int" value="2"/></carrier_config>
</carrier_config_list>`);
    expect(r.fragments).toBe(1);
    expect(r.filteredFragments).toBe(1);
    expect([...r.bundle.keys()]).toEqual(['a_int']);
  });

  it('reports (and stops at) a malformed document like the shipped T-Mobile file', () => {
    const text = readFileSync(join(REAL_INPUTS, 'aosp-carrier_config_carrierid_1_T-Mobile-US.xml'), 'utf8');
    const r = parseCarrierConfigXml(text);
    expect(r.error).toMatch(/^org\.xmlpull\.v1\.XmlPullParserException: /);
    expect(r.bundle.size).toBe(0);
  });

  it('reads every other real carrier-config input without error', () => {
    const files = readdirSync(REAL_INPUTS).filter((f) => f.endsWith('.xml') && !f.includes('T-Mobile'));
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const r = parseCarrierConfigXml(readFileSync(join(REAL_INPUTS, f), 'utf8'));
      expect({ f, error: r.error }).toEqual({ f, error: undefined });
    }
    const kt = parseCarrierConfigXml(readFileSync(join(REAL_INPUTS, 'aosp-carrier_config_carrierid_1890_KT.xml'), 'utf8'));
    expect(kt.bundle.get('carrier_volte_available_bool')).toEqual({ type: 'BOOLEAN', value: true });
  });

  it('an unknown value tag stops reading with XmlPullParserException', () => {
    const r = parseCarrierConfigXml('<carrier_config><int name="a_int" value="1"/><map name="m"/></carrier_config>');
    expect(r.error).toBe('org.xmlpull.v1.XmlPullParserException: Unknown tag=map');
    expect(r.bundle.size).toBe(0);
  });
});

describe('PersistableBundle XML for cc set-values-from-xml', () => {
  it('takes the root element children as values', () => {
    const b = parsePersistableBundleXml('<carrier_config><string name="k_string">v</string></carrier_config>');
    expect(b.get('k_string')).toEqual({ type: 'STRING', value: 'v' });
  });

  it('rejects the legacy list shape (the nested <carrier_config> is an unknown tag)', () => {
    expect(() => parsePersistableBundleXml('<carrier_config_list><carrier_config/></carrier_config_list>')).toThrow('Unknown tag=carrier_config');
  });
});

describe('Java number formats', () => {
  it('parses ints like Integer.parseInt and prints doubles like Double.toString', () => {
    expect(parseJavaInt('2147483648')).toBeNull();
    expect(parseJavaInt('-5')).toBe(-5);
    expect(javaDoubleToString(1)).toBe('1.0');
    expect(javaDoubleToString(0.25)).toBe('0.25');
    expect(javaDoubleToString(1e7)).toBe('1.0E7');
  });
});
