/**
 * One simulated app that implements an ImsService: its process, what its ImsService answers and
 * how it misbehaves. Answers come from the `ims-rig.answers` meta-data of the <service> (or a
 * known AOSP test app), behaviour from `ims-rig.behaviour` (or the `app behaviour` stimulus).
 * The current feature set (the `app features` stimulus) resets to the manifest answers whenever
 * the process dies; a binder from a dead process throws DeadObjectException.
 */
import { type ComponentInfo, type LogBuffer, type PackageManager } from '../android/platform';
import { APP_BEHAVIOURS, type AppBehaviour, FEATURE_STATE_ID, FIXTURE_ANSWERS_METADATA, FIXTURE_BEHAVIOUR_METADATA, FIXTURE_FEATURE_STATE_METADATA, IMS_COMPAT_SERVICE_ACTION, IMS_SERVICE_ACTION } from '../../harness/model/ims-app';
import {
  type BinderRef,
  type CompatImsServiceStub,
  type IdentityHashes,
  type ImsServiceBinder,
  type ImsServiceListener,
  type ImsServiceStub,
  RemoteException,
} from '../telephony/ims/binder';
import { type ComponentName } from '../telephony/ims/component-name';
import { type FeatureSlotPair } from '../telephony/ims/feature-slot-pair';
import { parseAnswers } from './answers';
import { KNOWN_IMS_APPS } from './known-test-apps';

const STATE_READY = 2;

/** Where an app's listener calls land (the binder thread of the process that set it). */
export interface ListenerRegistration {
  readonly listener: ImsServiceListener;
  readonly post: (task: () => void) => void;
}

export class ImsAppProcess {
  running = false;
  /** Set by the `app behaviour` stimulus; cleared when the package is replaced or removed. */
  behaviourOverride: AppBehaviour | undefined;
  /** Set by the `app features` stimulus; cleared when the process dies. */
  private featuresOverride: FeatureSlotPair[] | undefined;
  private listenerRegistration: ListenerRegistration | null = null;
  private readonly imsEnabled = new Map<number, boolean>();
  /** Bumped on every death: binders of an older generation are dead. */
  private generation = 0;
  /** Posts onto a binder thread of the process that bound us (set by the binding host). */
  clientPost: (task: () => void) => void = (task) => task();

  constructor(
    readonly packageName: string,
    private readonly pm: PackageManager,
    private readonly identities: IdentityHashes,
    private readonly logcat: LogBuffer,
    /** Called when a stub call makes the process crash (crash-on-bind). */
    private readonly onCrashLoop: (app: ImsAppProcess) => void,
  ) {}

  /** The package's ImsService components (new-style first). */
  imsServices(): ComponentInfo[] {
    const info = this.pm.get(this.packageName);
    if (!info) return [];
    return info.services.filter((s) => s.actions.includes(IMS_SERVICE_ACTION) || s.actions.includes(IMS_COMPAT_SERVICE_ACTION));
  }

  private component(className?: string): ComponentInfo | undefined {
    const services = this.imsServices();
    return className === undefined ? services[0] : services.find((s) => s.className === className);
  }

  /** What the manifest says querySupportedImsFeatures() answers (for one component or the first). */
  manifestAnswers(className?: string): FeatureSlotPair[] {
    const service = this.component(className);
    const value = service?.metaData[FIXTURE_ANSWERS_METADATA];
    if (typeof value === 'string') {
      const parsed = parseAnswers(value);
      if (parsed.ok) return parsed.features;
      this.logcat.write('W', 'ImsRigFixture', `${this.packageName}: bad ${FIXTURE_ANSWERS_METADATA} "${value}": ${parsed.error}; answering no features`);
      return [];
    }
    return [...(KNOWN_IMS_APPS[this.packageName]?.answers ?? [])];
  }

  manifestBehaviour(): AppBehaviour {
    const value = this.component()?.metaData[FIXTURE_BEHAVIOUR_METADATA];
    return typeof value === 'string' && (APP_BEHAVIOURS as readonly string[]).includes(value) ? (value as AppBehaviour) : 'normal';
  }

  behaviour(): AppBehaviour {
    return this.behaviourOverride ?? this.manifestBehaviour();
  }

  /** The ImsFeature state its features report (setFeatureState): `ims-rig.feature-state`, READY when absent. */
  featureState(): number {
    const value = this.component()?.metaData[FIXTURE_FEATURE_STATE_METADATA];
    return typeof value === 'string' ? (FEATURE_STATE_ID as Readonly<Record<string, number>>)[value] ?? STATE_READY : STATE_READY;
  }

  currentFeatures(className?: string): FeatureSlotPair[] {
    return this.featuresOverride ?? this.manifestAnswers(className);
  }

  hasListener(): boolean {
    return this.listenerRegistration !== null;
  }

  imsEnabledSlots(): number[] {
    return [...this.imsEnabled.entries()].filter(([, on]) => on).map(([slot]) => slot).sort();
  }

