/**
 * The CLI holding a target that other runs — and kills and interrupts — come at (issue 11, items
 * 2 and 5), against a reference device the test keeps running, through a private adb server:
 *   - two runs on one target: the first is untouched (0 errors), the second fails at once naming
 *     the holder (exit 3), a third waits for it with --wait-for-target and then runs;
 *   - a SIGKILLed run: the next run takes over its lock, restores what it left on the target and
 *     says so (output and results.json), and writes the killed run's reports;
 *   - a second Ctrl-C while the target reboots is an interrupt (exit 130), not a lost device;
 *   - after every run, nothing the rig pushed is left on the target.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type ChildProcess } from 'node:child_process';
import { findAdbBinary, shellCommand } from '../../adb';
import { NO_ADB_REASON, type PrivateAdbServer, type ReferenceSession, startPrivateAdbServer, startReferenceOverAdb } from '../../testing';
import { adbEnv, buildDist, PROJECT_DIR, readResults, runCli, tempDir, type CliResult } from '../../testing/cli-process';
import { deviceStateFingerprint } from '../../targets/device-state';

const PRIORITY = path.join(PROJECT_DIR, 'suites', 'priority');
const scenarioArgs = (names: readonly string[]): string[] => names.flatMap((n) => ['--scenario', path.join(PRIORITY, `${n}.yaml`)]);
/** Scenarios that stage priv-apps (a reboot to provision, another to restore). */
const REBOOTING = ['device-default-named-by-carrier', 'override-carrier-some-features', 'sim-swap', 'doc-table-carrier-a'];

type Target = ReferenceSession;

/** What the rig keeps under /data/local/tmp (nothing, between runs). */
async function rigFiles(t: Target): Promise<string[]> {
  const out = await t.adb.shell(shellCommand('ls', '-1', '/data/local/tmp'));
  return out.stdout.split('\n').map((l) => l.trim()).filter((l) => l.startsWith('ims-rig'));
}

/** Resolves once `file` contains `text` (the run has got that far). */
function whenWritten(file: string, text: string): Promise<void> {
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      if (fs.existsSync(file) && fs.readFileSync(file, 'utf8').includes(text)) {
        clearInterval(timer);
        resolve();
      }
    }, 10);
  });
}

function exitOf(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

const ADB = findAdbBinary();
const describeWithAdb = ADB !== undefined ? describe : describe.skip;

/** A private adb server and a reference device for the tests of one describe block. */
function useTarget(timeScale: number): { server: () => PrivateAdbServer; target: () => Target } {
  let server: PrivateAdbServer | undefined;
  let target: Target | undefined;
  beforeAll(async () => {
    buildDist();
    server = await startPrivateAdbServer();
    target = await startReferenceOverAdb(server, { timeScale });
  }, 240_000);
  afterAll(async () => {
    await target?.device.stop();
    await server?.stop();
  });
  const need = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the reference device did not start');
    return value;
  };
  return { server: () => need(server), target: () => need(target) };
}

