/**
 * The observer app's control broadcast (contract in harness/model/observer-app.ts): the argv the rig
 * sends and a parser of its outcome words (the result data ./am-broadcast.ts reads from what
 * `am broadcast` prints back). Pure but for the builders' validation.
 */
import { int, lit, name, shellCommand, type ShellCommand } from '../adb';
import { UnsafeValueError } from '../errors';
import {
  OBSERVER_ACTION, OBSERVER_EXTRA, OBSERVER_PACKAGE, OBSERVER_RECEIVER_CLASS, REGISTRATION_ID_PATTERN,
  type ObserverRequest, isStateCallbackFeature,
} from '../model';

function registrationId(id: string): ReturnType<typeof name> {
  if (!REGISTRATION_ID_PATTERN.test(id)) throw new UnsafeValueError(`registration id ${JSON.stringify(id)} must match ${String(REGISTRATION_ID_PATTERN)}`, { field: 'id' });
  return name(id);
}

/** `am broadcast --include-stopped-packages -n org.imsrig.observer/… -a org.imsrig.CONTROL --es op <op> [--es id <id> [--ei slot <s> --es feature <F>]]` */
export function observerBroadcastCommand(request: ObserverRequest): ShellCommand {
  // --include-stopped-packages: a staged app that has not run yet is in the stopped state.
  const base = ['am', 'broadcast', '--include-stopped-packages', '-n', `${OBSERVER_PACKAGE}/${OBSERVER_RECEIVER_CLASS}`, '-a', OBSERVER_ACTION, '--es', OBSERVER_EXTRA.op, lit(request.op)];
  if (request.op === 'reset') return shellCommand(...base);
  const head = [...base, '--es', OBSERVER_EXTRA.id, registrationId(request.id)];
  if (request.op !== 'register') return shellCommand(...head);
  if (!isStateCallbackFeature(request.feature)) throw new UnsafeValueError(`feature ${JSON.stringify(request.feature)} must be MMTEL or RCS`, { field: 'feature' });
  return shellCommand(...head, '--ei', OBSERVER_EXTRA.slot, int(request.slot, 0, 1), '--es', OBSERVER_EXTRA.feature, lit(request.feature));
}

/** The observer's outcome words (result data), parsed. */
export type ObserverOutcome =
  | { readonly kind: 'registered'; readonly registration: string; readonly subId: number }
  | { readonly kind: 'failed'; readonly registration: string; readonly subId: number; readonly error: string }
  | { readonly kind: 'unregistered'; readonly registration: string }
  | { readonly kind: 'reset'; readonly count: number }
  | { readonly kind: 'unknown'; readonly id: string }
  | { readonly kind: 'bad-request'; readonly what: string }
  | { readonly kind: 'unrecognised'; readonly text: string };

export function parseObserverOutcome(data: string): ObserverOutcome {
  let m = /^registered (\S+#\d+) sub=(-?\d+)$/.exec(data);
  if (m) return { kind: 'registered', registration: m[1] ?? '', subId: Number(m[2]) };
  m = /^failed (\S+#\d+) sub=(-?\d+) (\S+)$/.exec(data);
  if (m) return { kind: 'failed', registration: m[1] ?? '', subId: Number(m[2]), error: m[3] ?? '' };
  m = /^unregistered (\S+#\d+)$/.exec(data);
  if (m) return { kind: 'unregistered', registration: m[1] ?? '' };
  m = /^reset (\d+)$/.exec(data);
  if (m) return { kind: 'reset', count: Number(m[1]) };
  m = /^unknown (\S+)$/.exec(data);
  if (m) return { kind: 'unknown', id: m[1] ?? '' };
  m = /^bad-request (.*)$/.exec(data);
  if (m) return { kind: 'bad-request', what: m[1] ?? '' };
  return { kind: 'unrecognised', text: data };
}
