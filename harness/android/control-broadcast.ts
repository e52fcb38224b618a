/**
 * The control broadcast of the rig's ImsService app (android-apps/ims-service, ControlReceiver):
 * how a real target, which has no `ims-rig-device`, changes what an installed rig app reports,
 * how it behaves, or crashes it. Command builder and a pure parser of `am broadcast`'s output.
 *
 *   am broadcast --include-stopped-packages -n <pkg>/org.imsrig.ims.ControlReceiver \
 *       -a org.imsrig.CONTROL <one extra>
 *
 * --include-stopped-packages: ActivityManager skips packages in the stopped state (installed and
 * never run, or force-stopped) for every broadcast without FLAG_INCLUDE_STOPPED_PACKAGES; a
 * scenario app may not have run yet. The receiver is protected by android.permission.DUMP, which
 * the shell uid holds and apps do not; explicit (-n) because manifest receivers get no implicit
 * broadcasts (Android 8+), and the action matches its filter (required for targetSdk 35).
 *
 * | extra                     | effect in the app                                  | outcome (result data)           |
 * |---------------------------|----------------------------------------------------|---------------------------------|
 * | --es features <answers>   | answers replaced until the process dies; every live | `updated`: the framework was told |
 * |                           | service calls onUpdateSupportedImsFeatures          | `stored`: no live service with the framework's listener; the next query answers it |
 * | --ez crash true           | Process.killProcess(myPid()) after replying        | `killed`                        |
 * | --es behaviour <b>        | stored (survives process death; uninstall clears)  | `stored`                        |
 * | --es feature-state <S>    | features created from now on, and live ones, to S  | `updated` (live features moved) / `stored` (none yet) |
 * | anything invalid          | nothing                                            | `error: <why>`                  |
 *
 * `am broadcast` prints `Broadcast completed: result=0, data="<outcome>"`. Without `data=` no
 * receiver ran: the package is not installed, or has no such receiver (not the rig's app, or a
 * compat app written without code). The reference device answers exactly as the DEX does
 * (virtual-device/apps/control-receiver.ts).
 */
import { component, imsAnswers, lit, shellCommand, type ShellCommand, type ShellPart } from '../adb';
import { UnsafeValueError } from '../errors';
import { parseBroadcastResult } from './am-broadcast';
import {
  APP_BEHAVIOURS, type AppBehaviour, CONTROL_EXTRA, FEATURE_STATES, type FeatureStateName, type FeaturesBySlot, formatAnswers,
  type PackageName, RIG_APP,
} from '../model';

export type ControlRequest =
  | { readonly kind: 'features'; readonly features: FeaturesBySlot }
  | { readonly kind: 'crash' }
  | { readonly kind: 'behaviour'; readonly behaviour: AppBehaviour }
  | { readonly kind: 'feature-state'; readonly state: FeatureStateName };

export type ControlReply =
  /** The receiver ran and answered. */
  | { readonly delivered: true; readonly outcome: 'updated' | 'stored' | 'killed'; readonly data: string }
  /** The receiver ran and refused the request (`error: <reason>`). */
  | { readonly delivered: true; readonly outcome: 'error'; readonly data: string; readonly reason: string }
  /** No receiver ran (no result data), or am itself failed; `reason` says which. */
  | { readonly delivered: false; readonly reason: string };

function extraArgs(request: ControlRequest): ShellPart[] {
  switch (request.kind) {
    case 'features': {
      const value = formatAnswers(request.features);
      return ['--es', CONTROL_EXTRA.features, imsAnswers(value === '' ? 'none' : value)];
    }
    case 'crash':
      return ['--ez', CONTROL_EXTRA.crash, 'true'];
    case 'behaviour':
      if (!(APP_BEHAVIOURS as readonly string[]).includes(request.behaviour)) throw new UnsafeValueError(`behaviour ${JSON.stringify(request.behaviour)} is not one of ${APP_BEHAVIOURS.join(', ')}`);
      return ['--es', CONTROL_EXTRA.behaviour, request.behaviour];
    case 'feature-state':
      if (!(FEATURE_STATES as readonly string[]).includes(request.state)) throw new UnsafeValueError(`feature state ${JSON.stringify(request.state)} is not one of ${FEATURE_STATES.join(', ')}`);
      return ['--es', CONTROL_EXTRA.featureState, request.state];
  }
}

/** The `am broadcast` command that sends `request` to the rig app installed as `packageName`. */
export function controlBroadcastCommand(packageName: PackageName, request: ControlRequest): ShellCommand {
  return shellCommand('am', 'broadcast', '--include-stopped-packages', '-n', component(packageName, RIG_APP.receiverClass), '-a', lit(RIG_APP.controlAction), ...extraArgs(request));
}

/** Reads `am broadcast`'s output (stdout and stderr together). Pure. */
export function parseControlBroadcast(output: string): ControlReply {
  const result = parseBroadcastResult(output);
  if (!result.completed) {
    const text = output.trim().split('\n').filter((l) => !l.startsWith('Broadcasting: ')).join(' ').trim();
    return { delivered: false, reason: `am broadcast did not complete: ${text === '' ? '(no output)' : text}` };
  }
  const data = result.data;
  if (data === undefined) return { delivered: false, reason: `no receiver ran (am broadcast printed result=${result.resultCode ?? '?'} and no result data)` };
  if (data === 'updated' || data === 'stored' || data === 'killed') return { delivered: true, outcome: data, data };
  if (data.startsWith('error: ')) return { delivered: true, outcome: 'error', data, reason: data.slice('error: '.length) };
  return { delivered: false, reason: `the receiver answered ${JSON.stringify(data)}, which is not a rig app outcome` };
}

/**
 * One line naming the app for a control broadcast that did not do what was asked (undefined when
 * it did): what the engine reports as the scenario's error.
 */
export function controlBroadcastProblem(packageName: PackageName, request: ControlRequest, reply: ControlReply): string | undefined {
  const what = request.kind === 'features' ? 'features' : request.kind;
  if (!reply.delivered) {
    return `${packageName}: the control broadcast (${what}) reached no ${RIG_APP.receiverClass}: ${reply.reason}; is ${packageName} installed, and is it the rig's ImsService app (a compat app or a prebuilt APK has no control receiver)?`;
  }
  if (reply.outcome === 'error') return `${packageName}: the rig app refused the control broadcast (${what}): ${reply.reason}`;
  return undefined;
}
