/**
 * Which documentation sentences a scenario rests on, worked out from the scenario alone (no
 * device): the sentence its `doc:` quotes (harness/docs/quote.ts, exact), what its steps observe
 * (harness/docs/checkability.ts), and per observing step the sentences the documented model cites
 * for the cells (grants, state callbacks) it expects there. The runner puts it in run-begin's plan so that a
 * report knows what a skipped or unrun scenario would have checked; `ims-rig coverage` uses the
 * same function, so the two agree by construction (a test checks they do).
 */
import { observationsOf } from '../docs/checkability';
import { DOC } from '../docs/documentation';
import { resolveQuote } from '../docs/quote';
import { type FullScenario } from '../model';
import { citedIds, explainScenario, supportedCites } from '../oracle';
import { type ScenarioTrace } from '../results';

export function traceScenario(s: FullScenario): ScenarioTrace {
  const quoted = s.doc === undefined || s.doc === '' ? undefined : resolveQuote(s.doc);
  const checks: { step: number; cites: string[] }[] = [];
  for (const e of explainScenario(s)) {
    const cited = new Set<string>();
    for (const row of Object.values(e.table ?? {})) for (const cell of Object.values(row ?? {})) for (const id of citedIds(cell.cites)) cited.add(id);
    for (const grant of Object.values(e.grants ?? {})) for (const id of citedIds(grant.cites)) cited.add(id);
    // A `ui` step cites what the model expects of the surfaces it declares (`ui.surfaces`, held to
    // by the run: engine-ui.ts), as its checkpoint's values then do (cited-cells.ts uiCells): access
    // always, support where the documentation decides it (with the table's row). Without a
    // declaration the flow's surfaces are known only when it reports them.
    if (e.step.kind === 'ui') {
      for (const surface of e.step.surfaces ?? []) {
        const want = e.surfaces?.[surface];
        if (want === undefined) continue;
        for (const id of citedIds(want.cites)) cited.add(id);
        if (want.supported !== null) for (const id of citedIds(supportedCites(want))) cited.add(id);
      }
    }
    // A callback's judged aspects; an observation-only row checks nothing it could cite.
    for (const row of e.callbacks ?? []) for (const x of row.expectations) for (const id of citedIds(x.cites)) cited.add(id);
    if (e.table !== undefined || e.grants !== undefined || e.callbacks !== undefined || (e.step.kind === 'ui' && e.step.surfaces !== undefined)) checks.push({ step: e.index, cites: [...cited] });
  }
  return {
    ...(quoted === undefined ? {} : { doc: DOC[quoted].id }),
    observes: observationsOf(s.steps.map((step) => step.kind)),
    checks,
  };
}
