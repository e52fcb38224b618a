/**
 * The devices the server door knows, as the adb server knows its transports: each with a
 * transport id, a state (`device` / `offline`, from the simulated Android) and whether it is
 * "connected" (`host:disconnect:` hides it until `host:connect:`). Resolves device selectors
 * with adb's messages (transport.cpp acquire_one_transport).
 */
import { type DeviceEndpoint } from '../services/device-endpoint';
import { type ListedDevice } from './device-list';
import { type DeviceSelector } from './host-request';
import { type RawBridge } from './raw-bridge';

export interface DoorDeviceSpec {
  /** `127.0.0.1:<adbd port>`, the serial `adb connect` gives the same device. */
  readonly serial: string;
  readonly endpoint: DeviceEndpoint;
}

export class DoorDevice {
  connected = true;
  /** Client sockets switched to this device, closed when it goes offline. */
  readonly bridges = new Set<RawBridge>();

  constructor(
    readonly serial: string,
    readonly endpoint: DeviceEndpoint,
    readonly transportId: number,
  ) {}

  get online(): boolean {
    return this.endpoint.device.state === 'online';
  }

  listed(): ListedDevice {
    if (!this.online) return { serial: this.serial, state: 'offline', transportId: this.transportId };
    const props = this.endpoint.device.bannerProps();
    return {
      serial: this.serial,
      state: 'device',
      product: props['ro.product.name'],
      model: props['ro.product.model'],
      device: props['ro.product.device'],
      transportId: this.transportId,
    };
  }
}

export class DoorRegistry {
  readonly devices: readonly DoorDevice[];
  private readonly listeners = new Set<() => void>();
  private readonly unsubscribes: (() => void)[] = [];

  constructor(specs: readonly DoorDeviceSpec[]) {
    this.devices = specs.map((spec, index) => new DoorDevice(spec.serial, spec.endpoint, index + 1));
    for (const device of this.devices) {
      this.unsubscribes.push(
        device.endpoint.device.onStateChange((state) => {
          // The transport dropped: every client socket switched to the device sees it close.
          if (state === 'offline') for (const bridge of [...device.bridges]) bridge.destroy();
          this.changed();
        }),
        // adbd restarting (adb root) drops the transport's streams; the device stays listed.
        device.endpoint.onAdbdRestart(() => {
          for (const bridge of [...device.bridges]) bridge.destroy();
        }),
      );
    }
  }

  /** Devices `host:devices` lists: the connected ones. */
  visible(): DoorDevice[] {
    return this.devices.filter((d) => d.connected);
  }

  /** The one device a selector names, or adb's error text. Offline devices are an error too. */
  resolve(selector: DeviceSelector): DoorDevice | string {
    const visible = this.visible();
    let candidates: DoorDevice[];
    switch (selector.kind) {
      case 'serial': {
        const device = visible.find((d) => d.serial === selector.serial || `tcp:${d.serial}` === selector.serial);
        if (device === undefined) return `device '${selector.serial}' not found`;
        candidates = [device];
        break;
      }
      case 'id': {
        const device = visible.find((d) => d.transportId === selector.id);
        if (device === undefined) return `no device with transport id '${selector.id}'`;
        candidates = [device];
        break;
      }
      case 'usb':
        return 'no devices found'; // every reference device is a network (local) transport
      case 'any':
      case 'local':
        candidates = visible;
        if (candidates.length === 0) return selector.kind === 'any' ? 'no devices/emulators found' : 'no emulators found';
        if (candidates.length > 1) return selector.kind === 'any' ? 'more than one device/emulator' : 'more than one emulator';
        break;
    }
    const [device] = candidates;
    if (device === undefined) return 'no devices/emulators found';
    return device.online ? device : 'device offline';
  }

  /** Finds a device by the address `host:connect:` / `host:disconnect:` name. */
  byAddress(address: string): DoorDevice | undefined {
    const match = /^(?:tcp:)?(.*?)(?::(\d+))?$/.exec(address);
    const host = match?.[1] ?? '';
    const port = match?.[2] ?? '5555';
    if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host)) return undefined;
    return this.devices.find((d) => d.serial === `127.0.0.1:${port}`);
  }

  /** Subscribes to changes of the device list (state, connect/disconnect). */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  changed(): void {
    for (const listener of [...this.listeners]) listener();
  }

  close(): void {
    for (const unsubscribe of this.unsubscribes.splice(0)) unsubscribe();
    for (const device of this.devices) for (const bridge of [...device.bridges]) bridge.destroy();
    this.listeners.clear();
  }
}
