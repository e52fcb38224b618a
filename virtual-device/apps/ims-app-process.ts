/**
 * One app that implements an ImsService, run by the rules the rig's app code follows
 * (android-apps/ims-service): its process, what its ImsService answers and how it misbehaves.
 * Answers come from the `ims-rig.answers` meta-data of the <service> (or a known AOSP test app),
 * behaviour from `ims-rig.behaviour`, feature state from `ims-rig.feature-state`; the control
 * broadcast (control-receiver.ts) and the `ims-rig-device app` stimulus change them. Features and
 * feature state set that way live in the process and reset when it dies; a behaviour set that way
 * is stored with the app's data (the DEX's SharedPreferences): it survives process death and
 * reboot and goes with an uninstall. A binder from a dead process throws DeadObjectException.
 *
 * What the code does, mirrored here (RigImsService.smali): `null-binding` onBind returns null;
 * `query-error` dies inside querySupportedImsFeatures, so the framework's binder call fails
 * (since Android 14 ImsService turns a thrown exception into a null answer, which is not an
 * error); `crash-on-bind` crashes after readyForFeatureCreation, which only the real bind calls.
 */
import { type ComponentInfo, type LogBuffer, type PackageManager } from '../android/platform';
import {
  APP_BEHAVIOURS, type AppBehaviour, FEATURE_STATE_ID, FIXTURE_ANSWERS_METADATA, FIXTURE_BEHAVIOUR_METADATA, FIXTURE_CAPABILITIES_METADATA, FIXTURE_FEATURE_STATE_METADATA,
  IMS_COMPAT_SERVICE_ACTION, IMS_SERVICE_ACTION, isFeatureStateName,
} from '../../harness/model/ims-app';
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
import { boundAction, type Code } from './app-code';
import { KNOWN_IMS_APPS } from './known-test-apps';

/** ImsService.CAPABILITY_* by name (SIP_DELEGATE_CREATION = 1 << 1, TERMINAL_BASED_CALL_WAITING = 1 << 2). */
const CAPABILITY_BITS: Readonly<Record<string, number>> = { SIP_DELEGATE_CREATION: 2, TERMINAL_BASED_CALL_WAITING: 4 };

const STATE_READY = FEATURE_STATE_ID.READY;
const STATE_UNAVAILABLE = FEATURE_STATE_ID.UNAVAILABLE;

/** How the app's own code ends its process: a quiet kill (query-error), or a crash loop (crash-on-bind). */
export type SelfDeath = 'crash' | 'crash-loop';

/** Where an app's listener calls land (the binder thread of the process that set it). */
export interface ListenerRegistration {
  readonly listener: ImsServiceListener;
  readonly post: (task: () => void) => void;
}

