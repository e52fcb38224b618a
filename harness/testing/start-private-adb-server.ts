/**
 * A real adb server of the test's own, on a free port, so tests never touch the default server on
 * 5037 nor each other (COMMON.md "House rules"). Each server gets a private HOME (its own
 * ~/.android/adbkey, no race between parallel servers creating it) and does not scan the
 * emulator ports 5555-5585, so a reference device someone runs on 5555 does not show up in
 * every test's device list as `emulator-5554`.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Adb, { type Client } from '@devicefarmer/adbkit';
import { adbBinary } from './adb-available';
import { freePort } from './free-port';

export interface AdbResult {
  readonly stdout: string;
  readonly stderr: string;
  /** Exit status; null when the process was killed (timeout). */
  readonly code: number | null;
}

export interface AdbRunOptions {
  /** Bytes for adb's stdin (else stdin is closed at once). */
  readonly input?: string | Buffer;
  /** Kill adb after this long (default 60 s). */
  readonly timeoutMs?: number;
  /** Working directory (for push/pull relative paths). */
  readonly cwd?: string;
}

export interface PrivateAdbServer {
  readonly port: number;
  /** Runs `adb -P <port> <args>` against this server. */
  adb(args: readonly string[], options?: AdbRunOptions): Promise<AdbResult>;
  /** An adbkit client talking to this server. */
  readonly client: Client;
  /** `adb connect <serial>`; rejects unless adb says `connected to` / `already connected to`. */
  connect(serial: string): Promise<void>;
  /** `adb kill-server` and removes the private HOME. */
  stop(): Promise<void>;
}

export async function startPrivateAdbServer(): Promise<PrivateAdbServer> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ims-rig-adb-home-'));
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, ADB_LOCAL_TRANSPORT_MAX_PORT: '5553' };
  delete env.ANDROID_SDK_HOME;
  delete env.ANDROID_USER_HOME;
  delete env.ANDROID_ADB_SERVER_PORT;
  delete env.ANDROID_SERIAL;

  let port = 0;
  let started = false;
  for (let attempt = 0; attempt < 3 && !started; attempt += 1) {
    port = await freePort();
    const result = await runAdb(['-P', String(port), 'start-server'], env, { timeoutMs: 30_000 });
    started = result.code === 0;
    if (!started && attempt === 2) {
      fs.rmSync(home, { recursive: true, force: true });
      throw new Error(`adb -P ${port} start-server failed (${String(result.code)}): ${result.stderr.trim()}`);
    }
  }

  const adb = (args: readonly string[], options: AdbRunOptions = {}): Promise<AdbResult> =>
    runAdb(['-P', String(port), ...args], env, options);

  return {
    port,
    adb,
    client: Adb.createClient({ host: '127.0.0.1', port, bin: adbBinary() }),
    async connect(serial) {
      const result = await adb(['connect', serial], { timeoutMs: 30_000 });
      // `adb connect` exits 0 even when it failed: the text says (adb-protocol.md §7 pitfall 7).
      if (!/\b(already )?connected to\b/.test(result.stdout)) {
        throw new Error(`adb connect ${serial} failed: ${(result.stdout + result.stderr).trim()}`);
      }
    },
    async stop() {
      await runAdb(['-P', String(port), 'kill-server'], env, { timeoutMs: 15_000 });
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
}

function runAdb(args: readonly string[], env: NodeJS.ProcessEnv, options: AdbRunOptions): Promise<AdbResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(adbBinary(), [...args], { env, cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => stdout.push(d));
    child.stderr.on('data', (d: Buffer) => stderr.push(d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8'), code });
    });
    child.stdin.on('error', () => undefined); // adb may exit before reading all of its stdin
    child.stdin.end(options.input);
  });
}
