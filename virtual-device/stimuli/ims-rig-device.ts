/**
 * `ims-rig-device`: the reference device's one namespaced binary for the stimuli a real emulator
 * has no shell for (SIMs, MSIM, the TeleService overlay, the simulated ImsService apps, a phone
 * restart) and for waiting until the telephony stack is idle. Contract (the rig's provisioning
 * code is written against it, see harness/android/ims-rig-device.ts): `OK …` lines or the data
 * asked for on stdout; `ims-rig-device: <error>` on stderr with exit 1 for bad use, 2 for an
 * unknown package or slot. Arguments are validated here; nothing reaches a shell.
 */
import { type Platform, type ShellContext } from '../android/platform';
import { type TelephonyDevice } from '../telephony/telephony-device';
import { appCommand, overlayCommand } from './app-commands';
import { simCommand, slotsCommand } from './sim-commands';
import { StimulusError, usage } from './stimulus-error';
import { waitIdle } from './wait-idle';

export const HELP = `usage: ims-rig-device <command>
  sim insert <slot> <carrier-config.xml on the device> [--iccid <id>]
      a SIM in the slot (a new ICCID gets a new subId; a known --iccid keeps its subId), CARRIER_CONFIG_CHANGED
  sim remove <slot>
  sim list                                 slot, state, subId, iccid, carrier file
  slots <1|2>                              MSIM configuration change
  overlay [--mmtel <pkg|"">] [--rcs <pkg|"">]
      the TeleService overlay (persistent, like an RRO; restarts com.android.phone); no options: print it
  app features <pkg> [<slot>=<F,F…|none>]…  the app's current features (F = EMERGENCY_MMTEL|MMTEL|RCS); no slots: none
  app behaviour <pkg> normal|null-binding|query-error|crash-on-bind
  app crash <pkg>                          the app process dies now
  app show <pkg>                           answers, current features, behaviour, running/bound
  phone restart                            kill com.android.phone (shell overrides, non-persistent cc lost)
  wait-idle [--timeout-ms N] [--quiet-ms N] [--fast-forward-ms N]
      waits until no work is queued or due within the quiet window; prints idle or busy:<what>
      (skips ahead over the device's own timers instead of waiting for them in real time)
  deviation                                the active deviation profile, or none
  help
`;

export async function runImsRigDevice(ctx: ShellContext, platform: Platform, device: TelephonyDevice): Promise<number> {
  const args = ctx.argv[0] === 'ims-rig-device' ? ctx.argv.slice(1) : [...ctx.argv];
  const print = (line: string): void => ctx.out.stdout(`${line}\n`);
  const warn = (line: string): void => ctx.out.stderr(`ims-rig-device: ${line}\n`);
  try {
    const [command, ...rest] = args;
    switch (command) {
      case 'sim':
        return simCommand(rest, platform, device, print, warn);
      case 'slots':
        return slotsCommand(rest, platform, device, print);
      case 'overlay':
        return overlayCommand(rest, platform, device, print);
      case 'app':
        return appCommand(rest, platform, device, print);
      case 'phone':
        if (rest.length !== 1 || rest[0] !== 'restart') throw usage('usage: phone restart');
        platform.restartPhoneProcess();
        print('OK com.android.phone restarted');
        return 0;
      case 'wait-idle':
        return await waitIdle(rest, device, print);
      case 'deviation':
        if (rest.length > 0) throw usage('usage: deviation');
        print(device.phone?.deviation ?? device.lastDeviation);
        return 0;
      case 'help':
      case undefined:
        ctx.out.stdout(HELP);
        return command === undefined ? 1 : 0;
      default:
        throw usage(`unknown command ${JSON.stringify(command)} (ims-rig-device help lists them)`);
    }
  } catch (e) {
    if (!(e instanceof StimulusError)) throw e;
    warn(e.message);
    return e.exitCode;
  }
}