export class ImsAppProcess {
  running = false;
  /** Set by the control broadcast or the `app behaviour` stimulus; stored with the app's data (uninstall clears it). */
  behaviourOverride: AppBehaviour | undefined;
  /** Set by the control broadcast or the `app features` stimulus; cleared when the process dies. */
  private featuresOverride: FeatureSlotPair[] | undefined;
  /** Set by the control broadcast (ImsFeature state number); cleared when the process dies. */
  private featureStateOverride: number | undefined;
  /** The framework's feature status callbacks, by `slot:type`, told the state when it changes. */
  private readonly statusCallbacks = new Map<string, (state: number) => void>();
  /** Feature objects created in this process (the DEX keeps them all). */
  private featuresCreated = 0;
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
    /** Called when the app's code ends its own process (query-error, crash-on-bind). */
    private readonly onSelfDeath: (app: ImsAppProcess, death: SelfDeath) => void,
  ) {}

  /** The classes the installed APK's DEX defines (null: no DEX; undefined: not known). */
  code(): Code | null | undefined {
    return this.pm.get(this.packageName)?.codeClasses;
  }

  /** Where the APK is (for ClassNotFoundException's message). */
  codePath(): string {
    return this.pm.get(this.packageName)?.codePath ?? `/data/app/${this.packageName}-1/base.apk`;
  }

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

  /** `ims-rig.capabilities` meta-data: ImsService.CAPABILITY_* names → the bit field. */
  manifestCapabilities(className?: string): number {
    const value = this.component(className)?.metaData[FIXTURE_CAPABILITIES_METADATA];
    if (typeof value !== 'string') return 0;
    return value.split(',').reduce((bits, name) => bits | (CAPABILITY_BITS[name.trim()] ?? 0), 0);
  }

  manifestBehaviour(): AppBehaviour {
    const value = this.component()?.metaData[FIXTURE_BEHAVIOUR_METADATA];
    return typeof value === 'string' && (APP_BEHAVIOURS as readonly string[]).includes(value) ? (value as AppBehaviour) : 'normal';
  }

  behaviour(): AppBehaviour {
    return this.behaviourOverride ?? this.manifestBehaviour();
  }

  /** The ImsFeature state the features of `className` are put in (unknown manifest values: READY). */
  featureState(className?: string): number {
    if (this.featureStateOverride !== undefined) return this.featureStateOverride;
    const value = this.component(className)?.metaData[FIXTURE_FEATURE_STATE_METADATA];
    return typeof value === 'string' && isFeatureStateName(value) ? FEATURE_STATE_ID[value] : STATE_READY;
  }

  /**
   * The control broadcast's feature-state: from now on, and for the features alive (their status
   * callbacks are told): 'updated' when the process has created features, else 'stored'.
   */
  setFeatureState(state: number): 'updated' | 'stored' {
    this.featureStateOverride = state;
    for (const callback of this.statusCallbacks.values()) this.clientPost(() => callback(state));
    return this.featuresCreated > 0 ? 'updated' : 'stored';
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

  /**
   * ImsService.onBind(intent): the binder, or null (`null-binding`, or an action other than the
   * one the service answers: its code's ImsService base decides, else its manifest filter).
   */
  onBind(name: ComponentName, action: string): ImsServiceBinder | null {
    this.running = true;
    const service = this.component(name.className);
    if (!service || this.behaviour() === 'null-binding') return null;
    const answered = boundAction(this.code(), name.className) ?? (service.actions.includes(IMS_SERVICE_ACTION) ? IMS_SERVICE_ACTION : IMS_COMPAT_SERVICE_ACTION);
    if (action !== answered) return null;
    return answered === IMS_SERVICE_ACTION ? this.imsStub(name.className, this.generation) : this.compatStub(this.generation);
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
    this.featureStateOverride = undefined;
    this.statusCallbacks.clear();
    this.featuresCreated = 0;
    this.listenerRegistration = null;
    this.imsEnabled.clear();
  }

  /** The package was uninstalled with its data: the stored behaviour goes too. */
  forgetData(): void {
    this.die();
    this.eraseStoredData();
  }

  /** The app's data directory is deleted (what the control broadcast stored goes with it). */
  eraseStoredData(): void {
    this.behaviourOverride = undefined;
  }

  /** The app's own logcat line (RigImsService.log). */
  log(message: string): void {
    this.logcat.write('I', 'ImsRig', message);
  }

  private alive(generation: number): void {
    if (!this.running || generation !== this.generation) throw new RemoteException(`DeadObjectException: ${this.packageName} died`);
  }

  private binder(javaClass: string): BinderRef {
    return this.identities.next(javaClass);
  }

  private imsStub(className: string, generation: number): ImsServiceStub {
    const feature = (): BinderRef => {
      this.featuresCreated++;
      return this.binder('android.os.BinderProxy');
    };
    const capabilities = KNOWN_IMS_APPS[this.packageName]?.capabilities ?? this.manifestCapabilities(className);
    return {
      kind: 'ims',
      setListener: (listener) => {
        this.alive(generation);
        this.listenerRegistration = listener ? { listener, post: this.clientPost } : null;
      },
      notifyImsServiceReadyForFeatureCreation: () => {
        this.alive(generation);
        // crash-on-bind: readyForFeatureCreation posts a crash to the app's main thread, which
        // runs once this binder transaction has returned.
        if (this.behaviour() === 'crash-on-bind') {
          this.log(`readyForFeatureCreation: ims-rig.behaviour=crash-on-bind, crashing the main thread`);
          this.clientPost(() => this.onSelfDeath(this, 'crash-loop'));
        }
      },
      querySupportedImsFeatures: () => {
        this.alive(generation);
        if (this.behaviour() === 'query-error') {
          // The process kills itself inside the call: the caller's transaction fails.
          this.log('querySupportedImsFeatures: ims-rig.behaviour=query-error, killing own process');
          this.onSelfDeath(this, 'crash');
          throw new RemoteException(`DeadObjectException: ${this.packageName} died in querySupportedImsFeatures (ims-rig.behaviour=query-error)`);
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
      addFeatureStatusCallback: (slot, type, callback) => {
        this.alive(generation);
        // ImsFeature#addImsFeatureStatusCallback reports the current state at once.
        this.statusCallbacks.set(`${slot}:${type}`, callback);
        callback(KNOWN_IMS_APPS[this.packageName]?.neverReady?.includes(type) === true ? STATE_UNAVAILABLE : this.featureState(className));
      },
      removeFeatureStatusCallback: (slot, type) => {
        this.alive(generation);
        this.statusCallbacks.delete(`${slot}:${type}`);
      },
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
