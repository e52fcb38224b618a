/**
 * Comparing what the target did with what the documentation expects, cell by cell. Pure.
 *
 * `expected` comes from the documented model (harness/oracle); `observed` is ONLY what the target
 * printed (dumpsys phone / dumpsys package), never derived from the expectation. A difference a
 * waiver covers stays a difference: it carries the waiver and counts as *waived*, never as a pass.
 */
import {
  type BindingCell, type BindingTable, type ImsFeature, type SlotKey, IMS_FEATURES, cellsEqual,
} from '../model';
import { type ExpectedGrant, type ExpectedTable, citationText, citedIds, toBindingTable } from '../oracle';
import { type CallbackDiff, type CellReason, type CheckpointStatus, type Diff, type GrantCheck, type GrantDiff, type UiDiff, type WaiverRef } from '../results';

/** A binding difference before waivers are applied. */
export type BindingDiffInput = Omit<Diff, 'waiver'>;
/** A grant difference before waivers are applied. */
export type GrantDiffInput = Omit<GrantDiff, 'waiver'>;
/** A state-callback difference before waivers are applied. */
export type CallbackDiffInput = Omit<CallbackDiff, 'waiver'>;

/** A UI-step difference before waivers are applied. */
export type UiDiffInput = Omit<UiDiff, 'waiver'>;

/** Finds the waiver (if any) that covers a difference of the scenario being run. */
export type WaiverLookup = (diff: BindingDiffInput | GrantDiffInput | UiDiffInput | CallbackDiffInput) => WaiverRef | undefined;

export const NO_WAIVERS: WaiverLookup = () => undefined;

/** The rule a diff names when the documented model has no cell at all (a slot it does not expect). */
export const INACTIVE_SLOT_RULE = 'inactive-slot';

/**
 * Every (slot, feature) where the observed cell differs from the expected package. Slots are the
 * union of both tables: a binding on a slot the model calls inactive is a difference too.
 */
export function diffBindings(expected: ExpectedTable, observed: BindingTable): BindingDiffInput[] {
  const expectedTable = toBindingTable(expected);
  const slots = [...new Set([...Object.keys(expectedTable), ...Object.keys(observed)])].sort() as SlotKey[];
  const diffs: BindingDiffInput[] = [];
  for (const slot of slots) {
    for (const feature of IMS_FEATURES) {
      const want: BindingCell = expectedTable[slot]?.[feature] ?? null;
      const got: BindingCell = observed[slot]?.[feature] ?? null;
      if (cellsEqual(want, got)) continue;
      diffs.push({ slot, feature, expected: want, observed: got, rule: ruleOf(expected, slot, feature) });
    }
  }
  return diffs;
}

function ruleOf(expected: ExpectedTable, slot: SlotKey, feature: ImsFeature): string {
  return expected[slot]?.[feature].rule ?? INACTIVE_SLOT_RULE;
}

/** The observed table restricted to a shape every report can show (slots of either table, all features). */
export function completeObserved(expected: ExpectedTable, observed: BindingTable): BindingTable {
  const out: Partial<Record<SlotKey, Record<ImsFeature, BindingCell>>> = {};
  const slots = [...new Set([...Object.keys(expected), ...Object.keys(observed)])].sort() as SlotKey[];
  for (const slot of slots) {
    out[slot] = { EMERGENCY_MMTEL: observed[slot]?.EMERGENCY_MMTEL ?? null, MMTEL: observed[slot]?.MMTEL ?? null, RCS: observed[slot]?.RCS ?? null };
  }
  return out;
}

/** Attaches the covering waiver (if any) to each difference. */
export function applyWaivers<T extends BindingDiffInput | GrantDiffInput | UiDiffInput | CallbackDiffInput>(diffs: readonly T[], lookup: WaiverLookup): (T & { waiver?: WaiverRef })[] {
  return diffs.map((d) => {
    const waiver = lookup(d);
    return waiver === undefined ? d : { ...d, waiver };
  });
}

/** fail: any unwaived difference; waived: only waived ones; pass: none. */
export function checkpointStatus(diffs: readonly { readonly waiver?: WaiverRef }[]): CheckpointStatus {
  if (diffs.some((d) => d.waiver === undefined)) return 'fail';
  return diffs.length > 0 ? 'waived' : 'pass';
}

/**
 * Grants: every documented permission the model has an expectation for, observed as granted or
 * not in the package's dump (install or runtime permissions; absent = not granted).
 */
export function diffGrants(
  pkg: string,
  expected: Readonly<Record<string, ExpectedGrant>>,
  observedGranted: (permission: string) => boolean,
  lookup: WaiverLookup,
): GrantCheck {
  const expectedMap: Record<string, boolean> = {};
  const observedMap: Record<string, boolean> = {};
  const reasons: Record<string, CellReason> = {};
  const raw: GrantDiffInput[] = [];
  for (const permission of Object.keys(expected).sort()) {
    const want = expected[permission];
    if (want === undefined) continue;
    const got = observedGranted(permission);
    expectedMap[permission] = want.granted;
    observedMap[permission] = got;
    reasons[permission] = { rule: want.rule, reason: want.reason, citation: citationText(want.cites), cites: citedIds(want.cites) };
    if (got !== want.granted) raw.push({ permission, expected: want.granted, observed: got, rule: want.rule });
  }
  return { package: pkg, expected: expectedMap, observed: observedMap, reasons, diffs: applyWaivers(raw, lookup) };
}
