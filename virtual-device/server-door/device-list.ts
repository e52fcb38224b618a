/**
 * The text of `host:devices` / `host:devices-l` (adb's transport.cpp list_transports /
 * append_transport): short form `serial<TAB>state`, long form `%-22s %s` then `product:`,
 * `model:` (letters and digits only, others `_`), `device:` and `transport_id:` last.
 *   127.0.0.1:15555        device product:sim_phone model:SimPhone_1 device:simdev transport_id:1
 */

export interface ListedDevice {
  readonly serial: string;
  readonly state: 'device' | 'offline';
  readonly product?: string;
  readonly model?: string;
  readonly device?: string;
  readonly transportId: number;
}

export function formatDeviceList(devices: readonly ListedDevice[], long: boolean): string {
  return devices.map((d) => `${long ? formatLong(d) : `${d.serial}\t${d.state}`}\n`).join('');
}

function formatLong(d: ListedDevice): string {
  let line = `${d.serial.padEnd(22)} ${d.state}`;
  if (d.product) line += ` product:${d.product}`;
  if (d.model) line += ` model:${d.model.replace(/[^A-Za-z0-9]/g, '_')}`;
  if (d.device) line += ` device:${d.device}`;
  return `${line} transport_id:${d.transportId}`;
}
