/**
 * `ims-rig run`, start to finish:
 *   1. plan: load and validate scenarios and waivers, filter, shard — bad input is exit 2 before
 *      any device is touched;
 *   2. target: resolve (starting the reference device when there is none) and probe once;
 *   3. run-begin event, then the suite under Jest (one test per scenario), events written as it goes;
 *   4. run-end event, fold the events into results, write every report, point reports/latest at
 *      the run, print the summary; exit code by ./exit-code.ts.
 * SIGINT: the first stops after the current scenario has been restored, the second aborts it and
 * restores what is possible, a third exits at once; the partial report is written either way.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import { describeError, UsageError } from '../errors';
import { PACKAGE_VERSION, REPORTS_DIR, SUITES_DIR } from '../paths';
import { EventWriter, foldEvents, readEvents, type LeftoverRestored, type PlannedScenario, type RunInfo, type RunResult } from '../results';
import { printTerminalSummary, updateLatest, writeReports } from '../reporters';
import { traceScenario } from '../scenario/trace';
import { loadWaivers, type Waiver } from '../scenario/waivers';
import { probeTarget } from '../targets/probe';
import { resolveTarget, type ResolvedTarget } from '../targets/resolve';
import { localHostKey } from '../targets/lock-holder';
import { targetIdentity } from '../targets/target-identity';
import { createSession, type TargetSession } from '../targets/target-session';
import { type StartInProcessTarget, type Transport } from '../targets/in-process-target';
import { registerInProcessEndpoint } from './in-process-registry';
import { type ReferenceRunner, startReferenceRuns } from './reference-runs';
import { runExitCode } from './exit-code';
import { runSuiteWithJest } from './jest-run';
import { loadPlan, parseShard, type Shard } from './plan';
import { readControl, writeControl } from './run-control';
import { writeRunConfig, type RunConfig } from './run-config';
import { rebuildDeadRunReport } from './dead-run-report';
import { removeStagedLeftover, restoreLeftoverAtEnd, restoreLeftoverAtStart } from './leftover-restore';
import { claimTarget, type TargetClaim } from './target-claim';
import { prepareUi, type AppiumLauncher, type UiSetup } from './ui-setup';
import { adbServerPort, findAdbBinary } from '../adb';
import { TargetClock } from '../targets/target-clock';

export interface RunOptions {
  readonly target?: string;
  readonly suites?: readonly string[];
  readonly scenarioFiles?: readonly string[];
  readonly namePattern?: string;
  readonly out?: string;
  readonly shard?: string;
  readonly retries?: number;
  readonly deviation?: string;
  /** The reference device's profile when the run starts it (`default` | `emulator`). */
  readonly profile?: string;
  /** `in-process`: the reference device runs in this process, reached without TCP (needs startInProcess). */
  readonly transport?: Transport;
  /** Starts the in-process reference device (the CLI and the benchmark pass it: they may import it). */
  readonly startInProcess?: StartInProcessTarget;
  /**
   * Three-way diff: runs each scenario on the AOSP reference device too (the CLI passes the
   * in-process one unless --no-reference). Not used when the target is that device itself.
   */
  readonly reference?: { readonly runner: ReferenceRunner; readonly device: string };
  /** Reference-device clock scale (default 0.02: lifecycle timers take milliseconds). */
  readonly timeScale?: number;
  /** Live progress line (on a TTY). */
  readonly progress?: boolean;
  /** Waiver file (default suites/waivers.yaml when it exists). */
  readonly waiversFile?: string;
  /** Per-scenario numbers as JSON lines (the benchmark reads them). */
  readonly statsFile?: string;
  readonly settleTimeoutMs?: number;
  readonly scenarioTimeoutMs?: number;
  readonly commandLine?: string;
  /** Where notes go (default stderr). */
  readonly note?: (line: string) => void;
  /** Install SIGINT handling (default true; tests of the runner in-process pass false). */
  readonly handleSignals?: boolean;
  /** Starts Appium when a scenario needs UI and $IMS_RIG_APPIUM_URL is not set (the CLI passes harness/appium's). */
  readonly appium?: AppiumLauncher;
  /** --wait-for-target: how long (ms) to wait while another run holds the target; undefined: fail at once. */
  readonly waitForTargetMs?: number;
}

export interface RunOutcome {
  readonly exitCode: number;
  readonly result: RunResult;
  readonly outDir: string;
}

export const DEFAULT_TIME_SCALE = 0.02;

function timestampDir(now: Date): string {
  return now.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '-');
}

async function waiversFrom(file: string | undefined): Promise<Waiver[]> {
  if (file !== undefined) return loadWaivers(file);
  const fallback = path.join(SUITES_DIR, 'waivers.yaml');
  return fs.existsSync(fallback) ? loadWaivers(fallback) : [];
}

