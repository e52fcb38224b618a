/**
 * The conformance suites against the reference device, through the built CLI (`ims-rig run`), as
 * a CI step runs them:
 *   - the whole suite on plain AOSP passes: every scenario passes or is waived, the only skips are
 *     for capabilities the reference device lacks (Appium), and every waiver is used;
 *   - without the waiver file the waived scenarios fail (the waivers are what keeps the run green,
 *     and they are precise enough to be needed);
 *   - each vendor-bug profile of the reference device (`--deviation`) makes the scenarios listed
 *     for it in DEVIATION_COVERAGE fail (suites/README.md has the measured table);
 *   - the reference device as a stock API 35 emulator (`--profile emulator`: no ims-rig-device, one
 *     SIM, only stock means) runs the suite the way a real emulator would: the skips are exactly
 *     EMULATOR_SKIPS, nothing fails, and every deviation profile but NOT_CAUGHT_ON_EMULATOR is
 *     caught by the scenarios of its list that run there.
 * The plain-AOSP run goes through a private real adb server (Debian adb, its own port) when adb is
 * installed, so every resolver rule the suite exercises is driven over the real adb protocol and
 * judged from what `dumpsys phone` prints; the deviation runs use the device's built-in adb-server
 * door (adb hidden from PATH). The default server on 5037 is never involved.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type RunResult, type ScenarioResult } from '../../harness/results';
import { adbAvailableSync, type PrivateAdbServer, startPrivateAdbServer } from '../../harness/testing';
import { loadWaivers } from '../../harness/scenario/waivers';
import { expectedVerdicts, verdictChanges } from '../../harness/testing/expected-verdicts';

jest.setTimeout(900_000);

const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'ims-rig.js');
const SUITES = path.join(ROOT, 'suites');

/**
 * Deviation profile → scenarios that must fail against it (a subset of what fails, measured: see
 * suites/README.md "Deviation coverage"). Each list targets the decision point the profile breaks.
 */
const DEVIATION_COVERAGE: Readonly<Record<string, readonly string[]>> = {
  'carrier-without-feature': ['fallback.carrier-lacks-feature', 'feature-update.feature-added', 'multi-sim.answers-per-slot'],
  'no-per-feature-fallback': ['priority.doc-table.carrier-a', 'fallback.carrier-lacks-feature', 'priority.separate-mmtel-and-rcs-defaults'],
  'bind-permission-not-enforced': ['security.rogue-configured-by-carrier', 'security.unprotected-device-default', 'manifest.missing-bind-permission'],
  'emergency-without-mmtel': ['emergency.emergency-without-mmtel-metadata', 'emergency.emergency-without-mmtel-query', 'manifest.emergency-without-mmtel'],
  'no-unbind-on-empty-features': ['feature-update.no-features-until-reboot', 'feature-update.no-features-until-new-sim', 'fallback.carrier-config-cleared'],
  'bound-after-uninstall': ['lifecycle.null-binding-after-crash'],
  'nothing-without-sim': ['priority.doc-table.no-sim', 'emergency.device-default-without-emergency', 'multi-sim.sim-in-slot-1-only'],
  'carrier-config-change-ignored': ['fallback.carrier-config-cleared', 'fallback.carrier-config-switched', 'priority.sim-swap'],
  'legacy-key-ignored': ['fallback.legacy-key', 'fallback.legacy-key-with-split-key', 'compat.legacy-carrier-metadata'],
  'compat-not-supported': ['compat.legacy-device-default', 'compat.legacy-carrier-metadata', 'manifest.compat-action'],
  // Caught by a UI scenario: TestRcsApp's delegate screen through Appium (needs adb, see UI_DEVIATIONS).
  'singlereg-without-sip-delegates': ['single-registration.ui-sip-delegate'],
  'state-callback-no-error-on-crash': ['state-callback.telephony-crash'],
  'state-callback-wrong-reason-unconfigured': ['state-callback.no-ims-service-configured', 'state-callback.rcs-where-only-mmtel-served', 'state-callback.two-slots'],
  'state-callback-updates-after-error': ['state-callback.telephony-crash'],
};

