/**
 * The result model: what a run found, as results.json (schemaVersion 1, DESIGN.md "results.json")
 * stores it. Reporters see only this model and the events it is folded from (./events.ts).
 * Fields beyond DESIGN.md's are extensions; none of DESIGN.md's are renamed.
 */
import { type BindingCell, type BindingTable, type Capability, type FlowOutcome, type ImsFeature, type SlotKey } from '../model';

export type ScenarioStatus = 'pass' | 'fail' | 'skip' | 'error' | 'waived';
export type CheckpointStatus = 'pass' | 'fail' | 'waived';
export type TargetKind = 'virtual' | 'emulator' | 'device';
export type TargetVia = 'adb-server' | 'built-in-server' | 'in-process';

export interface TargetInfo {
  readonly serial: string;
  readonly kind: TargetKind;
  readonly fingerprint: string;
  readonly sdk: number;
  readonly buildType: string;
  readonly model?: string;
  readonly release?: string;
  /**
   * How the rig reached it: a real adb server, the reference device's built-in server door, or
   * the reference device's services opened in the rig's own process (`--transport in-process`).
   */
  readonly via?: TargetVia;
  readonly capabilities?: readonly Capability[];
  readonly missingCapabilities?: readonly Capability[];
  /** Reference device only: the vendor-bug profile it was started with. */
  readonly deviation?: string;
  /** Reference device only: the profile it plays (`default`, or `emulator` for a stock API 35 emulator). */
  readonly referenceProfile?: string;
  /** ro.product.cpu.abi (test_result.xml Module@abi, Build@build_abis). */
  readonly abi?: string;
}

/** Why the documented model expects a cell: the rule, the inputs that decided it, the sentence. */
export interface CellReason {
  readonly rule: string;
  readonly reason: string;
  readonly citation: string;
  /** Public ids of the sentences cited (`two-per-slot`), for traceability (harness/docs). */
  readonly cites?: readonly string[];
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
  /** Three-way diff: what the AOSP reference device bound for this cell in the same scenario and step. */
  readonly reference?: BindingCell;
  /** Three-way diff: whose difference it is (./three-way.ts); absent without a reference run. */
  readonly origin?: DiffOrigin;
}

/**
 * as-aosp          the target does what the AOSP reference device does (target = reference ≠
 *                  documentation): AOSP's own difference from the documentation, kept by the vendor;
 * vendor-specific  the target differs from the reference (target ≠ reference): the vendor changed it.
 */
export type DiffOrigin = 'as-aosp' | 'vendor-specific';

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
  /**
   * Three-way diff: what the AOSP reference device (in-process, same scenario, same stimuli) bound
   * at the same step, observed from its own dumpsys. Absent when no reference run was made.
   */
  readonly reference?: BindingTable;
  /** `ui` steps: what a UI flow reported, against the documented model or the framework's dump. */
  readonly ui?: UiCheck;
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
  /** Public ids of the sentences cited (`telephony-crash`), for traceability (harness/docs). */
  readonly cites?: readonly string[];
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
  /** Three-way diff: what the same registration's callbacks were on the AOSP reference device (same words as `observed`). */
  readonly reference?: string;
  /** Three-way diff: whose difference it is (./three-way.ts); absent without a reference run. */
  readonly origin?: DiffOrigin;
}

/** A registration's callbacks at a checkpoint in the words of a CallbackDiff's `observed`, per aspect. */
export interface CallbackAspects {
  readonly last: string;
  readonly since: string;
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
  /** Three-way diff: per registration, the callbacks the AOSP reference device's observer received at the same step. */
  readonly reference?: Readonly<Record<string, CallbackAspects>>;
}

/** One checked value of a UI step (`rcs-provisioning.access`, `registration.state`, …). */
export interface UiDiff {
  readonly key: string;
  readonly expected: string | boolean;
  readonly observed: string | boolean;
  readonly rule: string;
  readonly waiver?: WaiverRef;
}

export interface UiCheck {
  readonly flow: string;
  readonly package: string;
  /** What is expected per key: from the documented model (surfaces) or from the framework's dump (registration, capabilities); null: the documentation is silent. */
  readonly expected: Readonly<Record<string, string | boolean | null>>;
  readonly observed: Readonly<Record<string, string | boolean>>;
  /** Where each expectation comes from. */
  readonly reasons: Readonly<Record<string, CellReason>>;
  readonly diffs: readonly UiDiff[];
}

/** A screen a UI step captured (PNG, base64), in order. */
export interface UiScreenshot {
  readonly label: string;
  /** The focused activity when it was taken (`.DelegateActivity`). */
  readonly activity?: string;
  readonly png: string;
}

