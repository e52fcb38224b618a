/**
 * CarrierConfigManager.getDefaultConfig() for the keys the reference device models
 * (BASE telephony/java/android/telephony/CarrierConfigManager.java, sDefaults). The three IMS
 * package keys are present with a null value, as in AOSP, so `cmd phone cc set-value` accepts them
 * and `get-value` prints them as `STRING null`. The others are a realistic handful with AOSP's
 * default values; keys a SIM's carrier config or an override adds are kept as given.
 */
import { type Bundle, bool, int, str } from './bundle';

export function defaultCarrierConfig(): Bundle {
  return new Map([
    ['config_ims_package_override_string', null],
    ['config_ims_mmtel_package_override_string', null],
    ['config_ims_rcs_package_override_string', null],
    ['carrier_volte_available_bool', bool(false)],
    ['carrier_vt_available_bool', bool(false)],
    ['carrier_wfc_ims_available_bool', bool(false)],
    ['carrier_ims_gba_required_bool', bool(false)],
    ['carrier_supports_ss_over_ut_bool', bool(false)],
    ['carrier_volte_tty_supported_bool', bool(true)],
    ['carrier_allow_turnoff_ims_bool', bool(true)],
    ['carrier_name_override_bool', bool(false)],
    ['carrier_name_string', str('')],
    ['carrier_config_version_string', null],
    ['editable_enhanced_4g_lte_bool', bool(true)],
    ['hide_ims_apn_bool', bool(false)],
    ['ims.enable_presence_capability_exchange_bool', bool(false)],
    ['ims.enable_presence_publish_bool', bool(false)],
    ['ims.rcs_bulk_capability_exchange_bool', bool(false)],
    ['use_rcs_presence_bool', bool(false)],
    ['use_rcs_sip_options_bool', bool(false)],
    ['carrier_default_wfc_ims_mode_int', int(2)],
    ['carrier_default_wfc_ims_enabled_bool', bool(false)],
    ['volte_replacement_rat_int', int(0)],
    ['wfc_spn_format_idx_int', int(0)],
    ['ims_dtmf_tone_delay_int', int(0)],
    ['carrier_instant_lettering_length_limit_int', int(64)],
    ['non_roaming_operator_string_array', null],
    ['roaming_operator_string_array', null],
    ['carrier_certificate_string_array', null],
    ['carrier_volte_provisioning_required_bool', bool(false)],
    // CarrierConfigManager.Ims.KEY_IMS_SINGLE_REGISTRATION_REQUIRED_BOOL (API 31+): without its
    // default, `cmd phone cc set-values-from-xml` refuses the key as of unknown type.
    ['ims.ims_single_registration_required_bool', bool(false)],
  ]);
}
