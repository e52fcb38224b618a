/**
 * Waiting, without fixed sleeps, until the framework has finished reacting to a stimulus, then
 * observing it. On the reference device `ims-rig-device wait-idle` returns once its ImsResolver has
 * no queued work and no timer due; then `dumpsys phone` is read until the observed table holds
 * still (or equals the expectation). On other targets the same polling runs with AOSP's timers in
 * mind (aosp-imsresolver.md §1.1/§1.6: rebind 2 s, dynamic-query retry 5 s, bind backoff up to
 * 64 s; CTS waits 70 s per latch, cts-and-reports.md §1.8): reads back off from 100 ms to 2 s and
 * the table must stay the same across a quiet window longer than one rebind before it counts.
 */
import { type BindingTable } from '../model';
import { sleep } from '../adb';
import { dumpsysPhoneCommand, parseDumpsysPhone, parseWaitIdle, waitIdleCommand, type ImsResolverDumpResult } from '../android';
import { TimeoutError } from '../errors';
import { type TargetSession } from './target-session';

export interface SettleOptions {
  /** Slots the framework should have now (the observed table covers these). */
  readonly slotCount: number;
  /** The documented expectation; a settled read equal to it needs no second read on the reference device. */
  readonly expected?: BindingTable;
  /** Give up waiting after this long and observe anyway (default: 70 s, CTS's latch). */
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
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
}

export const DEFAULT_SETTLE_TIMEOUT_MS = 70_000;
/** How long the reference device may take to become idle before the reads decide (real ms). */
export const IDLE_WAIT_MS = 5_000;
/** Longer than one rebind (REBIND_START_DELAY_MS 2000): a table unchanged across it has settled. */
export const REAL_DEVICE_QUIET_MS = 2_500;

/** The reference device's stimulus tool answers wait-idle; other targets are polled. */
export function hasWaitIdle(session: TargetSession): boolean {
  return session.capabilities.has('fault-injection') || session.capabilities.has('sim-control');
}

function tableKey(dump: ImsResolverDumpResult): string {
  return dump.found ? JSON.stringify(dump.observed) : `not-found:${dump.reason}`;
}

/** Waits for the framework to settle and returns the last observation. */
export async function settleAndObserve(session: TargetSession, options: SettleOptions): Promise<Observation> {
  const started = Date.now();
  const timeoutMs = options.timeoutMs ?? DEFAULT_SETTLE_TIMEOUT_MS;
  const deadline = started + timeoutMs;
  const signal = options.signal;
  const idleTool = hasWaitIdle(session);
  let idle = false;
  let busy: string | undefined;
  if (idleTool) {
    // Bounded: a service that keeps dying is rebound every 2 s forever, so the device is never
    // idle; then the reads below decide (two equal reads in a row) and the busy reason is kept.
    const waitMs = Math.min(IDLE_WAIT_MS, Math.max(0, deadline - Date.now()));
    const result = await session.device.shell(waitIdleCommand(waitMs), { timeoutMs: waitMs + 10_000, ...(signal ? { signal } : {}) });
    const parsed = parseWaitIdle(result.stdout);
    idle = result.exitCode === 0 && parsed.idle;
    if (!parsed.idle) busy = parsed.busy;
  }
  // wait-idle already let the device's timers run (or showed they never stop): two equal reads in a
  // row decide there. Elsewhere the table must hold still for longer than a rebind.
  const quietMs = idleTool ? 0 : REAL_DEVICE_QUIET_MS;
  const expectedKey = options.expected === undefined ? undefined : JSON.stringify(options.expected);

  let reads = 0;
  let interval = idleTool ? 20 : 100;
  let previous: { key: string; at: number } | undefined;
  for (;;) {
    const result = await session.device.shell(dumpsysPhoneCommand(), { timeoutMs: 30_000, ...(signal ? { signal } : {}) });
    reads += 1;
    const dump = parseDumpsysPhone(result.stdout, { slotCount: options.slotCount });
    const now = Date.now();
    const key = tableKey(dump);
    const pending = dump.found && dump.pending;
    const done = (): Observation => ({ dump, settleMs: now - started, reads, settled: true, ...(busy === undefined ? {} : { busy }) });
    if (!pending) {
      if (idle && reads === 1 && dump.found && expectedKey !== undefined && JSON.stringify(dump.observed) === expectedKey) return done();
      if (previous !== undefined && previous.key === key && now - previous.at >= quietMs) return done();
    }
    if (previous?.key !== key || pending) previous = { key, at: now };
    if (now >= deadline) return { dump, settleMs: now - started, reads, settled: false, ...(busy === undefined ? {} : { busy }) };
    await sleep(Math.min(interval, Math.max(0, deadline - now)), signal);
    interval = Math.min(interval * 2, 2_000);
    if (reads > 10_000) throw new TimeoutError('settle: too many reads');
  }
}
