/**
 * `ims-rig-device sim insert|remove|list` and `slots`: the SIM cards and the MSIM configuration a
 * real emulator has no shell for. SIMs are device state (the store), so they survive phone
 * restarts and reboots; a running phone process is told at once.
 */
import { type Platform } from '../android/platform';
import { parseCarrierConfigXml } from '../telephony/carrier/carrier-config-xml';
import { subIdFor } from '../telephony/state/subscriptions';
import { type TelephonyDevice } from '../telephony/telephony-device';
import { parseOptions, unknown, usage } from './stimulus-error';


const ICCID_PATTERN = /^[0-9A-Fa-f]{1,22}$/;

export type Print = (line: string) => void;

/** The number of slots the device currently has. */
export function slotCount(device: TelephonyDevice): number {
  return device.phone?.subscriptions.slotCount ?? device.store.load().slotCount ?? 1;
}

export function parseSlot(text: string | undefined, device: TelephonyDevice): number {
  if (text === undefined) throw usage('a slot is required');
  if (!/^\d{1,3}$/.test(text)) throw usage(`slot must be a number, not ${JSON.stringify(text)}`);
  const slot = Number(text);
  const count = slotCount(device);
  if (slot >= count) throw unknown(`unknown slot ${slot}: the device has ${count} slot${count === 1 ? '' : 's'}`);
  return slot;
}

function generatedIccid(serial: number): string {
  // 89 (telecom) 01 (country) 260 (issuer) + serial, 19 digits like a real ICCID.
  return `8901260${String(serial).padStart(12, '0')}`;
}

export function simCommand(args: readonly string[], platform: Platform, device: TelephonyDevice, print: Print, warn: Print): number {
  const [verb, ...rest] = args;
  switch (verb) {
    case 'insert':
      return simInsert(rest, platform, device, print, warn);
    case 'remove':
      return simRemove(rest, device, print);
    case 'list':
      if (rest.length > 0) throw usage('sim list takes no arguments');
      return simList(device, print);
    case undefined:
    default:
      throw usage(`sim needs insert, remove or list${verb === undefined ? '' : `, not ${JSON.stringify(verb)}`}`);
  }
}

function simInsert(args: readonly string[], platform: Platform, device: TelephonyDevice, print: Print, warn: Print): number {
  const { positional, options } = parseOptions(args, ['--iccid']);
  if (positional.length !== 2) throw usage('usage: sim insert <slot> <carrier-config.xml on the device> [--iccid <id>]');
  const slot = parseSlot(positional[0], device);
  const path = positional[1] ?? '';
  if (!path.startsWith('/')) throw usage(`the carrier-config file must be an absolute device path, not ${JSON.stringify(path)}`);
  const iccidOption = options.get('--iccid');
  if (iccidOption !== undefined && !ICCID_PATTERN.test(iccidOption)) throw usage(`ICCID must be 1-22 hex digits, not ${JSON.stringify(iccidOption)}`);
  const data = platform.fs.readFile(path);
  if (typeof data === 'number') throw usage(`${path}: ${data === 2 ? 'No such file or directory' : data === 21 ? 'Is a directory' : 'Permission denied'}`);
  const parsed = parseCarrierConfigXml(data.toString('utf8'));
  const inserted = device.store.update((state) => {
    const current = state.sims[slot];
    if (current) throw usage(`slot ${slot} already holds SIM ${current.iccid}; remove it first`);
    const iccid = iccidOption ?? generatedIccid(state.nextIccidSerial++);
    const other = state.sims.findIndex((s) => s?.iccid === iccid);
    if (other >= 0) throw usage(`SIM ${iccid} is already in slot ${other}`);
    state.sims[slot] = { iccid, carrierFile: path, carrierConfig: parsed.bundle };
    return { iccid, subId: subIdFor(state, iccid) };
  });
  if (parsed.error !== undefined) {
    warn(`warning: ${path}: ${parsed.error} (the CarrierConfig app would log this and load no values from the rest of the file)`);
  }
  device.phone?.onSimInserted(slot);
  print(`OK slot=${slot} subId=${inserted.subId} iccid=${inserted.iccid} keys=${parsed.bundle.size}`);
  return 0;
}

function simRemove(args: readonly string[], device: TelephonyDevice, print: Print): number {
  if (args.length !== 1) throw usage('usage: sim remove <slot>');
  const slot = parseSlot(args[0], device);
  const removed = device.store.update((state) => {
    const sim = state.sims[slot];
    if (!sim) throw usage(`slot ${slot} has no SIM`);
    state.sims[slot] = null;
    return sim;
  });
  device.phone?.onSimRemoved(slot);
  print(`OK slot=${slot} removed iccid=${removed.iccid}`);
  return 0;
}

function simList(device: TelephonyDevice, print: Print): number {
  const state = device.store.load();
  for (let slot = 0; slot < slotCount(device); slot++) {
    const sim = state.sims[slot];
    const phone = device.phone;
    const subId = phone ? phone.subscriptions.subId(slot) : sim ? (state.subIdByIccid[sim.iccid] ?? -1) : -1;
    const simState = sim ? (phone && phone.subscriptions.subId(slot) < 0 ? 'LOADING' : 'READY') : 'ABSENT';
    print(`slot=${slot} state=${simState} subId=${subId} iccid=${sim?.iccid ?? '-'} carrier=${sim?.carrierFile ?? '-'}`);
  }
  return 0;
}

export function slotsCommand(args: readonly string[], platform: Platform, device: TelephonyDevice, print: Print): number {
  if (args.length !== 1 || (args[0] !== '1' && args[0] !== '2')) throw usage('usage: slots <1|2>');
  const count = args[0] === '2' ? 2 : 1;
  const old = slotCount(device);
  device.store.update((state) => {
    state.slotCount = count;
  });
  platform.setProp('persist.radio.multisim.config', count === 2 ? 'dsds' : 'ssss');
  if (old !== count) device.phone?.onSlotCountChanged(count);
  print(`OK slots=${count}${old === count ? ' (unchanged)' : ''}`);
  return 0;
}
