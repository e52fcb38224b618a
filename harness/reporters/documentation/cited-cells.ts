/**
 * The verdicts a checkpoint holds, each with the reason (and so the sentences) the documented model
 * gave for it: the binding cells, the grants and the state callbacks' judged aspects. A kind of
 * expectation another branch adds to the checkpoint is read by appending one reader here — its cells
 * then count for the documentation coverage like binding cells do, failed, waived or held by their
 * own verdicts.
 */
import { type Checkpoint, type WaiverRef } from '../../results';

export interface CitedCell {
  /** How the report names the cell: `slot 0 MMTEL`, a permission, … */
  readonly cell: string;
  /** The expectation's reason as recorded: public sentence ids, or (older results) the citation text. */
  readonly reason: { readonly cites?: readonly string[]; readonly citation: string };
  /** Undefined: as documented. */
  readonly difference?: { readonly waiver?: WaiverRef };
}

export type CellReader = (c: Checkpoint) => Iterable<CitedCell>;

function* bindingCells(c: Checkpoint): Iterable<CitedCell> {
  for (const [slot, row] of Object.entries(c.reasons ?? {})) {
    for (const [feature, reason] of Object.entries(row ?? {})) {
      if (reason === undefined) continue;
      const diff = c.diffs.find((d) => d.slot === slot && d.feature === feature);
      yield { cell: `slot ${slot} ${feature}`, reason, ...(diff ? { difference: diff } : {}) };
    }
  }
}

function* grantCells(c: Checkpoint): Iterable<CitedCell> {
  for (const [permission, reason] of Object.entries(c.grants?.reasons ?? {})) {
    const diff = c.grants?.diffs.find((d) => d.permission === permission);
    yield { cell: permission, reason, ...(diff ? { difference: diff } : {}) };
  }
}

/** A `ui` step's checked values (issue 10); those read back from the framework's dump cite no sentence. */
function* uiCells(c: Checkpoint): Iterable<CitedCell> {
  for (const [key, reason] of Object.entries(c.ui?.reasons ?? {})) {
    if (c.ui?.expected[key] === null) continue;
    const diff = c.ui?.diffs.find((d) => d.key === key);
    yield { cell: key, reason, ...(diff ? { difference: diff } : {}) };
  }
}

/** checkStateCallbacks (issue 9): each judged aspect of a registration; observation-only rows judge nothing. */
function* callbackCells(c: Checkpoint): Iterable<CitedCell> {
  for (const row of c.stateCallbacks?.rows ?? []) {
    for (const e of row.expected) {
      const diff = c.stateCallbacks?.diffs.find((d) => d.registration === row.registration && d.aspect === e.aspect);
      yield { cell: `${row.registration} ${e.aspect === 'last' ? 'last callback' : 'since the previous check'}`, reason: e, ...(diff ? { difference: diff } : {}) };
    }
  }
}

export const CELL_READERS: readonly CellReader[] = [bindingCells, grantCells, uiCells, callbackCells];
