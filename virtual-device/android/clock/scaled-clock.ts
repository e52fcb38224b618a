/**
 * The device clock (platform.ts `Clock`). Device time runs `1 / scale` times as fast as real time:
 * a 2000 ms AOSP delay fires after 2000 × scale real ms, while the device still *reports* 2000.
 *
 * Timers live in one queue ordered by device deadline (then by scheduling order), driven by a
 * single real timer. Real `setTimeout`s would fire a 20 µs and a 50 µs timer in scheduling order
 * (both round to 1 ms); the queue keeps AOSP's order whatever the scale.
 *
 * While a timer's task runs, device time *is* that timer's deadline: what the task schedules is due
 * a fixed device delay after it, however late the host fired it. Device time derived from the real
 * clock inside a task would let host jitter (a garbage collection, a busy CPU: 5 real ms are 250
 * device ms at scale 0.02) reorder the device's own causally-timed work, and the same scenario
 * would get different verdicts from run to run (issue 11, item 6). Only stimuli from outside (adb
 * commands) arrive at real-derived times.
 */
import { type Clock, type TimerHandle } from '../platform';

interface QueuedTimer {
  readonly deadline: number; // device ms since boot
  readonly seq: number;
  readonly task: () => void;
  cancelled: boolean;
}

export interface ScaledClockOptions {
  /** Real ms per device ms (default 1). 0.01 runs a 2 s rebind in 20 ms. Must be > 0. */
  readonly scale?: number;
  /** Real time source (tests may inject). */
  readonly realNowMs?: () => number;
  /** Wall-clock time the device starts with (default: the host's). */
  readonly wallClockStart?: Date;
}

export class ScaledClock implements Clock {
  readonly scale: number;
  private readonly realNowMs: () => number;
  /** Real time of the current boot (elapsedRealtime zero). */
  private bootRealMs: number;
  /** Device wall-clock ms at the current boot. */
  private bootWallMs: number;
  private readonly queue: QueuedTimer[] = [];
  private seq = 0;
  private realTimer: NodeJS.Timeout | undefined;
  private armedFor: number | undefined;
  private readonly errorListeners: ((error: unknown) => void)[] = [];
  /** The deadline of the timer whose task is running (device time stands there meanwhile). */
  private firing: number | undefined;
  /** Device ms skipped by advance() since the current boot (device time = real time / scale + skipped). */
  private skippedMs = 0;

  constructor(options: ScaledClockOptions = {}) {
    const scale = options.scale ?? 1;
    if (!(scale > 0) || !Number.isFinite(scale)) throw new RangeError(`time scale must be a positive number, got ${scale}`);
    this.scale = scale;
    this.realNowMs = options.realNowMs ?? (() => performance.now());
    this.bootRealMs = this.realNowMs();
    this.bootWallMs = (options.wallClockStart ?? new Date()).getTime();
  }

  elapsedMs(): number {
    return Math.floor(this.elapsedExact());
  }

  /** Fractional device ms (for ordering and sleeping); a running timer's deadline while it runs. */
  private elapsedExact(): number {
    return this.firing ?? (this.realNowMs() - this.bootRealMs) / this.scale + this.skippedMs;
  }

  now(): Date {
    return new Date(this.bootWallMs + this.elapsedExact());
  }

  schedule(deviceDelayMs: number, task: () => void): TimerHandle {
    const timer: QueuedTimer = { deadline: this.elapsedExact() + Math.max(0, deviceDelayMs), seq: this.seq++, task, cancelled: false };
    // Insert keeping (deadline, seq) order; queues are short, a linear scan from the end is enough.
    let index = this.queue.length;
    while (index > 0) {
      const before = this.queue[index - 1];
      if (before === undefined || before.deadline <= timer.deadline) break;
      index--;
    }
    this.queue.splice(index, 0, timer);
    this.arm();
    return {
      cancel: () => {
        if (timer.cancelled) return;
        timer.cancelled = true;
        const at = this.queue.indexOf(timer);
        if (at >= 0) this.queue.splice(at, 1);
        this.arm();
      },
    };
  }

  /** A promise resolved after `deviceDelayMs` device ms (shell `sleep`). */
  sleep(deviceDelayMs: number): { readonly done: Promise<void>; cancel(): void } {
    let handle: TimerHandle | undefined;
    let resolveDone: () => void = () => undefined;
    const done = new Promise<void>((resolve) => {
      resolveDone = resolve;
      handle = this.schedule(deviceDelayMs, resolve);
    });
    return { done, cancel: () => { handle?.cancel(); resolveDone(); } };
  }

  pendingTimers(): number {
    return this.queue.length;
  }

  /** Device ms until the next timer is due, or undefined when none is queued. */
  nextDueInMs(): number | undefined {
    const first = this.queue[0];
    return first === undefined ? undefined : Math.max(0, first.deadline - this.elapsedExact());
  }

  /**
   * Fast-forward: `deviceMs` device ms pass at once. The timers falling due in them fire now, in
   * deadline order, as they would have fired had the host waited; the device reports the time as
   * having passed (uptime, log times). Only waits where the host is waiting for the device anyway
   * (`ims-rig-device wait-idle`) use it, so nothing can tell the skip from a wait but the host's clock.
   */
  advance(deviceMs: number): void {
    if (!(deviceMs >= 0) || !Number.isFinite(deviceMs)) throw new RangeError(`advance: ${deviceMs} is not a device delay`);
    this.skippedMs += deviceMs;
    if (this.realTimer !== undefined) clearTimeout(this.realTimer);
    this.realTimer = undefined;
    this.armedFor = undefined;
    this.fireDue();
  }

  /** Errors thrown by timer tasks go here (they must not kill the host process). */
  onTaskError(listener: (error: unknown) => void): void {
    this.errorListeners.push(listener);
  }

  /**
   * A reboot: every pending timer dies with the processes that set it and elapsedRealtime starts
   * again from zero; the wall clock keeps running.
   */
  reboot(): void {
    this.bootWallMs = this.now().getTime();
    this.firing = undefined;
    this.bootRealMs = this.realNowMs();
    this.skippedMs = 0;
    for (const timer of this.queue) timer.cancelled = true;
    this.queue.length = 0;
    this.arm();
  }

  /** Stops the real timer (device shut down for good). */
  dispose(): void {
    this.reboot();
  }

  private arm(): void {
    const first = this.queue[0];
    if (first === undefined) {
      if (this.realTimer !== undefined) clearTimeout(this.realTimer);
      this.realTimer = undefined;
      this.armedFor = undefined;
      return;
    }
    if (this.realTimer !== undefined && this.armedFor === first.deadline) return;
    if (this.realTimer !== undefined) clearTimeout(this.realTimer);
    const realDelay = Math.max(0, (first.deadline - this.elapsedExact()) * this.scale);
    this.armedFor = first.deadline;
    this.realTimer = setTimeout(() => this.fireDue(), realDelay);
  }

  private fireDue(): void {
    this.realTimer = undefined;
    this.armedFor = undefined;
    const now = this.elapsedExact();
    // Fire everything due now, in deadline order; tasks may schedule more (those wait their turn).
    for (;;) {
      const first = this.queue[0];
      if (first === undefined || first.deadline > now) break;
      this.queue.shift();
      if (first.cancelled) continue;
      first.cancelled = true;
      // A task that fast-forwards the clock (advance) fires timers inside this one's: restore after.
      const outer = this.firing;
      this.firing = first.deadline;
      try {
        first.task();
      } catch (error) {
        for (const listener of this.errorListeners) listener(error);
      } finally {
        this.firing = outer;
      }
    }
    this.arm();
  }
}
