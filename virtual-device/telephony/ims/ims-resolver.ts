/**
 * ImsResolver as Android 15 implements it (OPT src/java/com/android/internal/telephony/ims/ImsResolver.java,
 * android-15.0.0_r3…r17, flag ims_resolver_user_aware off; reference aosp-imsresolver.md §1): which
 * ImsService is bound for every (slot, feature), with all of AOSP's rules and quirks — the
 * carrier-over-device choice per (slot, feature), the wait for the first CARRIER_CONFIG_CHANGED, the
 * dynamic query and its 5 s retry, the carrier-package early return, lookups by package name, the
 * shell overrides, and the hand-over race of quirk 16 (see ims-resolver-core.ts).
 *
 * Deviation profiles (virtual-device/deviations) change single decision points, each marked
 * `hooks.<name>`.
 */
import { ACTION_BOOT_COMPLETED, ACTION_CARRIER_CONFIG_CHANGED, ACTION_PACKAGE_ADDED, ACTION_PACKAGE_CHANGED, ACTION_PACKAGE_REMOVED, EXTRA_SLOT_INDEX, EXTRA_SUBSCRIPTION_INDEX, type Intent } from '../../android/platform';
import { CARRIER_IMS_LEGACY_KEY, CARRIER_IMS_MMTEL_KEY, CARRIER_IMS_RCS_KEY } from '../../../harness/model/carrier-profile';
import { type IndentingWriter } from '../java/indenting-writer';
import { componentToString } from './component-name';
import { FEATURE_EMERGENCY_MMTEL, FEATURE_LOG_MAP, FEATURE_TYPES, type FeatureType, printFeatures } from './feature-slot-pair';
import { writeResolverDump } from './ims-resolver-dump';
import { DELAY_DYNAMIC_QUERY_MS, HANDLER_ADD_PACKAGE, HANDLER_CONFIG_CHANGED, HANDLER_REMOVE_PACKAGE, ImsResolverCore } from './ims-resolver-core';
import { type ImsServiceFeatureCallback } from './ims-feature-binder-repository';
import { ImsServiceFeatureQueryManager } from './ims-service-feature-query-manager';
import { INVALID_SUBSCRIPTION_ID } from './resolver-configuration';
import { SIM_STATE_ABSENT, SIM_STATE_NOT_READY } from './resolver-environment';

const TAG = 'ImsResolver';
export const GET_IMS_SERVICE_TIMEOUT_MS = 5000;

const HANDLER_OVERRIDE_IMS_SERVICE_CONFIG = 'HANDLER_OVERRIDE_IMS_SERVICE_CONFIG';
const HANDLER_BOOT_COMPLETE = 'HANDLER_BOOT_COMPLETE';
const HANDLER_MSIM_CONFIGURATION_CHANGE = 'HANDLER_MSIM_CONFIGURATION_CHANGE';
const HANDLER_CLEAR_CARRIER_IMS_SERVICE_CONFIG = 'HANDLER_CLEAR_CARRIER_IMS_SERVICE_CONFIG';

export class ImsResolver extends ImsResolverCore {
  private bootCompletedHandlerRan = false;
  private carrierConfigReceived = false;
  /** Slots whose CARRIER_CONFIG_CHANGED was handled (only read by a deviation). */
  private readonly slotsWithConfigChange = new Set<number>();

  // --- entry points (any thread) ----------------------------------------------------------------

  /** ImsResolver.initialize(): the rest runs on the resolver handler. */
  initialize(): void {
    this.env.resolverHandler.post('ImsResolver initialize', () => this.initializeInternal());
  }

  /** PhoneConfigurationManager's MSIM change registrant. */
  onMultiSimConfigChanged(numSlots: number): void {
    this.send(HANDLER_MSIM_CONFIGURATION_CHANGE, numSlots, () => this.handleMsimConfigChange(numSlots));
  }

