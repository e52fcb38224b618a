/**
 * The trace of a scenario whose plan carried none (events.jsonl written before plans carried
 * traces): its `doc:` quote resolved exactly, the observations its checkpoints show, and per
 * checkpoint the sentences its cells cite. A scenario that never ran shows no checkpoints, so this
 * knows less than the plan's trace would; it never guesses.
 */
import { DOC } from '../../docs/documentation';
import { resolveQuote, sentencesOfCitation } from '../../docs/quote';
import { type CellReason, type ScenarioResult, type ScenarioTrace } from '../../results';

export function traceOfResult(s: ScenarioResult): ScenarioTrace {
  const quoted = s.doc === undefined ? undefined : resolveQuote(s.doc);
  const observes = new Set<string>();
  const checks = s.checkpoints.map((c) => {
    if (Object.keys(c.expected).length > 0 || Object.keys(c.observed).length > 0) observes.add('bindings');
    if (c.grants) observes.add('grants');
    if (c.ui) observes.add('ui');
    if (c.stateCallbacks) observes.add('state-callback');
    const reasons: Pick<CellReason, 'citation' | 'cites'>[] = [
      ...Object.values(c.reasons ?? {}).flatMap((row) => Object.values(row ?? {}).filter((r): r is CellReason => r !== undefined)),
      ...Object.values(c.grants?.reasons ?? {}),
      ...Object.values(c.ui?.reasons ?? {}),
      ...(c.stateCallbacks?.rows ?? []).flatMap((row) => row.expected),
    ];
    const cites = new Set(reasons.flatMap((r) => r.cites ?? sentencesOfCitation(r.citation).map((id) => DOC[id].id)));
    return { step: c.step, cites: [...cites] };
  });
  return { ...(quoted === undefined ? {} : { doc: DOC[quoted].id }), observes: [...observes], checks };
}
