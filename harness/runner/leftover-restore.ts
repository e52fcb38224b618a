/**
 * After the suite: a snapshot still pending means a scenario was aborted (second SIGINT) or the
 * suite died before its restore finished; staged files still listed mean the suite died before
 * it removed them. The CLI puts both right itself while it still holds the target, so an
 * interrupted run leaves the device as it found it.
 */
import { describeError } from '../errors';
import { ApkCache } from '../targets/app-realiser';
import { type TargetProbe } from '../targets/probe';
import { type ResolvedTarget } from '../targets/resolve';
import { readPendingStaging, unstage } from '../targets/run-staging';
import { clearPendingRestore, readPendingRestore, restoreSnapshot } from '../targets/snapshot';
import { TargetClock } from '../targets/target-clock';
import { createSession } from '../targets/target-session';

export interface LeftoverFiles {
  readonly pendingRestoreFile: string;
  readonly pendingStagingFile?: string;
  readonly targetClockFile?: string;
}

export async function restoreLeftoverInCli(resolved: ResolvedTarget, probe: TargetProbe, files: LeftoverFiles, note: (line: string) => void): Promise<void> {
  const pending = readPendingRestore(files.pendingRestoreFile);
  const staged = files.pendingStagingFile === undefined ? undefined : readPendingStaging(files.pendingStagingFile);
  const restoreScenario = pending !== undefined && pending.snapshot.serial === resolved.serial;
  const removeStaged = staged !== undefined && staged.serial === resolved.serial;
  if (!restoreScenario && !removeStaged) return;
  const session = createSession(resolved.device, probe.info, probe.capabilities, probe.routes, new TargetClock(files.targetClockFile), resolved.waits);
  try {
    if (session.capabilities.has('carrier-config') || session.capabilities.has('priv-app-install')) session.rooted = (await resolved.device.root({ timeoutMs: 90_000 })).ok;
    if (restoreScenario) {
      const outcome = await restoreSnapshot(session, pending.snapshot, { apks: new ApkCache(), pushed: new Set(pending.pushed), log: [] });
      if (outcome.ok) {
        clearPendingRestore(files.pendingRestoreFile);
        note(`ims-rig: restored ${resolved.serial} after ${pending.scenario}`);
      } else {
        note(`ims-rig: ${resolved.serial} still differs from its snapshot before ${pending.scenario}: ${outcome.differences.join(', ')}`);
      }
    }
    if (removeStaged && files.pendingStagingFile !== undefined) {
      await unstage(session, staged.removePaths, { apks: new ApkCache(), log: [], pendingFile: files.pendingStagingFile });
      note(`ims-rig: removed the files the run had staged on ${resolved.serial}`);
    }
  } catch (e) {
    note(`ims-rig: could not restore ${resolved.serial}${restoreScenario ? ` after ${pending.scenario}` : ''}: ${describeError(e)}`);
  }
}
