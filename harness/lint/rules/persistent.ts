/**
 * persistent="true" keeps the IMS process from being killed to reclaim memory, and ONLY works for
 * system apps. Android reads it from <application> (ApplicationInfo.FLAG_PERSISTENT; cleared for
 * non-system apps by ScanPackageUtils#applyPolicy); on a <service>, where the documentation and
 * AOSP's ImsTestService write it, it has no effect (aosp-imsresolver.md §5.1).
 */
import { type LintRule } from '../rule';
import { describeComponent } from '../subject';

const ONLY_SYSTEM = 'it only works for system apps';

export const persistent: LintRule = {
  id: 'persistent',
  title: 'the app is persistent (android:persistent="true" on <application>)',
  doc: 'persistent',
  check: (s) => {
    if (s.imsServices.length === 0 || s.manifest.application?.persistent === true) return [];
    const onService = s.imsServices.filter((i) => i.component.persistent === true);
    if (onService.length > 0) {
      return onService.map(({ component: c }) => ({
        severity: 'info' as const, line: c.line, element: describeComponent(c),
        message: `android:persistent="true" is written on the <service>, as the documentation shows it, but Android reads it only from <application> (ApplicationInfo.FLAG_PERSISTENT): put it there (${ONLY_SYSTEM})`,
        basis: 'ApplicationInfo.FLAG_PERSISTENT; aosp-imsresolver.md §5.1',
      }));
    }
    const app = s.manifest.application;
    const first = s.imsServices[0]?.component;
    return [{
      severity: 'warning' as const, line: app?.line ?? first?.line ?? s.manifest.line, element: app === undefined ? '<manifest>' : '<application>',
      message: `${app?.persistent === false ? 'android:persistent="false"' : 'no android:persistent="true"'}: the system may kill the IMS process to reclaim memory; ` +
        `set it on <application> (${ONLY_SYSTEM})`,
    }];
  },
};
