/**
 * Folds one run's event stream into its result (results.json). The stream is the source of truth
 * (style-anchors.md §6 lesson 11); the fold makes its gaps visible rather than hiding them:
 *  - a scenario that began but never ended is `error`, `incomplete: true`;
 *  - a stream without `run-end` (or with `interrupted`) is `run.complete = false`;
 *  - planned scenarios that never began are listed in `notRun`;
 *  - with retries the last attempt decides, earlier attempts stay in `attemptHistory`;
 *  - a status claiming `pass` while a checkpoint holds a difference is corrected: a waived
 *    difference makes it `waived`, an unwaived one `fail` (a deviation never reads as a pass);
 *  - a scenario's reference run (three-way diff) puts the reference's observation beside each
 *    checkpoint of the same step and labels its differences (./three-way.ts).
 */
import { InputError } from '../errors';
import { scenarioDiffs } from './describe';
import { type ReferenceEvent, type RunBeginEvent, type RunEvent, type ScenarioBeginEvent } from './events';
import {
  type AttemptRecord,
  type Checkpoint,
  type NotRunScenario,
  type PlannedScenario,
  type RunInfo,
  type RunResult,
  type ScenarioResult,
  type ScenarioStatus,
  type StepRecord,
} from './model';
import { summarize } from './summarize';
import { withReference } from './three-way';

export const INCOMPLETE_REASON = 'run ended before this scenario finished';

interface Attempt {
  readonly begin: ScenarioBeginEvent;
  readonly steps: StepRecord[];
  readonly checkpoints: Checkpoint[];
  lastAt: string;
  end?: { status: ScenarioStatus; reason?: string; durationMs: number };
}

interface ScenarioTrack {
  readonly history: AttemptRecord[];
  current: Attempt;
  /** Order of first begin, for scenarios the plan does not list. */
  readonly seen: number;
}

export function foldEvents(events: readonly RunEvent[], source = 'events'): RunResult {
  const begin = events.find((e): e is RunBeginEvent => e.type === 'run-begin');
  if (!begin) throw new InputError(`${source}: no run-begin event: not the events of a run (or the run died before it started)`, { file: source });

  const planned = new Map<string, PlannedScenario>();
  const tracks = new Map<string, ScenarioTrack>();
  const references = new Map<string, ReferenceEvent>();
  let runEnd: Extract<RunEvent, { type: 'run-end' }> | undefined;
  let lastAt = begin.at;

  for (const event of events) {
    lastAt = event.at > lastAt ? event.at : lastAt;
    switch (event.type) {
      case 'run-begin':
        // A second run-begin (a resumed run appending to the same file) only extends the plan.
        for (const p of event.planned) if (!planned.has(p.id)) planned.set(p.id, p);
        break;
      case 'scenario-begin': {
        const attempt: Attempt = { begin: event, steps: [], checkpoints: [], lastAt: event.at };
        const track = tracks.get(event.id);
        if (!track) tracks.set(event.id, { history: [], current: attempt, seen: tracks.size });
        else {
          track.history.push(closeAttempt(track.current));
          track.current = attempt;
        }
        break;
      }
      case 'step':
        touch(tracks, event.scenario, event.at)?.steps.push(event.step);
        break;
      case 'checkpoint':
        touch(tracks, event.scenario, event.at)?.checkpoints.push(event.checkpoint);
        break;
      case 'scenario-end': {
        const attempt = touch(tracks, event.scenario, event.at);
        if (attempt) attempt.end = { status: event.status, durationMs: event.durationMs, ...(event.reason === undefined ? {} : { reason: event.reason }) };
        break;
      }
      case 'run-end':
        runEnd = event;
        break;
      case 'reference':
        references.set(event.scenario, event);
        break;
    }
  }

  const plannedList = [...planned.values()];
  const position = new Map(plannedList.map((p, i) => [p.id, i]));
  const scenarios = [...tracks.values()]
    .sort((a, b) => rank(a) - rank(b))
    .map((t) => withReferenceRun(toScenarioResult(t, begin.target.serial), references.get(t.current.begin.id)));
  function rank(t: ScenarioTrack): number {
    return position.get(t.current.begin.id) ?? plannedList.length + t.seen;
  }

  const notRun: NotRunScenario[] = plannedList
    .filter((p) => !tracks.has(p.id))
    .map((p) => ({ ...p, target: begin.target.serial }));
  const run = runInfo(begin.run, runEnd, lastAt);
  return {
    schemaVersion: 1,
    run,
    target: begin.target,
    summary: {
      ...summarize(scenarios, notRun),
      ...(runEnd?.targetSeconds === undefined ? {} : { targetSeconds: runEnd.targetSeconds }),
      ...(runEnd?.targetReboots === undefined ? {} : { targetReboots: runEnd.targetReboots }),
    },
    scenarios,
    planned: plannedList,
    notRun,
  };
}

