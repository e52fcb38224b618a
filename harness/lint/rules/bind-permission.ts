/**
 * The ImsService must be protected by android.permission.BIND_IMS_SERVICE; ImsResolver ignores one
 * that is not ("ImsService is not protected with BIND_IMS_SERVICE permission"), unless its
 * meta-data `override_bind_check` is boolean true — the test-only bypass CTS's external ImsService
 * uses (METADATA_OVERRIDE_PERM_CHECK: "This should ONLY be used for testing").
 */
import { describeResValue } from '../../formats/binary-xml-values';
import { BIND_IMS_SERVICE_PERMISSION, OVERRIDE_BIND_CHECK_METADATA } from '../../model/ims-app';
import { type RuleFinding } from '../finding';
import { type LintRule } from '../rule';
import { describeComponent, type ImsServiceFacts, isDeclaredTrue } from '../subject';

const BASIS = 'ImsResolver#searchForImsServices permission check (aosp-imsresolver.md §1.3)';

function check(i: ImsServiceFacts): RuleFinding[] {
  const c = i.component;
  const base = { line: c.line, element: describeComponent(c), basis: BASIS };
  const protectedOk = c.permission === BIND_IMS_SERVICE_PERMISSION;
  const override = i.overrideBindCheck;
  const bypass = isDeclaredTrue(override);
  const wrongPermission = c.permission === undefined ? 'is not protected by any permission' : `is protected by ${c.permission}, not ${BIND_IMS_SERVICE_PERMISSION}`;
  if (override !== undefined && !bypass) {
    return [{
      ...base, severity: protectedOk ? 'warning' : 'error', line: override.line,
      message: `${OVERRIDE_BIND_CHECK_METADATA} is ${override.value === undefined ? 'not a value' : describeResValue(override.value)}, not boolean true: ` +
        `ImsResolver reads it with getBoolean(…, false), so it bypasses nothing${protectedOk ? '' : ` and the service, which ${wrongPermission}, is ignored`}`,
    }];
  }
  if (bypass) {
    return [{
      ...base, severity: 'warning', line: override?.line ?? c.line,
      message: protectedOk
        ? `test only: ${OVERRIDE_BIND_CHECK_METADATA}="true" (the CTS bypass of the BIND_IMS_SERVICE check) has no place in a product ImsService`
        : `test only: ${wrongPermission}; ImsResolver accepts it only because ${OVERRIDE_BIND_CHECK_METADATA}="true" bypasses the check ` +
          '("This should ONLY be used for testing"), and any app can bind to it',
    }];
  }
  if (protectedOk) return [];
  const npe = c.metaData.length === 0 && c.permission === undefined
    ? ' (and with no <meta-data> at all, AOSP\'s permission test dereferences null meta-data on the ImsResolver thread: aosp-imsresolver.md §1.3)'
    : '';
  return [{
    ...base, severity: 'error',
    message: `${wrongPermission}: ImsResolver ignores it ("ImsService is not protected with BIND_IMS_SERVICE permission"), and any app could bind to it${npe}`,
  }];
}

export const bindPermission: LintRule = {
  id: 'bind-permission',
  title: 'the ImsService is protected by android.permission.BIND_IMS_SERVICE',
  doc: 'bindPermission',
  check: (s) => s.imsServices.flatMap(check),
};
