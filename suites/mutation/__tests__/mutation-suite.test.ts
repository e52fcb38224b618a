/**
 * The mutation harness itself (suites/mutation/mutation-suite.ts, which `npm run mutation` runs for
 * every mutant): the suites load as Stryker's Mocha spec sees them, and one scenario judged in process
 * keeps its known verdict on plain AOSP and is judged a kill on a reference device with a known bug.
 * The Stryker run itself is too slow for `npm test`.
 */
import * as path from 'node:path';
import { SUITES_DIR } from '../../../harness/paths';
import { loadScenarios } from '../../../harness/scenario/loader';
import { ApkCache } from '../../../harness/targets/app-realiser';
import { expectedVerdicts, judgeOnReference, loadMutationSuite, type MutationSuite } from '../mutation-suite';

let suite: MutationSuite;
const apks = new ApkCache();

beforeAll(() => {
  suite = loadMutationSuite();
});

test('the Mocha spec sees the scenarios `ims-rig run` loads, each once', async () => {
  const run = await loadScenarios([SUITES_DIR]);
  expect(suite.scenarios.map((s) => s.id).sort()).toEqual(run.map((s) => s.id).sort());
  expect(new Set(suite.scenarios.map((s) => s.id)).size).toBe(suite.scenarios.length);
});

test('expected verdicts come from suites/verdicts.yaml; an unlisted scenario must pass or be waived', () => {
  expect(expectedVerdicts(suite, 'binding.device-metadata-versus-query')).toEqual(['waived']);
  expect(expectedVerdicts(suite, 'no.such-scenario')).toEqual(['pass', 'waived']);
});

function scenario(id: string): MutationSuite['scenarios'][number] {
  const found = suite.scenarios.find((s) => s.id === id);
  if (found === undefined) throw new Error(`${id} not in ${path.relative(process.cwd(), SUITES_DIR)}`);
  return found;
}

test('plain AOSP: a waived scenario keeps its verdict, so the code under test survives it', async () => {
  const j = await judgeOnReference(suite, scenario('binding.device-metadata-versus-query'), { apks });
  expect(j).toMatchObject({ ok: true, status: 'waived' });
});

test('a reference device with a known bug: the scenario that catches it kills it, and says why', async () => {
  const j = await judgeOnReference(suite, scenario('priority.doc-table.carrier-a'), { apks, deviation: 'no-per-feature-fallback' });
  expect(j).toMatchObject({ ok: false, status: 'fail', expected: ['pass'] });
  expect(j.message).toMatch(/^priority\.doc-table\.carrier-a: expected pass, got fail: /);
});
