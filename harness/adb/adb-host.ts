/**
 * The host side of adb: one adb server (a real one, or the reference device's built-in server
 * door on machines with no adb binary), reached through @devicefarmer/adbkit. Lists and tracks
 * devices, connects TCP serials, reads a transport's features, and hands out AdbDevice objects.
 */
import Adb, { type Client } from '@devicefarmer/adbkit';
import { DeviceUnavailableError, isImsRigError } from '../errors';
import { toAdbError } from './adb-errors';
import { AdbDevice } from './adb-device';
import { isTcpSerial, parseConnectReply, type ConnectReply } from './connect-reply';
import { hostQuery } from './smart-socket';
import { pollUntil, retry, withDeadline, type WaitOptions } from './timing';

/** Which adb server we talk to. */
export interface AdbEndpoint {
  readonly host: string;
  readonly port: number;
  /** A real adb server, or the reference device's built-in door (no adb binary on this machine). */
  readonly kind: 'adb-server' | 'built-in-server';
  /** The adb binary adbkit may use to start the server (real servers only). */
  readonly bin?: string;
}

/** adb's device states (`adb devices`): device, offline, unauthorized, authorizing, connecting, ... */
export type AdbDeviceState = 'device' | 'offline' | 'unauthorized' | 'authorizing' | 'connecting' | 'bootloader' | 'recovery' | 'sideload' | 'unknown';

export interface AdbDeviceEntry {
  readonly serial: string;
  readonly state: AdbDeviceState;
}

const KNOWN_STATES: readonly string[] = ['device', 'offline', 'unauthorized', 'authorizing', 'connecting', 'bootloader', 'recovery', 'sideload'];

function toState(type: string): AdbDeviceState {
  return KNOWN_STATES.includes(type) ? (type as AdbDeviceState) : 'unknown';
}

/** Parses a `host:devices` / track-devices payload: `serial\tstate` lines. Pure. */
export function parseDeviceList(text: string): AdbDeviceEntry[] {
  return text.split('\n').map((l) => l.trim()).filter((l) => l !== '').map((line) => {
    const [serial = '', state = ''] = line.split(/\s+/);
    return { serial, state: toState(state) };
  });
}

export class AdbHost {
  readonly client: Client;
  private readonly featureCache = new Map<string, readonly string[]>();

  constructor(readonly endpoint: AdbEndpoint) {
    this.client = Adb.createClient({ host: endpoint.host, port: endpoint.port, ...(endpoint.bin === undefined ? {} : { bin: endpoint.bin }) });
  }

  /** `host:port` of the server, for messages. */
  get address(): string {
    return `${this.endpoint.host}:${this.endpoint.port}`;
  }

  private fail(e: unknown, what: string, serial?: string): never {
    throw toAdbError(e, { server: this.address, what, ...(serial === undefined ? {} : { serial }) });
  }

  /** The server's protocol version (`host:version`); also proves it is reachable. */
  async version(): Promise<number> {
    try {
      return await this.client.version();
    } catch (e) {
      this.fail(e, 'host:version');
    }
  }

  async listDevices(): Promise<AdbDeviceEntry[]> {
    try {
      const devices: readonly { id: string; type: string }[] = await this.client.listDevices();
      return devices.map((d) => ({ serial: d.id, state: toState(d.type) }));
    } catch (e) {
      this.fail(e, 'host:devices');
    }
  }

  /**
   * `host:track-devices`: calls `onChange` with the full list on every change until stopped.
   * `onEnd` fires if the server connection drops (the server died).
   */
  async trackDevices(onChange: (devices: readonly AdbDeviceEntry[]) => void, onEnd?: (error?: Error) => void): Promise<{ stop(): void }> {
    try {
      const tracker = await this.client.trackDevices();
      const current = new Map<string, AdbDeviceEntry>();
      const put = (d: { id: string; type: string }): void => { current.set(d.id, { serial: d.id, state: toState(d.type) }); };
      tracker.on('add', put);
      tracker.on('change', put);
      tracker.on('remove', (d: { id: string }) => { current.delete(d.id); });
      // adbkit emits add/change/remove for each device, then one changeSet per server update.
      tracker.on('changeSet', () => onChange([...current.values()]));
      tracker.on('error', (err: Error) => onEnd?.(err));
      tracker.on('end', () => onEnd?.());
      return { stop: () => { tracker.end(); } };
    } catch (e) {
      this.fail(e, 'host:track-devices');
    }
  }

