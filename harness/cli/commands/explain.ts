/**
 * `ims-rig explain <scenario>`: the documented model's expectation for every check of a scenario,
 * cell by cell, with the rule that decided it, the inputs, and the documentation sentence it rests
 * on. `--json` prints the same as JSON. Needs no device. Bad scenario files are InputError (exit 2).
 */
import { DOC, type DocId } from '../../docs/documentation';
import { type FullScenario } from '../../model';
import {
  type ExplainedStep, callbackPinConflicts, describeStep, explainScenario, formatCites, formatExpectedTable, formatSentences, pinConflicts, textTable, toBindingTable,
} from '../../oracle';
import { loadScenario } from '../../scenario/loader';

export async function explainCommand(file: string, opts: Record<string, unknown>): Promise<number> {
  const scenario = await loadScenario(file);
  for (const w of scenario.warnings ?? []) process.stderr.write(`ims-rig: ${scenario.displayFile}: warning: ${w}\n`);
  const steps = explainScenario(scenario);
  const out = opts.json === true ? JSON.stringify(explainJson(scenario, steps), null, 2) : explainText(scenario, steps);
  process.stdout.write(out + '\n');
  return 0;
}

function describeWorld(s: FullScenario): string[] {
  const w = s.world;
  const sims = Object.entries(w.sims).filter(([, p]) => p).map(([slot, p]) => `slot ${slot}: ${p?.name ?? ''}`);
  const apps = w.apps.map((a) => `${a.package} (${a.location}, ${a.action}${a.permission ? '' : ', no BIND_IMS_SERVICE'}${a.installed ? '' : ', not installed'})`);
  return [
    `  device: ${w.slots} slot${w.slots === 1 ? '' : 's'}; overlay config_ims_mmtel_package=${w.overlay.mmtel || '""'} config_ims_rcs_package=${w.overlay.rcs || '""'}`,
    `  SIMs:   ${sims.length > 0 ? sims.join(', ') : 'none'}`,
    `  apps:   ${apps.join('; ') || 'none'}`,
  ];
}

function explainStepText(e: ExplainedStep): string[] {
  const lines = [`step ${e.index}  ${describeStep(e.step)}`];
  if (e.note) lines.push(`  [${e.note.rule}] ${e.note.text}`, ...formatCites(e.note.cites, '      '));
  if (e.table) {
    lines.push(formatExpectedTable(e.table, '  '));
    for (const f of e.findings ?? []) lines.push(`  finding [${f.rule}] ${f.message}`);
    for (const c of pinConflicts(e.step, e.table)) lines.push(`  warning: ${c}`);
    lines.push('');
  }
  if (e.callbacks) {
    for (const r of e.callbacks) {
      lines.push(`  ${r.registration} (slot ${r.slot} ${r.feature}, ${r.state})`);
      if (r.observeOnly) lines.push(`      observed only [${r.observeOnly.rule}] ${r.observeOnly.reason}`, ...formatCites(r.observeOnly.cites, '        '));
      for (const x of r.expectations) lines.push(`      ${x.aspect === 'last' ? 'last callback' : 'since the previous check'}: ${x.expected}  [${x.rule}]`, `        ${x.reason}`, ...formatCites(x.cites, '        '));
    }
    for (const c of callbackPinConflicts(e.step, e.callbacks)) lines.push(`  warning: ${c}`);
    lines.push('');
  }
  if (e.grants) {
    const entries = Object.entries(e.grants);
    if (entries.length === 0) {
      lines.push('  (the app requests none of the documented single-registration permissions)');
    } else {
      lines.push(textTable([['permission', 'expected', 'rule'], ...entries.map(([p, g]) => [p, g.granted ? 'granted' : 'denied', g.rule])], '  '), '');
      for (const [p, g] of entries) {
        lines.push(`  ${p} → ${g.granted ? 'granted' : 'denied'}  [${g.rule}]`, `      ${g.reason}`, ...formatCites(g.cites, '      '));
      }
    }
    lines.push('');
  }
  return lines;
}

function explainText(s: FullScenario, steps: readonly ExplainedStep[]): string {
  const head = [`${s.id}: ${s.title}`, `  file:   ${s.displayFile}`, ...(s.doc ? [`  doc:    ${s.doc}`] : []), ...describeWorld(s), ''];
  const body = steps.flatMap(explainStepText);
  if (!steps.some((e) => e.table || e.grants || e.callbacks)) body.push('(no check steps: nothing to expect)');
  const cited = citedSentences(steps);
  const legend = cited.length > 0 ? ['sentences cited:', formatSentences(cited)] : [];
  return [...head, ...body, ...legend].join('\n').trimEnd();
}

function citedSentences(steps: readonly ExplainedStep[]): DocId[] {
  const cited: DocId[] = [];
  for (const e of steps) {
    for (const row of Object.values(e.table ?? {})) for (const c of Object.values(row ?? {})) cited.push(...c.cites);
    for (const g of Object.values(e.grants ?? {})) cited.push(...g.cites);
    for (const r of e.callbacks ?? []) cited.push(...(r.observeOnly?.cites ?? []), ...r.expectations.flatMap((x) => x.cites));
    if (e.note) cited.push(...e.note.cites);
  }
  return [...new Set(cited)];
}

function explainJson(s: FullScenario, steps: readonly ExplainedStep[]): unknown {
  const checks = steps.filter((e) => e.table).map((e) => {
    const table = e.table ?? {};
    return { step: e.index, expected: toBindingTable(table), cells: table, findings: e.findings ?? [], pinConflicts: pinConflicts(e.step, table) };
  });
  const grants = steps.filter((e) => e.grants).map((e) =>
    ({ step: e.index, package: e.step.kind === 'checkGrants' ? e.step.package : null, grants: e.grants }));
  const sentences = Object.fromEntries(citedSentences(steps).sort().map((id) => [id, DOC[id]]));
  const notes = steps.filter((e) => e.note).map((e) => ({ step: e.index, ...e.note }));
  const stateCallbacks = steps.filter((e) => e.callbacks).map((e) => ({ step: e.index, registrations: e.callbacks, pinConflicts: callbackPinConflicts(e.step, e.callbacks ?? []) }));
  return { id: s.id, title: s.title, file: s.displayFile, checks, grants, stateCallbacks, notes, sentences };
}
