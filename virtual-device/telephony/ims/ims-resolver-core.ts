/**
 * The state and the binding machinery of ImsResolver (OPT ImsResolver.java, Android 15): the
 * installed-services cache and the active controllers (java.util.HashMap order, which decides
 * quirk 16), the dynamic feature queries, calculateFeatureConfigurationChange and the controller
 * callbacks. ImsResolver (ims-resolver.ts) adds what triggers it: broadcasts, carrier config,
 * shell overrides, MSIM changes.
 */
import { JavaHashMap } from '../java/java-hash';
import { LocalLog } from '../java/local-log';
import { type ComponentName, componentHash, componentKey, componentToString, sameComponent } from './component-name';
import { arraySetOrder, arraySetToString, FEATURE_EMERGENCY_MMTEL, FEATURE_LOG_MAP, FEATURE_MAX, FEATURE_TYPES, type FeatureSet, featureSet, type FeatureSlotPair, type FeatureType, hashSetToString, printFeatures } from './feature-slot-pair';
import { type ImsFeatureBinderRepository } from './ims-feature-binder-repository';
import { IMS_SERVICE_INTERFACE, ImsServiceController, type ImsServiceControllerCallbacks } from './ims-service-controller';
import { COMPAT_SERVICE_INTERFACE, ImsServiceControllerCompat } from './ims-service-controller-compat';
import { type ImsServiceFeatureQueryManager } from './ims-service-feature-query-manager';
import { getImsServiceInfo } from './ims-service-discovery';
import { ImsServiceInfo } from './ims-service-info';
import { INVALID_SUBSCRIPTION_ID, ResolverConfiguration } from './resolver-configuration';
import { type ResolverEnvironment } from './resolver-environment';

const TAG = 'ImsResolver';
export const DELAY_DYNAMIC_QUERY_MS = 5000;

// Handler message names (ImsResolver HANDLER_* constants).
export const HANDLER_ADD_PACKAGE = 'HANDLER_ADD_PACKAGE';
export const HANDLER_REMOVE_PACKAGE = 'HANDLER_REMOVE_PACKAGE';
export const HANDLER_CONFIG_CHANGED = 'HANDLER_CONFIG_CHANGED';
const HANDLER_START_DYNAMIC_FEATURE_QUERY = 'HANDLER_START_DYNAMIC_FEATURE_QUERY';
const HANDLER_DYNAMIC_FEATURE_CHANGE = 'HANDLER_DYNAMIC_FEATURE_CHANGE';

export abstract class ImsResolverCore implements ImsServiceControllerCallbacks {
  protected numSlots: number;
  readonly config: ResolverConfiguration;
  readonly eventLog: LocalLog;
  readonly repo: ImsFeatureBinderRepository;
  protected readonly installedServicesCache = new JavaHashMap<ComponentName, ImsServiceInfo>(componentHash, componentKey);
  protected readonly activeControllers = new JavaHashMap<ComponentName, ImsServiceController>(componentHash, componentKey);
  protected readonly boundImsServicesByFeature = new Map<number, Map<FeatureType, ImsServiceController>>();
  protected featureQueryManager: ImsServiceFeatureQueryManager | null = null;

  constructor(
    protected readonly env: ResolverEnvironment,
    defaultMmTelPackageName: string,
    defaultRcsPackageName: string,
    numSlots: number,
  ) {
    env.logcat.write('I', TAG, `device MMTEL package: ${defaultMmTelPackageName}, device RCS package:${defaultRcsPackageName}`);
    this.numSlots = numSlots;
    this.config = new ResolverConfiguration(defaultMmTelPackageName, defaultRcsPackageName, numSlots);
    this.eventLog = new LocalLog(32, env.clock);
    this.repo = env.repo;
  }


  get slotCount(): number {
    return this.numSlots;
  }

  /** maybeRemovedImsService (triggered by package removal and permanent bind errors). */
  protected abstract maybeRemovedImsService(packageName: string): void;

  // --- handler work -----------------------------------------------------------------------------

  protected send(what: string, obj: unknown, task: () => void, delayMs = 0): void {
    const detail = obj instanceof ImsServiceInfo ? componentToString(obj.name) : typeof obj === 'string' || typeof obj === 'number' ? String(obj) : '';
    this.env.resolverHandler.sendMessage(what, obj, `ImsResolver ${what}${detail ? ` ${detail}` : ''}`, task, delayMs);
  }

  protected discover(packageName: string | null): ImsServiceInfo[] {
    return getImsServiceInfo(
      {
        queryIntentServices: (action, pkg) => this.env.queryIntentServices(action, pkg),
        isDevicePackage: (pkg) => this.config.isDevicePackage(pkg),
        numSlots: this.numSlots,
        logcat: this.env.logcat,
        bindPermissionNotEnforced: this.env.hooks.bindPermissionNotEnforced,
        emergencyKeptWithoutMmtel: this.env.hooks.emergencyKeptWithoutMmtel,
        compatServicesIgnored: this.env.hooks.compatServicesIgnored,
      },
      packageName,
    );
  }

