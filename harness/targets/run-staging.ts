/**
 * Carrying out the run's staging plan (./staging-plan.ts): move the target from what it has
 * staged now to what an epoch needs — root, remount, push the new files, remove the ones no
 * longer needed, ONE reboot — and at the end of the run remove everything again (one more
 * reboot). The staged paths are listed on the target itself before they are pushed
 * (/data/local/tmp/ims-rig.staged.json, next to the kept snapshot of ./target-leftover.ts and for
 * the same reason: the next run on *that* target, from whatever host, removes what a killed run
 * left; runner/leftover-restore.ts).
 */
import { catCommand } from '../android';
import { InputError } from '../errors';
import { type FullScenario } from '../model';
import { type ApkCache } from './app-realiser';
import { captureDeviceState } from './device-state';
import { executeActions, type CommandRecord, type ExecutionContext } from './execute-actions';
import { type DeviceAction, shellAction } from './device-action';
import { planRunStaging, type StagedFile, type StagingEpoch } from './staging-plan';
import { removePathsCommand } from './system-files';
import { type TargetSession } from './target-session';

export const STAGED_FILE = '/data/local/tmp/ims-rig.staged.json';

export interface StagingContext {
  readonly apks: ApkCache;
  readonly log: CommandRecord[];
  readonly signal?: AbortSignal;
  /**
   * List what is staged on the target (STAGED_FILE) for the next run, should this one die. Off
   * for an in-process reference device: it ends with the run, no later run could clean it.
   */
  readonly keepList?: boolean;
}

/** What a run has staged on a target (STAGED_FILE). */
export interface StagedList {
  readonly v: 1;
  readonly serial: string;
  readonly savedAt: string;
  /** Paths to remove (package directories, permission files, overlays). */
  readonly removePaths: readonly string[];
}

type ListDevice = Pick<TargetSession['device'], 'shell' | 'push'>;

async function writeList(session: TargetSession, removePaths: readonly string[], ctx: StagingContext): Promise<void> {
  if (ctx.keepList !== true) return;
  const list: StagedList = { v: 1, serial: session.info.serial, savedAt: new Date().toISOString(), removePaths: [...new Set(removePaths)].sort() };
  await session.device.push(Buffer.from(JSON.stringify(list), 'utf8'), STAGED_FILE, { timeoutMs: 30_000 });
}

/** The list from the file's text; undefined when it is not one the rig wrote. */
export function parseStagedList(text: string): StagedList | undefined {
  try {
    const l = JSON.parse(text) as Partial<StagedList> | null;
    if (typeof l !== 'object' || l === null || l.v !== 1 || !Array.isArray(l.removePaths) || !l.removePaths.every((p) => typeof p === 'string')) return undefined;
    return l as StagedList;
  } catch {
    return undefined;
  }
}

/** The staged list a run left on the target: the list, 'unreadable' (cut short by a kill), or undefined (none). */
export async function readStagedList(device: ListDevice): Promise<StagedList | 'unreadable' | undefined> {
  const result = await device.shell(catCommand(STAGED_FILE), { timeoutMs: 30_000 });
  if (result.exitCode !== 0) return undefined;
  return parseStagedList(result.stdout) ?? 'unreadable';
}

