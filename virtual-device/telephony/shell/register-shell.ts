/**
 * Publishes the telephony shell surfaces on the platform: `cmd phone`, `dumpsys phone`,
 * `dumpsys carrier_config` (binder services of com.android.phone: unavailable while it is not
 * running) and the `ims-rig-device` stimulus binary (device-level, works at any time).
 */
import { type Platform, type ShellContext } from '../../android/platform';
import { runImsRigDevice } from '../../stimuli/ims-rig-device';
import { type TelephonyDevice } from '../telephony-device';
import { runCmdPhone } from './cmd-phone';
import { writeDumpsysCarrierConfig } from './dumpsys-carrier-config';
import { writeDumpsysIsub } from './dumpsys-isub';
import { writeDumpsysPhone } from './dumpsys-phone';

/** `cmd` when the binder service is not published (frameworks/native cmd.cpp). */
function serviceMissing(ctx: ShellContext, service: string): number {
  ctx.out.stderr(`cmd: Can't find service: ${service}\n`);
  return 20;
}

export interface TelephonyShellOptions {
  /** Publish `ims-rig-device` (the reference device's stimuli); a stock emulator has no such binary. */
  readonly stimulusTool: boolean;
}

export function registerTelephonyShell(platform: Platform, device: TelephonyDevice, options: TelephonyShellOptions = { stimulusTool: true }): void {
  platform.shell.registerCmdService('phone', (ctx) => (device.phone ? runCmdPhone(ctx, device.phone) : serviceMissing(ctx, 'phone')));
  platform.shell.registerDumpsys('phone', (ctx) => {
    if (!device.phone) {
      ctx.out.stderr("Can't find service: phone\n");
      return 0;
    }
    writeDumpsysPhone((text) => ctx.out.stdout(text), device.phone);
    return 0;
  });
  platform.shell.registerDumpsys('carrier_config', (ctx) => {
    if (!device.phone) {
      ctx.out.stderr("Can't find service: carrier_config\n");
      return 0;
    }
    writeDumpsysCarrierConfig((text) => ctx.out.stdout(text), device.phone);
    return 0;
  });
  platform.shell.registerDumpsys('isub', (ctx) => {
    if (!device.phone) {
      ctx.out.stderr("Can't find service: isub\n");
      return 0;
    }
    writeDumpsysIsub((text) => ctx.out.stdout(text), device.phone.subscriptions, device.store.load());
    return 0;
  });
  if (options.stimulusTool) platform.shell.registerBinary('ims-rig-device', (ctx) => runImsRigDevice(ctx, platform, device));
}