/**
 * Profiles only UI scenarios catch: they run through a private real adb server, because the
 * UiAutomator2 driver reaches devices only through platform-tools' adb (without adb they are
 * skipped, and so is this check, with that reason).
 */
const UI_DEVIATIONS = new Set(['singlereg-without-sip-delegates']);

/**
 * What the reference device as a stock API 35 emulator (`--profile emulator`) cannot run, and why:
 * a single-SIM image cannot hold a two-slot world (nor show a state callback of its second slot),
 * and the rig's app cannot be a compat ImsService that gets bound (hidden API).
 */
const EMULATOR_SKIPS: Readonly<Record<string, string>> = {
  'compat.legacy-carrier-metadata': 'compat-ims-service',
  'compat.legacy-device-default': 'compat-ims-service',
  'manifest.compat-action': 'compat-ims-service',
  'multi-sim.answers-per-slot': 'msim-control',
  'multi-sim.override-one-slot': 'msim-control',
  'multi-sim.sim-in-slot-1-only': 'msim-control',
  'multi-sim.slot-count-change': 'msim-control',
  'multi-sim.two-carriers': 'msim-control',
  'state-callback.two-slots': 'msim-control',
  // The UI scenarios (issue 10): these runs hide adb, so there is no Appium; with adb they would be
  // skipped as test-app-stand-ins (a stock emulator has neither AOSP test app).
  'registration.ui-mmtel-capabilities': 'appium',
  'registration.ui-register-deregister': 'appium',
  'registration.ui-register-lte': 'appium',
  'registration.ui-screens-crash-without-permission': 'appium',
  'single-registration.ui-gba': 'appium',
  'single-registration.ui-ims-test-service-as-rcs': 'appium',
  'single-registration.ui-provisioning': 'appium',
  'single-registration.ui-sip-delegate': 'appium',
  'single-registration.ui-uce': 'appium',
  'single-registration.ui-without-sms-role': 'appium',
};
/**
 * Deviation profiles the emulator profile cannot catch, with why. compat-not-supported hides compat
 * ImsServices from discovery; the only compat scenario a stock target runs (a compat app with no
 * feature meta-data, compat.legacy-without-metadata) has nothing bound either way.
 * singlereg-without-sip-delegates shows only on TestRcsApp's SIP delegate screen: its one scenario
 * needs an Appium server (these runs hide adb, so none is started) and a TestRcsApp, which a stock
 * emulator lacks (test-app-stand-ins: the rig's manifest-only stand-in is the default profile's).
 */
const NOT_CAUGHT_ON_EMULATOR: Readonly<Record<string, string>> = {
  'compat-not-supported': 'every scenario that tells it apart binds a compat ImsService (compat-ims-service)',
  'singlereg-without-sip-delegates': 'its scenario drives TestRcsApp\'s screens (appium; test-app-stand-ins: a stock emulator has no TestRcsApp)',
};

/**
 * Waivers that need not each be used in one run, with why: a crash-looping service is seen either
 * between rebinds (nothing bound) or in the moment it is bound again; a check sees one of the two.
 */
const ONE_OF = [['aosp-crash-looping-service-keeps-features', 'aosp-crash-looping-service-keeps-features-while-up']];
/**
 * Waivers whose AOSP behaviour is itself a race, so a run may not need them: at phone start the
 * first CARRIER_CONFIG_CHANGED can come before the SIM's carrier config is loaded, and then the
 * device default is bound before the carrier query starts failing (the scenario passes).
 */
const RACY: Readonly<Record<string, string>> = {
  'aosp-failing-carrier-query-blocks-binding': 'lifecycle.query-error-at-phone-start',
};

interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A PATH without any directory that holds an adb binary: the rig then uses the device's door. */
function envWithoutAdb(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  env.PATH = (process.env.PATH ?? '').split(path.delimiter).filter((d) => d !== '' && !fs.existsSync(path.join(d, 'adb'))).join(path.delimiter);
  for (const key of ['ANDROID_SERIAL', 'ADB', 'ANDROID_HOME', 'ANDROID_SDK_ROOT', 'ANDROID_ADB_SERVER_PORT']) delete env[key];
  return env;
}

