/**
 * A device reached through its adb services directly (a ServiceEndpoint: the in-process reference
 * device), with the same methods and the same semantics as AdbDevice: shell with exit codes,
 * stdout and stderr (shell v2 framing, v1 with an exit-status echo when the device lacks
 * shell_v2), push through the sync service, install streamed to `cmd package install -S`, and
 * root / remount / reboot with the waits they need. Each method opens the same services, in the
 * same number, as AdbDevice does through an adb server, so round trips count alike.
 */
import * as fs from 'node:fs';
import { AdbError, DeviceUnavailableError, isImsRigError, TimeoutError, UnsafeValueError } from '../errors';
import type { PackageName } from '../model';
import { DEFAULT_SHELL_TIMEOUT_MS, type DeviceConnection, type InstallOptions, type RootResult, type ShellOptions, type ShellResult } from './adb-device';
import { bootCompleted, commandFailure, installFlags, installOutcome, installThroughPm, isRootId, parseRootReply, remountSucceeded, streamedInstallCommand, uninstallWithPm } from './device-replies';
import { type PmResult } from './install-output';
import type { ServiceEndpoint, ServiceReply } from './service-endpoint';
import { devicePath, shellCommand, withExitStatusEcho, type ShellCommand, type ShellPart } from './shell-command';
import { newExitMarker, parseShellV1Output } from './shell-v1';
import { encodeShellV2Packet, SHELL_V2_ID, ShellV2Decoder } from './shell-v2';
import { encodeSyncSend, parseSyncSendReply } from './sync-send';
import { sleep, withDeadline, type WaitOptions } from './timing';

export class ServiceDevice implements DeviceConnection {
  constructor(private readonly endpoint: ServiceEndpoint) {}

  get serial(): string {
    return this.endpoint.serial;
  }

  features(): Promise<readonly string[]> {
    return Promise.resolve(this.endpoint.features);
  }

  /** One service round trip with a deadline; a refused service is an offline device or an adb error. */
  private async request(service: string, input: readonly Buffer[], what: string, options: WaitOptions & { timeoutMs: number }): Promise<ServiceReply> {
    const cancel = new AbortController();
    const reply = await withDeadline(what, this.endpoint.request(service, input, cancel.signal), {
      timeoutMs: options.timeoutMs,
      ...(options.signal ? { signal: options.signal } : {}),
      onCancel: () => cancel.abort(new TimeoutError(`${what}: cancelled`)),
    });
    if (reply !== undefined) return reply;
    if (this.endpoint.state !== 'online') throw new DeviceUnavailableError(`${this.serial} is offline (refused "${what}")`);
    throw new AdbError(`${this.serial}: the device refused the service for "${what}"`);
  }

  private lost(what: string): DeviceUnavailableError {
    return new DeviceUnavailableError(this.endpoint.state === 'online'
      ? `${this.serial}: the stream closed before "${what}" finished`
      : `${this.serial} was lost (offline) during "${what}"`);
  }

  /** Runs a command and reports stdout, stderr and the exit code; never throws on a non-zero exit. */
  async shell(command: ShellCommand, options: ShellOptions = {}): Promise<ShellResult> {
    const started = Date.now();
    const deadline = { timeoutMs: options.timeoutMs ?? DEFAULT_SHELL_TIMEOUT_MS, ...(options.signal ? { signal: options.signal } : {}) };
    if (this.endpoint.features.includes('shell_v2')) {
      const input = [
        ...(options.stdin !== undefined && options.stdin.length > 0 ? [encodeShellV2Packet(SHELL_V2_ID.stdin, options.stdin)] : []),
        encodeShellV2Packet(SHELL_V2_ID.closeStdin),
      ];
      const reply = await this.request(`shell,v2,raw:${command.line}`, input, command.line, deadline);
      const decoder = new ShellV2Decoder();
      decoder.push(reply.output);
      const out = decoder.result();
      if (out.exitCode === null) throw this.lost(command.line);
      return { command: command.line, stdout: out.stdout.toString('utf8'), stderr: out.stderr.toString('utf8'), exitCode: out.exitCode, protocol: 'v2', durationMs: Date.now() - started };
    }
    if (options.stdin !== undefined && options.stdin.length > 0) {
      throw new UnsafeValueError(`${this.serial} has no shell_v2: stdin cannot be sent to "${command.line}"; push a file and redirect instead`);
    }
    const marker = newExitMarker();
    const reply = await this.request(`shell:${withExitStatusEcho(command, marker)}`, [], command.line, deadline);
    const parsed = parseShellV1Output(reply.output.toString('utf8'), marker);
    if (parsed.exitCode === null) throw this.lost(command.line);
    return { command: command.line, stdout: parsed.output, stderr: '', exitCode: parsed.exitCode, protocol: 'v1', durationMs: Date.now() - started };
  }

  /** shell(), but a non-zero exit is a CommandFailedError carrying argv, exit code, stdout, stderr. */
  async run(command: ShellCommand, options: ShellOptions = {}): Promise<ShellResult> {
    const result = await this.shell(command, options);
    if (result.exitCode !== 0) throw commandFailure(this.serial, command, result);
    return result;
  }

