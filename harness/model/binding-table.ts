import { IMS_FEATURES, type ImsFeature } from './feature';
import { type SlotKey } from './slot';

/**
 * One cell of a binding table: the package bound for (slot, feature), null when nothing is, or —
 * observed only — the list of packages when several bound services claim the same cell (itself a
 * conformance failure: one service per feature per slot).
 */
export type BindingCell = string | null | readonly string[];
export type SlotBindings = Readonly<Record<ImsFeature, BindingCell>>;
/** results.json shape: { "<slot>": { EMERGENCY_MMTEL, MMTEL, RCS } }. */
export type BindingTable = Readonly<Partial<Record<SlotKey, SlotBindings>>>;

export function emptySlotBindings(): Record<ImsFeature, BindingCell> {
  return { EMERGENCY_MMTEL: null, MMTEL: null, RCS: null };
}

export function cellsEqual(a: BindingCell, b: BindingCell): boolean {
  if (a === null || b === null || typeof a === 'string' || typeof b === 'string') return a === b;
  return a.length === b.length && [...a].sort().every((v, i) => v === [...b].sort()[i]);
}

export function formatCell(cell: BindingCell): string {
  if (cell === null) return '-';
  return typeof cell === 'string' ? cell : `[${cell.join(', ')}]`;
}

export function* cellsOf(table: BindingTable): Generator<[SlotKey, ImsFeature, BindingCell]> {
  for (const slot of Object.keys(table).sort() as SlotKey[]) {
    const row = table[slot];
    if (row) for (const f of IMS_FEATURES) yield [slot, f, row[f]];
  }
}
