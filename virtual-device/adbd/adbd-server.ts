/**
 * The simulated adbd listening on TCP, as `adb connect host:port` reaches a network device.
 * While the device is offline (rebooting) it behaves like a device that is down: every
 * connection is dropped and new ones are closed at once, until the device reports online again;
 * the adb server then reconnects (or the user runs `adb connect` again). `adb root`/`unroot`
 * restart adbd: connections drop, new ones are accepted at once.
 */
import * as net from 'node:net';
import { type DeviceEndpoint } from '../services/device-endpoint';
import { type AdbdLog, AdbdConnection } from './adbd-connection';

export interface AdbdServerOptions {
  readonly endpoint: DeviceEndpoint;
  /** TCP port; 0 lets the OS pick (tests: ports 5555-5585 are scanned by adb as emulators). */
  readonly port: number;
  /** Address to listen on (default 127.0.0.1). */
  readonly host?: string;
  /** Receives one line per notable event (connections, refusals, malformed input). */
  readonly log?: AdbdLog;
}

export interface AdbdServer {
  readonly port: number;
  /** Open host connections (for tests and diagnostics). */
  connectionCount(): number;
  close(): Promise<void>;
}

export async function startAdbdServer(options: AdbdServerOptions): Promise<AdbdServer> {
  const log = options.log ?? (() => undefined);
  const { endpoint } = options;
  const connections = new Set<AdbdConnection>();
  const server = net.createServer((socket) => {
    if (endpoint.device.state !== 'online') {
      socket.destroy();
      return;
    }
    const connection = new AdbdConnection(socket, endpoint, log, (gone) => connections.delete(gone));
    connections.add(connection);
    log(`[${connection.tag}] connected`);
  });
  const unsubscribeState = endpoint.device.onStateChange((state) => {
    if (state === 'offline') for (const connection of connections) connection.drop('device offline');
  });
  const unsubscribeRestart = endpoint.onAdbdRestart(() => {
    for (const connection of connections) connection.drop('adbd restarting');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (e) => log(`adbd server error: ${e.message}`));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  log(`adbd listening on ${options.host ?? '127.0.0.1'}:${port}`);
  return {
    port,
    connectionCount: () => connections.size,
    close: () => {
      unsubscribeState();
      unsubscribeRestart();
      for (const connection of connections) connection.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
