/**
 * Whether the `adb` binary (Debian's 29.0.6, or platform-tools) can run here. Protocol tests
 * that need a real adb server skip *with this reason* when it cannot.
 */
import { execFile } from 'node:child_process';

let cached: Promise<boolean> | undefined;

/** The adb binary tests use: $IMS_RIG_ADB, else `adb` on PATH. */
export function adbBinary(): string {
  return process.env.IMS_RIG_ADB ?? 'adb';
}

export function adbAvailable(): Promise<boolean> {
  cached ??= new Promise((resolve) => {
    execFile(adbBinary(), ['version'], { timeout: 10_000 }, (error, stdout) => resolve(error === null && /Android Debug Bridge/.test(stdout)));
  });
  return cached;
}

/** The reason to print when skipping because adb is missing. */
export const NO_ADB_REASON = 'no adb binary on this machine (install Debian `adb` or platform-tools, or set IMS_RIG_ADB)';
