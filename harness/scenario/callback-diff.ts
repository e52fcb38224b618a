/**
 * Comparing what the observer app's callbacks were with what the documentation expects, per
 * registration and aspect (harness/oracle state-callback model). Pure. `observed` is only what the
 * app logged (./callback-tracker.ts); a row the documentation is silent about is shown, not judged.
 */
import { citationText, citedIds, type ExpectedRegistration, SINCE_SILENT, SINCE_TRANSITION } from '../oracle';
import { type CallbackAspects, type CallbackRow, type ObservedCallbacks, type StateCallbackCheck } from '../results';
import { type InstanceObservation } from './callback-tracker';
import { type CallbackDiffInput } from './engine-diff';

/** How the diff words a list of callbacks since the previous check. */
export function formatReceived(received: readonly string[]): string {
  return received.length === 0 ? 'none' : received.join(', ');
}

/** What a registration's callbacks were, in the words a diff's `observed` uses, per aspect. */
export function aspectWords(observed: Pick<ObservedCallbacks, 'last' | 'received'>): CallbackAspects {
  return { last: observed.last ?? 'none', since: formatReceived(observed.received) };
}

/** Per registration, what its callbacks were at a checkpoint (the three-way diff's reference side). */
export function callbackAspectsOf(check: StateCallbackCheck): Record<string, CallbackAspects> {
  return Object.fromEntries(check.rows.map((row) => [row.registration, aspectWords(row.observed)]));
}

/** Whether an observed last callback satisfies an expected one (`onUnavailable` alone: any reason). */
export function lastMatches(expected: string, observed: string | undefined): boolean {
  if (observed === undefined) return false;
  if (expected === 'onUnavailable') return observed.startsWith('onUnavailable(');
  return observed === expected;
}

/** Whether the callbacks since the previous check satisfy an expected `since`. */
export function sinceMatches(expected: string, received: readonly string[]): boolean {
  if (expected === SINCE_SILENT) return received.length === 0;
  if (expected === SINCE_TRANSITION) {
    const firstDown = received.findIndex((c) => c.startsWith('onUnavailable('));
    return firstDown >= 0 && received.slice(firstDown + 1).includes('onAvailable');
  }
  return true;
}

/** The differences of one row, before waivers. */
export function diffRow(row: ExpectedRegistration, observed: InstanceObservation): CallbackDiffInput[] {
  const diffs: CallbackDiffInput[] = [];
  for (const e of row.expectations) {
    const base = { registration: row.registration, feature: row.feature, aspect: e.aspect, expected: e.expected, rule: e.rule };
    if (e.aspect === 'last' && !lastMatches(e.expected, observed.last)) diffs.push({ ...base, observed: aspectWords(observed).last });
    if (e.aspect === 'since' && !sinceMatches(e.expected, observed.received)) diffs.push({ ...base, observed: aspectWords(observed).since });
  }
  return diffs;
}

/** The row as results.json stores it: the expectation with its reasons, next to what was observed. */
export function callbackRow(row: ExpectedRegistration, observed: InstanceObservation): CallbackRow {
  return {
    registration: row.registration,
    slot: row.slot,
    feature: row.feature,
    state: row.state,
    expected: row.expectations.map((e) => ({ aspect: e.aspect, value: e.expected, rule: e.rule, reason: e.reason, citation: citationText(e.cites), cites: citedIds(e.cites) })),
    ...(row.observeOnly ? { observeOnly: { rule: row.observeOnly.rule, reason: row.observeOnly.reason, citation: citationText(row.observeOnly.cites), cites: citedIds(row.observeOnly.cites) } } : {}),
    observed: {
      ...(observed.registered === undefined ? {} : { registered: observed.registered }),
      ...(observed.subId === undefined ? {} : { subId: observed.subId }),
      received: [...observed.received],
      ...(observed.last === undefined ? {} : { last: observed.last }),
    },
  };
}

/** The 0-based order of each row among the rows of its id: which registration line is its own. */
export function ordinals(rows: readonly ExpectedRegistration[]): number[] {
  const count = new Map<string, number>();
  return rows.map((r) => {
    const k = count.get(r.id) ?? 0;
    count.set(r.id, k + 1);
    return k;
  });
}
