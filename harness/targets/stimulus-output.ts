/**
 * Parsers of what the reference device's `ims-rig-device` prints when asked for state (the argv
 * builders are harness/android's): `sim list` and `overlay` without options. Pure.
 */
import { type ShellCommand } from '../adb';
import { overlayCommand, simListCommand as simList } from '../android';

export interface SimRecord {
  readonly slot: number;
  readonly present: boolean;
  readonly state: string;
  readonly subId?: number;
  readonly iccid?: string;
  /** The carrier-config XML the SIM was inserted with (a device path). */
  readonly file?: string;
  /** Stock targets: whether the SIM's UICC applications are on (false: switched off by the rig). */
  readonly uiccEnabled?: boolean;
}

export function simListCommand(): ShellCommand {
  return simList();
}

export function overlayPrintCommand(): ShellCommand {
  return overlayCommand();
}

/** `key=value` tokens of one line (values without spaces; `-` or empty: absent). */
function tokens(line: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of line.matchAll(/([A-Za-z_]+)=(\S*)/g)) if (m[1] !== undefined) out.set(m[1].toLowerCase(), m[2] ?? '');
  return out;
}

function present(value: string | undefined): string | undefined {
  return value === undefined || value === '' || value === '-' || value === 'none' || value === 'null' ? undefined : value;
}

/**
 * `sim list`: one line per slot, e.g.
 *   `slot=0 state=READY subId=1 iccid=8901260000000000001 carrier=/data/local/tmp/ims-rig/sim0-carrier-a.xml`
 *   `slot=1 state=ABSENT subId=-1 iccid=- carrier=-`
 * (LOADING: inserted, the phone process has not assigned the subscription yet.)
 */
export function parseSimList(stdout: string): SimRecord[] {
  const sims: SimRecord[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const t = tokens(line);
    const slot = t.get('slot');
    if (slot === undefined || !/^\d+$/.test(slot)) continue;
    const state = t.get('state') ?? 'UNKNOWN';
    const subId = present(t.get('subid'));
    const iccid = present(t.get('iccid'));
    const file = present(t.get('carrier') ?? t.get('file'));
    sims.push({
      slot: Number(slot),
      present: state !== 'ABSENT' && state !== 'NOT_READY' && state !== 'UNKNOWN',
      state,
      ...(subId !== undefined && /^-?\d+$/.test(subId) && Number(subId) >= 0 ? { subId: Number(subId) } : {}),
      ...(iccid === undefined ? {} : { iccid }),
      ...(file === undefined ? {} : { file }),
    });
  }
  return sims.sort((a, b) => a.slot - b.slot);
}

/** `overlay` with no options: `mmtel=<pkg>` and `rcs=<pkg>` (empty: no device default). */
export function parseOverlayPrint(stdout: string): { mmtel: string; rcs: string } {
  const t = tokens(stdout.replace(/config_ims_(mmtel|rcs)_package/g, '$1'));
  return { mmtel: present(t.get('mmtel')) ?? '', rcs: present(t.get('rcs')) ?? '' };
}

/** `persist.radio.multisim.config`: dsds / dsda / tsts ⇒ several slots (ims-rig models two), else one. */
export function readSlotCount(getpropValue: string): number {
  return /^(dsds|dsda|tsts)$/.test(getpropValue.trim()) ? 2 : 1;
}

/**
 * `getprop gsm.sim.state` on a device without SIM control: one state per slot, comma-separated
 * (`READY`, `ABSENT,LOADED`); READY and LOADED mean a usable SIM.
 */
export function parseSimStateProp(value: string, slotCount: number): SimRecord[] {
  const states = value.trim().split(',').map((s) => s.trim());
  const out: SimRecord[] = [];
  for (let slot = 0; slot < slotCount; slot++) {
    const state = states[slot] || 'UNKNOWN';
    out.push({ slot, present: state === 'READY' || state === 'LOADED', state });
  }
  return out;
}
