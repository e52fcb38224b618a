/**
 * `ims-rig run` as a user runs it: the built CLI as a child process against the reference device —
 * through a private real adb server (ANDROID_ADB_SERVER_PORT), and with no adb on PATH through the
 * device's built-in server door. Bad inputs end with exit 2 before any device is touched; an
 * unreachable target with exit 3; the device reads back unchanged after a full and after an
 * interrupted run.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findAdbBinary } from '../../adb';
import { NO_ADB_REASON, startPrivateAdbServer, startReferenceOverAdb, type PrivateAdbServer, type StartedReferenceDevice } from '../../testing';
import { adbEnv, buildDist, pathWithoutAdb, PROJECT_DIR as ROOT, readResults, runCli as runCommand, tempDir, type CliResult } from '../../testing/cli-process';
import { deviceStateFingerprint } from '../../targets/device-state';
import { type TargetSession } from '../../targets/target-session';

const DOC_TABLE = ['carrier-a', 'carrier-b', 'no-sim'].map((n) => path.join(ROOT, 'suites', 'priority', `doc-table-${n}.yaml`));

function runCli(args: readonly string[], env: NodeJS.ProcessEnv, options: { onStart?: (pid: number) => void } = {}): Promise<CliResult> {
  return runCommand(['run', ...args], env, { onStart: (child) => { if (child.pid !== undefined) options.onStart?.(child.pid); } });
}

beforeAll(() => {
  buildDist();
  expect(fs.existsSync(path.join(ROOT, 'dist', 'suites', 'conformance.suite.js'))).toBe(true);
}, 240_000);

describe('bad input: exit 2 before any device is touched', () => {
  const env = { ...process.env, PATH: pathWithoutAdb(), ANDROID_ADB_SERVER_PORT: '1' };

  test('a malformed scenario names the file and the field', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'bad-slot.yaml');
    fs.writeFileSync(file, fs.readFileSync(DOC_TABLE[0]!, 'utf8').replace('steps:\n  - check: {}', 'steps:\n  - removeSim: { slot: 3 }\n  - check: {}'));
    const r = await runCli(['--scenario', file, '--out', path.join(dir, 'out')], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad-slot\.yaml: steps\[0\]\.removeSim\.slot /);
    expect(fs.existsSync(path.join(dir, 'out', 'events.jsonl'))).toBe(false);
  });

  test('a package named a;reboot never reaches a shell', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'injection.yaml');
    fs.writeFileSync(file, fs.readFileSync(DOC_TABLE[0]!, 'utf8').replace('package: com.carrier.a.ims', 'package: "a;reboot"'));
    const r = await runCli(['--scenario', file], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('injection.yaml: apps[1].package');
    expect(r.stderr).toContain('"a;reboot" is not a valid Android package name');
  });

  test('an unknown option value is a usage error', async () => {
    const r = await runCli(['--scenario', DOC_TABLE[0]!, '--shard', '3/2'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--shard "3/2"');
  });
});

/** Tests that need a real adb server are skipped, with the reason in their name, on machines without adb. */
const ADB = findAdbBinary();
const describeWithAdb = ADB !== undefined ? describe : describe.skip;
const withAdb = (title: string): string => (ADB !== undefined ? title : `${title} (skipped: ${NO_ADB_REASON})`);

