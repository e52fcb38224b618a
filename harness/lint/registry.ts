/** Every manifest lint rule, in the order their findings are listed for one element. */
import { type LintRule } from './rule';
import { bindPermission } from './rules/bind-permission';
import { compatAction } from './rules/compat-action';
import { directBootAware } from './rules/direct-boot-aware';
import { emergencyNeedsMmtel } from './rules/emergency-needs-mmtel';
import { enabled } from './rules/enabled';
import { exported } from './rules/exported';
import { featureMetadata } from './rules/feature-metadata';
import { imsServiceAction } from './rules/ims-service-action';
import { manifestValues } from './rules/manifest-values';
import { multipleImsServices } from './rules/multiple-ims-services';
import { noEmergencyMmtel } from './rules/no-emergency-mmtel';
import { noFeatureMetadata } from './rules/no-feature-metadata';
import { notImsApp } from './rules/not-ims-app';
import { persistent } from './rules/persistent';
import { restrictedNetworks } from './rules/restricted-networks';
import { singleRegistrationGrant } from './rules/single-registration-grant';
import { smsRoleComponents } from './rules/sms-role-components';
import { uceNeedsContacts } from './rules/uce-needs-contacts';

export const LINT_RULES: readonly LintRule[] = [
  manifestValues,
  imsServiceAction,
  compatAction,
  multipleImsServices,
  bindPermission,
  exported,
  enabled,
  directBootAware,
  persistent,
  featureMetadata,
  emergencyNeedsMmtel,
  noFeatureMetadata,
  noEmergencyMmtel,
  uceNeedsContacts,
  restrictedNetworks,
  smsRoleComponents,
  singleRegistrationGrant,
  notImsApp,
];

export function lintRule(id: string): LintRule | undefined {
  return LINT_RULES.find((r) => r.id === id);
}
