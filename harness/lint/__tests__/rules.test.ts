/** Every lint rule, on a manifest that should trip it and on one that should not. */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { DOC } from '../../docs/documentation';
import { LINT_RULES } from '../registry';
import {
  BIND, COMPAT_FILTER, feature, findingsOf, IMS_FILTER, imsService, lint, manifest, meta,
} from './manifest-builder';

const severities = (text: string, rule: string): string[] => findingsOf(text, rule).map((f) => f.severity);
const SR = 'android.permission.PERFORM_IMS_SINGLE_REGISTRATION';
const UCE = 'android.permission.ACCESS_RCS_USER_CAPABILITY_EXCHANGE';
const CONTACTS = 'android.permission.READ_CONTACTS';
const CURN = 'android.permission.CONNECTIVITY_USE_RESTRICTED_NETWORKS';
const SMS_COMPONENTS = `
  <receiver android:name=".SmsReceiver" android:exported="true" android:permission="android.permission.BROADCAST_SMS">
    <intent-filter><action android:name="android.provider.Telephony.SMS_DELIVER"/></intent-filter></receiver>
  <receiver android:name=".MmsReceiver" android:exported="true" android:permission="android.permission.BROADCAST_WAP_PUSH">
    <intent-filter><action android:name="android.provider.Telephony.WAP_PUSH_DELIVER"/><data android:mimeType="application/vnd.wap.mms-message"/></intent-filter></receiver>
  <activity android:name=".Compose" android:exported="true"><intent-filter><action android:name="android.intent.action.SENDTO"/>
    <data android:scheme="sms"/><data android:scheme="smsto"/><data android:scheme="mms"/><data android:scheme="mmsto"/></intent-filter></activity>
  <service android:name=".Headless" android:exported="true" android:permission="android.permission.SEND_RESPOND_VIA_MESSAGE">
    <intent-filter><action android:name="android.intent.action.RESPOND_VIA_MESSAGE"/>
    <data android:scheme="sms"/><data android:scheme="smsto"/><data android:scheme="mms"/><data android:scheme="mmsto"/></intent-filter></service>`;
const rcsClient = (permissions: readonly string[], components = SMS_COMPONENTS): string => manifest({ permissions, application: components, appAttrs: '' });

describe('the rule registry', () => {
  it('has unique ids, one module per rule named by its id, and cites real documentation sentences', () => {
    const ids = LINT_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of LINT_RULES) {
      expect(existsSync(path.join(__dirname, '..', 'rules', `${r.id}.ts`))).toBe(true);
      expect(DOC[r.doc]).toBeDefined();
    }
  });

  it('a conformant ImsService manifest has no findings at all', () => {
    expect(lint(manifest())).toEqual([]);
  });
});

describe('manifest-values', () => {
  it('errors on a value aapt refuses', () => {
    const f = findingsOf(manifest({ application: imsService({ attrs: `android:exported="yes" android:directBootAware="true" ${BIND}` }) }), 'manifest-values');
    expect(f).toEqual([expect.objectContaining({ severity: 'error', line: 4, element: '<service>', message: expect.stringContaining('android:exported expects "true" or "false"') })]);
  });
});

describe('ims-service-action', () => {
  it('errors on a service that looks like an ImsService but has no ImsService action', () => {
    expect(severities(manifest({ application: imsService({ body: feature('MMTEL') }) }), 'ims-service-action')).toEqual(['error']);
  });
  it('errors on the ImsService action on a receiver', () => {
    expect(severities(manifest({ application: `${imsService()}<receiver android:name=".R">${IMS_FILTER}</receiver>` }), 'ims-service-action')).toEqual(['error']);
  });
  it('is quiet for an unrelated service', () => {
    expect(severities(manifest({ application: `${imsService()}<service android:name=".Other" android:exported="false"/>` }), 'ims-service-action')).toEqual([]);
  });
});

describe('compat-action', () => {
  it('warns "legacy" on the compat action', () => {
    const f = findingsOf(manifest({ application: imsService({ body: `${feature('MMTEL')}${COMPAT_FILTER}` }) }), 'compat-action');
    expect(f).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/^legacy: /) })]);
  });
  it('is quiet for the current action', () => {
    expect(severities(manifest(), 'compat-action')).toEqual([]);
  });
});

