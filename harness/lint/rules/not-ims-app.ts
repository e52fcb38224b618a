/** A manifest with neither an ImsService nor the IMS single-registration / UCE permissions. */
import { type LintRule } from '../rule';
import { ACCESS_RCS_USER_CAPABILITY_EXCHANGE } from '../subject';

export const notImsApp: LintRule = {
  id: 'not-ims-app',
  title: 'the app is an IMS app at all',
  doc: 'registrationSteps',
  check: (s) => (s.imsServices.length > 0 || s.strayImsComponents.length > 0 || s.singleRegistration || s.requests(ACCESS_RCS_USER_CAPABILITY_EXCHANGE)
    ? []
    : [{
      severity: 'info', line: s.manifest.line, element: '<manifest>',
      message: `not an IMS app: ${s.manifest.package} declares no ImsService (no <service> with the android.telephony.ims.ImsService action) and requests no IMS single-registration permission`,
    }]),
};
