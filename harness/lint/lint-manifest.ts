/** Runs the lint rules over one manifest. Pure: the manifest in, findings out. */
import { type ManifestInfo } from '../formats/android-manifest';
import { type LintFinding, SEVERITIES } from './finding';
import { LINT_RULES } from './registry';
import { type LintRule } from './rule';
import { lintSubject } from './subject';

/** The findings for `manifest`, by line, then severity, then rule order. */
export function lintManifest(manifest: ManifestInfo, rules: readonly LintRule[] = LINT_RULES): LintFinding[] {
  const subject = lintSubject(manifest);
  const findings = rules.flatMap((rule, order) => rule.check(subject).map((f) => ({
    order,
    finding: { ...f, rule: rule.id, file: manifest.file, doc: f.doc ?? rule.doc } satisfies LintFinding,
  })));
  return findings
    .sort((a, b) => a.finding.line - b.finding.line ||
      SEVERITIES.indexOf(a.finding.severity) - SEVERITIES.indexOf(b.finding.severity) || a.order - b.order)
    .map((x) => x.finding);
}
