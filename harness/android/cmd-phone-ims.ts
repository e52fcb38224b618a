/**
 * `cmd phone ims …` (AOSP TelephonyShellCommand; aosp-imsresolver.md §3.1): argv builders and
 * pure parsers of the exact outputs. CTS drives the same commands (cts-and-reports.md §1.4).
 */
import { IMS_FEATURE_ID, type ImsFeature, type PackageName } from '../model';
import { int, lit, pkg, shellCommand, type ShellCommand, type ShellPart } from '../adb';
import { classifyFailure, failed, failure, success, type CommandOutput, type Outcome } from './cmd-outcome';

export type ImsOverrideScope = 'carrier' | 'device';

const SLOT_MAX = 7;

function slotArgs(slot: number | undefined): ShellPart[] {
  return slot === undefined ? [] : ['-s', int(slot, 0, SLOT_MAX)];
}

function scopeFlag(scope: ImsOverrideScope): string {
  return scope === 'carrier' ? '-c' : '-d';
}

/** `-f 0,1,2`: ImsFeature numbers, comma-separated (a token made of validated enum values). */
function featureList(features: readonly ImsFeature[]): ShellPart[] {
  if (features.length === 0) return [];
  return ['-f', lit([...new Set(features)].map((f) => IMS_FEATURE_ID[f]).join(','))];
}

export interface SetImsServiceArgs {
  /** Default: the device's default voice slot. */
  readonly slot?: number;
  /** main / Android 15 QPR2 only (`-u USER_ID`). */
  readonly user?: number;
  readonly scope: ImsOverrideScope;
  /**
   * Features the override applies to. Empty ⇒ no `-f`: AOSP then overrides nothing (`-c` only
   * wipes the slot's carrier config until the next change), whatever the help text says (§3.1).
   */
  readonly features: readonly ImsFeature[];
  /** '' ⇒ no package argument ("no override" for those features, as CTS clears the device side). */
  readonly package: PackageName | '';
}

/** `cmd phone ims set-ims-service [-s N] [-u U] (-c|-d) [-f F,…] [PKG]` */
export function setImsServiceCommand(args: SetImsServiceArgs): ShellCommand {
  return shellCommand('cmd', 'phone', 'ims', 'set-ims-service', ...slotArgs(args.slot),
    ...(args.user === undefined ? [] : ['-u', int(args.user, 0, 1_000_000)]),
    scopeFlag(args.scope), ...featureList(args.features), ...(args.package === '' ? [] : [pkg(args.package)]));
}

/** `cmd phone ims get-ims-service [-s N] (-c|-d) [-f F]` (feature default MMTEL). */
export function getImsServiceCommand(args: { slot?: number; scope: ImsOverrideScope; feature?: ImsFeature }): ShellCommand {
  return shellCommand('cmd', 'phone', 'ims', 'get-ims-service', ...slotArgs(args.slot), scopeFlag(args.scope),
    ...(args.feature === undefined ? [] : ['-f', int(IMS_FEATURE_ID[args.feature], 0, 2)]));
}

/** `cmd phone ims clear-ims-service-override [-s N]` (carrier overrides only). */
export function clearImsServiceOverrideCommand(args: { slot?: number } = {}): ShellCommand {
  return shellCommand('cmd', 'phone', 'ims', 'clear-ims-service-override', ...slotArgs(args.slot));
}

/** `cmd phone ims enable|disable [-s N]` */
export function setImsEnabledCommand(enabled: boolean, args: { slot?: number } = {}): ShellCommand {
  return shellCommand('cmd', 'phone', 'ims', enabled ? 'enable' : 'disable', ...slotArgs(args.slot));
}

/**
 * set-ims-service / clear-ims-service-override print `true` or `false` (false: invalid slot or no
 * IMS). Errors go to stderr with rc -1 (255 through sh):
 *   `ims set-ims-service requires either "-c" or "-d" to be set.`
 *   `ims set-ims-service -f 5 is an invalid feature.`
 */
export function parseBooleanReply(out: CommandOutput): Outcome<boolean> {
  if (failed(out)) return classifyFailure(out);
  const text = out.stdout.trim();
  if (text === 'true') return success(true);
  if (text === 'false') return success(false);
  return failure('unexpected', `expected true or false, got ${JSON.stringify(text)}`);
}

/**
 * get-ims-service prints the configured package, an empty line when none is configured, or
 * `null` when ImsResolver's handler did not answer within 5 s (§3.1).
 */
export function parseGetImsServiceReply(out: CommandOutput): Outcome<string | null> {
  if (failed(out)) return classifyFailure(out);
  const text = out.stdout.trim();
  if (text === 'null') return failure('timeout', 'ImsResolver did not answer within 5 s (get-ims-service printed null)');
  if (text === '') return success(null);
  if (/^[A-Za-z0-9_.]+$/.test(text)) return success(text);
  return failure('unexpected', `expected a package name, got ${JSON.stringify(text)}`);
}

/** enable / disable print nothing on success. */
export function parseSilentReply(out: CommandOutput): Outcome<void> {
  if (failed(out)) return classifyFailure(out);
  return out.stdout.trim() === '' ? success(undefined) : failure('unexpected', out.stdout.trim());
}
