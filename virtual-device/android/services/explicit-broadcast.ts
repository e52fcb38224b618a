/**
 * An explicit broadcast from the shell (`am broadcast -n <pkg>/<cls> -a …`): ActivityManager sends it
 * to that manifest receiver only — if the package is installed and the receiver enabled and
 * exported, the sender holds the receiver's permission (BroadcastQueue "Permission Denial: receiving
 * … requires … due to sender"), and, for an app targeting 35, the intent matches its filter (Android
 * 15 "explicit intent filter matching"). The receiver's code is the model registered for its class
 * (./app-receivers.ts); without one it behaves like a class missing from the DEX. `am` prints
 * `Broadcast completed: result=<code>` and `, data="<data>"` when the receiver set result data.
 */
import { type LogBuffer } from '../platform';
import { type PackageManagerService } from '../packages/package-manager-service';
import { type AppReceivers } from './app-receivers';
import { type ParsedIntent } from './activity-command';

const SHELL_PACKAGE = 'com.android.shell';

export interface ExplicitResult {
  readonly resultCode: number;
  readonly data?: string;
}

function resolveClass(packageName: string, className: string): string {
  return className.startsWith('.') ? packageName + className : className;
}

/** Delivers `intent` to its component; returns what the result receiver gets. */
export function deliverExplicitBroadcast(intent: ParsedIntent & { component: string }, callingUid: number, pms: PackageManagerService, receivers: AppReceivers | undefined, log: LogBuffer): ExplicitResult {
  const [packageName = '', rawClass = ''] = intent.component.split('/');
  const className = resolveClass(packageName, rawClass);
  const denied = (why: string): ExplicitResult => {
    log.write('W', 'BroadcastQueue', why);
    return { resultCode: 0 };
  };
  const info = pms.get(packageName);
  const receiver = info?.receivers.find((r) => r.className === className);
  if (info === undefined || !info.enabled || receiver === undefined || !receiver.enabled) {
    return denied(`Unable to deliver broadcast to ${packageName}/${className}: no such receiver`);
  }
  if (!receiver.exported && callingUid !== 0) return denied(`Permission Denial: receiving Intent to ComponentInfo{${packageName}/${className}}: not exported from uid ${callingUid}`);
  if (receiver.permission !== null && callingUid !== 0 && !pms.isPermissionGranted(SHELL_PACKAGE, receiver.permission)) {
    return denied(`Permission Denial: receiving Intent { act=${intent.action ?? ''} cmp=${intent.component} } to ComponentInfo{${packageName}/${className}} requires ${receiver.permission} due to sender ${SHELL_PACKAGE} (uid ${callingUid})`);
  }
  if (intent.action === undefined || !receiver.actions.includes(intent.action)) {
    return denied(`Intent does not match component's intent filter: Intent { act=${intent.action ?? ''} cmp=${intent.component} }`);
  }
  const code = receivers?.codeFor(className);
  if (code === undefined) {
    // ActivityThread.handleReceiver cannot load the class: the app process dies, nothing is set.
    log.write('E', 'AndroidRuntime', `java.lang.RuntimeException: Unable to instantiate receiver ${className}: java.lang.ClassNotFoundException: Didn't find class "${className}"`);
    return { resultCode: 0 };
  }
  return code({ packageName, className, action: intent.action, extras: intent.extras, callingUid });
}
