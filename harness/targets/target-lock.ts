/**
 * One run per target at a time (issue 11, item 2): a lock held on the target itself, so it holds
 * whichever host, checkout or adb server the runs come from. The lock is a directory,
 * /data/local/tmp/ims-rig.lock, made with `mkdir` (atomic: exactly one of two racing runs
 * succeeds), holding the holder's record (./lock-holder.ts) pushed right after. A run that finds
 * it held fails at once naming the holder (exit 3), or waits when asked (--wait-for-target); a lock
 * whose holder is dead — its process gone, or its heartbeat still for STALE_AFTER_MS — is taken
 * over, with a line saying so.
 *
 * Known limit: two runs that judge the same dead lock at the same moment may both remove it; the
 * `mkdir` that follows still lets only one of them in, but the loser may have removed the winner's
 * fresh lock if it read the dead record before and removed after. The window is one adb round trip
 * and needs a dead holder and two new runs at once; each holder re-reads its record at every
 * heartbeat and says so when it finds another one there.
 */
import { randomUUID } from 'node:crypto';
import { commandSequence, sleep as adbSleep, splitSequenceOutput, type AdbDevice } from '../adb';
import { bootIdCommand, catCommand, isAlreadyExists, mkdirCommand, parseBootId } from '../android';
import { CommandFailedError, DeviceUnavailableError, isImsRigError } from '../errors';
import { describeHolder, judgeHolder, parseLockOwner, STALE_AFTER_MS, type LivenessFacts, type LockOwner } from './lock-holder';
import { removePathsCommand } from './system-files';

export const RIG_LOCK_DIR = '/data/local/tmp/ims-rig.lock';
export const RIG_LOCK_RECORD = `${RIG_LOCK_DIR}/owner.json`;
/** A lock directory with no record this long after it was first seen: its taker died in between. */
export const OWNERLESS_STALE_MS = 10_000;
/**
 * A target that does not answer (offline, rebooting — its holder may be rebooting it) is waited for
 * this long even by a run that does not wait for holders: the lock can only be judged on a target
 * that answers, and a reboot is not a holder.
 */
export const OFFLINE_GRACE_MS = 120_000;

export type LockDevice = Pick<AdbDevice, 'serial' | 'shell' | 'push'>;

export interface AcquireOptions {
  readonly owner: Omit<LockOwner, 'token' | 'beat'>;
  /** How long to wait for a live holder; undefined: fail at once. */
  readonly waitMs?: number;
  readonly facts: LivenessFacts;
  readonly note: (line: string) => void;
  readonly pollMs?: number;
  /** Test seams. */
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface TakenOver {
  readonly owner: LockOwner;
  readonly why: string;
}

export interface TargetLock {
  readonly owner: LockOwner;
  /** The dead holder whose lock this run took over. */
  readonly tookOver?: TakenOver;
  /** Rewrites the record with the next beat (and the target's boot id now); false when the lock is no longer ours. */
  heartbeat(): Promise<boolean>;
  /** Removes the lock if it is still ours; true when it was. */
  release(): Promise<boolean>;
}

const MARKER = 'IMS_RIG_LOCK';

/** The record and the target's boot id, in one round trip. */
async function readRecord(device: LockDevice): Promise<{ owner: LockOwner | undefined; bootId: string | undefined }> {
  const result = await device.shell(commandSequence([catCommand(RIG_LOCK_RECORD), bootIdCommand()], MARKER), { timeoutMs: 15_000 });
  const [record, boot] = splitSequenceOutput(result.stdout, MARKER, 2);
  return {
    owner: record?.exitCode === 0 ? parseLockOwner(record.stdout) : undefined,
    bootId: boot?.exitCode === 0 ? parseBootId(boot.stdout) : undefined,
  };
}

async function writeRecord(device: LockDevice, owner: LockOwner): Promise<void> {
  await device.push(Buffer.from(`${JSON.stringify(owner)}\n`, 'utf8'), RIG_LOCK_RECORD, { timeoutMs: 15_000 });
}

function lockHandle(device: LockDevice, first: LockOwner, tookOver: TakenOver | undefined, note: (line: string) => void): TargetLock {
  let owner = first;
  let lost = false;
  return {
    get owner() {
      return owner;
    },
    ...(tookOver === undefined ? {} : { tookOver }),
    async heartbeat() {
      if (lost) return false;
      const now = await readRecord(device);
      if (now.owner?.token !== owner.token) {
        lost = true;
        note(`ims-rig: ${device.serial}: the rig's lock is no longer this run's${now.owner ? ` (now held by ${describeHolder(now.owner)})` : ''}`);
        return false;
      }
      owner = { ...owner, beat: owner.beat + 1, ...(now.bootId === undefined ? {} : { bootId: now.bootId }) };
      await writeRecord(device, owner);
      return true;
    },
    async release() {
      if (lost) return false;
      const now = await readRecord(device);
      if (now.owner !== undefined && now.owner.token !== owner.token) return false;
      await device.shell(removePathsCommand([RIG_LOCK_DIR]), { timeoutMs: 15_000 });
      lost = true;
      return true;
    },
  };
}

/** Takes the target's lock, waiting for a live holder when `waitMs` is given. */
export async function acquireTargetLock(device: LockDevice, options: AcquireOptions): Promise<TargetLock> {
  const now = options.now ?? (() => Date.now());
  const sleep = options.sleep ?? ((ms: number) => adbSleep(ms));
  const pollMs = options.pollMs ?? 2_000;
  const started = now();
  const deadline = options.waitMs === undefined ? undefined : started + options.waitMs;
  const attempt = new LockAttempt(device, options, deadline, now, sleep, pollMs);
  for (;;) {
    let got: TargetLock | Busy | undefined;
    try {
      got = await attempt.once();
    } catch (e) {
      // The holder may be rebooting the target: offline for a while is no failure.
      const until = Math.max(deadline ?? 0, started + OFFLINE_GRACE_MS);
      if (now() >= until || !(isImsRigError(e) && (e.code === 'E_DEVICE' || e.code === 'E_ADB'))) throw e;
      await sleep(Math.max(50, Math.min(pollMs, until - now())));
    }
    if (got instanceof Busy) throw got.error;
    if (got !== undefined) return got;
  }
}

/** The lock is held by a live holder and this run will not (or no longer) wait: exit 3 naming it. */
class Busy {
  constructor(readonly error: DeviceUnavailableError) {}
}

/** One pass: take the lock, or judge its holder (take over a dead one, wait for or refuse a live one). */
class LockAttempt {
  private readonly own: LockOwner;
  /** What each record looked like when first seen unchanged: a heartbeat that stops moving. */
  private readonly seen = new Map<string, { beat: number; since: number }>();
  private tookOver: TakenOver | undefined;
  private announced = false;

