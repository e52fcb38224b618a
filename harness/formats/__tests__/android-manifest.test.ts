import { InputError } from '../../errors/errors';
import { metaDataMap, parseManifestXml } from '../android-manifest';
import { fixtureManifestText } from './fixture-files';

const NS = 'xmlns:android="http://schemas.android.com/apk/res/android"';

describe('parseManifestXml', () => {
  it('reads package, version, permissions, application and components with their lines', () => {
    const m = parseManifestXml(fixtureManifestText('com.oem.ims'), 'com.oem.ims.xml');
    expect(m).toMatchObject({
      file: 'com.oem.ims.xml', source: 'xml', package: 'com.oem.ims', versionCode: 1, versionName: '1.0', line: 3,
      usesPermissions: [{ name: 'android.permission.READ_PHONE_STATE', line: 6 }],
      application: { label: 'OEM IMS', persistent: true, line: 7 },
      problems: [],
    });
    expect(m.application?.directBootAware).toBeUndefined();
    // The service and the rig app's control receiver (the fixture APKs carry the rig app's code).
    expect(m.components.map((c) => c.kind)).toEqual(['service', 'receiver']);
    const s = m.components[0];
    expect(s).toMatchObject({
      kind: 'service', name: 'org.imsrig.ims.RigImsService', qualifiedName: 'org.imsrig.ims.RigImsService', line: 8,
      exported: true, directBootAware: true, permission: 'android.permission.BIND_IMS_SERVICE',
      intentFilters: [{ actions: ['android.telephony.ims.ImsService'], categories: [], dataSchemes: [], mimeTypes: [], line: 16 }],
    });
    expect(s?.persistent).toBeUndefined();
    expect(metaDataMap(s?.metaData ?? []).get('ims-rig.answers')).toEqual({
      name: 'ims-rig.answers', line: 15, value: { type: 'string', value: '0=EMERGENCY_MMTEL,MMTEL,RCS;1=EMERGENCY_MMTEL,MMTEL,RCS' },
    });
  });

  it('types meta-data values as aapt does and keeps android:resource apart', () => {
    const m = parseManifestXml(`<manifest ${NS} package="com.x"><application><service android:name="S">
      <meta-data android:name="b" android:value="true"/>
      <meta-data android:name="y" android:value="yes"/>
      <meta-data android:name="i" android:value="42"/>
      <meta-data android:name="r" android:resource="@xml/config"/>
    </service></application></manifest>`, 'm.xml');
    const meta = metaDataMap(m.components[0]?.metaData ?? []);
    expect(meta.get('b')?.value).toEqual({ type: 'boolean', value: true });
    expect(meta.get('y')?.value).toEqual({ type: 'string', value: 'yes' });
    expect(meta.get('i')?.value).toEqual({ type: 'int', value: 42, hex: false });
    expect(meta.get('r')).toMatchObject({ resource: '@xml/config' });
    expect(meta.get('r')?.value).toBeUndefined();
  });

  it('qualifies component names as Android does and reads every component kind', () => {
    const m = parseManifestXml(`<manifest ${NS} package="com.x"><application>
      <service android:name=".A"/><receiver android:name="B"/><activity android:name="org.y.C"/><provider android:name=".D" android:authorities="d"/>
    </application></manifest>`, 'm.xml');
    expect(m.components.map((c) => [c.kind, c.qualifiedName])).toEqual([
      ['service', 'com.x.A'], ['receiver', 'com.x.B'], ['activity', 'org.y.C'], ['provider', 'com.x.D'],
    ]);
  });

  it('records values aapt would refuse as problems instead of failing', () => {
    const m = parseManifestXml(`<manifest ${NS} package="com.x"><application>\n<service android:name="S" android:exported="yes"/></application></manifest>`, 'm.xml');
    expect(m.components[0]?.exported).toBeUndefined();
    expect(m.problems).toEqual([{ line: 2, element: 'service', message: 'android:exported expects "true" or "false", not "yes"' }]);
  });

  it('reads intent-filter data, categories and priority', () => {
    const m = parseManifestXml(`<manifest ${NS} package="com.x"><application><activity android:name="A">
      <intent-filter android:priority="100"><action android:name="a"/><category android:name="c"/>
      <data android:scheme="smsto"/><data android:mimeType="text/plain"/></intent-filter></activity></application></manifest>`, 'm.xml');
    expect(m.components[0]?.intentFilters[0]).toMatchObject({ actions: ['a'], categories: ['c'], dataSchemes: ['smsto'], mimeTypes: ['text/plain'], priority: 100 });
  });

  it('handles a manifest without <application>', () => {
    const m = parseManifestXml(`<manifest ${NS} package="com.x"><uses-permission android:name="p"/></manifest>`, 'm.xml');
    expect(m.application).toBeUndefined();
    expect(m.components).toEqual([]);
  });
});

describe('parseManifestXml refuses what is not a manifest with an InputError naming the file', () => {
  const full = fixtureManifestText('com.oem.ims');
  it.each([
    ['truncated in a tag', full.slice(0, full.indexOf('android:permission') + 8), /^oem\.xml:\d+:\d+: malformed XML: .*truncated\?/],
    ['truncated after an element', full.slice(0, full.indexOf('</service>')), /^oem\.xml:\d+:\d+: malformed XML: .*truncated\?/],
    ['mismatched tags', `<manifest ${NS} package="com.x">\n<application></service>\n</manifest>`, /^oem\.xml:2:\d+: malformed XML: Unexpected close tag/],
    ['empty', '', /^oem\.xml:1: malformed XML: no root element/],
    ['another root', '<carrier_config_list/>', /^oem\.xml:1: not an AndroidManifest\.xml: the root element is <carrier_config_list>/],
    ['no package', `<manifest ${NS}/>`, /^oem\.xml:1: <manifest> has no package attribute/],
    ['an unbound prefix', '<manifest package="x"><application tools:x="y"/></manifest>', /^oem\.xml:1:\d+: malformed XML: Unbound namespace prefix/],
  ])('%s', (_what, text, message) => {
    let thrown: unknown;
    try {
      parseManifestXml(text, 'oem.xml');
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(InputError);
    expect((thrown as InputError).message).toMatch(message);
    expect((thrown as InputError).file).toBe('oem.xml');
  });
});
