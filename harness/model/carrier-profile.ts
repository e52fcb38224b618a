/**
 * Carrier configuration as CarrierConfigManager holds it: a bundle of typed values by key.
 * Keys from CarrierConfigManager (KEY_CONFIG_IMS_*_PACKAGE_OVERRIDE_STRING).
 */
export const CARRIER_IMS_MMTEL_KEY = 'config_ims_mmtel_package_override_string';
export const CARRIER_IMS_RCS_KEY = 'config_ims_rcs_package_override_string';
/** Deprecated single key; applies to EMERGENCY_MMTEL, MMTEL and RCS where the split keys are unset. */
export const CARRIER_IMS_LEGACY_KEY = 'config_ims_package_override_string';
export const CARRIER_IMS_KEYS = [CARRIER_IMS_MMTEL_KEY, CARRIER_IMS_RCS_KEY, CARRIER_IMS_LEGACY_KEY] as const;

export type CarrierConfigScalar = string | number | boolean | null;
export type CarrierConfigValue = CarrierConfigScalar | readonly string[] | readonly number[] | readonly boolean[];

export interface CarrierConfigValues {
  readonly [key: string]: CarrierConfigValue;
}

/** A SIM's carrier: a named set of carrier-config values and where they came from. */
export interface CarrierProfile {
  /** Profile name (file stem in fixtures/carrier-configs) or "inline". */
  readonly name: string;
  /** Absolute path of the carrier-config XML, when the profile came from one. */
  readonly file?: string;
  readonly values: CarrierConfigValues;
}

/**
 * Android's key grammar for carrier config: what may reach `cmd phone cc` (validated there).
 * Keys may start with a digit: CarrierConfigManager.KEY_5G_ICON_CONFIGURATION_STRING is
 * "5g_icon_configuration_string" (AOSP carrier_config_carrierid_1187_AT&T.xml and others).
 */
export const CARRIER_CONFIG_KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.]*$/;