interface SignalState {
  count: number;
  /** Before the run has the target (waiting for its lock): nothing to finish or restore yet. */
  claiming: boolean;
  dispose(): void;
}

function installSignals(controlFile: string, note: (line: string) => void): SignalState {
  const state: SignalState = { count: 0, claiming: true, dispose: () => process.removeListener('SIGINT', onSigint) };
  function onSigint(): void {
    state.count += 1;
    if (state.claiming) {
      note('ims-rig: interrupted before the run began');
      process.exit(130);
    }
    if (state.count === 1) {
      writeControl(controlFile, 'stop', 'SIGINT');
      note('ims-rig: interrupted — finishing and restoring the current scenario (Ctrl-C again to abort it)');
    } else if (state.count === 2) {
      writeControl(controlFile, 'abort', 'SIGINT (twice)');
      note('ims-rig: aborting the current scenario; restoring what is possible (Ctrl-C again to exit now)');
    } else {
      process.exit(130);
    }
  }
  process.on('SIGINT', onSigint);
  return state;
}

export async function runSuites(options: RunOptions): Promise<RunOutcome> {
  const note = options.note ?? ((line: string) => process.stderr.write(`${line}\n`));
  const startedAt = new Date();
  const shard: Shard | undefined = options.shard === undefined ? undefined : parseShard(options.shard);
  const retries = options.retries ?? 0;
  if (!Number.isInteger(retries) || retries < 0) throw new UsageError(`--retries ${String(options.retries)}: expected a whole number >= 0`);
  if (options.deviation !== undefined && options.target !== undefined && options.target !== 'virtual') {
    throw new UsageError('--deviation applies to the reference device the rig starts (--target virtual, or no target)');
  }
  if (options.profile !== undefined && options.target !== undefined && options.target !== 'virtual') {
    throw new UsageError('--profile applies to the reference device the rig starts (--target virtual, or no target)');
  }
  if (options.profile !== undefined && !['default', 'emulator'].includes(options.profile)) {
    throw new UsageError(`--profile ${options.profile}: unknown profile; known: default, emulator`);
  }

  // 1. The plan: every bad input is found here, before a device is touched.
  const waivers = await waiversFrom(options.waiversFile);
  const plan = await loadPlan({
    ...(options.scenarioFiles ? { files: options.scenarioFiles } : {}),
    ...(options.suites ? { suites: options.suites } : {}),
    ...(options.namePattern === undefined ? {} : { namePattern: options.namePattern }),
    ...(shard ? { shard } : {}),
    waivers,
  });
  if (plan.selected.length === 0) throw new UsageError('no scenario matches the given --suite / --scenario / -t / --shard');
  for (const s of plan.selected) for (const w of s.warnings ?? []) note(`ims-rig: ${s.displayFile}: warning: ${w}`);

  const outDir = path.resolve(options.out ?? path.join(REPORTS_DIR, timestampDir(startedAt)));
  fs.mkdirSync(outDir, { recursive: true });
  const eventsFile = path.join(outDir, 'events.jsonl');
  fs.rmSync(eventsFile, { force: true });
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ims-rig-run-'));
  const controlFile = path.join(workDir, 'control');
  writeControl(controlFile, 'run');

  // 2. The target, and (started alongside, since loading Appium takes seconds) the UI server.
  const adbBinary = findAdbBinary(process.env);
  const uiPending = prepareUi({
    scenarios: plan.selected,
    endpoint: { host: '127.0.0.1', port: adbServerPort(process.env), kind: adbBinary === undefined ? 'built-in-server' : 'adb-server', ...(adbBinary === undefined ? {} : { bin: adbBinary }) },
    ...(options.appium ? { launcher: options.appium } : {}), outDir, note,
  });
  let resolved: ResolvedTarget;
  try {
    resolved = await resolveTarget({
      ...(options.target === undefined ? {} : { target: options.target }),
      ...(options.deviation === undefined ? {} : { deviation: options.deviation }),
      ...(options.profile === undefined ? {} : { profile: options.profile }),
      timeScale: options.timeScale ?? DEFAULT_TIME_SCALE,
      ...(options.transport === undefined ? {} : { transport: options.transport }),
      ...(options.startInProcess === undefined ? {} : { startInProcess: options.startInProcess }),
      note,
    });
  } catch (e) {
    await (await uiPending).stop().catch(() => undefined);
    throw e;
  }
  const unregister = resolved.inProcess === undefined ? undefined : registerInProcessEndpoint(resolved.inProcess.endpoint);
  const signals = options.handleSignals === false ? undefined : installSignals(controlFile, note);
  const commandLine = options.commandLine ?? 'ims-rig run';
  let claim: TargetClaim | undefined;
  let cliSession: TargetSession | undefined;
  let ui: UiSetup | undefined;
  try {
    if (options.deviation !== undefined && resolved.chosenBy !== 'reference-device') {
      throw new UsageError(`--deviation applies to the reference device the rig starts, not to ${resolved.serial}`);
    }
    if (options.profile !== undefined && resolved.chosenBy !== 'reference-device') {
      throw new UsageError(`--profile applies to the reference device the rig starts, not to ${resolved.serial}`);
    }
    // The lock first: the probe's `adb root` would restart adbd under a run already on the target.
    claim = await claimTarget(resolved.device, {
      command: commandLine, startedAt, outDir, note, ...(options.waitForTargetMs === undefined ? {} : { waitMs: options.waitForTargetMs }),
    });
    if (signals) signals.claiming = false;
    ui = await uiPending;
    if (resolved.via !== 'adb-server' && ui.config !== undefined) {
      await ui.stop();
      ui = { unavailable: "the target is reached without an adb binary: the UiAutomator2 driver needs platform-tools' adb", stop: () => Promise.resolve() };
    }
    const probe = await probeTarget(resolved.device, {
      via: resolved.via,
      ...(ui.url === undefined ? {} : { appiumUrl: ui.url }),
      ...(ui.started === undefined ? {} : { appiumStarted: ui.started.url }),
      ...(ui.unavailable === undefined ? {} : { appiumUnavailable: ui.unavailable }),
    });
    const info = probe.info;
    // The target's own clock over the run (summary.targetSeconds); reboots by the suite or the CLI join its tally.
    const targetClockFile = path.join(workDir, 'target-clock.json');
    const startUptime = await TargetClock.uptime(resolved.device);
    // The CLI's own view of the target, for what it restores itself (leftovers, an aborted scenario).
    cliSession = createSession(resolved.device, info, probe.capabilities, probe.routes, new TargetClock(targetClockFile), resolved.waits);
    if (probe.capabilities.includes('carrier-config') || probe.capabilities.includes('priv-app-install')) cliSession.rooted = (await resolved.device.root({ timeoutMs: 90_000 })).ok;
    const identity = targetIdentity(resolved.serial, info.fingerprint, claim.bootId);
    const leftoverRestored = await restoreLeftoverAtStart(cliSession, identity, note);
    await removeStagedLeftover(cliSession, note);
    const deadRunReport = await reportDeadRun(claim, leftoverRestored, note);
    const config: RunConfig = {
      version: 1,
      target: { serial: resolved.serial, endpoint: resolved.endpoint, info, capabilities: probe.capabilities, routes: probe.routes, waits: resolved.waits },
      scenarios: plan.selected,
      waivers,
      eventsFile,
      controlFile,
      leftover: { target: identity, run: { host: os.hostname(), pid: process.pid, startedAt: startedAt.toISOString(), outDir } },
      targetClockFile,
      retries,
      ...(options.statsFile === undefined ? {} : { statsFile: options.statsFile }),
      ...(options.settleTimeoutMs === undefined ? {} : { settleTimeoutMs: options.settleTimeoutMs }),
      ...(options.scenarioTimeoutMs === undefined ? {} : { scenarioTimeoutMs: options.scenarioTimeoutMs }),
      ...(ui.config === undefined ? {} : { ui: ui.config }),
    };
    const configFile = path.join(workDir, 'run-config.json');
    writeRunConfig(configFile, config);

    // 3. run-begin, then the suite.
    const writer = new EventWriter(eventsFile);
    const run: RunInfo = {
      id: randomUUID(),
      suiteName: 'ims-rig',
      suiteVersion: PACKAGE_VERSION,
      startedAt: startedAt.toISOString(),
      host: { name: os.hostname(), os: os.platform(), node: process.version, osVersion: os.release(), arch: os.arch() },
      commandLine,
      complete: false,
      ...(shard ? { shard } : {}),
      ...(leftoverRestored === undefined ? {} : { leftoverRestored: { ...leftoverRestored, ...(deadRunReport === undefined ? {} : { deadRunReport }) } }),
    };
    // Each with the sentences it rests on, so the report's documentation coverage knows them even for scenarios that never run.
    const planned: PlannedScenario[] = plan.selected.map((s) => ({ id: s.id, title: s.title, area: s.area, file: s.displayFile, order: plan.order.get(s.id) ?? 0, trace: traceScenario(s) }));
    writer.write({ type: 'run-begin', run, target: info, planned });
    writer.close();

    // The three-way diff's reference runs go alongside the target's (they only append events).
    const reference = options.reference !== undefined && resolved.aospReference !== true
      ? startReferenceRuns({ ...options.reference, scenarios: plan.selected, capabilities: probe.capabilities, eventsFile, controlFile })
      : undefined;
    if (reference && options.reference) note(`ims-rig: each scenario also runs on the ${options.reference.device}, for the three-way diff (--no-reference: off)`);

    const stdoutTty = process.stdout.isTTY === true;
    // Jest failing as a whole is an infrastructure problem like any other: the report is still written.
    const jest = await runSuiteWithJest({
      configFile,
      testTimeoutMs: (options.scenarioTimeoutMs ?? 600_000) * (retries + 1) + 120_000,
      ...(resolved.inProcess === undefined ? {} : { inProcess: true }),
      progress: { eventsFile, total: plan.selected.length, live: stdoutTty && options.progress !== false, color: stdoutTty && process.env.NO_COLOR === undefined, retries },
    }).catch((e: unknown) => ({ suiteErrors: [`Jest failed: ${describeError(e)}`] }));

    if (reference) {
      if (readControl(controlFile).state !== 'run') reference.stop();
      const done = await reference.done;
      note(done.error !== undefined
        ? `ims-rig: the reference runs stopped: ${done.error} (the cells they did not reach stay unlabelled)`
        : `ims-rig: reference runs: ${done.ran} scenario(s)${done.failed > 0 ? `, ${done.failed} of them could not run there (their cells stay unlabelled)` : ''}, ${Math.round(done.ms / 100) / 10} s alongside the target`);
    }

    // A scenario aborted mid-way (or a crashed suite) may have left its snapshot unrestored.
    await restoreLeftoverAtEnd(cliSession, note);
    await removeStagedLeftover(cliSession, note);

    // 4. run-end, reports.
    const control = readControl(controlFile);
    const interrupted = control.state === 'stop' || control.state === 'abort';
    const folded = foldEvents(await readEvents(eventsFile), eventsFile);
    // Scenarios that never began although nobody stopped the run: the suite itself broke (it could
    // not reach the target, or its file did not load). An infrastructure problem, never a pass.
    const brokeOff = !interrupted && control.state !== 'lost' && (folded.notRun?.length ?? 0) > 0;
    const deviceLost = control.state === 'lost' || brokeOff;
    const reason = control.state === 'lost' ? control.reason || 'device lost'
      : brokeOff ? `the suite stopped before ${folded.notRun?.length ?? 0} planned scenario(s) ran${jest.suiteErrors[0] ? `: ${jest.suiteErrors[0]}` : ''}`
      : interrupted ? control.reason || 'SIGINT' : undefined;
    if (brokeOff) note(`ims-rig: ${reason ?? ''}`);
    const exitCode = runExitCode({ summary: folded.summary, deviceLost, interrupted });
    const endUptime = deviceLost ? undefined : await TargetClock.uptime(resolved.device).catch(() => undefined);
    const clock = new TargetClock(targetClockFile);
    const targetSeconds = startUptime === undefined || endUptime === undefined ? undefined : Math.round(clock.elapsedSeconds(startUptime, endUptime) * 10) / 10;
    const end = new EventWriter(eventsFile);
    end.write({
      type: 'run-end', durationMs: Date.now() - startedAt.getTime(), exitCode, ...(reason === undefined ? {} : { interrupted: reason }),
      ...(targetSeconds === undefined ? {} : { targetSeconds }), targetReboots: clock.reboots,
    });
    end.close();
    const result = foldEvents(await readEvents(eventsFile), eventsFile);
    const paths = await writeReports(result, outDir);
    // `latest` sits next to the run: reports/latest for the default reports/<timestamp>/.
    await updateLatest(path.dirname(outDir), outDir).catch(() => undefined);
    printTerminalSummary(result, paths.html);
    return { exitCode, result, outDir };
  } finally {
    // The Appium server too when the lock was refused before the run took it over.
    await (ui ?? (await uiPending)).stop().catch(() => undefined);
    signals?.dispose();
    // Everything the run pushed goes, then the lock; a reference device the rig started goes last.
    await claim?.release(cliSession);
    unregister?.();
    await resolved.release().catch(() => undefined);
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

/**
 * A run that died holding the target (its lock taken over here, or its snapshot found here) wrote
 * no reports: they are built now from its events.jsonl, when it ran on this machine.
 */
async function reportDeadRun(claim: TargetClaim, leftover: LeftoverRestored | undefined, note: (line: string) => void): Promise<string | undefined> {
  const dirs = new Set<string>();
  const dead = claim.lock.tookOver?.owner;
  if (dead?.outDir !== undefined && dead.hostKey === localHostKey()) dirs.add(dead.outDir);
  if (leftover?.leftBy.outDir !== undefined && leftover.leftBy.host === os.hostname()) dirs.add(leftover.leftBy.outDir);
  let html: string | undefined;
  for (const dir of dirs) html ??= await rebuildDeadRunReport(dir, note);
  return html;
}
