/** The TeleService device-default overlay (res/values/config.xml) as ImsResolver's inputs. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError } from '../../errors/errors';
import { FIXTURES_DIR } from '../../paths';
import { parseDeviceOverlay, toOverlayXml } from '../overlay-xml';

const fixture = (name: string): string => fs.readFileSync(path.join(FIXTURES_DIR, 'overlays', name), 'utf8');

describe('parseDeviceOverlay', () => {
  it('oem-default.xml: com.oem.ims for MMTEL and RCS', () => {
    expect(parseDeviceOverlay(fixture('oem-default.xml'), 'oem-default.xml')).toEqual({ mmtel: 'com.oem.ims', rcs: 'com.oem.ims' });
  });

  it('empty.xml: no device default (self-closing strings)', () => {
    expect(parseDeviceOverlay(fixture('empty.xml'), 'empty.xml')).toEqual({ mmtel: '', rcs: '' });
  });

  it('oem-mmtel-only.xml: an empty element leaves RCS without a default', () => {
    expect(parseDeviceOverlay(fixture('oem-mmtel-only.xml'), 'x.xml')).toEqual({ mmtel: 'com.oem.ims', rcs: '' });
  });

  it('a missing key is no default; other resources and the Android 9 framework key are ignored; aapt trims and unquotes', () => {
    const xml = `<resources>
      <bool name="config_dynamic_bind_ims">true</bool>
      <string name="config_ims_package">com.old.ims</string>
      <string name="config_ims_rcs_package">  "com.rcs.app"  </string>
    </resources>`;
    expect(parseDeviceOverlay(xml, 'x.xml')).toEqual({ mmtel: '', rcs: 'com.rcs.app' });
  });

  it('rejects an unsafe package naming file and line', () => {
    const xml = '<resources>\n  <string name="config_ims_mmtel_package">a;reboot</string>\n</resources>';
    expect(() => parseDeviceOverlay(xml, 'o.xml')).toThrow(InputError);
    expect(() => parseDeviceOverlay(xml, 'o.xml')).toThrow('o.xml:2: config_ims_mmtel_package "a;reboot" is not a valid Android package name');
  });

  it('rejects a wrong root and XML that is not well-formed', () => {
    expect(() => parseDeviceOverlay('<carrier_config/>', 'o.xml')).toThrow('o.xml:1: root element is <carrier_config>; an overlay config.xml is <resources>');
    expect(() => parseDeviceOverlay('<resources><string name="config_ims_mmtel_package">x</resources>', 'o.xml'))
      .toThrow('o.xml:1:65: mismatched tag: </resources> does not close <string> (opened at line 1)');
  });

  it('round-trips through toOverlayXml', () => {
    for (const overlay of [{ mmtel: 'com.oem.ims', rcs: '' }, { mmtel: '', rcs: '' }, { mmtel: 'a.b', rcs: 'c.d' }] as const) {
      expect(parseDeviceOverlay(toOverlayXml(overlay as never), 'w.xml')).toEqual(overlay);
    }
  });
});
