/**
 * One run of com.android.phone on the reference device: PhoneGlobals.onCreate's part that matters
 * to IMS — subscriptions, CarrierConfigLoader, and (on a device with android.hardware.telephony.ims)
 * ImsResolver with the TeleService overlay's device defaults — plus the `cmd phone` and
 * `dumpsys phone` services it publishes. Everything it owns dies with it: shell overrides,
 * non-persistent carrier-config overrides, bindings, queued work.
 */
import { type Intent, type Platform } from '../android/platform';
import { ServiceBindingHost } from '../apps/service-binding-host';
import { type DeviationHooks, deviationHooks } from '../deviations/deviations';
import { getBoolean, getString } from './carrier/bundle';
import { type ImsStateCallbackBinder } from './ims-state/callback-wrapper';
import { type FeatureConnectorEnvironment } from './ims-state/feature-connector';
import { ImsStateCallbackController } from './ims-state/ims-state-callback-controller';
import { registerImsStateCallback, unregisterImsStateCallback, type PhoneInterfaceContext } from './ims-state/phone-interface';
import { TelephonyRcsService } from './ims-state/telephony-rcs-service';
import { CarrierConfigLoader } from './carrier/carrier-config-loader';
import { componentToString } from './ims/component-name';
import { ImsFeatureBinderRepository } from './ims/ims-feature-binder-repository';
import { ImsResolver } from './ims/ims-resolver';
import { type ResolverEnvironment } from './ims/resolver-environment';
import { removeEmergencyWithoutMmtel } from './ims/feature-slot-pair';
import { DeviceScheduler, type Handler } from './java/scheduler';
import { type PhoneShellServices } from './shell/phone-shell-services';
import { Subscriptions } from './state/subscriptions';
import { type RunningPhone, type TelephonyDevice } from './telephony-device';
import { ImsPhone } from './ims-phone/ims-phone';
import { createTelephonyApis } from './ims-phone/telephony-apis-impl';
import { TELEPHONY_DEBUG_SERVICE, telephonyDebugServiceDump } from './ims-phone/telephony-debug-service';
import { TELEPHONY_APIS } from './telephony-apis';
import { type ShellCommand } from '../android/platform';
import { type TelephonyServer } from '../apps/observer/observer-app';

export const PHONE_PROCESS = 'com.android.phone';
export const FEATURE_TELEPHONY_IMS = 'android.hardware.telephony.ims';
/** Device milliseconds after process start until the SIMs (or their absence) are read. */
export const SIM_READ_AT_START_MS = 300;
/**
 * Device ms for the modem to switch a SIM's applications off / on again and the phone to see
 * the new SIM state (an estimate: the RIL request plus the SIM's NOT_READY or LOADED event).
 */
export const UICC_APPS_DISABLE_MS = 500;
export const UICC_APPS_ENABLE_MS = 1_500;

export interface PhoneAppOptions {
  readonly slots: 1 | 2;
  readonly deviation: string;
}

export class PhoneApp implements PhoneShellServices, RunningPhone, TelephonyServer {
  readonly resolver: ImsResolver | null;
  /** ImsStateCallbackController and TelephonyRcsService: created with android.hardware.telephony.ims only (SVC PhoneGlobals L647-657). */
  stateCallbacks: ImsStateCallbackController | null = null;
  rcsService: TelephonyRcsService | null = null;
  readonly subscriptions: Subscriptions;
  readonly carrierConfig: CarrierConfigLoader;
  readonly hooks: DeviationHooks;
  readonly deviation: string;
  /** The process's threads (main, ImsResolver, one per controller) on one ordered queue. */
  readonly scheduler: DeviceScheduler;
  private readonly main: Handler;
  private readonly resolverHandler: Handler;
  private readonly bindingHost: ServiceBindingHost;
  private readonly unsubscribers: (() => void)[] = [];
  private cepEnabled = true;
  private stopped = false;
  /** ImsPhone + ImsPhoneCallTracker per phone (registration state, MmTel capabilities). */
  readonly imsPhones: ImsPhone[] = [];
  private repo: ImsFeatureBinderRepository | null = null;

