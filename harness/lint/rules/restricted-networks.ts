/**
 * An RCS single-registration client reaches the IMS APN through ConnectivityManager, for which
 * "apps must also request the android.permission.CONNECTIVITY_USE_RESTRICTED_NETWORKS permission".
 * A warning, not an error: an app that leaves all IMS traffic to the SipDelegate may not need it,
 * and a library manifest merged at build time may add it (lint the APK to see the merged manifest).
 */
import { type LintRule } from '../rule';
import { PERFORM_IMS_SINGLE_REGISTRATION } from '../subject';

const CONNECTIVITY_USE_RESTRICTED_NETWORKS = 'android.permission.CONNECTIVITY_USE_RESTRICTED_NETWORKS';

export const restrictedNetworks: LintRule = {
  id: 'restricted-networks',
  title: 'a single-registration client requests CONNECTIVITY_USE_RESTRICTED_NETWORKS',
  doc: 'restrictedNetworks',
  check: (s) => {
    if (!s.singleRegistration || s.requests(CONNECTIVITY_USE_RESTRICTED_NETWORKS)) return [];
    const sr = s.manifest.usesPermissions.find((p) => p.name === PERFORM_IMS_SINGLE_REGISTRATION);
    return [{
      severity: 'warning', line: sr?.line ?? s.manifest.line, element: '<uses-permission>',
      message: `requests ${PERFORM_IMS_SINGLE_REGISTRATION} but not ${CONNECTIVITY_USE_RESTRICTED_NETWORKS}: it cannot use the IMS APN through ConnectivityManager`,
    }];
  },
};
