/**
 * One device behind an adb server: shell with exit codes and stderr, file transfer, install,
 * root / remount / reboot with the waits they need. Built on adbkit; shell goes through the
 * `shell,v2,raw:` service when the transport advertises `shell_v2` (adbkit's own shell() is v1:
 * no exit status, stderr merged), otherwise v1 with an exit-status echo (adb-protocol.md §4).
 */
import * as fs from 'node:fs';
import type { Socket } from 'node:net';
import { PassThrough, type Readable } from 'node:stream';
import { DeviceUnavailableError, isImsRigError, UnsafeValueError } from '../errors';
import { bootCompleted, commandFailure, installFlags, installOutcome, installThroughPm, isRootId, parseRootReply, remountSucceeded, streamedInstallCommand, uninstallWithPm, type InstallFlags } from './device-replies';
import { toAdbError } from './adb-errors';
import type { AdbHost } from './adb-host';
import { type PmResult } from './install-output';
import { devicePath, isSafeDevicePath, shellCommand, withExitStatusEcho, type ShellCommand, type ShellPart } from './shell-command';
import { newExitMarker, parseShellV1Output } from './shell-v1';
import { encodeShellV2Packet, SHELL_V2_ID, ShellV2Decoder } from './shell-v2';
import { openService, readToEnd } from './smart-socket';
import { pollUntil, retry, sleep, withDeadline, type WaitOptions } from './timing';
import { isTcpSerial } from './connect-reply';
import type { PackageName } from '../model';

export const DEFAULT_SHELL_TIMEOUT_MS = 120_000;

export interface ShellResult {
  readonly command: string;
  readonly stdout: string;
  /** Empty under shell v1, where the protocol merges stderr into stdout. */
  readonly stderr: string;
  readonly exitCode: number;
  readonly protocol: 'v2' | 'v1';
  readonly durationMs: number;
}

export interface ShellOptions extends WaitOptions {
  /** Bytes for the command's stdin (needs shell_v2; v1 cannot signal EOF). */
  readonly stdin?: Buffer;
}

export interface SpawnedCommand {
  /** Resolves with the exit code (null: v1, or the stream was cut) once the stream ends. */
  readonly exited: Promise<number | null>;
  /** Closes the stream (the device kills the command). */
  stop(): void;
}

/**
 * `-r` (default), `-g`, and `--bypass-low-target-sdk-block` (Android 14+: install an APK whose
 * targetSdkVersion is below the platform minimum, INSTALL_FAILED_DEPRECATED_SDK_VERSION; older pm
 * rejects the flag).
 */
export interface InstallOptions extends WaitOptions, InstallFlags {}

export interface RootResult {
  readonly ok: boolean;
  readonly alreadyRoot: boolean;
  readonly message: string;
}

export class AdbDevice {
  constructor(readonly host: AdbHost, readonly serial: string) {}

  private ctx(what: string): { server: string; serial: string; what: string } {
    return { server: this.host.address, serial: this.serial, what };
  }

  /** The transport's adb features (shell_v2, cmd, abb_exec, …). */
  features(): Promise<readonly string[]> {
    return this.host.features(this.serial);
  }

  private async open(service: string, what: string): Promise<Socket> {
    try {
      return await openService(this.host.client, this.serial, service);
    } catch (e) {
      throw toAdbError(e, this.ctx(what));
    }
  }

  /** Why a stream ended early: the device went away, or it just closed on us. */
  private async lost(what: string): Promise<DeviceUnavailableError> {
    const state = await this.host.getState(this.serial).catch(() => 'unknown');
    return new DeviceUnavailableError(state === 'device'
      ? `${this.serial}: the stream closed before "${what}" finished`
      : `${this.serial} was lost (${state}) during "${what}"`);
  }

