/**
 * Documentation entries grouped as a reader meets them — source (seed page), then section — with
 * the count of each status per group: the bars of the HTML report and the lines of
 * `ims-rig coverage` come from the same grouping.
 */
import { DOC_SOURCES } from '../../docs/sources';
import { type DocumentationEntry, type DocumentationStatus } from '../../results';

export const DOCUMENTATION_STATUSES: readonly DocumentationStatus[] = ['held', 'failed', 'waived', 'not-run', 'not-covered'];

export type StatusCounts = Readonly<Record<DocumentationStatus, number>> & { readonly total: number; readonly covered: number };

export interface CoverageSection {
  readonly section: string;
  readonly counts: StatusCounts;
  readonly entries: readonly DocumentationEntry[];
}

export interface CoverageSource {
  readonly title: string;
  readonly origin: string;
  readonly seed: boolean;
  readonly counts: StatusCounts;
  readonly sections: readonly CoverageSection[];
}

export function countStatuses(entries: readonly DocumentationEntry[]): StatusCounts {
  const counts: Record<DocumentationStatus, number> = { 'held': 0, 'failed': 0, 'waived': 0, 'not-run': 0, 'not-covered': 0 };
  for (const e of entries) counts[e.status] += 1;
  return { ...counts, total: entries.length, covered: entries.length - counts['not-covered'] };
}

/** Entries (already in reading order) by source and section, keeping that order. */
export function coverageSections(entries: readonly DocumentationEntry[]): CoverageSource[] {
  const titles = [...new Set(entries.map((e) => e.source))];
  return titles.map((title) => {
    const mine = entries.filter((e) => e.source === title);
    const known = DOC_SOURCES.find((s) => s.title === title);
    const sections = [...new Set(mine.map((e) => e.section))].map((section) => {
      const inSection = mine.filter((e) => e.section === section);
      return { section, counts: countStatuses(inSection), entries: inSection };
    });
    return { title, origin: known?.origin ?? '', seed: known?.seed ?? false, counts: countStatuses(mine), sections };
  });
}
