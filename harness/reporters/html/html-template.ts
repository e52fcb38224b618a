/**
 * The Handlebars template of index.html, laid out like CTS's compatibility_result.xsl
 * (cts-and-reports.md §2.3): summary table, counts, per-area table (the per-module table), the
 * failures, then every scenario in detail. Every value is inserted with {{ }} (HTML-escaped);
 * the template has no triple-stash at all: device and file text is never trusted as markup.
 * The stylesheet and script are constants of this module, joined in before compilation.
 */
import { createHash } from 'node:crypto';
import { HTML_STYLES } from './html-styles';

/** Filtering by status, and opening every <details> for printing. Reading needs no script. */
const SCRIPT = `
(function(){
  var boxes=document.querySelectorAll('nav.filter input');
  function apply(){var on={};boxes.forEach(function(b){on[b.value]=b.checked});
    document.querySelectorAll('.scenario').forEach(function(s){s.classList.toggle('hidden',!on[s.getAttribute('data-status')])})}
  boxes.forEach(function(b){b.addEventListener('change',apply)});
  window.addEventListener('beforeprint',function(){document.querySelectorAll('details').forEach(function(d){d.open=true})});
})();
`;

// Content-Security-Policy allows this one script by its hash: even a string that somehow escaped
// escaping could not run as script, and nothing may be fetched from the network.
const SCRIPT_HASH = createHash('sha256').update(SCRIPT, 'utf8').digest('base64');

// A matching cell shows its package once ("expected = observed"); a differing one shows both.
const CELL = `<b class="marker">{{marker}}</b>{{#if same}} <code>{{expected}}</code>{{else}}
<span class="kv"><i>expected</i> <code>{{expected}}</code></span><span class="kv"><i>observed</i> <code>{{observed}}</code></span>{{/if}}
{{#if rule}}<small class="why">rule <b>{{rule}}</b>: {{reason}} <sup>[{{cite}}]</sup></small>{{/if}}
{{#if waiverId}}<small class="waiver">waived by <b>{{waiverId}}</b>: {{justification}}</small>{{/if}}`;