function touch(tracks: Map<string, ScenarioTrack>, id: string, at: string): Attempt | undefined {
  const attempt = tracks.get(id)?.current;
  if (attempt && at > attempt.lastAt) attempt.lastAt = at;
  return attempt;
}

function closeAttempt(a: Attempt): AttemptRecord {
  if (a.end) return { attempt: a.begin.attempt, status: a.end.status, durationMs: a.end.durationMs, ...(a.end.reason === undefined ? {} : { reason: a.end.reason }) };
  return { attempt: a.begin.attempt, status: 'error', reason: 'attempt ended without a result', durationMs: elapsed(a.begin.at, a.lastAt) };
}

function toScenarioResult(track: ScenarioTrack, defaultTarget: string): ScenarioResult {
  const { begin, steps, checkpoints, end } = track.current;
  const incomplete = end === undefined;
  const base = {
    id: begin.id,
    title: begin.title,
    area: begin.area,
    file: begin.file,
    status: incomplete ? ('error' as const) : reconcile(end.status, checkpoints),
    ...(incomplete ? { reason: INCOMPLETE_REASON } : end.reason === undefined ? {} : { reason: end.reason }),
    durationMs: incomplete ? elapsed(begin.at, track.current.lastAt) : end.durationMs,
    checkpoints,
    ...(begin.doc === undefined ? {} : { doc: begin.doc }),
    ...(begin.warnings === undefined || begin.warnings.length === 0 ? {} : { warnings: begin.warnings }),
    requires: begin.requires,
    steps,
    target: begin.target || defaultTarget,
    attempts: track.history.length + 1,
  };
  return {
    ...base,
    ...(incomplete ? { incomplete: true } : {}),
    ...(track.history.length > 0 ? { attemptHistory: track.history } : {}),
  };
}

/** The reference run's observations beside the scenario's checkpoints, step by step. */
function withReferenceRun(s: ScenarioResult, ref: ReferenceEvent | undefined): ScenarioResult {
  if (ref === undefined) return s;
  const byStep = new Map(ref.checkpoints.map((c) => [c.step, c]));
  return {
    ...s,
    checkpoints: s.checkpoints.map((c) => withReference(c, byStep.get(c.step))),
    reference: { status: ref.status, ...(ref.reason === undefined ? {} : { reason: ref.reason }), durationMs: ref.durationMs, device: ref.device },
  };
}

/** The runner's verdict, made no kinder than the checkpoints it recorded. */
function reconcile(status: ScenarioStatus, checkpoints: readonly Checkpoint[]): ScenarioStatus {
  if (status !== 'pass' && status !== 'waived') return status;
  const { unwaived, waived } = scenarioDiffs({ checkpoints });
  if (unwaived.length > 0 || checkpoints.some((c) => c.status === 'fail')) return 'fail';
  if (waived.length > 0) return 'waived';
  return status;
}

/** A stream with no run-end: the process ended without finishing (SIGKILL, a crash, power off). */
export const KILLED_REASON = 'the run was killed or crashed: its event stream ends without run-end';

function runInfo(begun: RunInfo, end: Extract<RunEvent, { type: 'run-end' }> | undefined, lastAt: string): RunInfo {
  const endedAt = end?.at ?? lastAt;
  return {
    ...begun,
    endedAt,
    durationMs: end?.durationMs ?? elapsed(begun.startedAt, endedAt),
    complete: end !== undefined && end.interrupted === undefined,
    ...(end ? { exitCode: end.exitCode } : {}),
    ...(end?.interrupted !== undefined ? { interrupted: end.interrupted } : end ? {} : { interrupted: KILLED_REASON }),
  };
}

function elapsed(from: string, to: string): number {
  const ms = Date.parse(to) - Date.parse(from);
  return Number.isFinite(ms) && ms > 0 ? ms : 0;
}