describe('multiple-ims-services', () => {
  it('warns once per extra ImsService', () => {
    const f = findingsOf(manifest({ application: imsService() + imsService({ name: '.Second' }) }), 'multiple-ims-services');
    expect(f).toEqual([expect.objectContaining({ severity: 'warning', element: '<service .Second>' })]);
  });
});

describe('bind-permission', () => {
  const noPermission = (body: string): string => manifest({ application: imsService({ attrs: 'android:exported="true" android:directBootAware="true"', body }) });
  it('errors on a service without BIND_IMS_SERVICE', () => {
    const [f] = findingsOf(noPermission(`${feature('MMTEL')}${IMS_FILTER}`), 'bind-permission');
    expect(f).toMatchObject({ severity: 'error', doc: 'bindPermission', message: expect.stringContaining('is not protected by any permission') });
    expect(f?.message).not.toContain('null meta-data');
  });
  it('notes AOSP\'s null meta-data dereference when there is no meta-data either', () => {
    expect(findingsOf(noPermission(IMS_FILTER), 'bind-permission')[0]?.message).toContain('dereferences null meta-data');
  });
  it('errors on another permission', () => {
    const text = manifest({ application: imsService({ attrs: 'android:exported="true" android:directBootAware="true" android:permission="android.permission.BIND_JOB_SERVICE"' }) });
    expect(findingsOf(text, 'bind-permission')[0]?.message).toMatch(/protected by android\.permission\.BIND_JOB_SERVICE, not android\.permission\.BIND_IMS_SERVICE/);
  });
  it('warns "test only" when override_bind_check="true" stands in for the permission', () => {
    const f = findingsOf(noPermission(`${meta('override_bind_check', 'true')}${feature('MMTEL')}${IMS_FILTER}`), 'bind-permission');
    expect(f).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/^test only: /) })]);
  });
  it('errors when override_bind_check is not boolean true (it bypasses nothing)', () => {
    expect(severities(noPermission(`${meta('override_bind_check', 'yes')}${IMS_FILTER}`), 'bind-permission')).toEqual(['error']);
  });
  it('warns about override_bind_check shipped next to the permission', () => {
    expect(severities(manifest({ application: imsService({ body: `${meta('override_bind_check', 'true')}${feature('MMTEL')}${IMS_FILTER}` }) }), 'bind-permission')).toEqual(['warning']);
  });
  it('is quiet with BIND_IMS_SERVICE', () => {
    expect(severities(manifest(), 'bind-permission')).toEqual([]);
  });
});

describe('exported', () => {
  const withAttrs = (attrs: string): string => manifest({ application: imsService({ attrs }) });
  it('errors on exported="false"', () => {
    expect(severities(withAttrs(`android:exported="false" android:directBootAware="true" ${BIND}`), 'exported')).toEqual(['error']);
  });
  it('warns when exported is not written', () => {
    expect(severities(withAttrs(`android:directBootAware="true" ${BIND}`), 'exported')).toEqual(['warning']);
  });
});

describe('enabled', () => {
  it('warns on a disabled ImsService and is quiet otherwise', () => {
    expect(severities(manifest({ application: imsService({ attrs: `android:enabled="false" android:exported="true" android:directBootAware="true" ${BIND}` }) }), 'enabled')).toEqual(['warning']);
    expect(severities(manifest({ application: imsService({ attrs: `android:enabled="true" android:exported="true" android:directBootAware="true" ${BIND}` }) }), 'enabled')).toEqual([]);
  });
});

describe('direct-boot-aware', () => {
  const svc = (dba: string, appAttrs = 'android:persistent="true"'): string =>
    manifest({ appAttrs, application: imsService({ attrs: `android:exported="true" ${dba} ${BIND}` }) });
  it('errors when neither the service nor the application is direct boot aware', () => {
    const f = findingsOf(svc(''), 'direct-boot-aware');
    expect(f).toEqual([expect.objectContaining({ severity: 'error', doc: 'serviceAttributes', message: expect.stringMatching(/^no android:directBootAware="true"/) })]);
  });
  it('errors on an explicit "false"', () => {
    expect(findingsOf(svc('android:directBootAware="false"'), 'direct-boot-aware')[0]?.message).toMatch(/^android:directBootAware="false"/);
  });
  it('accepts it inherited from <application> (system apps), with an info', () => {
    expect(severities(svc('', 'android:persistent="true" android:directBootAware="true"'), 'direct-boot-aware')).toEqual(['info']);
  });
  it('is quiet when the service says true', () => {
    expect(severities(svc('android:directBootAware="true"'), 'direct-boot-aware')).toEqual([]);
  });
});