/** The Appium session a UI step ran in. */
export interface AppiumSessionInfo {
  readonly sessionId: string;
  readonly serverUrl: string;
  readonly serverVersion: string;
  /** automationName and driver package version, e.g. `UiAutomator2 (appium-uiautomator2-driver 8.7.0)`. */
  readonly driver: string;
  /** Who runs the server: the rig (started for this run) or $IMS_RIG_APPIUM_URL. */
  readonly server: 'started-by-ims-rig' | 'IMS_RIG_APPIUM_URL';
  /** Time to create the session. */
  readonly createMs: number;
}

/** A `ui` step's record: flow, session, screens in order, and (when it failed) the page source. */
export interface UiStepRecord {
  readonly flow: string;
  readonly package: string;
  readonly args: Readonly<Record<string, unknown>>;
  readonly session?: AppiumSessionInfo;
  readonly screenshots: readonly UiScreenshot[];
  readonly outcome?: FlowOutcome;
  /** The page source when the flow failed (an element it could not find). */
  readonly pageSource?: string;
  /** FATAL EXCEPTION blocks the crash buffer gained during the flow (logcat -b crash). */
  readonly crashes?: readonly string[];
}

export interface GrantDiff {
  readonly permission: string;
  readonly expected: boolean;
  readonly observed: boolean;
  readonly rule: string;
  readonly waiver?: WaiverRef;
  readonly reference?: boolean;
  readonly origin?: DiffOrigin;
}

export interface GrantCheck {
  readonly package: string;
  readonly expected: Readonly<Record<string, boolean>>;
  readonly observed: Readonly<Record<string, boolean>>;
  readonly reasons: Readonly<Record<string, CellReason>>;
  readonly diffs: readonly GrantDiff[];
  /** Three-way diff: the grants the AOSP reference device gave the same app at the same step. */
  readonly reference?: Readonly<Record<string, boolean>>;
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
  /** `ui` steps only. */
  readonly ui?: UiStepRecord;
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
  /** Warnings about the scenario file (a user scenario without doc:). */
  readonly warnings?: readonly string[];
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
  /** Three-way diff: the same scenario's run on the AOSP reference device (its checkpoints carry `reference`). */
  readonly reference?: ReferenceRunInfo;
}

/** How the reference run of a scenario went; a reference that did not reach a step labels nothing there. */
export interface ReferenceRunInfo {
  readonly status: ScenarioStatus;
  readonly reason?: string;
  readonly durationMs: number;
  readonly device: string;
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
  /** Which documentation sentences the scenario rests on, worked out from its file before it runs. */
  readonly trace?: ScenarioTrace;
}

/**
 * The documentation sentences a scenario rests on (public ids, harness/docs): the one its `doc:`
 * quotes, and per observing step the ones the documented model cites for its expected cells.
 */
export interface ScenarioTrace {
  /** The sentence `doc:` quotes; absent when the quote is no sentence of harness/docs. */
  readonly doc?: string;
  /** What the scenario observes (harness/docs/checkability.ts ObservationKind). */
  readonly observes: readonly string[];
  readonly checks: readonly { readonly step: number; readonly cites: readonly string[] }[];
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
  /**
   * The target's own uptime elapsed over the run (from /proc/uptime, across reboots); on the
   * reference device its AOSP-timed clock, which projects the run onto a real emulator.
   */
  readonly targetSeconds?: number;
  /** Reboots of the target during the run. */
  readonly targetReboots?: number;
  /** Three-way diff (only with a reference run): differing cells and grants the reference device shares. */
  readonly asAosp?: number;
  /** Three-way diff (only with a reference run): differing cells and grants the reference device does not share. */
  readonly vendorSpecific?: number;
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
  /** A snapshot an earlier run left on the target (it died mid-scenario), restored before this run began. */
  readonly leftoverRestored?: LeftoverRestored;
}

/** results.json `run.leftoverRestored` (optional; issue 11): what this run found left on its target and did about it. */
export interface LeftoverRestored {
  /** The scenario whose snapshot it was. */
  readonly scenario: string;
  /** The run that left it: host, pid, start time, and its report directory when known. */
  readonly leftBy: { readonly host: string; readonly pid: number; readonly startedAt: string; readonly outDir?: string };
  readonly savedAt: string;
  /** The serial the snapshot was taken through, and whether the target has rebooted since. */
  readonly serial: string;
  readonly boot: 'same-boot' | 'rebooted' | 'unknown-boot';
  /** The target reads back as the snapshot says. */
  readonly ok: boolean;
  /** Fingerprint lines still different when not ok. */
  readonly differences?: readonly string[];
  /** The dead run's report, rebuilt from its events.jsonl by this run. */
  readonly deadRunReport?: string;
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

export type { DocumentationEntry, DocumentationLinkVerdict, DocumentationStatus } from './documentation-model';