/** The environment that makes the rig use a private real adb server on `port`. */
function envWithAdbServer(port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ANDROID_ADB_SERVER_PORT: String(port) };
  delete env.ANDROID_SERIAL;
  return env;
}

function run(args: readonly string[], env: NodeJS.ProcessEnv = envWithoutAdb()): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'run', '--target', 'virtual', '--no-progress', ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'ims-rig-suites-e2e-'));
}

function results(dir: string): RunResult {
  return JSON.parse(fs.readFileSync(path.join(dir, 'results.json'), 'utf8')) as RunResult;
}

/** The waiver ids a scenario's diffs were waived by. */
function waiversUsed(s: ScenarioResult): string[] {
  return s.checkpoints.flatMap((c) => [
    ...c.diffs.flatMap((d) => (d.waiver ? [d.waiver.id] : [])),
    ...(c.grants?.diffs ?? []).flatMap((d) => (d.waiver ? [d.waiver.id] : [])),
    ...(c.ui?.diffs ?? []).flatMap((d) => (d.waiver ? [d.waiver.id] : [])),
    ...(c.stateCallbacks?.diffs ?? []).flatMap((d) => (d.waiver ? [d.waiver.id] : [])),
  ]);
}

/** Scenario files by id (the CLI takes files). */
async function scenarioFiles(): Promise<Map<string, string>> {
  const { loadScenarios } = await import('../../harness/scenario/loader');
  return new Map((await loadScenarios([SUITES])).map((s) => [s.id, s.file]));
}

test('suites/verdicts.yaml: the racy scenarios, and only they, may have either verdict', () => {
  const expected = expectedVerdicts();
  expect(Object.keys(expected).filter((id) => expected[id]?.includes('|')).sort()).toEqual(Object.values(RACY).sort());
});

const VIA = adbAvailableSync() ? 'through a private real adb server' : 'through the built-in door (no adb installed)';

