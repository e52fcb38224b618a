/**
 * The adb server's smart-socket protocol for the requests adbkit has no command for:
 * `host-serial:<s>:features`, `host:connect:` with its reply text, `host-serial:<s>:get-state`,
 * and opening a raw device service (`shell,v2,raw:…`, `exec:…`, `root:`) on a transport.
 * Requests are `<4 hex length><payload>`; replies `OKAY` [+ `<4 hex>` value] or `FAIL <4 hex><reason>`
 * (AOSP adb/SERVICES.TXT). Connections come from adbkit (`client.connection()`, `device.transport()`),
 * so its server auto-start and socket options apply.
 */
import type { Client, Parser as AdbkitParser } from '@devicefarmer/adbkit';
import type { Socket } from 'node:net';

/** What adbkit's Connection exposes that we use (its class is not exported from the package root). */
export interface AdbkitConnection {
  readonly socket: Socket;
  readonly parser: AdbkitParser;
  write(data: Buffer): unknown;
  end(): unknown;
}

/** `<4 hex length><payload>` (adbkit Protocol.encodeData). */
export function encodeRequest(payload: string): Buffer {
  const data = Buffer.from(payload, 'utf8');
  return Buffer.concat([Buffer.from(data.length.toString(16).padStart(4, '0').toUpperCase(), 'ascii'), data]);
}

/** Sends one request and reads `OKAY` (or throws adbkit's FailError carrying the server's reason). */
export async function sendRequest(connection: AdbkitConnection, payload: string): Promise<void> {
  connection.write(encodeRequest(payload));
  const reply = await connection.parser.readAscii(4);
  if (reply === 'OKAY') return;
  if (reply === 'FAIL') {
    await connection.parser.readError();
    return;
  }
  await connection.parser.unexpected(reply, 'OKAY or FAIL');
}

/** A host request whose OKAY carries a `<4 hex>` length-prefixed value (features, connect, get-state). */
export async function hostQuery(client: Client, payload: string): Promise<string> {
  const connection = (await client.connection()) as unknown as AdbkitConnection;
  try {
    await sendRequest(connection, payload);
    return (await connection.parser.readValue()).toString('utf8');
  } finally {
    connection.end();
  }
}

/**
 * Opens a device service on a fresh transport connection and hands back the raw socket, positioned
 * just after the service's OKAY. The caller owns the socket.
 */
export async function openService(client: Client, serial: string, service: string): Promise<Socket> {
  const connection = (await client.getDevice(serial).transport()) as unknown as AdbkitConnection;
  try {
    await sendRequest(connection, service);
  } catch (e) {
    connection.socket.destroy();
    throw e;
  }
  return connection.socket;
}

/** Reads a socket to its end (the device closed the stream). */
export function readToEnd(socket: Socket, onChunk?: (chunk: Buffer) => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      onChunk?.(chunk);
    });
    socket.once('error', reject);
    socket.once('close', () => resolve(Buffer.concat(chunks)));
    // adbkit's parser read the OKAY in paused mode; switch to flowing for the payload.
    socket.resume();
  });
}
