/**
 * `am broadcast -n <pkg>/<class> …` from the shell: ActivityManager delivers an explicit ordered
 * broadcast to the one manifest receiver it names, and `am` prints its result data. The rules
 * (BroadcastQueue / BroadcastSkipPolicy, ActivityManagerShellCommand#runSendBroadcast):
 *   - the package is installed and enabled, the receiver declared and enabled: else nobody runs;
 *   - not exported: only the app's own uid (or root/system) may send to it;
 *   - android:permission on the receiver: the sender must hold it (the shell holds DUMP; root all),
 *     else "Permission Denial … requires <perm> due to receiver …" in logcat and nobody runs;
 *   - since Android 15 an explicit intent to an app targeting 35 must match one of the
 *     receiver's intent filters (an intent without an action matches none);
 *   - what runs is the app's code (ReceiverCode); its result data is what `am` prints:
 *     `Broadcast completed: result=0, data="…"`, or `Broadcast completed: result=0` when no
 *     receiver ran or it set none.
 */
import { type BroadcastBus, type ComponentInfo, type Intent, type LogBuffer, type PackageManager } from '../platform';

const ROOT_UID = 0;
const SHELL_UID = 2000;
const SHELL_PACKAGE = 'com.android.shell';

export interface ExplicitBroadcast {
  readonly component: string;
  readonly intent: Intent;
  readonly senderUid: number;
}

function resolveReceiver(pm: PackageManager, component: string): ComponentInfo | undefined {
  const slash = component.indexOf('/');
  if (slash <= 0) return undefined;
  const pkg = component.slice(0, slash);
  const cls = component.slice(slash + 1);
  const className = cls.startsWith('.') ? pkg + cls : cls;
  const info = pm.get(pkg);
  if (!info || !info.enabled) return undefined;
  return info.receivers.find((r) => r.className === className && r.enabled);
}

function senderHolds(pm: PackageManager, uid: number, permission: string): boolean {
  if (uid === ROOT_UID) return true;
  return uid === SHELL_UID && pm.isPermissionGranted(SHELL_PACKAGE, permission);
}

/** Delivers the broadcast as ActivityManager would; the result data (null: none, or no receiver ran). */
export function deliverExplicitBroadcast(pm: PackageManager, bus: BroadcastBus, log: LogBuffer, b: ExplicitBroadcast, intentText: string): string | null {
  const receiver = resolveReceiver(pm, b.component);
  if (receiver === undefined) {
    log.write('W', 'BroadcastQueue', `Unable to launch app for broadcast ${intentText}: receiver ${b.component} not found`);
    return null;
  }
  const name = `${receiver.packageName}/${receiver.className}`;
  if (!receiver.exported && b.senderUid !== ROOT_UID) {
    log.write('W', 'BroadcastQueue', `Permission Denial: broadcasting ${intentText} from com.android.shell (uid=${b.senderUid}) is not exported from uid of receiver ${name}`);
    return null;
  }
  if (receiver.permission !== null && !senderHolds(pm, b.senderUid, receiver.permission)) {
    log.write('W', 'BroadcastQueue', `Permission Denial: broadcasting ${intentText} from com.android.shell (pid=4321, uid=${b.senderUid}) requires ${receiver.permission} due to receiver ${name}`);
    return null;
  }
  if (!receiver.actions.includes(b.intent.action)) {
    log.write('W', 'BroadcastQueue', `Intent does not match component's intent filter: ${intentText} to ${name}`);
    return null;
  }
  return bus.runReceiver === undefined ? null : bus.runReceiver(receiver, b.intent);
}
