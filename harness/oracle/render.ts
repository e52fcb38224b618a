/**
 * Views of the documented model's expectations: the harness/model binding table, the reason table
 * the result model stores (citation = the sentence text), and plain-text rendering for `explain`.
 */
import { DOC, type DocId } from '../docs/documentation';
import {
  type BindingTable, type ImsFeature, type SlotBindings, type SlotKey, type Step, IMS_FEATURES, formatAnswers,
} from '../model';
import { type ExpectedCell, type ExpectedTable } from './types';

/** Same shape as harness/results CellReason (the oracle may not import harness/results). */
export interface OracleCellReason {
  readonly rule: string;
  readonly reason: string;
  readonly citation: string;
  /** Public ids of the cited sentences (`two-per-slot`), so reports trace cells to the documentation. */
  readonly cites: readonly string[];
}
export type OracleReasonTable = Readonly<Partial<Record<SlotKey, Readonly<Partial<Record<ImsFeature, OracleCellReason>>>>>>;

function slotsOfTable(t: ExpectedTable): SlotKey[] {
  return (Object.keys(t) as SlotKey[]).sort();
}

export function toBindingTable(t: ExpectedTable): BindingTable {
  const out: Partial<Record<SlotKey, SlotBindings>> = {};
  for (const slot of slotsOfTable(t)) {
    const row = t[slot];
    if (row) out[slot] = { EMERGENCY_MMTEL: row.EMERGENCY_MMTEL.package, MMTEL: row.MMTEL.package, RCS: row.RCS.package };
  }
  return out;
}

/** Public ids of the cited sentences (`two-per-slot`). */
export function citedIds(cites: readonly DocId[]): string[] {
  return cites.map((id) => DOC[id].id);
}

/** The cited sentences as one text: `id: "sentence"` per line. */
export function citationText(cites: readonly DocId[]): string {
  return cites.map((id) => `${DOC[id].id}: "${DOC[id].text}"`).join('\n');
}

export function toReasonTable(t: ExpectedTable): OracleReasonTable {
  const out: Partial<Record<SlotKey, Partial<Record<ImsFeature, OracleCellReason>>>> = {};
  for (const slot of slotsOfTable(t)) {
    const row = t[slot];
    if (!row) continue;
    const reasons: Partial<Record<ImsFeature, OracleCellReason>> = {};
    for (const f of IMS_FEATURES) {
      const cell: ExpectedCell = row[f];
      reasons[f] = { rule: cell.rule, reason: cell.reason, citation: citationText(cell.cites), cites: citedIds(cell.cites) };
    }
    out[slot] = reasons;
  }
  return out;
}

/** One line describing a step, as a scenario file would say it. */
export function describeStep(step: Step): string {
  switch (step.kind) {
    case 'check': return 'check';
    case 'checkGrants': return `checkGrants ${step.package}`;
    case 'ui': return `ui ${step.flow} on ${step.package}${Object.keys(step.args).length > 0 ? ` ${JSON.stringify(step.args)}` : ''}`;
    case 'insertSim': return `insertSim slot ${step.slot}: ${step.carrier.name}`;
    case 'removeSim': return `removeSim slot ${step.slot}`;
    case 'setCarrierConfig': return `setCarrierConfig slot ${step.slot}: ${JSON.stringify(step.values)}`;
    case 'install': return `install ${step.package}`;
    case 'uninstall': return `uninstall ${step.package}`;
    case 'updateApp': {
      const parts = [
        step.metadata !== undefined ? `metadata [${step.metadata.join(', ')}]` : '',
        step.answers !== undefined ? `answers ${formatAnswers(step.answers) || '(none)'}` : '',
      ].filter((p) => p !== '');
      return `updateApp ${step.package}${parts.length > 0 ? ': ' + parts.join(', ') : ''}`;
    }
    case 'setFeatures': return `setFeatures ${step.package}: ${formatAnswers(step.features) || '(none)'}`;
    case 'setSlotCount': return `setSlotCount ${step.slots}`;
    case 'override': return `override slot ${step.slot} ${step.scope} [${step.features.join(', ')}] → ${step.package === '' ? '""' : step.package}`;
    case 'clearOverride': return `clearOverride slot ${step.slot}`;
    case 'crash': return `crash ${step.package}`;
    case 'setBehaviour': return `setBehaviour ${step.package}: ${step.behaviour}`;
    case 'restartPhone': return 'restartPhone';
    case 'reboot': return 'reboot';
    case 'setRole': return `setRole ${step.role} → ${step.package ?? 'nobody'}`;
    case 'registerStateCallback': return `registerStateCallback ${step.id}: slot ${step.slot} ${step.feature}`;
    case 'unregisterStateCallback': return `unregisterStateCallback ${step.id}`;
    case 'reregisterStateCallback': return `reregisterStateCallback ${step.id}`;
    case 'checkStateCallbacks': return 'checkStateCallbacks';
  }
}

/** A small fixed-width text table (no dependency): header row, then rows, columns padded. */
export function textTable(rows: readonly (readonly string[])[], indent = ''): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => { widths[i] = Math.max(widths[i] ?? 0, cell.length); });
  return rows.map((row) => indent + row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  ')).join('\n');
}

/** Under a cell or grant: the rule's first sentence in full, the others by id (see `formatSentences`). */
export function formatCites(cites: readonly DocId[], indent: string): string[] {
  const [first, ...rest] = cites;
  const lines: string[] = [];
  if (first !== undefined) lines.push(`${indent}cites ${DOC[first].id}: "${DOC[first].text}"`);
  if (rest.length > 0) lines.push(`${indent}also  ${rest.map((id) => DOC[id].id).join(', ')}`);
  return lines;
}

/** Every cited sentence once: `id (section): "text"`. */
export function formatSentences(cites: Iterable<DocId>, indent = '  '): string {
  return [...new Set(cites)].sort((a, b) => DOC[a].id.localeCompare(DOC[b].id))
    .map((id) => `${indent}${DOC[id].id} (${DOC[id].section}): "${DOC[id].text}"`).join('\n');
}

/** The expected table as text: slot × feature, then per cell its rule, reason and cited sentences. */
export function formatExpectedTable(t: ExpectedTable, indent = '  '): string {
  const rows: string[][] = [['slot', ...IMS_FEATURES]];
  for (const slot of slotsOfTable(t)) {
    const row = t[slot];
    if (row) rows.push([slot, ...IMS_FEATURES.map((f) => row[f].package ?? '-')]);
  }
  const lines = [textTable(rows, indent), ''];
  for (const slot of slotsOfTable(t)) {
    const row = t[slot];
    if (!row) continue;
    for (const f of IMS_FEATURES) {
      const cell = row[f];
      lines.push(`${indent}slot ${slot} ${f} → ${cell.package ?? '-'}  [${cell.rule}]`);
      lines.push(`${indent}    ${cell.reason}`);
      lines.push(...formatCites(cell.cites, `${indent}    `));
    }
  }
  return lines.join('\n');
}
