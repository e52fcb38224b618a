/**
 * Parses the service string of an adb OPEN (or of a request after a transport switch on the
 * server door) into what to start. Names and defaults follow adbd's daemon/services.cpp
 * (adb-protocol.md §3): `shell[,args]:cmd`, `exec:cmd`, `abb:`/`abb_exec:` with NUL-separated
 * arguments, `sync:`, `reboot:[target]`, `root:`, `unroot:`, `remount:`, `tcp:PORT`.
 */

export type ServiceRequest =
  | {
      readonly kind: 'shell';
      readonly command: string;
      /** `v2` when the client asked for the shell protocol (shell_protocol.h framing, exit status). */
      readonly protocol: 'v1' | 'v2';
      readonly pty: boolean;
      readonly term: string | undefined;
    }
  | { readonly kind: 'exec'; readonly command: string }
  /** `abb` is shell-v2 framed, `abb_exec` raw; argv[0] is the binder service (`package`). */
  | { readonly kind: 'abb'; readonly argv: readonly string[]; readonly framed: boolean }
  | { readonly kind: 'sync' }
  | { readonly kind: 'reboot'; readonly target: string }
  | { readonly kind: 'root' }
  | { readonly kind: 'unroot' }
  | { readonly kind: 'remount' }
  | { readonly kind: 'tcp'; readonly port: number };

/** Returns what the service string asks for, or undefined for a service the device refuses. */
export function parseServiceName(raw: string): ServiceRequest | undefined {
  // adb.cpp handle_packet(A_OPEN): the name is NUL-terminated on the wire.
  const name = raw.replace(/\0+$/, '');
  const shell = /^shell(,[^:]*)?:/.exec(name);
  if (shell) return parseShell((shell[1] ?? '').slice(1), name.slice(shell[0].length));
  if (name.startsWith('exec:')) return { kind: 'exec', command: name.slice('exec:'.length) };
  if (name.startsWith('abb_exec:')) return { kind: 'abb', argv: splitAbb(name.slice('abb_exec:'.length)), framed: false };
  if (name.startsWith('abb:')) return { kind: 'abb', argv: splitAbb(name.slice('abb:'.length)), framed: true };
  if (name === 'sync:') return { kind: 'sync' };
  if (name.startsWith('reboot:')) return { kind: 'reboot', target: name.slice('reboot:'.length) };
  if (name === 'root:') return { kind: 'root' };
  if (name === 'unroot:') return { kind: 'unroot' };
  if (name === 'remount:') return { kind: 'remount' };
  if (name.startsWith('tcp:')) {
    // `tcp:PORT` (adb forward), `tcp:PORT:HOST` (adbkit openTcp) and `tcp:HOST:PORT` all name a port.
    const port = name.slice('tcp:'.length).split(':').map(Number).find((n) => Number.isInteger(n) && n > 0 && n < 65536);
    return port === undefined ? undefined : { kind: 'tcp', port };
  }
  return undefined;
}

function parseShell(args: string, command: string): ServiceRequest {
  let protocol: 'v1' | 'v2' = 'v1';
  let type: 'raw' | 'pty' | undefined;
  let term: string | undefined;
  for (const arg of args.split(',')) {
    if (arg === 'v2') protocol = 'v2';
    else if (arg === 'raw' || arg === 'pty') type = arg;
    else if (arg.startsWith('TERM=')) term = arg.slice('TERM='.length);
    // Anything else is ignored, as adbd does with arguments it does not know.
  }
  // services.cpp: with no type argument, a shell gets a PTY iff it is interactive (no command).
  const pty = type === undefined ? command === '' : type === 'pty';
  return { kind: 'shell', command, protocol, pty, term };
}

// abb arguments are separated by NUL (ABB_ARG_DELIMETER in daemon/abb.cpp).
function splitAbb(args: string): string[] {
  return args === '' ? [] : args.split('\0');
}