  /** `cmd phone ims set-ims-service` (ITelephony.setBoundImsServiceOverride). */
  overrideImsServiceConfiguration(slotId: number, isCarrierService: boolean, featureConfig: ReadonlyMap<FeatureType, string>): boolean {
    if (slotId < 0 || slotId >= this.numSlots) {
      this.env.logcat.write('W', TAG, 'overrideImsServiceConfiguration: invalid slotId!');
      return false;
    }
    this.send(HANDLER_OVERRIDE_IMS_SERVICE_CONFIG, slotId, () => {
      if (isCarrierService) this.overrideCarrierService(slotId, featureConfig);
      else this.overrideDeviceService(featureConfig);
    });
    return true;
  }

  /** `cmd phone ims clear-ims-service-override`. */
  clearCarrierImsServiceConfiguration(slotId: number): boolean {
    if (slotId < 0 || slotId >= this.numSlots) {
      this.env.logcat.write('W', TAG, 'clearCarrierImsServiceConfiguration: invalid slotId!');
      return false;
    }
    this.send(HANDLER_CLEAR_CARRIER_IMS_SERVICE_CONFIG, slotId, () => this.clearCarrierServiceOverrides(slotId));
    return true;
  }

  /**
   * `cmd phone ims get-ims-service`: the configured (not necessarily bound) package, read on the
   * handler; null if the handler does not answer within 5 s (device time).
   */
  getImsServiceConfiguration(slotId: number, isCarrierService: boolean, featureType: FeatureType): Promise<string | null> {
    if (slotId < 0 || slotId >= this.numSlots) {
      this.env.logcat.write('W', TAG, 'getImsServiceConfiguration: invalid slotId!');
      return Promise.resolve('');
    }
    return new Promise((resolve) => {
      const token = {};
      this.env.resolverHandler.post('getImsServiceConfiguration', () => {
        if (!this.env.mainHandler.hasMessages('getImsServiceConfiguration timeout', token)) return;
        this.env.mainHandler.removeMessages('getImsServiceConfiguration timeout', token);
        resolve(isCarrierService ? this.config.carrier(slotId, featureType) : this.config.device(featureType));
      });
      this.env.mainHandler.sendMessage('getImsServiceConfiguration timeout', token, 'getImsServiceConfiguration timeout', () => resolve(null), GET_IMS_SERVICE_TIMEOUT_MS);
    });
  }

  /**
   * listenForFeature (A15 r23 L887-889): a FeatureConnector hears of the (slot, feature) connection
   * through the repository, on this resolver's thread (mRunnableExecutor).
   */
  listenForFeature(slotId: number, feature: FeatureType, callback: ImsServiceFeatureCallback): void {
    this.repo.registerForConnectionUpdates(slotId, feature, callback, (task) => this.env.resolverHandler.post('ImsResolver feature callback', task));
  }

  unregisterImsFeatureCallback(callback: ImsServiceFeatureCallback): void {
    this.repo.unregisterForConnectionUpdates(callback);
  }

  /**
   * isImsServiceConfiguredForFeature (A15 r23 L1071-1081): true whenever a device package is set
   * for the feature (installed or not, reference §1.8 quirk 10); else whether the carrier package,
   * then the device package, is cached and supports (slot, feature) (getConfiguredImsServicePackageNameInternal
   * L1153-1172). Call on the resolver handler (AOSP posts there and waits).
   */
  isImsServiceConfiguredForFeature(slotId: number, featureType: FeatureType): boolean {
    if (this.config.device(featureType) !== '') return true;
    if (slotId < 0 || slotId >= this.numSlots) return false;
    const carrier = this.config.carrier(slotId, featureType);
    if (carrier !== '' && this.doesCachedImsServiceExist(carrier, slotId, featureType)) return true;
    const device = this.config.device(featureType);
    return device !== '' && this.doesCachedImsServiceExist(device, slotId, featureType);
  }

  /** `cmd phone ims enable|disable`: every controller bound on the slot, once. */
  enableIms(slotId: number): void {
    for (const c of this.controllersOnSlot(slotId)) c.enableIms(slotId, this.config.subId(slotId));
  }