  constructor(
    private readonly platform: Platform,
    private readonly device: TelephonyDevice,
    options: PhoneAppOptions,
  ) {
    this.deviation = options.deviation;
    this.hooks = deviationHooks(options.deviation);
    const state = device.store.load();
    const slots = state.slotCount ?? options.slots;
    this.scheduler = new DeviceScheduler(platform.clock, (thread, error) => device.onUncaught(thread, error));
    this.main = this.scheduler.handler('main', PHONE_PROCESS);
    this.resolverHandler = this.scheduler.handler('ImsResolver', PHONE_PROCESS);
    this.bindingHost = new ServiceBindingHost(platform.pm, device.apps, this.main, platform.log);
    this.subscriptions = new Subscriptions(device.store, slots);
    this.carrierConfig = new CarrierConfigLoader(device.store, this.subscriptions, platform.bus, this.main, platform.log);
    if (platform.pm.hasSystemFeature(FEATURE_TELEPHONY_IMS)) {
      // PhoneGlobals.onCreate reads R.string.config_ims_mmtel_package / config_ims_rcs_package
      // once (aosp-imsresolver.md §1.2): the runtime resource overlays enabled now win over the
      // overlay built into the image (`ims-rig-device overlay` on the default profile).
      const built = state.overlay ?? { mmtel: '', rcs: '' };
      const resource = (name: string, fallback: string): string => platform.resources?.overlaidString(PHONE_PROCESS, `string/${name}`) ?? fallback;
      const mmtel = resource('config_ims_mmtel_package', built.mmtel);
      const rcs = resource('config_ims_rcs_package', built.rcs);
      this.resolver = new ImsResolver(this.resolverEnvironment(), mmtel, rcs, slots);
    } else {
      platform.log.write('I', 'PhoneFactory', 'IMS is not supported on this device, skipping ImsResolver.');
      this.resolver = null;
    }
  }

  get build(): Platform['build'] {
    return this.platform.build;
  }

  /** PhoneGlobals.onCreate: the system kills app processes before it acts on package changes. */
  start(): void {
    this.unsubscribers.push(this.device.apps.watch(this.platform.bus));
    this.publishImsApis();
    this.resolver?.initialize();
    if (this.resolver !== null) this.startStateCallbacks(this.resolver);
    for (let slot = 0; slot < this.subscriptions.slotCount; slot++) this.carrierConfig.loadSlot(slot, SIM_READ_AT_START_MS);
  }

  /** PhoneGlobals.onCreate L647-655: ImsStateCallbackController.make, then TelephonyRcsService. */
  private startStateCallbacks(resolver: ImsResolver): void {
    const connectorEnv: FeatureConnectorEnvironment = {
      logcat: this.platform.log,
      identities: this.device.identities,
      imsSupported: () => this.platform.pm.hasSystemFeature(FEATURE_TELEPHONY_IMS),
      register: (phoneId, feature, callback) => resolver.listenForFeature(phoneId, feature as 0 | 1 | 2, callback),
      unregister: (callback) => resolver.unregisterImsFeatureCallback(callback),
    };
    const controller = new ImsStateCallbackController({
      handler: this.scheduler.handler('ImsStateCallbackController', PHONE_PROCESS),
      logcat: this.platform.log,
      clock: this.platform.clock,
      hooks: this.hooks,
      connectorEnv,
      getSubId: (slot) => this.subscriptions.subId(slot),
      activeSubscriptionIds: () => this.subscriptions.activeSubscriptionIds(),
      isImsServiceConfiguredForFeature: (slot, feature, answer) => this.resolverHandler.post('ImsResolver isImsServiceConfiguredForFeature', () => answer(resolver.isImsServiceConfiguredForFeature(slot, feature as 0 | 1 | 2))),
      registerReceiver: (actions, receiver) => this.registerReceiver(actions, receiver),
      onSubscriptionsChanged: (listener) => this.unsubscribers.push(this.subscriptions.onChanged(listener)),
    }, this.subscriptions.slotCount);
    // hooks.stateCallbackKeptAcrossPhoneCrash: the callbacks the dead process held are taken over.
    if (this.hooks.stateCallbackKeptAcrossPhoneCrash) controller.adoptWrappers(this.device.orphanedStateCallbacks);
    this.stateCallbacks = controller;
    this.rcsService = new TelephonyRcsService({
      mainHandler: this.main,
      logcat: this.platform.log,
      connectorEnv,
      deviceUceEnabled: true,
      getSubId: (slot) => this.subscriptions.subId(slot),
      carrierBoolean: (subId, key) => getBoolean(this.carrierConfig.getConfigForSubId(subId), key),
      registerReceiver: (actions, receiver) => this.registerReceiver(actions, receiver),
      notifyExternalRcsStateChanged: (slot, ready, hasActive) => controller.notifyExternalRcsStateChanged(slot, ready, hasActive),
    }, this.subscriptions.slotCount);
    this.rcsService.initialize();
  }

  // --- TelephonyServer (ITelephony as apps call it) --------------------------------------------

  subscriptionId(slotId: number): number {
    return this.subscriptions.subId(slotId);
  }

