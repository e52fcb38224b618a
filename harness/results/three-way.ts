/**
 * The three-way diff (issue 13): a checkpoint holds what the documentation expects, what the target
 * did, and — when the run also ran the scenario on the AOSP reference device — what AOSP did. Each
 * difference from the documentation then says whose it is:
 *   as-aosp          observed = reference ≠ expected: the target behaves like AOSP (a difference
 *                    AOSP itself has from the documentation, which the vendor kept);
 *   vendor-specific  observed ≠ reference: the target does something AOSP does not.
 * Pure; "reference" is the reference device's own observation, never the documented model's.
 */
import { type BindingCell, type BindingTable, cellsEqual } from '../model';
import { type CallbackAspects, type Checkpoint, type DiffOrigin, type ScenarioResult, type StateCallbackCheck } from './model';

/** What the reference device showed at one checkpoint step. */
export interface ReferenceObservation {
  readonly bindings?: BindingTable;
  readonly grants?: Readonly<Record<string, boolean>>;
  /** Per observer registration, the callbacks the reference device's observer app logged (issue 9). */
  readonly callbacks?: Readonly<Record<string, CallbackAspects>>;
}

/** The origin of a difference between observed and expected, given what the reference device did. */
export function originOf(observed: BindingCell | boolean, reference: BindingCell | boolean): DiffOrigin {
  if (typeof observed === 'boolean' || typeof reference === 'boolean') return observed === reference ? 'as-aosp' : 'vendor-specific';
  return cellsEqual(observed, reference) ? 'as-aosp' : 'vendor-specific';
}

/**
 * The checkpoint with the reference's values beside expected and observed, every difference
 * labelled. Without a reference observation (no reference run, or the reference did not reach this
 * step) the checkpoint is returned unchanged: no label is better than a guessed one.
 */
export function withReference(c: Checkpoint, reference: ReferenceObservation | undefined): Checkpoint {
  if (reference === undefined) return c;
  return withCallbackReference(withCellReference(c, reference), reference.callbacks);
}

function withCellReference(c: Checkpoint, reference: ReferenceObservation): Checkpoint {
  const bindings = reference.bindings;
  const grants = reference.grants;
  const out: Checkpoint = {
    ...c,
    ...(bindings === undefined ? {} : {
      reference: bindings,
      diffs: c.diffs.map((d) => {
        const ref: BindingCell = bindings[d.slot]?.[d.feature] ?? null;
        return { ...d, reference: ref, origin: originOf(d.observed, ref) };
      }),
    }),
  };
  if (c.grants === undefined || grants === undefined) return out;
  return {
    ...out,
    grants: {
      ...c.grants,
      reference: grants,
      diffs: c.grants.diffs.map((d) => {
        const ref = grants[d.permission] ?? false;
        return { ...d, reference: ref, origin: originOf(d.observed, ref) };
      }),
    },
  };
}

/**
 * A checkStateCallbacks checkpoint with the reference's callbacks: a differing aspect is as AOSP
 * when the reference's observer got the same callbacks (same words), vendor-specific otherwise. A
 * registration the reference has no line for stays unlabelled.
 */
function withCallbackReference(c: Checkpoint, callbacks: ReferenceObservation['callbacks']): Checkpoint {
  if (c.stateCallbacks === undefined || callbacks === undefined) return c;
  const check: StateCallbackCheck = {
    ...c.stateCallbacks,
    reference: callbacks,
    diffs: c.stateCallbacks.diffs.map((d) => {
      const ref = callbacks[d.registration]?.[d.aspect];
      return ref === undefined ? d : { ...d, reference: ref, origin: ref === d.observed ? 'as-aosp' : 'vendor-specific' };
    }),
  };
  return { ...c, stateCallbacks: check };
}

/** Differences (cells, grants and state callbacks, failing or waived) by origin; undefined when no checkpoint has a reference. */
export function countOrigins(scenarios: readonly Pick<ScenarioResult, 'checkpoints'>[]): { readonly asAosp: number; readonly vendorSpecific: number } | undefined {
  let asAosp = 0;
  let vendorSpecific = 0;
  let any = false;
  for (const s of scenarios) {
    for (const c of s.checkpoints) {
      if (c.reference !== undefined || c.grants?.reference !== undefined || c.stateCallbacks?.reference !== undefined) any = true;
      for (const d of [...c.diffs, ...(c.grants?.diffs ?? []), ...(c.stateCallbacks?.diffs ?? [])]) {
        if (d.origin === 'as-aosp') asAosp++;
        else if (d.origin === 'vendor-specific') vendorSpecific++;
      }
    }
  }
  return any ? { asAosp, vendorSpecific } : undefined;
}
