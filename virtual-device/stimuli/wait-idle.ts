/**
 * `ims-rig-device wait-idle [--timeout-ms N] [--quiet-ms N]`: blocks until the telephony stack has
 * no queued work and nothing scheduled within the quiet window (device milliseconds, default 2500:
 * a 2 s rebind counts as busy, a 5 s query retry does not), then prints `idle`; after the timeout
 * (real milliseconds, default 30000) prints `busy:<what>` and exits 1.
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

export async function waitIdle(args: readonly string[], device: TelephonyDevice, print: Print): Promise<number> {
  const { positional, options } = parseOptions(args, ['--timeout-ms', '--quiet-ms']);
  if (positional.length > 0) throw usage('usage: wait-idle [--timeout-ms N] [--quiet-ms N]');
  const timeoutMs = options.has('--timeout-ms') ? parseCount(options.get('--timeout-ms') ?? '', '--timeout-ms', 3_600_000) : DEFAULT_TIMEOUT_MS;
  const quietMs = options.has('--quiet-ms') ? parseCount(options.get('--quiet-ms') ?? '', '--quiet-ms', 600_000) : DEFAULT_QUIET_MS;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await settle();
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
    if (Date.now() >= deadline) {
      print(`busy:${busy}`);
      return 1;
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
