/**
 * ImsServiceController: binds one ImsService component and creates/removes its features
 * (OPT src/java/com/android/internal/telephony/ims/ImsServiceController.java, Android 15; reference
 * aosp-imsresolver.md §1.6). Log texts, toString() and LocalLog (8 lines) are AOSP's.
 */
import { type LogBuffer } from '../../android/platform';
import { LocalLog } from '../java/local-log';
import { type Handler } from '../java/scheduler';
import {
  type BinderRef,
  CAPABILITY_EMERGENCY_OVER_MMTEL,
  capabilitiesString,
  type ImsServiceBinder,
  type ImsServiceListener,
  type ImsServiceStub,
  RemoteException,
} from './binder';
import { type ComponentName, componentToString } from './component-name';
import { ExponentialBackoff } from './exponential-backoff';
import {
  arraySetToString,
  FEATURE_EMERGENCY_MMTEL,
  FEATURE_LOG_MAP,
  FEATURE_MMTEL,
  FEATURE_RCS,
  type FeatureSet,
  featureSet,
  type FeatureSlotPair,
  type FeatureType,
  hashSetToString,
} from './feature-slot-pair';
import { type ImsFeatureBinderRepository, type ImsFeatureContainer } from './ims-feature-binder-repository';
import { type ControllerContext } from './controller-context';
import { ImsServiceConnection } from './ims-service-connection';

export const IMS_SERVICE_INTERFACE = 'android.telephony.ims.ImsService';
const LOG_TAG = 'ImsServiceController';
export const REBIND_START_DELAY_MS = 2000;
export const REBIND_MAXIMUM_DELAY_MS = 60000;
export const INVALID_SUBSCRIPTION_ID = -1;
/** SubscriptionManager.PLACEHOLDER_SUBSCRIPTION_ID_BASE (INVALID_SUBSCRIPTION_ID - 1). */
const PLACEHOLDER_SUBSCRIPTION_ID_BASE = -2;

/** ImsServiceController.ImsServiceControllerCallbacks (implemented by ImsResolver). */
export interface ImsServiceControllerCallbacks {
  imsServiceFeatureCreated(slotId: number, subId: number, feature: FeatureType, controller: ImsServiceController): void;
  imsServiceFeatureRemoved(slotId: number, feature: FeatureType, controller: ImsServiceController): void;
  imsServiceFeaturesChanged(features: readonly FeatureSlotPair[], controller: ImsServiceController): void;
  imsServiceBindPermanentError(name: ComponentName): void;
}

/** SparseIntArray slot -> subId as the resolver hands it over (a copy). */
export type SlotSubIdMap = ReadonlyMap<number, number>;

export class ImsServiceController {
  protected isBound = false;
  protected isBinding = false;
  protected imsFeatures: FeatureSet | null = null;
  protected slotIdToSubIdMap: SlotSubIdMap = new Map();
  /** The IImsServiceController proxy (null while unbound; compat keeps it null, see toString). */
  private serviceController: { stub: ImsServiceStub; proxy: BinderRef } | null = null;
  private serviceCapabilities = 0;
  protected connection: ImsServiceConnection | null = null;
  private readonly featureStatusCallbacks = new Set<string>();
  protected readonly localLog: LocalLog;
  protected readonly backoff: ExponentialBackoff;
  protected readonly handler: Handler;
  protected readonly logcat: LogBuffer;
  protected readonly repo: ImsFeatureBinderRepository;

  private readonly featureChangedListener: ImsServiceListener = {
    onUpdateSupportedImsFeatures: (features) => {
      this.localLog.log(`onUpdateSupportedImsFeatures to ${arraySetToString(features)}`);
      this.callbacks.imsServiceFeaturesChanged(features, this);
    },
  };