  /** The transport's features (`host-serial:<s>:features`: shell_v2,cmd,stat_v2,…); cached per serial. */
  async features(serial: string, options: { refresh?: boolean } = {}): Promise<readonly string[]> {
    const cached = this.featureCache.get(serial);
    if (cached !== undefined && options.refresh !== true) return cached;
    try {
      const text = await hostQuery(this.client, `host-serial:${serial}:features`);
      const features = text.trim().split(',').map((f) => f.trim()).filter((f) => f !== '');
      this.featureCache.set(serial, features);
      return features;
    } catch (e) {
      this.fail(e, 'host-serial:features', serial);
    }
  }

  /** Forget cached features (the transport reconnected: after reboot / root it may differ, pitfall 5). */
  forgetFeatures(serial: string): void {
    this.featureCache.delete(serial);
  }

  /** `host-serial:<s>:get-state`, or 'missing' when the server does not know the serial. */
  async getState(serial: string): Promise<AdbDeviceState | 'missing'> {
    try {
      return toState((await hostQuery(this.client, `host-serial:${serial}:get-state`)).trim());
    } catch (e) {
      const error = toAdbError(e, { server: this.address, what: 'get-state', serial });
      if (error instanceof DeviceUnavailableError) {
        if (/not found/i.test(error.message)) return 'missing';
        const state = /\b(offline|unauthorized|authorizing|connecting)\b/.exec(error.message)?.[1];
        if (state !== undefined) return toState(state);
      }
      throw error;
    }
  }

  /**
   * `adb connect <host:port>`: parses the reply text (adb exits 0 even on failure) and retries a
   * refused/failed connect with backoff (a device process may still be starting).
   */
  async connect(serial: string, options: { attempts?: number; baseDelayMs?: number; signal?: AbortSignal } = {}): Promise<ConnectReply> {
    if (!isTcpSerial(serial)) throw new DeviceUnavailableError(`${serial} is not a host:port address; only TCP devices can be connected`);
    const once = async (): Promise<ConnectReply> => {
      let reply: ConnectReply;
      try {
        reply = parseConnectReply(await hostQuery(this.client, `host:connect:${serial}`));
      } catch (e) {
        this.fail(e, `connect ${serial}`, serial);
      }
      if (!reply.ok) throw new DeviceUnavailableError(`cannot connect to ${serial}: ${reply.text}`);
      this.forgetFeatures(serial);
      return reply;
    };
    return retry(once, {
      attempts: options.attempts ?? 3,
      baseDelayMs: options.baseDelayMs ?? 250,
      shouldRetry: (e) => e instanceof DeviceUnavailableError,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
  }

  /** `adb disconnect <host:port>`; true when the server had it. */
  async disconnect(serial: string): Promise<boolean> {
    this.forgetFeatures(serial);
    try {
      const text = await hostQuery(this.client, `host:disconnect:${serial}`);
      return /^disconnected/.test(text.trim());
    } catch (e) {
      const error = toAdbError(e, { server: this.address, what: `disconnect ${serial}`, serial });
      if (error instanceof DeviceUnavailableError || /no such device/i.test(error.message)) return false;
      throw error;
    }
  }

  /**
   * Waits until the serial is in state `device`. For `host:port` serials it re-runs `adb connect`
   * while waiting: the server otherwise waits ~10 s before reconnecting by itself (pitfall 5).
   */
  async waitForDevice(serial: string, options: WaitOptions & { reconnect?: boolean } = {}): Promise<void> {
    const reconnect = options.reconnect ?? isTcpSerial(serial);
    const probe = async (): Promise<true | undefined> => {
      const state = await this.getState(serial);
      if (state === 'device') return true;
      if (reconnect && (state === 'missing' || state === 'offline')) {
        if (state === 'offline') await this.disconnect(serial).catch(() => false);
        await this.connect(serial, { attempts: 1 }).catch((e: unknown) => {
          if (!isImsRigError(e) || !(e instanceof DeviceUnavailableError)) throw e;
        });
      }
      return undefined;
    };
    await withDeadline(`waiting for ${serial}`, pollUntil(`waiting for ${serial} to be online`, probe, { ...options, intervalMs: 300 }), options);
  }

  /** A handle on one device; no I/O until used. */
  device(serial: string): AdbDevice {
    return new AdbDevice(this, serial);
  }
}
