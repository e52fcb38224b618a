/**
 * One client connection to the server door, answered as the adb server answers it (adb.cpp
 * handle_host_request, adb_listeners.cpp, transport.cpp): host requests get OKAY/FAIL and a value
 * and the connection closes; a transport switch keeps it for the next request; a device service
 * turns it into a raw stream; `track-devices` keeps sending the list.
 */
import { type Socket } from 'node:net';
import { ADBD_FEATURES } from '../services/device-endpoint';
import { formatDeviceList } from './device-list';
import { type DoorForwards } from './door-forwards';
import { type DoorDevice, type DoorRegistry } from './door-registry';
import { type DeviceSelector, parseHostRequest, parseTransportSwitch } from './host-request';
import { bridgeSocket } from './raw-bridge';
import { encodeValue, fail, OKAY, okayWith, RequestReader, SmartSocketFormatError } from './smart-socket';

/** ADB_SERVER_VERSION of adb 29.0.6: clients with another version restart "the server". */
const SERVER_VERSION = 41;

export interface DoorContext {
  readonly registry: DoorRegistry;
  readonly forwards: DoorForwards;
  readonly log: (message: string) => void;
}

export class DoorSession {
  private readonly reader = new RequestReader();
  private mode: 'request' | 'busy' | 'done' = 'request';
  /** The device a transport switch selected. */
  private selected: DoorDevice | undefined;
  private readonly onBytes = (chunk: Buffer): void => {
    this.reader.push(chunk);
    this.pump();
  };

  constructor(
    private readonly socket: Socket,
    private readonly context: DoorContext,
  ) {
    socket.setNoDelay(true);
    socket.on('data', this.onBytes);
    socket.on('error', () => undefined);
    socket.on('end', () => {
      if (this.mode !== 'done') socket.end();
    });
  }

  private pump(): void {
    while (this.mode === 'request') {
      let request: string | undefined;
      try {
        request = this.reader.next();
      } catch (e) {
        if (!(e instanceof SmartSocketFormatError)) throw e;
        // adb's smart socket closes a client whose length prefix is garbage; so do we.
        this.context.log(`server door: ${e.message}; closing the connection`);
        this.mode = 'done';
        this.socket.destroy();
        return;
      }
      if (request === undefined) return;
      let pending: Promise<void> | undefined;
      try {
        pending = this.handle(request);
      } catch (e) {
        // A failure answering one client is that client's FAIL, never the process's end.
        this.context.log(`server door: ${JSON.stringify(request)} failed: ${e instanceof Error ? e.message : String(e)}`);
        if (!this.socket.destroyed) this.reply(fail(`internal error: ${e instanceof Error ? e.message : String(e)}`));
        return;
      }
      if (pending !== undefined && this.mode === 'request') {
        this.mode = 'busy';
        void pending.then(() => {
          if (this.mode === 'busy') {
            this.mode = 'request';
            this.pump();
          }
        });
      }
    }
  }

  private handle(request: string): Promise<void> | undefined {
    const host = parseHostRequest(request);
    if (host === undefined) {
      this.openService(request);
      return undefined;
    }
    const { command, selector } = host;
    const transport = parseTransportSwitch(command);
    if (transport !== undefined) {
      this.switchTransport(transport.selector, transport.withId);
      return undefined;
    }
    const { registry, forwards } = this.context;
    if (command === 'version') return this.reply(okayWith(SERVER_VERSION.toString(16).padStart(4, '0')));
    if (command === 'kill') return this.reply(OKAY); // the door serves in-process devices: it stays up
    if (command === 'devices' || command === 'devices-l') {
      return this.reply(okayWith(formatDeviceList(registry.visible().map((d) => d.listed()), command === 'devices-l')));
    }
    if (command === 'track-devices' || command === 'track-devices-l') {
      this.track(command === 'track-devices-l');
      return undefined;
    }
    if (command === 'host-features') return this.reply(okayWith([...ADBD_FEATURES, 'push_sync'].join(',')));
    if (command.startsWith('connect:')) return this.reply(okayWith(this.connect(command.slice('connect:'.length))));
    if (command.startsWith('disconnect:')) return this.disconnect(command.slice('disconnect:'.length));
    if (command.startsWith('emulator:')) return this.reply(Buffer.alloc(0));
    const waitFor = /^wait-for-(?:(?:usb|local|any)-)?([a-z]+)$/.exec(command);
    if (waitFor) return this.waitFor(selector ?? { kind: 'any' }, waitFor[1] ?? '');

    // Everything else is about one device.
    const device = this.device(selector);
    if (typeof device === 'string') return this.reply(fail(device));
    switch (command) {
      case 'features':
        return this.reply(okayWith(device.endpoint.features.join(',')));
      case 'get-state':
        return this.reply(okayWith('device'));
      case 'get-serialno':
        return this.reply(okayWith(device.serial));
      case 'get-devpath':
        return this.reply(okayWith('unknown'));
      case 'list-forward':
        return this.reply(okayWith(forwards.list()));
      case 'killforward-all':
        forwards.removeAll();
        return this.reply(Buffer.concat([OKAY, OKAY]));
    }
    if (command.startsWith('killforward:')) {
      const local = command.slice('killforward:'.length);
      return this.reply(forwards.remove(local) ? Buffer.concat([OKAY, OKAY]) : fail(`listener '${local}' not found`));
    }
    if (command.startsWith('forward:')) return this.forward(command.slice('forward:'.length), device);
    return this.reply(fail(`unknown host service '${command}'`));
  }