describe('persistent', () => {
  const app = (appAttrs: string, serviceExtra = ''): string =>
    manifest({ appAttrs, application: imsService({ attrs: `android:exported="true" android:directBootAware="true" ${serviceExtra} ${BIND}` }) });
  it('warns when nothing is persistent', () => {
    expect(findingsOf(app(''), 'persistent')).toEqual([expect.objectContaining({ severity: 'warning', element: '<application>', message: expect.stringContaining('only works for system apps') })]);
  });
  it('warns on persistent="false"', () => {
    expect(severities(app('android:persistent="false"'), 'persistent')).toEqual(['warning']);
  });
  it('says (info) that Android reads it from <application> when it is on the <service>', () => {
    const f = findingsOf(app('', 'android:persistent="true"'), 'persistent');
    expect(f).toEqual([expect.objectContaining({ severity: 'info', element: '<service .ImsService>', message: expect.stringContaining('reads it only from <application>') })]);
  });
  it('is quiet with <application android:persistent="true">', () => {
    expect(severities(app('android:persistent="true"'), 'persistent')).toEqual([]);
  });
  it('says nothing about apps without an ImsService', () => {
    expect(severities(manifest({ application: '', appAttrs: '' }), 'persistent')).toEqual([]);
  });
});

describe('feature-metadata', () => {
  const body = (metas: string): string => manifest({ application: imsService({ body: metas + IMS_FILTER }) });
  it.each([
    ['"yes"', feature('MMTEL', 'yes'), /MMTEL_FEATURE is "yes", which aapt compiles to a string, not a boolean/],
    ['"false"', feature('MMTEL', 'false'), /MMTEL_FEATURE is "false"/],
    ['an integer', feature('RCS', '1'), /RCS_FEATURE is 1, which aapt compiles to an integer/],
    ['a resource', '<meta-data android:name="android.telephony.ims.MMTEL_FEATURE" android:resource="@xml/x"/>', /uses android:resource=@xml\/x instead of android:value/],
  ])('errors on %s', (_what, metas, message) => {
    expect(findingsOf(body(metas), 'feature-metadata')).toEqual([expect.objectContaining({ severity: 'error', message: expect.stringMatching(message) })]);
  });
  it('warns on an unknown android.telephony.ims.* key', () => {
    expect(severities(body(`${feature('MMTEL')}${meta('android.telephony.ims.MMTEL', 'true')}`), 'feature-metadata')).toEqual(['warning']);
  });
  it('is quiet for true values and other meta-data', () => {
    expect(severities(body(`${feature('EMERGENCY_MMTEL')}${feature('MMTEL')}${feature('RCS')}${meta('ims-rig.answers', '0=RCS')}`), 'feature-metadata')).toEqual([]);
  });
});

describe('emergency-needs-mmtel', () => {
  const body = (metas: string): string => manifest({ application: imsService({ body: metas + IMS_FILTER }) });
  it('errors on EMERGENCY_MMTEL without MMTEL (also when MMTEL is not boolean true)', () => {
    expect(severities(body(`${feature('EMERGENCY_MMTEL')}${feature('RCS')}`), 'emergency-needs-mmtel')).toEqual(['error']);
    expect(severities(body(`${feature('EMERGENCY_MMTEL')}${feature('MMTEL', 'yes')}`), 'emergency-needs-mmtel')).toEqual(['error']);
  });
  it('is quiet with both', () => {
    expect(severities(body(`${feature('EMERGENCY_MMTEL')}${feature('MMTEL')}`), 'emergency-needs-mmtel')).toEqual([]);
  });
});

describe('no-feature-metadata', () => {
  it('says (info) that features will be queried', () => {
    const f = findingsOf(manifest({ application: imsService({ body: IMS_FILTER }) }), 'no-feature-metadata');
    expect(f).toEqual([expect.objectContaining({ severity: 'info', message: expect.stringContaining('querySupportedImsFeatures') })]);
  });
  it('errors for a compat service, which is never queried', () => {
    expect(severities(manifest({ application: imsService({ body: COMPAT_FILTER }) }), 'no-feature-metadata')).toEqual(['error']);
  });
  it('is quiet when features are declared', () => {
    expect(severities(manifest(), 'no-feature-metadata')).toEqual([]);
  });
});

