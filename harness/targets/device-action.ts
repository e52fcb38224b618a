/**
 * What the rig does to a target, as data: the provisioning and step planners produce these, the
 * executor (./execute-actions.ts) performs them. Keeping the plan pure makes "which commands does
 * this step send" a unit test, and every shell line is a ShellCommand from harness/adb's one
 * validated builder.
 */
import { type ShellCommand } from '../adb';
import { type AppExtras, type ImsAppSpec, type PackageName } from '../model';

/**
 * How a shell command's success is judged: exit status 0; `true` printed (cmd phone ims
 * set-ims-service / clear-ims-service-override); `Success` printed (pm); no judgement (best effort);
 * the observer app's receiver answered its control broadcast with an outcome (harness/model/observer-app.ts).
 */
export type ShellExpectation = 'exit-0' | 'prints-true' | 'pm-success' | 'best-effort' | 'observer-outcome';

/** Where pushed bytes come from. */
export type PushSource =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'text'; readonly text: string }
  /** The app's APK (generated from its description, or its prebuilt `apk`). */
  | { readonly kind: 'apk'; readonly spec: ImsAppSpec; readonly extras?: AppExtras }
  /** The observer app's APK (harness/model/observer-app.ts). */
  | { readonly kind: 'observer-apk' };

export type DeviceAction =
  | { readonly kind: 'shell'; readonly command: ShellCommand; readonly expect: ShellExpectation }
  | { readonly kind: 'push'; readonly path: string; readonly source: PushSource }
  /** `adb install -r` of the app's APK (generated from its description, or its prebuilt `apk`). */
  | { readonly kind: 'install-apk'; readonly spec: ImsAppSpec; readonly extras?: AppExtras }
  | { readonly kind: 'uninstall'; readonly package: PackageName }
  | { readonly kind: 'root' }
  | { readonly kind: 'remount' }
  | { readonly kind: 'reboot' };

/** A planned step: the actions, and in words which route the rig took (it goes in the step record). */
export interface ActionPlan {
  readonly actions: readonly DeviceAction[];
  readonly route: string;
}

export function shellAction(command: ShellCommand, expect: ShellExpectation = 'exit-0'): DeviceAction {
  return { kind: 'shell', command, expect };
}

/** One line per action, for step records and tests. */
export function describeAction(action: DeviceAction): string {
  switch (action.kind) {
    case 'shell': return action.command.line;
    case 'push': return `push ${action.source.kind === 'file' ? action.source.path : action.source.kind === 'apk' ? `${action.source.spec.package} APK` : action.source.kind === 'observer-apk' ? 'observer APK' : '(generated text)'} → ${action.path}`;
    case 'install-apk': return `install ${action.spec.apk ?? `(generated ${action.spec.package}.apk)`}`;
    case 'uninstall': return `uninstall ${action.package}`;
    case 'root': return 'adb root';
    case 'remount': return 'adb remount';
    case 'reboot': return 'adb reboot (wait for sys.boot_completed)';
  }
}
