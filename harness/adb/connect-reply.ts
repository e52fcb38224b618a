/**
 * `adb connect` answers in text and exits 0 even when it failed (adb-protocol.md pitfall 7), so
 * the reply is parsed. Samples (adb 29.0.6, AOSP adb/client/adb_client.cpp, adb/transport_local.cpp):
 *   connected to 127.0.0.1:15555
 *   already connected to 127.0.0.1:15555
 *   failed to connect to '127.0.0.1:1': Connection refused
 *   failed to connect to 127.0.0.1:15555          (no CNXN within 10 s; an offline entry stays)
 *   failed to authenticate to 10.0.0.5:5555
 *   cannot connect to 127.0.0.1:1: Connection refused   (older servers)
 * Pure.
 */
export type ConnectOutcome = 'connected' | 'already-connected' | 'refused' | 'unauthenticated' | 'failed';

export interface ConnectReply {
  readonly outcome: ConnectOutcome;
  readonly ok: boolean;
  readonly text: string;
}

export function parseConnectReply(text: string): ConnectReply {
  const t = text.trim();
  if (/^already connected to /.test(t)) return { outcome: 'already-connected', ok: true, text: t };
  if (/^connected to /.test(t)) return { outcome: 'connected', ok: true, text: t };
  if (/^failed to authenticate to /.test(t)) return { outcome: 'unauthenticated', ok: false, text: t };
  if (/refused/i.test(t)) return { outcome: 'refused', ok: false, text: t };
  return { outcome: 'failed', ok: false, text: t };
}

/** `host:port` serials are TCP transports the server reaches with `adb connect`. */
export function isTcpSerial(serial: string): boolean {
  return /^[A-Za-z0-9.-]+:\d{1,5}$/.test(serial) || /^\[[0-9A-Fa-f:]+\]:\d{1,5}$/.test(serial);
}

/** `host:port` → its parts (adbkit's connect wants them apart). */
export function splitHostPort(serial: string): { host: string; port: number } {
  const at = serial.lastIndexOf(':');
  return { host: serial.slice(0, at).replace(/^\[|\]$/g, ''), port: Number(serial.slice(at + 1)) };
}
