/**
 * What the documentation (seed 001) says an RCS app gets of each single-registration API surface:
 *   access     privileged app ∧ default SMS role ("The app must be installed as a privileged app…
 *              The app must be set as the user's default SMS role"; denied otherwise); RCS UCE:
 *              privileged ∧ (SMS ∨ dialer) role (ACCESS_RCS_USER_CAPABILITY_EXCHANGE);
 *   supported  access ∧ the device declares FEATURE_TELEPHONY_IMS_SINGLE_REGISTRATION ∧ its carrier
 *              requires single registration ("Devices that range on carriers that require IMS single
 *              registration must support the IMS single registration APIs…", "required to support
 *              all of the AOSP APIs described in the following table"). Where those conditions do
 *              not hold the documentation is silent: `supported` is then null (observed only).
 * Independent of the reference device: it reads the scenario's world only.
 */
import { type DocId } from '../docs/documentation';
import { SINGLE_REGISTRATION_SURFACES, type RoleName, type SingleRegistrationSurface } from '../model';
import { citesOf, type KnownRule } from './rules';
import { type DocumentedState } from './state';
import { type ExpectedSurface } from './types';

export const SINGLE_REGISTRATION_FEATURE = 'android.hardware.telephony.ims.singlereg';
/** CarrierConfigManager.Ims.KEY_IMS_SINGLE_REGISTRATION_REQUIRED_BOOL. */
export const KEY_IMS_SINGLE_REGISTRATION_REQUIRED_BOOL = 'ims.ims_single_registration_required_bool';

/** The row of seed 001's table each surface is (the sentence a checked `supported` value rests on). */
const TABLE_ROW: Readonly<Record<SingleRegistrationSurface, DocId>> = {
  'rcs-provisioning': 'singleRegProvisioningRow',
  'sip-message-forwarding': 'singleRegSipRow',
  'dedicated-bearer': 'singleRegBearerRow',
  'gba-authentication': 'singleRegGbaRow',
  'rcs-uce': 'singleRegUceRow',
};

function rolesFor(surface: SingleRegistrationSurface): readonly RoleName[] {
  return surface === 'rcs-uce' ? ['sms', 'dialer'] : ['sms'];
}

/** The carrier of slot 0 (the default SMS subscription's) requires single registration. */
function carrierRequires(state: DocumentedState): { ok: boolean; why: string } {
  const sim = state.sims['0'];
  if (!sim) return { ok: false, why: 'no SIM in slot 0' };
  const value = KEY_IMS_SINGLE_REGISTRATION_REQUIRED_BOOL in sim.overrides ? sim.overrides[KEY_IMS_SINGLE_REGISTRATION_REQUIRED_BOOL] : sim.profile.values[KEY_IMS_SINGLE_REGISTRATION_REQUIRED_BOOL];
  return value === true
    ? { ok: true, why: `carrier ${sim.profile.name} sets ${KEY_IMS_SINGLE_REGISTRATION_REQUIRED_BOOL}` }
    : { ok: false, why: `carrier ${sim.profile.name} does not require single registration` };
}

export function expectedSurfacesFor(state: DocumentedState, systemFeatures: readonly string[], pkg: string): Record<SingleRegistrationSurface, ExpectedSurface> {
  const app = state.apps.get(pkg);
  const privileged = app !== undefined && app.installed && app.spec.location === 'priv-app';
  const privWhy = app === undefined ? `${pkg} is not an app of the scenario` : !app.installed ? `${pkg} is not installed` : privileged ? `${pkg} is a privileged app` : `${pkg} is installed in ${app.spec.location}, not as a privileged app`;
  const declares = systemFeatures.includes(SINGLE_REGISTRATION_FEATURE);
  const carrier = carrierRequires(state);
  const out = {} as Record<SingleRegistrationSurface, ExpectedSurface>;
  for (const surface of SINGLE_REGISTRATION_SURFACES) {
    const roles = rolesFor(surface);
    const held = roles.filter((r) => state.roles[r] === pkg);
    const access = privileged && held.length > 0;
    const roleWhy = held.length > 0 ? `holds the ${held.join('/')} role` : `holds none of the ${roles.join('/')} roles`;
    const accessRule: KnownRule = surface === 'rcs-uce' ? 'uce-surface-access' : access ? 'single-reg-surface-access' : 'single-reg-surface-denied';
    const decided = !access || (declares && carrier.ok);
    const supportedRule: KnownRule = decided ? (access ? 'single-reg-surface-supported' : accessRule) : 'single-reg-surface-undocumented';
    const deviceWhy = declares ? `the device declares ${SINGLE_REGISTRATION_FEATURE}` : `the device does not declare ${SINGLE_REGISTRATION_FEATURE}`;
    out[surface] = {
      access,
      accessRule,
      accessReason: `${privWhy}; it ${roleWhy} ⇒ ${access ? 'allowed' : 'denied'}`,
      supported: decided ? access : null,
      supportedRule,
      supportedReason: access ? `${deviceWhy}; ${carrier.why}${decided ? ' ⇒ the surface works' : ' ⇒ the documentation does not say'}` : 'denied, so it cannot work for this app',
      cites: [...new Set([...citesOf(accessRule), ...citesOf(supportedRule)])],
      ...(decided && access ? { row: TABLE_ROW[surface] } : {}),
    };
  }
  return out;
}

/**
 * The sentences a surface's `supported` value rests on: the surface's own, and the table's row
 * where the documentation decides it (its `access` rests on `cites` alone). One answer for the
 * run's UI cells (scenario/engine-ui.ts) and the plan's trace (scenario/trace.ts).
 */
export function supportedCites(want: ExpectedSurface): readonly DocId[] {
  return want.row === undefined ? want.cites : [...want.cites, want.row];
}
