/**
 * The conformance suites as Stryker's test suite (`npm run mutation`): one Mocha test per scenario,
 * run by the scenario engine on an in-process reference device (no TCP), judged by the verdict the
 * scenario has on plain AOSP (mutation-suite.ts). A mutant of virtual-device/telephony/ims/ that
 * changes any scenario's verdict is a framework bug the suites catch; one that changes none is a bug
 * they would let through (suites/mutation/survivors.md). Not part of `npm test` (jest.config.js does
 * not match *.mutation.ts; __tests__/mutation-suite.test.ts checks this harness itself).
 *
 * Why Mocha and a fresh device per scenario: Stryker's mocha runner loads this file and the module
 * graph once per worker and switches mutants at run time (the jest runner re-evaluated the whole
 * graph for every mutant: ~3.4 mutants/min against ~30 here). A device started inside each test
 * (≈10 ms in process) puts its boot — the ImsResolver's start-up — in that test's per-test coverage
 * instead of Stryker's "static" coverage, which would re-load the worker and run every scenario for
 * each such mutant; and a mutant that leaves a device broken cannot leak into the next scenario.
 *
 * By hand: `npx mocha -r ts-node/register/transpile-only suites/mutation/scenarios.mutation.ts`.
 */
import { strict as assert } from 'node:assert';
import { ApkCache } from '../../harness/targets/app-realiser';
import { judgeOnReference, loadMutationSuite } from './mutation-suite';

/** Well above a scenario's own run (tens of ms in process); Stryker's own timeout is the tighter one. */
const TEST_TIMEOUT_MS = 120_000;

/**
 * Mocha's global `it`, typed here rather than through @types/mocha: its global declarations would
 * replace Jest's (`test.each`, …) in the one tsconfig that type-checks both.
 */
type MochaIt = (title: string, fn: (this: { timeout(ms: number): void }) => Promise<void>) => void;
const it = (globalThis as unknown as { it: MochaIt }).it;

const suite = loadMutationSuite();
const apks = new ApkCache();

for (const scenario of suite.scenarios) {
  it(scenario.id, async function () {
    this.timeout(TEST_TIMEOUT_MS);
    const judgement = await judgeOnReference(suite, scenario, { apks });
    // The reason rides along when the verdict is not the expected one (the report shows why the mutant died).
    assert.ok(judgement.ok, judgement.message);
  });
}
