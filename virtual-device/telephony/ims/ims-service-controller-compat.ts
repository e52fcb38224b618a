/**
 * ImsServiceControllerCompat: binds an android.telephony.ims.compat.ImsService
 * (OPT ImsServiceControllerCompat.java L79-267; reference §1.6): MMTEL through
 * createMMTelFeature(slot) and the compat adapters, never RCS, static capabilities 0, no
 * listener (so a compat service cannot update its features), 2-argument removeImsFeature.
 * Its base `mIImsServiceController` stays null, so toString() prints serviceController=null.
 */
import { type BinderRef, type CompatImsServiceStub, type ImsServiceBinder } from './binder';
import { FEATURE_MMTEL, FEATURE_RCS, type FeatureType } from './feature-slot-pair';
import { ImsServiceController } from './ims-service-controller';

export const COMPAT_SERVICE_INTERFACE = 'android.telephony.ims.compat.ImsService';
const TAG = 'ImsSCCompat';

interface CompatAdapters {
  readonly mmTel: BinderRef;
  readonly registration: BinderRef;
  readonly config: BinderRef;
}

export class ImsServiceControllerCompat extends ImsServiceController {
  private compatController: CompatImsServiceStub | null = null;
  private readonly adapters = new Map<number, CompatAdapters>();

  protected override getServiceInterface(): string {
    return COMPAT_SERVICE_INTERFACE;
  }

  override enableIms(slotId: number, _subId: number): void {
    if (!this.adapters.has(slotId)) {
      this.logcat.write('W', TAG, `enableIms: adapter null for slot :${slotId}`);
      return;
    }
    this.compatController?.turnOnIms(slotId);
  }

  override disableIms(slotId: number, _subId: number): void {
    if (!this.adapters.has(slotId)) {
      this.logcat.write('W', TAG, `disableIms: adapter null for slot :${slotId}`);
      return;
    }
    this.compatController?.turnOffIms(slotId);
  }

  protected override getRegistration(slotId: number, _subId: number): BinderRef | null {
    const adapter = this.adapters.get(slotId);
    if (!adapter) this.logcat.write('W', TAG, `getRegistration: Registration does not exist for slot ${slotId}`);
    return adapter?.registration ?? null;
  }

  protected override getConfig(slotId: number, _subId: number): BinderRef | null {
    const adapter = this.adapters.get(slotId);
    if (!adapter) this.logcat.write('W', TAG, `getConfig: Config does not exist for slot ${slotId}`);
    return adapter?.config ?? null;
  }

  protected override getSipTransport(_slotId: number): BinderRef | null {
    return null;
  }

  protected override getStaticServiceCapabilities(): number {
    return 0;
  }

  /** A15: no listener and nothing to notify for compat services. */
  protected override notifyImsServiceReady(): void {}

  protected override createImsFeature(slotId: number, _subId: number, featureType: FeatureType, _capabilities: number): BinderRef | null {
    if (featureType === FEATURE_MMTEL) return this.createMMTelCompat(slotId);
    if (featureType === FEATURE_RCS) return null; // no compat RCS implementation exists
    return null;
  }

  protected override registerImsFeatureStatusCallback(slotId: number, featureType: FeatureType, callback: (state: number) => void): void {
    this.requireController().addFeatureStatusCallback(slotId, featureType, callback);
  }

  protected override unregisterImsFeatureStatusCallback(slotId: number, featureType: FeatureType): void {
    this.compatController?.removeFeatureStatusCallback(slotId, featureType);
  }

  protected override removeImsFeature(slotId: number, featureType: FeatureType, _changeSubId: boolean): void {
    if (featureType === FEATURE_MMTEL) this.adapters.delete(slotId);
    this.compatController?.removeImsFeature(slotId, featureType);
  }

  protected override setServiceController(binder: ImsServiceBinder | null): void {
    this.compatController = binder && binder.kind === 'compat' ? binder : null;
  }

  protected override isServiceControllerAvailable(): boolean {
    return this.compatController !== null;
  }

  protected override getImsServiceControllerDescription(): string {
    return 'null';
  }

  private requireController(): CompatImsServiceStub {
    if (!this.compatController) throw new Error('compat service controller unavailable');
    return this.compatController;
  }

  private createMMTelCompat(slotId: number): BinderRef | null {
    const feature = this.requireController().createMMTelFeature(slotId);
    if (feature === null) {
      this.logcat.write('W', TAG, 'createMMTelCompat: createMMTelFeature returned null.');
      return null;
    }
    const ids = this.context.identities;
    const adapters: CompatAdapters = {
      mmTel: ids.next('android.os.Binder'),
      registration: ids.next('android.telephony.ims.aidl.IImsRegistration$Stub$Proxy'),
      config: ids.next('android.telephony.ims.aidl.IImsConfig$Stub$Proxy'),
    };
    this.adapters.set(slotId, adapters);
    return adapters.mmTel;
  }
}