  /** Runs a command and reports stdout, stderr and the exit code; never throws on a non-zero exit. */
  async shell(command: ShellCommand, options: ShellOptions = {}): Promise<ShellResult> {
    const started = Date.now();
    const v2 = (await this.features()).includes('shell_v2');
    const deadline = { timeoutMs: options.timeoutMs ?? DEFAULT_SHELL_TIMEOUT_MS, ...(options.signal ? { signal: options.signal } : {}) };
    if (v2) {
      const socket = await this.open(`shell,v2,raw:${command.line}`, command.line);
      const decoder = new ShellV2Decoder();
      // Like adb's client with non-tty stdin: send stdin, then close-stdin so the command sees EOF.
      if (options.stdin !== undefined && options.stdin.length > 0) socket.write(encodeShellV2Packet(SHELL_V2_ID.stdin, options.stdin));
      socket.write(encodeShellV2Packet(SHELL_V2_ID.closeStdin));
      try {
        await withDeadline(`adb shell ${command.line}`, readToEnd(socket, (c) => decoder.push(c)), { ...deadline, onCancel: () => socket.destroy() });
      } catch (e) {
        throw toAdbError(e, this.ctx(command.line));
      }
      const out = decoder.result();
      if (out.exitCode === null) throw await this.lost(command.line);
      return { command: command.line, stdout: out.stdout.toString('utf8'), stderr: out.stderr.toString('utf8'), exitCode: out.exitCode, protocol: 'v2', durationMs: Date.now() - started };
    }
    if (options.stdin !== undefined && options.stdin.length > 0) {
      throw new UnsafeValueError(`${this.serial} has no shell_v2: stdin cannot be sent to "${command.line}"; push a file and redirect instead`);
    }
    const marker = newExitMarker();
    const socket = await this.open(`shell:${withExitStatusEcho(command, marker)}`, command.line);
    let raw: Buffer;
    try {
      raw = await withDeadline(`adb shell ${command.line}`, readToEnd(socket), { ...deadline, onCancel: () => socket.destroy() });
    } catch (e) {
      throw toAdbError(e, this.ctx(command.line));
    }
    const parsed = parseShellV1Output(raw.toString('utf8'), marker);
    if (parsed.exitCode === null) throw await this.lost(command.line);
    return { command: command.line, stdout: parsed.output, stderr: '', exitCode: parsed.exitCode, protocol: 'v1', durationMs: Date.now() - started };
  }

  /** shell(), but a non-zero exit is a CommandFailedError carrying argv, exit code, stdout, stderr. */
  async run(command: ShellCommand, options: ShellOptions = {}): Promise<ShellResult> {
    const result = await this.shell(command, options);
    if (result.exitCode !== 0) throw commandFailure(this.serial, command, result);
    return result;
  }

  /** Starts a long-running command (logcat) and streams its output until it exits or is stopped. */
  async spawn(command: ShellCommand, onData: (stream: 'stdout' | 'stderr', data: Buffer) => void): Promise<SpawnedCommand> {
    const v2 = (await this.features()).includes('shell_v2');
    const socket = await this.open(v2 ? `shell,v2,raw:${command.line}` : `shell:${command.line}`, command.line);
    const decoder = v2 ? new ShellV2Decoder(onData) : undefined;
    if (v2) socket.write(encodeShellV2Packet(SHELL_V2_ID.closeStdin));
    const exited = readToEnd(socket, (chunk) => (decoder ? decoder.push(chunk) : onData('stdout', chunk)))
      .then(() => decoder?.result().exitCode ?? null, () => null);
    return { exited, stop: () => socket.destroy() };
  }

