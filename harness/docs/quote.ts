/**
 * From the text a scenario's `doc:` quotes (or a cell's citation) to the sentence of
 * ./documentation.ts it is, exactly: the same sentence (whitespace aside), a part of exactly one
 * sentence (a table row quoted without its footnote), or a passage holding exactly one whole
 * sentence (a sentence quoted with the one after it). Anything else resolves to nothing — never to
 * the "closest" sentence: a quote that resolves to nothing is reported as such.
 */
import { DOC, type DocId } from './documentation';

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const NORMALISED: readonly (readonly [DocId, string])[] = (Object.keys(DOC) as DocId[]).map((id) => [id, normalise(DOC[id].text)]);
const BY_PUBLIC_ID: ReadonlyMap<string, DocId> = new Map((Object.keys(DOC) as DocId[]).map((id) => [DOC[id].id, id]));

/** The sentence a quote is (see the module comment), or undefined when it is none or several. */
export function resolveQuote(quote: string): DocId | undefined {
  const q = normalise(quote);
  if (q === '') return undefined;
  const same = NORMALISED.filter(([, text]) => text === q);
  if (same.length === 1) return same[0]![0];
  const within = NORMALISED.filter(([, text]) => text.includes(q));
  if (within.length === 1) return within[0]![0];
  if (within.length > 1) return undefined;
  const holding = NORMALISED.filter(([, text]) => q.includes(text));
  return holding.length === 1 ? holding[0]![0] : undefined;
}

/** The sentence whose public id (`two-per-slot`) this is. */
export function sentenceByPublicId(id: string): DocId | undefined {
  return BY_PUBLIC_ID.get(id);
}

/**
 * The sentences a citation text names, as the oracle writes it (`id: "sentence"` per line,
 * harness/oracle/render.ts citationText) or as a bare sentence per line; lines naming no sentence
 * exactly are ignored. Used for results written before cells carried their sentence ids.
 */
export function sentencesOfCitation(citation: string): DocId[] {
  const out: DocId[] = [];
  for (const line of citation.split('\n')) {
    const m = /^([a-z0-9-]+): "(.*)"$/.exec(line.trim());
    const id = m ? sentenceByPublicId(m[1]!) : NORMALISED.find(([, text]) => text === normalise(line))?.[0];
    if (id !== undefined && !out.includes(id)) out.push(id);
  }
  return out;
}