describe(`the suites against the reference device (plain AOSP, ${VIA})`, () => {
  let full: RunResult;
  let fullRun: CliResult;
  let server: PrivateAdbServer | undefined;

  beforeAll(async () => {
    const out = tempDir();
    if (adbAvailableSync()) server = await startPrivateAdbServer();
    fullRun = await run(['--out', out], server === undefined ? envWithoutAdb() : envWithAdbServer(server.port));
    full = results(out);
  });

  afterAll(async () => {
    await server?.stop();
  });

  test('the run went the intended way', () => {
    expect(full.target.via).toBe(server === undefined ? 'built-in-server' : 'adb-server');
  });

  test('every scenario listed in suites/verdicts.yaml keeps its verdict', () => {
    expect(verdictChanges(full)).toEqual([]);
  });

  test('exit 0: every scenario passes or is waived', () => {
    const bad = full.scenarios.filter((s) => !['pass', 'waived', 'skip'].includes(s.status)).map((s) => `${s.id}: ${s.status} ${s.reason ?? ''}`);
    expect(bad).toEqual([]);
    expect(fullRun.code).toBe(0);
  });

  test('nothing is skipped with adb (the rig starts Appium); without adb only what needs Appium, with the reason; no state-callback scenario is skipped', () => {
    const skipped = full.scenarios.filter((s) => s.status === 'skip');
    expect(skipped.filter((s) => s.area === 'state-callback').map((s) => s.id)).toEqual([]);
    expect(full.scenarios.filter((s) => s.area === 'state-callback').length).toBeGreaterThanOrEqual(10);
    if (server !== undefined) {
      expect(skipped.map((s) => s.id)).toEqual([]);
      expect(full.target.missingCapabilities ?? []).not.toContain('appium');
      return;
    }
    // Without adb the rig starts no Appium server (the driver reaches devices only through adb):
    // the run says it found no adb, the target lacks appium, and what needs it is skipped with that.
    expect(fullRun.stderr).toContain('no adb found');
    expect(full.target.missingCapabilities ?? []).toContain('appium');
    for (const s of skipped) expect(s.reason ?? '').toMatch(/^target lacks appium: /);
    expect(skipped.map((s) => s.id)).toEqual(full.scenarios.filter((s) => (s.requires ?? []).includes('appium')).map((s) => s.id));
  });

  test('the UI scenarios ran through Appium: one session per scenario, screenshots that are PNGs', () => {
    if (server === undefined) return; // without adb they are skipped (above)
    const ui = full.scenarios.filter((s) => (s.steps ?? []).some((st) => st.kind === 'ui'));
    expect(ui.length).toBeGreaterThanOrEqual(8);
    for (const s of ui) {
      const steps = (s.steps ?? []).filter((st) => st.kind === 'ui');
      const sessions = new Set(steps.map((st) => st.ui?.session?.sessionId));
      expect(sessions.size).toBe(1);
      expect([...sessions][0]).toMatch(/^[0-9a-f-]{36}$/);
      for (const st of steps) {
        expect(st.ui?.session?.serverVersion).toMatch(/^\d+\.\d+\.\d+$/);
        expect(st.ui?.screenshots.length).toBeGreaterThan(0);
        for (const shot of st.ui?.screenshots ?? []) expect(Buffer.from(shot.png, 'base64').subarray(1, 4).toString('latin1')).toBe('PNG');
      }
    }
    expect(ui.filter((s) => s.status === 'pass').length).toBeGreaterThanOrEqual(8);
  });

  test('every waiver in suites/waivers.yaml is used by a scenario', async () => {
    const all = (await loadWaivers(path.join(SUITES, 'waivers.yaml'))).map((w) => w.id);
    const used = new Set(full.scenarios.flatMap(waiversUsed));
    const grouped = new Set(ONE_OF.flat());
    expect(all.filter((id) => !grouped.has(id) && !used.has(id) && RACY[id] === undefined)).toEqual([]);
    for (const [id, scenario] of Object.entries(RACY)) {
      const status = full.scenarios.find((s) => s.id === scenario)?.status;
      expect({ id, status: used.has(id) ? 'waived' : status }).toEqual({ id, status: expect.stringMatching(/^(waived|pass)$/) as string });
    }
    for (const group of ONE_OF) expect({ group, used: group.some((id) => used.has(id)) }).toEqual({ group, used: true });
  });

  test('without the waiver file the waived scenarios fail (exit 1)', async () => {
    const waived = full.scenarios.filter((s) => s.status === 'waived');
    expect(waived.length).toBeGreaterThan(0);
    const files = await scenarioFiles();
    const empty = path.join(tempDir(), 'no-waivers.yaml');
    fs.writeFileSync(empty, '[]\n');
    const out = tempDir();
    // Through the same private adb server as the full run: the UI scenarios need adb for Appium.
    const bare = await run(['--waivers', empty, '--out', out, ...waived.flatMap((s) => ['--scenario', files.get(s.id) ?? s.file])], server === undefined ? envWithoutAdb() : envWithAdbServer(server.port));
    expect(bare.code).toBe(1);
    const racy = new Set(Object.values(RACY));
    const statuses = Object.fromEntries(results(out).scenarios.map((s) => [s.id, racy.has(s.id) && s.status === 'pass' ? 'fail' : s.status]));
    expect(statuses).toEqual(Object.fromEntries(waived.map((s) => [s.id, 'fail'])));
  });
});