  disableIms(slotId: number): void {
    for (const c of this.controllersOnSlot(slotId)) c.disableIms(slotId, this.config.subId(slotId));
  }

  /** Tears everything down: the phone process died. */
  dispose(): void {
    for (const c of this.activeControllers.values()) c.dispose();
  }

  private initializeInternal(): void {
    this.eventLog.log('Initializing');
    this.env.logcat.write('I', TAG, 'Initializing cache.');
    this.featureQueryManager = new ImsServiceFeatureQueryManager(this.env.binder, this.env.logcat, {
      onComplete: (name, features) => {
        this.env.logcat.write('D', TAG, `onComplete called for name: ${componentToString(name)}${printFeatures(features)}`);
        this.handleFeaturesChanged(name, features);
      },
      onError: (name) => {
        this.env.logcat.write('W', TAG, `onError: ${componentToString(name)}returned with an error result`);
        this.eventLog.log(`onError - dynamic query error for ${componentToString(name)}`);
        this.scheduleQueryForName(name, DELAY_DYNAMIC_QUERY_MS);
      },
      onPermanentError: (name) => {
        this.env.logcat.write('W', TAG, `onPermanentError: component=${componentToString(name)}`);
        this.eventLog.log(`onPermanentError - error for ${componentToString(name)}`);
        this.send(HANDLER_REMOVE_PACKAGE, name.packageName, () => this.maybeRemovedImsService(name.packageName));
      },
    });
    this.updateInstalledServicesCache();
    this.env.registerReceiver([ACTION_PACKAGE_CHANGED, ACTION_PACKAGE_REMOVED, ACTION_PACKAGE_ADDED], (intent) => this.onPackageBroadcast(intent));
    this.env.registerReceiver([ACTION_CARRIER_CONFIG_CHANGED], (intent) => this.onCarrierConfigChangedBroadcast(intent));
    if (this.env.isUserUnlocked()) {
      this.send(HANDLER_BOOT_COMPLETE, undefined, () => this.handleBootComplete());
    } else {
      this.env.registerReceiver([ACTION_BOOT_COMPLETED], () => {
        this.env.logcat.write('I', TAG, 'Received BOOT_COMPLETED');
        this.send(HANDLER_BOOT_COMPLETE, undefined, () => this.handleBootComplete());
      });
    }
    this.bindCarrierServicesIfAvailable();
  }

  private onPackageBroadcast(intent: Intent): void {
    const packageName = (intent.data ?? '').replace(/^package:/, '');
    if (intent.action === ACTION_PACKAGE_REMOVED) {
      this.send(HANDLER_REMOVE_PACKAGE, packageName, () => this.maybeRemovedImsService(packageName));
    } else {
      this.send(HANDLER_ADD_PACKAGE, packageName, () => this.maybeAddedImsService(packageName));
    }
  }

  private onCarrierConfigChangedBroadcast(intent: Intent): void {
    const slotId = numberExtra(intent, EXTRA_SLOT_INDEX, -1);
    if (slotId === -1) {
      this.env.logcat.write('I', TAG, 'Received CCC for invalid slot id.');
      return;
    }
    const subId = numberExtra(intent, EXTRA_SUBSCRIPTION_INDEX, INVALID_SUBSCRIPTION_ID);
    const simState = this.env.getSimState(slotId);
    if (subId === INVALID_SUBSCRIPTION_ID && simState !== SIM_STATE_ABSENT && simState !== SIM_STATE_NOT_READY) {
      this.env.logcat.write('I', TAG, `Received CCC for slot ${slotId} and sim state ${simState}, ignoring.`);
      return;
    }
    this.env.logcat.write('I', TAG, `Received Carrier Config Changed for SlotId: ${slotId}, SubId: ${subId}, sim state: ${simState}`);
    this.send(HANDLER_CONFIG_CHANGED, slotId, () => {
      if (slotId >= this.numSlots) {
        this.env.logcat.write('W', TAG, `HANDLER_CONFIG_CHANGED for invalid slotid=${slotId}`);
        return;
      }
      // hooks.carrierConfigChangeAfterBootIgnored: a vendor resolver that reads carrier config once.
      if (this.env.hooks.carrierConfigChangeAfterBootIgnored && this.bootCompletedHandlerRan && this.slotsWithConfigChange.has(slotId)) return;
      this.slotsWithConfigChange.add(slotId);
      this.carrierConfigReceived = true;
      this.carrierConfigChanged(slotId, subId);
    });
  }