  private device(selector: DeviceSelector | undefined): DoorDevice | string {
    if (selector !== undefined) return this.context.registry.resolve(selector);
    if (this.selected !== undefined) return this.selected.online ? this.selected : 'device offline';
    return this.context.registry.resolve({ kind: 'any' });
  }

  private switchTransport(selector: DeviceSelector, withId: boolean): void {
    const device = this.context.registry.resolve(selector);
    if (typeof device === 'string') {
      this.reply(fail(device));
      return;
    }
    this.selected = device;
    if (!withId) {
      this.socket.write(OKAY);
      return;
    }
    // `tport:` replies carry the 8-byte transport id (adb.cpp handle_host_request).
    const id = Buffer.alloc(8);
    id.writeBigUInt64LE(BigInt(device.transportId));
    this.socket.write(Buffer.concat([OKAY, id]));
  }

  private openService(name: string): void {
    const device = this.device(undefined);
    if (typeof device === 'string') {
      this.reply(fail(device));
      return;
    }
    const starter = device.endpoint.open(name);
    if (starter === undefined) {
      // The device refused the OPEN; the adb server reports it as `closed` (adb prints "error: closed").
      this.reply(fail('closed'));
      return;
    }
    this.mode = 'done';
    this.socket.off('data', this.onBytes);
    this.socket.write(OKAY);
    const bridge = bridgeSocket(this.socket, starter, this.reader.takeRest(), () => device.bridges.delete(bridge));
    device.bridges.add(bridge);
  }

  private track(long: boolean): void {
    this.mode = 'done';
    const registry = this.context.registry;
    let last = formatDeviceList(registry.visible().map((d) => d.listed()), long);
    this.socket.write(Buffer.concat([OKAY, encodeValue(last)]));
    const unsubscribe = registry.onChange(() => {
      const now = formatDeviceList(registry.visible().map((d) => d.listed()), long);
      if (now === last) return;
      last = now;
      this.socket.write(encodeValue(now));
    });
    this.socket.on('close', unsubscribe);
    this.socket.on('end', () => this.socket.end());
  }

  private connect(address: string): string {
    const device = this.context.registry.byAddress(address);
    if (device === undefined) return `failed to connect to '${address}': Connection refused`;
    if (device.connected) return `already connected to ${device.serial}`;
    device.connected = true;
    this.context.registry.changed();
    return `connected to ${device.serial}`;
  }

  private disconnect(address: string): Promise<void> | undefined {
    const registry = this.context.registry;
    if (address === '') {
      for (const device of registry.devices) device.connected = false;
      registry.changed();
      return this.reply(okayWith('disconnected everything'));
    }
    const device = registry.byAddress(address);
    if (device === undefined || !device.connected) return this.reply(fail(`no such device '${address}'`));
    device.connected = false;
    for (const bridge of [...device.bridges]) bridge.destroy();
    registry.changed();
    return this.reply(okayWith(`disconnected ${address}`));
  }

  /** `wait-for-<transport>-<state>`: OKAY now (connect ack), OKAY again when the state is reached. */
  private waitFor(selector: DeviceSelector, state: string): Promise<void> {
    this.socket.write(OKAY);
    const registry = this.context.registry;
    const reached = (): boolean => {
      const found = registry.resolve(selector);
      if (state === 'disconnect') return typeof found === 'string' && !found.startsWith('more than one');
      return (state === 'device' || state === 'any') && typeof found !== 'string';
    };
    return new Promise<void>((resolve) => {
      const check = (): void => {
        if (!reached()) return;
        unsubscribe();
        resolve();
      };
      const unsubscribe = registry.onChange(check);
      this.socket.on('close', () => {
        unsubscribe();
        resolve();
      });
      check();
    }).then(() => {
      if (!this.socket.destroyed) this.reply(OKAY);
    });
  }

  private async forward(spec: string, device: DoorDevice): Promise<void> {
    const noRebind = spec.startsWith('norebind:');
    const pieces = (noRebind ? spec.slice('norebind:'.length) : spec).split(';');
    const [local, remote] = pieces;
    if (pieces.length !== 2 || !local || !remote || remote.startsWith('*')) {
      this.reply(fail(`bad forward: ${spec}`));
      return;
    }
    const result = await this.context.forwards.add(local, remote, device, noRebind);
    if (!result.ok) {
      this.reply(fail(result.message));
      return;
    }
    // "1st OKAY is connect, 2nd OKAY is status", then the port when tcp:0 was resolved.
    const parts: Buffer[] = [OKAY, OKAY];
    if (result.resolvedPort !== undefined) parts.push(encodeValue(String(result.resolvedPort)));
    this.reply(Buffer.concat(parts));
  }

  /** Writes the last answer of this connection and closes it. */
  private reply(bytes: Buffer): undefined {
    this.mode = 'done';
    this.socket.end(bytes);
    return undefined;
  }
}
