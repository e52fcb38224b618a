/**
 * The device-service layer both front doors share: a simulated Android (AndroidDevice) plus the
 * adbd feature list it advertises and the ports listening on it. `open(name)` turns a service
 * string into a stream starter, or refuses it.
 */
import { type AndroidDevice } from '../device/android-device';
import { commandService } from './command-service';
import { DeviceSockets } from './device-sockets';
import { type ServiceStarter } from './device-stream';
import { rebootService } from './reboot-service';
import { parseServiceName } from './service-name';
import { syncService } from './sync-service';
import { textService } from './text-service';

/**
 * What adbd 29.0.6 advertises (adb-protocol.md §2), all of which the services here implement.
 * Never `delayed_ack` (OPEN/OKAY change meaning) nor `sendrecv_v2*` (SND2/RCV2 are not served).
 */
export const ADBD_FEATURES = [
  'shell_v2', 'cmd', 'stat_v2', 'ls_v2', 'fixed_push_mkdir', 'apex', 'abb',
  'fixed_push_symlink_timestamp', 'abb_exec', 'remount_shell',
] as const;

export type AdbdFeature = (typeof ADBD_FEATURES)[number];

export interface DeviceEndpointOptions {
  /**
   * Features to advertise (default: all of ADBD_FEATURES). Fewer makes clients take their older
   * paths: without `abb_exec` adb installs through `exec:cmd`, without `cmd` by push + `pm`,
   * without `shell_v2` shells are raw (no exit status).
   */
  readonly features?: readonly string[];
}

export class DeviceEndpoint {
  readonly features: readonly AdbdFeature[];
  /** Ports listening on the device (`tcp:PORT` services, the far end of forwards). */
  readonly sockets = new DeviceSockets();
  private readonly restartListeners = new Set<() => void>();

  constructor(
    readonly device: AndroidDevice,
    options: DeviceEndpointOptions = {},
  ) {
    this.features = checkFeatures(options.features ?? ADBD_FEATURES);
  }

  /**
   * Subscribes to adbd restarts: after `adb root`/`adb unroot` changed the mode, adbd exits and
   * init starts it again (daemon/restart_service.cpp), so every host connection drops while the
   * device stays up. adb 29's `adb root` waits for that disconnect (commandline.cpp adb_root).
   */
  onAdbdRestart(listener: () => void): () => void {
    this.restartListeners.add(listener);
    return () => this.restartListeners.delete(listener);
  }

  private restartAdbdIf(answer: string): void {
    if (!/^restarting adbd/m.test(answer)) return; // "already running as root", "cannot run as root"
    for (const listener of [...this.restartListeners]) listener();
  }

  /** A starter for the named service, or undefined when the device refuses it (adbd's CLSE(0, id)). */
  open(name: string): ServiceStarter | undefined {
    if (this.device.state !== 'online') return undefined;
    const request = parseServiceName(name);
    if (request === undefined) return undefined;
    const device = this.device;
    switch (request.kind) {
      case 'shell': {
        const { command, pty } = request;
        return commandService((out) => device.runShell(command, out, { pty }), {
          framing: request.protocol === 'v2' ? 'shell-protocol' : 'raw',
          pty,
        });
      }
      case 'exec':
        return commandService((out) => device.runShell(request.command, out), { framing: 'raw', pty: false });
      case 'abb':
        return commandService((out) => device.runAbb(request.argv, out), {
          framing: request.framed ? 'shell-protocol' : 'raw',
          pty: false,
        });
      case 'sync':
        return syncService(device.fs);
      case 'reboot':
        return rebootService(device, request.target);
      case 'root':
        return textService(() => device.root(), (text) => this.restartAdbdIf(text));
      case 'unroot':
        return textService(() => device.unroot(), (text) => this.restartAdbdIf(text));
      case 'remount':
        return textService(() => device.remount().output);
      case 'tcp':
        return this.sockets.connect(request.port) ?? device.openPort?.(request.port);
    }
  }
}

function checkFeatures(features: readonly string[]): AdbdFeature[] {
  const known: readonly string[] = ADBD_FEATURES;
  const unknown = features.filter((f) => !known.includes(f));
  if (unknown.length > 0) {
    throw new Error(`adbd features not implemented by the reference device: ${unknown.join(', ')} (known: ${known.join(', ')})`);
  }
  return [...new Set(features)] as AdbdFeature[];
}