const CHECKPOINT = `<tr class="cp"><td colspan="6">
<h4>Checkpoint at step {{step}} <span class="badge {{status}}">{{statusLabel}}</span>{{#if settle}} <span class="meta">settled after {{settle}}</span>{{/if}}</h4>
{{#if matrix}}<table class="matrix"><thead><tr><th>slot</th>{{#each features}}<th>{{this}}</th>{{/each}}</tr></thead><tbody>
{{#each matrix}}<tr><th>slot {{slot}}</th>{{#each cells}}<td class="cell {{cls}}">${CELL}</td>{{/each}}</tr>
{{/each}}</tbody></table>{{/if}}
{{#if grants}}<table class="matrix grants"><thead><tr><th>permission of <code>{{grants.package}}</code></th><th>expected vs observed</th></tr></thead><tbody>
{{#each grants.rows}}<tr><th><code>{{permission}}</code></th><td class="cell {{cls}}">${CELL}</td></tr>
{{/each}}</tbody></table>{{/if}}
{{#if callbacks}}<table class="matrix callbacks"><thead><tr><th>callback registered by the observer app</th><th>expected (documentation)</th><th>observed (the app's logcat lines)</th></tr></thead><tbody>
{{#each callbacks.rows}}<tr><th><code>{{registration}}</code><br><small>{{where}} · {{state}}</small></th>
<td class="cell {{cls}}"><b class="marker">{{marker}}</b>{{#if observeOnly}}<small class="why">rule <b>{{observeOnly.rule}}</b>: {{observeOnly.reason}} <sup>[{{observeOnly.cite}}]</sup></small>{{/if}}
{{#each aspects}}<span class="kv"><i>{{label}}</i> <code>{{expected}}</code> <b class="marker">{{marker}}</b>{{#if waiverId}} <small class="waiver">waived by <b>{{waiverId}}</b>: {{justification}}</small>{{/if}}</span><small class="why">rule <b>{{rule}}</b>: {{reason}} <sup>[{{cite}}]</sup></small>{{/each}}</td>
<td class="cell {{cls}}"><span class="kv"><i>registration</i> {{registered}}</span><span class="kv"><i>since last check</i> <code>{{received}}</code></span><span class="kv"><i>last callback</i> <code>{{last}}</code></span></td></tr>
{{/each}}</tbody></table>
{{#if callbacks.frameworkMissing}}<p class="meta">dumpsys phone: {{callbacks.frameworkMissing}}</p>{{else}}<details class="framework"><summary>What the framework held (dumpsys phone ImsStateCallbackController)</summary><ul class="mono">{{#each callbacks.wrappers}}<li>{{this}}</li>{{/each}}{{#each callbacks.listeners}}<li>{{this}}</li>{{/each}}</ul></details>{{/if}}
{{#if callbacks.unattributed.length}}<p class="meta">observer lines no registration of the scenario claims:</p><pre>{{#each callbacks.unattributed}}{{this}}
{{/each}}</pre>{{/if}}{{/if}}
{{#if otherDiffs.length}}<ul>{{#each otherDiffs}}<li class="cell diff"><span class="marker">✗ DIFFERS</span> {{this}}</li>{{/each}}</ul>{{/if}}
{{#if citations.length}}<ol class="cites">{{#each citations}}<li value="{{n}}">“{{text}}”</li>{{/each}}</ol>{{/if}}
{{#if evidence}}<details class="evidence"><summary>Evidence behind “observed”</summary>
{{#if evidence.dumpsys}}<h4>dumpsys phone ({{#if callbacks}}ImsStateCallbackController{{else}}ImsResolver{{/if}})</h4><pre>{{evidence.dumpsys}}</pre>{{/if}}
{{#if evidence.logcat}}<h4>logcat</h4><pre>{{evidence.logcat}}</pre>{{/if}}
{{#if evidence.commands}}<h4>commands</h4><table><tr><th>command</th><th>exit</th><th>time</th></tr>{{#each evidence.commands}}<tr><td><code>{{command}}</code></td><td>{{exitCode}}</td><td>{{duration}}</td></tr>{{/each}}</table>{{/if}}
</details>{{/if}}
</td></tr>`;

const SCENARIO = `<section class="scenario {{status}}" id="{{anchor}}" data-status="{{status}}">
<h3><span class="badge {{status}}">{{statusLabel}}</span> {{title}}</h3>
<div class="meta"><code>{{id}}</code> · <code>{{file}}</code> · {{duration}}{{#if target}} · on <code>{{target}}</code>{{/if}}{{#if requires}} · requires {{requires}}{{/if}}</div>
{{#if doc}}<blockquote class="doc">{{doc}}</blockquote>{{/if}}
{{#if reason}}<p class="reason">{{reason}}</p>{{/if}}
{{#if missing.length}}<p class="missing">Skipped: the target lacks {{#each missing}}<b>{{label}}</b> ({{value}}){{#unless @last}}, {{/unless}}{{/each}}.</p>{{/if}}
{{#if attempts}}<div class="meta">{{attempts}}</div><ul class="meta">{{#each attemptHistory}}<li>{{this}}</li>{{/each}}</ul>{{/if}}
{{#if timeline.length}}<table class="steps"><thead><tr><th>#</th><th>step</th><th>description</th><th>duration</th><th>status</th><th>detail</th></tr></thead><tbody>
{{#each timeline}}<tr><td class="num">{{index}}</td><td><code>{{kind}}</code></td><td>{{description}}</td><td class="num">{{duration}}</td><td class="status-{{status}}">{{status}}</td><td>{{detail}}</td></tr>
{{#each checkpoints}}${CHECKPOINT}{{/each}}{{/each}}</tbody></table>{{/if}}
</section>`;

