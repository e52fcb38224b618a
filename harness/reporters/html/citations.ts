/**
 * How index.html marks and cites a judged value, shared by every view of a checkpoint (the binding
 * and grant cells, ./checkpoint-view.ts; the state-callback panel, ./callbacks-view.ts): a class
 * *and* a word per verdict (not colour alone), whose a difference is, and each distinct citation
 * numbered once.
 */
import { type CellReason, type DiffOrigin } from '../../results';

export const MARKERS = { match: '✓ match', diff: '✗ DIFFERS', waived: '⚠ WAIVED' } as const;

/** Three-way diff: whose a difference is, in the page's words. */
export const ORIGIN_WORDS: Readonly<Record<DiffOrigin, string>> = { 'as-aosp': 'as AOSP', 'vendor-specific': 'vendor-specific' };

export interface CitationNote {
  readonly n: number;
  readonly text?: string;
  readonly ids?: readonly string[];
}

/**
 * Numbers each distinct citation once; by sentence ids when `byId` and the reason has them (a
 * passing checkpoint names its sentences, linking to the Documentation coverage section where the
 * text is), else by the quoted text.
 */
export class Citations {
  private readonly numbers = new Map<string, CitationNote>();
  constructor(private readonly byId: boolean) {}
  number(reason: Pick<CellReason, 'citation' | 'cites'>): number {
    const ids = this.byId ? reason.cites : undefined;
    const key = ids ? `ids:${ids.join(',')}` : reason.citation;
    let entry = this.numbers.get(key);
    if (entry === undefined) this.numbers.set(key, (entry = { n: this.numbers.size + 1, ...(ids ? { ids } : { text: reason.citation }) }));
    return entry.n;
  }
  list(): CitationNote[] {
    return [...this.numbers.values()];
  }
}
