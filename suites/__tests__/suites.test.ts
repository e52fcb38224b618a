/**
 * The conformance suites as data: every scenario file under suites/ loads, ids are unique and say
 * their area, every area has scenarios, every `doc:` quotes the documentation (harness/docs), every
 * pin agrees with the documented model, and every waiver in suites/waivers.yaml is reachable - it
 * names scenarios of the suite that list it, and the documented model's expectation for them holds a
 * cell that the waiver's expected-side criteria (rules, cells, expected) match. Whether the reference
 * device's *observed* side then uses each waiver is checked by suites.e2e.test.ts, which runs the
 * suite against it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DOC } from '../../harness/docs/documentation';
import { AREAS, IMS_FEATURES, cellsEqual, type FullScenario, type SlotKey } from '../../harness/model';
import { callbackPinConflicts, expectationsFor, explainScenario, pinConflicts, RULES } from '../../harness/oracle';
import { loadScenarios } from '../../harness/scenario/loader';
import { loadWaivers, waiversForScenario, type Waiver } from '../../harness/scenario/waivers';
import { SUITES_DIR } from '../../harness/paths';

const WAIVERS_FILE = path.join(SUITES_DIR, 'waivers.yaml');

let scenarios: FullScenario[];
let waivers: Waiver[];

beforeAll(async () => {
  scenarios = await loadScenarios([SUITES_DIR]);
  waivers = await loadWaivers(WAIVERS_FILE);
});

/** Whitespace-insensitive, and quotes written either way ("…" / '…' in YAML). */
function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const SENTENCES = Object.values(DOC).map((s) => normalise(s.text));

/** A scenario's doc quotes the documentation when it is a sentence of it, part of one, or contains one. */
function quotesDocumentation(doc: string): boolean {
  const d = normalise(doc);
  return SENTENCES.some((s) => s.includes(d) || d.includes(s));
}

