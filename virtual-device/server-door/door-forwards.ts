/**
 * Port forwards of the server door (`adb forward tcp:A tcp:B`, adb's adb_listeners.cpp): a
 * listener on local port A whose every connection opens the device service B (`tcp:B`) and is
 * carried raw; when the device refuses B (nothing listens there) the connection is closed.
 */
import * as net from 'node:net';
import { type DeviceEndpoint } from '../services/device-endpoint';
import { bridgeSocket } from './raw-bridge';

export interface ForwardTarget {
  readonly serial: string;
  readonly endpoint: DeviceEndpoint;
}

interface Forward {
  readonly local: string;
  remote: string;
  target: ForwardTarget;
  readonly server: net.Server;
}

export type ForwardResult = { ok: true; resolvedPort: number | undefined } | { ok: false; message: string };

export class DoorForwards {
  private readonly forwards = new Map<string, Forward>();

  constructor(private readonly address: string) {}

  /** `forward:[norebind:]local;remote`, answered as adb's install_listener does. */
  async add(local: string, remote: string, target: ForwardTarget, noRebind: boolean): Promise<ForwardResult> {
    const existing = this.forwards.get(local);
    if (existing !== undefined) {
      if (noRebind) return { ok: false, message: 'cannot rebind existing socket' };
      existing.remote = remote;
      existing.target = target;
      return { ok: true, resolvedPort: undefined };
    }
    const port = /^tcp:(\d+)$/.exec(local);
    if (!port) return { ok: false, message: `cannot bind listener: unsupported local spec '${local}'` };
    const server = net.createServer({ allowHalfOpen: true });
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(Number(port[1]), this.address, () => resolve());
      });
    } catch (e) {
      return { ok: false, message: `cannot bind listener: ${e instanceof Error ? e.message : String(e)}` };
    }
    const address = server.address();
    const boundPort = typeof address === 'object' && address !== null ? address.port : Number(port[1]);
    // adb lists a `tcp:0` forward under the port it resolved to.
    const key = Number(port[1]) === 0 ? `tcp:${boundPort}` : local;
    const forward: Forward = { local: key, remote, target, server };
    server.on('connection', (socket) => this.accept(forward, socket));
    server.on('error', () => undefined);
    this.forwards.set(key, forward);
    return { ok: true, resolvedPort: Number(port[1]) === 0 ? boundPort : undefined };
  }

  remove(local: string): boolean {
    const forward = this.forwards.get(local);
    if (forward === undefined) return false;
    this.forwards.delete(local);
    forward.server.close();
    return true;
  }

  removeAll(): void {
    for (const local of [...this.forwards.keys()]) this.remove(local);
  }

  /** `list-forward` lines: `serial local remote`. */
  list(): string {
    return [...this.forwards.values()].map((f) => `${f.target.serial} ${f.local} ${f.remote}\n`).join('');
  }

  private accept(forward: Forward, socket: net.Socket): void {
    socket.setNoDelay(true);
    socket.on('error', () => undefined);
    let starter;
    try {
      starter = forward.target.endpoint.open(forward.remote);
    } catch {
      starter = undefined;
    }
    if (starter === undefined) {
      socket.destroy();
      return;
    }
    bridgeSocket(socket, starter, [], () => undefined);
  }
}