describeWithAdb(withAdb('against the reference device through a private adb server'), () => {
  let server: PrivateAdbServer | undefined;
  let device: StartedReferenceDevice | undefined;
  let session: TargetSession | undefined;

  beforeAll(async () => {
    server = await startPrivateAdbServer();
    // The test's own view of the device, to read its state fingerprint before and after runs.
    ({ device, session } = await startReferenceOverAdb(server, { timeScale: 0.01 }));
  }, 120_000);

  afterAll(async () => {
    await device?.stop();
    await server?.stop();
  });

  test('the doc-table scenarios pass, every report is written, and the device reads back unchanged', async () => {
    if (!server || !device || !session) throw new Error('the reference device did not start');
    const before = await deviceStateFingerprint(session);
    const out = path.join(tempDir(), 'run');
    const r = await runCli(['--target', device.serial, ...DOC_TABLE.flatMap((f) => ['--scenario', f]), '--out', out], adbEnv(server));
    // A device named by serial is a target like any other: its scenarios also run on the in-process AOSP
    // reference device (the three-way diff), which says so; nothing else reaches stderr.
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n').filter((l) => l !== '')).toEqual([
      expect.stringMatching(/^ims-rig: each scenario also runs on the in-process AOSP reference device/),
      expect.stringMatching(/^ims-rig: reference runs: 3 scenario\(s\), [\d.]+ s alongside the target$/),
    ]);
    expect(r.stdout).toMatch(/\[1\/3\] ✓ priority\.doc-table\.carrier-a \d+\.\ds/);
    expect(r.stdout).toContain('3 passed, 0 failed');
    const results = readResults(out);
    expect(results.summary).toMatchObject({ pass: 3, fail: 0, error: 0, skip: 0 });
    expect(results.run.complete).toBe(true);
    expect(results.target).toMatchObject({ serial: device.serial, kind: 'virtual', sdk: 35 });
    const carrierA = results.scenarios.find((s) => s.id === 'priority.doc-table.carrier-a');
    expect(carrierA?.checkpoints[0]?.observed).toEqual({ 0: { EMERGENCY_MMTEL: 'com.oem.ims', MMTEL: 'com.oem.ims', RCS: 'com.carrier.a.ims' } });
    expect(carrierA?.checkpoints[0]?.evidence?.dumpsys).toContain('Active controllers:');
    for (const f of ['index.html', 'junit.xml', 'test_result.xml', 'events.jsonl']) expect(fs.existsSync(path.join(out, f))).toBe(true);
    expect(fs.realpathSync(path.join(path.dirname(out), 'latest'))).toBe(fs.realpathSync(out));
    expect(await deviceStateFingerprint(session)).toBe(before);
  });

  test('SIGINT stops after the current scenario is restored: partial report, marked incomplete; device unchanged', async () => {
    if (!server || !device || !session) throw new Error('the reference device did not start');
    const before = await deviceStateFingerprint(session);
    const dir = tempDir();
    // Six scenarios: the doc table twice (the copies get their own ids).
    const files = DOC_TABLE.flatMap((f) => [f, copyWithId(f, dir, '-again')]);
    const out = path.join(dir, 'run');
    const events = path.join(out, 'events.jsonl');
    const r = await runCli(['--target', device.serial, ...files.flatMap((f) => ['--scenario', f]), '--out', out], adbEnv(server), {
      onStart: (pid) => {
        // Interrupt once the first scenario has ended (the second is then running).
        const timer = setInterval(() => {
          const text = fs.existsSync(events) ? fs.readFileSync(events, 'utf8') : '';
          if (text.includes('"type":"scenario-end"')) {
            clearInterval(timer);
            process.kill(pid, 'SIGINT');
          }
        }, 20);
      },
    });
    expect(r.code).toBe(130);
    expect(r.stderr).toContain('interrupted');
    const results = readResults(out);
    expect(results.run.complete).toBe(false);
    expect(results.run.interrupted).toBe('SIGINT');
    expect(results.scenarios.length).toBeGreaterThanOrEqual(1);
    expect(results.scenarios.every((s) => s.status === 'pass')).toBe(true);
    expect(results.summary.notRun).toBeGreaterThanOrEqual(1);
    expect(r.stdout).toContain('INCOMPLETE RUN');
    expect(await deviceStateFingerprint(session)).toBe(before);
  });
});

(ADB !== undefined ? test : test.skip)(withAdb('an unreachable target is an infrastructure error (exit 3) with a readable message'), async () => {
  const server = await startPrivateAdbServer();
  try {
    const r = await runCli(['--target', '127.0.0.1:1', '--scenario', DOC_TABLE[0]!, '--out', path.join(tempDir(), 'run')], adbEnv(server));
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^ims-rig: cannot connect to 127\.0\.0\.1:1: .*Is the device up and reachable\?/m);
  } finally {
    await server.stop();
  }
}, 60_000);

test('with no adb anywhere: the rig starts the reference device itself (--deviation) and reaches it through its door; the deviation shows as a failing cell (exit 1)', async () => {
  const dir = tempDir();
  const out = path.join(dir, 'run');
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: pathWithoutAdb(), NO_COLOR: '1' };
  delete env.ANDROID_SERIAL;
  delete env.ADB;
  const r = await runCli([...DOC_TABLE.flatMap((f) => ['--scenario', f]), '--deviation', 'no-per-feature-fallback', '--out', out], env);
  expect(r.stderr).toContain("no adb found; using the reference device's built-in adb server");
  expect(r.code).toBe(1);
  const results = readResults(out);
  expect(results.target).toMatchObject({ kind: 'virtual', via: 'built-in-server', deviation: 'no-per-feature-fallback' });
  const status = Object.fromEntries(results.scenarios.map((x) => [x.id, x.status]));
  expect(status).toEqual({ 'priority.doc-table.carrier-a': 'fail', 'priority.doc-table.carrier-b': 'pass', 'priority.doc-table.no-sim': 'pass' });
  // Carrier A configures only RCS: the vendor bug takes MMTEL away from the OEM default on that slot.
  const diffs = results.scenarios.find((x) => x.id === 'priority.doc-table.carrier-a')?.checkpoints[0]?.diffs;
  // The plain AOSP reference device (run alongside) binds MMTEL there: the difference is the vendor's.
  expect(diffs).toContainEqual({ slot: '0', feature: 'MMTEL', expected: 'com.oem.ims', observed: null, rule: 'device-default', reference: 'com.oem.ims', origin: 'vendor-specific' });
  expect(r.stdout).toContain('✗ priority.doc-table.carrier-a');
}, 120_000);

/** A copy of a scenario file with `suffix` added to its id (relative references resolve the same). */
function copyWithId(file: string, dir: string, suffix: string): string {
  const text = fs.readFileSync(file, 'utf8').replace(/^id: (.+)$/m, `id: $1${suffix}`);
  const copy = path.join(dir, path.basename(file).replace(/\.yaml$/, `${suffix}.yaml`));
  fs.writeFileSync(copy, text);
  return copy;
}
