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
  it('writes the documented service definition for a default app, naming the rig app\'s classes', () => {
    const m = render(spec({ metadata: ['RCS', 'EMERGENCY_MMTEL', 'MMTEL'], answers: { 1: ['MMTEL'], 0: ['MMTEL', 'RCS'] } }));
    expect(m.package).toBe('com.scenario.ims');
    expect(m.application).toMatchObject({ persistent: true });
    expect(m.components).toHaveLength(2);
    const s = m.components[0];
    // The scenario calls it .OemImsService; the APK names the class its classes.dex defines.
    expect(s).toMatchObject({
      kind: 'service', qualifiedName: 'org.imsrig.ims.RigImsService', exported: true, directBootAware: true,
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
    // The control receiver, reachable only by senders holding DUMP (the shell).
    expect(m.components[1]).toMatchObject({
      kind: 'receiver', qualifiedName: 'org.imsrig.ims.ControlReceiver', exported: true, permission: 'android.permission.DUMP',
      intentFilters: [expect.objectContaining({ actions: ['org.imsrig.CONTROL'] })],
    });
  });

  it('writes ims-rig.feature-state when the features are not to reach READY', () => {
    const meta = (s: ImsAppSpec): Map<string, unknown> => new Map([...metaDataMap(render(s).components[0]?.metaData ?? [])].map(([k, v]) => [k, v.value]));
    expect(meta(spec({ featureState: 'UNAVAILABLE' })).get('ims-rig.feature-state')).toEqual({ type: 'string', value: 'UNAVAILABLE' });
    expect(meta(spec({ featureState: 'READY' })).has('ims-rig.feature-state')).toBe(false);
    expect(meta(spec()).has('ims-rig.feature-state')).toBe(false);
  });

  it('follows the spec: compat action, no permission, override_bind_check, not direct boot aware, data app, behaviour', () => {
    const m = render(spec({ action: 'compat', permission: false, overrideBindCheck: true, directBootAware: false, location: 'data', behaviour: 'query-error' }));
    // A compat app cannot be the rig's code (realAppGap): its declared class, and no control receiver.
    expect(m.components.map((c) => c.qualifiedName)).toEqual(['com.scenario.ims.OemImsService']);
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
      'service org.imsrig.ims.RigImsService android.permission.BIND_IMS_SERVICE',
      'receiver org.imsrig.ims.ControlReceiver android.permission.DUMP',
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
