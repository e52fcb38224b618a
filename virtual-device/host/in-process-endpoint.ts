/**
 * The reference device's adb services, opened in this process without TCP and without an adb
 * server: one `request` is one adb round trip — the service is opened exactly as adbd opens it on
 * an OPEN (DeviceEndpoint.open: the same service names, the same refusal when the device is
 * offline), the host's bytes go in, and everything the service writes comes back once it ends its
 * stream (adbd's CLSE). Shell, exec, sync (push), root, remount and reboot therefore run the same
 * code as behind the adbd and the server door.
 *
 * The shape is structural: harness/adb's ServiceEndpoint describes it without importing this file,
 * and this file imports nothing from harness/ (the reference device sees only harness/model).
 */
import { type DeviceState } from '../device/android-device';
import { type DeviceStream, type StreamOutput } from '../services/device-stream';
import { type DeviceEndpoint } from '../services/device-endpoint';

export interface InProcessReply {
  readonly output: Buffer;
  /** `service`: the service ended its stream; `dropped`: the device went offline first (adbd's connection dropped). */
  readonly end: 'service' | 'dropped';
}

export class InProcessEndpoint {
  constructor(
    private readonly endpoint: DeviceEndpoint,
    readonly serial: string,
  ) {}

  get features(): readonly string[] {
    return this.endpoint.features;
  }

  get state(): DeviceState {
    return this.endpoint.device.state;
  }

  onStateChange(listener: (state: DeviceState) => void): () => void {
    return this.endpoint.device.onStateChange(listener);
  }

  /**
   * Opens `service`, delivers `input` to it in order, and resolves with what it wrote. Undefined
   * when the device refuses the service (offline, or a name adbd does not serve). An abort closes
   * the stream as a host that goes away does (a running command is killed) and rejects.
   */
  request(service: string, input: readonly Buffer[], signal?: AbortSignal): Promise<InProcessReply | undefined> {
    const starter = this.endpoint.open(service);
    if (starter === undefined) return Promise.resolve(undefined);
    return new Promise<InProcessReply>((resolve, reject) => {
      const chunks: Buffer[] = [];
      // Set once the service has started (it may end its stream while starting).
      const started: { stream?: DeviceStream } = {};
      let closed = false;
      let endAsked = false;
      const close = (): void => {
        closed = true;
        unsubscribe();
        signal?.removeEventListener('abort', onAbort);
        started.stream?.onClose();
      };
      const finish = (end: InProcessReply['end']): void => {
        if (closed) return;
        close();
        resolve({ output: Buffer.concat(chunks), end });
      };
      const onAbort = (): void => {
        if (closed) return;
        close();
        const reason: unknown = signal?.reason;
        reject(reason instanceof Error ? reason : new Error(`${service}: aborted`));
      };
      const unsubscribe = this.endpoint.device.onStateChange((state) => {
        if (state === 'offline') finish('dropped');
      });
      const output: StreamOutput = {
        write: (data) => {
          if (!closed && data.length > 0) chunks.push(Buffer.from(data));
          return true;
        },
        drained: () => Promise.resolve(),
        // A service may end while it is being started (text services): onClose follows once the
        // stream exists, as the transport closes it after delivering the last bytes.
        end: () => {
          endAsked = true;
          if (started.stream !== undefined) finish('service');
        },
        get closed() {
          return closed;
        },
      };
      if (signal?.aborted) {
        unsubscribe();
        reject(signal.reason instanceof Error ? signal.reason : new Error(`${service}: aborted`));
        return;
      }
      signal?.addEventListener('abort', onAbort, { once: true });
      const stream = starter(output);
      started.stream = stream;
      if (endAsked) {
        finish('service');
        return;
      }
      deliver(stream, input, () => closed).catch((e: unknown) => {
        if (closed) return;
        close();
        reject(e instanceof Error ? e : new Error(String(e)));
      });
    });
  }
}

/** Hands the host's bytes to the service one chunk at a time, honouring its flow control. */
async function deliver(stream: DeviceStream, input: readonly Buffer[], closed: () => boolean): Promise<void> {
  for (const chunk of input) {
    if (closed()) return;
    await stream.onData(chunk);
  }
}
