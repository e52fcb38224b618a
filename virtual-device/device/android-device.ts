/**
 * The seam between the reference device's adb transports (virtual-device/adbd, one wire protocol
 * per front door) and the simulated Android behind them (virtual-device/android, telephony, ...).
 * The transports speak bytes; this interface speaks Android: run a command, read a file, reboot.
 */

import { type ServiceStarter } from '../services/device-stream';

/** A stat result in the shape adbd's sync service needs (stat_v2 / lstat). */
export interface DeviceStat {
  readonly mode: number; // S_IFREG | 0644, S_IFDIR | 0771, ...
  readonly size: number;
  readonly mtimeSec: number;
  readonly uid?: number;
  readonly gid?: number;
  readonly ino?: number;
}

export interface DeviceDirEntry extends DeviceStat {
  readonly name: string;
}

/** Linux errno values the sync protocol reports (ENOENT=2, EACCES=13, EISDIR=21, ENOTDIR=20, EROFS=30). */
export type Errno = 2 | 13 | 20 | 21 | 30;

export interface DeviceFs {
  stat(path: string): DeviceStat | Errno;
  list(path: string): readonly DeviceDirEntry[] | Errno;
  readFile(path: string): Buffer | Errno;
  /** Creates parent directories like adbd's SEND does. `mode` is the permission bits. */
  writeFile(path: string, data: Buffer, mode: number, mtimeSec: number): true | Errno;
}

export interface CommandOutput {
  stdout(data: Buffer | string): void;
  stderr(data: Buffer | string): void;
}

/** A command running on the device: stdin goes in, output comes through CommandOutput. */
export interface RunningCommand {
  writeStdin(chunk: Buffer): void;
  /** stdin reached EOF (shell v2 close-stdin packet, or the stream closed). */
  closeStdin(): void;
  /** The host went away: stop and release resources. */
  kill(): void;
  /** Resolves with the exit status once the command has written all its output. */
  readonly exit: Promise<number>;
}

export interface BannerProps {
  readonly 'ro.product.name': string;
  readonly 'ro.product.model': string;
  readonly 'ro.product.device': string;
}

export type DeviceState = 'online' | 'offline';

export interface AndroidDevice {
  /** Values for the CNXN banner. */
  bannerProps(): BannerProps;
  /** Runs a command line with `sh -c` semantics (shell:, shell,v2:, exec:). */
  runShell(commandLine: string, out: CommandOutput, options?: { readonly pty?: boolean }): RunningCommand;
  /** abb / abb_exec: binder service name and its arguments (`package`, `install`, `-S`, `148`). */
  runAbb(argv: readonly string[], out: CommandOutput): RunningCommand;
  readonly fs: DeviceFs;
  /** `root:` service: the text adbd answers ("restarting adbd as root\n" / "adbd is already running as root\n"). */
  root(): string;
  /** `unroot:` service text. */
  unroot(): string;
  /** `remount:` service: output and whether it succeeded. */
  remount(): { readonly output: string; readonly ok: boolean };
  /**
   * `reboot:[target]`. The device goes offline at once (transports drop their connections) and
   * comes back online after its simulated boot; `onStateChange` reports both.
   */
  reboot(target: string): void;
  /** Subscribe to online/offline transitions; returns an unsubscribe function. */
  onStateChange(listener: (state: DeviceState) => void): () => void;
  readonly state: DeviceState;
  /**
   * `tcp:PORT`: a stream to a port a process on the device listens on (the UiAutomator2 server's
   * 6790), or undefined when nothing listens there. (Optional: a device may have no such ports.)
   */
  openPort?(port: number): ServiceStarter | undefined;
}