  private handleBootComplete(): void {
    if (this.bootCompletedHandlerRan) return;
    this.bootCompletedHandlerRan = true;
    this.eventLog.log('handling BOOT_COMPLETE');
    if (this.carrierConfigReceived) {
      this.eventLog.log('boot complete - reeval');
      this.maybeAddedImsService(null);
    } else {
      // Nothing is bound before the first CARRIER_CONFIG_CHANGED (commit 1e1680eb).
      this.eventLog.log('boot complete - update cache');
      this.updateInstalledServicesCache();
    }
  }

  private updateInstalledServicesCache(): void {
    for (const info of this.discover(null)) {
      if (!this.installedServicesCache.has(info.name)) this.installedServicesCache.set(info.name, info);
    }
  }

  /** Only binds if a carrier configuration exists already; otherwise waits for CARRIER_CONFIG_CHANGED. */
  private bindCarrierServicesIfAvailable(): void {
    let hasConfigChanged = false;
    for (let slotId = 0; slotId < this.numSlots; slotId++) {
      const subId = this.env.getSubId(slotId);
      const featureMap = this.getImsPackageOverrideConfig(subId);
      for (const f of FEATURE_TYPES) {
        const newPackageName = featureMap.get(f) ?? '';
        if (newPackageName === '') continue;
        this.env.logcat.write('D', TAG, `bindCarrierServicesIfAvailable - carrier package found: ${newPackageName}, feature ${FEATURE_LOG_MAP[f]} on slot ${slotId}`);
        this.eventLog.log(`bindCarrierServicesIfAvailable - carrier package found: ${newPackageName} on slot ${slotId}`);
        this.carrierConfigReceived = true;
        this.config.setSubId(slotId, subId);
        this.config.setCarrier(slotId, f, newPackageName);
        const info = this.getImsServiceInfoFromCache(newPackageName);
        if (info !== null && info.featureFromMetadata) hasConfigChanged = true;
        else this.scheduleQueryForFeatures(info);
      }
    }
    if (hasConfigChanged) this.calculateFeatureConfigurationChange();
  }

  /** CarrierConfigManager keys -> feature -> package (reference §1.2). */
  private getImsPackageOverrideConfig(subId: number): Map<FeatureType, string> {
    const result = new Map<FeatureType, string>();
    const config = this.env.getConfigForSubId(subId);
    if (config === null) return result;
    // hooks.legacyCarrierKeyIgnored: the deprecated single key is not read.
    const legacy = this.env.hooks.legacyCarrierKeyIgnored ? null : config.getString(CARRIER_IMS_LEGACY_KEY);
    // getString(key, default) returns default only for a null/missing value: "" suppresses the legacy key.
    const mmtel = config.getString(CARRIER_IMS_MMTEL_KEY) ?? legacy;
    const rcs = config.getString(CARRIER_IMS_RCS_KEY) ?? legacy;
    if (mmtel) {
      result.set(FEATURE_EMERGENCY_MMTEL, mmtel);
      result.set(1, mmtel);
    }
    if (rcs) result.set(2, rcs);
    return result;
  }

  private carrierConfigChanged(slotId: number, subId: number): void {
    this.config.setSubId(slotId, subId);
    this.updateBoundDeviceServices();
    this.updateBoundServices(slotId, this.getImsPackageOverrideConfig(subId));
  }

  /** Re-queries every dynamic device service (carrier config may change what it supports). */
  private updateBoundDeviceServices(): void {
    const seen = new Set<string>();
    for (const f of FEATURE_TYPES) {
      const packageName = this.config.device(f);
      const info = this.getImsServiceInfoFromCache(packageName);
      if (info !== null && !info.featureFromMetadata && !seen.has(packageName)) {
        seen.add(packageName);
        this.scheduleQueryForFeatures(info);
      }
    }
  }

