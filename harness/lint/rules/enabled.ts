/** A disabled (android:enabled="false") ImsService is invisible to ImsResolver's query until enabled. */
import { type LintRule } from '../rule';
import { describeComponent } from '../subject';

export const enabled: LintRule = {
  id: 'enabled',
  title: 'the ImsService is not disabled in the manifest',
  doc: 'intentFilter',
  check: (s) => s.imsServices.filter((i) => i.component.enabled === false).map(({ component: c }) => ({
    severity: 'warning' as const, line: c.line, element: describeComponent(c),
    message: 'android:enabled="false": PackageManager does not return disabled services, so the framework cannot find it until something enables it (pm enable / setComponentEnabledSetting)',
  })),
};
