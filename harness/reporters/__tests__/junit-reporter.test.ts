import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { foldEvents, mergeRuns, type RunResult } from '../../results';
import { REFERENCE_DEVICE, runEvents } from '../../results/__tests__/fixtures/event-factory';
import { NOT_RUN_MESSAGE, renderJUnit } from '../junit-reporter';

interface JTestCase { name: string; classname: string; time: number; failure?: { message: string; type: string; inner?: string }[]; error?: { message: string; type: string }[]; skipped?: { message: string }[]; 'system-out'?: string[]; properties?: { name: string; value: string | number }[] }
interface JSuite { name: string; tests: number; failures: number; errors: number; skipped: number; hostname: string; properties: { name: string; value: string | number }[]; testcase: JTestCase[] }
interface JSuites { tests: number; failures: number; errors: number; skipped: number; testsuite: JSuite[] }

/**
 * Reads junit.xml with junit2json, an independent JUnit parser from npm, through its own CLI in
 * a separate Node process (the package is ESM-only; Jest here loads CommonJS).
 */
function readWithJunit2json(xmlText: string): JSuites {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ims-rig-junit-'));
  try {
    const file = path.join(dir, 'junit.xml');
    fs.writeFileSync(file, xmlText);
    const cli = path.join(path.dirname(require.resolve('junit2json/package.json')), 'dist', 'esm', 'cli.js');
    return JSON.parse(execFileSync(process.execPath, [cli, file], { encoding: 'utf8' })) as JSuites;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const cases = (suites: JSuites): JTestCase[] => suites.testsuite.flatMap((s) => s.testcase);
const byName = (suites: JSuites, name: string): JTestCase => {
  const c = cases(suites).find((x) => x.name === name);
  if (!c) throw new Error(`no testcase ${name}`);
  return c;
};

describe('renderJUnit read back by junit2json', () => {
  const run: RunResult = foldEvents(runEvents());
  const parsed = readWithJunit2json(renderJUnit(run));

  it('has one suite per area and the run\'s counts', () => {
    expect(parsed.testsuite.map((s) => s.name)).toEqual(['binding', 'priority', 'emergency', 'fallback', 'multi-sim', 'lifecycle', 'feature-update', 'single-registration']);
    expect({ tests: parsed.tests, failures: parsed.failures, errors: parsed.errors, skipped: parsed.skipped })
      .toEqual({ tests: run.summary.total, failures: run.summary.fail, errors: run.summary.error, skipped: run.summary.skip });
    const priority = parsed.testsuite.find((s) => s.name === 'priority');
    expect(priority).toMatchObject({ tests: 2, failures: 1, errors: 0, skipped: 0, hostname: 'emulator-5554' });
  });

  it('names each case after its scenario, classname ims-rig.<area>, time in seconds', () => {
    expect(byName(parsed, 'priority.doc-table.carrier-b')).toMatchObject({ classname: 'ims-rig.priority', time: 1.6 });
  });

  it('puts the first differing cell in the failure message and every diff in its body', () => {
    const failure = byName(parsed, 'priority.doc-table.carrier-b').failure?.[0];
    expect(failure).toMatchObject({ message: 'slot 0 MMTEL: expected com.carrier.b.ims, observed com.oem.ims', type: 'ConformanceFailure' });
    expect(failure?.inner).toContain('(rule priority-carrier)');
  });

  it('reports infrastructure errors as errors and skips with their reason', () => {
    expect(byName(parsed, 'lifecycle.crash-rebind').error?.[0]).toMatchObject({ type: 'InfrastructureError', message: expect.stringContaining('went offline') });
    expect(byName(parsed, 'multi-sim.two-sims').skipped?.[0]?.message).toBe('target lacks msim-control');
  });

  it('lets a waived scenario pass but never silently', () => {
    const waived = byName(parsed, 'emergency.follows-mmtel');
    expect(waived.failure).toBeUndefined();
    expect(waived['system-out']?.[0]).toMatch(/^WAIVED: slot 0 EMERGENCY_MMTEL: expected com\.carrier\.b\.ims, observed com\.oem\.ims .*aosp-emergency-follows-mmtel/);
    expect(waived.properties).toContainEqual({ name: 'waivers', value: 'aosp-emergency-follows-mmtel' });
  });

  it('shows the attempts of a retried scenario', () => {
    const flaky = byName(parsed, 'feature-update.rcs-to-mmtel');
    expect(flaky['system-out']?.[0]).toContain('attempt 1: error - TimeoutError');
    expect(flaky.properties).toContainEqual({ name: 'attempts', value: 2 });
  });

  it('names the documentation sentences each case rests on, so a dashboard can group by requirement', () => {
    const props = byName(parsed, 'priority.doc-table.carrier-b').properties ?? [];
    const documentation = props.filter((p) => p.name === 'documentation').map((p) => p.value);
    expect(documentation[0]).toBe('doc-table-carrier-b');
    expect(documentation).toEqual(expect.arrayContaining(['priority-carrier', 'emergency-needs-mmtel']));
    expect(props).toContainEqual({ name: 'documentation.doc', value: 'doc-table-carrier-b' });
  });

  it('carries the device in every suite\'s properties', () => {
    const props = Object.fromEntries(parsed.testsuite[0]!.properties.map((p) => [p.name, p.value]));
    expect(props).toMatchObject({ 'device.serial': 'emulator-5554', 'device.sdk': 35, 'device.buildType': 'userdebug', 'device.fingerprint': expect.stringContaining('sdk_gphone64') });
  });

  it('keeps an interrupted run visibly incomplete', () => {
    const cut = readWithJunit2json(renderJUnit(foldEvents(runEvents({ interruptAfter: 3 }))));
    const incomplete = byName(cut, 'emergency.follows-mmtel');
    expect(incomplete.error?.[0]).toMatchObject({ type: 'Incomplete', message: 'run ended before this scenario finished' });
    expect(cases(cut).filter((c) => c.skipped?.[0]?.message === NOT_RUN_MESSAGE)).toHaveLength(6);
    expect(cut.tests).toBe(10);
  });

  it('gives each device its own suites when runs were merged', () => {
    const merged = readWithJunit2json(renderJUnit(mergeRuns([run, foldEvents(runEvents({ runId: 'ref', target: REFERENCE_DEVICE }))])));
    expect(new Set(merged.testsuite.map((s) => s.hostname))).toEqual(new Set(['emulator-5554', REFERENCE_DEVICE.serial]));
    expect(merged.tests).toBe(2 * (run.summary.total ?? 0));
  });

  it('survives device strings that are not XML', () => {
    const hostile = foldEvents(runEvents({ deviceString: 'pkg\u0000<x>&"\u001b' }));
    const read = readWithJunit2json(renderJUnit(hostile));
    expect(byName(read, 'priority.doc-table.carrier-b').failure?.[0]?.message).toBe('slot 0 MMTEL: expected com.carrier.b.ims, observed pkg<x>&"');
  });
});
