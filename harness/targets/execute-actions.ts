/**
 * Performs planned device actions (./device-action.ts) on a target and judges each result. A
 * command that does not do what it must is a CommandFailedError (an infrastructure problem, exit 3
 * class) — never a conformance failure: the verdict comes only from observing the framework.
 */
import { randomBytes } from 'node:crypto';
import { CommandFailedError, InputError, isImsRigError } from '../errors';
import { readApkManifest } from '../formats/apk-reader';
import { IMS_COMPAT_SERVICE_ACTION, IMS_SERVICE_ACTION, OBSERVER_PACKAGE } from '../model';
import { commandSequence, sleep, splitSequenceOutput, type ShellCommand, type ShellResult } from '../adb';
import {
  controlBroadcastCommand, controlBroadcastProblem, dumpsysIsubCommand, getImsServiceCommand, killCommand, parseControlBroadcast, parseDumpsysIsub, parsePidof,
  parseBroadcastResult, parseObserverOutcome, physicalSubscription, pidofCommand,
} from '../android';
import { type ApkCache } from './app-realiser';
import { describeAction, type DeviceAction, type RetryWhile, type ShellExpectation } from './device-action';
import { type TargetSession } from './target-session';

const PHONE_PROCESS = 'com.android.phone';

/** One command the rig sent, for the evidence of a step. */
export interface CommandRecord {
  readonly command: string;
  readonly exitCode: number | null;
  readonly durationMs: number;
}

export interface ExecutionContext {
  readonly session: TargetSession;
  readonly apks: ApkCache;
  readonly signal?: AbortSignal;
  /** Device files the rig pushed (removed again at restore). */
  readonly pushed: Set<string>;
  /** Filled with every command sent. */
  readonly log: CommandRecord[];
}

const SHELL_TIMEOUT_MS = 60_000;

function judge(result: ShellResult, expect: ShellExpectation): string | undefined {
  const said = (result.stderr.trim() || result.stdout.trim()).split(/\r?\n/).slice(0, 3).join(' | ');
  switch (expect) {
    case 'best-effort':
      return undefined;
    case 'exit-0':
      return result.exitCode === 0 ? undefined : `exited ${result.exitCode}${said ? `: ${said}` : ''}`;
    case 'prints-true':
      if (result.exitCode !== 0) return `exited ${result.exitCode}${said ? `: ${said}` : ''}`;
      return result.stdout.trim() === 'true' ? undefined : `printed ${JSON.stringify(result.stdout.trim())} instead of true`;
    case 'pm-success':
      return /\bSuccess\b/.test(result.stdout) ? undefined : `did not print Success: ${said || `exit ${result.exitCode}`}`;
    case 'observer-outcome': {
      const broadcast = parseBroadcastResult(result.stdout);
      if (!broadcast.completed) return `did not complete: ${said || `exit ${result.exitCode}`}`;
      if (broadcast.data === undefined) return `completed without result data: no receiver of ${OBSERVER_PACKAGE} ran (is the observer app installed, with its code?)`;
      // A registration that failed is an observation (its log line says how), not a rig problem.
      const outcome = parseObserverOutcome(broadcast.data);
      return outcome.kind === 'registered' || outcome.kind === 'failed' || outcome.kind === 'unregistered' || outcome.kind === 'reset' ? undefined : `${OBSERVER_PACKAGE} answered ${JSON.stringify(broadcast.data)}`;
    }
  }
}

function timeouts(ctx: ExecutionContext, timeoutMs: number): { timeoutMs: number; signal?: AbortSignal } {
  return { timeoutMs, ...(ctx.signal ? { signal: ctx.signal } : {}) };
}

