/** The manifest reader on the real AOSP and CTS manifests (fixtures/real-inputs/manifests, verbatim). */
import { type ComponentInfo, metaDataMap, parseManifestXml } from '../android-manifest';
import { REAL, realManifestText } from './fixture-files';

const read = (name: string) => parseManifestXml(realManifestText(name), name);
const imsServices = (components: readonly ComponentInfo[]) =>
  components.filter((c) => c.kind === 'service' && c.intentFilters.some((f) => f.actions.includes('android.telephony.ims.ImsService')));

describe('real manifests', () => {
  it('AOSP ImsTestService: no feature meta-data, directBootAware on <application> only, persistent on the <service>', () => {
    const m = read(REAL.imsTestService);
    expect(m.package).toBe('com.android.phone.testapps.imstestapp');
    expect(m.application).toMatchObject({ label: 'ImsTestService', directBootAware: true });
    expect(m.application?.persistent).toBeUndefined();
    expect(m.usesPermissions.map((p) => p.name)).toEqual(['android.permission.READ_PHONE_STATE']);
    const [svc, ...others] = imsServices(m.components);
    expect(others).toEqual([]);
    expect(svc).toMatchObject({
      name: '.TestImsService', qualifiedName: 'com.android.phone.testapps.imstestapp.TestImsService',
      exported: true, enabled: true, persistent: true, permission: 'android.permission.BIND_IMS_SERVICE', metaData: [], line: 44,
    });
    expect(svc?.directBootAware).toBeUndefined();
    expect(m.components.filter((c) => c.kind === 'activity').map((c) => c.name)).toEqual(['.ImsTestServiceApp', '.ImsRegistrationActivity', '.ImsCallingActivity', '.ImsConfigActivity']);
  });

  it('AOSP ImsTestService 2018: static MMTEL meta-data; the commented-out EMERGENCY_MMTEL is not read', () => {
    const svc = imsServices(read(REAL.imsTestService2018).components)[0];
    expect(svc?.metaData).toEqual([{ name: 'android.telephony.ims.MMTEL_FEATURE', value: { type: 'boolean', value: true }, line: 43 }]);
  });

  it('CTS TestExternalImsService: no permission, override_bind_check=true', () => {
    const m = read(REAL.ctsExternal);
    expect(m.package).toBe('android.telephony.cts.externalimsservice');
    const svc = imsServices(m.components)[0];
    expect(svc).toMatchObject({ name: '.TestExternalImsService', directBootAware: true, persistent: true, exported: true });
    expect(svc?.permission).toBeUndefined();
    expect(metaDataMap(svc?.metaData ?? []).get('override_bind_check')?.value).toEqual({ type: 'boolean', value: true });
  });

  it('AOSP TestRcsApp: no ImsService; single-registration permissions and the SMS-role components', () => {
    const m = read(REAL.testRcsApp);
    expect(m).toMatchObject({ package: 'com.google.android.sample.rcsclient', versionCode: 14, versionName: '1.0.13' });
    expect(imsServices(m.components)).toEqual([]);
    expect(m.usesPermissions.map((p) => p.name)).toEqual([
      'android.permission.MODIFY_PHONE_STATE', 'android.permission.READ_PRIVILEGED_PHONE_STATE',
      'android.permission.PERFORM_IMS_SINGLE_REGISTRATION', 'android.permission.READ_CONTACTS',
      'android.permission.ACCESS_RCS_USER_CAPABILITY_EXCHANGE',
    ]);
    // android:label="@string/app_name" is a reference only aapt with the app's resources can resolve.
    expect(m.application?.label).toBe('@string/app_name');
    const byName = new Map(m.components.map((c) => [c.name, c]));
    expect(byName.get('.SmsReceiver')).toMatchObject({ kind: 'receiver', permission: 'android.permission.BROADCAST_SMS' });
    expect(byName.get('.MmsReceiver')?.intentFilters[0]?.mimeTypes).toEqual(['application/vnd.wap.mms-message']);
    expect(byName.get('.ComposeSmsActivity')?.intentFilters[0]?.dataSchemes).toEqual(['sms', 'smsto', 'mms', 'mmsto']);
    expect(byName.get('.HeadlessSmsSendService')).toMatchObject({ kind: 'service', exported: true, permission: 'android.permission.SEND_RESPOND_VIA_MESSAGE' });
    expect(byName.get('.carrierLock.CarrierLockProvider')).toMatchObject({ kind: 'provider', qualifiedName: 'com.google.android.sample.rcsclient.carrierLock.CarrierLockProvider' });
  });

  it('CTS telephony (full): TestImsService among many bound services, application meta-data kept', () => {
    const m = read(REAL.ctsTelephony);
    expect(m.package).toBe('android.telephony.cts');
    expect(m.application?.debuggable).toBe(true);
    expect(m.usesPermissions.length).toBeGreaterThan(40);
    expect(imsServices(m.components)).toEqual([expect.objectContaining({
      qualifiedName: 'android.telephony.ims.cts.TestImsService', directBootAware: true, persistent: true,
      exported: true, permission: 'android.permission.BIND_IMS_SERVICE',
    })]);
    expect(m.components.filter((c) => c.kind === 'service').length).toBeGreaterThan(10);
    expect(metaDataMap(m.application?.metaData ?? []).get('mbms-file-provider-authority')?.value).toEqual({ type: 'string', value: 'android.telephony.mbms.cts' });
    expect(m.problems).toEqual([]);
  });
});
