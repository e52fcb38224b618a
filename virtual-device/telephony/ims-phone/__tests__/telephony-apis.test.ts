/**
 * The APIs TestRcsApp and ImsTestService reach (telephony-apis-impl.ts), decided as AOSP decides:
 * permissions first, then the single-registration feature, the RCS feature's READY state, the
 * carrier's single-registration key and the ImsService's SIP delegate capability; and the
 * singlereg-without-sip-delegates deviation.
 */
import { bool, type BundleValue } from '../../carrier/bundle';
import { CAPABILITY_SIP_DELEGATE_CREATION } from '../../ims/binder';
import { ImsFeatureBinderRepository } from '../../ims/ims-feature-binder-repository';
import { DeviceScheduler } from '../../java/scheduler';
import { AOSP_HOOKS, deviationHooks } from '../../../deviations/deviations';
import { ImsPhone } from '../ims-phone';
import { createTelephonyApis, FEATURE_SINGLE_REGISTRATION, KEY_IMS_SINGLE_REGISTRATION_REQUIRED_BOOL, type ApiDeps } from '../telephony-apis-impl';
import { JavaException, type DelegateListener } from '../../telephony-apis';

const RCS_APP = 'com.google.android.sample.rcsclient';
const clock = { scale: 1, elapsedMs: () => 0, now: () => new Date(0), schedule: (_d: number, task: () => void) => { setImmediate(task); return { cancel: () => undefined }; }, pendingTimers: () => 0 };

function world(options: { granted?: readonly string[]; feature?: boolean; rcsState?: number; caps?: number; carrier?: boolean; hooks?: ApiDeps['hooks'] } = {}): ApiDeps {
  const log = { write: () => undefined };
  const repo = new ImsFeatureBinderRepository(clock, log);
  const binder = { description: 'android.os.BinderProxy@1' } as never;
  repo.addConnection(0, 1, 2, { imsFeature: binder, imsConfig: binder, imsRegistration: binder, sipTransport: binder, state: options.rcsState ?? 2, capabilities: options.caps ?? CAPABILITY_SIP_DELEGATE_CREATION, packageName: 'com.oem.ims' });
  const scheduler = new DeviceScheduler(clock, (_t, e) => { throw e; });
  const main = scheduler.handler('main', 'com.android.phone');
  const config = new Map<string, BundleValue | null>([[KEY_IMS_SINGLE_REGISTRATION_REQUIRED_BOOL, bool(options.carrier ?? true)]]);
  return {
    phones: [new ImsPhone(0, clock, (task) => main.post('cb', task))],
    repo, main, hooks: options.hooks ?? AOSP_HOOKS,
    isPermissionGranted: (_pkg, p) => (options.granted ?? ['android.permission.PERFORM_IMS_SINGLE_REGISTRATION']).includes(p),
    hasSystemFeature: (name) => name === FEATURE_SINGLE_REGISTRATION && (options.feature ?? true),
    subId: () => 1, slotOf: (sub) => (sub === 1 ? 0 : -1), defaultVoiceSubId: () => 1, defaultSmsSubId: () => 1,
    carrierConfig: () => config,
  };
}

function outcome(deps: ApiDeps): Promise<string> {
  return new Promise((resolve) => {
    const listener: DelegateListener = {
      onCreated: () => undefined,
      onFeatureTagStatusChanged: (registered) => resolve(`registered ${registered.join(' ')}`),
      onDestroyed: (r) => resolve(`destroyed ${r}`),
    };
    try {
      createTelephonyApis(deps).app.createSipDelegate(RCS_APP, 1, ['+g.chat'], listener);
    } catch (e) {
      resolve(e instanceof JavaException ? `${e.javaClass}: ${e.message}` : String(e));
    }
  });
}

describe('createSipDelegate', () => {
  it('creates the delegate and registers the tags on a single-registration device', async () => {
    expect(await outcome(world())).toBe('registered +g.chat');
  });
  it('needs PERFORM_IMS_SINGLE_REGISTRATION (SecurityException)', async () => {
    expect(await outcome(world({ granted: [] }))).toMatch(/^java.lang.SecurityException: createSipDelegate: /);
  });
  it('needs the single-registration feature, a READY RcsFeature, the carrier key and the capability', async () => {
    expect(await outcome(world({ feature: false }))).toMatch(/ImsException: SipDelegate creation is only supported for devices supporting IMS single registration \(code: 2\)$/);
    expect(await outcome(world({ rcsState: 0 }))).toBe('android.telephony.ims.ImsException: Service not available (code: 1)');
    expect(await outcome(world({ carrier: false }))).toMatch(/carrier has enabled single registration\. \(code: 2\)$/);
    expect(await outcome(world({ caps: 0 }))).toMatch(/\(code: 2\)$/);
  });
  it('singlereg-without-sip-delegates: the capability is ignored', async () => {
    expect(await outcome(world({ hooks: deviationHooks('singlereg-without-sip-delegates') }))).toMatch(/carrier has enabled single registration\. \(code: 2\)$/);
  });
});

describe('isRcsVolteSingleRegistrationCapable', () => {
  it('answers READ_PRIVILEGED_PHONE_STATE holders too (AOSP), from the feature and the carrier key', () => {
    const apis = (o: Parameters<typeof world>[0]): boolean => createTelephonyApis(world(o)).app.isRcsVolteSingleRegistrationCapable(RCS_APP, 1);
    expect(apis({ granted: ['android.permission.READ_PRIVILEGED_PHONE_STATE'] })).toBe(true);
    expect(apis({ carrier: false })).toBe(false);
    expect(() => apis({ granted: [] })).toThrow(/isRcsVolteSingleRegistrationCapable: Neither user/);
  });
});
