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
table.steps{width:100%}table.steps td.status-error{color:var(--error);font-weight:700}
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
a{color:#0969da}
@media print{
  nav.filter{position:static;display:none}
  body{max-width:none;padding:0}
  details::details-content{content-visibility:visible;display:block}
  details>summary{list-style:none}
  pre{max-height:none}
  .scenario{break-inside:avoid-page}
  .scenario.hidden{display:block}
}
`;
