/**
 * Single-registration permission grants (seed 001 "Security and permissions"): for each of the
 * documented permissions an app requests, whether the documentation says it is granted.
 *   PERFORM_IMS_SINGLE_REGISTRATION      privileged app ∧ holds the SMS role (single-reg-permission/-denied)
 *   ACCESS_RCS_USER_CAPABILITY_EXCHANGE  privileged app ∧ holds the SMS or dialer role (uce-permission)
 *   CONNECTIVITY_USE_RESTRICTED_NETWORKS privileged app (a privileged permission; restricted-networks)
 * Permissions the app does not request do not appear.
 */
import { type RoleName } from '../model';
import { citesOf, type KnownRule } from './rules';
import { type DocumentedState } from './state';
import { type ExpectedGrant } from './types';

export const PERFORM_IMS_SINGLE_REGISTRATION = 'android.permission.PERFORM_IMS_SINGLE_REGISTRATION';
export const ACCESS_RCS_USER_CAPABILITY_EXCHANGE = 'android.permission.ACCESS_RCS_USER_CAPABILITY_EXCHANGE';
export const CONNECTIVITY_USE_RESTRICTED_NETWORKS = 'android.permission.CONNECTIVITY_USE_RESTRICTED_NETWORKS';

interface PermissionRule {
  readonly roles: readonly RoleName[];
  readonly granted: KnownRule;
  readonly denied: KnownRule;
}

const PERMISSION_RULES: Readonly<Record<string, PermissionRule>> = {
  [PERFORM_IMS_SINGLE_REGISTRATION]: { roles: ['sms'], granted: 'single-reg-permission', denied: 'single-reg-denied' },
  [ACCESS_RCS_USER_CAPABILITY_EXCHANGE]: { roles: ['sms', 'dialer'], granted: 'uce-permission', denied: 'uce-permission' },
  [CONNECTIVITY_USE_RESTRICTED_NETWORKS]: { roles: [], granted: 'restricted-networks', denied: 'restricted-networks' },
};

export const DOCUMENTED_PERMISSIONS: readonly string[] = Object.keys(PERMISSION_RULES);

function privileged(state: DocumentedState, pkg: string): { ok: boolean; why: string } {
  const app = state.apps.get(pkg);
  if (app === undefined) return { ok: false, why: `${pkg} is not an app of the scenario, so not a known privileged app` };
  if (!app.installed) return { ok: false, why: `${pkg} is not installed` };
  if (app.spec.location !== 'priv-app') return { ok: false, why: `${pkg} is installed in ${app.spec.location}, not as a privileged app` };
  return { ok: true, why: `${pkg} is a privileged app (priv-app)` };
}

function roleCheck(state: DocumentedState, pkg: string, roles: readonly RoleName[]): { ok: boolean; why: string } {
  if (roles.length === 0) return { ok: true, why: 'no role needed' };
  const held = roles.filter((r) => state.roles[r] === pkg);
  if (held.length > 0) return { ok: true, why: `it holds the ${held.join(' and ')} role` };
  const holders = roles.map((r) => `${r}: ${state.roles[r] ?? 'nobody'}`).join(', ');
  return { ok: false, why: `it holds none of the ${roles.join('/')} roles (${holders})` };
}

export function expectedGrantsFor(state: DocumentedState, pkg: string): Record<string, ExpectedGrant> {
  const requested = state.appExtras[pkg]?.permissions ?? [];
  const out: Record<string, ExpectedGrant> = {};
  for (const permission of requested) {
    const rule = PERMISSION_RULES[permission];
    if (rule === undefined) continue;
    const priv = privileged(state, pkg);
    const role = roleCheck(state, pkg, rule.roles);
    const granted = priv.ok && role.ok;
    const id = granted ? rule.granted : rule.denied;
    const roleText = rule.roles.length === 0 ? '' : `; ${role.why}`;
    out[permission] = {
      granted, rule: id,
      reason: `${pkg} requests ${permission}; ${priv.why}${roleText} ⇒ ${granted ? 'granted' : 'denied'}`,
      cites: citesOf(id),
    };
  }
  return out;
}
