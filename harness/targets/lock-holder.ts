/**
 * Who holds a target's lock (./target-lock.ts), and whether that holder is still alive. The record
 * is a small JSON file inside the lock directory on the target:
 *   { v, token, user, host, hostKey, pid, pidStart?, startedAt, command, bootId?, beat, outDir? }
 * Liveness (issue 11, item 2):
 *   - a holder on this machine — same host name, same kernel boot, same pid namespace, which is
 *     what `hostKey` pins down — is alive while its pid runs with the start time it recorded (a
 *     reused pid is not the holder);
 *   - a holder elsewhere cannot be asked: it refreshes `beat` every HEARTBEAT_MS, and a run that
 *     watches the record unchanged for STALE_AFTER_MS takes it as dead. The target's boot id in
 *     the record says whether the target has rebooted since the holder last wrote it.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';

export const HEARTBEAT_MS = 15_000;
/** A lock held elsewhere whose heartbeat has not moved for this long is stale. */
export const STALE_AFTER_MS = 3 * HEARTBEAT_MS;

export interface LockOwner {
  readonly v: 1;
  /** Unique per acquisition: a takeover only removes the record it judged stale. */
  readonly token: string;
  readonly user: string;
  /** The host name, for people. */
  readonly host: string;
  /** Host name + kernel boot id + pid namespace: equal means a pid here is the holder's pid. */
  readonly hostKey: string;
  readonly pid: number;
  /** The process's start time in clock ticks since the host booted (Linux), against pid reuse. */
  readonly pidStart?: string;
  readonly startedAt: string;
  readonly command: string;
  /** The target's boot id when the record was last written. */
  readonly bootId?: string;
  /** Heartbeat count, incremented on every refresh. */
  readonly beat: number;
  /** Where the holder writes its reports (its events.jsonl): a killed holder's run is reported from there. */
  readonly outDir?: string;
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Field 22 of /proc/<pid>/stat (starttime), after the parenthesised command name. */
export function processStartTicks(pid: number | 'self'): string | undefined {
  const stat = readText(`/proc/${pid}/stat`);
  if (stat === undefined) return undefined;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields[19];
}

/** This machine and pid namespace, as precisely as it can be told. */
export function localHostKey(): string {
  const bootId = readText('/proc/sys/kernel/random/boot_id')?.trim() ?? '';
  let pidNamespace = '';
  try {
    pidNamespace = fs.readlinkSync('/proc/self/ns/pid');
  } catch {
    // not Linux: the host name has to do
  }
  return [os.hostname(), bootId, pidNamespace].join('|');
}

/** true: running (and not a reused pid); false: gone; undefined: cannot tell. */
export function isProcessAlive(pid: number, pidStart: string | undefined): boolean | undefined {
  try {
    process.kill(pid, 0);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ESRCH') return false;
    if (code !== 'EPERM') return undefined;
  }
  if (pidStart === undefined) return true;
  const now = processStartTicks(pid);
  return now === undefined ? true : now === pidStart;
}

/** The record for this process. */
export function ownLockRecord(fields: { token: string; command: string; startedAt: string; bootId?: string; outDir?: string }): LockOwner {
  let user = '';
  try {
    user = os.userInfo().username;
  } catch {
    user = process.env.USER ?? '';
  }
  const pidStart = processStartTicks('self');
  return {
    v: 1, token: fields.token, user, host: os.hostname(), hostKey: localHostKey(), pid: process.pid,
    ...(pidStart === undefined ? {} : { pidStart }),
    startedAt: fields.startedAt, command: fields.command,
    ...(fields.bootId === undefined ? {} : { bootId: fields.bootId }),
    beat: 0,
    ...(fields.outDir === undefined ? {} : { outDir: fields.outDir }),
  };
}

/** `ims-rig run --suite x` by alice@ci-7 (pid 1234), started 2026-12-02T18:40:00Z */
export function describeHolder(owner: LockOwner): string {
  const who = owner.user === '' ? owner.host : `${owner.user}@${owner.host}`;
  return `\`${owner.command}\` by ${who} (pid ${owner.pid}), started ${owner.startedAt}`;
}

const isString = (v: unknown): v is string => typeof v === 'string';

/** The record from the lock file's text, or undefined when it is not one (torn, foreign). */
export function parseLockOwner(text: string): LockOwner | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const o = value as Partial<Record<keyof LockOwner, unknown>> | null;
  if (typeof o !== 'object' || o === null || o.v !== 1) return undefined;
  if (!isString(o.token) || !isString(o.user) || !isString(o.host) || !isString(o.hostKey) || !isString(o.startedAt) || !isString(o.command)) return undefined;
  if (typeof o.pid !== 'number' || !Number.isInteger(o.pid) || o.pid <= 0 || typeof o.beat !== 'number') return undefined;
  return {
    v: 1, token: o.token, user: o.user, host: o.host, hostKey: o.hostKey, pid: o.pid, startedAt: o.startedAt, command: o.command, beat: o.beat,
    ...(isString(o.pidStart) ? { pidStart: o.pidStart } : {}),
    ...(isString(o.bootId) ? { bootId: o.bootId } : {}),
    ...(isString(o.outDir) ? { outDir: o.outDir } : {}),
  };
}

export type HolderVerdict =
  | { readonly state: 'alive'; readonly why: string }
  | { readonly state: 'dead'; readonly why: string }
  /** Held from another machine: only a heartbeat that stops moving tells (the caller watches it). */
  | { readonly state: 'remote'; readonly why: string };

export interface LivenessFacts {
  readonly hostKey: string;
  readonly isAlive: (pid: number, pidStart: string | undefined) => boolean | undefined;
  /** The target's boot id now. */
  readonly bootId?: string;
}

/** Judges a holder from what can be known at once (pure given `facts`). */
export function judgeHolder(owner: LockOwner, facts: LivenessFacts): HolderVerdict {
  const rebooted = owner.bootId !== undefined && facts.bootId !== undefined && owner.bootId !== facts.bootId;
  if (owner.hostKey === facts.hostKey) {
    const alive = facts.isAlive(owner.pid, owner.pidStart);
    if (alive === false) return { state: 'dead', why: `its process ${owner.pid} on ${owner.host} is gone${rebooted ? ' (and the target has rebooted since its last heartbeat)' : ''}` };
    if (alive === true) return { state: 'alive', why: `its process ${owner.pid} on ${owner.host} is running` };
  }
  return {
    state: 'remote',
    why: `it runs on ${owner.host}, which this run cannot ask; it goes stale ${STALE_AFTER_MS / 1000} s after its last heartbeat${rebooted ? ' (the target has rebooted since its last one)' : ''}`,
  };
}
