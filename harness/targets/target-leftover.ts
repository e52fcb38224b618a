/**
 * The snapshot of the scenario in progress, kept on the target itself (issue 11, item 2): if the
 * run dies half-way, the next run on *that* target — whatever serial, host or checkout it comes
 * from — finds it and restores it, and says so in its output and report. Kept on the host, keyed
 * by serial, a dead device's leftovers once reached a different device that later took the same
 * port. The record names the target it was taken on (serial, build fingerprint, boot id) and the
 * run that took it.
 *
 * /data/local/tmp/ims-rig.leftover.json sits next to, not inside, the scratch directory
 * /data/local/tmp/ims-rig, which is emptied at the end of every run: a snapshot whose restore
 * failed must outlive the run that took it.
 */
import { catCommand } from '../android';
import { type AdbDevice } from '../adb';
import { type Snapshot } from './snapshot';
import { removePathsCommand } from './system-files';
import { type TargetIdentity } from './target-identity';

export const LEFTOVER_FILE = '/data/local/tmp/ims-rig.leftover.json';

/** The run that kept a snapshot. */
export interface LeftoverRun {
  readonly host: string;
  readonly pid: number;
  readonly startedAt: string;
  /** Its report directory (events.jsonl), when known. */
  readonly outDir?: string;
}

export interface Leftover {
  readonly v: 1;
  readonly scenario: string;
  readonly savedAt: string;
  readonly target: TargetIdentity;
  readonly run: LeftoverRun;
  readonly snapshot: Snapshot;
}

export type LeftoverDevice = Pick<AdbDevice, 'serial' | 'shell' | 'push'>;

/** What the engine needs: keep the snapshot while a scenario runs, drop it once restored. */
export interface LeftoverKeeper {
  readonly file: string;
  save(scenario: string, snapshot: Snapshot): Promise<void>;
  clear(): Promise<void>;
}

/** Keeps a run's snapshots on its target. */
export class TargetLeftovers implements LeftoverKeeper {
  readonly file = LEFTOVER_FILE;

  constructor(
    private readonly device: LeftoverDevice,
    private readonly target: TargetIdentity,
    private readonly run: LeftoverRun,
  ) {}

  async save(scenario: string, snapshot: Snapshot): Promise<void> {
    const record: Leftover = { v: 1, scenario, savedAt: new Date().toISOString(), target: this.target, run: this.run, snapshot };
    await this.device.push(Buffer.from(JSON.stringify(record), 'utf8'), LEFTOVER_FILE, { timeoutMs: 30_000 });
  }

  async clear(): Promise<void> {
    await clearLeftover(this.device);
  }
}

/** Removes the kept snapshot (one round trip). */
export async function clearLeftover(device: LeftoverDevice): Promise<void> {
  await device.shell(removePathsCommand([LEFTOVER_FILE]), { timeoutMs: 15_000 });
}

/** The record from the file's text; undefined when it is not one (torn by a kill mid-push, foreign). */
export function parseLeftover(text: string): Leftover | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const l = value as Partial<Leftover> | null;
  if (typeof l !== 'object' || l === null || l.v !== 1 || typeof l.scenario !== 'string' || typeof l.savedAt !== 'string') return undefined;
  const t = l.target;
  if (typeof t !== 'object' || typeof t.serial !== 'string' || typeof t.fingerprint !== 'string') return undefined;
  const s = l.snapshot;
  if (typeof s !== 'object' || typeof s.fingerprint !== 'string' || typeof s.state !== 'object') return undefined;
  const r = l.run;
  if (typeof r !== 'object' || typeof r.host !== 'string' || typeof r.pid !== 'number' || typeof r.startedAt !== 'string') return undefined;
  return l as Leftover;
}

/** The leftover on the target: a record, 'unreadable' (a file that is not one), or undefined (none). */
export async function readLeftover(device: LeftoverDevice): Promise<Leftover | 'unreadable' | undefined> {
  const result = await device.shell(catCommand(LEFTOVER_FILE), { timeoutMs: 30_000 });
  if (result.exitCode !== 0) return undefined;
  return parseLeftover(result.stdout) ?? 'unreadable';
}
