/**
 * Eligibility: may the framework bind this package's ImsService at all? From the documentation only
 * (registration-steps, service-definition, intent-filter, bind-permission, system-apps-only,
 * trusted-only, no-features-unbound). Where AOSP is laxer (override_bind_check, non-priv system
 * apps, /data apps) the documented answer stands and the difference is a waivable deviation.
 */
import { type KnownRule } from './rules';
import { type AppState } from './state';

export type Eligibility =
  | { readonly eligible: true; readonly app: AppState; readonly detail: string }
  | { readonly eligible: false; readonly rule: KnownRule; readonly detail: string };

const LOCATION_TEXT = { 'priv-app': 'a privileged system app', system: 'a non-privileged system app (/system/app)', data: 'a downloaded app (/data/app)' } as const;

export function eligibility(pkg: string, app: AppState | undefined): Eligibility {
  if (app === undefined) return { eligible: false, rule: 'not-installed', detail: `${pkg} is not installed (no such app on the device)` };
  if (!app.installed) return { eligible: false, rule: 'not-installed', detail: `${pkg} is not installed` };
  if (!app.spec.permission) {
    // ImsResolver also accepts the test-only meta-data override_bind_check; the documentation does not.
    const bypass = app.spec.overrideBindCheck ? ' (the undocumented override_bind_check meta-data does not make it eligible)' : '';
    return { eligible: false, rule: 'no-bind-permission', detail: `${pkg}'s service is not protected by android.permission.BIND_IMS_SERVICE${bypass}` };
  }
  if (app.spec.location !== 'priv-app') {
    return { eligible: false, rule: 'not-priv-app', detail: `${pkg} is ${LOCATION_TEXT[app.spec.location]}, not in /system/priv-app or /product/priv-app` };
  }
  if (app.dormant) {
    return { eligible: false, rule: 'no-features-unbound', detail: `${pkg} reported no features and stays unbound until reboot or a new SIM that names it` };
  }
  const kind = app.spec.action === 'ims' ? 'ImsService' : 'compat ImsService';
  return { eligible: true, app, detail: `${pkg} is eligible (priv-app, BIND_IMS_SERVICE-protected ${kind})` };
}
