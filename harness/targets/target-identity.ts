/**
 * Which target, and which boot of it, the rig is talking to. A serial names a transport, not a
 * device: `127.0.0.1:5555` may be one emulator today and another tomorrow, which is how a dead
 * device's leftovers once reached a different one (issue 11). What the rig keeps on a target (its
 * lock, a leftover snapshot) therefore lives on the target itself and records the target's build
 * fingerprint and the kernel's boot id next to the serial it was reached by.
 */
import { type AdbDevice } from '../adb';
import { bootIdCommand, parseBootId } from '../android';

export interface TargetIdentity {
  /** The adb serial the rig used (a transport name). */
  readonly serial: string;
  /** ro.build.fingerprint: the same device keeps it across boots, a reflash changes it. */
  readonly fingerprint: string;
  /** /proc/sys/kernel/random/boot_id, when the target shows it: changes at every boot. */
  readonly bootId?: string;
}

export type IdentityDevice = Pick<AdbDevice, 'serial' | 'shell'>;

/** Reads the boot id (one shell round trip); undefined when the target does not show one. */
export async function readBootId(device: IdentityDevice): Promise<string | undefined> {
  const result = await device.shell(bootIdCommand(), { timeoutMs: 15_000 });
  return result.exitCode === 0 ? parseBootId(result.stdout) : undefined;
}

export function targetIdentity(serial: string, fingerprint: string, bootId: string | undefined): TargetIdentity {
  return { serial, fingerprint, ...(bootId === undefined ? {} : { bootId }) };
}

/** How `now` relates to the identity a record was made with: the same boot, a reboot, another build. */
export function compareIdentity(then: TargetIdentity, now: TargetIdentity): 'same-boot' | 'rebooted' | 'unknown-boot' | 'other-build' {
  if (then.fingerprint !== '' && now.fingerprint !== '' && then.fingerprint !== now.fingerprint) return 'other-build';
  if (then.bootId === undefined || now.bootId === undefined) return 'unknown-boot';
  return then.bootId === now.bootId ? 'same-boot' : 'rebooted';
}
