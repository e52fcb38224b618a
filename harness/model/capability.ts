/**
 * What a target can do (DESIGN.md "Target capabilities"). Scenarios `requires:` them; a scenario
 * whose requirement the target lacks is skipped with the reason, never passed.
 */
export const CAPABILITIES = {
  'carrier-config': 'change carrier config (cmd phone cc as root on userdebug, or overrideConfig)',
  'shell-override': 'override the bound ImsService from the shell (cmd phone ims set-ims-service)',
  'sim-control': 'insert and remove SIMs on demand',
  'msim-control': 'change the number of active SIM slots',
  'configurable-features': 'make an installed ImsService report chosen features',
  'fault-injection': 'crash an ImsService, restart the phone process',
  'priv-app-install': 'install an app under /system/priv-app (root + remount + reboot)',
  appium: 'drive app UIs through an Appium server',
  'single-registration': 'android.hardware.telephony.ims.singlereg and a default-SMS-role capable RCS client',
  'device-overlay': 'set the TeleService device-default overlay persistently (survives reboot)',
  reboot: 'reboot the target and wait for it to come back',
  'app-realisation': 'install apps generated from a scenario description (fixture behaviour honoured)',
  'compat-ims-service': 'run a compat ImsService (android.telephony.ims.compat.ImsService): its feature classes are hidden API, so only a platform-signed app can be one; the reference device simulates it',
} as const;

export type Capability = keyof typeof CAPABILITIES;

export function isCapability(value: unknown): value is Capability {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(CAPABILITIES, value);
}
