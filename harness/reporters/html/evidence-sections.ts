/**
 * Kinds of evidence index.html shows, each keyed by an optional field of the result model and
 * drawn by a Handlebars partial of its own, at one of four places of the page:
 *   run         after the summary counts           (a RunResult field, e.g. summary.targetSeconds)
 *   scenario    after the scenario's timeline      (a ScenarioResult field)
 *   checkpoint  inside the checkpoint, after cells (a Checkpoint field, e.g. dumpsys/logcat evidence)
 *   step        a row under the step               (a StepRecord field, e.g. a UI step's screenshot)
 * A kind whose field is absent adds nothing, so evidence another branch adds to the model slots in
 * by appending one entry here (a `view` reading its field, a `template`) — the page layout, the
 * template and the other kinds stay as they are. Every template value goes through {{ }} (escaped);
 * the page's CSP allows images only as data: URIs and no script, so a screenshot is an
 * <img src="data:image/png;base64,{{png}}"> and nothing is fetched.
 */
import { type Checkpoint, type RunResult, type ScenarioResult, type StepRecord } from '../../results';
import { humanDuration } from '../format';
import { EXCERPT, evidenceView } from './evidence-excerpt';

export type EvidenceLevel = 'run' | 'scenario' | 'checkpoint' | 'step';

interface Subjects {
  readonly run: RunResult;
  readonly scenario: ScenarioResult;
  readonly checkpoint: Checkpoint;
  readonly step: StepRecord;
}

export interface EvidenceKind<L extends EvidenceLevel> {
  /** Partial name; also the CSS class of its wrapper. */
  readonly name: string;
  readonly level: L;
  /** The partial's view for one subject, or undefined when the subject has no such evidence. */
  readonly view: (subject: Subjects[L]) => object | undefined;
  /** Handlebars partial (no triple-stash: a test checks every kind's template). */
  readonly template: string;
}

type AnyKind = { readonly [L in EvidenceLevel]: EvidenceKind<L> }[EvidenceLevel];

/**
 * What the target printed behind "observed" (dumpsys phone, logcat, the commands sent), for a
 * checkpoint that differs; a matching one's evidence stays in results.json (its picture shows what
 * was observed, and a 1,000-scenario page must stay under 5 MB).
 */
const OBSERVED_EVIDENCE: EvidenceKind<'checkpoint'> = {
  name: 'observed-evidence',
  level: 'checkpoint',
  view: (c) => (c.evidence === undefined || (c.status === 'pass' && c.diffs.length === 0) ? undefined : evidenceView(c.evidence, EXCERPT)),
  template: `<details class="evidence"><summary>Evidence behind “observed”</summary>
{{#if dumpsys}}<h4>dumpsys phone (ImsResolver)</h4><pre>{{dumpsys}}</pre>{{/if}}
{{#if logcat}}<h4>logcat</h4><pre>{{logcat}}</pre>{{/if}}
{{#if commands}}<h4>commands</h4><table><tr><th>command</th><th>exit</th><th>time</th></tr>{{#each commands}}<tr><td><code>{{command}}</code></td><td>{{exitCode}}</td><td>{{duration}}</td></tr>{{/each}}</table>{{/if}}
</details>`,
};

/**
 * `summary.targetSeconds` (DESIGN.md turn-2 contract, stock-target branch): the target's own uptime
 * over the run — on the reference device its AOSP-timed clock, i.e. the run projected on an emulator.
 */
const TARGET_TIME: EvidenceKind<'run'> = {
  name: 'target-time',
  level: 'run',
  view: (run) => {
    const seconds: unknown = (run.summary as { readonly targetSeconds?: unknown }).targetSeconds;
    return typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0
      ? { time: humanDuration(seconds * 1000), wall: humanDuration(run.run.durationMs ?? 0) }
      : undefined;
  },
  template: `<p class="meta">Target time: <b>{{time}}</b> on the target's own clock (wall time {{wall}}); on the reference device that is the run projected on a real emulator.</p>`,
};

export const EVIDENCE_KINDS: readonly AnyKind[] = [TARGET_TIME, OBSERVED_EVIDENCE];

export interface EvidenceItem {
  readonly partial: string;
  readonly view: object;
}

/** The evidence sections one subject has, in EVIDENCE_KINDS order. */
export function evidenceFor<L extends EvidenceLevel>(level: L, subject: Subjects[L]): EvidenceItem[] {
  const out: EvidenceItem[] = [];
  for (const kind of EVIDENCE_KINDS) {
    if (kind.level !== level) continue;
    // kind.level === level, so kind.view takes this subject's type.
    const view = (kind.view as (subject: Subjects[L]) => object | undefined)(subject);
    if (view !== undefined) out.push({ partial: kind.name, view });
  }
  return out;
}
