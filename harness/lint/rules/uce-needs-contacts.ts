/**
 * ACCESS_RCS_USER_CAPABILITY_EXCHANGE lets an app request RCS capabilities only "when granted to an
 * app that also has the READ_CONTACTS permission" (RcsUceAdapter checks both).
 */
import { type LintRule } from '../rule';
import { ACCESS_RCS_USER_CAPABILITY_EXCHANGE } from '../subject';

const READ_CONTACTS = 'android.permission.READ_CONTACTS';

export const uceNeedsContacts: LintRule = {
  id: 'uce-needs-contacts',
  title: 'an app requesting ACCESS_RCS_USER_CAPABILITY_EXCHANGE also requests READ_CONTACTS',
  doc: 'uceNeedsContacts',
  check: (s) => {
    if (!s.requests(ACCESS_RCS_USER_CAPABILITY_EXCHANGE) || s.requests(READ_CONTACTS)) return [];
    const uce = s.manifest.usesPermissions.find((p) => p.name === ACCESS_RCS_USER_CAPABILITY_EXCHANGE);
    return [{
      severity: 'error', line: uce?.line ?? s.manifest.line, element: '<uses-permission>',
      message: `requests ${ACCESS_RCS_USER_CAPABILITY_EXCHANGE} without ${READ_CONTACTS}: it cannot request the RCS capabilities of phone numbers (RcsUceAdapter)`,
    }];
  },
};