export async function clearStagedList(device: ListDevice): Promise<void> {
  await device.shell(removePathsCommand([STAGED_FILE]), { timeoutMs: 15_000 });
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
  if (adding.length === 0 && removing.length === 0) {
    // Already there (staged earlier through another session to the same target): this session knows it now.
    for (const f of epoch.files) session.staged.add(f.path);
    return 'nothing to stage';
  }
  const state = await captureDeviceState(session);
  const ours = new Set(current.map((f) => f.removePath));
  for (const f of adding) {
    const entry = f.removePath;
    if (!ours.has(entry) && state.systemFiles.includes(entry)) {
      throw new InputError(`${session.info.serial} already has ${entry}; the rig does not overwrite system files it did not stage (${f.why})`);
    }
  }
  // Listed before pushing: a run killed half-way through leaves nothing unlisted.
  await writeList(session, [...current, ...epoch.files].map((f) => f.removePath), ctx);
  const actions: DeviceAction[] = [
    { kind: 'root' },
    { kind: 'remount' },
    ...adding.map((f): DeviceAction => ({ kind: 'push', path: f.path, source: f.source })),
    ...(removing.length > 0 ? [shellAction(removePathsCommand(removing.map((f) => f.removePath)))] : []),
    { kind: 'reboot' },
  ];
  const exec: ExecutionContext = { session, apks: ctx.apks, pushed: new Set(), log: ctx.log, ...(ctx.signal ? { signal: ctx.signal } : {}) };
  // The reboot changes what the target holds (system apps, features): a restore's reading from before is no baseline.
  session.knownState = undefined;
  await executeActions(actions, exec);
  session.staged.clear();
  for (const f of epoch.files) session.staged.add(f.path);
  // What this epoch removed is gone: the list narrows to what is staged now.
  if (removing.length > 0) await writeList(session, epoch.files.map((f) => f.removePath), ctx);
  return `staged ${adding.length} file(s)${removing.length > 0 ? `, removed ${removing.length}` : ''} under /system, /product (${summarise(adding)}); one reboot`;
}

function summarise(files: readonly StagedFile[]): string {
  const kinds = new Map<string, number>();
  for (const f of files) {
    const kind = f.source.kind === 'placeholder' ? 'placeholders' : f.source.kind === 'overlay' ? 'TeleService overlays' : f.source.kind === 'observer-apk' ? 'observer apps' : f.path.endsWith('ims-rig-features.xml') ? 'feature declarations' : 'allowlists';
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  return [...kinds].map(([k, n]) => `${n} ${k}`).join(', ');
}

/** Removes `removePaths` from the read-only partitions, with one reboot (end of run, or a leftover). */
export async function unstage(session: TargetSession, removePaths: readonly string[], ctx: StagingContext): Promise<void> {
  if (removePaths.length === 0) return;
  const exec: ExecutionContext = { session, apks: ctx.apks, pushed: new Set(), log: ctx.log, ...(ctx.signal ? { signal: ctx.signal } : {}) };
  // The list goes with the files, in the same command.
  const remove = ctx.keepList === true ? [...removePaths, STAGED_FILE] : [...removePaths];
  session.knownState = undefined;
  await executeActions([{ kind: 'root' }, { kind: 'remount' }, shellAction(removePathsCommand(remove)), { kind: 'reboot' }], exec);
  session.staged.clear();
}

/** What runInEpochs staged on a target last, by serial (the next call, on any session to it, starts from it). */
const stagedOn = new Map<string, readonly StagedFile[]>();

/**
 * Runs `scenarios` the way `ims-rig run` does (runner/suite-entry.ts): in the staging plan's order,
 * each epoch staged before its scenarios, one reboot each. For callers that drive the engine
 * directly on a target of their own — the three-way diff's reference runs, protocol tests, the
 * verdict-stability counter. `run` sees the target staged; what it staged stays for the next call.
 */
export async function runInEpochs<T>(session: TargetSession, scenarios: readonly FullScenario[], ctx: StagingContext, run: (s: FullScenario) => Promise<T>): Promise<Map<string, T>> {
  const plan = planRunStaging(scenarios, { capabilities: session.capabilities, routes: session.routes });
  const byId = new Map(scenarios.map((s) => [s.id, s]));
  const out = new Map<string, T>();
  const each = async (ids: readonly string[]): Promise<void> => {
    for (const id of ids) {
      const s = byId.get(id);
      if (s !== undefined) out.set(id, await run(s));
    }
  };
  if (plan.epochs.length === 0) await each(plan.order);
  for (const epoch of plan.epochs) {
    await stageEpoch(session, stagedOn.get(session.info.serial) ?? [], epoch, ctx);
    stagedOn.set(session.info.serial, epoch.files);
    await each(epoch.scenarioIds);
  }
  return out;
}
