/**
 * How an on-device tool's run ended, as its parsers report it: a value, or a classified failure
 * with the tool's own words. Parsers never throw for device-side failures; callers decide.
 */
import { CommandFailedError } from '../errors';

/** The part of a shell result parsers read (harness/adb ShellResult satisfies it). */
export interface CommandOutput {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
  readonly command?: string;
}

export type FailureKind =
  | 'error' // the tool said no (usage error, invalid argument)
  | 'permission' // cc: Permission denied. / SecurityException / Permission Denial
  | 'no-service' // cmd: Can't find service: phone
  | 'timeout' // the framework did not answer (get-ims-service prints `null`)
  | 'unexpected'; // output we do not recognise

export type Outcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly kind: FailureKind; readonly message: string };

export function success<T>(value: T): Outcome<T> {
  return { ok: true, value };
}

export function failure<T>(kind: FailureKind, message: string): Outcome<T> {
  return { ok: false, kind, message };
}

/**
 * Classifies a non-zero exit or error text. Samples:
 *   `cmd: Can't find service: phone` (rc 20)
 *   `cc: Permission denied.` (rc 255)
 *   `Exception: java.lang.SecurityException: setBoundImsServiceOverride: Only shell user can call it`
 *   `ims set-ims-service requires an integer as a SLOT_ID.` (rc 255)
 */
export function classifyFailure<T>(out: CommandOutput): Outcome<T> {
  const message = (out.stderr.trim() || out.stdout.trim() || `exit status ${out.exitCode}`).split(/\r?\n/).slice(0, 5).join(' | ');
  if (/Can't find service/i.test(message)) return failure('no-service', message);
  if (/Permission denied|SecurityException|Permission Denial/i.test(message)) return failure('permission', message);
  return failure('error', message);
}

/** The tool printed an error (on stderr, or merged into stdout by shell v1) or exited non-zero. */
export function failed(out: CommandOutput): boolean {
  return out.exitCode !== 0 || out.stderr.trim() !== '';
}

/** Unwraps an outcome or throws CommandFailedError naming the command. */
export function expectOk<T>(outcome: Outcome<T>, out: CommandOutput): T {
  if (outcome.ok) return outcome.value;
  const command = out.command ?? '(device command)';
  throw new CommandFailedError(`${command}: ${outcome.message}`, command, out.exitCode, out.stdout, out.stderr);
}
