/**
 * Finding the `adb` executable and starting its server, in appium-adb's order
 * (cts-and-reports.md §3.2): `$ADB`, then PATH, then `$ANDROID_HOME` / `$ANDROID_SDK_ROOT`
 * `platform-tools/adb`.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AdbError } from '../errors';

export const DEFAULT_ADB_SERVER_PORT = 5037;

type Env = Readonly<Record<string, string | undefined>>;

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The adb binary to use, or undefined when the machine has none. */
export function findAdbBinary(env: Env = process.env): string | undefined {
  const exe = process.platform === 'win32' ? 'adb.exe' : 'adb';
  const explicit = env.ADB;
  if (explicit !== undefined && explicit !== '' && isExecutable(explicit)) return explicit;
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (dir === '') continue;
    const candidate = path.join(dir, exe);
    if (isExecutable(candidate)) return candidate;
  }
  for (const root of [env.ANDROID_HOME, env.ANDROID_SDK_ROOT]) {
    if (root === undefined || root === '') continue;
    const candidate = path.join(root, 'platform-tools', exe);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

/** The adb server port: `$ANDROID_ADB_SERVER_PORT` (adb's own variable), else 5037. */
export function adbServerPort(env: Env = process.env): number {
  const raw = env.ANDROID_ADB_SERVER_PORT;
  if (raw === undefined || raw === '') return DEFAULT_ADB_SERVER_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    throw new AdbError(`ANDROID_ADB_SERVER_PORT=${raw} is not a TCP port`);
  }
  return port;
}

export interface AdbRunResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number;
}

/** Runs the adb binary itself (only for server lifecycle: start-server / kill-server). */
export function runAdbBinary(bin: string, args: readonly string[], timeoutMs = 30_000): Promise<AdbRunResult> {
  return new Promise((resolve, reject) => {
    execFile(bin, [...args], { timeout: timeoutMs, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') {
        reject(new AdbError(`${bin} ${args.join(' ')} failed: ${error.message}`, { cause: error }));
        return;
      }
      resolve({ stdout, stderr, code: typeof error?.code === 'number' ? error.code : 0 });
    });
  });
}

/** `adb -P <port> start-server` (a no-op when it already runs). */
export async function startAdbServer(bin: string, port: number): Promise<void> {
  const result = await runAdbBinary(bin, ['-P', String(port), 'start-server']);
  if (result.code !== 0) {
    throw new AdbError(`could not start the adb server on port ${port}: ${(result.stderr || result.stdout).trim()}`);
  }
}

/** `adb -P <port> kill-server`. */
export async function killAdbServer(bin: string, port: number): Promise<void> {
  await runAdbBinary(bin, ['-P', String(port), 'kill-server']);
}
