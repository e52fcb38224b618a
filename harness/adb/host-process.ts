/**
 * Helpers for the local processes the rig runs beside a target (a private adb server, the reference
 * device, an Appium server): a free local port to hand one up front, and waiting for one to exit.
 */
import { type ChildProcess } from 'node:child_process';
import * as net from 'node:net';

/**
 * A TCP port the OS says is free right now. There is a window before the caller binds it; used
 * only for programs that must be told a port up front (`adb -P <port> start-server`, `appium --port`).
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves true once `child` has exited, false after `ms` if it has not. */
export function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}
