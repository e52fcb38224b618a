/**
 * The committed traceability data: every sentence has one source (seed page) and a reviewed way of
 * being checked; the list of sentences no check over adb can cover is the reviewed one; a `doc:`
 * quote resolves to a sentence exactly or not at all; every scenario of suites/ quotes one.
 */
import { CHECKABILITY, observationsOf, STEP_OBSERVES } from '../checkability';
import { DOC, type DocId } from '../documentation';
import { resolveQuote, sentenceByPublicId, sentencesOfCitation } from '../quote';
import { DOC_SOURCES, sentencesInReadingOrder, sourceOf } from '../sources';
import { loadScenarios } from '../../scenario/loader';
import { SUITES_DIR } from '../../paths';

const IDS = Object.keys(DOC) as DocId[];

describe('sources', () => {
  test('every sentence belongs to exactly one source, by its section', () => {
    const wrong = IDS.filter((id) => DOC_SOURCES.filter((s) => s.sections.includes(DOC[id].section)).length !== 1);
    expect(wrong).toEqual([]);
  });

  test('reading order lists every sentence once, source by source', () => {
    const order = sentencesInReadingOrder();
    expect([...order].sort()).toEqual([...IDS].sort());
    const sources = order.map((id) => sourceOf(DOC[id])?.id);
    expect(sources.indexOf('ims-single-registration')).toBeGreaterThan(sources.lastIndexOf('implement-ims'));
    expect(order[0]).toBe('playStoreUpdatable'); // "ImsService overview" opens the Implement IMS page
  });

  test('the two seed pages are marked as the seed documentation, the help text and CTS are not', () => {
    expect(DOC_SOURCES.filter((s) => s.seed).map((s) => s.title)).toEqual(['Implement IMS', 'IMS single registration']);
  });
});

describe('checkability (the reviewed list)', () => {
  test('the sentences no check over adb can cover, each with its reason', () => {
    const notCheckable = IDS.filter((id) => 'notCheckable' in CHECKABILITY[id]);
    expect(notCheckable).toEqual(['serviceAttributes']);
    for (const id of notCheckable) expect((CHECKABILITY[id] as { notCheckable: string }).notCheckable.length).toBeGreaterThan(40);
  });

  test('every checkable sentence names an observation kind that exists', () => {
    const kinds = new Set(['bindings', 'grants', 'state-callback', 'ui', 'process']);
    for (const id of IDS) {
      const c = CHECKABILITY[id];
      if ('observedBy' in c) for (const kind of c.observedBy) expect({ id, kind: kinds.has(kind) }).toEqual({ id, kind: true });
    }
  });

  test('steps map to what they observe', () => {
    expect(STEP_OBSERVES).toMatchObject({ check: 'bindings', checkGrants: 'grants', checkStateCallbacks: 'state-callback', ui: 'ui' });
    expect(observationsOf(['registerStateCallback', 'checkStateCallbacks', 'check'])).toEqual(['state-callback', 'bindings']);
    expect(observationsOf(['insertSim', 'check', 'checkGrants', 'check'])).toEqual(['bindings', 'grants']);
    expect(observationsOf(['crash', 'reboot'])).toEqual([]);
  });
});

describe('resolveQuote', () => {
  test('the sentence itself, whitespace aside', () => {
    expect(resolveQuote(`  ${DOC.twoPerSlot.text.replace(/ /g, '\n ')} `)).toBe('twoPerSlot');
  });

  test('a part of exactly one sentence (a table row without its footnote)', () => {
    expect(resolveQuote('SIM Card Inserted: Carrier A | RCS Feature: Carrier A | MMTel Feature: OEM')).toBe('docTableCarrierA');
  });

  test('a passage holding exactly one whole sentence', () => {
    expect(resolveQuote(`The ImsService API is an Android System API as well, meaning it can be built against the Android SDK directly instead of against the source. ${DOC.playStoreUpdatable.text}`))
      .toBe('playStoreUpdatable');
  });

  test('nothing for a part of several sentences, for text of no sentence, and for nothing', () => {
    expect(resolveQuote('ImsService')).toBeUndefined();
    expect(resolveQuote('The framework binds whatever it likes.')).toBeUndefined();
    expect(resolveQuote('   ')).toBeUndefined();
  });

  test('every scenario of suites/ quotes exactly one sentence', async () => {
    const scenarios = await loadScenarios([SUITES_DIR]);
    expect(scenarios.filter((s) => resolveQuote(s.doc ?? "") === undefined).map((s) => `${s.id}: ${s.doc}`)).toEqual([]);
  });
});

describe('citations', () => {
  test('public ids map back to sentences', () => {
    expect(sentenceByPublicId('two-per-slot')).toBe('twoPerSlot');
    expect(sentenceByPublicId('twoPerSlot')).toBeUndefined();
  });

  test('a citation text names its sentences, as the oracle writes it or as bare sentences', () => {
    const oracle = `priority-carrier: "${DOC.priorityCarrier.text}"\ntwo-per-slot: "${DOC.twoPerSlot.text}"`;
    expect(sentencesOfCitation(oracle)).toEqual(['priorityCarrier', 'twoPerSlot']);
    expect(sentencesOfCitation(DOC.emergencyCsfb.text)).toEqual(['emergencyCsfb']);
    expect(sentencesOfCitation('no such sentence\nunknown-id: "x"')).toEqual([]);
  });
});