export const PAGE_TEMPLATE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${SCRIPT_HASH}'; img-src data:">
<title>{{title}}</title><style>${HTML_STYLES}</style></head><body>
<h1>Test Report — {{title}}</h1>
{{#if incomplete}}<div class="banner" role="alert"><span class="big">INCOMPLETE RUN</span><br>{{incomplete.message}}
{{#if incomplete.notRun.length}}<details><summary>Not executed ({{incomplete.notRun.length}})</summary><ul>{{#each incomplete.notRun}}<li><code>{{id}}</code> {{title}} <span class="meta">on {{target}}</span></li>{{/each}}</ul></details>{{/if}}</div>{{/if}}
<h2>Summary</h2>
<table class="summary">{{#each summaryRows}}<tr><th>{{label}}</th><td>{{value}}</td></tr>{{/each}}</table>
<table class="summary targets"><thead><tr><th>Target</th>{{#each targetHeader}}<th><code>{{this}}</code></th>{{/each}}</tr></thead><tbody>
{{#each targetRows}}<tr><th>{{label}}</th>{{#each values}}<td>{{this}}</td>{{/each}}</tr>{{/each}}</tbody></table>
<div class="counts">{{#each counts}}<div class="count {{cls}}"><span class="n">{{value}}</span>{{label}}</div>{{/each}}</div>
<h2>Areas</h2>
<table class="testsummary"><thead><tr><th>Area</th><th>Passed</th><th>Failed</th><th>Waived</th><th>Skipped</th><th>Errors</th><th>Total</th></tr></thead><tbody>
{{#each areas}}<tr><td><a href="#{{anchor}}">{{area}}</a></td><td class="num">{{passed}}</td><td class="num{{#if failed}} fail-n{{/if}}">{{failed}}</td><td class="num">{{waived}}</td><td class="num">{{skipped}}</td><td class="num{{#if errors}} fail-n{{/if}}">{{errors}}</td><td class="num">{{total}}</td></tr>{{/each}}
</tbody></table>
{{#if failures.length}}<h2>Failures ({{failures.length}})</h2>
<table class="failures"><thead><tr><th>Status</th><th>Scenario</th><th>First difference / reason</th></tr></thead><tbody>
{{#each failures}}<tr><td><span class="badge {{status}}">{{statusLabel}}</span></td><td><a href="#{{anchor}}"><code>{{id}}</code></a>{{#if target}} <span class="meta">on {{target}}</span>{{/if}}<br>{{title}}</td><td>{{problem}}</td></tr>{{/each}}
</tbody></table>{{/if}}
{{#if devices}}<h2>Devices side by side</h2>
<table class="devices"><thead><tr><th>Scenario</th>{{#each devices.serials}}<th><code>{{this}}</code></th>{{/each}}</tr></thead><tbody>
{{#each devices.rows}}<tr><td><code>{{id}}</code><br>{{title}}</td>{{#each cells}}<td>{{#if anchor}}<a href="#{{anchor}}"><span class="badge {{status}}">{{label}}</span></a>{{else}}<span class="badge {{status}}">{{label}}</span>{{/if}}</td>{{/each}}</tr>{{/each}}
</tbody></table>{{/if}}
{{#if waivers.length}}<h2>Waivers used ({{waivers.length}})</h2>
{{#each waivers}}<div class="waiver-entry"><h4>{{id}}</h4><p>{{justification}}{{#if reference}} <span class="meta">({{reference}})</span>{{/if}}</p>
<ul>{{#each uses}}<li><a href="#{{anchor}}"><code>{{id}}</code></a>: {{text}}</li>{{/each}}</ul></div>{{/each}}{{/if}}
<h2>Scenarios</h2>
<nav class="filter" aria-label="filter by status">Show: {{#each statuses}}<label><input type="checkbox" value="{{this}}" checked> {{this}}</label>{{/each}}</nav>
{{#each groups}}<h2 id="{{anchor}}">{{area}}</h2>
{{#each scenarios}}${SCENARIO}
{{/each}}{{/each}}
<script>${SCRIPT}</script>
</body></html>
`;