/** Runs one action. */
export async function executeAction(action: DeviceAction, ctx: ExecutionContext): Promise<void> {
  const { session } = ctx;
  const device = session.device;
  const started = Date.now();
  let exitCode: number | null = 0;
  try {
    switch (action.kind) {
      case 'shell': {
        const result = await shellWithRetry(action.command, action.retry, ctx);
        exitCode = result.exitCode;
        const problem = judge(result, action.expect);
        if (problem !== undefined) {
          throw new CommandFailedError(`${session.info.serial}: "${action.command.line}" ${problem}`, action.command.line, result.exitCode, result.stdout, result.stderr);
        }
        return;
      }
      case 'push': {
        const bytes = await ctx.apks.bytesFor(action.source);
        await device.push(bytes, action.path, timeouts(ctx, SHELL_TIMEOUT_MS));
        ctx.pushed.add(action.path);
        return;
      }
      case 'install-apk': {
        const apk = await ctx.apks.apkFor(action.spec, action.extras);
        const what = `${action.spec.package} (${action.spec.apk ?? 'the APK the rig generated for it'})`;
        if (action.requireImsService === true && !(await declaresImsService(apk.bytes))) {
          throw new InputError(`${what} declares no ImsService (no <service> with the ${IMS_SERVICE_ACTION} or compat action), but the scenario observes it as one`, { ...(action.spec.apk ? { file: action.spec.apk } : {}) });
        }
        try {
          await device.install(apk.bytes, { replace: true, ...timeouts(ctx, 180_000) });
        } catch (e) {
          if (!(e instanceof CommandFailedError)) throw e;
          // The target refused it (INSTALL_FAILED_*, INSTALL_PARSE_FAILED_*): say which app, in adb's words.
          const said = e.stdout.trim() || e.message;
          throw new CommandFailedError(`${session.info.serial} refused to install ${what}: ${said}`, e.command, e.exitStatus, e.stdout, e.stderr);
        }
        return;
      }
      case 'uninstall': {
        const result = await device.uninstall(action.package, timeouts(ctx, SHELL_TIMEOUT_MS));
        if (!result.ok) throw new CommandFailedError(`${session.info.serial}: pm uninstall ${action.package}: ${result.message}`, `pm uninstall ${action.package}`, null, result.message, '');
        return;
      }
      case 'root': {
        if (session.rooted) return;
        const result = await device.root(timeouts(ctx, 90_000));
        if (!result.ok) throw new CommandFailedError(`${session.info.serial}: adb root refused: ${result.message}`, 'adb root', null, result.message, '');
        session.rooted = true;
        return;
      }
      case 'remount': {
        if (session.remounted) return;
        const result = await device.remount(timeouts(ctx, 90_000));
        if (!result.ok) throw new CommandFailedError(`${session.info.serial}: adb remount failed: ${result.output}`, 'adb remount', null, result.output, '');
        session.remounted = true;
        return;
      }
      case 'restart-phone':
        await restartPhone(ctx);
        return;
      case 'control-broadcast': {
        const command = controlBroadcastCommand(action.package, action.request);
        const result = await device.shell(command, timeouts(ctx, SHELL_TIMEOUT_MS));
        exitCode = result.exitCode;
        const problem = controlBroadcastProblem(action.package, action.request, parseControlBroadcast(`${result.stdout}\n${result.stderr}`));
        if (problem !== undefined) throw new CommandFailedError(`${session.info.serial}: ${problem}`, command.line, result.exitCode, result.stdout, result.stderr);
        return;
      }
      case 'reboot': {
        const wasRooted = session.rooted;
        await session.clock.beforeReboot(session.device);
        await device.reboot(timeouts(ctx, session.rebootTimeoutMs));
        // adbd comes back as shell and /system read-only (service.adb.root is not persistent).
        // The rig keeps root across its reboots: its snapshots read carrier config as root.
        session.rooted = false;
        session.remounted = false;
        if (wasRooted) {
          const root = await device.root(timeouts(ctx, 90_000));
          session.rooted = root.ok;
        }
        await waitForPhysicalSim(ctx);
        return;
      }
    }
  } catch (e) {
    exitCode = e instanceof CommandFailedError ? e.exitStatus : null;
    throw e;
  } finally {
    ctx.log.push({ command: describeAction(action), exitCode, durationMs: Date.now() - started });
  }
}

/** Whether the APK's manifest declares a service with the ImsService (or compat ImsService) action. */
async function declaresImsService(apk: Buffer): Promise<boolean> {
  try {
    const manifest = await readApkManifest(apk, 'app.apk');
    return manifest.components.some((c) => c.kind === 'service' && c.intentFilters.some((f) => f.actions.includes(IMS_SERVICE_ACTION) || f.actions.includes(IMS_COMPAT_SERVICE_ACTION)));
  } catch {
    return false;
  }
}

