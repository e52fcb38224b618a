/**
 * The ImsService must be a <service> whose intent-filter has the action
 * android.telephony.ims.ImsService: that is the only way ImsResolver finds it
 * (PackageManager#queryIntentServicesAsUser with that action; reference aosp-imsresolver.md §1.3).
 */
import { IMS_SERVICE_ACTION } from '../../model/ims-app';
import { type LintRule } from '../rule';
import { describeComponent } from '../subject';

export const imsServiceAction: LintRule = {
  id: 'ims-service-action',
  title: 'an ImsService is a <service> with the android.telephony.ims.ImsService intent-filter action',
  doc: 'intentFilter',
  check: (s) => s.strayImsComponents.map((c) => ({
    severity: 'error',
    line: c.line,
    element: describeComponent(c),
    message: c.kind === 'service'
      ? `looks like an ImsService (BIND_IMS_SERVICE permission or ImsService meta-data) but has no intent-filter with action ${IMS_SERVICE_ACTION}: the framework cannot find it`
      : `declares an ImsService action on a <${c.kind}>: ImsResolver only queries services`,
    basis: 'ImsResolver#searchForImsServices queries services by action (aosp-imsresolver.md §1.3)',
  })),
};
