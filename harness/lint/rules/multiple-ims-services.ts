/**
 * ImsResolver keys ImsServices by package name (getInfoByPackageName takes the first match of a
 * HashMap stream), so several ImsService components in one package are ambiguous: which one is
 * bound is undefined (aosp-imsresolver.md §1.8 quirk 9).
 */
import { type LintRule } from '../rule';
import { describeComponent } from '../subject';

export const multipleImsServices: LintRule = {
  id: 'multiple-ims-services',
  title: 'one ImsService per package',
  doc: 'serviceDefinition',
  check: (s) => s.imsServices.slice(1).map((i) => ({
    severity: 'warning' as const, line: i.component.line, element: describeComponent(i.component),
    message: `${s.imsServices.length} ImsService components in one package (${s.imsServices.map((x) => x.component.name).join(', ')}): ` +
      'ImsResolver looks services up by package name, so which one it binds is undefined',
    basis: 'ImsResolver#getInfoByPackageName (aosp-imsresolver.md §1.8 quirk 9)',
  })),
};
