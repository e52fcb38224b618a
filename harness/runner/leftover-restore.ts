/**
 * After the suite: a snapshot still pending means a scenario was aborted (second SIGINT) or the
 * suite died before its restore finished. The CLI restores it itself while it still holds the
 * target, so an interrupted run leaves the device as it found it.
 */
import { describeError } from '../errors';
import { ApkCache } from '../targets/app-realiser';
import { type TargetProbe } from '../targets/probe';
import { type ResolvedTarget } from '../targets/resolve';
import { clearPendingRestore, readPendingRestore, restoreSnapshot } from '../targets/snapshot';
import { createSession } from '../targets/target-session';

export async function restoreLeftoverInCli(resolved: ResolvedTarget, probe: TargetProbe, file: string, note: (line: string) => void): Promise<void> {
  const pending = readPendingRestore(file);
  if (pending === undefined || pending.snapshot.serial !== resolved.serial) return;
  const session = createSession(resolved.device, probe.info, probe.capabilities);
  try {
    if (session.capabilities.has('carrier-config') || session.capabilities.has('priv-app-install')) session.rooted = (await resolved.device.root({ timeoutMs: 90_000 })).ok;
    const outcome = await restoreSnapshot(session, pending.snapshot, { apks: new ApkCache(), pushed: new Set(pending.pushed), log: [] });
    if (outcome.ok) {
      clearPendingRestore(file);
      note(`ims-rig: restored ${resolved.serial} after ${pending.scenario}`);
    } else {
      note(`ims-rig: ${resolved.serial} still differs from its snapshot before ${pending.scenario}: ${outcome.differences.join(', ')}`);
    }
  } catch (e) {
    note(`ims-rig: could not restore ${resolved.serial} after ${pending.scenario}: ${describeError(e)}`);
  }
}
