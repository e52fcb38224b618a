/**
 * The adb *server* door: the reference devices behind the adb server's smart-socket protocol on a
 * port of their own, so adbkit (`Adb.createClient({ host, port })`) and even the adb client
 * (`adb -P <port>`) reach them on a machine with no adb server (DESIGN.md "Real parts"). The
 * device services are the same ones adbd serves (virtual-device/services).
 */
import * as net from 'node:net';
import { DoorForwards } from './door-forwards';
import { type DoorDeviceSpec, DoorRegistry } from './door-registry';
import { DoorSession } from './door-session';

export interface ServerDoorOptions {
  /** TCP port; 0 lets the OS pick. */
  readonly port: number;
  /** Address to listen on (default 127.0.0.1). */
  readonly host?: string;
  readonly devices: readonly DoorDeviceSpec[];
  readonly log?: (message: string) => void;
}

export interface ServerDoor {
  readonly port: number;
  close(): Promise<void>;
}

export async function startServerDoor(options: ServerDoorOptions): Promise<ServerDoor> {
  const address = options.host ?? '127.0.0.1';
  const log = options.log ?? (() => undefined);
  const registry = new DoorRegistry(options.devices);
  const forwards = new DoorForwards(address);
  const sockets = new Set<net.Socket>();
  // allowHalfOpen: a client's EOF is handled per session, not by Node closing our side for us.
  const server = net.createServer({ allowHalfOpen: true }, (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    new DoorSession(socket, { registry, forwards, log });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, address, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (e) => log(`server door error: ${e.message}`));
  const bound = server.address();
  const port = typeof bound === 'object' && bound !== null ? bound.port : options.port;
  log(`adb server door listening on ${address}:${port}`);
  return {
    port,
    close: () => {
      forwards.removeAll();
      registry.close();
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