  constructor(
    protected readonly context: ControllerContext,
    readonly componentName: ComponentName,
    protected readonly callbacks: ImsServiceControllerCallbacks,
  ) {
    this.handler = context.newControllerHandler();
    this.logcat = context.logcat;
    this.repo = context.repo;
    this.localLog = new LocalLog(8, context.clock);
    this.backoff = new ExponentialBackoff(
      REBIND_START_DELAY_MS,
      REBIND_MAXIMUM_DELAY_MS,
      2,
      this.handler,
      `rebind ${componentToString(componentName)}`,
      () => {
        if (this.isBound) return;
        this.bind(this.imsFeatures ?? featureSet(), this.slotIdToSubIdMap);
      },
      context.random,
    );
  }

  protected getServiceInterface(): string {
    return IMS_SERVICE_INTERFACE;
  }

  /** Starts binding; false if already bound/binding or bindService failed (a retry is scheduled). */
  bind(imsFeatureSet: FeatureSet, slotIdToSubIdMap: SlotSubIdMap): boolean {
    if (this.isBound || this.isBinding) return false;
    this.isBinding = true;
    this.context.sanitizeEmergency(imsFeatureSet);
    this.imsFeatures = imsFeatureSet;
    this.slotIdToSubIdMap = slotIdToSubIdMap;
    this.grantPermissionsToService();
    this.connection = new ImsServiceConnection(this);
    this.localLog.log(`binding ${hashSetToString(imsFeatureSet)}`);
    this.logcat.write('I', LOG_TAG, `Binding ImsService:${componentToString(this.componentName)}`);
    let ok: boolean;
    try {
      ok = this.context.binder.bindService(this.componentName, this.getServiceInterface(), this.connection, 'com.android.phone');
    } catch (e) {
      // AOSP leaves isBinding set here, so later bind() calls (the backoff's too) return at once.
      this.backoff.notifyFailed();
      const message = e instanceof Error ? e.message : String(e);
      this.localLog.log(`    binding exception=${message}, retrying in ${this.backoff.getCurrentDelay()} mS`);
      this.logcat.write('E', LOG_TAG, `Error binding (${componentToString(this.componentName)}) with exception: ${message}, rebinding in ${this.backoff.getCurrentDelay()} ms`);
      return false;
    }
    if (!ok) {
      // AOSP logs the delay *before* notifyFailed() computes the next one.
      this.localLog.log(`    binding failed, retrying in ${this.backoff.getCurrentDelay()} mS`);
      this.isBinding = false;
      this.backoff.notifyFailed();
    }
    return ok;
  }

  /** Removes every feature, then unbinds (unbind() in AOSP). */
  unbind(): void {
    this.backoff.stop();
    this.changeImsServiceFeatures(featureSet(), this.slotIdToSubIdMap);
    this.isBound = false;
    this.isBinding = false;
    this.setServiceController(null);
    this.unbindService();
  }

