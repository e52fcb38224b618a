/**
 * What a target can do (DESIGN.md "Target capabilities"). Scenarios `requires:` them; a scenario
 * whose requirement the target lacks is skipped with the reason, never passed.
 */
export const CAPABILITIES = {
  'carrier-config': 'change carrier config (cmd phone cc as root on userdebug, or overrideConfig)',
  'shell-override': 'override the bound ImsService from the shell (cmd phone ims set-ims-service)',
  'sim-control': 'insert and remove SIMs on demand (stock: the target\'s own SIM switched with cmd phone disable/enable-physical-subscription as root, its carrier set as cc overrides)',
  'msim-control': 'change the number of active SIM slots',
  'configurable-features': 'make an installed ImsService report chosen features (stock: am broadcast to the rig\'s app)',
  'fault-injection': 'crash an ImsService or change its behaviour (stock: am broadcast to the rig\'s app), restart the phone process (stock: kill as root)',
  'priv-app-install': 'install an app under /system/priv-app (root + remount + reboot)',
  appium: 'drive app UIs through an Appium server',
  'single-registration': 'android.hardware.telephony.ims.singlereg and a default-SMS-role capable RCS client',
  'device-overlay': 'set the TeleService device-default overlay persistently, surviving reboot (stock: an RRO staged under /product/overlay, switched with cmd overlay)',
  reboot: 'reboot the target and wait for it to come back',
  'app-realisation': 'install apps generated from a scenario description, with the behaviour it describes (the rig\'s ImsService app with real code; the reference device also simulates manifest-only apps)',
  'compat-ims-service': 'run a compat ImsService (android.telephony.ims.compat.ImsService) that gets bound: its feature classes are hidden API, so only a platform-signed app can be one; the reference device simulates it',
  'ims-resolver': 'an ImsResolver in the phone process (android.hardware.telephony.ims declared, or declarable by the rig: root + remount, one reboot)',
  'test-app-stand-ins': 'run the manifest-only stand-ins of the AOSP test apps (ImsTestService, TestRcsApp): only the reference device draws their screens; elsewhere their AOSP builds go in apks/',
} as const;

export type Capability = keyof typeof CAPABILITIES;

export function isCapability(value: unknown): value is Capability {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(CAPABILITIES, value);
}