  /** Pushes bytes or a local file to a device path (byte stream, never objectMode: pitfall 8). Retried: idempotent. */
  async push(contents: Buffer | string, remotePath: string, options: { mode?: number } & WaitOptions = {}): Promise<void> {
    devicePath(remotePath); // validates; throws UnsafeValueError
    const mode = options.mode ?? 0o644;
    const attempt = async (): Promise<void> => {
      const source: Readable | string = typeof contents === 'string' ? contents : new PassThrough().end(contents);
      try {
        const transfer = await this.host.client.getDevice(this.serial).push(source, remotePath, mode);
        await withDeadline(`push ${remotePath}`, new Promise<void>((resolve, reject) => {
          transfer.on('end', () => resolve());
          transfer.on('error', (e: Error) => reject(e));
        }), { timeoutMs: options.timeoutMs ?? 120_000, ...(options.signal ? { signal: options.signal } : {}), onCancel: () => transfer.cancel() });
      } catch (e) {
        throw toAdbError(e, this.ctx(`push ${remotePath}`));
      }
    };
    if (typeof contents === 'string' && !fs.existsSync(contents)) throw new UnsafeValueError(`push: local file ${contents} does not exist`);
    await retry(attempt, { attempts: 3, baseDelayMs: 200, shouldRetry: (e) => !(e instanceof UnsafeValueError) && !(e instanceof DeviceUnavailableError && /not found|unauthorized/.test(e.message)) });
  }

  /** Reads a device file. */
  async pull(remotePath: string, options: WaitOptions = {}): Promise<Buffer> {
    if (!isSafeDevicePath(remotePath) && !/^\/[A-Za-z0-9_./-]+$/.test(remotePath)) throw new UnsafeValueError(`pull: ${JSON.stringify(remotePath)} is not a plain device path`);
    try {
      const transfer = await this.host.client.getDevice(this.serial).pull(remotePath);
      const chunks: Buffer[] = [];
      await withDeadline(`pull ${remotePath}`, new Promise<void>((resolve, reject) => {
        transfer.on('data', (c: Buffer) => chunks.push(c));
        transfer.on('end', () => resolve());
        transfer.on('error', (e: Error) => reject(e));
      }), { timeoutMs: options.timeoutMs ?? 120_000, ...(options.signal ? { signal: options.signal } : {}), onCancel: () => transfer.cancel() });
      return Buffer.concat(chunks);
    } catch (e) {
      throw toAdbError(e, this.ctx(`pull ${remotePath}`));
    }
  }

  /**
   * Installs an APK as `adb install` does: streamed through `exec:cmd package install -S <size>`
   * when the device has `cmd`, else pushed to /data/local/tmp and installed with `pm install`.
   * Throws CommandFailedError with the `Failure [CODE: …]` text when the package manager refuses.
   */
  async install(apk: Buffer | string, options: InstallOptions = {}): Promise<PmResult> {
    const bytes = typeof apk === 'string' ? fs.readFileSync(apk) : apk;
    const flags: ShellPart[] = installFlags(options);
    const deadline = { timeoutMs: options.timeoutMs ?? 180_000, ...(options.signal ? { signal: options.signal } : {}) };
    let output: string;
    if ((await this.features()).includes('cmd')) {
      const command = streamedInstallCommand(flags, bytes.length);
      const socket = await this.open(`exec:${command.line}`, command.line);
      socket.write(bytes);
      try {
        output = (await withDeadline(`install (${bytes.length} bytes)`, readToEnd(socket), { ...deadline, onCancel: () => socket.destroy() })).toString('utf8');
      } catch (e) {
        throw toAdbError(e, this.ctx(command.line));
      }
    } else {
      output = await installThroughPm(this, bytes, flags, deadline);
    }
    return installOutcome(this.serial, output);
  }

  /** `pm uninstall <pkg>`: ok=false (DELETE_FAILED_INTERNAL_ERROR) when it was not installed. */
  uninstall(packageName: PackageName, options: WaitOptions = {}): Promise<PmResult> {
    return uninstallWithPm(this, packageName, options);
  }

  private async serviceText(service: string, options: WaitOptions): Promise<string> {
    const socket = await this.open(service, service);
    try {
      return (await withDeadline(service, readToEnd(socket), { timeoutMs: options.timeoutMs ?? 30_000, ...(options.signal ? { signal: options.signal } : {}), onCancel: () => socket.destroy() })).toString('utf8');
    } catch (e) {
      throw toAdbError(e, this.ctx(service));
    }
  }

