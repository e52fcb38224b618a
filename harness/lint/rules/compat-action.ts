/**
 * The compat action android.telephony.ims.compat.ImsService is the pre-Android-9 interface: it still
 * binds (through the compatibility layer) but is legacy, and compat services are never queried for
 * features — only their manifest meta-data counts (aosp-imsresolver.md §1.3).
 */
import { IMS_COMPAT_SERVICE_ACTION, IMS_SERVICE_ACTION } from '../../model/ims-app';
import { type LintRule } from '../rule';
import { describeComponent } from '../subject';

export const compatAction: LintRule = {
  id: 'compat-action',
  title: 'the ImsService uses the current action, not the legacy compat one',
  doc: 'compat',
  check: (s) => s.imsServices.filter((i) => i.action === 'compat').map((i) => ({
    severity: 'warning',
    line: i.component.intentFilters.find((f) => f.actions.includes(IMS_COMPAT_SERVICE_ACTION))?.line ?? i.component.line,
    element: describeComponent(i.component),
    message: `legacy: uses the compat action ${IMS_COMPAT_SERVICE_ACTION} (the pre-Android 9 API, bound through the compatibility layer); ` +
      `new implementations use ${IMS_SERVICE_ACTION}. Compat services are never queried: only their feature meta-data counts`,
    basis: 'ImsServiceControllerCompat; compat services are always "from metadata" (aosp-imsresolver.md §1.3)',
  })),
};
