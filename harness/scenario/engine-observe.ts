/**
 * One observation for a `check` or `checkGrants` step: settle, read what the target printed, diff
 * it against the documented model's expectation for that step, apply waivers. The observed table
 * comes from `dumpsys phone` only; the ImsResolver excerpt and the IMS logcat lines since the
 * previous observation go with it as evidence.
 */
import { dumpsysPackageCommand, IMS_LOG_TAGS, logcatDumpCommand, parseLogcat, parsePackageDump } from '../android';
import { type ShellCommand } from '../adb';
import { CommandFailedError } from '../errors';
import { type PackageName } from '../model';
import { type ExpectedGrant, type ExpectedTable, toBindingTable, toReasonTable } from '../oracle';
import { type Checkpoint } from '../results';
import { type CommandRecord } from '../targets/execute-actions';
import { type DeviceState } from '../targets/device-state';
import { settleAndObserve } from '../targets/settle';
import { type TargetSession } from '../targets/target-session';
import { applyWaivers, checkpointStatus, completeObserved, diffBindings, diffGrants, type WaiverLookup } from './engine-diff';

/**
 * The IMS logcat lines the target has printed since the last look. The dump is usually read in the
 * round trip of something else (the snapshot, an observation): `take` its output.
 */
export class LogcatEvidence {
  private readonly seen = new Set<string>();
  /** The dump to read (IMS tags, the last 400 lines). */
  readonly command: ShellCommand = logcatDumpCommand({ tags: IMS_LOG_TAGS, lines: 400 });

  constructor(private readonly session: TargetSession) {}

  /** Lines of a dump not seen before (a `baseline` dump only marks them seen). */
  take(stdout: string, baseline = false): string[] {
    const fresh: string[] = [];
    for (const line of parseLogcat(stdout, IMS_LOG_TAGS)) {
      if (this.seen.has(line.raw)) continue;
      this.seen.add(line.raw);
      fresh.push(line.raw);
    }
    return baseline ? [] : fresh;
  }

  /** Reads the dump in a round trip of its own; new lines since the previous look. */
  async read(baseline = false): Promise<string[]> {
    const result = await this.session.device.shell(this.command, { timeoutMs: 30_000 }).catch(() => undefined);
    if (result === undefined || result.exitCode !== 0) return [];
    return this.take(result.stdout, baseline);
  }
}

export interface CheckInput {
  readonly session: TargetSession;
  readonly step: number;
  readonly table: ExpectedTable;
  readonly slotCount: number;
  readonly waivers: WaiverLookup;
  readonly logcat: LogcatEvidence;
  /** Commands sent since the previous observation (evidence). */
  readonly commands: readonly CommandRecord[];
  /** Also read the target's state in the same round trip (the scenario's last step: the restore starts from it). */
  readonly withState?: boolean;
  readonly settleTimeoutMs?: number;
  readonly signal?: AbortSignal;
}

/** A checkpoint, and in words how the observation went (for the step record). */
export interface CheckResult {
  readonly checkpoint: Checkpoint;
  readonly note: string;
  /** The target's state read with the observation (withState, when it settled at once). */
  readonly state?: DeviceState;
}

export async function observeCheck(input: CheckInput): Promise<CheckResult> {
  const expected = toBindingTable(input.table);
  const observation = await settleAndObserve(input.session, {
    slotCount: input.slotCount, expected, alongside: input.logcat.command,
    ...(input.withState === true ? { withState: { slotCount: input.slotCount } } : {}),
    ...(input.settleTimeoutMs === undefined ? {} : { timeoutMs: input.settleTimeoutMs }),
    ...(input.signal ? { signal: input.signal } : {}),
  });
  const dump = observation.dump;
  if (!dump.found) {
    // No ImsResolver block: the rig cannot see the binding at all — the target cannot be judged.
    throw new CommandFailedError(`${input.session.info.serial}: dumpsys phone: ${dump.reason}`, 'dumpsys phone', 0, '', '');
  }
  const diffs = applyWaivers(diffBindings(input.table, dump.observed), input.waivers);
  const logcat = observation.alongside === undefined ? await input.logcat.read() : input.logcat.take(observation.alongside);
  const checkpoint: Checkpoint = {
    step: input.step,
    expected,
    observed: completeObserved(input.table, dump.observed),
    diffs,
    status: checkpointStatus(diffs),
    reasons: toReasonTable(input.table),
    evidence: { dumpsys: dump.excerpt, logcat, commands: input.commands.map((c) => ({ ...c })) },
    settleMs: observation.settleMs,
  };
  const how = observation.settled ? `observed after ${observation.settleMs} ms (${observation.reads} read(s))` : `did not settle within ${observation.settleMs} ms; the last of ${observation.reads} read(s) is reported`;
  const busy = observation.busy === undefined ? '' : `; the device was not idle: ${observation.busy}`;
  const result = checkpoint.status === 'pass' ? '' : `; ${diffs.length} difference(s), ${checkpoint.status}`;
  return { checkpoint, note: `${how}${busy}${result}`, ...(observation.state === undefined ? {} : { state: observation.state }) };
}

export interface GrantsInput {
  readonly session: TargetSession;
  readonly step: number;
  readonly package: PackageName;
  readonly expected: Readonly<Record<string, ExpectedGrant>>;
  readonly waivers: WaiverLookup;
  readonly commands: readonly CommandRecord[];
  readonly signal?: AbortSignal;
}

export async function observeGrants(input: GrantsInput): Promise<Checkpoint> {
  const result = await input.session.device.shell(dumpsysPackageCommand(input.package), { timeoutMs: 30_000, ...(input.signal ? { signal: input.signal } : {}) });
  const dump = parsePackageDump(result.stdout, input.package);
  const granted = (permission: string): boolean => dump?.installPermissions[permission] ?? dump?.runtimePermissions[permission] ?? false;
  const grants = diffGrants(input.package, input.expected, granted, input.waivers);
  return {
    step: input.step,
    expected: {},
    observed: {},
    diffs: [],
    status: checkpointStatus(grants.diffs),
    grants,
    evidence: { commands: input.commands.map((c) => ({ ...c })) },
  };
}
