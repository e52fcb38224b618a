/**
 * The three-way diff's second run: while the suite runs the plan on the target, each scenario the
 * target can run is also run on an AOSP reference device (in-process, no deviation, same world and
 * stimuli), one after another, and what it observed is appended to the run's events.jsonl as a
 * `reference` event; the fold puts it beside the target's checkpoints (harness/results/three-way.ts).
 * The two runs share nothing but the event file, so the reference costs the target run no wall
 * time: the target waits on its device while the reference device works. The runner never starts a
 * reference device itself (it may not import harness/in-process): the CLI hands it a ReferenceRunner.
 */
import { describeError } from '../errors';
import { type Checkpoint, EventWriter, type ScenarioStatus } from '../results';
import { callbackAspectsOf } from '../scenario/callback-diff';
import { requirementSkip } from '../targets/requirements';
import { type Capability, type FullScenario } from '../model';
import { readControl } from './run-control';

/** What one scenario's reference run yields (harness/in-process runOnReferenceDevice has this shape). */
export interface ReferenceOutcome {
  readonly status: ScenarioStatus;
  readonly reason?: string;
  readonly checkpoints: readonly Checkpoint[];
}

/** Runs one scenario on the reference device. */
export type ReferenceRunner = (scenario: FullScenario, signal: AbortSignal) => Promise<ReferenceOutcome>;

export interface ReferenceRunsOptions {
  readonly runner: ReferenceRunner;
  /** Names the reference device in the events and the report. */
  readonly device: string;
  readonly scenarios: readonly FullScenario[];
  /** The target's capabilities: a scenario the target will skip needs no reference. */
  readonly capabilities: readonly Capability[];
  readonly eventsFile: string;
  readonly controlFile: string;
}

export interface ReferenceRuns {
  /** Resolves when every reference run has ended (or the run was stopped). */
  readonly done: Promise<{ readonly ran: number; readonly failed: number; readonly ms: number; readonly error?: string }>;
  /** Aborts the reference run under way and runs no more. */
  stop(): void;
}

export function startReferenceRuns(options: ReferenceRunsOptions): ReferenceRuns {
  const controller = new AbortController();
  const capabilities = new Set(options.capabilities);
  const started = Date.now();
  const done = (async () => {
    const writer = new EventWriter(options.eventsFile);
    let ran = 0;
    let failed = 0;
    try {
      for (const scenario of options.scenarios) {
        if (controller.signal.aborted || readControl(options.controlFile).state !== 'run') break;
        if (requirementSkip(scenario, capabilities) !== undefined) continue;
        const t = Date.now();
        let outcome: ReferenceOutcome;
        try {
          outcome = await options.runner(scenario, controller.signal);
        } catch (e) {
          // The reference could not run it: the target's cells stay unlabelled, and the report says why.
          outcome = { status: 'error', reason: `reference run failed: ${describeError(e)}`, checkpoints: [] };
        }
        if (outcome.status === 'error') failed++;
        ran++;
        writer.write({
          type: 'reference', scenario: scenario.id, status: outcome.status, ...(outcome.reason === undefined ? {} : { reason: outcome.reason }),
          durationMs: Date.now() - t, device: options.device,
          checkpoints: outcome.checkpoints.map((c) => ({
            step: c.step, ...(Object.keys(c.observed).length > 0 ? { bindings: c.observed } : {}), ...(c.grants ? { grants: c.grants.observed } : {}),
            ...(c.stateCallbacks ? { callbacks: callbackAspectsOf(c.stateCallbacks) } : {}),
          })),
        });
      }
    } finally {
      writer.close();
    }
    return { ran, failed, ms: Date.now() - started };
  })().catch((e: unknown) => ({ ran: 0, failed: 0, ms: Date.now() - started, error: describeError(e) })); // never rejects: awaited only after the suite
  return { done, stop: () => controller.abort(new Error('the run was stopped')) };
}