/** Runs a shell command, again (backing off) while its output matches `retry.pattern`. */
async function shellWithRetry(command: ShellCommand, retry: RetryWhile | undefined, ctx: ExecutionContext): Promise<ShellResult> {
  const started = Date.now();
  let delay = 100;
  for (;;) {
    const result = await ctx.session.device.shell(command, timeouts(ctx, SHELL_TIMEOUT_MS));
    if (retry === undefined || !new RegExp(retry.pattern).test(`${result.stdout}\n${result.stderr}`) || Date.now() - started > retry.timeoutMs) return result;
    await sleep(delay, ctx.signal);
    delay = Math.min(delay * 2, 2_000);
  }
}

/**
 * A phone-process restart by stock means: `pidof com.android.phone`, `kill <pid>` as root (a
 * persistent process: ActivityManager starts it again at once), then wait until `cmd phone`
 * answers from the new process.
 */
async function restartPhone(ctx: ExecutionContext): Promise<void> {
  const { session } = ctx;
  const serial = session.info.serial;
  if (!session.rooted) {
    const root = await session.device.root(timeouts(ctx, 90_000));
    if (!root.ok) throw new CommandFailedError(`${serial}: adb root refused: ${root.message}`, 'adb root', null, root.message, '');
    session.rooted = true;
  }
  const before = await session.device.shell(pidofCommand(PHONE_PROCESS), timeouts(ctx, SHELL_TIMEOUT_MS));
  const [pid] = parsePidof(before.stdout);
  if (pid === undefined) throw new CommandFailedError(`${serial}: ${PHONE_PROCESS} is not running (pidof printed nothing)`, `pidof ${PHONE_PROCESS}`, before.exitCode, before.stdout, before.stderr);
  const killed = await session.device.shell(killCommand(pid), timeouts(ctx, SHELL_TIMEOUT_MS));
  if (killed.exitCode !== 0) throw new CommandFailedError(`${serial}: kill ${pid} (${PHONE_PROCESS}) failed: ${killed.stderr.trim() || killed.stdout.trim()}`, `kill ${pid}`, killed.exitCode, killed.stdout, killed.stderr);
  const deadline = Date.now() + 60_000;
  let delay = 100;
  for (;;) {
    const now = await session.device.shell(pidofCommand(PHONE_PROCESS), timeouts(ctx, SHELL_TIMEOUT_MS));
    const [next] = parsePidof(now.stdout);
    if (next !== undefined && next !== pid) {
      const answer = await session.device.shell(getImsServiceCommand({ slot: 0, scope: 'device', feature: 'MMTEL' }), timeouts(ctx, SHELL_TIMEOUT_MS));
      if (answer.exitCode === 0) return;
    }
    if (Date.now() > deadline) throw new CommandFailedError(`${serial}: ${PHONE_PROCESS} did not come back within 60 s after kill ${pid}`, `pidof ${PHONE_PROCESS}`, now.exitCode, now.stdout, now.stderr);
    await sleep(delay, ctx.signal);
    delay = Math.min(delay * 2, 1_000);
  }
}

/**
 * Runs actions in order. Consecutive shell commands go to the target in ONE round trip (a command
 * sequence; each is still judged by its own output and exit status): the rig sends what a person
 * would type on one line. A failure stops the actions after its batch and is thrown; with
 * `onFailure` (best-effort restores) it is reported there and the rest still run. A lost device
 * always throws.
 */
export async function executeActions(actions: readonly DeviceAction[], ctx: ExecutionContext, onFailure?: (error: unknown) => void): Promise<void> {
  const fail = (e: unknown): void => {
    if (onFailure === undefined || (isImsRigError(e) && e.code === 'E_DEVICE')) throw e;
    onFailure(e);
  };
  // root/remount when adbd already is root / /system already writable: nothing to send.
  const noOp = (a: DeviceAction): boolean => (a.kind === 'root' && ctx.session.rooted) || (a.kind === 'remount' && ctx.session.remounted);
  let i = 0;
  while (i < actions.length) {
    const batch: { action: ShellAction; index: number }[] = [];
    let j = i;
    for (; j < actions.length; j++) {
      const next = actions[j] as DeviceAction;
      if (noOp(next)) continue;
      if (next.kind !== 'shell') break;
      batch.push({ action: next, index: j });
    }
    if (batch.length === 0 && j >= actions.length) break;
    const single: DeviceAction | undefined = batch.length === 1 ? batch[0]?.action : batch.length === 0 ? actions[j] : undefined;
    if (single === undefined) {
      const outcome = await executeShellBatch(batch.map((b) => b.action), ctx);
      for (const failure of outcome.failures) fail(failure);
      const again = outcome.retryAt === undefined ? undefined : batch[outcome.retryAt];
      if (again !== undefined) {
        // The phone was not ready for it (a SIM's subscription coming back, the phone process
        // restarting): that command again on its own until it is, then the rest after it.
        try {
          await executeAction(again.action, ctx);
        } catch (e) {
          fail(e);
        }
        i = again.index + 1;
        continue;
      }
    } else {
      try {
        await executeAction(single, ctx);
      } catch (e) {
        fail(e);
      }
    }
    i = batch.length === 0 ? j + 1 : j;
  }
}

