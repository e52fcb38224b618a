/**
 * com.android.ims.ImsFeatureBinderRepository (IMSM src/java/com/android/ims/ImsFeatureBinderRepository.java):
 * the (phoneId, feature) -> connection table ImsManager reads, its listeners (the FeatureConnectors
 * ImsResolver#listenForFeature registers: UpdateMapper, IMS A15 r23 L131-265) and its LocalLog
 * (50 lines, "[<phoneId>] <msg>", logcat tag ImsFeatureBinderRepo).
 */
import { type LogBuffer } from '../../android/platform';
import { LocalLog } from '../java/local-log';
import { type Clock } from '../../android/platform';
import { type BinderRef, capabilitiesString } from './binder';
import { FEATURE_LOG_MAP, type FeatureType } from './feature-slot-pair';

const TAG = 'ImsFeatureBinderRepo';

/** ImsFeature.STATE_LOG_MAP. */
export const STATE_LOG_MAP: Readonly<Record<number, string>> = { 0: 'UNAVAILABLE', 1: 'INITIALIZING', 2: 'READY' };
export const STATE_READY = 2;

/** com.android.ims.ImsFeatureContainer. */
export interface ImsFeatureContainer {
  readonly imsFeature: BinderRef;
  readonly imsConfig: BinderRef;
  readonly imsRegistration: BinderRef;
  readonly sipTransport: BinderRef | null;
  state: number;
  capabilities: number;
  /** The ImsService's package (not printed: FeatureContainer#toString has no such field). */
  readonly packageName?: string;
}

export function containerToString(c: ImsFeatureContainer): string {
  return (
    `FeatureContainer{imsFeature=${c.imsFeature.description}, imsConfig=${c.imsConfig.description}, ` +
    `imsRegistration=${c.imsRegistration.description}, sipTransport=${c.sipTransport?.description ?? 'null'}, ` +
    `state=${STATE_LOG_MAP[c.state] ?? 'null'}, capabilities = ${capabilitiesString(c.capabilities)}}`
  );
}

/** FeatureConnector.UNAVAILABLE_REASON_DISCONNECTED (IMS FeatureConnector.java L50). */
export const UNAVAILABLE_REASON_DISCONNECTED = 0;

/** com.android.ims.internal.IImsServiceFeatureCallback, as a FeatureConnector implements it. */
export interface ImsServiceFeatureCallback {
  /** The callback binder's Object.toString() (`com.android.ims.FeatureConnector$1@…`). */
  readonly description: string;
  imsFeatureCreated(container: ImsFeatureContainer, subId: number): void;
  imsFeatureRemoved(reason: number): void;
  imsStatusChanged(status: number, subId: number): void;
  updateCapabilities(capabilities: number): void;
  /** IBinder.isBinderAlive(): a dead process's callback is a stale listener. */
  isAlive(): boolean;
}

/** ListenerContainer: the callback and the executor its calls are posted to. */
interface Listener {
  readonly callback: ImsServiceFeatureCallback;
  readonly post: (task: () => void) => void;
}

interface Mapping {
  subId: number;
  container: ImsFeatureContainer | null;
  readonly listeners: Listener[];
}

export class ImsFeatureBinderRepository {
  private readonly mappings = new Map<string, Mapping>();
  private readonly localLog: LocalLog;

  constructor(
    clock: Pick<Clock, 'now'>,
    private readonly logcat: LogBuffer,
  ) {
    this.localLog = new LocalLog(50, clock);
    this.logInfo(-1, 'FeatureConnectionRepository - created');
  }

  private mapping(phoneId: number, type: FeatureType): Mapping {
    const key = `${phoneId}:${type}`;
    let m = this.mappings.get(key);
    if (!m) {
      m = { subId: -1, container: null, listeners: [] };
      this.mappings.set(key, m);
    }
    return m;
  }

  /** Listeners of a mapping, with the stale ones (dead callers) dropped first (removeStaleListeners). */
  private listenersOf(m: Mapping): Listener[] {
    for (let i = m.listeners.length - 1; i >= 0; i--) if (!m.listeners[i]?.callback.isAlive()) m.listeners.splice(i, 1);
    return [...m.listeners];
  }

