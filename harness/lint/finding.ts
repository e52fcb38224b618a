/**
 * One thing the manifest lint has to say about an app, with the rule that said it, the element and
 * line it is about, and the documentation sentence (harness/docs/documentation.ts) it rests on.
 */
import { type DocId } from '../docs/documentation';

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export interface LintFinding {
  /** Stable rule id (harness/lint/rules/<id>.ts). */
  readonly rule: string;
  readonly severity: Severity;
  /** The file as the user named it. */
  readonly file: string;
  readonly line: number;
  /** The element it is about, e.g. `<service .ImsService>`. */
  readonly element: string;
  readonly message: string;
  /** The documentation sentence the finding rests on. */
  readonly doc: DocId;
  /** Where the platform behaviour in the message comes from, when it is not the documentation. */
  readonly basis?: string;
}

/** What a rule returns: the finding without what the runner fills in. */
export type RuleFinding = Omit<LintFinding, 'rule' | 'file' | 'doc'> & { readonly doc?: DocId };

/** True for findings that make `ims-rig lint` exit 1. */
export function isBlocking(finding: Pick<LintFinding, 'severity'>): boolean {
  return finding.severity !== 'info';
}
