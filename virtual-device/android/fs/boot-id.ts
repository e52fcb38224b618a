/**
 * /proc/sys/kernel/random/boot_id: the kernel's random id of the current boot, a UUID that changes
 * at every boot and is readable by everyone (0444), as on any Linux and on Android. The rig reads it
 * to tie what it keeps on a target (its lock, a leftover snapshot) to one boot of that target.
 */
import { randomUUID } from 'node:crypto';
import { type MemoryFs, ROOT_CREDENTIALS } from './memory-fs';

export const BOOT_ID_PATH = '/proc/sys/kernel/random/boot_id';

/** Writes a fresh boot id (called at every boot) and returns it. */
export function writeBootId(fs: MemoryFs): string {
  const id = randomUUID();
  fs.mkdir('/proc/sys/kernel/random', ROOT_CREDENTIALS, { parents: true, mode: 0o555 });
  fs.writeFile(BOOT_ID_PATH, Buffer.from(`${id}\n`), ROOT_CREDENTIALS, { mode: 0o444 });
  return id;
}
