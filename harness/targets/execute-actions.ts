/**
 * Performs planned device actions (./device-action.ts) on a target and judges each result. A
 * command that does not do what it must is a CommandFailedError (an infrastructure problem, exit 3
 * class) — never a conformance failure: the verdict comes only from observing the framework.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { CommandFailedError, isImsRigError } from '../errors';
import { commandSequence, splitSequenceOutput, type ShellResult } from '../adb';
import { parseBroadcastResult, parseObserverOutcome } from '../android';
import { OBSERVER_PACKAGE } from '../model';
import { type ApkCache } from './app-realiser';
import { describeAction, type DeviceAction, type ShellExpectation } from './device-action';
import { type TargetSession } from './target-session';

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
/** An emulator or phone takes a minute or two to boot; the reference device, well under a second. */
const REBOOT_TIMEOUT_MS = 240_000;
const VIRTUAL_REBOOT_TIMEOUT_MS = 30_000;

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
        const result = await device.shell(action.command, timeouts(ctx, SHELL_TIMEOUT_MS));
        exitCode = result.exitCode;
        const problem = judge(result, action.expect);
        if (problem !== undefined) {
          throw new CommandFailedError(`${session.info.serial}: "${action.command.line}" ${problem}`, action.command.line, result.exitCode, result.stdout, result.stderr);
        }
        return;
      }
      case 'push': {
        const source = action.source;
        const bytes = source.kind === 'file' ? await fs.promises.readFile(source.path)
          : source.kind === 'apk' ? (await ctx.apks.apkFor(source.spec, source.extras)).bytes
          : source.kind === 'observer-apk' ? (await ctx.apks.observerApk()).bytes
          : Buffer.from(source.text, 'utf8');
        await device.push(bytes, action.path, timeouts(ctx, SHELL_TIMEOUT_MS));
        ctx.pushed.add(action.path);
        return;
      }
      case 'install-apk': {
        const apk = await ctx.apks.apkFor(action.spec, action.extras);
        await device.install(apk.bytes, { replace: true, ...timeouts(ctx, 180_000) });
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
      case 'reboot':
        await device.reboot(timeouts(ctx, session.info.kind === 'virtual' ? VIRTUAL_REBOOT_TIMEOUT_MS : REBOOT_TIMEOUT_MS));
        // adbd comes back as shell and /system read-only (service.adb.root is not persistent).
        // The next `root` action asks again (adb answers "already running as root" if it still is).
        session.rooted = false;
        session.remounted = false;
        return;
    }
  } catch (e) {
    exitCode = e instanceof CommandFailedError ? e.exitStatus : null;
    throw e;
  } finally {
    ctx.log.push({ command: describeAction(action), exitCode, durationMs: Date.now() - started });
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
    const batch: ShellAction[] = [];
    let j = i;
    for (; j < actions.length; j++) {
      const next = actions[j] as DeviceAction;
      if (noOp(next)) continue;
      if (next.kind !== 'shell') break;
      batch.push(next);
    }
    if (batch.length === 0 && j >= actions.length) break;
    const single: DeviceAction | undefined = batch.length === 1 ? batch[0] : batch.length === 0 ? actions[j] : undefined;
    if (single === undefined) {
      for (const failure of await executeShellBatch(batch, ctx)) fail(failure);
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

/** Consecutive shell actions in one round trip; returns the failures in order (none: all did what they must). */
async function executeShellBatch(batch: readonly ShellAction[], ctx: ExecutionContext): Promise<CommandFailedError[]> {
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
  splitSequenceOutput(result.stdout, marker, batch.length).forEach((out, index) => {
    const action = batch[index] as ShellAction;
    const exitCode = out.exitCode ?? 255;
    ctx.log.push({ command: describeAction(action), exitCode, durationMs });
    const own: ShellResult = { ...result, command: action.command.line, stdout: out.stdout, stderr: '', exitCode };
    const problem = out.exitCode === null ? 'did not run to its end' : judge(own, action.expect);
    if (problem !== undefined) {
      const said = result.stderr.trim().split(/\r?\n/).slice(0, 3).join(' | ');
      failures.push(new CommandFailedError(`${session.info.serial}: "${action.command.line}" ${problem}${said && exitCode !== 0 ? ` (stderr of its batch: ${said})` : ''}`, action.command.line, exitCode, out.stdout, result.stderr));
    }
  });
  return failures;
}
