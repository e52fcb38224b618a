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
import { callbacksView } from './callbacks-view';
import { EXCERPT, evidenceView } from './evidence-excerpt';
import { UI_CHECK, UI_SCREENS } from './ui-evidence';

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
  view: (c) => (c.evidence === undefined || (c.status === 'pass' && c.diffs.length === 0) ? undefined
    // A checkStateCallbacks checkpoint keeps the ImsStateCallbackController section, a check the ImsResolver one.
    : { ...evidenceView(c.evidence, EXCERPT), section: c.stateCallbacks === undefined ? 'ImsResolver' : 'ImsStateCallbackController' }),
  template: `<details class="evidence"><summary>Evidence behind “observed”</summary>
{{#if dumpsys}}<h4>dumpsys phone ({{section}})</h4><pre>{{dumpsys}}</pre>{{/if}}
{{#if logcat}}<h4>logcat</h4><pre>{{logcat}}</pre>{{/if}}
{{#if commands}}<h4>commands</h4><table><tr><th>command</th><th>exit</th><th>time</th></tr>{{#each commands}}<tr><td><code>{{command}}</code></td><td>{{exitCode}}</td><td>{{duration}}</td></tr>{{/each}}</table>{{/if}}
</details>`,
};

/**
 * Callbacks received vs documentation expects (issue 9): a checkStateCallbacks checkpoint's
 * registrations, each with what the documentation expects (rule, reason, sentence, or "observed
 * only" and why) next to the callbacks the observer app logged, then what the framework held
 * (dumpsys phone ImsStateCallbackController). Shown for every such checkpoint, passing or not: the
 * callbacks are what it observed (a binding check's picture plays that part).
 */
const STATE_CALLBACKS: EvidenceKind<'checkpoint'> = {
  name: 'state-callbacks',
  level: 'checkpoint',
  view: (c) => (c.stateCallbacks === undefined ? undefined : callbacksView(c.stateCallbacks, c.status === 'pass' && c.stateCallbacks.diffs.length === 0)),
  template: `<table class="matrix callbacks"><thead><tr><th>callback registered by the observer app</th><th>expected (documentation)</th><th>observed (the app's logcat lines)</th></tr></thead><tbody>
{{#each rows}}<tr><th><code>{{registration}}</code><br><small>{{where}} · {{state}}</small></th>
<td class="cell {{cls}}"><b class="marker">{{marker}}</b>{{#if observeOnly}}<small class="why">rule <b>{{observeOnly.rule}}</b>: {{observeOnly.reason}} <sup>[{{observeOnly.cite}}]</sup></small>{{/if}}
{{#each aspects}}<span class="kv"><i>{{label}}</i> <code>{{expected}}</code> <b class="marker">{{marker}}</b>{{#if origin}} <b class="origin {{originCls}}">{{origin}}</b>{{/if}}{{#if reference}} <i>reference</i> <code>{{reference}}</code>{{/if}}{{#if waiverId}} <small class="waiver">waived by <b>{{waiverId}}</b>: {{justification}}</small>{{/if}}</span><small class="why">rule <b>{{rule}}</b>: {{reason}} <sup>[{{cite}}]</sup></small>{{/each}}</td>
<td class="cell {{cls}}"><span class="kv"><i>registration</i> {{registered}}</span><span class="kv"><i>since last check</i> <code>{{received}}</code></span><span class="kv"><i>last callback</i> <code>{{last}}</code></span></td></tr>
{{/each}}</tbody></table>
{{#if citations.length}}<ol class="cites">{{#each citations}}<li value="{{n}}">{{#if text}}“{{text}}”{{else}}{{#each ids}}<a href="#doc-{{this}}">{{this}}</a> {{/each}}{{/if}}</li>{{/each}}</ol>{{/if}}
{{#if frameworkMissing}}<p class="meta">dumpsys phone: {{frameworkMissing}}</p>{{else}}<details class="framework"><summary>What the framework held (dumpsys phone ImsStateCallbackController)</summary><ul class="mono">{{#each wrappers}}<li>{{this}}</li>{{/each}}{{#each listeners}}<li>{{this}}</li>{{/each}}</ul></details>{{/if}}
{{#if unattributed.length}}<p class="meta">observer lines no registration of the scenario claims:</p><pre>{{#each unattributed}}{{this}}
{{/each}}</pre>{{/if}}`,
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

export const EVIDENCE_KINDS: readonly AnyKind[] = [TARGET_TIME, UI_CHECK, STATE_CALLBACKS, OBSERVED_EVIDENCE, UI_SCREENS];

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