  changeImsServiceFeatures(newImsFeatures: FeatureSet, slotIdToSubIdMap: SlotSubIdMap): void {
    this.context.sanitizeEmergency(newImsFeatures);
    const slotIds = [...new Set(newImsFeatures.values().map((p) => p.slotId))].sort((a, b) => a - b);
    const changedSubIds = new Map<number, number>();
    for (const slotId of slotIds) {
      const oldSubId = this.slotIdToSubIdMap.get(slotId) ?? PLACEHOLDER_SUBSCRIPTION_ID_BASE;
      const newSubId = slotIdToSubIdMap.get(slotId) ?? 0;
      if (oldSubId !== newSubId) {
        changedSubIds.set(slotId, newSubId);
        this.localLog.log(`subId changed for slot: ${slotId}, ${oldSubId} -> ${newSubId}`);
        this.logcat.write('I', LOG_TAG, `subId changed for slot: ${slotId}, ${oldSubId} -> ${newSubId}`);
      }
    }
    this.slotIdToSubIdMap = slotIdToSubIdMap;
    const current = this.imsFeatures ?? featureSet();
    if (current.equals(newImsFeatures) && changedSubIds.size === 0) return;
    this.localLog.log(`Features (${hashSetToString(current)}->${hashSetToString(newImsFeatures)})`);
    this.logcat.write('I', LOG_TAG, `Features (${hashSetToString(current)}->${hashSetToString(newImsFeatures)}) for ImsService: ${componentToString(this.componentName)}`);
    const oldImsFeatures = current.copy();
    this.imsFeatures = newImsFeatures;
    if (!this.isBound) return;
    const added = newImsFeatures.copy();
    added.removeIf((p) => oldImsFeatures.has(p));
    for (const p of added) this.addImsServiceFeature(p, this.modifyCapabilitiesForSlot(newImsFeatures, p.slotId), this.slotIdToSubIdMap.get(p.slotId) ?? 0);
    const removed = oldImsFeatures.copy();
    removed.removeIf((p) => newImsFeatures.has(p));
    for (const p of removed) this.removeImsServiceFeature(p, false);
    const unchanged = newImsFeatures.copy();
    unchanged.removeIf((p) => removed.has(p) || added.has(p));
    for (const [slotId, subId] of [...changedSubIds.entries()].sort(([a], [b]) => a - b)) {
      const removeAdd = featureSet(unchanged.values().filter((p) => p.slotId === slotId));
      for (const p of removeAdd) this.removeImsServiceFeature(p, true);
      for (const p of removeAdd) this.addImsServiceFeature(p, this.modifyCapabilitiesForSlot(newImsFeatures, p.slotId), subId);
      unchanged.removeIf((p) => removeAdd.has(p));
    }
    for (const p of unchanged) {
      this.repo.notifyFeatureCapabilitiesChanged(p.slotId, p.featureType, this.modifyCapabilitiesForSlot(newImsFeatures, p.slotId));
    }
  }

  enableIms(slotId: number, subId: number): void {
    this.serviceController?.stub.enableIms(slotId, subId);
  }

  disableIms(slotId: number, subId: number): void {
    this.serviceController?.stub.disableIms(slotId, subId);
  }

  /** The features this controller holds (its own view; dumpsys "features="). */
  features(): readonly FeatureSlotPair[] {
    return this.imsFeatures?.values() ?? [];
  }

  get bound(): boolean {
    return this.isBound;
  }

  get binding(): boolean {
    return this.isBinding;
  }

  getRebindDelay(): number {
    return this.backoff.getCurrentDelay();
  }

  /** A15 toString() (no boundUser / slotToSubIdMap, which main added). */
  toString(): string {
    return (
      `[ImsServiceController: componentName=${componentToString(this.componentName)}, ` +
      `features=${this.imsFeatures ? hashSetToString(this.imsFeatures) : 'null'}, isBinding=${this.isBinding}, ` +
      `isBound=${this.isBound}, serviceController=${this.getImsServiceControllerDescription()}, ` +
      `rebindDelay=${this.getRebindDelay()}]`
    );
  }

  dumpLines(): readonly string[] {
    return this.localLog.entries();
  }

  // --- ServiceConnection callbacks, run on this controller's handler ---------------------------

  /** @internal */
  onServiceConnectedInternal(name: ComponentName, binder: ImsServiceBinder): void {
    this.backoff.stop();
    this.isBound = true;
    this.isBinding = false;
    try {
      this.localLog.log('onServiceConnectedInternal');
      this.logcat.write('D', LOG_TAG, `ImsService(${componentToString(name)}): onServiceConnectedInternal with binder: ${this.context.binderDescription(binder)}`);
      this.setServiceController(binder);
      this.notifyImsServiceReady();
      this.retrieveStaticImsServiceCapabilities();
      for (const p of this.imsFeatures ?? []) {
        this.addImsServiceFeature(p, this.modifyCapabilitiesForSlot(this.imsFeatures ?? featureSet(), p.slotId), this.slotIdToSubIdMap.get(p.slotId) ?? 0);
      }
    } catch (e) {
      if (!(e instanceof RemoteException)) throw e;
      this.isBound = false;
      this.isBinding = false;
      this.cleanupConnection();
      this.unbindService();
      this.backoff.start();
      this.localLog.log(`onConnected exception=${e.message}, retry in ${this.backoff.getCurrentDelay()} mS`);
      this.logcat.write('E', LOG_TAG, `ImsService(${componentToString(name)}) RemoteException:${e.message}`);
    }
  }

