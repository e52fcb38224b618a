/** SIM slot index (phone id). ims-rig models single- and dual-SIM devices. */
export type SlotIndex = 0 | 1;
export type SlotCount = 1 | 2;
/** Slots are strings when they are keys of YAML / JSON maps ("0", "1"). */
export type SlotKey = '0' | '1';

export const SLOT_KEYS: readonly SlotKey[] = ['0', '1'];

export function slotKey(slot: SlotIndex): SlotKey {
  return slot === 0 ? '0' : '1';
}

export function slotIndex(key: SlotKey): SlotIndex {
  return key === '0' ? 0 : 1;
}

export function isSlotKey(value: unknown): value is SlotKey {
  return value === '0' || value === '1';
}

export function slotsOf(count: SlotCount): SlotIndex[] {
  return count === 1 ? [0] : [0, 1];
}
