/**
 * The phone process binds the ImsService from another uid, so the service must be exported.
 * Explicit "false" blocks that bind (only the app's own uid and system uids may bind an unexported
 * service); leaving it out is refused at install time for targetSdkVersion 31+ ("android:exported
 * needs to be explicitly specified for element <service>"), and defaults to true below that.
 */
import { type RuleFinding } from '../finding';
import { type LintRule } from '../rule';
import { describeComponent } from '../subject';

export const exported: LintRule = {
  id: 'exported',
  title: 'the ImsService is exported (android:exported="true")',
  doc: 'serviceDefinition',
  check: (s) => s.imsServices.flatMap(({ component: c }): RuleFinding[] => {
    if (c.exported === true) return [];
    const element = describeComponent(c);
    return c.exported === false
      ? [{
        severity: 'error', line: c.line, element,
        message: 'android:exported="false": the phone process (another uid) cannot bind it, unless the app shares its uid (android:sharedUserId="android.uid.phone")',
        basis: 'ActivityManager component permission check for unexported services',
      }]
      : [{
        severity: 'warning', line: c.line, element,
        message: 'android:exported is not set: with an intent-filter it defaults to true before Android 12, and apps targeting SDK 31+ fail to install without it; write android:exported="true"',
        basis: 'PackageManager INSTALL_PARSE_FAILED_MANIFEST_MALFORMED for targetSdkVersion >= 31',
      }];
  }),
};
