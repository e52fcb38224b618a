/**
 * events.jsonl: one JSON object per line, written and flushed as the run goes, so an interrupted
 * run still yields a report of what finished. Every report format is generated from these events
 * (`ims-rig report --from a.jsonl [b.jsonl...]` replays and merges them).
 */
import { type Capability } from '../model';
import {
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

export type RunEvent = RunBeginEvent | ScenarioBeginEvent | StepEvent | CheckpointEvent | ScenarioEndEvent | RunEndEvent;
