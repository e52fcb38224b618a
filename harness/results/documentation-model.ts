/**
 * results.json `documentation`: one entry per sentence of the documentation (harness/docs), with
 * the scenarios and checkpoints of the run that rest on it and what became of them. Computed from
 * the run's result by harness/reporters/documentation (the result layer may not read harness/docs);
 * `ims-rig coverage` computes the same from the scenario files.
 */

/**
 * held         every scenario and checkpoint resting on it that ran agreed with the documentation
 * failed       one of them holds an unwaived difference
 * waived       only waived differences (a documented deviation of AOSP)
 * not-run      scenarios rest on it, but none of them ran to a verdict (skipped, error, not run)
 * not-covered  no scenario of the run rests on it (`reason` says why; `notCheckable` when none can)
 */
export type DocumentationStatus = 'held' | 'failed' | 'waived' | 'not-run' | 'not-covered';
export type DocumentationLinkVerdict = Exclude<DocumentationStatus, 'not-covered'>;

export interface DocumentationEntry {
  /** Public sentence id (`two-per-slot`). */
  readonly id: string;
  /** Title of the page (seed) or other source the sentence is quoted from. */
  readonly source: string;
  readonly section: string;
  readonly text: string;
  readonly status: DocumentationStatus;
  /** What a scenario must observe to check it (bindings, grants, state-callback, ui, process). */
  readonly observedBy?: readonly string[];
  /** Why no check over adb can cover this sentence (the committed list in harness/docs). */
  readonly notCheckable?: string;
  /** Why it is not covered or not run. */
  readonly reason?: string;
  /** Scenarios resting on it: through their `doc:` quote, through cited cells, or both. */
  readonly scenarios: readonly {
    readonly id: string;
    readonly target?: string;
    readonly via: readonly ('doc' | 'cells')[];
    readonly verdict: DocumentationLinkVerdict;
  }[];
  /** Checkpoints with expected cells (or grants) whose documented rule cites it. */
  readonly checkpoints: readonly {
    readonly scenario: string;
    readonly target?: string;
    readonly step: number;
    readonly verdict: DocumentationLinkVerdict;
    /** `slot 0 MMTEL`, or a permission name. */
    readonly cells: readonly string[];
  }[];
  /** Scenarios whose `doc:` quotes it but which do not make the observation it needs. */
  readonly quotedBy?: readonly string[];
}
