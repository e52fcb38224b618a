/**
 * index.html's stylesheet, inlined so the report is one file that opens from file://.
 * Status is always carried by a word as well as a colour (a person with a grey-scale printout or
 * colour blindness reads the same report). @media print: every <details> open, nothing sticky.
 */
export const HTML_STYLES = `
:root{--pass:#1b7f3b;--fail:#b3261e;--waived:#8a5a00;--skip:#5f6368;--error:#7b1fa2;--line:#d0d7de;--bg2:#f6f8fa;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:14px;color:#1f2328}
body{margin:0 auto;padding:0 1.5rem 3rem;max-width:1200px;line-height:1.45}
h1{font-size:1.6rem;margin:1.2rem 0 .4rem}h2{font-size:1.25rem;margin:2rem 0 .6rem;border-bottom:2px solid var(--line);padding-bottom:.2rem}
h3{font-size:1.05rem;margin:0}h4{font-size:.95rem;margin:.8rem 0 .3rem}
table{border-collapse:collapse;margin:.4rem 0}th,td{border:1px solid var(--line);padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:var(--bg2);font-weight:600}
table.summary th{width:12rem}
code,pre,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85rem}
pre{background:var(--bg2);border:1px solid var(--line);padding:.5rem;overflow:auto;white-space:pre-wrap;word-break:break-all;max-height:28rem}
.banner{border:3px solid var(--fail);background:#fdecea;color:var(--fail);padding:.7rem 1rem;margin:1rem 0;font-weight:600}
.banner .big{font-size:1.3rem;letter-spacing:.05em}
.counts{display:flex;flex-wrap:wrap;gap:.5rem;margin:.6rem 0}
.count{border:1px solid var(--line);border-left-width:6px;padding:.35rem .8rem;min-width:7rem;background:#fff}
.count .n{font-size:1.4rem;font-weight:700;display:block}
.count.pass{border-left-color:var(--pass)}.count.fail{border-left-color:var(--fail)}.count.waived{border-left-color:var(--waived)}
.count.skip{border-left-color:var(--skip)}.count.error,.count.incomplete{border-left-color:var(--error)}
.badge{display:inline-block;padding:0 .45rem;border-radius:3px;font-weight:700;font-size:.8rem;color:#fff;background:var(--skip)}
.badge.pass{background:var(--pass)}.badge.fail{background:var(--fail)}.badge.waived{background:var(--waived)}.badge.error,.badge.notrun{background:var(--error)}
td.num{text-align:right;font-variant-numeric:tabular-nums}
td.fail-n{color:var(--fail);font-weight:700}
nav.filter{position:sticky;top:0;background:#fff;border-bottom:1px solid var(--line);padding:.4rem 0;z-index:2}
nav.filter label{margin-right:.8rem}
.scenario{border:1px solid var(--line);border-left:6px solid var(--skip);margin:1rem 0;padding:.6rem .9rem;background:#fff}
.scenario.fail{border-left-color:var(--fail)}.scenario.pass{border-left-color:var(--pass)}.scenario.waived{border-left-color:var(--waived)}.scenario.error{border-left-color:var(--error)}
.scenario.hidden{display:none}
.meta{color:#57606a;font-size:.85rem;margin:.2rem 0}
blockquote.doc{margin:.4rem 0;padding:.3rem .7rem;border-left:4px solid var(--line);background:var(--bg2);font-style:italic}
.reason{margin:.3rem 0;font-weight:600}
.missing{color:var(--skip)}
table.steps{width:100%}.screens{display:flex;flex-wrap:wrap;gap:8px}.screens figure{margin:0;text-align:center}.screens img{border:1px solid #ccc;display:block}.screens figcaption{font-size:11px;max-width:180px}table.steps td.status-error{color:var(--error);font-weight:700}
tr.cp>td{background:#fbfcfd;padding:.5rem}
table.matrix td.cell{min-width:15rem}
.cell .marker{font-weight:700;font-size:.8rem}
.cell.diff{background:#fdecea;outline:2px solid var(--fail)}.cell.diff .marker{color:var(--fail)}
.cell.waived{background:#fff4e0;outline:2px dashed var(--waived)}.cell.waived .marker{color:var(--waived)}
.cell.match .marker{color:var(--pass)}
.cell.observe{background:var(--bg2)}.cell.observe .marker{color:var(--skip)}
table.callbacks td.cell{min-width:20rem}
.cell .kv{display:block}.cell .kv i{font-style:normal;color:#57606a;display:inline-block;min-width:4.8rem}
.why{display:block;color:#57606a;font-size:.8rem;margin-top:.2rem}
.waiver{display:block;font-size:.8rem;color:var(--waived);margin-top:.2rem}
ol.cites{font-size:.8rem;color:#57606a;margin:.3rem 0;padding-left:1.4rem}
details{margin:.3rem 0}summary{cursor:pointer;color:#0969da}
svg.defs{position:absolute;width:0;height:0}
svg.pic{display:block;margin:.3rem 0;max-width:100%;overflow:visible;font:9px system-ui,sans-serif;fill:#1f2328;-webkit-print-color-adjust:exact;print-color-adjust:exact}
svg.pic rect{stroke:#fff;stroke-width:.5}svg.mx rect{width:30px;height:15px}svg.overview{font-size:11px}svg.bar rect{stroke:none}
.v-pass,.d-held,.s-pass{fill:var(--pass)}.v-fail,.d-failed,.s-fail{fill:var(--fail)}.v-waived,.d-waived,.s-waived{fill:url(#hatch) var(--waived)}
.a-skip,.d-not-run,.s-skip{fill:#afb8c1}.a-error,.s-error{fill:var(--error)}svg.pic rect.d-not-covered{fill:#f6f8fa;stroke:#8c959f;stroke-width:1}
svg.pic rect.o-aosp{stroke:#1f2328;stroke-width:1.5;stroke-dasharray:2 1.5}svg.pic rect.o-vendor{stroke:#1f2328;stroke-width:2.5}
.setup.s-ok{fill:#8c959f}.stimulus.s-ok{fill:#0969da}.restore.s-ok{fill:#6e7781}.check.s-ok{fill:#57606a}
.legend .key{display:inline-block;width:.9rem;height:.7rem;border:1px solid var(--line);vertical-align:middle;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.key.d-held{background:var(--pass)}.key.d-failed{background:var(--fail)}.key.d-waived{background:var(--waived)}.key.d-not-run{background:#afb8c1}.key.d-not-covered{background:#f6f8fa}
table.sentences{width:100%;table-layout:fixed}table.sentences th:nth-child(1){width:6.5rem}table.sentences th:nth-child(3){width:30%}table.sentences td{overflow-wrap:anywhere}ul.links{margin:0;padding-left:1rem}
.dstatus{font-weight:700;font-size:.8rem}.dstatus.held{color:var(--pass)}.dstatus.failed{color:var(--fail)}.dstatus.waived{color:var(--waived)}.dstatus.not-run,.dstatus.not-covered{color:var(--skip)}
.origin{font-size:.75rem;border:1px solid currentColor;border-radius:3px;padding:0 .25rem}.origin.as-aosp{color:#57606a;border-style:dashed}.origin.vendor-specific{color:var(--fail)}
section.doc-source{break-inside:auto}
a{color:#0969da}
@media print{
  nav.filter{position:static;display:none}
  body{max-width:none;padding:0}
  details::details-content{content-visibility:visible;display:block}
  details>summary{list-style:none}
  pre{max-height:none}
  .scenario{break-inside:avoid-page}
  table.sentences tr,svg.pic{break-inside:avoid}
  .scenario.hidden{display:block}
}
`;
