/**
 * `cmd phone cc …` carrier-config commands (AOSP TelephonyShellCommand onHelpCc / ccValueToString;
 * aosp-imsresolver.md §3.2). Root only and not on user builds: otherwise `cc: Permission denied.`
 */
import type { CarrierConfigScalar, PackageName } from '../model';
import { ccKey, int, lit, pkg, shellCommand, withStdinFrom, type ShellCommand, type ShellPart } from '../adb';
import { classifyFailure, failed, failure, success, type CommandOutput, type Outcome } from './cmd-outcome';

export const CC_TYPES = ['BOOLEAN', 'DOUBLE', 'DOUBLE_ARRAY', 'INT', 'INT_ARRAY', 'LONG', 'LONG_ARRAY', 'STRING', 'STRING_ARRAY', 'PERSISTABLE_BUNDLE', 'UNKNOWN'] as const;
export type CcType = (typeof CC_TYPES)[number];

export interface CcEntry {
  readonly key: string;
  readonly type: CcType;
  /** The value as printed (`null`, `"com.x"`, `true`, `[a b]`). */
  readonly raw: string;
  /** Decoded: STRING without its quotes, numbers, booleans, null; arrays as lists of strings. */
  readonly value: CarrierConfigScalar | readonly string[];
}

function slotArgs(slot: number | undefined): ShellPart[] {
  return slot === undefined ? [] : ['-s', int(slot, 0, 7)];
}

/** `cmd phone cc get-value [-s N] [KEY]` */
export function ccGetValueCommand(args: { slot?: number; key?: string } = {}): ShellCommand {
  return shellCommand('cmd', 'phone', 'cc', 'get-value', ...slotArgs(args.slot), ...(args.key === undefined ? [] : [ccKey(args.key)]));
}

/** A value `cc set-value` can carry safely: package names (the IMS override keys), numbers, booleans, null. */
export type CcSetValue = PackageName | number | boolean | null;

/**
 * `cmd phone cc set-value [-s N] [-p] KEY [NEW_VALUE]` — no value sets null. Strings are limited
 * to package names: the values ims-rig sets this way are the IMS override keys; anything richer
 * goes through set-values-from-xml (a pushed file, no shell quoting of values at all).
 */
export function ccSetValueCommand(args: { slot?: number; persistent?: boolean; key: string; value: CcSetValue }): ShellCommand {
  const value: ShellPart[] = args.value === null ? []
    : typeof args.value === 'number' ? [Number.isInteger(args.value) ? int(args.value) : lit(String(args.value))]
    : typeof args.value === 'boolean' ? [args.value ? 'true' : 'false']
    : [pkg(args.value)];
  return shellCommand('cmd', 'phone', 'cc', 'set-value', ...slotArgs(args.slot), ...(args.persistent ? ['-p'] : []), ccKey(args.key), ...value);
}

/** `cmd phone cc set-values-from-xml [-s N] [-p] < <device file>` */
export function ccSetValuesFromXmlCommand(args: { slot?: number; persistent?: boolean; deviceFile: string }): ShellCommand {
  return withStdinFrom(shellCommand('cmd', 'phone', 'cc', 'set-values-from-xml', ...slotArgs(args.slot), ...(args.persistent ? ['-p'] : [])), args.deviceFile);
}

/** `cmd phone cc clear-values [-s N]` */
export function ccClearValuesCommand(args: { slot?: number } = {}): ShellCommand {
  return shellCommand('cmd', 'phone', 'cc', 'clear-values', ...slotArgs(args.slot));
}

/**
 * One `String.format("%-70s %-15s %s", key, TYPE, value)` line:
 *   `config_ims_mmtel_package_override_string                               STRING          null`
 *   `config_ims_rcs_package_override_string                                 STRING          "com.carrier.a.ims"`
 * Keys longer than 70 columns are followed by a single space.
 */
const CC_LINE = new RegExp(`^(\\S+)\\s+(${CC_TYPES.join('|')})\\s(?:\\s*)(.*)$`);

function decode(type: CcType, raw: string): CcEntry['value'] {
  if (raw === 'null') return null;
  if (type === 'STRING') return raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw;
  if (type === 'BOOLEAN') return raw === 'true';
  if (type === 'INT' || type === 'LONG' || type === 'DOUBLE') return Number(raw);
  if (type.endsWith('_ARRAY')) {
    const body = raw.replace(/^\[|\]$/g, '').trim();
    return body === '' ? [] : (body.match(/"[^"]*"|\S+/g) ?? []).map((s) => s.replace(/^"|"$/g, '').replace(/,$/, ''));
  }
  return raw;
}

export function parseCcLine(line: string): CcEntry | undefined {
  const m = CC_LINE.exec(line.trimEnd());
  if (!m?.[1] || !m[2]) return undefined;
  const type = m[2] as CcType;
  const raw = (m[3] ?? '').trim();
  return { key: m[1], type, raw, value: decode(type, raw) };
}

/** get-value output: one line per key (all keys without KEY). */
export function parseCcGetValue(out: CommandOutput): Outcome<CcEntry[]> {
  if (failed(out)) return classifyFailure(out);
  const entries: CcEntry[] = [];
  for (const line of out.stdout.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const entry = parseCcLine(line);
    if (!entry) return failure('unexpected', `cannot read carrier-config line ${JSON.stringify(line)}`);
    entries.push(entry);
  }
  return success(entries);
}

/**
 * set-value output: `Previous value: \n<line>\nNew value: \n<line>`; errors
 * (`<key> is not a valid key.`, `cc: Permission denied.`) with rc -1.
 */
export function parseCcSetValue(out: CommandOutput): Outcome<{ previous?: CcEntry; current?: CcEntry }> {
  if (failed(out)) return classifyFailure(out);
  const lines = out.stdout.split(/\r?\n/);
  const after = (label: string): CcEntry | undefined => {
    const at = lines.findIndex((l) => l.trim() === label);
    return at < 0 ? undefined : parseCcLine(lines[at + 1] ?? '');
  };
  const previous = after('Previous value:');
  const current = after('New value:');
  return success({ ...(previous ? { previous } : {}), ...(current ? { current } : {}) });
}

/** set-values-from-xml / clear-values: success is rc 0 with nothing on stderr. */
export function parseCcUpdate(out: CommandOutput): Outcome<string> {
  if (failed(out)) return classifyFailure(out);
  return success(out.stdout.trim());
}

/**
 * `cmd phone disable-physical-subscription SUB_ID` / `enable-physical-subscription SUB_ID`
 * (SVCM TelephonyShellCommand L1112-1138; observability-and-test-apps.md §1.d): root on a
 * non-user build only (refused with the copy-pasted `cc: Permission denied.`); switches the SIM's
 * UICC applications off or on (SubscriptionManager.setUiccApplicationsEnabled). Prints nothing.
 */
export function physicalSubscriptionCommand(subId: number, enable: boolean): ShellCommand {
  return shellCommand('cmd', 'phone', enable ? 'enable-physical-subscription' : 'disable-physical-subscription', int(subId, 0, 2_147_483_647));
}
