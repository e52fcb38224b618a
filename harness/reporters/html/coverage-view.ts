/**
 * The "Documentation coverage" section of index.html, from results.json's `documentation`: per
 * source (seed page) and section a bar of held / failed / waived / not run / not covered
 * sentences, then the sentence table — status, id, text, what rests on it or why nothing does.
 * Held scenarios are listed up to a few (the full lists are in results.json); failed, waived and
 * unrun ones always in full, with a link to the scenario.
 */
import { type DocumentationEntry, type DocumentationStatus } from '../../results';
import { coverageSections, countStatuses, type StatusCounts } from '../documentation/coverage-sections';
import { type Picture, stackedBar } from './svg-views';

const SHOWN_HELD = 6;

const WORDS: Readonly<Record<DocumentationStatus, string>> = {
  'held': 'held', 'failed': 'failed', 'waived': 'waived', 'not-run': 'not run', 'not-covered': 'not covered',
};

export interface SentenceView {
  readonly anchor: string;
  readonly id: string;
  readonly status: DocumentationStatus;
  readonly word: string;
  readonly text: string;
  readonly observedBy?: string;
  readonly reason?: string;
  readonly notCheckable: boolean;
  readonly links: readonly { readonly anchor?: string; readonly id: string; readonly verdict: string; readonly via: string }[];
  readonly more?: string;
  readonly checkpoints: string;
}

export interface CoverageView {
  readonly headline: string;
  readonly bar: Picture;
  readonly legend: readonly { readonly c: string; readonly word: string; readonly n: number }[];
  readonly sources: readonly {
    readonly title: string;
    readonly origin: string;
    readonly note?: string;
    readonly bar: Picture;
    readonly summary: string;
    readonly sections: readonly { readonly section: string; readonly bar: Picture; readonly summary: string; readonly sentences: readonly SentenceView[] }[];
  }[];
}

function bar(counts: StatusCounts, width: number): Picture {
  return stackedBar(
    (['held', 'failed', 'waived', 'not-run', 'not-covered'] as const).map((s) => ({ n: counts[s], c: `d-${s}`, t: `${counts[s]} ${WORDS[s]}` })),
    width,
  );
}

function summary(counts: StatusCounts): string {
  return `${counts.covered}/${counts.total} covered${counts.failed > 0 ? `, ${counts.failed} failed` : ''}`;
}

export function coverageView(entries: readonly DocumentationEntry[], anchorOf: (id: string, target: string | undefined) => string | undefined): CoverageView {
  const all = countStatuses(entries);
  const multi = new Set(entries.flatMap((e) => e.scenarios.map((s) => s.target))).size > 1;
  const pct = all.total === 0 ? 0 : Math.round((all.covered / all.total) * 1000) / 10;
  return {
    headline: `${all.covered} of ${all.total} sentences (${pct}%) rest on a scenario of this run: ${all.held} held, ${all.failed} failed, ${all.waived} waived, ${all['not-run']} not run; ${all['not-covered']} not covered`,
    bar: bar(all, 480),
    legend: (['held', 'failed', 'waived', 'not-run', 'not-covered'] as const).map((s) => ({ c: `d-${s}`, word: WORDS[s], n: all[s] })),
    sources: coverageSections(entries).map((source) => ({
      title: source.title,
      origin: source.origin,
      ...(source.seed ? {} : { note: 'not the seed documentation: a statement the rig also rests on' }),
      bar: bar(source.counts, 300),
      summary: summary(source.counts),
      sections: source.sections.map((section) => ({
        section: section.section,
        bar: bar(section.counts, 160),
        summary: summary(section.counts),
        sentences: section.entries.map((e) => sentenceView(e, anchorOf, multi)),
      })),
    })),
  };
}

function sentenceView(e: DocumentationEntry, anchorOf: (id: string, target: string | undefined) => string | undefined, multi: boolean): SentenceView {
  const important = e.scenarios.filter((s) => s.verdict !== 'held');
  const held = e.scenarios.filter((s) => s.verdict === 'held');
  const shown = [...important, ...held.slice(0, SHOWN_HELD)];
  const hidden = held.length - Math.min(held.length, SHOWN_HELD);
  const anchorOfLink = (s: (typeof e.scenarios)[number]): string | undefined => anchorOf(s.id, s.target);
  return {
    anchor: `doc-${e.id}`,
    id: e.id,
    status: e.status,
    word: e.notCheckable !== undefined ? 'not checkable' : WORDS[e.status],
    text: e.text,
    ...(e.observedBy === undefined ? {} : { observedBy: e.observedBy.join(' or ') }),
    ...(e.reason === undefined ? {} : { reason: e.reason }),
    notCheckable: e.notCheckable !== undefined,
    links: shown.map((s) => {
      const anchor = anchorOfLink(s);
      return { ...(anchor === undefined ? {} : { anchor }), id: multi && s.target !== undefined ? `${s.id} [${s.target}]` : s.id, verdict: WORDS[s.verdict], via: s.via.join('+') };
    }),
    ...(hidden > 0 ? { more: `and ${hidden} more held` } : {}),
    checkpoints: e.checkpoints.length === 0 ? '' : `${e.checkpoints.length} checkpoint${e.checkpoints.length === 1 ? '' : 's'}`,
  };
}
