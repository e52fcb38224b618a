/**
 * events.jsonl: one JSON object per line, written and flushed as the run goes, so an interrupted
 * run still yields a report of what finished. Every report format is generated from these events
 * (`ims-rig report --from a.jsonl [b.jsonl...]` replays and merges them).
 */
import { type BindingTable, type Capability } from '../model';
import {
  type CallbackAspects,
  type Checkpoint,
  type PlannedScenario,
  type RunInfo,
  type ScenarioStatus,
  type StepRecord,
  type TargetInfo,
} from './model';

interface EventBase {
  readonly v: 1;
  /** ISO-8601 timestamp. */
  readonly at: string;
}

export interface RunBeginEvent extends EventBase {
  readonly type: 'run-begin';
  readonly run: RunInfo;
  readonly target: TargetInfo;
  /** The scenarios this run (or shard) intends to execute, in order. */
  readonly planned: readonly PlannedScenario[];
}

export interface ScenarioBeginEvent extends EventBase {
  readonly type: 'scenario-begin';
  readonly id: string;
  readonly title: string;
  readonly area: string;
  readonly file: string;
  readonly doc?: string;
  /** What the scenario file draws a warning for (a user scenario without doc:). */
  readonly warnings?: readonly string[];
  readonly requires: readonly Capability[];
  readonly target: string;
  readonly attempt: number;
}

export interface StepEvent extends EventBase {
  readonly type: 'step';
  readonly scenario: string;
  readonly step: StepRecord;
}

export interface CheckpointEvent extends EventBase {
  readonly type: 'checkpoint';
  readonly scenario: string;
  readonly checkpoint: Checkpoint;
}

export interface ScenarioEndEvent extends EventBase {
  readonly type: 'scenario-end';
  readonly scenario: string;
  readonly status: ScenarioStatus;
  readonly reason?: string;
  readonly durationMs: number;
  readonly attempt: number;
}

export interface RunEndEvent extends EventBase {
  readonly type: 'run-end';
  readonly durationMs: number;
  readonly exitCode: number;
  /** SIGINT, device lost, crash: the run stopped before its plan was done. */
  readonly interrupted?: string;
  /** The target's own uptime elapsed over the run, across its reboots (harness/targets/target-clock.ts). */
  readonly targetSeconds?: number;
  /** Reboots of the target during the run (staging, restores, scenario steps). */
  readonly targetReboots?: number;
}

/**
 * Three-way diff: the same scenario run on the AOSP reference device (in-process, no deviation,
 * same world and stimuli), what it observed at each of its checkpoint steps. Written beside the
 * target's events (the reference runs alongside the target run); the fold puts each observation
 * beside the target's checkpoint of the same step and labels every difference.
 */
export interface ReferenceEvent extends EventBase {
  readonly type: 'reference';
  readonly scenario: string;
  /** The reference device's verdict (without waivers): pass, fail, skip or error. */
  readonly status: ScenarioStatus;
  readonly reason?: string;
  readonly durationMs: number;
  /** Which reference device: `in-process AOSP reference device (default profile)`. */
  readonly device: string;
  readonly checkpoints: readonly { readonly step: number; readonly bindings?: BindingTable; readonly grants?: Readonly<Record<string, boolean>>; readonly callbacks?: Readonly<Record<string, CallbackAspects>> }[];
}

export type RunEvent = RunBeginEvent | ScenarioBeginEvent | StepEvent | CheckpointEvent | ScenarioEndEvent | RunEndEvent | ReferenceEvent;
