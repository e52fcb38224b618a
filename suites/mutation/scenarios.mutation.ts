/**
 * The conformance suites as Stryker's test suite (`npm run mutation`): one Jest test per scenario,
 * run by the scenario engine on an in-process reference device (no TCP), judged by the verdict the
 * scenario has on plain AOSP (suites/verdicts.yaml; unlisted scenarios must pass or be waived). A
 * mutant of virtual-device/telephony/ims/ that changes any scenario's verdict — a failing cell, an
 * error, a timeout — is a framework bug the suites catch; one that changes none is a bug they would
 * let through. Not part of `npm test` (jest.config.js does not match *.mutation.ts).
 *
 * One device per Jest run (Stryker starts one per mutant): each scenario restores it, as on a real
 * target, and the restore is checked.
 */
import * as fs from 'node:fs';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ServiceDevice } from '../../harness/adb';
import { startInProcessReferenceDevice } from '../../harness/in-process/start-in-process';
import { SUITES_DIR } from '../../harness/paths';
import { runScenario } from '../../harness/scenario/engine';
import { type FullScenario } from '../../harness/model';
import { parseScenario } from '../../harness/scenario/loader';
import { findWaiver, parseWaivers, toWaiverRef, waiversForScenario, type Waiver } from '../../harness/scenario/waivers';
import { ApkCache } from '../../harness/targets/app-realiser';
import { probeTarget } from '../../harness/targets/probe';
import { createSession, type TargetSession } from '../../harness/targets/target-session';
import { type InProcessTargetHandle } from '../../harness/targets/in-process-target';

const TIME_SCALE = 0.02;
const VERDICTS = parseYaml(fs.readFileSync(path.join(SUITES_DIR, 'verdicts.yaml'), 'utf8')) as Record<string, string>;

// Jest defines tests synchronously: the scenario list is read before the first test runs.
const { scenarios, waivers } = loadSync();

let handle: InProcessTargetHandle;
let session: TargetSession;
const apks = new ApkCache();

beforeAll(async () => {
  handle = await startInProcessReferenceDevice({ timeScale: TIME_SCALE });
  const device = new ServiceDevice(handle.endpoint);
  const probe = await probeTarget(device, { via: 'in-process' });
  session = createSession(device, probe.info, probe.capabilities);
  session.rooted = probe.facts.root === 'root';
}, 60_000);

afterAll(async () => {
  await handle?.stop();
});

/**
 * Under a mutant, one changed verdict kills it: the scenarios after the first that failed in this
 * run are not run again (Jest's bail counts test files, and this is one). Without a mutant (Stryker's
 * dry run, or `npx jest -c jest.mutation.config.js`) nothing fails, so every scenario runs.
 */
let killed: string | undefined;

for (const scenario of scenarios) {
  test(scenario.id, async () => {
    if (killed !== undefined && process.env.__STRYKER_ACTIVE_MUTANT__ !== undefined) return;
    const all = waiversForScenario(waivers, scenario);
    const outcome = await runScenario(scenario, {
      session, apks, emit: () => undefined,
      waivers: (diff) => {
        const w = findWaiver(all, scenario.id, diff);
        return w === undefined ? undefined : toWaiverRef(w);
      },
    });
    const expected = VERDICTS[scenario.id] ?? 'pass|waived';
    if (!expected.split('|').includes(outcome.status)) killed = scenario.id;
    // The reason rides along when the verdict is not the expected one (the report shows why the mutant died).
    const shown = expected.split('|').includes(outcome.status) ? outcome.status : `${outcome.status}: ${outcome.reason ?? ''}`;
    expect(shown).toMatch(new RegExp(`^(${expected})$`));
  }, 60_000);
}

/** The suites as `ims-rig run` loads them (the parsers are synchronous; Jest defines tests synchronously). */
function loadSync(): { scenarios: FullScenario[]; waivers: Waiver[] } {
  const files = (fs.readdirSync(SUITES_DIR, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.yaml') && !['waivers.yaml', 'verdicts.yaml'].includes(path.basename(f)))
    .map((f) => path.join(SUITES_DIR, f)).sort();
  const waiversFile = path.join(SUITES_DIR, 'waivers.yaml');
  return {
    scenarios: files.map((f) => parseScenario(fs.readFileSync(f, 'utf8'), f)),
    waivers: parseWaivers(fs.readFileSync(waiversFile, 'utf8'), 'suites/waivers.yaml'),
  };
}
