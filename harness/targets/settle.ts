/**
 * Waiting, without fixed sleeps, until the framework has finished reacting to a stimulus, then
 * observing it. On the reference device `ims-rig-device wait-idle` returns once its ImsResolver has
 * no queued work and no timer due; then `dumpsys phone` is read until the observed table holds
 * still (or equals the expectation). wait-idle, the first dump and the command read alongside (the
 * logcat evidence) go in one round trip, so a settled observation costs one. On other targets the same polling runs with AOSP's timers in
 * mind (aosp-imsresolver.md §1.1/§1.6: rebind 2 s, dynamic-query retry 5 s, bind backoff up to
 * 64 s; CTS waits 70 s per latch, cts-and-reports.md §1.8): reads back off from 100 ms to 2 s and
 * the table must stay the same across a quiet window longer than one rebind before it counts.
 */
import { type BindingTable } from '../model';
import { randomBytes } from 'node:crypto';
import { commandSequence, sleep, splitSequenceOutput, type ShellCommand } from '../adb';
import { dumpsysPhoneCommand, parseDumpsysPhone, parseWaitIdle, waitIdleCommand, type ImsResolverDumpResult } from '../android';
import { TimeoutError } from '../errors';
import { captureWith, type DeviceState } from './device-state';
import { type TargetSession } from './target-session';

export interface SettleOptions {
  /** Slots the framework should have now (the observed table covers these). */
  readonly slotCount: number;
  /** The documented expectation; a settled read equal to it needs no second read on the reference device. */
  readonly expected?: BindingTable;
  /** Give up waiting after this long and observe anyway (default: 70 s, CTS's latch). */
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
  /** A command read in the same round trip as each dump (the IMS logcat): the last read's output is returned. */
  readonly alongside?: ShellCommand;
  /**
   * Also read the target's state (./device-state.ts) in the first round trip, the slot count being
   * this one; returned when that first read settled (then nothing changed since).
   */
  readonly withState?: { readonly slotCount: number };
}

export interface Observation {
  readonly dump: ImsResolverDumpResult;
  /** How long the wait took (wait-idle plus reads). */
  readonly settleMs: number;
  readonly reads: number;
  /** false: the deadline passed while the table was still changing (the last read is reported). */
  readonly settled: boolean;
  /** The reference device was not idle (wait-idle's `busy:<what>`), e.g. a service rebinding over and over. */
  readonly busy?: string;
  /** What the `alongside` command printed with the last read. */
  readonly alongside?: string;
  /** The target's state, read with the dump (withState), when the first read settled. */
  readonly state?: DeviceState;
}

export const DEFAULT_SETTLE_TIMEOUT_MS = 70_000;
/** How long the reference device may take to become idle before the reads decide (real ms). */
export const IDLE_WAIT_MS = 5_000;
/**
 * How much of its own time the reference device may skip while it is busy with nothing but its
 * timers (device ms): CTS's 70 s latch. A service that crashes on every bind is rebound for that
 * long (a few backoff rounds), then the reads decide, as after a real-time wait.
 */
export const IDLE_FAST_FORWARD_MS = DEFAULT_SETTLE_TIMEOUT_MS;
/** Longer than one rebind (REBIND_START_DELAY_MS 2000): a table unchanged across it has settled. */
export const REAL_DEVICE_QUIET_MS = 2_500;

/** The reference device's stimulus tool answers wait-idle; other targets are polled. */
export function hasWaitIdle(session: TargetSession): boolean {
  return session.capabilities.has('fault-injection') || session.capabilities.has('sim-control');
}

function tableKey(dump: ImsResolverDumpResult): string {
  return dump.found ? JSON.stringify(dump.observed) : `not-found:${dump.reason}`;
}

/** What one read brought back: wait-idle's answer (first read on the reference device), the dump, the command read alongside. */
interface Read {
  readonly idle?: { readonly exitCode: number; readonly stdout: string };
  readonly dumpsys: string;
  readonly alongside?: string;
  readonly state?: DeviceState;
}

/** The first read with the target's state in the same round trip (captureWith runs the rest around its queries). */
async function readWithState(session: TargetSession, waitIdle: ShellCommand | undefined, alongside: ShellCommand | undefined, slotCount: number): Promise<Read> {
  const before = [...(waitIdle ? [waitIdle] : []), dumpsysPhoneCommand()];
  const capture = await captureWith(session, { before, ...(alongside ? { after: [alongside] } : {}), slotCount });
  const idleOut = waitIdle ? capture.before[0] : undefined;
  return {
    ...(idleOut ? { idle: { exitCode: idleOut.exitCode, stdout: idleOut.stdout } } : {}),
    dumpsys: capture.before[before.length - 1]?.stdout ?? '',
    ...(alongside ? { alongside: capture.after[0]?.stdout ?? '' } : {}),
    state: capture.state,
  };
}