  /** Writes bytes or a local file to a device path through the sync service. */
  async push(contents: Buffer | string, remotePath: string, options: { mode?: number } & WaitOptions = {}): Promise<void> {
    devicePath(remotePath); // validates; throws UnsafeValueError
    if (typeof contents === 'string' && !fs.existsSync(contents)) throw new UnsafeValueError(`push: local file ${contents} does not exist`);
    const bytes = typeof contents === 'string' ? await fs.promises.readFile(contents) : contents;
    const input = encodeSyncSend(remotePath, bytes, options.mode ?? 0o644, Math.floor(Date.now() / 1000));
    const reply = await this.request('sync:', input, `push ${remotePath}`, { timeoutMs: options.timeoutMs ?? 120_000, ...(options.signal ? { signal: options.signal } : {}) });
    const answer = parseSyncSendReply(reply.output);
    if (!answer.ok) {
      if (reply.end === 'dropped') throw this.lost(`push ${remotePath}`);
      throw new AdbError(`${this.serial}: push ${remotePath}: ${answer.message}`);
    }
  }

  /**
   * Installs an APK as `adb install` does: streamed through `exec:cmd package install -S <size>`
   * when the device has `cmd`, else pushed to /data/local/tmp and installed with `pm install`.
   */
  async install(apk: Buffer | string, options: InstallOptions = {}): Promise<PmResult> {
    const bytes = typeof apk === 'string' ? fs.readFileSync(apk) : apk;
    const flags: ShellPart[] = installFlags(options);
    const deadline = { timeoutMs: options.timeoutMs ?? 180_000, ...(options.signal ? { signal: options.signal } : {}) };
    let output: string;
    if (this.endpoint.features.includes('cmd')) {
      const command = streamedInstallCommand(flags, bytes.length);
      output = (await this.request(`exec:${command.line}`, [bytes], command.line, deadline)).output.toString('utf8');
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
    return (await this.request(service, [], service, { timeoutMs: options.timeoutMs ?? 30_000, ...(options.signal ? { signal: options.signal } : {}) })).output.toString('utf8');
  }

  /** `adb root`: ok=false on builds that refuse; after a restart, waits until the shell is uid 0. */
  async root(options: WaitOptions = {}): Promise<RootResult> {
    const message = (await this.serviceText('root:', options)).trim();
    const reply = parseRootReply(message);
    if (reply === 'already-root') return { ok: true, alreadyRoot: true, message };
    if (reply === 'refused') return { ok: false, alreadyRoot: false, message };
    await this.waitUntil('adbd to come back as root', async () => (isRootId((await this.shell(shellCommand('id'), { timeoutMs: 5_000 })).stdout) ? true : undefined), options);
    return { ok: true, alreadyRoot: false, message };
  }

  /** `adb remount` (needs root): ok when adbd reports success. */
  async remount(options: WaitOptions = {}): Promise<{ ok: boolean; output: string }> {
    const output = (await this.serviceText('remount:', options)).trim();
    return { ok: remountSucceeded(output), output };
  }

  /** `adb reboot`: the stream drops when the device goes down; then waits for sys.boot_completed=1. */
  async reboot(options: WaitOptions = {}): Promise<void> {
    await this.serviceText('reboot:', { timeoutMs: 30_000 });
    await this.waitForBootCompleted(options);
  }

  /** Waits until the device is online and `getprop sys.boot_completed` prints 1. */
  async waitForBootCompleted(options: WaitOptions = {}): Promise<void> {
    await this.waitUntil('sys.boot_completed=1', () => bootCompleted(this), options);
  }

  /**
   * Polls `probe` while the device is up, waiting for it to come online between tries; an offline
   * device or a dropped stream counts as "not yet". No TCP to spare: the first retries come fast.
   */
  private async waitUntil(what: string, probe: () => Promise<true | undefined>, options: WaitOptions): Promise<void> {
    const timeoutMs = options.timeoutMs ?? 180_000;
    const deadline = Date.now() + timeoutMs;
    let interval = 1;
    for (;;) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new TimeoutError(`${this.serial}: waiting for ${what}: still waiting after ${timeoutMs} ms`);
      await withDeadline(`${this.serial}: waiting for ${what}`, this.online(), { timeoutMs: remaining, ...(options.signal ? { signal: options.signal } : {}) });
      try {
        if ((await probe()) === true) return;
      } catch (e) {
        if (!(isImsRigError(e) && e.code === 'E_DEVICE')) throw e;
      }
      await sleep(Math.min(interval, Math.max(0, deadline - Date.now())), options.signal);
      interval = Math.min(interval * 2, 250);
    }
  }

  private online(): Promise<void> {
    if (this.endpoint.state === 'online') return Promise.resolve();
    return new Promise((resolve) => {
      const unsubscribe = this.endpoint.onStateChange((state) => {
        if (state !== 'online') return;
        unsubscribe();
        resolve();
      });
    });
  }

  /** Convenience for literal-only commands: `device.exec('id')`. */
  exec(...parts: ShellPart[]): Promise<ShellResult> {
    return this.shell(shellCommand(...parts));
  }
}
