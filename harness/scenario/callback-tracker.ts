/**
 * What the observer app logged during one scenario, attributed to its registrations. Pure.
 *
 * Every read of `logcat -d -s ImsRigObserver` returns the whole buffer again, so a line counts as
 * new only beyond the occurrences already seen (the baseline read at the scenario's start marks the
 * lines of earlier scenarios as seen). The k-th `register`/`register-failed` line of an id is the
 * k-th registration of that id in the scenario — the app restarts its numbering after a reboot, so
 * the order, not the number, ties a line to a registration; a callback line belongs to the newest
 * registration whose `<id>#<n>` it names. Lines that fit none are kept as unattributed evidence.
 */
import { type ObserverLogEntry } from '../android';
import { formatCallback, type ReceivedCallback } from '../model';

interface ObservedInstance {
  readonly label: string;
  readonly registered: string;
  readonly subId: number;
  readonly callbacks: string[];
  /** Callbacks the previous checks have already reported. */
  consumed: number;
}

/** What one registration's lines say, as a checkpoint reports it. */
export interface InstanceObservation {
  readonly registered?: string;
  readonly subId?: number;
  readonly received: readonly string[];
  readonly last?: string;
}

export class CallbackTracker {
  private readonly seen = new Map<string, number>();
  private readonly byId = new Map<string, ObservedInstance[]>();
  private readonly stray: string[] = [];
  private readonly lines: string[] = [];

  /** Marks everything in this read as seen (lines from before the scenario). */
  baseline(entries: readonly ObserverLogEntry[]): void {
    this.fresh(entries);
  }

  /** Takes in a read; returns whether anything new arrived. */
  ingest(entries: readonly ObserverLogEntry[]): boolean {
    const fresh = this.fresh(entries);
    for (const e of fresh) this.attribute(e);
    return fresh.length > 0;
  }

  /** The k-th (0-based) registration of `id` in the scenario, as its lines tell it. */
  observed(id: string, ordinal: number): InstanceObservation {
    const i = this.byId.get(id)?.[ordinal];
    if (i === undefined) return { received: [] };
    const last = i.callbacks[i.callbacks.length - 1];
    return { registered: i.registered, subId: i.subId, received: i.callbacks.slice(i.consumed), ...(last === undefined ? {} : { last }) };
  }

  /** A check reported everything so far: "since the previous check" starts again. */
  checked(): void {
    for (const list of this.byId.values()) for (const i of list) i.consumed = i.callbacks.length;
  }

  /** Lines no registration of the scenario claims. */
  unattributed(): readonly string[] {
    return this.stray;
  }

  /** Every observer line of the scenario so far (evidence). */
  scenarioLines(): readonly string[] {
    return this.lines;
  }

  private fresh(entries: readonly ObserverLogEntry[]): ObserverLogEntry[] {
    const occurrences = new Map<string, number>();
    const out: ObserverLogEntry[] = [];
    for (const e of entries) {
      const n = (occurrences.get(e.raw) ?? 0) + 1;
      occurrences.set(e.raw, n);
      if (n > (this.seen.get(e.raw) ?? 0)) {
        this.seen.set(e.raw, n);
        out.push(e);
      }
    }
    return out;
  }

  private attribute(e: ObserverLogEntry): void {
    this.lines.push(e.raw);
    const list = this.byId.get(e.id) ?? [];
    this.byId.set(e.id, list);
    if (e.event === 'register' || e.event === 'register-failed') {
      list.push({ label: e.registration, registered: e.event === 'register' ? 'ok' : e.reason ?? 'failed', subId: e.subId, callbacks: [], consumed: 0 });
      return;
    }
    const owner = [...list].reverse().find((i) => i.label === e.registration);
    if (owner === undefined) {
      this.stray.push(e.raw);
      return;
    }
    if (e.event === 'unregister') return;
    const callback: ReceivedCallback = e.event === 'onUnavailable' ? { event: e.event, reason: e.reason ?? '?' } : { event: e.event };
    owner.callbacks.push(formatCallback(callback));
  }
}
