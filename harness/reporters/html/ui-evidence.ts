/**
 * The evidence of a `ui` step (issue 10) as report-v2's evidence kinds (./evidence-sections.ts):
 *  - step level: the Appium session in one line, the screens in the order they were taken (PNG data
 *    URIs — the page's CSP allows images only as data:), the flow's notes, the crash buffer's new
 *    FATAL EXCEPTION blocks, and the page source when the flow could not find an element;
 *  - checkpoint level: what the flow reported per key (`rcs-provisioning.access`, `registration.state`),
 *    expected (documented model, or the framework's dump where the documentation is silent) against
 *    observed, each with its rule, and the sentence ids it cites linking to the coverage section.
 */
import { type Checkpoint, type StepRecord, type UiStepRecord } from '../../results';
import { humanDuration } from '../format';
import { MARKERS } from './checkpoint-view';
import { type EvidenceKind } from './evidence-sections';

function sessionLine(ui: UiStepRecord): string {
  const s = ui.session;
  if (s === undefined) return '(none: the session could not be created)';
  const server = s.server === 'started-by-ims-rig' ? 'started by ims-rig' : '$IMS_RIG_APPIUM_URL';
  return `${s.sessionId} · Appium ${s.serverVersion} (${server}) · ${s.driver} · created in ${humanDuration(s.createMs)}`;
}

export const UI_SCREENS: EvidenceKind<'step'> = {
  name: 'ui-screens',
  level: 'step',
  view: (st: StepRecord) => {
    const ui = st.ui;
    if (ui === undefined) return undefined;
    return {
      session: sessionLine(ui),
      screens: ui.screenshots.map((shot, i) => ({ n: i + 1, label: shot.activity === undefined ? shot.label : `${shot.label} (${shot.activity})`, src: `data:image/png;base64,${shot.png}` })),
      notes: ui.outcome?.notes ?? [],
      crashes: ui.crashes ?? [],
      ...(ui.pageSource === undefined ? {} : { pageSource: ui.pageSource }),
    };
  },
  template: `<div class="meta">Appium session {{session}}</div>
<div class="screens">{{#each screens}}<figure><img src="{{src}}" alt="{{label}}" width="180"><figcaption>{{n}}. {{label}}</figcaption></figure>{{/each}}</div>
{{#if notes.length}}<ul class="meta">{{#each notes}}<li>{{this}}</li>{{/each}}</ul>{{/if}}
{{#if crashes.length}}<h4>logcat -b crash</h4>{{#each crashes}}<pre>{{this}}</pre>{{/each}}{{/if}}
{{#if pageSource}}<details class="evidence"><summary>Page source when the flow failed</summary><pre>{{pageSource}}</pre></details>{{/if}}`,
};

const text = (v: string | boolean | null | undefined): string => (v === null ? '(documentation silent: observed only)' : v === undefined ? '-' : String(v));

export const UI_CHECK: EvidenceKind<'checkpoint'> = {
  name: 'ui-check',
  level: 'checkpoint',
  view: (c: Checkpoint) => {
    const u = c.ui;
    if (u === undefined) return undefined;
    const brief = c.status === 'pass' && u.diffs.length === 0;
    const rows = [...new Set([...Object.keys(u.expected), ...Object.keys(u.observed)])].map((key) => {
      const diff = u.diffs.find((d) => d.key === key);
      const expected = u.expected[key];
      // A recorded diff decides; a value that differs without one is still marked, never hidden.
      const differs = diff !== undefined || (expected !== null && expected !== undefined && expected !== u.observed[key]);
      const cls = diff?.waiver ? 'waived' : differs ? 'diff' : 'match';
      const reason = u.reasons[key];
      return {
        key, cls, marker: MARKERS[cls], expected: text(expected), observed: text(u.observed[key]),
        ...(reason ? { rule: reason.rule, ...(brief ? {} : { reason: reason.reason, citation: reason.citation }), cites: reason.cites ?? [] } : {}),
        ...(diff?.waiver ? { waiverId: diff.waiver.id, justification: diff.waiver.justification } : {}),
      };
    });
    return { flow: u.flow, package: u.package, rows };
  },
  template: `<table class="matrix grants ui-check"><thead><tr><th>flow <code>{{flow}}</code> on <code>{{package}}</code></th><th>expected vs observed</th></tr></thead><tbody>
{{#each rows}}<tr><th><code>{{key}}</code></th><td class="cell {{cls}}"><b class="marker">{{marker}}</b> <span class="kv"><i>expected</i> <code>{{expected}}</code></span><span class="kv"><i>observed</i> <code>{{observed}}</code></span>
{{#if rule}}<small class="why">rule <b>{{rule}}</b>{{#if reason}}: {{reason}}{{/if}}{{#each cites}} <a href="#doc-{{this}}">{{this}}</a>{{/each}}</small>{{/if}}
{{#if citation}}<small class="why">“{{citation}}”</small>{{/if}}
{{#if waiverId}}<small class="waiver">waived by <b>{{waiverId}}</b>: {{justification}}</small>{{/if}}</td></tr>
{{/each}}</tbody></table>`,
};
