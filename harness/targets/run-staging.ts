/**
 * Carrying out the run's staging plan (./staging-plan.ts): move the target from what it has
 * staged now to what an epoch needs — root, remount, push the new files, remove the ones no
 * longer needed, ONE reboot — and at the end of the run remove everything again (one more
 * reboot). The staged paths are written to a host file first, so a run that dies half-way is
 * cleaned up by the next one (./leftover-staging in the runner).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError } from '../errors';
import { type ApkCache } from './app-realiser';
import { captureDeviceState } from './device-state';
import { executeActions, type CommandRecord, type ExecutionContext } from './execute-actions';
import { type DeviceAction, shellAction } from './device-action';
import { type StagedFile, type StagingEpoch } from './staging-plan';
import { removePathsCommand } from './system-files';
import { type TargetSession } from './target-session';

export interface StagingContext {
  readonly apks: ApkCache;
  readonly log: CommandRecord[];
  readonly signal?: AbortSignal;
  /** Host file listing what is staged on the target (for the next run when this one dies). */
  readonly pendingFile?: string;
}

export interface PendingStaging {
  readonly serial: string;
  /** Paths to remove (package directories, permission files). */
  readonly removePaths: readonly string[];
}

function writePending(file: string | undefined, pending: PendingStaging): void {
  if (file === undefined) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(pending));
  fs.renameSync(tmp, file);
}

export function readPendingStaging(file: string): PendingStaging | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as PendingStaging;
  } catch {
    return undefined;
  }
}

export function clearPendingStaging(file: string): void {
  fs.rmSync(file, { force: true });
}

/**
 * Stages `epoch` on a target that has `current` staged. Refuses to overwrite a file the target
 * had before the run (InputError: its scenarios end as errors, nothing is touched). Returns a
 * one-line account for the record.
 */
export async function stageEpoch(session: TargetSession, current: readonly StagedFile[], epoch: StagingEpoch, ctx: StagingContext): Promise<string> {
  const have = new Set(current.map((f) => f.path));
  const want = new Set(epoch.files.map((f) => f.path));
  const adding = epoch.files.filter((f) => !have.has(f.path));
  const removing = current.filter((f) => !want.has(f.path));
  if (adding.length === 0 && removing.length === 0) return 'nothing to stage';
  const state = await captureDeviceState(session);
  const ours = new Set(current.map((f) => f.removePath));
  for (const f of adding) {
    const entry = f.removePath;
    if (!ours.has(entry) && state.systemFiles.includes(entry)) {
      throw new InputError(`${session.info.serial} already has ${entry}; the rig does not overwrite system files it did not stage (${f.why})`);
    }
  }
  writePending(ctx.pendingFile, { serial: session.info.serial, removePaths: [...new Set([...current, ...epoch.files].map((f) => f.removePath))].sort() });
  const actions: DeviceAction[] = [
    { kind: 'root' },
    { kind: 'remount' },
    ...adding.map((f): DeviceAction => ({ kind: 'push', path: f.path, source: f.source })),
    ...(removing.length > 0 ? [shellAction(removePathsCommand(removing.map((f) => f.removePath)))] : []),
    { kind: 'reboot' },
  ];
  const exec: ExecutionContext = { session, apks: ctx.apks, pushed: new Set(), log: ctx.log, ...(ctx.signal ? { signal: ctx.signal } : {}) };
  await executeActions(actions, exec);
  session.staged.clear();
  for (const f of epoch.files) session.staged.add(f.path);
  writePending(ctx.pendingFile, { serial: session.info.serial, removePaths: [...new Set(epoch.files.map((f) => f.removePath))].sort() });
  return `staged ${adding.length} file(s)${removing.length > 0 ? `, removed ${removing.length}` : ''} under /system, /product (${summarise(adding)}); one reboot`;
}

function summarise(files: readonly StagedFile[]): string {
  const kinds = new Map<string, number>();
  for (const f of files) {
    const kind = f.source.kind === 'placeholder' ? 'placeholders' : f.source.kind === 'overlay' ? 'TeleService overlays' : f.path.endsWith('ims-rig-features.xml') ? 'feature declarations' : 'allowlists';
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  return [...kinds].map(([k, n]) => `${n} ${k}`).join(', ');
}

/** Removes `removePaths` from the read-only partitions, with one reboot (end of run, or a leftover). */
export async function unstage(session: TargetSession, removePaths: readonly string[], ctx: StagingContext): Promise<void> {
  if (removePaths.length === 0) return;
  const exec: ExecutionContext = { session, apks: ctx.apks, pushed: new Set(), log: ctx.log, ...(ctx.signal ? { signal: ctx.signal } : {}) };
  await executeActions([{ kind: 'root' }, { kind: 'remount' }, shellAction(removePathsCommand([...removePaths])), { kind: 'reboot' }], exec);
  session.staged.clear();
  if (ctx.pendingFile !== undefined) clearPendingStaging(ctx.pendingFile);
}
