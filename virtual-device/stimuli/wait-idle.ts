/**
 * `ims-rig-device wait-idle [--timeout-ms N] [--quiet-ms N] [--fast-forward-ms N]`: blocks until the
 * telephony stack has no queued work and nothing scheduled within the quiet window (device
 * milliseconds, default 2500: a 2 s rebind counts as busy, a 5 s query retry does not), then prints
 * `idle`; after the timeout (real milliseconds, default 30000) prints `busy:<what>` and exits 1.
 *
 * While the device is busy and nothing is in flight but its own timers (no broadcast being
 * delivered), nothing can happen before the next timer fires, so the device clock skips to it
 * instead of the host waiting for it in real time: the timers fire in the same order at the same
 * device times, and the device reports the time as passed — the outcome of a real-time wait,
 * without the wait. At most `--fast-forward-ms` device ms are skipped (default: the device time the
 * timeout lets pass at the device's time scale); once they are, the wait is over and the device is
 * reported busy, as at the end of a real-time wait. `--fast-forward-ms 0` waits in real time only.
 */
import { type TelephonyDevice } from '../telephony/telephony-device';
import { parseCount, parseOptions, usage } from './stimulus-error';
import { type Print } from './sim-commands';

export const DEFAULT_QUIET_MS = 2500;
export const DEFAULT_TIMEOUT_MS = 30_000;

/** What keeps the device busy within the quiet window, or null. */
export function busyReason(device: TelephonyDevice, quietMs: number): string | null {
  const phone = device.phone;
  const due = phone?.scheduler.pending().find((w) => w.dueInMs <= quietMs);
  if (due) return `${due.label} (${due.thread}, in ${Math.round(due.dueInMs)} ms)`;
  const inFlight = device.platform.bus.pendingDeliveries?.() ?? 0;
  if (inFlight > 0) return `${inFlight} broadcast${inFlight === 1 ? '' : 's'} in flight`;
  const queries = phone?.activeQueries() ?? [];
  if (queries.length > 0) return `feature query ${queries.join(', ')}`;
  return null;
}

/** Lets already-sent broadcasts and timers of the current instant run. */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(() => setTimeout(resolve, 0)));
}

/** One turn of the event loop: what was queued for it (broadcast deliveries) runs. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Skips to the device's next timer (at most `budgetMs`) when nothing else is in flight. Returns
 * the device ms skipped, or undefined when it could not.
 */
function fastForward(device: TelephonyDevice, budgetMs: number): number | undefined {
  const clock = device.platform.clock;
  if (clock.advance === undefined || clock.nextDueInMs === undefined || budgetMs <= 0) return undefined;
  const due = clock.nextDueInMs();
  if (due === undefined) return undefined;
  const step = Math.min(due, budgetMs);
  clock.advance(step);
  return step;
}

export async function waitIdle(args: readonly string[], device: TelephonyDevice, print: Print): Promise<number> {
  const { positional, options } = parseOptions(args, ['--timeout-ms', '--quiet-ms', '--fast-forward-ms']);
  if (positional.length > 0) throw usage('usage: wait-idle [--timeout-ms N] [--quiet-ms N] [--fast-forward-ms N]');
  const timeoutMs = options.has('--timeout-ms') ? parseCount(options.get('--timeout-ms') ?? '', '--timeout-ms', 3_600_000) : DEFAULT_TIMEOUT_MS;
  const quietMs = options.has('--quiet-ms') ? parseCount(options.get('--quiet-ms') ?? '', '--quiet-ms', 600_000) : DEFAULT_QUIET_MS;
  const budgetOption = options.has('--fast-forward-ms') ? parseCount(options.get('--fast-forward-ms') ?? '', '--fast-forward-ms', 1_000_000_000) : undefined;
  const fastForwarding = budgetOption !== 0;
  let budgetMs = budgetOption ?? timeoutMs / device.platform.clock.scale;
  const deadline = Date.now() + timeoutMs;
  let quick = false;
  for (;;) {
    // After a skip only the work it started (broadcasts) needs a turn; otherwise also this instant's timers.
    await (quick ? nextTurn() : settle());
    quick = false;
    let busy = busyReason(device, quietMs);
    if (busy === null) {
      // Idle twice in a row, with a turn of the event loop between (a broadcast may be in flight).
      await settle();
      busy = busyReason(device, quietMs);
      if (busy === null) {
        print('idle');
        return 0;
      }
    }
    if (Date.now() >= deadline || (fastForwarding && budgetMs <= 0)) {
      print(`busy:${busy}`);
      return 1;
    }
    if (fastForwarding && (device.platform.bus.pendingDeliveries?.() ?? 0) > 0) {
      quick = true;
      continue;
    }
    const skipped = fastForwarding ? fastForward(device, budgetMs) : undefined;
    if (skipped !== undefined) {
      budgetMs -= skipped;
      quick = true;
      continue;
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
