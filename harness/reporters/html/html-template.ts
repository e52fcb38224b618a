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

/**
 * The pictures (./svg-views.ts) as inline SVG: no script, no external reference; a hidden SVG at
 * the top of the page defines the hatch pattern waived shapes are filled with (colour is never
 * the only carrier: every shape has its words in <title>, every picture an aria-label).
 */
export const PICTURE_PARTIAL = `<svg class="pic {{cls}}" width="{{w}}" height="{{h}}" viewBox="0 0 {{w}} {{h}}" role="img" aria-label="{{label}}">{{#each labels}}<text x="{{x}}" y="{{y}}"{{#if a}} text-anchor="{{a}}"{{/if}}>{{t}}</text>{{/each}}{{#each shapes}}<rect x="{{x}}" y="{{y}}"{{#if w}} width="{{w}}" height="{{h}}"{{/if}} class="{{c}}"><title>{{t}}</title></rect>{{/each}}</svg>`;

const SVG_DEFS = `<svg class="defs" width="0" height="0" aria-hidden="true"><defs><pattern id="hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="4" height="4" fill="#8a5a00"></rect><rect width="1.6" height="4" fill="#f3d9a4"></rect></pattern></defs></svg>`;

// A matching cell shows its package once ("expected = observed"); a differing one shows both, and
// with a reference run what AOSP did and whose difference it is.
const CELL = `<b class="marker">{{marker}}</b>{{#if origin}} <b class="origin {{originCls}}">{{origin}}</b>{{/if}}{{#if same}} <code>{{expected}}</code>{{else}}
<span class="kv"><i>expected</i> <code>{{expected}}</code></span><span class="kv"><i>observed</i> <code>{{observed}}</code></span>{{#if reference}}<span class="kv"><i>reference</i> <code>{{reference}}</code></span>{{/if}}{{/if}}
{{#if rule}}<small class="why">rule <b>{{rule}}</b>{{#if reason}}: {{reason}}{{/if}} <sup>[{{cite}}]</sup></small>{{/if}}
{{#if waiverId}}<small class="waiver">waived by <b>{{waiverId}}</b>: {{justification}}</small>{{/if}}`;

const CHECKPOINT = `<tr class="cp"><td colspan="6">
<h4>Checkpoint at step {{step}} <span class="badge {{status}}">{{statusLabel}}</span>{{#if settle}} <span class="meta">settled after {{settle}}</span>{{/if}}</h4>
{{#if picture}}{{> picture picture cls="mx"}}{{/if}}
{{#if matched}}<p class="matched">✓ every cell as documented{{#each matched}}<br><code>{{this}}</code>{{/each}}</p>{{else}}{{#if matrix}}<table class="matrix"><thead><tr><th>slot</th>{{#each features}}<th>{{this}}</th>{{/each}}</tr></thead><tbody>
{{#each matrix}}<tr><th>slot {{slot}}</th>{{#each cells}}<td class="cell {{cls}}">${CELL}</td>{{/each}}</tr>
{{/each}}</tbody></table>{{/if}}{{/if}}
{{#if grants}}<table class="matrix grants"><thead><tr><th>permission of <code>{{grants.package}}</code></th><th>expected vs observed</th></tr></thead><tbody>
{{#each grants.rows}}<tr><th><code>{{permission}}</code></th><td class="cell {{cls}}">${CELL}</td></tr>
{{/each}}</tbody></table>{{/if}}
{{#if otherDiffs.length}}<ul>{{#each otherDiffs}}<li class="cell diff"><span class="marker">✗ DIFFERS</span> {{this}}</li>{{/each}}</ul>{{/if}}
{{#if citations.length}}<ol class="cites">{{#each citations}}<li value="{{n}}">{{#if text}}“{{text}}”{{else}}{{#each ids}}<a href="#doc-{{this}}">{{this}}</a> {{/each}}{{/if}}</li>{{/each}}</ol>{{/if}}
{{#each evidence}}{{> (lookup . 'partial') view}}{{/each}}
</td></tr>`;

const SCENARIO = `<section class="scenario {{status}}" id="{{anchor}}" data-status="{{status}}">
<h3><span class="badge {{status}}">{{statusLabel}}</span> {{title}}</h3>
<div class="meta"><code>{{id}}</code> · <code>{{file}}</code> · {{duration}}{{#if target}} · on <code>{{target}}</code>{{/if}}{{#if requires}} · requires {{requires}}{{/if}}</div>
{{#if doc}}<blockquote class="doc">{{doc}}</blockquote>{{/if}}{{#each warnings}}<p class="reason">warning: {{this}}</p>{{/each}}
{{#if reason}}<p class="reason">{{reason}}</p>{{/if}}
{{#if missing.length}}<p class="missing">Skipped: the target lacks {{#each missing}}<b>{{label}}</b> ({{value}}){{#unless @last}}, {{/unless}}{{/each}}.</p>{{/if}}
{{#if attempts}}<div class="meta">{{attempts}}</div><ul class="meta">{{#each attemptHistory}}<li>{{this}}</li>{{/each}}</ul>{{/if}}
{{#if timelinePicture}}{{> picture timelinePicture cls="tl"}}{{/if}}
{{#if reference}}<p class="meta reference-run">{{reference}}</p>{{/if}}
{{#each evidence}}{{> (lookup . 'partial') view}}{{/each}}
{{#if timeline.length}}<table class="steps"><thead><tr><th>#</th><th>step</th><th>description</th><th>duration</th><th>status</th><th>detail</th></tr></thead><tbody>
{{#each timeline}}<tr><td class="num">{{index}}</td><td><code>{{kind}}</code></td><td>{{description}}</td><td class="num">{{duration}}</td><td class="status-{{status}}">{{status}}</td><td>{{detail}}</td></tr>
{{#if evidence.length}}<tr class="ev"><td colspan="6">{{#each evidence}}{{> (lookup . 'partial') view}}{{/each}}</td></tr>{{/if}}
{{#each checkpoints}}${CHECKPOINT}{{/each}}{{/each}}</tbody></table>{{/if}}
</section>`;

