/**
 * Performs planned device actions (./device-action.ts) on a target and judges each result. A
 * command that does not do what it must is a CommandFailedError (an infrastructure problem, exit 3
 * class) — never a conformance failure: the verdict comes only from observing the framework.
 */
import * as fs from 'node:fs';
import { CommandFailedError } from '../errors';
import { type ShellResult } from '../adb';
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

/** Runs actions in order; the first failure stops the rest. */
export async function executeActions(actions: readonly DeviceAction[], ctx: ExecutionContext): Promise<void> {
  for (const action of actions) await executeAction(action, ctx);
}
