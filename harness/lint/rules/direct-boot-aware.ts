/**
 * directBootAware="true" lets telephony discover and bind the ImsService before the first unlock.
 * Android resolves it per component (ParsedMainComponentUtils: the component's own attribute), and
 * for a *system* app an <application android:directBootAware="true"> makes every component direct
 * boot aware (ScanPackageUtils#applyPolicy, frameworks/base services/core/.../pm); for other apps it
 * is cleared. ImsServices are system apps, so the application-level form works — AOSP's own
 * ImsTestService relies on it.
 */
import { type RuleFinding } from '../finding';
import { type LintRule } from '../rule';
import { describeComponent } from '../subject';

export const directBootAware: LintRule = {
  id: 'direct-boot-aware',
  title: 'the ImsService is direct boot aware (on the <service>, or inherited from <application> in a system app)',
  doc: 'directBootAware',
  check: (s) => s.imsServices.flatMap(({ component: c }): RuleFinding[] => {
    if (c.directBootAware === true) return [];
    const element = describeComponent(c);
    if (s.manifest.application?.directBootAware === true) {
      return [{
        severity: 'info', line: c.line, element,
        message: `direct boot aware through <application android:directBootAware="true">${c.directBootAware === false ? ' (overriding the service\'s "false")' : ''}: ` +
          'Android applies it to every component of a system app only (ScanPackageUtils#applyPolicy); as an ImsService must be a system app this works, but the documentation puts it on the <service>',
        basis: 'frameworks/base ScanPackageUtils#applyPolicy: setAllComponentsDirectBootAware for system apps',
      }];
    }
    return [{
      severity: 'error', line: c.line, element, doc: 'serviceAttributes',
      message: `${c.directBootAware === false ? 'android:directBootAware="false"' : 'no android:directBootAware="true" (on the service or the application)'}: ` +
        'telephony cannot discover or bind it before the user first unlocks the device, so there is no IMS (and no emergency calling over IMS) until then; AOSP only picks it up at BOOT_COMPLETED',
      basis: 'aosp-imsresolver.md §1.8 quirk 14',
    }];
  }),
};
