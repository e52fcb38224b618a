/**
 * `cmd phone disable-physical-subscription SUB_ID` / `enable-physical-subscription SUB_ID`
 * (SVCM TelephonyShellCommand.handleEnablePhysicalSubscription, android-15.0.0_r23 L1112-1138):
 * the subId must be an integer; only root on a non-user build may run it, and a refusal says the
 * copy-pasted `cc: Permission denied.`; an eSIM subscription is refused; otherwise
 * SubscriptionManager.setUiccApplicationsEnabled(subId, enable), which throws
 * IllegalArgumentException for a subscription that does not exist (SubscriptionManagerService
 * L3693-3698) — printed by BasicShellCommandHandler as an uncaught exception.
 */
import { type PhoneShellServices } from './phone-shell-services';
import { type ShellArgs } from './shell-args';
import { type Printer } from './shell-output';

export class JavaIllegalArgument extends Error {
  override readonly name = 'java.lang.IllegalArgumentException';
}

export function handlePhysicalSubscriptionCommand(
  enable: boolean,
  args: ShellArgs,
  services: PhoneShellServices,
  io: { readonly err: Printer; readonly uid: 0 | 2000 },
): number {
  const verb = enable ? 'enable' : 'disable';
  const text = args.getNextArgRequired();
  if (!/^[+-]?\d+$/.test(text) || Math.abs(Number(text)) > 2 ** 31 - 1) {
    io.err.println(`${verb}-physical-subscription requires an integer as a subId.`);
    return -1;
  }
  if (io.uid !== 0 || services.build.type === 'user') {
    io.err.println('cc: Permission denied.');
    return -1;
  }
  const subId = Number(text);
  if (!services.subscriptionExists(subId)) {
    throw new JavaIllegalArgument(`setUiccApplicationsEnabled: Subscription doesn't exist. subId=${subId}`);
  }
  services.setUiccApplicationsEnabled(subId, enable);
  return 0;
}