  // --- queries ----------------------------------------------------------------------------------

  protected scheduleQueryForFeatures(info: ImsServiceInfo | null, delayMs = 0): void {
    if (info === null) return;
    if (this.env.resolverHandler.hasMessages(HANDLER_START_DYNAMIC_FEATURE_QUERY, info)) {
      this.env.logcat.write('D', TAG, `scheduleQueryForFeatures: dynamic query for ${componentToString(info.name)} already scheduled`);
      return;
    }
    this.env.logcat.write('D', TAG, `scheduleQueryForFeatures: starting dynamic query for ${componentToString(info.name)} in ${delayMs}ms.`);
    this.send(HANDLER_START_DYNAMIC_FEATURE_QUERY, info, () => this.startDynamicQuery(info), delayMs);
  }

  protected scheduleQueryForName(name: ComponentName, delayMs: number): void {
    const info = this.getImsServiceInfoFromCache(name.packageName);
    if (info === null) {
      this.env.logcat.write('W', TAG, `scheduleQueryForFeatures: Couldn't find cached info for name: ${componentToString(name)}`);
      return;
    }
    this.scheduleQueryForFeatures(info, delayMs);
  }

  protected startDynamicQuery(info: ImsServiceInfo): void {
    // Only configured (device or carrier) services are queried; this runs again if that changes.
    if (!this.isDeviceService(info) && this.getSlotsForActiveCarrierService(info).length === 0) {
      this.env.logcat.write('I', TAG, 'scheduleQueryForFeatures: skipping query for ImsService that is not set as carrier/device ImsService.');
      return;
    }
    this.eventLog.log(`startDynamicQuery - starting query for ${info.toString()}`);
    const action = info.controllerKind === 'compat' ? COMPAT_SERVICE_INTERFACE : IMS_SERVICE_INTERFACE;
    if (!this.queryManager().startQuery(info.name, action)) {
      this.env.logcat.write('W', TAG, 'startDynamicQuery: service could not connect. Retrying after delay.');
      this.eventLog.log(`startDynamicQuery - query failed. Retrying in ${DELAY_DYNAMIC_QUERY_MS} mS`);
      this.scheduleQueryForFeatures(info, DELAY_DYNAMIC_QUERY_MS);
    } else {
      this.env.logcat.write('D', TAG, 'startDynamicQuery: Service queried, waiting for response.');
    }
  }

  protected handleFeaturesChanged(name: ComponentName, features: readonly FeatureSlotPair[]): void {
    this.send(HANDLER_DYNAMIC_FEATURE_CHANGE, name, () => this.dynamicQueryComplete(name, features));
  }

  protected dynamicQueryComplete(name: ComponentName, reported: readonly FeatureSlotPair[]): void {
    const service = this.getImsServiceInfoFromCache(name.packageName);
    if (service === null) {
      this.env.logcat.write('W', TAG, `dynamicQueryComplete: Couldn't find cached info for name: ${componentToString(name)}`);
      return;
    }
    // The ImsFeatureConfiguration's ArraySet, sanitized: inactive slots and E without M removed.
    const features = arraySetOrder(reported).filter((p) => p.slotId < this.numSlots);
    const sanitized = featureSet(features);
    this.sanitizeEmergency(sanitized);
    const kept = features.filter((p) => sanitized.has(p));
    this.eventLog.log(`dynamicQueryComplete: for package ${componentToString(name)}, features:${printFeatures(service.getSupportedFeatures())} ->${printFeatures(kept)}`);
    service.replaceFeatures(kept);
    if (!this.queryManager().isQueryInProgress()) {
      if (this.env.resolverHandler.hasMessages(HANDLER_DYNAMIC_FEATURE_CHANGE)) {
        this.eventLog.log('[warning] dynamicQueryComplete - HANDLER_DYNAMIC_FEATURE_CHANGE pending with calculateFeatureConfigurationChange()');
      }
      this.calculateFeatureConfigurationChange();
    }
  }

  protected queryManager(): ImsServiceFeatureQueryManager {
    if (!this.featureQueryManager) throw new Error('ImsResolver used before initialize()');
    return this.featureQueryManager;
  }

  /** Components with a feature query in flight. */
  activeQueries(): string[] {
    return this.featureQueryManager?.activeComponents() ?? [];
  }

  // --- the binding decision ------------------------------------------------------------------------

