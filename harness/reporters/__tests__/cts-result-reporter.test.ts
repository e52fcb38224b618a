import { parseStringPromise } from 'xml2js';
import { foldEvents, mergeRuns } from '../../results';
import { REFERENCE_DEVICE, runEvents } from '../../results/__tests__/fixtures/event-factory';
import { ctsDisplayTime, renderCtsResult } from '../cts-result-reporter';

type Attrs = Record<string, string>;
interface XTest { $: Attrs; Failure?: { $: Attrs; StackTrace: string[] }[]; Metric?: { $: Attrs; _: string }[] }
interface XModule { $: Attrs; Reason?: { $: Attrs }[]; TestCase?: { $: Attrs; Test: XTest[] }[] }
interface XResult { $: Attrs; Build: { $: Attrs }[]; Summary: { $: Attrs }[]; Module: XModule[] }

async function parse(text: string): Promise<XResult> {
  return ((await parseStringPromise(text)) as { Result: XResult }).Result;
}

const tests = (r: XResult): XTest[] => r.Module.flatMap((m) => (m.TestCase ?? []).flatMap((tc) => tc.Test));
const test = (r: XResult, name: string): XTest => {
  const t = tests(r).find((x) => x.$.name === name);
  if (!t) throw new Error(`no Test ${name}`);
  return t;
};