type ShellAction = Extract<DeviceAction, { kind: 'shell' }>;

interface BatchOutcome {
  /** The commands that did not do what they must, in order (before `retryAt`). */
  readonly failures: CommandFailedError[];
  /** The first command with a retry condition that held: it and those after it are to be run again. */
  readonly retryAt?: number;
}

/** Consecutive shell actions in one round trip, each judged by its own output and status. */
async function executeShellBatch(batch: readonly ShellAction[], ctx: ExecutionContext): Promise<BatchOutcome> {
  const { session } = ctx;
  const marker = `IMS_RIG_BATCH_${randomBytes(6).toString('hex')}`;
  const started = Date.now();
  let result: ShellResult;
  try {
    result = await session.device.shell(commandSequence(batch.map((a) => a.command), marker), timeouts(ctx, SHELL_TIMEOUT_MS * batch.length));
  } catch (e) {
    for (const action of batch) ctx.log.push({ command: describeAction(action), exitCode: null, durationMs: Date.now() - started });
    throw e;
  }
  // Each command is recorded with the batch's duration: it finished within it.
  const durationMs = Date.now() - started;
  const failures: CommandFailedError[] = [];
  const outs = splitSequenceOutput(result.stdout, marker, batch.length);
  for (const [index, out] of outs.entries()) {
    const action = batch[index] as ShellAction;
    const exitCode = out.exitCode ?? 255;
    ctx.log.push({ command: describeAction(action), exitCode, durationMs });
    // stderr is the batch's: a retry it causes for the wrong command only repeats an idempotent one.
    if (action.retry !== undefined && new RegExp(action.retry.pattern).test(`${out.stdout}\n${result.stderr}`)) return { failures, retryAt: index };
    const own: ShellResult = { ...result, command: action.command.line, stdout: out.stdout, stderr: '', exitCode };
    const problem = out.exitCode === null ? 'did not run to its end' : judge(own, action.expect);
    if (problem !== undefined) {
      const said = result.stderr.trim().split(/\r?\n/).slice(0, 3).join(' | ');
      failures.push(new CommandFailedError(`${session.info.serial}: "${action.command.line}" ${problem}${said && exitCode !== 0 ? ` (stderr of its batch: ${said})` : ''}`, action.command.line, exitCode, out.stdout, result.stderr));
    }
  }
  return { failures };
}

/** How long a target's own SIM may take after boot_completed to be listed again (UiccController, SubscriptionManagerService). */
const SIM_BACK_TIMEOUT_MS = 60_000;

/**
 * After a reboot, a target whose own SIM the rig switches (routes.physicalSim) answers adb before
 * SubscriptionManagerService lists that SIM again: a snapshot then sees a SIM with no subscription
 * it could switch. Waits (bounded) until dumpsys isub shows it, enabled or switched off.
 */
async function waitForPhysicalSim(ctx: ExecutionContext): Promise<void> {
  const physical = ctx.session.routes.physicalSim;
  if (physical === undefined) return;
  const deadline = Date.now() + SIM_BACK_TIMEOUT_MS;
  for (;;) {
    const result = await ctx.session.device.shell(dumpsysIsubCommand(), timeouts(ctx, 15_000));
    if (result.exitCode === 0 && physicalSubscription(parseDumpsysIsub(result.stdout), physical.slot) !== undefined) return;
    if (Date.now() >= deadline) return; // the snapshot will say what it sees
    await sleep(250, ctx.signal);
  }
}
