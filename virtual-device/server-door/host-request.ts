/**
 * Parses a request sent to the adb server: `host:<command>` (any device), `host-serial:<serial>:
 * <command>`, `host-transport-id:<id>:<command>`, `host-usb:`/`host-local:`; anything else is a
 * device service for the transport already selected (adb's sockets.cpp parse_host_service).
 */

export type DeviceSelector =
  | { readonly kind: 'any' }
  | { readonly kind: 'usb' }
  | { readonly kind: 'local' }
  | { readonly kind: 'serial'; readonly serial: string }
  | { readonly kind: 'id'; readonly id: number };

export interface HostRequest {
  /** The device the prefix names; undefined for plain `host:` (the selected or the only device). */
  readonly selector: DeviceSelector | undefined;
  readonly command: string;
}

/** The host request, or undefined when `request` is a device service (`shell:ls`, `sync:`). */
export function parseHostRequest(request: string): HostRequest | undefined {
  if (request.startsWith('host:')) return { selector: undefined, command: request.slice('host:'.length) };
  if (request.startsWith('host-usb:')) return { selector: { kind: 'usb' }, command: request.slice('host-usb:'.length) };
  if (request.startsWith('host-local:')) return { selector: { kind: 'local' }, command: request.slice('host-local:'.length) };
  const byId = /^host-transport-id:(\d+):([\s\S]*)$/.exec(request);
  if (byId) return { selector: { kind: 'id', id: Number(byId[1]) }, command: byId[2] ?? '' };
  if (request.startsWith('host-serial:')) {
    const rest = request.slice('host-serial:'.length);
    // A serial may itself hold colons: `[tcp:|udp:]host:port`, `[::1]:5555`. A port is digits
    // followed by the command's colon.
    const network = /^((?:(?:tcp|udp):)?(?:\[[^\]]*\]|[^:]+):\d+):([\s\S]*)$/.exec(rest);
    if (network) return { selector: { kind: 'serial', serial: network[1] ?? '' }, command: network[2] ?? '' };
    const colon = rest.indexOf(':');
    if (colon < 0) return { selector: { kind: 'serial', serial: rest }, command: '' };
    return { selector: { kind: 'serial', serial: rest.slice(0, colon) }, command: rest.slice(colon + 1) };
  }
  return undefined;
}

/** `tport:serial:S` / `tport:any` / `transport:S` / `transport-any` ...: the switch it asks for. */
export function parseTransportSwitch(command: string): { selector: DeviceSelector; withId: boolean } | undefined {
  if (command.startsWith('tport:')) {
    const spec = command.slice('tport:'.length);
    if (spec.startsWith('serial:')) return { selector: { kind: 'serial', serial: spec.slice('serial:'.length) }, withId: true };
    if (spec === 'any' || spec === 'usb' || spec === 'local') return { selector: { kind: spec }, withId: true };
    return undefined;
  }
  if (command.startsWith('transport:')) return { selector: { kind: 'serial', serial: command.slice('transport:'.length) }, withId: false };
  if (command.startsWith('transport-id:')) {
    const id = Number(command.slice('transport-id:'.length));
    return Number.isInteger(id) ? { selector: { kind: 'id', id }, withId: false } : undefined;
  }
  if (command === 'transport-any') return { selector: { kind: 'any' }, withId: false };
  if (command === 'transport-usb') return { selector: { kind: 'usb' }, withId: false };
  if (command === 'transport-local') return { selector: { kind: 'local' }, withId: false };
  return undefined;
}
