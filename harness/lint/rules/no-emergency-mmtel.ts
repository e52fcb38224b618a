/**
 * The device-default ImsService "MUST support the Emergency MmTel feature"; one that declares MMTEL
 * but not EMERGENCY_MMTEL leaves emergency calls on circuit-switched fallback. The manifest cannot
 * say whether the app is the device default (that is the TeleService overlay), hence info.
 */
import { FEATURE_METADATA_KEY } from '../../model/feature';
import { type LintRule } from '../rule';
import { describeComponent } from '../subject';

export const noEmergencyMmtel: LintRule = {
  id: 'no-emergency-mmtel',
  title: 'an ImsService declaring MMTEL also declares EMERGENCY_MMTEL (required of the device default)',
  doc: 'priorityDevice',
  check: (s) => s.imsServices
    .filter((i) => i.declared.has('MMTEL') && !i.declared.has('EMERGENCY_MMTEL'))
    .map((i) => ({
      severity: 'info' as const,
      line: i.featureMetaData.MMTEL?.line ?? i.component.line,
      element: describeComponent(i.component),
      message: `declares MMTEL without ${FEATURE_METADATA_KEY.EMERGENCY_MMTEL}: if this is the device-default ImsService it MUST support Emergency MmTel; ` +
        'without it the platform uses circuit-switched fallback for emergency calls',
    })),
};
