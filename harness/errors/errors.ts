/**
 * The closed set of errors ims-rig raises. Each carries a `code` (what went wrong, for programs)
 * and the process exit code DESIGN.md assigns to it: 2 bad input, 3 infrastructure.
 * A conformance *failure* is not an error: it is a verdict (see harness/results).
 */
export type ErrorCode =
  | 'E_USAGE' // bad command line
  | 'E_INPUT' // a file we were given is unreadable or malformed (scenario, manifest, APK, XML)
  | 'E_UNSAFE_VALUE' // a value that would reach a device shell failed validation
  | 'E_ADB' // adb server / protocol failure
  | 'E_DEVICE' // no device, device offline or lost
  | 'E_TIMEOUT' // the target did not reach the awaited state in time
  | 'E_COMMAND'; // an on-device command failed unexpectedly

export const EXIT_OK = 0;
export const EXIT_CONFORMANCE_FAILURE = 1;
export const EXIT_BAD_INPUT = 2;
export const EXIT_INFRASTRUCTURE = 3;

export interface ErrorDetails {
  /** The file the error is about, as the user named it. */
  readonly file?: string;
  /** The path of the offending field inside the file, e.g. `steps[3].insertSim.slot`. */
  readonly field?: string;
  readonly cause?: unknown;
}

export abstract class ImsRigError extends Error {
  abstract readonly code: ErrorCode;
  abstract readonly exitCode: 2 | 3;
  readonly file: string | undefined;
  readonly field: string | undefined;

  constructor(message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.file = details.file;
    this.field = details.field;
  }
}

/** Bad command-line usage. */
export class UsageError extends ImsRigError {
  readonly code = 'E_USAGE';
  readonly exitCode = 2;
}

/** A malformed or unreadable input file; the message names the file and the field. */
export class InputError extends ImsRigError {
  readonly code = 'E_INPUT';
  readonly exitCode = 2;
}

/** A value that failed validation before it could reach a device shell (e.g. package `a;reboot`). */
export class UnsafeValueError extends ImsRigError {
  readonly code = 'E_UNSAFE_VALUE';
  readonly exitCode = 2;
}

/** The adb server could not be reached or answered with a protocol failure. */
export class AdbError extends ImsRigError {
  readonly code = 'E_ADB';
  readonly exitCode = 3;
}

/** No usable device: none attached, offline, unauthorized, or lost mid-run. */
export class DeviceUnavailableError extends ImsRigError {
  readonly code = 'E_DEVICE';
  readonly exitCode = 3;
}

/** A wait ran past its deadline. */
export class TimeoutError extends ImsRigError {
  readonly code = 'E_TIMEOUT';
  readonly exitCode = 3;
}

/** An on-device command failed where success was required. */
export class CommandFailedError extends ImsRigError {
  readonly code = 'E_COMMAND';
  readonly exitCode = 3;
  constructor(
    message: string,
    readonly command: string,
    readonly exitStatus: number | null,
    readonly stdout: string,
    readonly stderr: string,
    details: ErrorDetails = {},
  ) {
    super(message, details);
  }
}

export function isImsRigError(e: unknown): e is ImsRigError {
  return e instanceof ImsRigError;
}

/** One line a person can act on: `file: field message`. */
export function describeError(e: unknown): string {
  if (e instanceof ImsRigError) return e.message;
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return String(e);
}