  /**
   * `adb root`: adbd restarts as root and the transport drops; waits until the device answers
   * again as uid 0 (re-connecting a TCP serial). ok=false on builds that refuse (user builds:
   * "adbd cannot run as root in production builds").
   */
  async root(options: WaitOptions = {}): Promise<RootResult> {
    const message = (await this.serviceText('root:', options)).trim();
    const reply = parseRootReply(message);
    if (reply === 'already-root') return { ok: true, alreadyRoot: true, message };
    if (reply === 'refused') return { ok: false, alreadyRoot: false, message };
    this.host.forgetFeatures(this.serial);
    await this.waitUntil('adbd to come back as root', async () => {
      const id = (await this.shell(shellCommand('id'), { timeoutMs: 5_000 })).stdout;
      return isRootId(id) ? true : undefined;
    }, options);
    return { ok: true, alreadyRoot: false, message };
  }

  /** `adb remount` (needs root): ok when adbd reports success. */
  async remount(options: WaitOptions = {}): Promise<{ ok: boolean; output: string }> {
    const output = (await this.serviceText('remount:', options)).trim();
    return { ok: remountSucceeded(output), output };
  }

  /**
   * `adb reboot`, then waits for the device to go away, come back (re-running `adb connect` for
   * TCP serials) and report `sys.boot_completed=1`.
   */
  async reboot(options: WaitOptions = {}): Promise<void> {
    await this.serviceText('reboot:', { timeoutMs: 30_000 }).catch((e: unknown) => {
      // adbd may drop the connection before answering: that is the reboot happening.
      if (!(isImsRigError(e) && e instanceof DeviceUnavailableError)) throw e;
    });
    this.host.forgetFeatures(this.serial);
    const goneBy = Date.now() + 5_000;
    while (Date.now() < goneBy && (await this.host.getState(this.serial).catch(() => 'missing')) === 'device') await sleep(25, options.signal);
    await this.waitForBootCompleted(options);
  }

  /** Waits until the device is online and `getprop sys.boot_completed` prints 1. */
  async waitForBootCompleted(options: WaitOptions = {}): Promise<void> {
    await this.waitUntil('sys.boot_completed=1', () => bootCompleted(this), options);
  }

  /** Polls `probe` while (re)connecting the device; transport errors count as "not yet". */
  private async waitUntil(what: string, probe: () => Promise<true | undefined>, options: WaitOptions): Promise<void> {
    const timeoutMs = options.timeoutMs ?? 180_000;
    const deadline = Date.now() + timeoutMs;
    await pollUntil(`${this.serial}: waiting for ${what}`, async () => {
      try {
        await this.host.waitForDevice(this.serial, { timeoutMs: Math.max(1_000, deadline - Date.now()), reconnect: isTcpSerial(this.serial), ...(options.signal ? { signal: options.signal } : {}) });
        return await probe();
      } catch (e) {
        if (isImsRigError(e) && (e.code === 'E_DEVICE' || e.code === 'E_ADB' || e.code === 'E_TIMEOUT') && Date.now() < deadline) return undefined;
        throw e;
      }
    }, { timeoutMs, intervalMs: 250, ...(options.signal ? { signal: options.signal } : {}) });
  }

  /** Convenience for literal-only commands: `device.exec('id')`. */
  exec(...parts: ShellPart[]): Promise<ShellResult> {
    return this.shell(shellCommand(...parts));
  }
}

/**
 * What every device connection offers, whichever way it reaches the device: AdbDevice through an
 * adb server, ServiceDevice straight to an in-process device's services.
 */
export type DeviceConnection = Pick<AdbDevice, 'serial' | 'features' | 'shell' | 'run' | 'push' | 'install' | 'uninstall' | 'root' | 'remount' | 'reboot' | 'waitForBootCompleted' | 'exec'>;