  private updateBoundServices(slotId: number, featureMap: ReadonlyMap<FeatureType, string>): void {
    if (slotId <= -1 || slotId >= this.numSlots) return;
    let hasConfigChanged = false;
    let didQuerySchedule = false;
    for (const f of FEATURE_TYPES) {
      const overridePackageName = this.config.override(slotId, f);
      const oldPackageName = this.config.carrier(slotId, f);
      let newPackageName = featureMap.get(f) ?? '';
      if (overridePackageName) {
        // Shell overrides survive carrier-config changes (reference §1.8 quirk 11).
        this.env.logcat.write('I', TAG, `updateBoundServices: overriding ${newPackageName || '(none)'} with ${overridePackageName} for feature ${FEATURE_LOG_MAP[f]} on slot ${slotId}`);
        newPackageName = overridePackageName;
      }
      this.config.setCarrier(slotId, f, newPackageName);
      const info = this.getImsServiceInfoFromCache(newPackageName);
      if (info === null || info.featureFromMetadata) {
        hasConfigChanged = true;
      } else {
        this.scheduleQueryForFeatures(info);
        didQuerySchedule = true;
      }
      const line = `updateBoundServices - carrier package changed: ${oldPackageName} -> ${newPackageName} on slot ${slotId}, hasConfigChanged=${hasConfigChanged}`;
      this.env.logcat.write('I', TAG, line);
      this.eventLog.log(line);
    }
    if (hasConfigChanged) this.calculateFeatureConfigurationChange();
    if (hasConfigChanged && didQuerySchedule) {
      this.eventLog.log(`[warning] updateBoundServices - both hasConfigChange and query scheduled on slot ${slotId}`);
    }
  }

  private overrideCarrierService(slotId: number, featureMap: ReadonlyMap<FeatureType, string>): void {
    for (const f of [...featureMap.keys()].sort((a, b) => a - b)) {
      const packageName = featureMap.get(f) ?? '';
      this.eventLog.log(`overriding carrier ImsService to ${packageName} on slot ${slotId} for feature ${FEATURE_LOG_MAP[f]}`);
      this.config.setOverride(slotId, f, packageName);
    }
    // An empty map: every feature not overridden loses its carrier package until the next CCC.
    this.updateBoundServices(slotId, new Map());
  }

  private clearCarrierServiceOverrides(slotId: number): void {
    this.env.logcat.write('I', TAG, 'clearing carrier ImsService overrides');
    this.eventLog.log('clearing carrier ImsService overrides');
    this.config.removeOverrides(slotId);
    this.carrierConfigChanged(slotId, this.config.subId(slotId));
  }

  private overrideDeviceService(featureMap: ReadonlyMap<FeatureType, string>): void {
    let requiresRecalc = false;
    for (const f of [...featureMap.keys()].sort((a, b) => a - b)) {
      const packageName = featureMap.get(f) ?? '';
      this.eventLog.log(`overriding device ImsService to ${packageName} for feature ${FEATURE_LOG_MAP[f]}`);
      const oldPackageName = this.config.device(f);
      if (oldPackageName === packageName) continue;
      this.env.logcat.write('I', TAG, `overrideDeviceService - device package changed (override): ${oldPackageName} -> ${packageName}`);
      this.eventLog.log(`overrideDeviceService - device package changed (override): ${oldPackageName} -> ${packageName}`);
      this.config.setDevice(f, packageName);
      const info = this.getImsServiceInfoFromCache(packageName);
      if (info === null || info.featureFromMetadata) requiresRecalc = true;
      else this.scheduleQueryForFeatures(info);
    }
    if (requiresRecalc) this.calculateFeatureConfigurationChange();
  }

