/**
 * TCP ports listening *on the simulated device*, the far end of `adb forward tcp:A tcp:B`
 * (the device service `tcp:B`). adbd refuses the OPEN when nothing listens on B, as a failed
 * loopback connect does in daemon/services.cpp. Nothing listens by default; tests (and a future
 * on-device server) register a listener per port.
 */
import { type ServiceStarter } from './device-stream';

export class DeviceSockets {
  private readonly listeners = new Map<number, ServiceStarter>();

  /** Accepts connections to `port` with `accept`; returns a function that stops listening. */
  listen(port: number, accept: ServiceStarter): () => void {
    if (this.listeners.has(port)) throw new Error(`device port ${port} is already in use`);
    this.listeners.set(port, accept);
    return () => {
      if (this.listeners.get(port) === accept) this.listeners.delete(port);
    };
  }

  /** The starter for a connection to `port`, or undefined when nothing listens there. */
  connect(port: number): ServiceStarter | undefined {
    return this.listeners.get(port);
  }
}
