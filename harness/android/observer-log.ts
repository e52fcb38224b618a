/**
 * The observer app's logcat lines (tag ImsRigObserver; grammar in harness/model/observer-app.ts):
 *
 *   ev=onUnavailable reg=mmtel0#1 slot=0 sub=1 feature=MMTEL reason=NO_IMS_SERVICE_CONFIGURED
 *
 * `logcat -d -v threadtime -s ImsRigObserver` reads them; this parses each message. Pure.
 */
import { OBSERVER_EVENTS, OBSERVER_LOG_TAG, type ObserverEvent, type StateCallbackFeature, isStateCallbackFeature } from '../model';
import { int, name, shellCommand, type ShellCommand } from '../adb';
import { type LogcatLine, parseLogcat } from './logcat';

export interface ObserverLogEntry {
  readonly event: ObserverEvent;
  /** `<id>#<n>` as the app wrote it. */
  readonly registration: string;
  readonly id: string;
  readonly n: number;
  readonly slot: number;
  readonly subId: number;
  readonly feature: StateCallbackFeature;
  /** onUnavailable: the reason word (or number); register-failed: the exception; otherwise undefined. */
  readonly reason?: string;
  /** The pid that wrote it (a new pid after a reboot or crash of the app). */
  readonly pid: number;
  /** The whole logcat line, as evidence. */
  readonly raw: string;
}

const MESSAGE = /^ev=(\S+) reg=([a-z][a-z0-9-]*)#(\d+) slot=(-?\d+) sub=(-?\d+) feature=(\S+) reason=(\S+)$/;

/** One message, or undefined when it is not in the grammar (the rig reports such lines, never guesses). */
export function parseObserverMessage(message: string): Omit<ObserverLogEntry, 'pid' | 'raw'> | undefined {
  const m = MESSAGE.exec(message.trim());
  if (!m) return undefined;
  const event = m[1] ?? '';
  const feature = m[6] ?? '';
  if (!(OBSERVER_EVENTS as readonly string[]).includes(event) || !isStateCallbackFeature(feature)) return undefined;
  const reason = m[7] ?? '-';
  return {
    event: event as ObserverEvent,
    registration: `${m[2] ?? ''}#${m[3] ?? ''}`,
    id: m[2] ?? '',
    n: Number(m[3]),
    slot: Number(m[4]),
    subId: Number(m[5]),
    feature,
    ...(reason === '-' ? {} : { reason }),
  };
}

export function parseObserverLine(line: LogcatLine): ObserverLogEntry | undefined {
  if (line.tag !== OBSERVER_LOG_TAG) return undefined;
  const parsed = parseObserverMessage(line.message);
  return parsed === undefined ? undefined : { ...parsed, pid: line.pid, raw: line.raw };
}

/** Observer entries of a threadtime dump, in order; lines of the tag outside the grammar are returned apart. */
export function parseObserverLog(text: string): { entries: ObserverLogEntry[]; unparsed: string[] } {
  const entries: ObserverLogEntry[] = [];
  const unparsed: string[] = [];
  for (const line of parseLogcat(text, [OBSERVER_LOG_TAG])) {
    const entry = parseObserverLine(line);
    if (entry) entries.push(entry);
    else unparsed.push(line.raw);
  }
  return { entries, unparsed };
}

/** `logcat -d -v threadtime -t <lines> -s ImsRigObserver` */
export function observerLogcatCommand(lines = 5000): ShellCommand {
  return shellCommand('logcat', '-d', '-v', 'threadtime', '-t', int(lines, 1, 1_000_000), '-s', name(OBSERVER_LOG_TAG));
}