describe('the suites against the reference device as a stock API 35 emulator (--profile emulator)', () => {
  let full: RunResult;
  let fullRun: CliResult;

  beforeAll(async () => {
    const out = tempDir();
    fullRun = await run(['--profile', 'emulator', '--out', out]);
    full = results(out);
  });

  test('exit 0: every scenario that runs passes or is waived', () => {
    const bad = full.scenarios.filter((s) => !['pass', 'waived', 'skip'].includes(s.status)).map((s) => `${s.id}: ${s.status} ${s.reason ?? ''}`);
    expect(bad).toEqual([]);
    expect(fullRun.code).toBe(0);
    expect(full.target).toMatchObject({ kind: 'emulator', referenceProfile: 'emulator' });
  });

  test('the only skips are what a stock single-SIM emulator truly lacks, each naming the capability', () => {
    const skipped = Object.fromEntries(full.scenarios.filter((s) => s.status === 'skip').map((s) => [s.id, /^target lacks ([a-z-]+): /.exec(s.reason ?? '')?.[1] ?? s.reason]));
    expect(skipped).toEqual(EMULATOR_SKIPS);
    // At least 85 % of the scenarios that do not drive an app's screens run: the UI scenarios are left
    // out of the ratio, since a stock emulator has no Appium server here (these runs hide adb) and
    // neither AOSP test app (test-app-stand-ins).
    const adbOnly = full.scenarios.filter((s) => !(s.requires ?? []).includes('appium'));
    expect(adbOnly.filter((s) => s.status !== 'skip').length).toBeGreaterThanOrEqual(Math.ceil(adbOnly.length * 0.85));
  });

  test('the target\'s own clock is recorded: targetSeconds and the reboots the run cost', () => {
    expect(full.summary.targetSeconds).toBeGreaterThan(0);
    expect(full.summary.targetSeconds).toBeLessThanOrEqual(1200);
    expect(full.summary.targetReboots).toBeGreaterThanOrEqual(1);
  });

  const coverage = Object.entries(DEVIATION_COVERAGE)
    .filter(([deviation]) => NOT_CAUGHT_ON_EMULATOR[deviation] === undefined)
    .map(([deviation, ids]) => [deviation, ids.filter((id) => EMULATOR_SKIPS[id] === undefined)] as const);

  test.each(coverage)('--profile emulator --deviation %s: its scenarios that run there fail (exit 1)', async (deviation, ids) => {
    expect(ids.length).toBeGreaterThan(0);
    const files = await scenarioFiles();
    const out = tempDir();
    const result = await run(['--profile', 'emulator', '--deviation', deviation, '--out', out, ...ids.flatMap((id) => ['--scenario', files.get(id) ?? id])]);
    expect(result.code).toBe(1);
    const statuses = Object.fromEntries(results(out).scenarios.map((s) => [s.id, s.status]));
    expect(statuses).toEqual(Object.fromEntries(ids.map((id) => [id, 'fail'])));
  });

  test('--profile emulator --deviation: the three-way diff runs the emulator profile\'s AOSP beside it; every failing cell vendor-specific, every waived cell as AOSP', async () => {
    const files = await scenarioFiles();
    const racy = new Set(Object.values(RACY));
    const waived = full.scenarios.find((s) => s.status === 'waived' && !racy.has(s.id));
    expect(waived).toBeDefined();
    const ids = [...(DEVIATION_COVERAGE['no-per-feature-fallback'] ?? []), waived?.id ?? ''];
    const out = tempDir();
    const result = await run(['--profile', 'emulator', '--deviation', 'no-per-feature-fallback', '--out', out, ...ids.flatMap((id) => ['--scenario', files.get(id) ?? id])]);
    expect(result.code).toBe(1);
    const labelled = results(out);
    expect(labelled.target).toMatchObject({ kind: 'emulator', referenceProfile: 'emulator' });
    expect(Object.fromEntries(labelled.scenarios.map((s) => [s.id, [s.status, s.reference?.device]]))).toEqual(Object.fromEntries(ids.map((id) => [
      id, [id === waived?.id ? 'waived' : 'fail', 'in-process AOSP reference device (emulator profile)'],
    ])));
    const cells = labelled.scenarios.flatMap((s) => s.checkpoints.flatMap((c) => [...c.diffs, ...(c.grants?.diffs ?? [])]));
    const failing = cells.filter((d) => d.waiver === undefined);
    const waivedCells = cells.filter((d) => d.waiver !== undefined);
    expect(failing.length).toBeGreaterThan(0);
    expect(waivedCells.length).toBeGreaterThan(0);
    expect(failing.map((d) => d.origin)).toEqual(failing.map(() => 'vendor-specific'));
    expect(waivedCells.map((d) => d.origin)).toEqual(waivedCells.map(() => 'as-aosp'));
  });

  test('what the emulator profile cannot catch is only what needs a bound compat ImsService or an app\'s screens', () => {
    for (const [deviation, why] of Object.entries(NOT_CAUGHT_ON_EMULATOR)) {
      const listed = DEVIATION_COVERAGE[deviation] ?? [];
      expect({ deviation, runnable: listed.filter((id) => EMULATOR_SKIPS[id] === undefined) }).toEqual({ deviation, runnable: [] });
      // The why names the capability its scenarios are skipped for on the emulator.
      const lacking = new Set(listed.map((id) => EMULATOR_SKIPS[id]));
      expect([...lacking].every((capability) => capability !== undefined && why.includes(capability))).toBe(true);
      expect(why).toMatch(/compat-ims-service|appium/);
    }
  });
});

