/**
 * What kind of phone the reference device pretends to be (DESIGN.md "Contracts added in turn 2").
 *
 *  - `default`: the ims-rig reference device — everything it has always had, including the
 *    `ims-rig-device` stimulus binary (SIMs in any slot, MSIM, overlay, app faults) and the
 *    IMS feature files declared out of the box.
 *  - `emulator`: what a stock Android 15 (API 35) `google_apis` userdebug x86_64 emulator image
 *    offers and nothing more: no `ims-rig-device`, one slot with the emulator's one test SIM,
 *    root/remount/reboot, `cmd overlay`, `am broadcast`, `cmd phone` — and no
 *    `android.hardware.telephony.ims` until someone declares it (then ImsResolver exists only
 *    after the next boot, aosp-imsresolver.md §1.2). A reboot takes the time an emulator takes.
 *
 * The harness never asks which profile it talks to (it probes what the target offers); the
 * profile is only named in a `ro.ims-rig.reference_profile` property for the report.
 */

export const DEVICE_PROFILES = ['default', 'emulator'] as const;
export type DeviceProfileName = (typeof DEVICE_PROFILES)[number];

export function isDeviceProfileName(value: unknown): value is DeviceProfileName {
  return typeof value === 'string' && (DEVICE_PROFILES as readonly string[]).includes(value);
}

/** A SIM the device boots with (the emulator's modem simulator has one). */
export interface BuiltInSim {
  readonly slot: number;
  readonly iccid: string;
}

export interface DeviceProfile {
  readonly name: DeviceProfileName;
  readonly description: string;
  /** The `ims-rig-device` stimulus binary exists. */
  readonly stimulusTool: boolean;
  /** System features switched on/off in the factory image (before the caller's own overrides). */
  readonly features: Readonly<Record<string, boolean>>;
  /** The slot count is fixed by the hardware (the emulator's one modem). */
  readonly fixedSlots?: 1 | 2;
  /** SIMs present when the device is first switched on. */
  readonly builtInSims: readonly BuiltInSim[];
  /** Device ms a reboot takes (shutdown to sys.boot_completed). */
  readonly bootDurationMs: number;
  /**
   * APKs are checked as a device checks them: signed, and with the code they declare
   * (packages/apk-policy.ts); a manifest-only app is not simulated but fails to start
   * (apps/app-code.ts). The default profile runs the rig's unsigned manifest-only fixtures.
   */
  readonly realApks: boolean;
}

/**
 * Device ms from `adb reboot` to sys.boot_completed on an emulator. Issue 8 asks for about 30 s
 * unless a better cited figure is found; no measured figure for an API 35 x86_64 image on KVM was
 * found in the references (the emulator team's "2 second start time" is a snapshot quick boot,
 * not a reboot), so 30 s it is.
 */
export const EMULATOR_BOOT_MS = 30_000;

/**
 * The goldfish modem simulator's SIM (device/generic/goldfish data/etc/iccprofile_for_sim0.xml,
 * copied to /data/misc/modem_simulator by vendor.mk): ICCID 89014103211118510720, MCC/MNC 310/260.
 */
export const EMULATOR_TEST_SIM_ICCID = '89014103211118510720';

const PROFILES: Readonly<Record<DeviceProfileName, DeviceProfile>> = {
  default: {
    name: 'default',
    description: 'the ims-rig reference device (ims-rig-device stimuli, IMS features declared)',
    stimulusTool: true,
    features: {},
    builtInSims: [],
    bootDurationMs: 3_000,
    realApks: false,
  },
  emulator: {
    name: 'emulator',
    description: 'a stock API 35 google_apis userdebug x86_64 emulator: one test SIM, no ims-rig-device, no android.hardware.telephony.ims until declared',
    stimulusTool: false,
    features: { 'android.hardware.telephony.ims': false, 'android.hardware.telephony.ims.singlereg': false },
    fixedSlots: 1,
    builtInSims: [{ slot: 0, iccid: EMULATOR_TEST_SIM_ICCID }],
    bootDurationMs: EMULATOR_BOOT_MS,
    realApks: true,
  },
};

export function deviceProfile(name: DeviceProfileName = 'default'): DeviceProfile {
  return PROFILES[name];
}