/** Per source (seed page) and section: a bar, then the sentence table. */
const COVERAGE = `<h2 id="documentation-coverage">Documentation coverage</h2>
<p>{{coverage.headline}}</p>
<p class="legend">{{#each coverage.legend}}<span class="key {{c}}"></span> {{word}} ({{n}}) {{/each}}</p>
{{#each coverage.sources}}<section class="doc-source"><h3>{{title}} <span class="meta">{{summary}}</span></h3>
<div class="meta">{{origin}}{{#if note}} — {{note}}{{/if}}</div>{{> picture bar cls="bar"}}
{{#each sections}}<h4>{{section}} <span class="meta">{{summary}}</span></h4>{{> picture bar cls="bar"}}
<table class="sentences"><thead><tr><th>status</th><th>sentence</th><th>resting on it</th></tr></thead><tbody>
{{#each sentences}}<tr id="{{anchor}}" class="d-row {{status}}"><td><span class="dstatus {{status}}">{{word}}</span></td><td><code>{{id}}</code> “{{text}}”</td><td>{{#if links.length}}<ul class="links">{{#each links}}<li>{{#if anchor}}<a href="#{{anchor}}">{{id}}</a>{{else}}{{id}}{{/if}} <span class="meta">{{verdict}} · {{via}}</span></li>{{/each}}</ul>{{/if}}{{#if more}}<span class="meta">{{more}}</span>{{/if}}{{#if checkpoints}} <span class="meta">{{checkpoints}}</span>{{/if}}{{#if reason}}<p class="why">{{reason}}</p>{{/if}}</td></tr>
{{/each}}</tbody></table>{{/each}}</section>{{/each}}`;

export const PAGE_TEMPLATE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${SCRIPT_HASH}'; img-src data:">
<title>{{title}}</title><style>${HTML_STYLES}</style></head><body>
${SVG_DEFS}
<h1>Test Report — {{title}}</h1>
{{#if incomplete}}<div class="banner" role="alert"><span class="big">INCOMPLETE RUN</span><br>{{incomplete.message}}
{{#if incomplete.notRun.length}}<details><summary>Not executed ({{incomplete.notRun.length}})</summary><ul>{{#each incomplete.notRun}}<li><code>{{id}}</code> {{title}} <span class="meta">on {{target}}</span></li>{{/each}}</ul></details>{{/if}}</div>{{/if}}
<h2>Summary</h2>
<table class="summary">{{#each summaryRows}}<tr><th>{{label}}</th><td>{{value}}</td></tr>{{/each}}</table>
<table class="summary targets"><thead><tr><th>Target</th>{{#each targetHeader}}<th><code>{{this}}</code></th>{{/each}}</tr></thead><tbody>
{{#each targetRows}}<tr><th>{{label}}</th>{{#each values}}<td>{{this}}</td>{{/each}}</tr>{{/each}}</tbody></table>
<div class="counts">{{#each counts}}<div class="count {{cls}}"><span class="n">{{value}}</span>{{label}}</div>{{/each}}</div>
{{#if threeWay}}<p class="three-way">Against the AOSP reference device: <b>{{threeWay.asAosp}}</b> differing cell(s) <b class="origin as-aosp">as AOSP</b> (the target does what AOSP does), <b>{{threeWay.vendorSpecific}}</b> <b class="origin vendor-specific">vendor-specific</b> (the target differs from AOSP).</p>{{/if}}
{{#each evidence}}{{> (lookup . 'partial') view}}{{/each}}
<p class="coverage-line"><a href="#documentation-coverage">Documentation coverage</a>: {{coverage.headline}}</p>
{{> picture coverage.bar cls="bar"}}
<h2>Areas</h2>
{{> picture overview cls="overview"}}
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
${COVERAGE}
<h2>Scenarios</h2>
<nav class="filter" aria-label="filter by status">Show: {{#each statuses}}<label><input type="checkbox" value="{{this}}" checked> {{this}}</label>{{/each}}</nav>
{{#each groups}}<h2 id="{{anchor}}">{{area}}</h2>
{{#each scenarios}}${SCENARIO}
{{/each}}{{/each}}
<script>${SCRIPT}</script>
</body></html>
`;
