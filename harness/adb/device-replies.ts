/**
 * What both kinds of device connection (AdbDevice through an adb server, ServiceDevice straight to
 * a device's services) read the same way: the install command line, the answers of adbd's
 * `root:` and `remount:` services (adbd restart_root_service / remount_service), `id` as root, and
 * the error for a command that exited non-zero. Pure.
 */
import { CommandFailedError } from '../errors';
import type { PackageName } from '../model';
import { parsePmResult, type PmResult } from './install-output';
import { devicePath, int, pkg, prop, shellCommand, type ShellCommand, type ShellPart } from './shell-command';
import type { DeviceConnection, ShellResult } from './adb-device';
import type { WaitOptions } from './timing';

export interface InstallFlags {
  /** `-r` (default true): replace an installed package (an app update). */
  readonly replace?: boolean;
  /** `-g`: grant all runtime permissions. */
  readonly grantRuntimePermissions?: boolean;
  /** `--bypass-low-target-sdk-block` (Android 14+). */
  readonly bypassLowTargetSdkBlock?: boolean;
}

export function installFlags(options: InstallFlags): ShellPart[] {
  return [
    ...(options.replace ?? true ? ['-r'] : []),
    ...(options.grantRuntimePermissions ? ['-g'] : []),
    ...(options.bypassLowTargetSdkBlock ? ['--bypass-low-target-sdk-block'] : []),
  ];
}

/** `cmd package install [flags] -S <size>`: the APK's bytes follow on the stream (adb install's streamed path). */
export function streamedInstallCommand(flags: readonly ShellPart[], size: number): ShellCommand {
  return shellCommand('cmd', 'package', 'install', ...flags, '-S', int(size, 0));
}

export type RootReply = 'already-root' | 'restarting' | 'refused';

/** adbd's answer to `root:`: "adbd is already running as root", "restarting adbd as root", or a refusal. */
export function parseRootReply(message: string): RootReply {
  if (/already running as root/i.test(message)) return 'already-root';
  return /restarting adbd as root/i.test(message) ? 'restarting' : 'refused';
}

/** adbd's answer to `remount:` ("remount succeeded"; failures say so). */
export function remountSucceeded(output: string): boolean {
  return /succeeded/i.test(output) && !/fail/i.test(output);
}

/** `id` printed by a root shell: `uid=0(root) gid=0(root) …` (toybox), or `0` alone from `id -u`-style shells. */
export function isRootId(idOutput: string): boolean {
  const id = idOutput.trim();
  return /^uid=0\(/.test(id) || id === '0';
}

/** The error for a command that exited non-zero: argv, exit code and the last lines it printed. */
export function commandFailure(serial: string, command: ShellCommand, result: ShellResult): CommandFailedError {
  const detail = (result.stderr || result.stdout).trim().split('\n').slice(-3).join(' | ');
  return new CommandFailedError(`${serial}: "${command.line}" exited ${result.exitCode}${detail ? `: ${detail}` : ''}`,
    command.line, result.exitCode, result.stdout, result.stderr);
}

/** adb install on a device without `cmd`: push to /data/local/tmp, `pm install`, remove the copy. Returns pm's output. */
export async function installThroughPm(device: Pick<DeviceConnection, 'shell' | 'push'>, bytes: Buffer, flags: readonly ShellPart[], deadline: WaitOptions): Promise<string> {
  const remote = `/data/local/tmp/ims-rig-install-${process.pid}-${Date.now()}.apk`;
  await device.push(bytes, remote, deadline);
  try {
    const result = await device.shell(shellCommand('pm', 'install', ...flags, devicePath(remote)), deadline);
    return `${result.stdout}${result.stderr}`;
  } finally {
    await device.shell(shellCommand('rm', '-f', devicePath(remote))).catch(() => undefined);
  }
}

/** What an install printed, judged: a refusal (`Failure [CODE: …]`) is a CommandFailedError carrying it. */
export function installOutcome(serial: string, output: string): PmResult {
  const result = parsePmResult(output);
  if (!result.ok) throw new CommandFailedError(`${serial}: install failed: ${result.message}`, 'install', null, output, '');
  return result;
}

/** `pm uninstall <pkg>`: ok=false (DELETE_FAILED_INTERNAL_ERROR) when it was not installed. */
export async function uninstallWithPm(device: Pick<DeviceConnection, 'shell'>, packageName: PackageName, options: WaitOptions): Promise<PmResult> {
  const result = await device.shell(shellCommand('pm', 'uninstall', pkg(packageName)), options);
  return parsePmResult(`${result.stdout}\n${result.stderr}`);
}

/** One look at `getprop sys.boot_completed`: true once it prints 1 (the waits poll it). */
export async function bootCompleted(device: Pick<DeviceConnection, 'shell'>): Promise<true | undefined> {
  const result = await device.shell(shellCommand('getprop', prop('sys.boot_completed')), { timeoutMs: 5_000 });
  return result.stdout.trim() === '1' ? true : undefined;
}
