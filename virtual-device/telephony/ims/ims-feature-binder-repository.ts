/**
 * com.android.ims.ImsFeatureBinderRepository (IMSM src/java/com/android/ims/ImsFeatureBinderRepository.java):
 * the (phoneId, feature) -> connection table ImsManager reads, and its LocalLog (50 lines,
 * "[<phoneId>] <msg>", logcat tag ImsFeatureBinderRepo).
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

interface Mapping {
  subId: number;
  container: ImsFeatureContainer | null;
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
      m = { subId: -1, container: null };
      this.mappings.set(key, m);
    }
    return m;
  }

  addConnection(phoneId: number, subId: number, type: FeatureType, connection: ImsFeatureContainer | null): void {
    this.logInfo(phoneId, `addConnection, subId=${subId}, type=${FEATURE_LOG_MAP[type]}, conn=${connection ? containerToString(connection) : 'null'}`);
    const m = this.mapping(phoneId, type);
    m.subId = subId;
    m.container = connection;
  }

  removeConnection(phoneId: number, type: FeatureType): void {
    this.logInfo(phoneId, `removeConnection, type=${FEATURE_LOG_MAP[type]}`);
    this.mapping(phoneId, type).container = null;
  }

  notifyFeatureStateChanged(phoneId: number, type: FeatureType, state: number): void {
    this.logInfo(phoneId, `notifyFeatureStateChanged, type=${FEATURE_LOG_MAP[type]}, state=${STATE_LOG_MAP[state] ?? 'null'}`);
    const m = this.mapping(phoneId, type);
    if (m.container) m.container.state = state;
  }

  notifyFeatureCapabilitiesChanged(phoneId: number, type: FeatureType, capabilities: number): void {
    this.logInfo(phoneId, `notifyFeatureCapabilitiesChanged, type=${FEATURE_LOG_MAP[type]}, caps=${capabilitiesString(capabilities)}`);
    const m = this.mapping(phoneId, type);
    if (m.container) m.container.capabilities = capabilities;
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
