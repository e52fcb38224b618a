/**
 * A checkStateCallbacks checkpoint as index.html shows it (the `state-callbacks` evidence kind,
 * ./evidence-sections.ts): per callback instance of the observer app, what the documentation
 * expects (each aspect with its rule, reason and cited sentence, or "observed only" and why) next
 * to the callbacks the app really received (its logcat lines), each row marked by a class and a
 * word; then what the framework held (dumpsys phone ImsStateCallbackController). Pure.
 */
import { type CallbackDiff, type CallbackRow, type StateCallbackCheck } from '../../results';
import { type CitationNote, Citations, MARKERS, ORIGIN_WORDS } from './citations';

type Mark = keyof typeof MARKERS | 'observe';

export interface CallbackAspectView {
  readonly label: string;
  readonly expected: string;
  readonly rule: string;
  readonly reason: string;
  readonly cite: number;
  readonly cls: Mark;
  readonly marker: string;
  readonly observed: string;
  /** Three-way diff, on a differing aspect: what the AOSP reference device's observer got, and whose difference it is. */
  readonly reference?: string;
  readonly origin?: string;
  readonly originCls?: string;
  readonly waiverId?: string;
  readonly justification?: string;
}

export interface CallbackRowView {
  readonly registration: string;
  readonly where: string;
  readonly state: string;
  readonly registered: string;
  readonly received: string;
  readonly last: string;
  readonly cls: Mark;
  readonly marker: string;
  readonly aspects: readonly CallbackAspectView[];
  readonly observeOnly?: { readonly rule: string; readonly reason: string; readonly cite: number };
}

export interface CallbacksView {
  readonly rows: readonly CallbackRowView[];
  readonly wrappers: readonly string[];
  readonly listeners: readonly string[];
  readonly frameworkMissing?: string;
  readonly unattributed: readonly string[];
  /** Each distinct citation once, numbered (by sentence id when every row is as documented). */
  readonly citations: readonly CitationNote[];
}

const OBSERVE_MARKER = '◌ OBSERVED ONLY';

function aspectView(row: CallbackRow, e: CallbackRow['expected'][number], diffs: readonly CallbackDiff[], citations: Citations): CallbackAspectView {
  const diff = diffs.find((d) => d.registration === row.registration && d.aspect === e.aspect);
  const cls: Mark = diff === undefined ? 'match' : diff.waiver ? 'waived' : 'diff';
  const observed = e.aspect === 'last' ? row.observed.last ?? 'none' : row.observed.received.length === 0 ? 'none' : row.observed.received.join(', ');
  return {
    label: e.aspect === 'last' ? 'last callback' : 'since the previous check',
    expected: e.value, rule: e.rule, reason: e.reason, cite: citations.number(e), cls, marker: MARKERS[cls], observed,
    ...(diff?.reference === undefined ? {} : { reference: diff.reference }),
    ...(diff?.origin === undefined ? {} : { origin: ORIGIN_WORDS[diff.origin], originCls: diff.origin }),
    ...(diff?.waiver ? { waiverId: diff.waiver.id, justification: diff.waiver.justification } : {}),
  };
}

/** `brief`: the checkpoint is as documented, so its sentences are named by id rather than quoted. */
export function callbacksView(check: StateCallbackCheck, brief = false): CallbacksView {
  const citations = new Citations(brief);
  const rows = check.rows.map((row): CallbackRowView => {
    const aspects = row.expected.map((e) => aspectView(row, e, check.diffs, citations));
    const cls: Mark = aspects.length === 0 ? 'observe' : aspects.some((a) => a.cls === 'diff') ? 'diff' : aspects.some((a) => a.cls === 'waived') ? 'waived' : 'match';
    const registered = row.observed.registered === undefined ? 'no line yet' : row.observed.registered === 'ok' ? `registered (subId ${row.observed.subId ?? '?'})` : `failed: ${row.observed.registered}`;
    return {
      registration: row.registration,
      where: `slot ${row.slot} ${row.feature}`,
      state: row.state,
      registered,
      received: row.observed.received.length === 0 ? 'none' : row.observed.received.join(', '),
      last: row.observed.last ?? 'none',
      cls,
      marker: cls === 'observe' ? OBSERVE_MARKER : MARKERS[cls],
      aspects,
      ...(row.observeOnly ? { observeOnly: { rule: row.observeOnly.rule, reason: row.observeOnly.reason, cite: citations.number(row.observeOnly) } } : {}),
    };
  });
  const fw = check.framework;
  return {
    rows,
    wrappers: (fw?.wrappers ?? []).map((w) => `CallbackWrapper subId=${w.subId} feature=${w.feature} reason=${w.reason || '(none yet)'} pkg=${w.pkg}`),
    listeners: (fw?.listeners ?? []).map((l) => `${l.feature} slot ${l.slotId}: subId=${l.subId} state=${l.state} reason=${l.reason || '(none)'} hasConfig=${String(l.hasConfig)}${l.isReady === undefined ? '' : ` isReady=${String(l.isReady)} hasFeatures=${String(l.hasFeatures)}`}`),
    ...(check.frameworkMissing === undefined ? {} : { frameworkMissing: check.frameworkMissing }),
    unattributed: check.unattributed ?? [],
    citations: citations.list(),
  };
}
