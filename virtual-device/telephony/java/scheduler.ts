/**
 * Handler/Looper semantics on the device clock, for the whole simulated telephony stack.
 *
 * AOSP runs ImsResolver on its own HandlerThread, every ImsServiceController on another one, and
 * receives broadcasts and ServiceConnection callbacks on the main thread. Real threads interleave
 * nondeterministically; here every "thread" is a named Handler on ONE queue ordered by (due time,
 * post order), so a run is reproducible and the order is the one a single looper would give (the
 * order AOSP's own unit tests use with TestableLooper). Delays are device milliseconds on the
 * platform Clock, so `--time-scale 0.01` runs a 2 s rebind in 20 ms of wall time.
 */
import { type Clock, type TimerHandle } from '../../android/platform';

/** What `ims-rig-device wait-idle` reports as outstanding work. */
export interface PendingWork {
  readonly thread: string;
  readonly label: string;
  /** Device milliseconds from now until the work runs (0 = queued now). */
  readonly dueInMs: number;
}

interface QueueEntry {
  readonly handler: Handler;
  readonly what: string;
  readonly obj: unknown;
  readonly label: string;
  readonly dueAt: number;
  readonly seq: number;
  readonly task: () => void;
}

/** Called when a task throws: AOSP would crash the process; the caller decides what to log. */
export type UncaughtHandler = (thread: string, error: unknown) => void;

export class DeviceScheduler {
  private queue: QueueEntry[] = [];
  private nextSeq = 0;
  private timer: { handle: TimerHandle; at: number } | undefined;
  private running = false;
  /** The due time of the task running now: device time stands there while it runs (see ScaledClock). */
  private current: number | undefined;

  constructor(
    readonly clock: Clock,
    private readonly onUncaught: UncaughtHandler,
  ) {}

  /** A Handler on a named thread; `owner` groups handlers so a dying process can drop its work. */
  handler(thread: string, owner: string): Handler {
    return new Handler(this, thread, owner);
  }

  now(): number {
    return this.current ?? this.clock.elapsedMs();
  }

  /** Work not yet run, soonest first. */
  pending(): PendingWork[] {
    const now = this.now();
    return this.sorted().map((e) => ({ thread: e.handler.thread, label: e.label, dueInMs: Math.max(0, e.dueAt - now) }));
  }

  /** Drops all queued work of an owner (a process died). */
  dropOwner(owner: string): void {
    this.queue = this.queue.filter((e) => e.handler.owner !== owner);
    this.reschedule();
  }

  /** @internal */
  enqueue(entry: Omit<QueueEntry, 'seq'>): void {
    this.queue.push({ ...entry, seq: this.nextSeq++ });
    this.reschedule();
  }

  /** @internal */
  remove(predicate: (e: QueueEntry) => boolean): void {
    const before = this.queue.length;
    this.queue = this.queue.filter((e) => !predicate(e));
    if (this.queue.length !== before) this.reschedule();
  }

  /** @internal */
  has(predicate: (e: QueueEntry) => boolean): boolean {
    return this.queue.some(predicate);
  }

  private sorted(): QueueEntry[] {
    return [...this.queue].sort((a, b) => a.dueAt - b.dueAt || a.seq - b.seq);
  }

  private reschedule(): void {
    if (this.running) return; // the run loop reschedules when it finishes
    const next = this.sorted()[0];
    if (!next) {
      this.timer?.handle.cancel();
      this.timer = undefined;
      return;
    }
    if (this.timer && this.timer.at <= next.dueAt) return;
    this.timer?.handle.cancel();
    const at = next.dueAt;
    this.timer = { at, handle: this.clock.schedule(Math.max(0, at - this.now()), () => this.run(at)) };
  }

  private run(at: number): void {
    this.timer = undefined;
    this.running = true;
    try {
      // The timer fired at (or after) `at`; never run work that is not yet due.
      const now = Math.max(this.now(), at);
      for (let guard = 0; guard < 100_000; guard++) {
        const next = this.sorted()[0];
        if (!next || next.dueAt > now) break;
        this.queue.splice(this.queue.indexOf(next), 1);
        // Work a task posts is due relative to the task's own due time, not to when the host got
        // round to running it: the order of the device's own work never depends on host speed.
        this.current = next.dueAt;
        try {
          next.task();
        } catch (error) {
          this.onUncaught(next.handler.thread, error);
        }
      }
    } finally {
      this.current = undefined;
      this.running = false;
      this.reschedule();
    }
  }
}

/** android.os.Handler: post / postDelayed / sendMessage, hasMessages, removeMessages. */
export class Handler {
  private quit = false;

  constructor(
    private readonly scheduler: DeviceScheduler,
    readonly thread: string,
    readonly owner: string,
  ) {}

  /** Runs `task` after `delayMs` device milliseconds (0: at the end of the current queue). */
  post(label: string, task: () => void, delayMs = 0, what = '', obj: unknown = undefined): void {
    if (this.quit) return;
    this.scheduler.enqueue({ handler: this, what, obj, label, dueAt: this.scheduler.now() + Math.max(0, delayMs), task });
  }

  /** Message-style post: `what` (and `obj`) identify it for hasMessages/removeMessages. */
  sendMessage(what: string, obj: unknown, label: string, task: () => void, delayMs = 0): void {
    this.post(label, task, delayMs, what, obj);
  }

  hasMessages(what: string, obj?: unknown): boolean {
    return this.scheduler.has((e) => e.handler === this && e.what === what && (obj === undefined || e.obj === obj));
  }

  removeMessages(what: string, obj?: unknown): void {
    this.scheduler.remove((e) => e.handler === this && e.what === what && (obj === undefined || e.obj === obj));
  }

  /** The looper quit (its process died): nothing queued runs, nothing new is accepted. */
  quitSafely(): void {
    this.quit = true;
    this.scheduler.remove((e) => e.handler === this);
  }

  get isQuit(): boolean {
    return this.quit;
  }
}
