import { metaDataMap, parseManifestXml } from '../android-manifest';
import { renderManifestXml } from '../android-manifest-render';
import { type ImsAppSpec } from '../../model/ims-app';
import { parsePackageName } from '../../model/package-name';

const spec = (over: Partial<ImsAppSpec> = {}): ImsAppSpec => ({
  package: parsePackageName('com.scenario.ims'), service: 'com.scenario.ims.OemImsService', action: 'ims', permission: true,
  overrideBindCheck: false, directBootAware: true, location: 'priv-app', metadata: [], answers: {}, behaviour: 'normal', installed: true, ...over,
});
const render = (s: ImsAppSpec, extras?: Parameters<typeof renderManifestXml>[1]) => parseManifestXml(renderManifestXml(s, extras), 'rendered.xml');

describe('renderManifestXml', () => {
  it('writes the documented service definition for a default app', () => {
    const m = render(spec({ metadata: ['RCS', 'EMERGENCY_MMTEL', 'MMTEL'], answers: { 1: ['MMTEL'], 0: ['MMTEL', 'RCS'] } }));
    expect(m.package).toBe('com.scenario.ims');
    expect(m.application).toMatchObject({ persistent: true });
    expect(m.components).toHaveLength(1);
    const s = m.components[0];
    expect(s).toMatchObject({
      kind: 'service', qualifiedName: 'com.scenario.ims.OemImsService', exported: true, directBootAware: true,
      permission: 'android.permission.BIND_IMS_SERVICE',
      intentFilters: [expect.objectContaining({ actions: ['android.telephony.ims.ImsService'] })],
    });
    // Feature meta-data in ImsFeature order, booleans as ImsResolver reads them; answers per slot.
    expect(s?.metaData.map((e) => [e.name, e.value])).toEqual([
      ['android.telephony.ims.EMERGENCY_MMTEL_FEATURE', { type: 'boolean', value: true }],
      ['android.telephony.ims.MMTEL_FEATURE', { type: 'boolean', value: true }],
      ['android.telephony.ims.RCS_FEATURE', { type: 'boolean', value: true }],
      ['ims-rig.answers', { type: 'string', value: '0=MMTEL,RCS;1=MMTEL' }],
    ]);
    expect(m.usesPermissions).toEqual([]);
  });

  it('follows the spec: compat action, no permission, override_bind_check, not direct boot aware, data app, behaviour', () => {
    const m = render(spec({ action: 'compat', permission: false, overrideBindCheck: true, directBootAware: false, location: 'data', behaviour: 'query-error' }));
    const s = m.components[0];
    expect(s?.intentFilters[0]?.actions).toEqual(['android.telephony.ims.compat.ImsService']);
    expect(s?.permission).toBeUndefined();
    expect(s?.directBootAware).toBe(false);
    // persistent only works for system apps (seed 000), so a data app does not claim it.
    expect(m.application?.persistent).toBeUndefined();
    const meta = metaDataMap(s?.metaData ?? []);
    expect(meta.get('override_bind_check')?.value).toEqual({ type: 'boolean', value: true });
    expect(meta.get('ims-rig.behaviour')?.value).toEqual({ type: 'string', value: 'query-error' });
    expect(meta.get('ims-rig.answers')?.value).toEqual({ type: 'string', value: '' });
  });

  it('adds the scenario extras: uses-permissions and the SMS-role components', () => {
    const m = render(spec(), {
      package: parsePackageName('com.scenario.ims'), smsRoleComponents: true,
      permissions: ['android.permission.PERFORM_IMS_SINGLE_REGISTRATION', 'android.permission.READ_CONTACTS'],
    });
    expect(m.usesPermissions.map((p) => p.name)).toEqual(['android.permission.PERFORM_IMS_SINGLE_REGISTRATION', 'android.permission.READ_CONTACTS']);
    expect(m.components.map((c) => `${c.kind} ${c.name} ${c.permission ?? '-'}`)).toEqual([
      'service com.scenario.ims.OemImsService android.permission.BIND_IMS_SERVICE',
      'receiver .SmsReceiver android.permission.BROADCAST_SMS',
      'receiver .MmsReceiver android.permission.BROADCAST_WAP_PUSH',
      'activity .ComposeSmsActivity -',
      'service .HeadlessSmsSendService android.permission.SEND_RESPOND_VIA_MESSAGE',
    ]);
  });

  it('is deterministic', () => {
    expect(renderManifestXml(spec({ answers: { 0: ['RCS'] } }))).toBe(renderManifestXml(spec({ answers: { 0: ['RCS'] } })));
  });
});