describe('no-emergency-mmtel', () => {
  it('says (info) that a device default must support emergency MMTEL', () => {
    expect(severities(manifest({ application: imsService({ body: feature('MMTEL') + IMS_FILTER }) }), 'no-emergency-mmtel')).toEqual(['info']);
  });
  it('is quiet with EMERGENCY_MMTEL, or without static MMTEL', () => {
    expect(severities(manifest(), 'no-emergency-mmtel')).toEqual([]);
    expect(severities(manifest({ application: imsService({ body: feature('RCS') + IMS_FILTER }) }), 'no-emergency-mmtel')).toEqual([]);
  });
});

describe('uce-needs-contacts', () => {
  it('errors on UCE without READ_CONTACTS', () => {
    expect(severities(rcsClient([SR, UCE, CURN]), 'uce-needs-contacts')).toEqual(['error']);
  });
  it('is quiet with both, or without UCE', () => {
    expect(severities(rcsClient([SR, UCE, CONTACTS, CURN]), 'uce-needs-contacts')).toEqual([]);
    expect(severities(rcsClient([SR, CURN]), 'uce-needs-contacts')).toEqual([]);
  });
});

describe('restricted-networks', () => {
  it('warns when a single-registration client does not request CONNECTIVITY_USE_RESTRICTED_NETWORKS', () => {
    expect(severities(rcsClient([SR]), 'restricted-networks')).toEqual(['warning']);
  });
  it('is quiet when it does, and for apps that are not single-registration clients', () => {
    expect(severities(rcsClient([SR, CURN]), 'restricted-networks')).toEqual([]);
    expect(severities(manifest(), 'restricted-networks')).toEqual([]);
  });
});

describe('sms-role-components', () => {
  it('errors once per missing component', () => {
    const f = findingsOf(rcsClient([SR, CURN], ''), 'sms-role-components');
    expect(f.map((x) => x.severity)).toEqual(['error', 'error', 'error', 'error']);
    expect(f.map((x) => x.message.split(' (')[0])).toEqual([
      'no SMS_DELIVER receiver', 'no MMS', 'no SENDTO activity', 'no RESPOND_VIA_MESSAGE service',
    ]);
  });
  it('errors on a component that is there but not as the role requires (no permission)', () => {
    const f = findingsOf(rcsClient([SR, CURN], SMS_COMPONENTS.replace(' android:permission="android.permission.BROADCAST_SMS"', '')), 'sms-role-components');
    expect(f).toEqual([expect.objectContaining({ severity: 'error', element: '<receiver .SmsReceiver>', message: expect.stringContaining('is not what the SMS role requires') })]);
  });
  it('says (info) which of TestRcsApp\'s schemes are missing', () => {
    const f = findingsOf(rcsClient([SR, CURN], SMS_COMPONENTS.replace('<data android:scheme="mmsto"/></intent-filter></activity>', '</intent-filter></activity>')), 'sms-role-components');
    expect(f).toEqual([expect.objectContaining({ severity: 'info', element: '<activity .Compose>', message: expect.stringContaining('not mmsto') })]);
  });
  it('is quiet for a complete client and for apps without PERFORM_IMS_SINGLE_REGISTRATION', () => {
    expect(severities(rcsClient([SR, CURN]), 'sms-role-components')).toEqual([]);
    expect(severities(manifest(), 'sms-role-components')).toEqual([]);
  });
});

describe('single-registration-grant', () => {
  it('says (info) how the permission is granted, only for single-registration clients', () => {
    expect(severities(rcsClient([SR, CURN]), 'single-registration-grant')).toEqual(['info']);
    expect(severities(manifest(), 'single-registration-grant')).toEqual([]);
  });
});

describe('not-ims-app', () => {
  it('says (info) "not an IMS app" when there is neither an ImsService nor an IMS permission', () => {
    expect(findingsOf(manifest({ application: '<activity android:name=".Main"/>' }), 'not-ims-app')).toEqual([
      expect.objectContaining({ severity: 'info', element: '<manifest>', message: expect.stringMatching(/^not an IMS app/) }),
    ]);
  });
  it('is quiet for ImsService apps and single-registration clients', () => {
    expect(severities(manifest(), 'not-ims-app')).toEqual([]);
    expect(severities(rcsClient([SR]), 'not-ims-app')).toEqual([]);
  });
});
