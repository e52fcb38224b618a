/**
 * Whether the `adb` binary (Debian's 29.0.6, or platform-tools) can run here. Protocol tests
 * that need a real adb server skip *with this reason* when it cannot.
 */
import { execFile, execFileSync } from 'node:child_process';

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

let cachedSync: boolean | undefined;

/** Synchronous form, for choosing `describe` or `describe.skip` while Jest collects tests. */
export function adbAvailableSync(): boolean {
  if (cachedSync === undefined) {
    try {
      cachedSync = /Android Debug Bridge/.test(execFileSync(adbBinary(), ['version'], { timeout: 10_000, encoding: 'utf8' }));
    } catch {
      cachedSync = false;
    }
  }
  return cachedSync;
}

/**
 * `describe` when adb can run, else `describe.skip` with the reason in the suite's name, so a
 * machine without adb reports the suite as skipped and why, never as passed.
 */
export function describeWithAdb(name: string, body: () => void): void {
  // Jest's globals, reached through globalThis so this module also compiles in the build (no jest types).
  const { describe } = globalThis as unknown as { describe: JestDescribe };
  if (adbAvailableSync()) describe(name, body);
  else describe.skip(`${name} [skipped: ${NO_ADB_REASON}]`, body);
}

type JestDescribe = ((name: string, body: () => void) => void) & { skip: (name: string, body: () => void) => void };

/** The reason to print when skipping because adb is missing. */
export const NO_ADB_REASON = 'no adb binary on this machine (install Debian `adb` or platform-tools, or set IMS_RIG_ADB)';
