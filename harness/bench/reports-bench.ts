/**
 * Report generation for a large run: 1,000 scenarios (mostly passes, some failures with diffs and
 * waived cells, skips, errors; one or two checkpoints each with a full ImsResolver dumpsys block
 * and logcat lines as evidence; the snapshot, provisioning and restore steps and the plan's
 * documentation traces a real run records). Measures reading + folding events.jsonl and writing
 * every report format (wall time, and the CPU time of this process: on a shared machine the wall
 * time is mostly other processes'), and the size of index.html. Goals (issues 5, 13): < 2 s, < 5 MB.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeReports } from '../reporters';
import { type BindingCell, IMS_FEATURES, type ImsFeature } from '../model';
import { type Checkpoint, type Diff, EventWriter, foldEvents, readEvents, type ReasonTable } from '../results';

const SCENARIOS = 1000;

export interface BenchResult { readonly name: string; readonly value: number; readonly unit: string; readonly goal?: string }

export async function run(): Promise<BenchResult[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ims-rig-reports-bench-'));
  try {
    const eventsFile = path.join(dir, 'events.jsonl');
    const writeStart = performance.now();
    const eventCount = writeLargeRun(eventsFile);
    const writeMs = performance.now() - writeStart;

    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const result = foldEvents(await readEvents(eventsFile), eventsFile);
    const foldedAt = performance.now();
    const paths = await writeReports(result, path.join(dir, 'report'));
    const end = performance.now();
    const cpu = process.cpuUsage(cpuStart);

    const size = (file: string): number => fs.statSync(file).size / (1024 * 1024);
    return [
      { name: `events.jsonl write, ${eventCount} events (per event)`, value: round((writeMs * 1000) / eventCount), unit: 'µs' },
      { name: `events.jsonl size, ${SCENARIOS} scenarios`, value: round(size(eventsFile)), unit: 'MB' },
      { name: `read + fold events, ${SCENARIOS} scenarios`, value: round(foldedAt - start), unit: 'ms' },
      { name: `report generation (read, fold, 4 formats), ${SCENARIOS} scenarios`, value: round(end - start), unit: 'ms', goal: '< 2000 ms' },
      { name: `report generation CPU time, ${SCENARIOS} scenarios`, value: round((cpu.user + cpu.system) / 1000), unit: 'ms', goal: '< 2000 ms' },
      { name: `index.html size, ${SCENARIOS} scenarios`, value: round(size(paths.html)), unit: 'MB', goal: '< 5 MB' },
      { name: `results.json size, ${SCENARIOS} scenarios`, value: round(size(paths.resultsJson)), unit: 'MB' },
      { name: `junit.xml size, ${SCENARIOS} scenarios`, value: round(size(paths.junit)), unit: 'MB' },
      { name: `test_result.xml size, ${SCENARIOS} scenarios`, value: round(size(paths.ctsResult)), unit: 'MB' },
    ];
  } finally {
    // IMS_RIG_BENCH_KEEP=1 keeps the generated report for a look (its path is the temp dir's).
    if (process.env.IMS_RIG_BENCH_KEEP === undefined) fs.rmSync(dir, { recursive: true, force: true });
  }
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

const AREAS = ['binding', 'priority', 'fallback', 'feature-update', 'emergency', 'multi-sim', 'security', 'compat', 'lifecycle', 'state-callback'];
const OEM = 'com.oem.ims';
const CARRIER = 'com.carrier.b.ims';

/** Writes a 1,000-scenario run through the real EventWriter; returns the number of events. */
function writeLargeRun(file: string): number {
  let t = Date.parse('2025-03-01T10:00:00.000Z');
  const clock = (): Date => new Date((t += 37));
  const writer = new EventWriter(file, clock);
  const plan = Array.from({ length: SCENARIOS }, (_, i) => {
    const area = AREAS[i % AREAS.length]!;
    const checks = i % 3 === 0 ? 2 : 1;
    const trace = { doc: 'priority-carrier', observes: ['bindings'], checks: Array.from({ length: checks }, (_, c) => ({ step: c * 2 + 1, cites: CITES })) };
    return { id: `${area}.generated-${String(i).padStart(4, '0')}`, title: `Generated scenario ${i} in ${area}`, area, file: `suites/${area}/generated-${i}.yaml`, order: i, trace };
  });
  let events = 0;
  const emit: EventWriter['write'] = (e) => { events++; return writer.write(e); };
  emit({
    type: 'run-begin',
    run: { id: 'bench', suiteName: 'IMS-RIG', suiteVersion: '0.1.0', startedAt: new Date(t).toISOString(), host: { name: os.hostname(), os: os.type(), node: process.version }, commandLine: 'ims-rig run --target virtual', complete: true },
    target: { serial: '127.0.0.1:40000', kind: 'virtual', fingerprint: 'ims-rig/reference/generic:15/AP3A/1:userdebug/test-keys', sdk: 35, buildType: 'userdebug', abi: 'x86_64' },
    planned: plan,
  });
  plan.forEach((p, i) => {
    const outcome = i % 100 < 90 ? 'pass' : i % 100 < 95 ? 'fail' : i % 100 < 97 ? 'waived' : i % 100 < 99 ? 'skip' : 'error';
    emit({ type: 'scenario-begin', id: p.id, title: p.title, area: p.area, file: p.file, doc: DOC_SENTENCE, requires: [], target: '127.0.0.1:40000', attempt: 1 });
    if (outcome === 'skip') {
      emit({ type: 'scenario-end', scenario: p.id, status: 'skip', reason: 'target lacks msim-control', durationMs: 2, attempt: 1 });
      return;
    }
    const checks = i % 3 === 0 ? 2 : 1;
    emit({ type: 'step', scenario: p.id, step: { index: -1, kind: 'snapshot', description: 'read the target\'s state, to restore it afterwards', status: 'ok', startedAt: clock().toISOString(), durationMs: 22, detail: 'state kept for the restore' } });
    emit({ type: 'step', scenario: p.id, step: { index: -1, kind: 'provision', description: 'realise the world: system-apps, overlay, sims', status: 'ok', startedAt: clock().toISOString(), durationMs: 340, detail: 'system-apps: adb root + remount, push to /system/priv-app, reboot; overlay: ims-rig-device overlay; sims: carrier-config XML pushed' } });
    for (let c = 0; c < checks; c++) {
      const stepIndex = c * 2;
      emit({ type: 'step', scenario: p.id, step: { index: stepIndex, kind: 'insertSim', description: 'insert a carrier-b SIM in slot 0', status: 'ok', startedAt: clock().toISOString(), durationMs: 31 } });
      emit({ type: 'step', scenario: p.id, step: { index: stepIndex + 1, kind: 'check', description: 'observe the bindings', status: 'ok', startedAt: clock().toISOString(), durationMs: 48 } });
      const last = c === checks - 1;
      emit({ type: 'checkpoint', scenario: p.id, checkpoint: checkpoint(stepIndex + 1, last && outcome !== 'error' ? outcome : 'pass', i % 5 === 0 ? 2 : 1) });
    }
    emit({ type: 'step', scenario: p.id, step: { index: checks * 2, kind: 'restore', description: 'restore the target to its snapshot', status: 'ok', startedAt: clock().toISOString(), durationMs: 180, detail: 'restored (1 pass(es))' } });
    const status = outcome === 'error' ? 'error' : outcome;
    emit({ type: 'scenario-end', scenario: p.id, status, ...(outcome === 'error' ? { reason: 'TimeoutError: ImsResolver did not settle within 70000 ms' } : {}), durationMs: 900 + (i % 7) * 100, attempt: 1 });
  });
  emit({ type: 'run-end', durationMs: t - Date.parse('2025-03-01T10:00:00.000Z'), exitCode: 1 });
  writer.close();
  return events;
}