  registerImsStateCallback(subId: number, feature: number, callback: ImsStateCallbackBinder, callingPackage: string, holds: (permission: string) => boolean): void {
    registerImsStateCallback(this.phoneInterface(), { subId, feature, callback, callingPackage, holds });
  }

  unregisterImsStateCallback(callback: ImsStateCallbackBinder): void {
    unregisterImsStateCallback(this.phoneInterface(), callback);
  }

  private phoneInterface(): PhoneInterfaceContext {
    return {
      controller: this.stopped ? null : this.stateCallbacks,
      imsSupported: this.platform.pm.hasSystemFeature(FEATURE_TELEPHONY_IMS),
      slotOf: (subId) => this.subscriptions.slotOf(subId),
    };
  }

  /** The process dies: everything it held goes with it. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    for (const unsubscribe of this.unsubscribers.splice(0)) unsubscribe();
    this.resolver?.dispose();
    this.stateCallbacks?.dispose();
    this.rcsService?.dispose();
    this.main.quitSafely();
    this.resolverHandler.quitSafely();
    this.scheduler.dropOwner(PHONE_PROCESS);
    this.bindingHost.dispose();
  }

  setCepEnabled(enabled: boolean): void {
    this.cepEnabled = enabled;
  }

  subscriptionExists(subId: number): boolean {
    return Object.values(this.device.store.load().subIdByIccid).includes(subId);
  }

  /**
   * SubscriptionManagerService.setUiccApplicationsEnabled → the phone asks the modem to switch
   * the SIM's applications off (or on). Off: the slot's SIM goes NOT_READY, a final state like
   * ABSENT (the subscription becomes inactive, CARRIER_CONFIG_CHANGED with an invalid subId, which
   * ImsResolver accepts since commit 298b7e8e, aosp-imsresolver.md §1.8 quirk 12). On: the SIM
   * loads again like a freshly read one. The in-memory carrier-config overrides are per phone and
   * stay (CarrierConfigLoader.clearConfigForPhone leaves mOverrideConfigs alone).
   */
  setUiccApplicationsEnabled(subId: number, enabled: boolean): void {
    const changed = this.device.store.update((state) => {
      const iccid = Object.entries(state.subIdByIccid).find(([, id]) => id === subId)?.[0];
      if (iccid === undefined) return undefined;
      const disabled = new Set(state.uiccAppsDisabled ?? []);
      if (disabled.has(iccid) === !enabled) return undefined;
      if (enabled) disabled.delete(iccid);
      else disabled.add(iccid);
      state.uiccAppsDisabled = [...disabled].sort();
      const slot = state.sims.findIndex((sim) => sim?.iccid === iccid);
      return slot >= 0 && slot < this.subscriptions.slotCount ? slot : undefined;
    });
    this.platform.log.write('D', 'TelephonyShellCommand', `${enabled ? 'Enabling' : 'Disabling'} physical subscription with subId=${subId}`);
    if (changed === undefined) return;
    if (enabled) this.carrierConfig.loadSlot(changed, UICC_APPS_ENABLE_MS);
    else this.carrierConfig.simNotReady(changed, UICC_APPS_DISABLE_MS);
  }

  get conferenceEventPackageEnabled(): boolean {
    return this.cepEnabled;
  }

  // --- RunningPhone (stimuli) -----------------------------------------------------------------------

  onSimInserted(slotId: number): void {
    this.carrierConfig.loadSlot(slotId);
  }

  onSimRemoved(slotId: number): void {
    this.carrierConfig.simRemoved(slotId);
  }

  /** PhoneConfigurationManager.switchMultiSimConfig: registrants are told, new slots read their SIM. */
  onSlotCountChanged(numSlots: number): void {
    const old = this.subscriptions.slotCount;
    this.subscriptions.setSlotCount(numSlots);
    this.resolver?.onMultiSimConfigChanged(numSlots);
    this.stateCallbacks?.onMultiSimConfigChanged(numSlots);
    this.rcsService?.onMultiSimConfigChanged(numSlots);
    for (let slot = old; slot < numSlots; slot++) this.carrierConfig.loadSlot(slot);
  }

  /** Bound components and queries in flight, for `app show`. */
  boundComponents(packageName?: string): string[] {
    return this.bindingHost.boundComponents(packageName).map(componentToString);
  }

  activeQueries(): string[] {
    return this.resolver?.activeQueries() ?? [];
  }

