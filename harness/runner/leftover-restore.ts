/**
 * Snapshots kept on the target (harness/targets/target-leftover.ts), restored by the CLI while it
 * holds the target's lock:
 *   - at the start, one an earlier run left (it was killed mid-scenario): restored before anything
 *     else, with a line in the output and `run.leftoverRestored` in the report (issue 11, item 2);
 *     a snapshot taken on another build is not applied to this one;
 *   - at the end, this run's own, when a scenario was aborted (second Ctrl-C) or the suite died
 *     before its restore finished.
 * Files a run staged under the read-only partitions (harness/targets/run-staging.ts) are listed on
 * the target too; a list still there at the start (an earlier run died) or at the end (this run's
 * suite died before its own removal) means those files are removed now, one reboot.
 */
import { describeError } from '../errors';
import { type LeftoverRestored } from '../results';
import { ApkCache } from '../targets/app-realiser';
import { restoreSnapshot } from '../targets/snapshot';
import { clearLeftover, readLeftover, LEFTOVER_FILE, type Leftover } from '../targets/target-leftover';
import { compareIdentity, type TargetIdentity } from '../targets/target-identity';
import { type TargetSession } from '../targets/target-session';
import { clearStagedList, readStagedList, STAGED_FILE, unstage } from '../targets/run-staging';

function leftBy(l: Leftover): string {
  return `the run started ${l.run.startedAt} on ${l.run.host} (pid ${l.run.pid})`;
}

async function restore(session: TargetSession, leftover: Leftover): Promise<{ ok: boolean; differences: readonly string[] }> {
  const outcome = await restoreSnapshot(session, leftover.snapshot, { apks: new ApkCache(), pushed: new Set(), log: [] });
  if (outcome.ok) await clearLeftover(session.device);
  return outcome;
}

/** Before the run: restores what an earlier run left on this target. Returns the report field. */
export async function restoreLeftoverAtStart(session: TargetSession, identity: TargetIdentity, note: (line: string) => void): Promise<LeftoverRestored | undefined> {
  const serial = session.info.serial;
  const found = await readLeftover(session.device);
  if (found === undefined) return undefined;
  if (found === 'unreadable') {
    note(`ims-rig: ${serial}: ${LEFTOVER_FILE} is not a snapshot the rig wrote (cut short?); removed`);
    await clearLeftover(session.device);
    return undefined;
  }
  const relation = compareIdentity(found.target, identity);
  const base = {
    scenario: found.scenario, savedAt: found.savedAt, serial: found.target.serial,
    leftBy: { host: found.run.host, pid: found.run.pid, startedAt: found.run.startedAt, ...(found.run.outDir === undefined ? {} : { outDir: found.run.outDir }) },
  };
  if (relation === 'other-build') {
    note(`ims-rig: ${serial}: a snapshot left by ${leftBy(found)} was taken on build ${found.target.fingerprint}; the target now runs ${identity.fingerprint}: not applied, removed`);
    await clearLeftover(session.device);
    return { ...base, boot: 'unknown-boot', ok: false, differences: [`taken on build ${found.target.fingerprint}`] };
  }
  const since = relation === 'rebooted' ? ' (the target has rebooted since that run began)' : '';
  try {
    const outcome = await restore(session, found);
    if (outcome.ok) {
      note(`ims-rig: restored ${serial} to its state before ${found.scenario}: ${leftBy(found)} did not finish and left it changed${since}`);
    } else {
      note(`ims-rig: ${serial} still differs from the snapshot ${leftBy(found)} left before ${found.scenario}: ${outcome.differences.join(', ')}`);
    }
    return { ...base, boot: relation, ok: outcome.ok, ...(outcome.ok ? {} : { differences: outcome.differences }) };
  } catch (e) {
    note(`ims-rig: could not restore the snapshot ${leftBy(found)} left on ${serial}: ${describeError(e)}`);
    return { ...base, boot: relation, ok: false, differences: [describeError(e)] };
  }
}

/** After the suite: this run's own snapshot still on the target (a scenario was aborted). */
export async function restoreLeftoverAtEnd(session: TargetSession, note: (line: string) => void): Promise<void> {
  const serial = session.info.serial;
  try {
    const found = await readLeftover(session.device);
    if (found === undefined || found === 'unreadable') return;
    const outcome = await restore(session, found);
    if (outcome.ok) note(`ims-rig: restored ${serial} after ${found.scenario}`);
    else note(`ims-rig: ${serial} still differs from its snapshot before ${found.scenario}: ${outcome.differences.join(', ')} (kept on the target for the next run)`);
  } catch (e) {
    note(`ims-rig: could not restore ${serial}: ${describeError(e)} (the snapshot stays on the target for the next run)`);
  }
}

/**
 * Files a run staged and did not remove (it died, or its suite did): removed now, one reboot.
 * Called at the start (an earlier run's) and at the end (this run's, when its suite died first).
 */
export async function removeStagedLeftover(session: TargetSession, note: (line: string) => void): Promise<void> {
  const serial = session.info.serial;
  try {
    const found = await readStagedList(session.device);
    if (found === undefined) return;
    if (found === 'unreadable') {
      note(`ims-rig: ${serial}: ${STAGED_FILE} is not a list the rig wrote (cut short?); removed`);
      await clearStagedList(session.device);
      return;
    }
    await unstage(session, found.removePaths, { apks: new ApkCache(), log: [], keepList: true });
    note(`ims-rig: removed ${found.removePaths.length} file(s) a run staged on ${serial} (listed ${found.savedAt}); one reboot`);
  } catch (e) {
    note(`ims-rig: could not remove the files a run staged on ${serial}: ${describeError(e)} (the list stays on the target for the next run)`);
  }
}