const DOC_SENTENCE = '1. The ImsService package name defined by the CarrierConfig value config_ims_[mmtel/rcs]_package_override_string when there is a SIM card inserted.';
/** What the documented model cites for a carrier-override cell (harness/oracle/rules.ts), as the engine records it. */
const CITES = ['priority-carrier', 'carrier-override', 'two-per-slot'];
const CITATION = [
  `priority-carrier: "${DOC_SENTENCE}"`,
  'carrier-override: "Carrier "override" ImsService: These ImsServices are preloaded onto the device but are attached to one or more cellular carriers and will only be bound when a matching SIM card is inserted."',
  'two-per-slot: "The framework cannot support binding to all of the possible ImsServices that are preloaded onto the device and will bind to up to two ImsServices per SIM slot (one ImsService for each feature) in the following order on a per-feature basis:"',
].join('\n');

function checkpoint(step: number, outcome: 'pass' | 'fail' | 'waived', slots: 1 | 2): Checkpoint {
  const row = (): Record<ImsFeature, BindingCell> => ({ EMERGENCY_MMTEL: CARRIER, MMTEL: CARRIER, RCS: CARRIER });
  const expected = slots === 2 ? { '0': row(), '1': row() } : { '0': row() };
  const observed = slots === 2 ? { '0': row(), '1': row() } : { '0': row() };
  const diffs: Diff[] = [];
  if (outcome === 'fail') {
    observed['0'].MMTEL = OEM;
    diffs.push({ slot: '0', feature: 'MMTEL', expected: CARRIER, observed: OEM, rule: 'priority-carrier' });
  }
  if (outcome === 'waived') {
    observed['0'].EMERGENCY_MMTEL = OEM;
    diffs.push({ slot: '0', feature: 'EMERGENCY_MMTEL', expected: CARRIER, observed: OEM, rule: 'emergency-needs-mmtel', waiver: { id: 'aosp-emergency-follows-mmtel', justification: 'AOSP binds EMERGENCY_MMTEL with MMTEL.', reference: 'aosp-imsresolver.md §1.8' } });
  }
  const reasonRow = Object.fromEntries(IMS_FEATURES.map((f) => [f, { rule: 'carrier-override', reason: `carrier-b SIM names ${CARRIER} for ${f} and it supports ${f}`, citation: CITATION, cites: CITES }]));
  const reasons = (slots === 2 ? { '0': reasonRow, '1': reasonRow } : { '0': reasonRow }) as ReasonTable;
  return {
    step, expected, observed, diffs, status: outcome, reasons, settleMs: 420,
    evidence: { dumpsys: DUMPSYS, logcat: LOGCAT, commands: [{ command: 'dumpsys phone', exitCode: 0, durationMs: 85 }] },
  };
}

