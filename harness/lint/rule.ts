/**
 * A lint rule: one module per rule under ./rules, each with a stable id, what it checks, the
 * documentation sentence it rests on, and a pure check over the app's facts.
 */
import { type DocId } from '../docs/documentation';
import { type RuleFinding } from './finding';
import { type LintSubject } from './subject';

export interface LintRule {
  /** Stable id, printed with every finding and used by --json consumers. */
  readonly id: string;
  /** One line: what the rule checks. */
  readonly title: string;
  /** The sentence its findings cite unless a finding names another. */
  readonly doc: DocId;
  check(subject: LintSubject): readonly RuleFinding[];
}