describe('the suites load', () => {
  test('there are at least 40 scenarios and every file is one', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(40);
  });

  test('each scenario sits in suites/<area>/ and its id starts with its area', () => {
    const misplaced = scenarios.filter((s) => path.basename(path.dirname(s.file)) !== s.area || !s.id.startsWith(`${s.area}.`));
    expect(misplaced.map((s) => `${s.displayFile} (${s.id}, area ${s.area})`)).toEqual([]);
  });

  test('every area has scenarios', () => {
    const empty = AREAS.filter((area) => !scenarios.some((s) => s.area === area));
    expect(empty).toEqual([]);
  });

  test('ids are unique (the loader refuses duplicates; checked again here on the list)', () => {
    const ids = scenarios.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('prebuilt APKs that scenarios name exist', () => {
    const missing = scenarios.flatMap((s) => s.world.apps.filter((a) => a.apk !== undefined && !fs.existsSync(a.apk)).map((a) => `${s.id}: ${a.apk ?? ''}`));
    expect(missing).toEqual([]);
  });
});

describe('every scenario checks a documented statement', () => {
  test('doc: quotes a sentence (or table row) of the documentation in harness/docs', () => {
    const unquoted = scenarios.filter((s) => s.doc === undefined || !quotesDocumentation(s.doc)).map((s) => `${s.id}: ${s.doc ?? '(no doc)'}`);
    expect(unquoted).toEqual([]);
  });

  test('every pinned cell agrees with the documented model', () => {
    const conflicts = scenarios.flatMap((s) => explainScenario(s).flatMap((e) => (e.table ? pinConflicts(e.step, e.table).map((c) => `${s.id} step ${e.index}: ${c}`) : [])));
    expect(conflicts).toEqual([]);
  });

  test('every state-callback check pins every registration so far, and the pins agree with the documented model', () => {
    const problems = scenarios.flatMap((s) => explainScenario(s).flatMap((e) => {
      if (e.step.kind !== 'checkStateCallbacks' || e.callbacks === undefined) return [];
      const ids = [...new Set(e.callbacks.map((r) => r.id))];
      const pins = e.step.expect ?? {};
      const missing = ids.filter((id) => pins[id] === undefined).map((id) => `${s.id} step ${e.index}: ${id} is not pinned`);
      return [...missing, ...callbackPinConflicts(e.step, e.callbacks).map((c) => `${s.id} step ${e.index}: ${c}`)];
    }));
    expect(problems).toEqual([]);
  });

  test('every binding check pins at least one cell, so the file says what it expects', () => {
    const unpinned = scenarios.flatMap((s) => s.steps.flatMap((step, i) => (step.kind === 'check' && step.bindings === undefined ? [`${s.id} step ${i}`] : [])));
    // The three documented-table scenarios predate pins and state their row in doc: instead.
    expect(unpinned.filter((u) => !u.startsWith('priority.doc-table.'))).toEqual([]);
  });
});

/** The cells of a scenario's expected tables, with the rule that decided each. */
function expectedCells(s: FullScenario): { slot: SlotKey; feature: (typeof IMS_FEATURES)[number]; expected: string | null; rule: string }[] {
  return explainScenario(s).flatMap((e) => Object.entries(e.table ?? {}).flatMap(([slot, row]) =>
    IMS_FEATURES.map((feature) => ({ slot: slot as SlotKey, feature, expected: row[feature].package, rule: row[feature].rule }))));
}

describe('waivers', () => {
  test('every scenario names only waivers that exist (the runner refuses the plan otherwise)', () => {
    for (const s of scenarios) expect(() => waiversForScenario(waivers, s)).not.toThrow();
  });

  test('every waiver states its scenarios, rules and expected or observed value (never a blanket waiver)', () => {
    for (const w of waivers) {
      expect({ id: w.id, scenarios: w.match.scenarios?.length ?? 0 }).toEqual({ id: w.id, scenarios: expect.any(Number) as number });
      expect(w.match.scenarios?.length ?? 0).toBeGreaterThan(0);
      expect(w.match.rules?.length ?? 0).toBeGreaterThan(0);
      // UI-step waivers name the checked values (uiKeys) instead of cells; state-callback ones the callback's values.
      expect(w.match.expected !== undefined || w.match.observed !== undefined || w.match.uiKeys !== undefined || w.match.callback?.expected !== undefined || w.match.callback?.observed !== undefined).toBe(true);
      for (const rule of w.match.rules ?? []) expect(Object.keys(RULES)).toContain(rule);
    }
  });

  test('every waiver names scenarios of the suite by exact id', () => {
    const ids = new Set(scenarios.map((s) => s.id));
    for (const w of waivers) {
      const unknown = (w.match.scenarios ?? []).filter((id) => !ids.has(id));
      expect({ waiver: w.id, unknown }).toEqual({ waiver: w.id, unknown: [] });
    }
  });

  test('scenarios do not list waivers themselves, so the suite runs (and fails) without the waiver file', () => {
    // A scenario's `waivers:` naming an id the waiver file lacks is bad input (exit 2); the waivers
    // name their scenarios instead, and a run without suites/waivers.yaml shows every deviation as a failure.
    expect(scenarios.filter((s) => s.waivers.length > 0).map((s) => s.id)).toEqual([]);
  });

  test("every waiver can match: its scenarios' expected tables hold a cell its rules, cells and expected value match", () => {
    for (const w of waivers.filter((x) => x.match.callback === undefined)) {
      const named = scenarios.filter((s) => waiversForScenario(waivers, s).some((x) => x.id === w.id));
      if (w.match.uiKeys !== undefined) {
        // A UI waiver: a ui step of its scenarios expects one of its keys under one of its rules.
        const uiReachable = named.some((s) => [...expectationsFor(s).surfaces.values()].some((surfaces) => Object.entries(surfaces).some(([surface, e]) =>
          (w.match.uiKeys?.includes(`${surface}.access`) === true && w.match.rules?.includes(e.accessRule) === true)
          || (w.match.uiKeys?.includes(`${surface}.supported`) === true && w.match.rules?.includes(e.supportedRule) === true))));
        expect({ waiver: w.id, reachable: uiReachable }).toEqual({ waiver: w.id, reachable: true });
        continue;
      }
      const reachable = named.some((s) => expectedCells(s).some((c) =>
        (w.match.rules === undefined || w.match.rules.includes(c.rule))
        && (w.match.cells === undefined || w.match.cells.some((m) => (m.slot === undefined || m.slot === c.slot) && (m.feature === undefined || m.feature === c.feature)))
        && (w.match.expected === undefined || cellsEqual(w.match.expected, c.expected))
        && (w.match.observed === undefined || !cellsEqual(w.match.observed, c.expected))));
      expect({ waiver: w.id, reachable }).toEqual({ waiver: w.id, reachable: true });
    }
  });

  test("every state-callback waiver can match: its scenarios' expected callbacks hold an expectation its rules, feature, aspect and expected value match", () => {
    for (const w of waivers.filter((x) => x.match.callback !== undefined)) {
      const c = w.match.callback ?? {};
      const named = scenarios.filter((s) => waiversForScenario(waivers, s).some((x) => x.id === w.id));
      const reachable = named.some((s) => explainScenario(s).some((e) => (e.callbacks ?? []).some((row) =>
        (c.feature === undefined || c.feature === row.feature) && row.expectations.some((x) =>
          (w.match.rules === undefined || w.match.rules.includes(x.rule)) && (c.aspect === undefined || c.aspect === x.aspect)
          && (c.expected === undefined || c.expected === x.expected) && (c.observed === undefined || c.observed !== x.expected)))));
      expect({ waiver: w.id, reachable }).toEqual({ waiver: w.id, reachable: true });
    }
  });
});
