/**
 * `cmd phone` (PhoneInterfaceManager.handleShellCommand -> TelephonyShellCommand.exec): dispatch,
 * BasicShellCommandHandler's default commands (`help`, no argument: the help text, and -1 like
 * AOSP's handleDefaultCommands), and uncaught exceptions printed to stderr with -1.
 */
import { type ShellContext } from '../../android/platform';
import { handleCcCommand } from './cmd-phone-cc';
import { printHelp } from './cmd-phone-help';
import { handleImsCommand } from './cmd-phone-ims';
import { handlePhysicalSubscriptionCommand } from './cmd-phone-physical-sub';
import { type PhoneShellServices } from './phone-shell-services';
import { ShellArgs } from './shell-args';
import { errPrinter, outPrinter, printUncaught } from './shell-output';

export async function runCmdPhone(ctx: ShellContext, services: PhoneShellServices): Promise<number> {
  const cmd = ctx.argv[0] ?? null;
  const args = new ShellArgs(ctx.argv.slice(1));
  const out = outPrinter(ctx.out);
  const err = errPrinter(ctx.out);
  try {
    switch (cmd) {
      case 'ims':
        return await handleImsCommand(args, services, out, err);
      case 'cc':
        return await handleCcCommand(args, services, { out, err, uid: ctx.uid, readStdin: () => ctx.readStdin() });
      case 'disable-physical-subscription':
      case 'enable-physical-subscription':
        return handlePhysicalSubscriptionCommand(cmd.startsWith('enable'), args, services, { err, uid: ctx.uid });
      case null:
      case 'help':
      case '-h':
        printHelp(out);
        return -1;
      default:
        out.println(`Unknown command: ${cmd}`);
        return -1;
    }
  } catch (e) {
    printUncaught(ctx.out, cmd, e);
    return -1;
  }
}
