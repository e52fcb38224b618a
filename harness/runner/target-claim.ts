/**
 * A run's claim on its target, from before the first command that changes anything (the probe's
 * `adb root` restarts adbd under any run already there) to the very end: the target's identity,
 * its lock (harness/targets/target-lock.ts) with a heartbeat while the run goes on, and at the end
 * the rig's scratch directory emptied and the lock released (issue 11, items 2 and 5).
 */
import { type AdbDevice } from '../adb';
import { describeError } from '../errors';
import { listDirCommand, parseDirListing, removePathsCommand } from '../targets/system-files';
import { captureDeviceState } from '../targets/device-state';
import { HEARTBEAT_MS, isProcessAlive, localHostKey, ownLockRecord } from '../targets/lock-holder';
import { DEVICE_SCRATCH_DIR } from '../targets/step-plan';
import { acquireTargetLock, type TargetLock } from '../targets/target-lock';
import { readBootId } from '../targets/target-identity';
import { type TargetSession } from '../targets/target-session';

export interface ClaimOptions {
  readonly command: string;
  readonly startedAt: Date;
  readonly outDir: string;
  /** --wait-for-target: ms to wait for a run that holds the target; undefined: fail at once. */
  readonly waitMs?: number;
  readonly note: (line: string) => void;
}

export interface TargetClaim {
  readonly lock: TargetLock;
  /** The target's boot id when the run began (undefined when it shows none). */
  readonly bootId: string | undefined;
  /** Stops the heartbeat, empties the scratch directory, releases the lock. Never throws. */
  release(session: TargetSession | undefined): Promise<void>;
}

type ClaimDevice = Pick<AdbDevice, 'serial' | 'shell' | 'push'>;

export async function claimTarget(device: ClaimDevice, options: ClaimOptions): Promise<TargetClaim> {
  const bootId = await readBootId(device).catch(() => undefined);
  const owner = ownLockRecord({ token: '', command: options.command, startedAt: options.startedAt.toISOString(), outDir: options.outDir, ...(bootId === undefined ? {} : { bootId }) });
  const lock = await acquireTargetLock(device, {
    owner,
    ...(options.waitMs === undefined ? {} : { waitMs: options.waitMs }),
    facts: { hostKey: localHostKey(), isAlive: isProcessAlive, ...(bootId === undefined ? {} : { bootId }) },
    note: options.note,
  });
  let beating = false;
  const timer = setInterval(() => {
    if (beating) return;
    beating = true;
    // A target that is rebooting misses a beat; three missed in a row make the lock stale.
    lock.heartbeat().catch(() => false).finally(() => { beating = false; });
  }, HEARTBEAT_MS);
  timer.unref();
  return {
    lock,
    bootId,
    async release(session) {
      clearInterval(timer);
      await emptyScratch(device, session).catch((e: unknown) => options.note(`ims-rig: could not empty ${DEVICE_SCRATCH_DIR} on ${device.serial}: ${describeError(e)}`));
      await lock.release().catch((e: unknown) => options.note(`ims-rig: could not release the rig's lock on ${device.serial}: ${describeError(e)}`));
    },
  };
}

/**
 * Removes everything the run pushed to the scratch directory — but a file a SIM of the target
 * still uses (the reference device's SIMs read their carrier config from one) stays.
 */
async function emptyScratch(device: ClaimDevice, session: TargetSession | undefined): Promise<void> {
  const state = session === undefined ? undefined : await captureDeviceState(session);
  const inUse = new Set((state?.sims ?? []).filter((s) => s.present && s.file !== undefined).map((s) => s.file));
  if ([...inUse].every((f) => f === undefined || !f.startsWith(`${DEVICE_SCRATCH_DIR}/`))) {
    await device.shell(removePathsCommand([DEVICE_SCRATCH_DIR]), { timeoutMs: 30_000 });
    return;
  }
  const listed = await device.shell(listDirCommand(DEVICE_SCRATCH_DIR), { timeoutMs: 15_000 });
  const extra = parseDirListing(listed.stdout).map((n) => `${DEVICE_SCRATCH_DIR}/${n}`).filter((p) => !inUse.has(p));
  if (extra.length > 0) await device.shell(removePathsCommand(extra), { timeoutMs: 30_000 });
}
