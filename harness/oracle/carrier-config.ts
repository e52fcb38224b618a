/**
 * The carrier-configured package for a feature on a slot (priority-carrier, carrier-override):
 * `config_ims_[mmtel/rcs]_package_override_string` of the SIM's carrier config, with the values a
 * scenario set on top of the profile. The deprecated `config_ims_package_override_string` (not in
 * the seed documentation; CarrierConfigManager) applies where the split key is unset or null; an
 * explicit "" in the split key means "no carrier package" and suppresses it.
 */
import {
  CARRIER_IMS_LEGACY_KEY, CARRIER_IMS_MMTEL_KEY, CARRIER_IMS_RCS_KEY,
  type CarrierConfigValue, type CarrierConfigValues, type SlotKey,
} from '../model';
import { type SimState } from './state';

/** The features a package is selected for; EMERGENCY_MMTEL follows MMTEL (./emergency.ts). */
export type SelectableFeature = 'MMTEL' | 'RCS';

export const SPLIT_KEY: Readonly<Record<SelectableFeature, string>> = { MMTEL: CARRIER_IMS_MMTEL_KEY, RCS: CARRIER_IMS_RCS_KEY };

export interface CarrierChoice {
  /** The named package; null when the SIM (or its absence) names none. */
  readonly package: string | null;
  /** Which documented source named it. */
  readonly via: 'split-key' | 'legacy-key' | null;
  readonly detail: string;
}

/** The SIM's carrier config as the framework sees it: profile values, then setCarrierConfig values (null clears). */
export function effectiveCarrierConfig(sim: SimState): CarrierConfigValues {
  const values: Record<string, CarrierConfigValue> = { ...sim.profile.values };
  for (const [key, value] of Object.entries(sim.overrides)) {
    if (value === null) delete values[key];
    else values[key] = value;
  }
  return values;
}

function describeValue(values: CarrierConfigValues, key: string): string {
  const v = values[key];
  if (v === undefined || v === null) return `${key} is unset`;
  return `${key} = ${JSON.stringify(v)}`;
}

export function carrierPackage(sim: SimState | null, slot: SlotKey, feature: SelectableFeature): CarrierChoice {
  if (sim === null) return { package: null, via: null, detail: `no SIM in slot ${slot}` };
  const values = effectiveCarrierConfig(sim);
  const where = `SIM ${sim.profile.name} in slot ${slot}`;
  const splitKey = SPLIT_KEY[feature];
  const split = values[splitKey];
  const legacy = values[CARRIER_IMS_LEGACY_KEY];
  if (typeof split === 'string' && split !== '') {
    return { package: split, via: 'split-key', detail: `${where}: ${splitKey} = ${split}` };
  }
  if (split === '') {
    const suppressed = typeof legacy === 'string' && legacy !== ''
      ? `; an explicit "" also suppresses the deprecated ${CARRIER_IMS_LEGACY_KEY} = ${legacy}` : '';
    return { package: null, via: null, detail: `${where}: ${splitKey} = "" (no carrier ${feature} package${suppressed})` };
  }
  if (typeof legacy === 'string' && legacy !== '') {
    return {
      package: legacy, via: 'legacy-key',
      detail: `${where}: ${splitKey} is unset, so the deprecated ${CARRIER_IMS_LEGACY_KEY} (not in the seed documentation) names ${legacy}`,
    };
  }
  return { package: null, via: null, detail: `${where} names no ${feature} package (${describeValue(values, splitKey)}, ${describeValue(values, CARRIER_IMS_LEGACY_KEY)})` };
}