describe('renderCtsResult (test_result.xml, cts-and-reports.md §2.1)', () => {
  const run = foldEvents(runEvents());
  const text = renderCtsResult(run);

  it('starts like tradefed\'s file: declaration, then the xml-stylesheet instruction', () => {
    expect(text.split('\n').slice(0, 2)).toEqual([
      "<?xml version='1.0' encoding='UTF-8' standalone='no' ?>",
      '<?xml-stylesheet type="text/xsl" href="compatibility_result.xsl"?>',
    ]);
  });

  it('has the Result attributes CertificationResultXml writes', async () => {
    const r = await parse(text);
    for (const name of ['start', 'end', 'start_display', 'end_display', 'command_line_args', 'suite_name', 'suite_version', 'suite_plan', 'suite_build_number', 'report_version', 'devices', 'host_name', 'os_name', 'os_version', 'os_arch']) {
      expect(r.$).toHaveProperty(name);
    }
    expect(r.$).toMatchObject({ suite_name: 'IMS-RIG', suite_plan: 'ims-rig', report_version: '5.0', devices: 'emulator-5554', start: String(Date.parse('2025-03-01T10:00:00.000Z')) });
    expect(r.$.start_display).toBe('Sat Mar 01 10:00:00 UTC 2025');
    expect(Number(r.$.end)).toBeGreaterThan(Number(r.$.start));
  });

  it('has the Build attributes the certification XSL reads', async () => {
    const build = (await parse(text)).Build[0]!.$;
    expect(build).toMatchObject({ build_fingerprint: expect.stringContaining('sdk_gphone64'), build_version_sdk: '35', build_version_release: '15', build_type: 'userdebug', build_abis: 'x86_64' });
  });

  it('has a Summary whose numbers are the counts of its Tests and Modules', async () => {
    const r = await parse(text);
    const summary = r.Summary[0]!.$;
    expect(summary).toEqual({
      pass: String(tests(r).filter((t) => t.$.result === 'pass').length),
      failed: String(tests(r).filter((t) => t.$.result === 'fail').length),
      modules_done: String(r.Module.filter((m) => m.$.done === 'true').length),
      modules_total: String(r.Module.length),
    });
    // pass + waived pass; fail + error fail.
    expect(summary).toMatchObject({ pass: '5', failed: '4', modules_done: '8', modules_total: '8' });
  });

  it('has one Module per area, sorted by name, with the CTS attributes', async () => {
    const r = await parse(text);
    const names = r.Module.map((m) => m.$.name);
    expect(names).toEqual([...names].sort());
    expect(names).toContain('ImsRigFeatureUpdate');
    const priority = r.Module.find((m) => m.$.name === 'ImsRigPriority')!;
    expect(priority.$).toEqual({ name: 'ImsRigPriority', abi: 'x86_64', runtime: '3200', done: 'true', pass: '1', total_tests: '2' });
    expect(priority.TestCase?.map((tc) => tc.$.name)).toEqual(['ims-rig.priority']);
  });

  it('maps statuses: fail with Failure/StackTrace, skip as ASSUMPTION_FAILURE, errors as fail', async () => {
    const r = await parse(text);
    const fail = test(r, 'priority.doc-table.carrier-b');
    expect(fail.$.result).toBe('fail');
    expect(fail.Failure?.[0]?.$.message).toBe('slot 0 MMTEL: expected com.carrier.b.ims, observed com.oem.ims');
    expect(fail.Failure?.[0]?.StackTrace[0]).toContain('rule priority-carrier');
    const skip = test(r, 'multi-sim.two-sims');
    expect(skip.$.result).toBe('ASSUMPTION_FAILURE');
    expect(skip.Failure?.[0]?.$.message).toBe('target lacks msim-control');
    const error = test(r, 'lifecycle.crash-rebind');
    expect(error.$.result).toBe('fail');
    expect(error.Failure?.[0]?.$.error_name).toBe('INFRASTRUCTURE_ERROR');
  });

  it('names the documentation sentences each Test rests on in Metrics', async () => {
    const failing = test(await parse(text), 'priority.doc-table.carrier-b');
    const ids = failing.Metric?.find((m) => m.$.key === 'documentation')?._.split(',') ?? [];
    expect(ids[0]).toBe('doc-table-carrier-b');
    expect(ids).toEqual(expect.arrayContaining(['priority-carrier', 'emergency-needs-mmtel']));
    expect(failing.Metric?.find((m) => m.$.key === 'documentation.doc')?._).toBe('doc-table-carrier-b');
  });

  it('marks a waived pass with a waived Metric, so it never reads as a plain pass', async () => {
    const waived = test(await parse(text), 'emergency.follows-mmtel');
    expect(waived.$.result).toBe('pass');
    expect(waived.Metric?.find((m) => m.$.key === 'waived')?._).toContain('slot 0 EMERGENCY_MMTEL: expected com.carrier.b.ims, observed com.oem.ims');
    expect(waived.Metric?.find((m) => m.$.key === 'waivers')?._).toBe('aosp-emergency-follows-mmtel');
  });

  it('marks the modules an interrupted run left unfinished, with the CTS Reason', async () => {
    const r = await parse(renderCtsResult(foldEvents(runEvents({ interruptAfter: 3 }))));
    const emergency = r.Module.find((m) => m.$.name === 'ImsRigEmergency')!;
    expect(emergency.$.done).toBe('false');
    expect(emergency.Reason?.[0]?.$.message).toMatch(/^Run was incomplete\. Some tests might not have finished\./);
    expect(test(r, 'emergency.follows-mmtel').Failure?.[0]?.$.error_name).toBe('INCOMPLETE');
    // Tests that never ran are omitted, as tradefed omits them; their modules are not done.
    expect(tests(r)).toHaveLength(4);
    expect(Number(r.Summary[0]!.$.modules_done)).toBeLessThan(Number(r.Summary[0]!.$.modules_total));
  });

  it('lists every device of a merged run', async () => {
    const merged = mergeRuns([run, foldEvents(runEvents({ runId: 'ref', target: REFERENCE_DEVICE }))]);
    const r = await parse(renderCtsResult(merged));
    expect(r.$.devices).toBe(`emulator-5554,${REFERENCE_DEVICE.serial}`);
    expect(tests(r).map((t) => t.$.name)).toContain(`priority.doc-table.carrier-b[${REFERENCE_DEVICE.serial}]`);
  });

  it('formats times as tradefed does (EEE MMM dd HH:mm:ss zzz yyyy)', () => {
    expect(ctsDisplayTime(Date.parse('2023-11-14T22:13:20Z'))).toBe('Tue Nov 14 22:13:20 UTC 2023');
  });
});