  /** Walks the cache in HashMap order: bind/update or unbind each service (A15, no two passes). */
  protected calculateFeatureConfigurationChange(): void {
    for (const info of this.installedServicesCache.values()) {
      const features = this.calculateFeaturesToCreate(info);
      if (this.shouldFeaturesCauseBind(features)) {
        this.bindImsServiceWithFeatures(info, features);
      } else if (this.env.hooks.keepBindingOnEmptyFeatures && this.controllerFor(info)) {
        // hooks.keepBindingOnEmptyFeatures: the vendor never unbinds a service that lost its features.
        continue;
      } else {
        this.unbindImsService(info);
      }
    }
  }

  protected calculateFeaturesToCreate(info: ImsServiceInfo): FeatureSet {
    const pkg = info.packageName;
    if (this.getSlotsForActiveCarrierService(info).length > 0) {
      // Early return: a carrier package on ANY slot gets only its carrier-configured features (quirk 8).
      return featureSet(this.supportedFeaturesOf(info).filter((p) => this.config.carrier(p.slotId, p.featureType) === pkg));
    }
    if (!this.isDeviceService(info)) return featureSet();
    return featureSet(
      info
        .getSupportedFeatures()
        .values()
        .filter((p) => this.config.device(p.featureType) === pkg)
        .filter((p) => !this.carrierTakesOver(p.slotId, p.featureType))
        // hooks.deviceServiceNeedsSubscription: no device IMS on a slot without a SIM.
        .filter((p) => !this.env.hooks.deviceServiceNeedsSubscription || this.config.subId(p.slotId) !== INVALID_SUBSCRIPTION_ID),
    );
  }

  /** Whether the device service gives up (slot, feature) to a carrier package. */
  protected carrierTakesOver(slotId: number, featureType: FeatureType): boolean {
    // hooks.deviceFallbackOnlyWithoutCarrierPackage: no per-feature fallback at all.
    if (this.env.hooks.deviceFallbackOnlyWithoutCarrierPackage) return this.config.carrierPackagesOnSlot(slotId).length > 0;
    return this.doesCarrierConfigurationExist(slotId, featureType);
  }

  /** A carrier package is configured for (slot, feature), installed, cached and supports it. */
  protected doesCarrierConfigurationExist(slotId: number, featureType: FeatureType): boolean {
    const carrierPackage = this.config.carrier(slotId, featureType);
    if (carrierPackage === '') return false;
    return this.doesCachedImsServiceExist(carrierPackage, slotId, featureType);
  }

  protected doesCachedImsServiceExist(packageName: string, slotId: number, featureType: FeatureType): boolean {
    const info = this.getImsServiceInfoFromCache(packageName);
    return info !== null && this.supportedFeaturesOf(info).some((p) => p.slotId === slotId && p.featureType === featureType);
  }

  /** What a service is taken to support (its reported/declared features, in set order). */
  protected supportedFeaturesOf(info: ImsServiceInfo): FeatureSlotPair[] {
    const supported = info.getSupportedFeatures().values();
    if (!this.env.hooks.carrierAssumedToSupportConfiguredFeatures) return supported;
    // hooks.carrierAssumedToSupportConfiguredFeatures: every cell the carrier config gives it counts.
    const set = featureSet(supported);
    for (let s = 0; s < this.numSlots; s++) {
      for (const f of FEATURE_TYPES) if (this.config.carrier(s, f) === info.packageName) set.add({ slotId: s, featureType: f });
    }
    return set.values();
  }

  protected shouldFeaturesCauseBind(features: FeatureSet): boolean {
    return features.values().some((p) => p.featureType !== FEATURE_EMERGENCY_MMTEL);
  }

  protected bindImsServiceWithFeatures(info: ImsServiceInfo, features: FeatureSet): void {
    if (!this.shouldFeaturesCauseBind(features)) return;
    let controller = this.controllerFor(info);
    const slotIdToSubIdMap = this.config.slotSubIdCopy();
    if (controller) {
      this.env.logcat.write('I', TAG, `ImsService connection exists for ${componentToString(info.name)}, updating features ${hashSetToString(features)}`);
      controller.changeImsServiceFeatures(features, slotIdToSubIdMap);
    } else {
      controller = info.controllerKind === 'compat' ? new ImsServiceControllerCompat(this.env, info.name, this) : new ImsServiceController(this.env, info.name, this);
      this.env.logcat.write('I', TAG, `Binding ImsService: ${componentToString(controller.componentName)} with features: ${hashSetToString(features)}`);
      controller.bind(features, slotIdToSubIdMap);
      this.eventLog.log(`bindImsServiceWithFeatures - create new controller: ${controller.toString()}`);
    }
    this.activeControllers.set(info.name, controller);
  }

  protected unbindImsService(info: ImsServiceInfo): void {
    const controller = this.controllerFor(info);
    if (!controller) return;
    this.env.logcat.write('I', TAG, `Unbinding ImsService: ${componentToString(controller.componentName)}`);
    this.eventLog.log(`unbindImsService - unbinding and removing ${controller.toString()}`);
    controller.unbind();
    this.activeControllers.delete(info.name);
  }

