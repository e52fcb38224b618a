/**
 * The result model: what a run found, as results.json (schemaVersion 1, DESIGN.md "results.json")
 * stores it. Reporters see only this model and the events it is folded from (./events.ts).
 * Fields beyond DESIGN.md's are extensions; none of DESIGN.md's are renamed.
 */
import { type BindingCell, type BindingTable, type Capability, type ImsFeature, type SlotKey } from '../model';

export type ScenarioStatus = 'pass' | 'fail' | 'skip' | 'error' | 'waived';
export type CheckpointStatus = 'pass' | 'fail' | 'waived';
export type TargetKind = 'virtual' | 'emulator' | 'device';

export interface TargetInfo {
  readonly serial: string;
  readonly kind: TargetKind;
  readonly fingerprint: string;
  readonly sdk: number;
  readonly buildType: string;
  readonly model?: string;
  readonly release?: string;
  /** How the rig reached it: a real adb server, or the reference device's built-in server door. */
  readonly via?: 'adb-server' | 'built-in-server';
  readonly capabilities?: readonly Capability[];
  readonly missingCapabilities?: readonly Capability[];
  /** Reference device only: the vendor-bug profile it was started with. */
  readonly deviation?: string;
  /** ro.product.cpu.abi (test_result.xml Module@abi, Build@build_abis). */
  readonly abi?: string;
}

/** Why the documented model expects a cell: the rule, the inputs that decided it, the sentence. */
export interface CellReason {
  readonly rule: string;
  readonly reason: string;
  readonly citation: string;
}
export type ReasonTable = Readonly<Partial<Record<SlotKey, Readonly<Partial<Record<ImsFeature, CellReason>>>>>>;

export interface WaiverRef {
  readonly id: string;
  readonly justification: string;
  /** The AOSP reference (section/quirk) the waiver rests on. */
  readonly reference?: string;
}

export interface Diff {
  readonly slot: SlotKey;
  readonly feature: ImsFeature;
  readonly expected: BindingCell;
  readonly observed: BindingCell;
  /** The documented rule that decided the expected cell. */
  readonly rule: string;
  /** Present when a waiver covers this diff: reported as waived, never as pass. */
  readonly waiver?: WaiverRef;
}

/** The raw evidence behind "observed": parsed from the target's own output, never computed. */
export interface Evidence {
  /** The ImsResolver block of `dumpsys phone`, as the target printed it. */
  readonly dumpsys?: string;
  readonly logcat?: readonly string[];
  readonly commands?: readonly { readonly command: string; readonly exitCode: number | null; readonly durationMs: number }[];
}

export interface Checkpoint {
  /** Index into the scenario's steps. */
  readonly step: number;
  readonly expected: BindingTable;
  readonly observed: BindingTable;
  readonly diffs: readonly Diff[];
  readonly status: CheckpointStatus;
  readonly reasons?: ReasonTable;
  readonly evidence?: Evidence;
  /** How long the framework took to settle before the observation. */
  readonly settleMs?: number;
  /** Single-registration checkpoints: permission grants of one app, expected vs observed. */
  readonly grants?: GrantCheck;
  /** checkStateCallbacks checkpoints: the callbacks each observer registration received, expected vs observed. */
  readonly stateCallbacks?: StateCallbackCheck;
}

/** One documented expectation about a callback instance (`last` callback, or callbacks `since` the previous check). */
export interface CallbackExpectationView {
  readonly aspect: 'last' | 'since';
  /** `onAvailable`, `onUnavailable`, `onUnavailable(<REASON>)`, `onError`; `silent`, `unavailable-then-available`. */
  readonly value: string;
  readonly rule: string;
  readonly reason: string;
  readonly citation: string;
}

/** What the observer app's log lines say about one callback instance (observed: logcat only). */
export interface ObservedCallbacks {
  /** `ok` (registerImsStateCallback returned), the error word of a failed registration, or absent: no line yet. */
  readonly registered?: string;
  /** The subscription it was registered for, as the app logged it. */
  readonly subId?: number;
  /** Callbacks since the previous check, in order (`onAvailable`, `onUnavailable(<REASON>)`, `onError`). */
  readonly received: readonly string[];
  /** The last callback since it was registered; absent: none yet. */
  readonly last?: string;
}

/** One callback instance (`<id>#<n>`) at a checkpoint. */
export interface CallbackRow {
  readonly registration: string;
  readonly slot: SlotKey;
  readonly feature: 'MMTEL' | 'RCS';
  /** Where the documented model has it: active, telephony-crashed, subscription-gone, … */
  readonly state: string;
  readonly expected: readonly CallbackExpectationView[];
  /** The documentation is silent here: observed, not judged, and why. */
  readonly observeOnly?: CellReason;
  readonly observed: ObservedCallbacks;
}

export interface CallbackDiff {
  readonly registration: string;
  readonly feature: 'MMTEL' | 'RCS';
  readonly aspect: 'last' | 'since';
  readonly expected: string;
  readonly observed: string;
  readonly rule: string;
  readonly waiver?: WaiverRef;
}

/** What the framework held at the checkpoint (dumpsys phone ImsStateCallbackController), as printed. */
export interface FrameworkCallbacks {
  readonly wrappers: readonly { readonly subId: number; readonly feature: string; readonly reason: string; readonly pkg: string }[];
  readonly listeners: readonly { readonly feature: 'MMTEL' | 'RCS'; readonly slotId: number; readonly subId: number; readonly state: string; readonly reason: string; readonly hasConfig: boolean; readonly isReady?: boolean; readonly hasFeatures?: boolean }[];
}