describeWithAdb(ADB !== undefined ? 'one run per target, kills and interrupts' : `one run per target (skipped: ${NO_ADB_REASON})`, () => {
  const use = useTarget(0.01);

  test('a second run fails at once naming the holder, a third waits for it; the first is untouched', async () => {
    const server = use.server();
    const target = use.target();
    const before = await deviceStateFingerprint(target.session);
    const dir = tempDir('ims-rig-lock-e2e-');
    const outA = path.join(dir, 'a');
    const env = adbEnv(server);
    let second: Promise<CliResult> | undefined;
    let third: Promise<CliResult> | undefined;
    // Two whole areas, so the first run still holds the target when the others have started on a
    // loaded machine (with run-level staging, six scenarios took about as long as a run's start-up).
    const first = runCli(['run', '--no-reference', '--target', target.device.serial, '--suite', 'priority', '--suite', 'fallback', '--out', outA], env, {
      onStart: () => {
        void whenWritten(path.join(outA, 'events.jsonl'), '"type":"scenario-begin"').then(() => {
          second = runCli(['run', '--no-reference', '--target', target.device.serial, ...scenarioArgs(['doc-table-no-sim']), '--out', path.join(dir, 'b')], env);
          third = runCli(['run', '--no-reference', '--target', target.device.serial, ...scenarioArgs(['doc-table-no-sim']), '--out', path.join(dir, 'c'), '--wait-for-target', '300'], env);
        });
      },
    });
    const a = await first;
    const b = await (second ?? Promise.reject(new Error('the second run never started')));
    const c = await (third ?? Promise.reject(new Error('the third run never started')));

    expect({ code: a.code, stderr: a.stderr }).toEqual({ code: 0, stderr: '' });
    expect(readResults(outA).summary).toMatchObject({ error: 0, fail: 0, notRun: 0 });
    expect(b.code).toBe(3);
    expect(b.stderr).toMatch(new RegExp(`^ims-rig: ${target.device.serial.replace(/\./g, '\\.')} is in use by another ims-rig run: \`ims-rig run --no-reference --target .* --out ${outA.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\` by .+ \\(pid \\d+\\), started .*; wait for it with --wait-for-target \\[seconds\\]`, 'm'));
    expect(fs.existsSync(path.join(dir, 'b', 'events.jsonl'))).toBe(false);
    expect(c.code).toBe(0);
    expect(c.stderr).toMatch(/is in use by .*; waiting for it \(up to \d+ s\)/);
    expect(readResults(path.join(dir, 'c')).summary).toMatchObject({ pass: 1, error: 0 });
    expect(await deviceStateFingerprint(target.session)).toBe(before);
    expect(await rigFiles(target)).toEqual([]);
  }, 300_000);

  test('a SIGKILLed run: the next one takes its lock over, restores what it left and says so, and writes its reports', async () => {
    const server = use.server();
    const target = use.target();
    const before = await deviceStateFingerprint(target.session);
    const dir = tempDir('ims-rig-kill-e2e-');
    const killed = path.join(dir, 'killed');
    const env = adbEnv(server);
    const k = await runCli(['run', '--no-reference', '--target', target.device.serial, ...scenarioArgs(REBOOTING), '--out', killed], env, {
      onStart: (child) => {
        // Killed right after provisioning the first scenario: its world is on the target.
        void whenWritten(path.join(killed, 'events.jsonl'), '"kind":"provision"').then(() => child.kill('SIGKILL'));
      },
    });
    expect(k.signal).toBe('SIGKILL');
    expect(await rigFiles(target)).toEqual(expect.arrayContaining(['ims-rig.leftover.json', 'ims-rig.lock']));
    expect(fs.existsSync(path.join(killed, 'index.html'))).toBe(false);

    const next = path.join(dir, 'next');
    const r = await runCli(['run', '--no-reference', '--target', target.device.serial, ...scenarioArgs(['doc-table-no-sim']), '--out', next], env);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/taking over the rig's lock from `ims-rig run .*` by .* \(pid \d+\), started .*: its process \d+ on .* is gone/);
    expect(r.stderr).toMatch(/restored .* to its state before priority\.device-default-named-by-carrier: the run started .* \(pid \d+\) did not finish and left it changed/);
    expect(r.stderr).toContain(`the run that wrote ${path.join(killed, 'events.jsonl')} was killed before its reports; they are written now`);
    expect(readResults(next).run.leftoverRestored).toMatchObject({
      scenario: 'priority.device-default-named-by-carrier', ok: true, serial: target.device.serial,
      leftBy: { outDir: killed }, deadRunReport: path.join(killed, 'index.html'),
    });
    const dead = readResults(killed);
    expect(dead.run).toMatchObject({ complete: false, interrupted: 'the run was killed or crashed: its event stream ends without run-end' });
    expect(await deviceStateFingerprint(target.session)).toBe(before);
    expect(await rigFiles(target)).toEqual([]);

    // `ims-rig report` turns the same events into the same verdict on its own.
    const rebuilt = path.join(dir, 'rebuilt');
    expect((await runCli(['report', '--from', path.join(killed, 'events.jsonl'), '--out', rebuilt], env)).code).toBe(0);
    expect(readResults(rebuilt).run.interrupted).toBe('the run was killed or crashed: its event stream ends without run-end');
  }, 300_000);
});

describeWithAdb(ADB !== undefined ? 'a second Ctrl-C while the target reboots' : `a second Ctrl-C (skipped: ${NO_ADB_REASON})`, () => {
  // Slow enough that the reboot of priv-app provisioning lasts a while (3 s device = 0.6 s).
  const use = useTarget(0.2);

  test('is an interrupt (exit 130) with the target restored, not a lost device (exit 3)', async () => {
    const server = use.server();
    const target = use.target();
    const before = await deviceStateFingerprint(target.session);
    const out = path.join(tempDir('ims-rig-sigint-e2e-'), 'run');
    let interrupted = false;
    const r = await runCli(['run', '--no-reference', '--target', target.device.serial, ...scenarioArgs(REBOOTING), '--out', out], adbEnv(server), {
      onStart: (child) => {
        const off = target.device.device.onStateChange((state) => {
          if (state !== 'offline' || interrupted) return;
          interrupted = true;
          off();
          child.kill('SIGINT');
          setTimeout(() => child.kill('SIGINT'), 20);
        });
        void exitOf(child).then(off);
      },
    });
    expect(interrupted).toBe(true);
    expect(r.stderr).toContain('aborting the current scenario');
    expect(r.code).toBe(130);
    const results = readResults(out);
    expect(results.run.interrupted).toBe('SIGINT (twice)');
    expect(await deviceStateFingerprint(target.session)).toBe(before);
    expect(await rigFiles(target)).toEqual([]);
  }, 300_000);
});