/**
 * One round trip: `[wait-idle;] dumpsys phone[; <alongside>]` as one command sequence, or dumpsys
 * alone. Every command's output comes back separately.
 */
async function readOnce(session: TargetSession, waitIdle: ShellCommand | undefined, alongside: ShellCommand | undefined, timeoutMs: number, signal: AbortSignal | undefined): Promise<Read> {
  const commands = [...(waitIdle ? [waitIdle] : []), dumpsysPhoneCommand(), ...(alongside ? [alongside] : [])];
  const options = { timeoutMs, ...(signal ? { signal } : {}) };
  if (commands.length === 1) return { dumpsys: (await session.device.shell(dumpsysPhoneCommand(), options)).stdout };
  const marker = `IMS_RIG_READ_${randomBytes(6).toString('hex')}`;
  const outs = splitSequenceOutput((await session.device.shell(commandSequence(commands, marker), options)).stdout, marker, commands.length);
  const [first, second, third] = outs;
  if (waitIdle === undefined) return { dumpsys: first?.stdout ?? '', ...(alongside ? { alongside: second?.stdout ?? '' } : {}) };
  return { idle: { exitCode: first?.exitCode ?? 255, stdout: first?.stdout ?? '' }, dumpsys: second?.stdout ?? '', ...(alongside ? { alongside: third?.stdout ?? '' } : {}) };
}

/** Waits for the framework to settle and returns the last observation. */
export async function settleAndObserve(session: TargetSession, options: SettleOptions): Promise<Observation> {
  const started = Date.now();
  const timeoutMs = options.timeoutMs ?? DEFAULT_SETTLE_TIMEOUT_MS;
  const deadline = started + timeoutMs;
  const signal = options.signal;
  const idleTool = hasWaitIdle(session);
  // Bounded: a service that keeps dying is rebound every 2 s forever, so the device is never
  // idle; then the reads below decide (two equal reads in a row) and the busy reason is kept.
  const waitMs = Math.min(IDLE_WAIT_MS, Math.max(0, deadline - Date.now()));
  let idle = false;
  let busy: string | undefined;
  // wait-idle already let the device's timers run (or showed they never stop): two equal reads in a
  // row decide there. Elsewhere the table must hold still for longer than a rebind.
  const quietMs = idleTool ? 0 : REAL_DEVICE_QUIET_MS;
  const expectedKey = options.expected === undefined ? undefined : JSON.stringify(options.expected);

  let reads = 0;
  let interval = idleTool ? 20 : 100;
  let previous: { key: string; at: number } | undefined;
  for (;;) {
    const first = reads === 0 && idleTool;
    const waitIdle = first ? waitIdleCommand(waitMs, IDLE_FAST_FORWARD_MS) : undefined;
    const read = reads === 0 && options.withState !== undefined
      ? await readWithState(session, waitIdle, options.alongside, options.withState.slotCount)
      : await readOnce(session, waitIdle, options.alongside, first ? waitMs + 30_000 : 30_000, signal);
    if (read.idle !== undefined) {
      const parsed = parseWaitIdle(read.idle.stdout);
      idle = read.idle.exitCode === 0 && parsed.idle;
      if (!parsed.idle) busy = parsed.busy;
    }
    reads += 1;
    const dump = parseDumpsysPhone(read.dumpsys, { slotCount: options.slotCount });
    const now = Date.now();
    const key = tableKey(dump);
    const pending = dump.found && dump.pending;
    const done = (): Observation => ({
      dump, settleMs: now - started, reads, settled: true, ...(busy === undefined ? {} : { busy }),
      ...(read.alongside === undefined ? {} : { alongside: read.alongside }), ...(read.state === undefined ? {} : { state: read.state }),
    });
    if (!pending) {
      if (idle && reads === 1 && dump.found && expectedKey !== undefined && JSON.stringify(dump.observed) === expectedKey) return done();
      if (previous !== undefined && previous.key === key && now - previous.at >= quietMs) return done();
    }
    if (previous?.key !== key || pending) previous = { key, at: now };
    if (now >= deadline) return { dump, settleMs: now - started, reads, settled: false, ...(busy === undefined ? {} : { busy }), ...(read.alongside === undefined ? {} : { alongside: read.alongside }) };
    await sleep(Math.min(interval, Math.max(0, deadline - now)), signal);
    interval = Math.min(interval * 2, 2_000);
    if (reads > 10_000) throw new TimeoutError('settle: too many reads');
  }
}