export interface StateCallbackCheck {
  readonly rows: readonly CallbackRow[];
  readonly diffs: readonly CallbackDiff[];
  /** Absent when the target printed no ImsStateCallbackController section (then `frameworkMissing` says why). */
  readonly framework?: FrameworkCallbacks;
  readonly frameworkMissing?: string;
  /** Observer log lines the rig could not tie to a registration of the scenario. */
  readonly unattributed?: readonly string[];
}

export interface GrantDiff {
  readonly permission: string;
  readonly expected: boolean;
  readonly observed: boolean;
  readonly rule: string;
  readonly waiver?: WaiverRef;
}

export interface GrantCheck {
  readonly package: string;
  readonly expected: Readonly<Record<string, boolean>>;
  readonly observed: Readonly<Record<string, boolean>>;
  readonly reasons: Readonly<Record<string, CellReason>>;
  readonly diffs: readonly GrantDiff[];
}

export interface StepRecord {
  /**
   * Index into the scenario's steps; -1 records the provisioning before the first step (kind
   * `provision`) and steps.length the restore after the last (kind `restore`).
   */
  readonly index: number;
  /** The step's verb as the scenario file names it: check, insertSim, uninstall, ... */
  readonly kind: string;
  readonly description: string;
  readonly status: 'ok' | 'error' | 'skipped';
  readonly startedAt: string;
  readonly durationMs: number;
  readonly detail?: string;
}

export interface ScenarioResult {
  readonly id: string;
  readonly title: string;
  readonly area: string;
  readonly file: string;
  readonly status: ScenarioStatus;
  readonly reason?: string;
  readonly durationMs: number;
  readonly checkpoints: readonly Checkpoint[];
  readonly doc?: string;
  readonly requires?: readonly Capability[];
  readonly steps?: readonly StepRecord[];
  /** Serial of the target it ran on (runs merged from several devices keep them apart). */
  readonly target?: string;
  /** Attempts made (with --retries); the last one decides the status. */
  readonly attempts?: number;
  /** The run ended before this scenario did. */
  readonly incomplete?: boolean;
  /** Attempts before the last one, oldest first (a retried scenario stays visibly retried). */
  readonly attemptHistory?: readonly AttemptRecord[];
}

/** One earlier attempt of a retried scenario. */
export interface AttemptRecord {
  readonly attempt: number;
  readonly status: ScenarioStatus;
  readonly reason?: string;
  readonly durationMs: number;
}

/** A scenario a run (or shard) intended to execute, as run-begin lists it. */
export interface PlannedScenario {
  readonly id: string;
  readonly title: string;
  readonly area: string;
  readonly file: string;
  /**
   * Position in the whole, unsharded plan. Shards carry it so that merging them restores the
   * unsharded order; without it a merge orders by id.
   */
  readonly order?: number;
}

/** A planned scenario that never began (the run stopped first). */
export interface NotRunScenario extends PlannedScenario {
  /** Serial of the target it was planned for. */
  readonly target?: string;
}

/** One run (or shard) a merged result was made from. */
export interface RunSource {
  readonly id: string;
  readonly serial: string;
  readonly commandLine: string;
  readonly startedAt: string;
  readonly complete: boolean;
  readonly shard?: { readonly index: number; readonly count: number };
}

export interface RunSummary {
  readonly pass: number;
  readonly fail: number;
  readonly skip: number;
  readonly error: number;
  /** Diffs where the target deviates from the documentation and a waiver covers it. */
  readonly deviation: number;
  /** Scenarios whose only diffs are waived (not counted in pass). */
  readonly waived: number;
  /** Scenarios the run ended in the middle of; a subset of `error` (their status is error). */
  readonly incomplete: number;
  /** Scenario results: pass + fail + skip + error + waived. */
  readonly total?: number;
  /** Planned scenarios that never began (interrupted run); not part of `total`. */
  readonly notRun?: number;
}

export interface RunInfo {
  readonly id: string;
  readonly suiteName: string;
  readonly suiteVersion: string;
  readonly startedAt: string;
  readonly endedAt?: string;
  readonly durationMs?: number;
  readonly host: {
    readonly name: string;
    readonly os: string;
    readonly node: string;
    /** os.release() */
    readonly osVersion?: string;
    /** os.arch() */
    readonly arch?: string;
  };
  readonly commandLine: string;
  /** false when the run was interrupted or crashed: the report shows what finished. */
  readonly complete: boolean;
  readonly shard?: { readonly index: number; readonly count: number };
  /** Why the run stopped early (run-end `interrupted`). */
  readonly interrupted?: string;
  /** The exit code the run ended with (run-end). */
  readonly exitCode?: number;
  /** Merged results: the runs/shards they came from. */
  readonly mergedFrom?: readonly RunSource[];
}

export interface RunResult {
  readonly schemaVersion: 1;
  readonly run: RunInfo;
  /** The target (the first one, when runs from several devices were merged). */
  readonly target: TargetInfo;
  readonly targets?: readonly TargetInfo[];
  readonly summary: RunSummary;
  readonly scenarios: readonly ScenarioResult[];
  /** What the run (or the merged shards) intended to execute, in plan order. */
  readonly planned?: readonly PlannedScenario[];
  /** Planned scenarios that never began: an interrupted run shows them as not executed. */
  readonly notRun?: readonly NotRunScenario[];
}