  /** @internal */
  onServiceDisconnectedInternal(name: ComponentName): void {
    this.isBinding = false;
    this.cleanupConnection();
    this.localLog.log('onServiceDisconnectedInternal');
    this.logcat.write('W', LOG_TAG, `ImsService(${componentToString(name)}): onServiceDisconnectedInternal. Waiting...`);
    this.context.reportCrashAnomaly(name);
  }

  /** @internal */
  onBindingDiedInternal(name: ComponentName, connection: ImsServiceConnection): void {
    connection.isServiceConnectionDead = true;
    this.isBinding = false;
    this.isBound = false;
    this.cleanupConnection();
    this.unbindService();
    this.backoff.start();
    this.logcat.write('W', LOG_TAG, `ImsService(${componentToString(name)}): onBindingDiedInternal. Starting rebind...`);
    this.localLog.log(`onBindingDiedInternal, retrying in ${this.backoff.getCurrentDelay()} mS`);
  }

  /** @internal */
  onNullBindingInternal(name: ComponentName, connection: ImsServiceConnection): void {
    this.logcat.write('W', LOG_TAG, `ImsService(${componentToString(name)}): onNullBindingInternal. Is service dead = ${connection.isServiceConnectionDead}`);
    this.localLog.log(`onNullBindingInternal, is service dead = ${connection.isServiceConnectionDead}`);
    // onNullBinding after onBindingDied: let the automatic rebind happen instead.
    if (connection.isServiceConnectionDead) return;
    this.isBinding = false;
    // Bound but with a null binder: ImsResolver triggers the unbind.
    this.isBound = true;
    this.cleanupConnection();
    this.callbacks.imsServiceBindPermanentError(this.componentName);
  }

  /** @internal */
  postToHandler(label: string, task: () => void): void {
    this.handler.post(`${label} ${componentToString(this.componentName)}`, task);
  }

  // --- overridable binder plumbing (ImsServiceControllerCompat overrides these) -----------------

  protected setServiceController(binder: ImsServiceBinder | null): void {
    this.serviceController = binder && binder.kind === 'ims' ? { stub: binder, proxy: this.context.identities.next('android.telephony.ims.aidl.IImsServiceController$Stub$Proxy') } : null;
  }

  protected isServiceControllerAvailable(): boolean {
    return this.serviceController !== null;
  }

  protected getImsServiceControllerDescription(): string {
    return this.serviceController?.proxy.description ?? 'null';
  }

  private stub(): ImsServiceStub {
    if (!this.serviceController) throw new RemoteException('service controller unavailable');
    return this.serviceController.stub;
  }

  protected getStaticServiceCapabilities(): number {
    return this.serviceController ? this.serviceController.stub.getImsServiceCapabilities() : 0;
  }

  protected notifyImsServiceReady(): void {
    if (!this.serviceController) return;
    this.logcat.write('D', LOG_TAG, 'notifyImsServiceReady');
    this.serviceController.stub.setListener(this.featureChangedListener);
    this.serviceController.stub.notifyImsServiceReadyForFeatureCreation();
  }

  protected createImsFeature(slotId: number, subId: number, featureType: FeatureType, capabilities: number): BinderRef | null {
    if (featureType === FEATURE_MMTEL) {
      // No subscription: only an emergency-only MmTelFeature, and only with EMERGENCY_MMTEL (quirk 13).
      if (subId === INVALID_SUBSCRIPTION_ID) {
        return (capabilities & CAPABILITY_EMERGENCY_OVER_MMTEL) > 0 ? this.stub().createEmergencyOnlyMmTelFeature(slotId) : null;
      }
      return this.stub().createMmTelFeature(slotId, subId);
    }
    return featureType === FEATURE_RCS ? this.stub().createRcsFeature(slotId, subId) : null;
  }

