/**
 * EMERGENCY_MMTEL (emergency-needs-mmtel, emergency-csfb): the package that serves MMTEL on the slot
 * serves EMERGENCY_MMTEL too iff it declares it there; otherwise the platform uses circuit-switched
 * fallback (null). EMERGENCY_MMTEL declared without MMTEL is dropped (./supported-features.ts).
 * priority-device's "This ImsService MUST support the Emergency MmTel feature" is a requirement on
 * the OEM: a device default serving MMTEL without emergency is still bound, and reported as a finding.
 */
import { type SlotKey } from '../model';
import { citesOf, type KnownRule } from './rules';
import { type Selection } from './selection';
import { type ExpectedCell, type Finding } from './types';

export function emergencyCell(slot: SlotKey, mmtel: Selection): ExpectedCell {
  const dropped = mmtel.emergencyOnly.length > 0
    ? `; ${mmtel.emergencyOnly.join(', ')} declares EMERGENCY_MMTEL without MMTEL here, which is dropped` : '';
  const pkg = mmtel.cell.package;
  const cell = (p: string | null, rule: KnownRule, reason: string): ExpectedCell => ({ package: p, rule, reason: reason + dropped, cites: citesOf(rule) });
  if (pkg === null || mmtel.support === null) {
    return cell(null, 'emergency-needs-mmtel', `nothing serves MMTEL on slot ${slot} (${mmtel.cell.rule}), so nothing serves EMERGENCY_MMTEL: circuit-switched fallback`);
  }
  if (mmtel.support.features.includes('EMERGENCY_MMTEL')) {
    return cell(pkg, 'emergency-follows-mmtel', `${pkg} serves MMTEL on slot ${slot} and ${mmtel.support.source} ⇒ it serves EMERGENCY_MMTEL`);
  }
  return cell(null, 'emergency-csfb', `${pkg} serves MMTEL on slot ${slot} but does not declare EMERGENCY_MMTEL (${mmtel.support.source}) ⇒ circuit-switched fallback for emergency calls`);
}

export function emergencyFinding(slot: SlotKey, mmtel: Selection, emergency: ExpectedCell): Finding | null {
  if (mmtel.servedBy !== 'device' || mmtel.cell.package === null || emergency.package !== null) return null;
  const pkg = mmtel.cell.package;
  return {
    rule: 'device-default-emergency', slot, package: pkg,
    message: `device default ${pkg} serves MMTEL on slot ${slot} without EMERGENCY_MMTEL: the documentation says it MUST support Emergency MmTel (it is still bound; emergency calls use circuit-switched fallback)`,
    cites: citesOf('device-default-emergency'),
  };
}
