/**
 * The device clock (platform.ts `Clock`). Device time runs `1 / scale` times as fast as real time:
 * a 2000 ms AOSP delay fires after 2000 × scale real ms, while the device still *reports* 2000.
 *
 * With `idleAtRealTime`, device time runs that fast only while some timer is pending — while the
 * device has something to wait for — and at real speed when nothing is queued. The waits of AOSP
 * (rebind back-off, query retries, a boot) are then charged in full, and the time a caller spends
 * between commands on an idle device counts as it would on a real one, so the device's uptime
 * projects how long the same work takes on a real emulator (results.json `summary.targetSeconds`).
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
  /** Run at real speed while no timer is pending (see the class comment). Default false. */
  readonly idleAtRealTime?: boolean;
}

export class ScaledClock implements Clock {
  readonly scale: number;
  private readonly realNowMs: () => number;
  private readonly idleAtRealTime: boolean;
  /** Real time and device elapsed time at the last change of pace (elapsedRealtime zero at boot). */
  private anchorRealMs: number;
  private anchorDeviceMs = 0;
  /** While a due timer's task runs: its deadline, the device time the task sees (see fireDue). */
  private firing: number | undefined;
  /** Device wall-clock ms at the current boot. */
  private bootWallMs: number;
  private readonly queue: QueuedTimer[] = [];
  private seq = 0;
  private realTimer: NodeJS.Timeout | undefined;
  private armedFor: number | undefined;
  private readonly errorListeners: ((error: unknown) => void)[] = [];

  constructor(options: ScaledClockOptions = {}) {
    const scale = options.scale ?? 1;
    if (!(scale > 0) || !Number.isFinite(scale)) throw new RangeError(`time scale must be a positive number, got ${scale}`);
    this.scale = scale;
    this.idleAtRealTime = options.idleAtRealTime ?? false;
    this.realNowMs = options.realNowMs ?? (() => performance.now());
    this.anchorRealMs = this.realNowMs();
    this.bootWallMs = (options.wallClockStart ?? new Date()).getTime();
  }

  /** Device ms per real ms now: 1/scale, or 1 on an idle device with idleAtRealTime. */
  private rate(): number {
    return this.idleAtRealTime && this.queue.length === 0 ? 1 : 1 / this.scale;
  }

  /** Call before the queue goes from empty to non-empty or back: fixes the time reached so far. */
  private reanchor(): void {
    const real = this.realNowMs();
    this.anchorDeviceMs += (real - this.anchorRealMs) * this.rate();
    this.anchorRealMs = real;
  }

  elapsedMs(): number {
    return Math.floor(this.elapsedExact());
  }

  /** Fractional device ms (for ordering and sleeping). */
  private elapsedExact(): number {
    if (this.firing !== undefined) return this.firing;
    return this.anchorDeviceMs + (this.realNowMs() - this.anchorRealMs) * this.rate();
  }

  now(): Date {
    return new Date(this.bootWallMs + this.elapsedExact());
  }

  schedule(deviceDelayMs: number, task: () => void): TimerHandle {
    const timer: QueuedTimer = { deadline: this.elapsedExact() + Math.max(0, deviceDelayMs), seq: this.seq++, task, cancelled: false };
    if (this.queue.length === 0) this.reanchor();
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
        if (at >= 0) {
          if (this.queue.length === 1) this.reanchor();
          this.queue.splice(at, 1);
        }
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
    this.anchorDeviceMs += deviceMs;
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
    this.firing = undefined;
    this.bootWallMs = this.now().getTime();
    for (const timer of this.queue) timer.cancelled = true;
    this.queue.length = 0;
    this.anchorRealMs = this.realNowMs();
    this.anchorDeviceMs = 0;
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
    const realDelay = Math.max(0, (first.deadline - this.elapsedExact()) / this.rate());
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
      if (this.queue.length === 1) this.reanchor();
      this.queue.shift();
      if (first.cancelled) continue;
      first.cancelled = true;
      // The task runs at its own deadline, not at the (later) moment the host got round to it:
      // what it schedules is timed from there, so a late burst keeps AOSP's order of events.
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