describe('the suites in process (--transport in-process: the reference device inside the rig, no TCP)', () => {
  let inProcess: RunResult;
  let inProcessRun: CliResult;

  beforeAll(async () => {
    const out = tempDir();
    inProcessRun = await run(['--transport', 'in-process', '--out', out]);
    inProcess = results(out);
  });

  test('exit 0, reached in process, and every listed scenario keeps its verdict', () => {
    expect(inProcessRun.code).toBe(0);
    expect(inProcess.target.via).toBe('in-process');
    expect(verdictChanges(inProcess)).toEqual([]);
  });

  test('--transport in-process refuses a real target as bad input (exit 2)', async () => {
    // run() passes --target virtual first; the later --target wins, as on any command line.
    const refused = await run(['--transport', 'in-process', '--target', 'emulator-5554', '--scenario', path.join(SUITES, 'priority', 'doc-table-carrier-a.yaml')]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--transport in-process runs the reference device inside the rig/);
  });
});

describe('every deviation profile is caught', () => {
  const caught = async (deviation: string, ids: readonly string[]): Promise<void> => {
    const files = await scenarioFiles();
    const out = tempDir();
    const server = UI_DEVIATIONS.has(deviation) ? await startPrivateAdbServer() : undefined;
    let result: CliResult;
    try {
      result = await run(['--deviation', deviation, '--out', out, ...ids.flatMap((id) => ['--scenario', files.get(id) ?? id])], server === undefined ? envWithoutAdb() : envWithAdbServer(server.port));
    } finally {
      await server?.stop();
    }
    expect(result.code).toBe(1);
    const statuses = Object.fromEntries(results(out).scenarios.map((s) => [s.id, s.status]));
    expect(statuses).toEqual(Object.fromEntries(ids.map((id) => [id, 'fail'])));
  };
  const entries = Object.entries(DEVIATION_COVERAGE);
  test.each(entries.filter(([d]) => !UI_DEVIATIONS.has(d)))('--deviation %s: its scenarios fail (exit 1)', caught);
  // UI scenarios need adb (the UiAutomator2 driver's only way to a device): skipped without it.
  (adbAvailableSync() ? test.each : test.skip.each)(entries.filter(([d]) => UI_DEVIATIONS.has(d)))('--deviation %s: its UI scenarios fail (exit 1)', caught);

  test('the profiles are exactly the reference device\'s', async () => {
    const listed = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, 'virtual-device', '--list-deviations'], { cwd: ROOT, env: envWithoutAdb(), stdio: ['ignore', 'pipe', 'pipe'] });
      const out: Buffer[] = [];
      child.stdout.on('data', (d: Buffer) => out.push(d));
      child.on('error', reject);
      child.on('close', () => resolve(Buffer.concat(out).toString('utf8')));
    });
    const names = listed.split('\n').map((l) => l.split(/\s+/)[0]).filter((n): n is string => n !== undefined && n !== '');
    expect([...names].sort()).toEqual(Object.keys(DEVIATION_COVERAGE).sort());
  });
});