  protected getConfig(slotId: number, subId: number): BinderRef | null {
    return this.serviceController ? this.serviceController.stub.getConfig(slotId, subId) : null;
  }

  protected getRegistration(slotId: number, subId: number): BinderRef | null {
    return this.serviceController ? this.serviceController.stub.getRegistration(slotId, subId) : null;
  }

  protected getSipTransport(slotId: number): BinderRef | null {
    return this.serviceController ? this.serviceController.stub.getSipTransport(slotId) : null;
  }

  protected registerImsFeatureStatusCallback(slotId: number, featureType: FeatureType, callback: (state: number) => void): void {
    this.stub().addFeatureStatusCallback(slotId, featureType, callback);
  }

  protected unregisterImsFeatureStatusCallback(slotId: number, featureType: FeatureType): void {
    try {
      this.stub().removeFeatureStatusCallback(slotId, featureType);
    } catch (e) {
      if (!(e instanceof RemoteException)) throw e;
      this.localLog.log(`unregisterImsFeatureStatusCallback - couldn't remove ${this.context.identities.next('com.android.internal.telephony.ims.ImsServiceController$ImsFeatureStatusCallback$1').description}`);
    }
  }

  protected removeImsFeature(slotId: number, featureType: FeatureType, changeSubId: boolean): void {
    this.stub().removeImsFeature(slotId, featureType, changeSubId);
  }

  // --- private ---------------------------------------------------------------------------------

  private grantPermissionsToService(): void {
    this.localLog.log(`grant permissions to ${componentToString(this.componentName)}`);
    this.logcat.write('I', LOG_TAG, `Granting Runtime permissions to:${componentToString(this.componentName)}`);
    this.context.grantDefaultPermissions(this.componentName.packageName);
  }

  private retrieveStaticImsServiceCapabilities(): void {
    const caps = this.getStaticServiceCapabilities();
    this.logcat.write('I', LOG_TAG, `retrieveStaticImsServiceCapabilities: ${capabilitiesString(caps)}`);
    this.localLog.log(`retrieveStaticImsServiceCapabilities: ${capabilitiesString(caps)}`);
    this.serviceCapabilities = caps;
  }

  /** CAPABILITY_EMERGENCY_OVER_MMTEL only when {slot, EMERGENCY_MMTEL} is among the features. */
  private modifyCapabilitiesForSlot(features: FeatureSet, slotId: number): number {
    let caps = this.serviceCapabilities;
    if (features.values().some((p) => p.slotId === slotId && p.featureType === FEATURE_EMERGENCY_MMTEL)) caps |= CAPABILITY_EMERGENCY_OVER_MMTEL;
    this.logcat.write('I', LOG_TAG, 'skipping single service enforce check...');
    return caps;
  }

  private addImsServiceFeature(p: FeatureSlotPair, capabilities: number, subId: number): void {
    if (!this.isServiceControllerAvailable()) {
      this.logcat.write('W', LOG_TAG, 'addImsServiceFeature called with null values.');
      return;
    }
    if (p.featureType !== FEATURE_EMERGENCY_MMTEL) {
      const feature = this.createImsFeature(p.slotId, subId, p.featureType, capabilities);
      this.addImsFeatureBinder(p.slotId, subId, p.featureType, feature, capabilities);
      this.addImsFeatureStatusCallback(p.slotId, p.featureType);
    } else {
      this.logcat.write('I', LOG_TAG, `supports emergency calling on slot ${p.slotId}`);
    }
    this.callbacks.imsServiceFeatureCreated(p.slotId, subId, p.featureType, this);
  }