  protected controllerFor(info: ImsServiceInfo): ImsServiceController | undefined {
    return this.activeControllers.values().find((c) => sameComponent(c.componentName, info.name));
  }

  protected isDeviceService(info: ImsServiceInfo): boolean {
    return this.config.isDevicePackage(info.packageName);
  }

  protected getSlotsForActiveCarrierService(info: ImsServiceInfo): number[] {
    const slots: number[] = [];
    for (let i = 0; i < this.numSlots; i++) {
      if (this.config.carrierPackagesOnSlot(i).includes(info.packageName)) slots.push(i);
    }
    return slots;
  }

  /** getImsServiceInfoFromCache: first cached component of the package, in HashMap order. */
  protected getImsServiceInfoFromCache(packageName: string): ImsServiceInfo | null {
    if (packageName === '') return null;
    return this.installedServicesCache.values().find((i) => i.packageName === packageName) ?? null;
  }

  /** sanitizeFeatureConfig's E-needs-M part (shared with the controllers through the environment). */
  protected sanitizeEmergency(features: FeatureSet): void {
    this.env.sanitizeEmergency(features);
  }

  // --- ImsServiceControllerCallbacks -----------------------------------------------------------------

  imsServiceFeatureCreated(slotId: number, _subId: number, feature: FeatureType, controller: ImsServiceController): void {
    if (slotId < 0 || slotId >= this.numSlots || feature < 0 || feature >= FEATURE_MAX) {
      this.env.logcat.write('W', TAG, `putImsController received invalid parameters - slot: ${slotId}, feature: ${feature}`);
      return;
    }
    let services = this.boundImsServicesByFeature.get(slotId);
    if (!services) {
      services = new Map();
      this.boundImsServicesByFeature.set(slotId, services);
    }
    this.eventLog.log(`putImsController - [${slotId}, ${FEATURE_LOG_MAP[feature]}] -> ${controller.toString()}`);
    this.env.logcat.write('I', TAG, `ImsServiceController added on slot: ${slotId} with feature: ${FEATURE_LOG_MAP[feature]} using package: ${componentToString(controller.componentName)}`);
    services.set(feature, controller);
  }

  imsServiceFeatureRemoved(slotId: number, feature: FeatureType, _controller: ImsServiceController): void {
    // Removes whatever controller holds the cell, without checking it is the caller (quirk 16).
    const services = this.boundImsServicesByFeature.get(slotId);
    const c = services?.get(feature);
    if (!services || !c) return;
    this.eventLog.log(`removeImsController - [${slotId}, ${FEATURE_LOG_MAP[feature]}] -> ${c.toString()}`);
    this.env.logcat.write('I', TAG, `ImsServiceController removed on slot: ${slotId} with feature: ${FEATURE_LOG_MAP[feature]} using package: ${componentToString(c.componentName)}`);
    services.delete(feature);
  }

  imsServiceFeaturesChanged(features: readonly FeatureSlotPair[], controller: ImsServiceController): void {
    this.env.logcat.write('I', TAG, `imsServiceFeaturesChanged: config=${arraySetToString(features)}, ComponentName=${componentToString(controller.componentName)}`);
    this.eventLog.log(`imsServiceFeaturesChanged - for ${controller.toString()}, new config ${arraySetToString(features)}`);
    this.handleFeaturesChanged(controller.componentName, features);
  }

  imsServiceBindPermanentError(name: ComponentName): void {
    this.env.logcat.write('W', TAG, `imsServiceBindPermanentError: component=${componentToString(name)}`);
    this.eventLog.log(`imsServiceBindPermanentError - for ${componentToString(name)}`);
    this.send(HANDLER_REMOVE_PACKAGE, name.packageName, () => this.maybeRemovedImsService(name.packageName));
  }

  // --- views ------------------------------------------------------------------------------------------

  protected controllersOnSlot(slotId: number): ImsServiceController[] {
    if (slotId < 0 || slotId >= this.numSlots) return [];
    const services = this.boundImsServicesByFeature.get(slotId);
    if (!services) {
      this.env.logcat.write('W', TAG, "getImsServiceControllers: couldn't find any active ImsServiceControllers");
      return [];
    }
    return [...new Set(services.values())];
  }

  /** The controller the per-slot map holds for (slot, feature) (what ImsManager would reach). */
  boundController(slotId: number, feature: FeatureType): ImsServiceController | undefined {
    return this.boundImsServicesByFeature.get(slotId)?.get(feature);
  }

  cachedServices(): ImsServiceInfo[] {
    return this.installedServicesCache.values();
  }

  controllers(): ImsServiceController[] {
    return this.activeControllers.values();
  }
}
