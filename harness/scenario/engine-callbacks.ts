/**
 * One `checkStateCallbacks` observation: wait for the framework to settle, read what the observer
 * app logged (logcat, tag ImsRigObserver) and what the framework holds (`dumpsys phone`
 * ImsStateCallbackController) in one round trip, diff the callbacks against the documented model's
 * expectation, apply waivers. Observed values come from those two outputs only.
 *
 * Settling: on the reference device `wait-idle` first, then reads until two agree (or match the
 * expectation); elsewhere the reads go on until nothing new has arrived for longer than a rebind
 * (the framework's callbacks follow a rebind, aosp-imsresolver.md §1.6) — and a read that matches
 * every documented expectation still waits that quiet window, so a late callback is not missed.
 */
import { commandSequence, sleep } from '../adb';
import { dumpsysPhoneCommand, observerLogcatCommand, parseImsStateCallbackDump, parseObserverLog, parseWaitIdle, waitIdleCommand } from '../android';
import { TimeoutError } from '../errors';
import { type ExpectedRegistration } from '../oracle';
import { type Checkpoint, type FrameworkCallbacks, type StateCallbackCheck } from '../results';
import { type CommandRecord } from '../targets/execute-actions';
import { DEFAULT_SETTLE_TIMEOUT_MS, hasWaitIdle, IDLE_WAIT_MS, REAL_DEVICE_QUIET_MS } from '../targets/settle';
import { type TargetSession } from '../targets/target-session';
import { callbackRow, diffRow, ordinals } from './callback-diff';
import { type CallbackTracker } from './callback-tracker';
import { applyWaivers, checkpointStatus, type WaiverLookup } from './engine-diff';

const MARKER = 'IMS_RIG_CALLBACKS';

export interface CallbacksInput {
  readonly session: TargetSession;
  readonly step: number;
  readonly expected: readonly ExpectedRegistration[];
  readonly tracker: CallbackTracker;
  readonly waivers: WaiverLookup;
  readonly commands: readonly CommandRecord[];
  readonly settleTimeoutMs?: number;
  readonly signal?: AbortSignal;
}

interface Read {
  readonly framework: { framework: FrameworkCallbacks; excerpt: string } | { missing: string };
  readonly changed: boolean;
}

/** One read of both surfaces; the tracker takes in the new log lines. */
async function read(input: CallbacksInput): Promise<Read> {
  const command = commandSequence([observerLogcatCommand(), dumpsysPhoneCommand()], MARKER);
  const result = await input.session.device.shell(command, { timeoutMs: 30_000, ...(input.signal ? { signal: input.signal } : {}) });
  const [logcat, dump] = splitOutput(result.stdout);
  const changed = input.tracker.ingest(parseObserverLog(logcat).entries);
  const section = parseImsStateCallbackDump(dump);
  if (!section.found) return { framework: { missing: section.reason }, changed };
  return {
    changed,
    framework: {
      excerpt: section.excerpt,
      framework: {
        wrappers: section.wrappers.map((w) => ({ ...w })),
        listeners: [...section.mmtel, ...section.rcs].map((l) => ({ ...l })),
      },
    },
  };
}

function splitOutput(stdout: string): [string, string] {
  const marker = new RegExp(`^${MARKER}:\\d+\\r?$`, 'm');
  const m = marker.exec(stdout);
  if (!m) return [stdout, ''];
  return [stdout.slice(0, m.index), stdout.slice(m.index + m[0].length)];
}

function pending(input: CallbacksInput): ReturnType<typeof diffRow> {
  const order = ordinals(input.expected);
  return input.expected.flatMap((row, i) => diffRow(row, input.tracker.observed(row.id, order[i] ?? 0)));
}

export async function observeStateCallbacks(input: CallbacksInput): Promise<{ checkpoint: Checkpoint; note: string }> {
  const started = Date.now();
  const deadline = started + (input.settleTimeoutMs ?? DEFAULT_SETTLE_TIMEOUT_MS);
  const idleTool = hasWaitIdle(input.session);
  if (idleTool) {
    const waitMs = Math.min(IDLE_WAIT_MS, Math.max(0, deadline - Date.now()));
    const r = await input.session.device.shell(waitIdleCommand(waitMs), { timeoutMs: waitMs + 10_000, ...(input.signal ? { signal: input.signal } : {}) });
    parseWaitIdle(r.stdout);
  }
  const quietMs = REAL_DEVICE_QUIET_MS;
  let reads = 0;
  let interval = idleTool ? 20 : 100;
  let lastChange = Date.now();
  let last: Read;
  for (;;) {
    last = await read(input);
    reads += 1;
    const now = Date.now();
    if (last.changed) lastChange = now;
    // Reference device (idle already): a read that matches, or two reads without news. Elsewhere:
    // nothing new for a quiet window, whether it matches or not.
    if (idleTool ? pending(input).length === 0 || (reads > 1 && !last.changed) : reads > 1 && now - lastChange >= quietMs) break;
    if (now >= deadline) break;
    await sleep(Math.min(interval, Math.max(0, deadline - now)), input.signal);
    interval = Math.min(interval * 2, 1_000);
    if (reads > 10_000) throw new TimeoutError('checkStateCallbacks: too many reads');
  }
  const order = ordinals(input.expected);
  const rows = input.expected.map((row, i) => callbackRow(row, input.tracker.observed(row.id, order[i] ?? 0)));
  const diffs = applyWaivers(pending(input), input.waivers);
  const unattributed = input.tracker.unattributed();
  const stateCallbacks: StateCallbackCheck = {
    rows,
    diffs,
    ...('framework' in last.framework ? { framework: last.framework.framework } : { frameworkMissing: last.framework.missing }),
    ...(unattributed.length > 0 ? { unattributed: [...unattributed] } : {}),
  };
  const checkpoint: Checkpoint = {
    step: input.step,
    expected: {},
    observed: {},
    diffs: [],
    status: checkpointStatus(diffs),
    stateCallbacks,
    evidence: {
      ...('excerpt' in last.framework ? { dumpsys: last.framework.excerpt } : {}),
      logcat: [...input.tracker.scenarioLines()],
      commands: input.commands.map((c) => ({ ...c })),
    },
    settleMs: Date.now() - started,
  };
  input.tracker.checked();
  const judged = rows.filter((r) => r.expected.length > 0).length;
  const result = checkpoint.status === 'pass' ? '' : `; ${diffs.length} difference(s), ${checkpoint.status}`;
  return { checkpoint, note: `${rows.length} registration(s), ${judged} judged, ${rows.length - judged} observed only; ${reads} read(s) in ${checkpoint.settleMs ?? 0} ms${result}` };
}
