/**
 * Deadlines, cancellation and retries for adb operations. Every wait in harness/adb goes through
 * here so a scenario's AbortSignal and deadline reach each adb call (style-anchors.md §6 lesson 9).
 */
import { TimeoutError } from '../errors';

export interface WaitOptions {
  /** Give up after this long (ms). */
  readonly timeoutMs?: number;
  /** Abort early (the run was interrupted). */
  readonly signal?: AbortSignal;
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError(signal));
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortError(signal));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function abortError(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  return reason instanceof Error ? reason : new TimeoutError('aborted');
}

/**
 * Runs `work` with a deadline: on timeout or abort `onCancel` runs (close the socket) and the
 * promise rejects with TimeoutError naming `what`.
 */
export function withDeadline<T>(what: string, work: Promise<T>, options: WaitOptions & { onCancel?: () => void }): Promise<T> {
  const { timeoutMs, signal, onCancel } = options;
  if (timeoutMs === undefined && signal === undefined) return work;
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      if (timer !== undefined) clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      fn();
    };
    const timer = timeoutMs === undefined ? undefined : setTimeout(() => finish(() => {
      onCancel?.();
      reject(new TimeoutError(`${what} did not finish within ${timeoutMs} ms`));
    }), timeoutMs);
    const onAbort = (): void => finish(() => {
      onCancel?.();
      reject(abortError(signal));
    });
    if (signal?.aborted) {
      onAbort();
      return;
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    work.then((v) => finish(() => resolve(v)), (e: unknown) => finish(() => reject(e instanceof Error ? e : new Error(String(e)))));
  });
}

export interface RetryOptions {
  readonly attempts: number;
  /** First delay; doubles each time (exponential backoff). */
  readonly baseDelayMs: number;
  readonly maxDelayMs?: number;
  readonly shouldRetry: (error: unknown) => boolean;
  readonly signal?: AbortSignal;
}

/**
 * Retries a flaky *idempotent* transport operation (connect, push) with exponential backoff.
 * Never wrap commands with side effects in this unless they are idempotent.
 */
export async function retry<T>(work: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  let delay = options.baseDelayMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work(attempt);
    } catch (e) {
      if (attempt >= options.attempts || !options.shouldRetry(e)) throw e;
      await sleep(delay, options.signal);
      delay = Math.min(delay * 2, options.maxDelayMs ?? 10_000);
    }
  }
}

/**
 * Polls `probe` until it returns a value other than undefined, or the deadline passes. The wait
 * between probes starts short and doubles up to `intervalMs`: a fast target (the reference device
 * comes back from a reboot in tens of milliseconds) is not made to wait a whole interval, and a
 * slow one is not polled harder than `intervalMs` once it is clearly taking its time.
 */
export async function pollUntil<T>(what: string, probe: () => Promise<T | undefined>, options: WaitOptions & { intervalMs?: number }): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  const maxInterval = options.intervalMs ?? 250;
  let interval = Math.min(FIRST_POLL_INTERVAL_MS, maxInterval);
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() >= deadline) throw new TimeoutError(`${what}: still waiting after ${options.timeoutMs ?? 60_000} ms`);
    await sleep(Math.min(interval, Math.max(0, deadline - Date.now())), options.signal);
    interval = Math.min(interval * 2, maxInterval);
  }
}

const FIRST_POLL_INTERVAL_MS = 20;
