/**
 * What a manifest cannot show: PERFORM_IMS_SINGLE_REGISTRATION is granted only to a privileged
 * (preinstalled, priv-app) app that holds the default SMS role; otherwise it is denied.
 */
import { type LintRule } from '../rule';
import { PERFORM_IMS_SINGLE_REGISTRATION } from '../subject';

export const singleRegistrationGrant: LintRule = {
  id: 'single-registration-grant',
  title: 'how PERFORM_IMS_SINGLE_REGISTRATION is granted',
  doc: 'singleRegPermission',
  check: (s) => {
    if (!s.singleRegistration) return [];
    const p = s.manifest.usesPermissions.find((u) => u.name === PERFORM_IMS_SINGLE_REGISTRATION);
    return [{
      severity: 'info', line: p?.line ?? s.manifest.line, element: '<uses-permission>',
      message: `${PERFORM_IMS_SINGLE_REGISTRATION} is granted only when the app is installed as a privileged app (/system/priv-app or /product/priv-app, ` +
        'allow-listed in privapp-permissions) and holds the default SMS role; the manifest alone cannot show either',
    }];
  },
};
