/**
 * Turning what adbkit / the adb server report into ims-rig's closed error set (harness/errors):
 * a server FAIL about the device (offline, unauthorized, not found) is DeviceUnavailableError, an
 * unreachable server or any other FAIL is AdbError — the server's reason text is kept.
 */
import { AdbError, DeviceUnavailableError, isImsRigError, type ImsRigError } from '../errors';

/**
 * adb server FAIL reasons that mean "this device is not usable" (AOSP adb/transport.cpp
 * acquire_one_transport): `device offline`, `device unauthorized.\n…`, `device still authorizing`,
 * `device 'X' not found`, `no devices/emulators found`, `more than one device/emulator`.
 */
const DEVICE_REASONS = [/device offline/i, /unauthorized/i, /still authorizing/i, /device '.*' not found/i, /no devices/i, /device not found/i, /still connecting/i];

function errorCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Where an adb operation was going, for messages. */
export interface AdbContext {
  readonly server: string; // host:port of the adb server (or the built-in door)
  readonly serial?: string;
  readonly what: string; // "shell", "push /data/local/tmp/x", ...
}

export function toAdbError(e: unknown, ctx: AdbContext): ImsRigError {
  if (isImsRigError(e)) return e;
  const text = message(e).trim();
  const code = errorCode(e);
  const on = ctx.serial === undefined ? '' : ` on ${ctx.serial}`;
  if (code === 'ECONNREFUSED' || (code === 'ECONNRESET' && ctx.serial === undefined)) {
    return new AdbError(`adb server at ${ctx.server} is unreachable (${code}) during ${ctx.what}`, { cause: e });
  }
  if (DEVICE_REASONS.some((re) => re.test(text))) {
    return new DeviceUnavailableError(`${ctx.serial ?? 'device'}: ${text} (${ctx.what})`, { cause: e });
  }
  const name = e instanceof Error ? e.name : '';
  if (name === 'PrematureEOFError' || code === 'ECONNRESET' || code === 'EPIPE') {
    return new DeviceUnavailableError(`connection to ${ctx.serial ?? 'the device'} was lost during ${ctx.what}`, { cause: e });
  }
  if (name === 'FailError') return new AdbError(`adb server refused ${ctx.what}${on}: ${text}`, { cause: e });
  return new AdbError(`${ctx.what}${on} failed: ${text}`, { cause: e });
}