  /**
   * The `app features` stimulus: while the framework's listener is set the service calls
   * onUpdateSupportedImsFeatures; otherwise only the next query's answer changes.
   */
  setFeatures(features: FeatureSlotPair[]): 'notified' | 'stored' {
    this.featuresOverride = features;
    const registration = this.listenerRegistration;
    if (!registration || !this.running) return 'stored';
    registration.post(() => registration.listener.onUpdateSupportedImsFeatures(features));
    return 'notified';
  }

  /** ImsService.onBind(intent): the binder, or null (wrong action, or `null-binding`). */
  onBind(name: ComponentName, action: string): ImsServiceBinder | null {
    this.running = true;
    const service = this.component(name.className);
    if (!service || this.behaviour() === 'null-binding') return null;
    const kind = service.actions.includes(IMS_SERVICE_ACTION) ? 'ims' : 'compat';
    if (kind === 'ims' && action !== IMS_SERVICE_ACTION) return null;
    if (kind === 'compat' && action !== IMS_COMPAT_SERVICE_ACTION) return null;
    return kind === 'ims' ? this.imsStub(name.className, this.generation) : this.compatStub(this.generation);
  }

  /** The service instance is destroyed (no binding left): its listener goes with it. */
  onAllUnbound(): void {
    this.listenerRegistration = null;
  }

  /** The process died: runtime state back to the manifest. */
  die(): void {
    this.running = false;
    this.generation++;
    this.featuresOverride = undefined;
    this.listenerRegistration = null;
    this.imsEnabled.clear();
  }

  /** The package was replaced or removed (or the device rebooted): stimuli are forgotten too. */
  reset(): void {
    this.die();
    this.behaviourOverride = undefined;
  }

  private alive(generation: number): void {
    if (!this.running || generation !== this.generation) throw new RemoteException(`DeadObjectException: ${this.packageName} died`);
  }

  private binder(javaClass: string): BinderRef {
    return this.identities.next(javaClass);
  }

  private imsStub(className: string, generation: number): ImsServiceStub {
    const feature = (): BinderRef => this.binder('android.os.BinderProxy');
    const capabilities = KNOWN_IMS_APPS[this.packageName]?.capabilities ?? 0;
    return {
      kind: 'ims',
      setListener: (listener) => {
        this.alive(generation);
        this.listenerRegistration = listener ? { listener, post: this.clientPost } : null;
        // crash-on-bind: the process dies right after the framework's real bind (which sets the
        // listener), once the current binder transaction has returned.
        if (listener && this.behaviour() === 'crash-on-bind') this.clientPost(() => this.onCrashLoop(this));
      },
      notifyImsServiceReadyForFeatureCreation: () => this.alive(generation),
      querySupportedImsFeatures: () => {
        this.alive(generation);
        if (this.behaviour() === 'query-error') {
          throw new Error(`java.lang.IllegalStateException: ${this.packageName} failed querySupportedImsFeatures (ims-rig.behaviour=query-error)`);
        }
        return this.currentFeatures(className);
      },
      getImsServiceCapabilities: () => (this.alive(generation), capabilities),
      createMmTelFeature: () => (this.alive(generation), feature()),
      createEmergencyOnlyMmTelFeature: () => (this.alive(generation), feature()),
      createRcsFeature: () => (this.alive(generation), feature()),
      getConfig: () => (this.alive(generation), this.binder('android.telephony.ims.aidl.IImsConfig$Stub$Proxy')),
      getRegistration: () => (this.alive(generation), this.binder('android.telephony.ims.aidl.IImsRegistration$Stub$Proxy')),
      getSipTransport: () => (this.alive(generation), capabilities & 2 ? this.binder('android.telephony.ims.aidl.ISipTransport$Stub$Proxy') : null),
      addFeatureStatusCallback: (_slot, _type, callback) => {
        this.alive(generation);
        // ImsFeature#addImsFeatureStatusCallback reports the current state at once.
        callback(this.featureState());
      },
      removeFeatureStatusCallback: () => this.alive(generation),
      removeImsFeature: () => this.alive(generation),
      enableIms: (slotId) => {
        this.alive(generation);
        this.imsEnabled.set(slotId, true);
      },
      disableIms: (slotId) => {
        this.alive(generation);
        this.imsEnabled.set(slotId, false);
      },
    };
  }

  private compatStub(generation: number): CompatImsServiceStub {
    return {
      kind: 'compat',
      createMMTelFeature: () => (this.alive(generation), this.binder('com.android.ims.internal.IImsMMTelFeature$Stub$Proxy')),
      addFeatureStatusCallback: (_slot, _type, callback) => {
        this.alive(generation);
        callback(STATE_READY);
      },
      removeFeatureStatusCallback: () => this.alive(generation),
      removeImsFeature: () => this.alive(generation),
      turnOnIms: (slotId) => {
        this.alive(generation);
        this.imsEnabled.set(slotId, true);
      },
      turnOffIms: (slotId) => {
        this.alive(generation);
        this.imsEnabled.set(slotId, false);
      },
    };
  }
}
