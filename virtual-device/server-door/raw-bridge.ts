/**
 * Carries a device stream raw over a TCP socket: what the adb server does once a client's socket
 * is switched to a device service (and for each connection to a forwarded port). Client bytes go
 * to the service (the socket pauses while the service holds them); the service's bytes go to the
 * socket with its backpressure. A client that half-closes ends the stream, as the adb server
 * closes the device stream when its local socket reads EOF (sockets.cpp local_socket_event_func).
 */
import { type Socket } from 'node:net';
import { type DeviceStream, type ServiceStarter, type StreamOutput } from '../services/device-stream';

const HIGH_WATER = 1024 * 1024;

export interface RawBridge {
  /** Closes the socket at once (the device went offline). */
  destroy(): void;
}

export function bridgeSocket(socket: Socket, starter: ServiceStarter, initial: readonly Buffer[], onClosed: () => void): RawBridge {
  let closed = false;
  let service: DeviceStream | undefined;
  const drainWaiters: (() => void)[] = [];
  const releaseDrain = (): void => {
    for (const resolve of drainWaiters.splice(0)) resolve();
  };
  const close = (): void => {
    if (closed) return;
    closed = true;
    releaseDrain();
    const current = service;
    service = undefined;
    current?.onClose();
    onClosed();
  };
  const output: StreamOutput = {
    get closed() {
      return closed;
    },
    write(data) {
      if (closed || socket.writableEnded) return false;
      socket.write(data);
      return socket.writableLength < HIGH_WATER;
    },
    drained() {
      if (closed || socket.writableLength < HIGH_WATER) return Promise.resolve();
      return new Promise((resolve) => drainWaiters.push(resolve));
    },
    end() {
      if (!socket.writableEnded) socket.end();
    },
  };
  const deliver = (chunk: Buffer): void => {
    if (closed || service === undefined) return;
    let held: void | Promise<void>;
    try {
      held = service.onData(chunk);
    } catch {
      // A service failing on its input ends this stream only.
      socket.destroy();
      close();
      return;
    }
    if (held !== undefined) {
      socket.pause();
      void held.finally(() => {
        if (!closed) socket.resume();
      });
    }
  };
  socket.on('drain', releaseDrain);
  socket.on('data', deliver);
  socket.on('end', () => {
    close();
    if (!socket.writableEnded) socket.end();
  });
  socket.on('close', close);
  try {
    service = starter(output);
  } catch {
    socket.destroy();
    close();
  }
  for (const chunk of initial) deliver(chunk);
  return {
    destroy() {
      socket.destroy();
      close();
    },
  };
}
