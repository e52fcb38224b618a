/**
 * The documentation coverage as plain text: `ims-rig coverage` prints it for a plan (every link
 * "not-run": nothing ran, the question is only what is covered), the HTML report draws the same
 * groups as bars. Per source and section a bar of covered sentences, then one line per sentence:
 * its status, its id, and what rests on it — or why nothing does.
 */
import { type DocumentationEntry } from '../../results';
import { coverageSections, countStatuses, type StatusCounts } from './coverage-sections';

const BAR_WIDTH = 20;

function bar(counts: StatusCounts): string {
  const filled = counts.total === 0 ? 0 : Math.round((counts.covered / counts.total) * BAR_WIDTH);
  return `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${counts.covered}/${counts.total}`;
}

function percent(counts: StatusCounts): string {
  return counts.total === 0 ? '-' : `${Math.round((counts.covered / counts.total) * 1000) / 10}%`;
}

/** What rests on one sentence, in a few words (the full lists are in --json). */
function links(e: DocumentationEntry): string {
  if (e.status === 'not-covered') return e.reason ?? 'not covered';
  const byDoc = e.scenarios.filter((s) => s.via.includes('doc')).map((s) => s.id);
  const parts = [`${e.scenarios.length} scenario${e.scenarios.length === 1 ? '' : 's'}`, `${e.checkpoints.length} checkpoint${e.checkpoints.length === 1 ? '' : 's'}`];
  if (byDoc.length > 0) parts.push(`quoted by ${byDoc.slice(0, 3).join(', ')}${byDoc.length > 3 ? ` and ${byDoc.length - 3} more` : ''}`);
  return parts.join('; ');
}

/**
 * `plan`: nothing ran, so the word is "covered" rather than a verdict. Otherwise each sentence
 * shows its status (held, FAILED, waived, not-run, NOT COVERED).
 */
export function formatCoverageText(entries: readonly DocumentationEntry[], options: { readonly scenarios: number; readonly plan: boolean }): string {
  const all = countStatuses(entries);
  const word = (e: DocumentationEntry): string =>
    e.status === 'not-covered' ? (e.notCheckable !== undefined ? 'NOT CHECKABLE' : 'NOT COVERED') : options.plan ? 'covered' : e.status === 'failed' ? 'FAILED' : e.status;
  const lines = [`Documentation coverage: ${all.covered} of ${all.total} sentences (${percent(all)}) rest on ${options.scenarios} scenario${options.scenarios === 1 ? '' : 's'}`];
  for (const source of coverageSections(entries)) {
    lines.push('', `${source.title}${source.seed ? '' : ' (not the seed documentation)'} ${bar(source.counts)}${source.origin ? `  — ${source.origin}` : ''}`);
    const width = Math.max(...source.sections.map((x) => x.section.length));
    for (const section of source.sections) {
      lines.push(`  ${section.section.padEnd(width)} ${bar(section.counts)}`);
      for (const e of section.entries) lines.push(`    ${word(e).padEnd(13)} ${e.id.padEnd(26)} ${links(e)}`);
    }
  }
  const uncovered = entries.filter((e) => e.status === 'not-covered');
  if (uncovered.length > 0) lines.push('', `Not covered (${uncovered.length}): ${uncovered.map((e) => e.id).join(', ')}`);
  return `${lines.join('\n')}\n`;
}
