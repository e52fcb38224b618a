/**
 * "The FEATURE_MMTEL feature must be defined for this feature to be defined": EMERGENCY_MMTEL
 * declared without MMTEL is dropped by ImsResolver (aosp-imsresolver.md §1.8 quirk 4).
 */
import { FEATURE_METADATA_KEY } from '../../model/feature';
import { type LintRule } from '../rule';
import { describeComponent } from '../subject';

export const emergencyNeedsMmtel: LintRule = {
  id: 'emergency-needs-mmtel',
  title: 'EMERGENCY_MMTEL is declared only together with MMTEL',
  doc: 'emergencyNeedsMmtel',
  check: (s) => s.imsServices
    .filter((i) => i.declared.has('EMERGENCY_MMTEL') && !i.declared.has('MMTEL'))
    .map((i) => ({
      severity: 'error' as const,
      line: i.featureMetaData.EMERGENCY_MMTEL?.line ?? i.component.line,
      element: describeComponent(i.component),
      message: `${FEATURE_METADATA_KEY.EMERGENCY_MMTEL} is declared without ${FEATURE_METADATA_KEY.MMTEL}: ImsResolver drops it, so the platform falls back to circuit-switched emergency calls`,
      basis: 'ImsResolver drops EMERGENCY_MMTEL without MMTEL (aosp-imsresolver.md §1.8 quirk 4)',
    })),
};