  /** notifyFeatureCreatedOrRemoved: a null container is a removal (UNAVAILABLE_REASON_DISCONNECTED). */
  private static created(l: Listener, container: ImsFeatureContainer | null, subId: number): void {
    l.post(() => {
      if (container === null) l.callback.imsFeatureRemoved(UNAVAILABLE_REASON_DISCONNECTED);
      else l.callback.imsFeatureCreated(container, subId);
    });
  }

  addConnection(phoneId: number, subId: number, type: FeatureType, connection: ImsFeatureContainer | null): void {
    this.logInfo(phoneId, `addConnection, subId=${subId}, type=${FEATURE_LOG_MAP[type]}, conn=${connection ? containerToString(connection) : 'null'}`);
    const m = this.mapping(phoneId, type);
    m.subId = subId;
    // addFeatureContainer: an equal container is no change (Objects.equals; both null included).
    if (m.container === connection) return;
    m.container = connection;
    for (const l of [...m.listeners]) ImsFeatureBinderRepository.created(l, connection, m.subId);
  }

  removeConnection(phoneId: number, type: FeatureType): void {
    this.logInfo(phoneId, `removeConnection, type=${FEATURE_LOG_MAP[type]}`);
    const m = this.mapping(phoneId, type);
    if (m.container === null) return;
    m.container = null;
    for (const l of [...m.listeners]) ImsFeatureBinderRepository.created(l, null, m.subId);
  }

  notifyFeatureStateChanged(phoneId: number, type: FeatureType, state: number): void {
    this.logInfo(phoneId, `notifyFeatureStateChanged, type=${FEATURE_LOG_MAP[type]}, state=${STATE_LOG_MAP[state] ?? 'null'}`);
    const m = this.mapping(phoneId, type);
    const listeners = this.listenersOf(m);
    // Only an existing container's listeners hear of it (UpdateMapper#notifyStateUpdated).
    if (!m.container) return;
    m.container.state = state;
    const subId = m.subId;
    for (const l of listeners) l.post(() => l.callback.imsStatusChanged(state, subId));
  }

  notifyFeatureCapabilitiesChanged(phoneId: number, type: FeatureType, capabilities: number): void {
    this.logInfo(phoneId, `notifyFeatureCapabilitiesChanged, type=${FEATURE_LOG_MAP[type]}, caps=${capabilitiesString(capabilities)}`);
    const m = this.mapping(phoneId, type);
    const listeners = this.listenersOf(m);
    if (!m.container) return;
    m.container.capabilities = capabilities;
    for (const l of listeners) l.post(() => l.callback.updateCapabilities(capabilities));
  }

  /**
   * registerForConnectionUpdates (ImsResolver#listenForFeature): the callback hears of the feature
   * once it exists (and at once if it does), then of every change, on `post`'s thread.
   */
  registerForConnectionUpdates(phoneId: number, type: FeatureType, callback: ImsServiceFeatureCallback, post: (task: () => void) => void): void {
    this.logInfo(phoneId, `registerForConnectionUpdates, type= ${FEATURE_LOG_MAP[type]}, conn= ListenerContainer{cb=${callback.description}}`);
    const m = this.mapping(phoneId, type);
    if (this.listenersOf(m).some((l) => l.callback === callback)) return;
    const listener: Listener = { callback, post };
    m.listeners.push(listener);
    if (m.container !== null) ImsFeatureBinderRepository.created(listener, m.container, m.subId);
  }

  unregisterForConnectionUpdates(callback: ImsServiceFeatureCallback): void {
    this.logInfo(-1, `unregisterForConnectionUpdates, callback= ${callback.description}`);
    for (const m of this.mappings.values()) {
      const i = m.listeners.findIndex((l) => l.callback === callback);
      if (i >= 0) m.listeners.splice(i, 1);
    }
  }

  /** getIfExists(): the connection ImsManager would get for (phoneId, feature). */
  getIfExists(phoneId: number, type: FeatureType): ImsFeatureContainer | null {
    return this.mappings.get(`${phoneId}:${type}`)?.container ?? null;
  }

  dumpLines(): readonly string[] {
    return this.localLog.entries();
  }

  private logInfo(phoneId: number, message: string): void {
    const line = `[${phoneId}] ${message}`;
    this.logcat.write('I', TAG, line);
    this.localLog.log(line);
  }
}