/** An ImsResolver block of realistic size (aosp-imsresolver.md §4: logs of 8, 50 and 32 lines). */
const DUMPSYS = [
  'ImsResolver:', '  Configurations:', '    Device:', `      EMERGENCY_MMTEL -> ${OEM}`, `      MMTEL -> ${OEM}`, `      RCS -> ${OEM}`, '    Carrier: ',
  ...[0, 1].flatMap((s) => IMS_FEATURES.flatMap((f) => [`      slot=${s}, feature=${f}: `, `        ${CARRIER}`])),
  '  Cached ImsServices:',
  `    [ImsServiceInfo] name=ComponentInfo{${OEM}/${OEM}.ImsService}, featureFromMetadata=true, features: [{0,EMERGENCY_MMTEL}{0,MMTEL}{0,RCS}]`,
  `    [ImsServiceInfo] name=ComponentInfo{${CARRIER}/${CARRIER}.ImsService}, featureFromMetadata=false, features: [{0,EMERGENCY_MMTEL}{0,MMTEL}{0,RCS}]`,
  '  Active controllers:',
  `    [ImsServiceController: componentName=ComponentInfo{${CARRIER}/${CARRIER}.ImsService}, features=[{s=0, f=EMERGENCY_MMTEL}, {s=0, f=MMTEL}, {s=0, f=RCS}], isBinding=false, isBound=true, serviceController=android.os.BinderProxy@5f3c2a1, rebindDelay=2000]`,
  ...Array.from({ length: 8 }, (_, i) => `      2025-03-01T10:00:0${i}.123 - binding [{s=0, f=MMTEL}, {s=0, f=RCS}] attempt ${i}`),
  '  Connection Repository Log:',
  ...Array.from({ length: 50 }, (_, i) => `    2025-03-01T10:00:${String(i).padStart(2, '0')}.456 - [0] addConnection, subId=1, type=${IMS_FEATURES[i % 3]}`),
  '  Event Log:',
  ...Array.from({ length: 32 }, (_, i) => `    2025-03-01T10:01:${String(i).padStart(2, '0')}.789 - putImsController - [0, ${IMS_FEATURES[i % 3]}] -> ${CARRIER}`),
].join('\n');

const LOGCAT = [
  '03-01 10:00:01.123  1234  1250 D ImsResolver: calculateFeaturesToCreate: slot 0',
  `03-01 10:00:01.200  1234  1250 I ImsServiceController: Binding ImsService: ComponentInfo{${CARRIER}/${CARRIER}.ImsService} with features: [{s=0, f=MMTEL}]`,
  `03-01 10:00:01.260  1234  1250 I ImsResolver: ImsServiceController added on slot: 0 with feature: MMTEL using package: ${CARRIER}`,
  '03-01 10:00:01.300  1234  1250 D ImsFeatureBinderRepo: [0] addConnection, subId=1, type=MMTEL',
];
