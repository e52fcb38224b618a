/**
 * What the rig does to a target, as data: the provisioning and step planners produce these, the
 * executor (./execute-actions.ts) performs them. Keeping the plan pure makes "which commands does
 * this step send" a unit test, and every shell line is a ShellCommand from harness/adb's one
 * validated builder.
 */
import { type ShellCommand } from '../adb';
import { controlBroadcastCommand, type ControlRequest } from '../android';
import { type AppExtras, type DeviceOverlay, type ImsAppSpec, type PackageName } from '../model';

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
  /**
   * The rig's placeholder of a package it stages under /system: no code, no components, the
   * permissions every variant of the run requests (an update of a privileged app is granted only
   * the privileged permissions the factory version requested).
   */
  | { readonly kind: 'placeholder'; readonly package: PackageName; readonly permissions: readonly string[] }
  /** The TeleService runtime resource overlay for one pair of device defaults (harness/formats/overlay-apk). */
  | { readonly kind: 'overlay'; readonly overlay: DeviceOverlay }
  /** The observer app's APK (harness/model/observer-app.ts). */
  | { readonly kind: 'observer-apk' };

/** Run again while the output matches (`cc: No valid subscription found` right after a SIM comes back). */
export interface RetryWhile {
  readonly pattern: string;
  /** Give up (and judge the last result) after this many host ms. */
  readonly timeoutMs: number;
}

export type DeviceAction =
  | { readonly kind: 'shell'; readonly command: ShellCommand; readonly expect: ShellExpectation; readonly retry?: RetryWhile }
  | { readonly kind: 'push'; readonly path: string; readonly source: PushSource }
  /**
   * `adb install -r` of the app's APK (generated from its description, or its prebuilt `apk`).
   * `requireImsService`: the scenario observes bindings, so an APK without an ImsService is bad input.
   */
  | { readonly kind: 'install-apk'; readonly spec: ImsAppSpec; readonly extras?: AppExtras; readonly requireImsService?: boolean }
  | { readonly kind: 'uninstall'; readonly package: PackageName }
  | { readonly kind: 'root' }
  | { readonly kind: 'remount' }
  | { readonly kind: 'reboot' }
  /** Kill com.android.phone as root (ActivityManager restarts the persistent process), then wait for `cmd phone`. */
  | { readonly kind: 'restart-phone' }
  /** The rig app's control broadcast (harness/android/control-broadcast.ts); the reply is judged. */
  | { readonly kind: 'control-broadcast'; readonly package: PackageName; readonly request: ControlRequest };

/** A planned step: the actions, and in words which route the rig took (it goes in the step record). */
export interface ActionPlan {
  readonly actions: readonly DeviceAction[];
  readonly route: string;
}

export function shellAction(command: ShellCommand, expect: ShellExpectation = 'exit-0', retry?: RetryWhile): DeviceAction {
  return retry === undefined ? { kind: 'shell', command, expect } : { kind: 'shell', command, expect, retry };
}

/** Retries while a SIM's subscription is not back yet, or the phone process restarts. */
export const UNTIL_PHONE_READY: RetryWhile = { pattern: "No valid subscription|Can't find service: phone|not a valid SLOT_ID", timeoutMs: 60_000 };

/** One line per action, for step records and tests. */
export function describeAction(action: DeviceAction): string {
  switch (action.kind) {
    case 'shell': return action.command.line;
    case 'push': return `push ${pushSourceName(action.source)} → ${action.path}`;
    case 'install-apk': return `install ${action.spec.apk ?? `(generated ${action.spec.package}.apk)`}`;
    case 'uninstall': return `uninstall ${action.package}`;
    case 'root': return 'adb root';
    case 'remount': return 'adb remount';
    case 'reboot': return 'adb reboot (wait for sys.boot_completed)';
    case 'restart-phone': return 'kill com.android.phone as root (restarted by ActivityManager)';
    case 'control-broadcast': return controlBroadcastCommand(action.package, action.request).line;
  }
}

function pushSourceName(source: PushSource): string {
  switch (source.kind) {
    case 'file': return source.path;
    case 'apk': return `${source.spec.package} APK`;
    case 'text': return '(generated text)';
    case 'placeholder': return `${source.package} placeholder APK`;
    case 'overlay': return `TeleService overlay APK (mmtel=${source.overlay.mmtel || '""'} rcs=${source.overlay.rcs || '""'})`;
    case 'observer-apk': return 'observer APK';
  }
}