  private handleMsimConfigChange(newNumSlots: number): void {
    const oldLen = this.numSlots;
    if (oldLen === newNumSlots) return;
    this.numSlots = newNumSlots;
    this.env.logcat.write('I', TAG, `handleMsimConfigChange: oldLen=${oldLen}, newLen=${newNumSlots}`);
    this.eventLog.log(`MSIM config change: ${oldLen} -> ${newNumSlots}`);
    if (newNumSlots < oldLen) {
      for (let oldSlot = newNumSlots; oldSlot < oldLen; oldSlot++) {
        for (const f of this.config.carrierFeatures(oldSlot)) this.config.setCarrier(oldSlot, f, '');
        for (const f of this.config.overrideFeatures(oldSlot)) this.config.setOverride(oldSlot, f, '');
        this.config.removeSlot(oldSlot);
      }
    }
    for (const info of this.discover(null)) {
      const cached = this.installedServicesCache.get(info.name);
      if (cached) {
        if (info.featureFromMetadata) cached.replaceFeatures(info.getSupportedFeatures());
        else cached.getSupportedFeatures().removeIf((p) => p.slotId >= newNumSlots);
      } else {
        this.eventLog.log(`handleMsimConfigChange: detected untracked service - ${info.toString()}`);
        this.env.logcat.write('W', TAG, `handleMsimConfigChange: detected untracked package, queueing to add ${info.toString()}`);
        this.send(HANDLER_ADD_PACKAGE, info.packageName, () => this.maybeAddedImsService(info.packageName));
      }
    }
    // A CARRIER_CONFIG_CHANGED follows for a new slot; only shrinking recalculates now.
    if (newNumSlots < oldLen) this.calculateFeatureConfigurationChange();
  }

  /** Adds new services to the cache / updates features; never removes anything (reference §1.5). */
  private maybeAddedImsService(packageName: string | null): void {
    this.env.logcat.write('D', TAG, `maybeAddedImsService, packageName: ${packageName}`);
    let requiresCalculation = false;
    for (const info of this.discover(packageName)) {
      const match = this.installedServicesCache.get(info.name);
      if (match) {
        if (info.featureFromMetadata) {
          this.eventLog.log(`maybeAddedImsService - updating features for ${componentToString(info.name)}:${printFeatures(match.getSupportedFeatures())} ->${printFeatures(info.getSupportedFeatures())}`);
          match.replaceFeatures(info.getSupportedFeatures());
          requiresCalculation = true;
        } else {
          // Keep the old features until the query answers.
          this.eventLog.log(`maybeAddedImsService - scheduling query for ${info.toString()}`);
          this.scheduleQueryForFeatures(info);
        }
      } else {
        this.env.logcat.write('I', TAG, `Adding newly added ImsService to cache: ${componentToString(info.name)}`);
        this.eventLog.log(`maybeAddedImsService - adding new ImsService: ${info.toString()}`);
        this.installedServicesCache.set(info.name, info);
        if (info.featureFromMetadata) requiresCalculation = true;
        else this.scheduleQueryForFeatures(info);
      }
    }
    if (requiresCalculation) this.calculateFeatureConfigurationChange();
  }

  protected maybeRemovedImsService(packageName: string): void {
    // By package name: the first cached component of the package in HashMap order (quirk 9).
    const match = this.getImsServiceInfoFromCache(packageName);
    if (!match) return;
    this.installedServicesCache.delete(match.name);
    this.eventLog.log(`maybeRemovedImsService - removing ImsService: ${match.toString()}`);
    this.env.logcat.write('I', TAG, `Removing ImsService: ${componentToString(match.name)}`);
    // hooks.keepControllerOnPackageRemoved: the vendor forgot to unbind the removed service.
    if (!this.env.hooks.keepControllerOnPackageRemoved) this.unbindImsService(match);
    this.calculateFeatureConfigurationChange();
  }

  /** ImsResolver.dump(). */
  dump(pw: IndentingWriter): void {
    writeResolverDump(this, pw);
  }
}

function numberExtra(intent: Intent, key: string, fallback: number): number {
  const value = intent.extras[key];
  return typeof value === 'number' ? value : fallback;
}