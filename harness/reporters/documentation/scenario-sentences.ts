/**
 * The documentation sentences each scenario rests on, read back from the documentation entries so
 * that junit.xml and test_result.xml name exactly what the coverage section shows: the sentence its
 * `doc:` quotes and checks first, then the ones its checkpoints' cells cite, in reading order.
 */
import { type DocumentationEntry } from '../../results';

export interface ScenarioSentences {
  /** The sentence the scenario's `doc:` quotes and observes. */
  readonly doc?: string;
  /** Every sentence it rests on (doc first). */
  readonly all: readonly string[];
}

export function scenarioKey(id: string, target: string | undefined): string {
  return `${target ?? ''}\u0000${id}`;
}

export function sentencesByScenario(entries: readonly DocumentationEntry[]): ReadonlyMap<string, ScenarioSentences> {
  const out = new Map<string, { doc?: string; all: string[] }>();
  for (const e of entries) {
    for (const s of e.scenarios) {
      const key = scenarioKey(s.id, s.target);
      let mine = out.get(key);
      if (!mine) out.set(key, (mine = { all: [] }));
      if (s.via.includes('doc')) mine.doc = e.id;
      mine.all.push(e.id);
    }
  }
  for (const mine of out.values()) if (mine.doc !== undefined) mine.all = [mine.doc, ...mine.all.filter((id) => id !== mine.doc)];
  return out;
}