  constructor(
    private readonly device: LockDevice,
    private readonly options: AcquireOptions,
    private readonly deadline: number | undefined,
    private readonly now: () => number,
    private readonly sleep: (ms: number) => Promise<void>,
    private readonly pollMs: number,
  ) {
    this.own = { ...options.owner, token: randomUUID(), beat: 0, ...(options.facts.bootId === undefined ? {} : { bootId: options.facts.bootId }) };
  }

  async once(): Promise<TargetLock | Busy | undefined> {
    const { device, options } = this;
    const made = await device.shell(mkdirCommand(RIG_LOCK_DIR), { timeoutMs: 15_000 });
    if (made.exitCode === 0) {
      await writeRecord(device, this.own);
      return lockHandle(device, this.own, this.tookOver, options.note);
    }
    if (!isAlreadyExists(`${made.stdout}\n${made.stderr}`)) {
      const detail = (made.stderr || made.stdout).trim();
      throw new CommandFailedError(`${device.serial}: cannot take the rig's lock ${RIG_LOCK_DIR}: ${detail || `mkdir exited ${made.exitCode}`}`, 'mkdir', made.exitCode, made.stdout, made.stderr);
    }
    const { owner: holder } = await readRecord(device);
    const at = this.now();
    const beat = holder?.beat ?? -1;
    const key = holder?.token ?? '';
    const last = this.seen.get(key);
    if (last === undefined || last.beat !== beat) this.seen.set(key, { beat, since: at });
    const stillFor = at - (this.seen.get(key)?.since ?? at);

    let stale: string | undefined;
    let live = '';
    if (holder === undefined) {
      // Being taken (mkdir done, record not pushed yet), or its taker died in between.
      if (stillFor < OWNERLESS_STALE_MS) {
        await this.sleep(250);
        return undefined;
      }
      stale = `the lock has had no holder record for ${Math.round(stillFor / 1000)} s`;
    } else {
      const verdict = judgeHolder(holder, options.facts);
      if (verdict.state === 'dead') stale = verdict.why;
      else if (verdict.state === 'remote' && stillFor >= STALE_AFTER_MS) stale = `its heartbeat has not moved for ${Math.round(stillFor / 1000)} s (${holder.host})`;
      else live = verdict.why;
    }

    if (stale !== undefined) {
      // Remove only the record that was judged: re-read it right before.
      const again = (await readRecord(device)).owner;
      if (again?.token !== holder?.token || (again?.beat ?? -1) !== beat) return undefined;
      options.note(`ims-rig: ${device.serial}: taking over the rig's lock from ${holder ? describeHolder(holder) : 'an unfinished taker'}: ${stale}`);
      await device.shell(removePathsCommand([RIG_LOCK_DIR]), { timeoutMs: 15_000 });
      if (holder) this.tookOver = { owner: holder, why: stale };
      return undefined;
    }

    const who = holder ? describeHolder(holder) : 'another ims-rig run';
    if (this.deadline === undefined || at >= this.deadline) {
      const waited = options.waitMs === undefined ? '; wait for it with --wait-for-target [seconds]' : ` (still, after waiting ${Math.round(options.waitMs / 1000)} s)`;
      return new Busy(new DeviceUnavailableError(`${device.serial} is in use by another ims-rig run: ${who}; ${live}${waited}`));
    }
    if (!this.announced) {
      options.note(`ims-rig: ${device.serial} is in use by ${who}; waiting for it (up to ${Math.round((this.deadline - at) / 1000)} s)`);
      this.announced = true;
    }
    await this.sleep(Math.max(50, Math.min(this.pollMs, this.deadline - at)));
    return undefined;
  }
}