  private removeImsServiceFeature(p: FeatureSlotPair, changeSubId: boolean): void {
    if (!this.isServiceControllerAvailable()) {
      this.logcat.write('W', LOG_TAG, 'removeImsServiceFeature called with null values.');
      return;
    }
    this.callbacks.imsServiceFeatureRemoved(p.slotId, p.featureType, this);
    if (p.featureType !== FEATURE_EMERGENCY_MMTEL) {
      this.removeImsFeatureStatusCallback(p.slotId, p.featureType);
      this.repo.removeConnection(p.slotId, p.featureType);
      try {
        this.removeImsFeature(p.slotId, p.featureType, changeSubId);
      } catch (e) {
        if (!(e instanceof RemoteException)) throw e;
        this.logcat.write('I', LOG_TAG, `Couldn't remove feature {${FEATURE_LOG_MAP[p.featureType]}}, connection is down: ${e.message}`);
      }
    } else {
      this.logcat.write('I', LOG_TAG, `doesn't support emergency calling on slot ${p.slotId}`);
    }
  }

  private addImsFeatureStatusCallback(slotId: number, featureType: FeatureType): void {
    this.featureStatusCallbacks.add(`${slotId}:${featureType}`);
    // IImsFeatureStatusCallback is oneway: the state arrives on a binder thread, after this call.
    this.registerImsFeatureStatusCallback(slotId, featureType, (state) => {
      this.context.postBinderCallback(() => {
        this.logcat.write('I', LOG_TAG, `notifyImsFeatureStatus: slot=${slotId}, feature=${FEATURE_LOG_MAP[featureType]}, status=${state === 2 ? 'READY' : state === 1 ? 'INITIALIZING' : 'UNAVAILABLE'}`);
        this.repo.notifyFeatureStateChanged(slotId, featureType, state);
      });
    });
  }

  private removeImsFeatureStatusCallback(slotId: number, featureType: FeatureType): void {
    if (this.featureStatusCallbacks.delete(`${slotId}:${featureType}`)) this.unregisterImsFeatureStatusCallback(slotId, featureType);
  }

  private addImsFeatureBinder(slotId: number, subId: number, featureType: FeatureType, binder: BinderRef | null, capabilities: number): void {
    if (binder === null) {
      this.logcat.write('W', LOG_TAG, `addImsFeatureBinder: null IInterface reported for ${FEATURE_LOG_MAP[featureType]}`);
      this.localLog.log(`addImsFeatureBinder: null IInterface reported for ${FEATURE_LOG_MAP[featureType]}`);
      return;
    }
    this.repo.addConnection(slotId, subId, featureType, this.createFeatureContainer(slotId, subId, binder, capabilities));
  }

  private createFeatureContainer(slotId: number, subId: number, binder: BinderRef, capabilities: number): ImsFeatureContainer | null {
    const config = this.getConfig(slotId, subId);
    const registration = this.getRegistration(slotId, subId);
    if (config === null || registration === null) {
      this.logcat.write('W', LOG_TAG, `createFeatureContainer: invalid state. Reporting as not available. componentName= ${componentToString(this.componentName)}`);
      this.localLog.log('createFeatureContainer: invalid state. Reporting as not available.');
      return null;
    }
    return { imsFeature: binder, imsConfig: config, imsRegistration: registration, sipTransport: this.getSipTransport(slotId), state: 0, capabilities, packageName: this.componentName.packageName };
  }

  private cleanupAllFeatures(): void {
    for (const p of this.imsFeatures ?? []) this.removeImsServiceFeature(p, false);
  }

  /** Does not clear the feature configuration; drops the features' binders and callbacks. */
  protected cleanupConnection(): void {
    this.cleanupAllFeatures();
    this.setServiceController(null);
  }

  protected unbindService(): void {
    if (this.connection !== null) {
      this.logcat.write('I', LOG_TAG, `Unbinding ImsService: ${componentToString(this.componentName)}`);
      this.localLog.log(`unbinding: ${componentToString(this.componentName)}`);
      this.context.binder.unbindService(this.connection);
      this.connection = null;
    } else {
      this.logcat.write('I', LOG_TAG, `unbindService called on already unbound ImsService: ${componentToString(this.componentName)}`);
      this.localLog.log(`Note: unbindService called with no ServiceConnection on ${componentToString(this.componentName)}`);
    }
  }

  /** Stops all work of this controller (the phone process died). */
  dispose(): void {
    this.handler.quitSafely();
  }
}