  /**
   * What apps reach of this process (PhoneInterfaceManager / ImsRcsController, ../telephony-apis.ts)
   * and the TelephonyDebugService dump; both go with the process (its service scope).
   */
  private publishImsApis(): void {
    const { platform } = this;
    const services = platform.services;
    if (services === undefined) return;
    const phones = (): ImsPhone[] => {
      for (let id = this.imsPhones.length; id < this.subscriptions.slotCount; id++) {
        this.imsPhones.push(new ImsPhone(id, platform.clock, (task) => this.main.post('ImsPhone callback', task)));
      }
      return this.imsPhones.slice(0, this.subscriptions.slotCount);
    };
    phones();
    const apis = createTelephonyApis({
      get phones() { return phones(); },
      repo: this.repo,
      main: this.main,
      hooks: this.hooks,
      isPermissionGranted: (pkg, permission) => platform.pm.isPermissionGranted(pkg, permission),
      hasSystemFeature: (name) => platform.pm.hasSystemFeature(name),
      subId: (slot) => this.subscriptions.subId(slot),
      slotOf: (subId) => this.subscriptions.slotOf(subId),
      defaultVoiceSubId: () => this.subscriptions.defaultVoiceSubId(),
      defaultSmsSubId: () => this.subscriptions.defaultSubscriptionId(),
      carrierConfig: (subId) => this.carrierConfig.getConfigForSubId(subId),
    });
    services.addService(TELEPHONY_APIS, apis);
    const dump: ShellCommand = (ctx) => {
      ctx.out.stdout(telephonyDebugServiceDump(phones().map((phone) => ({
        phone, subId: this.subscriptions.subId(phone.phoneId), imsSupported: this.resolver !== null, conferenceEventPackageEnabled: this.cepEnabled,
      }))));
      return 0;
    };
    services.addService(`dump:${TELEPHONY_DEBUG_SERVICE}`, dump);
  }

  // --- the resolver's Context --------------------------------------------------------------------

  private resolverEnvironment(): ResolverEnvironment {
    const { platform, device } = this;
    return {
      clock: platform.clock,
      logcat: platform.log,
      repo: (this.repo = new ImsFeatureBinderRepository(platform.clock, platform.log)),
      binder: this.bindingHost,
      identities: device.identities,
      random: device.random,
      resolverHandler: this.resolverHandler,
      mainHandler: this.main,
      hooks: this.hooks,
      newControllerHandler: () => this.scheduler.handler('ImsServiceControllerHandler', PHONE_PROCESS),
      sanitizeEmergency: (features) => {
        // hooks.emergencyKeptWithoutMmtel: the "EMERGENCY_MMTEL needs MMTEL" rule is not applied.
        if (!this.hooks.emergencyKeptWithoutMmtel) removeEmergencyWithoutMmtel(features);
      },
      grantDefaultPermissions: (pkg) => platform.pm.grantDefaultPermissionsToEnabledImsServices?.([pkg]),
      reportCrashAnomaly: () => platform.log.write('D', 'AnomalyReporter', 'reportAnomaly: Received Anomaly Event - IMS Service Crashed'),
      postBinderCallback: (task) => this.main.post('binder callback', task),
      binderDescription: () => device.identities.next('android.os.BinderProxy').description,
      queryIntentServices: (action, pkg) => platform.pm.queryIntentServices(action, pkg),
      getSubId: (slot) => this.subscriptions.subId(slot),
      getSimState: (slot) => this.subscriptions.simState(slot),
      getConfigForSubId: (subId) => {
        const bundle = this.carrierConfig.getConfigForSubId(subId);
        return { getString: (key) => getString(bundle, key) };
      },
      registerReceiver: (actions, receiver) => this.registerReceiver(actions, receiver),
      isUserUnlocked: () => platform.isUserUnlocked(),
    };
  }

  /**
   * Context.registerReceiver: broadcasts run on the main thread; registering for a sticky action
   * delivers its current sticky intent at once (CARRIER_CONFIG_CHANGED from before a phone restart
   * reaches the new ImsResolver, as on a device).
   */
  private registerReceiver(actions: readonly string[], receiver: (intent: Intent) => void): void {
    if (this.stopped) return;
    const deliver = (intent: Intent): void => this.main.post(`broadcast ${intent.action}`, () => receiver(intent));
    this.unsubscribers.push(this.platform.bus.register(actions, deliver));
    if (!BUS_DELIVERS_STICKY_ON_REGISTER) {
      for (const action of actions) {
        const sticky = this.platform.bus.sticky(action);
        if (sticky) deliver(sticky);
      }
    }
  }
}

/** Whether the platform's BroadcastBus.register already replays the sticky intent. */
const BUS_DELIVERS_STICKY_ON_REGISTER = false;
