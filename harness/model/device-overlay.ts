import { type PackageName } from './package-name';

/**
 * The device "default" ImsService as TeleService's overlay configures it (Android 11+:
 * packages/services/Telephony res/values/config.xml `config_ims_mmtel_package` and
 * `config_ims_rcs_package`). An empty string means the feature has no device default.
 */
export interface DeviceOverlay {
  readonly mmtel: PackageName | '';
  readonly rcs: PackageName | '';
}

export const OVERLAY_MMTEL_KEY = 'config_ims_mmtel_package';
export const OVERLAY_RCS_KEY = 'config_ims_rcs_package';
