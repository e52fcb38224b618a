/** Attribute values aapt refuses (android:exported="yes"): such a manifest does not build. */
import { type LintRule } from '../rule';

export const manifestValues: LintRule = {
  id: 'manifest-values',
  title: 'attribute values are of the type the attribute takes',
  doc: 'registrationSteps',
  check: (s) => s.manifest.problems.map((p) => ({
    severity: 'error' as const, line: p.line, element: `<${p.element}>`,
    message: `${p.message}: aapt refuses this manifest, and Android would not read the value`,
  })),
};
