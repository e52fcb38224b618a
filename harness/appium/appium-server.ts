/**
 * The Appium server the rig starts when a run has UI steps and no $IMS_RIG_APPIUM_URL: the
 * project's own `appium` (node_modules) with the project as APPIUM_HOME, so the UiAutomator2
 * driver listed in package.json is found without `appium driver install` (INSTALL-NOTES.md), on a
 * free local port, stopped after the run. appium-adb needs an SDK-shaped ANDROID_HOME
 * (cts-and-reports.md §3.2: `$ANDROID_HOME/platform-tools/adb`): the rig makes one in a temporary
 * folder whose platform-tools/adb links to the adb the run uses, and whose build-tools links to
 * Debian's (aapt2 for `dump badging` when the driver installs its server APKs), as the probe did
 * (appium-probe REPORT.md §1).
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { freePort, waitForExit } from '../adb/host-process';
import { AdbError, TimeoutError } from '../errors';
import { PROJECT_ROOT } from '../paths';

export { freePort };

export interface AppiumServerOptions {
  /** The adb binary the run's adb server was started with. */
  readonly adbBinary: string;
  /** Where the server writes its log (debug level). */
  readonly logFile: string;
  /** How long to wait for /status (default 90 s: loading the driver takes a while on a busy machine). */
  readonly readyTimeoutMs?: number;
}

export interface RunningAppiumServer {
  readonly url: string;
  readonly version: string;
  readonly pid: number | undefined;
  stop(): Promise<void>;
}

/** A server launched but perhaps not answering yet: `ready` settles when /status does (or it failed). */
export interface LaunchedAppiumServer extends RunningAppiumServer {
  readonly ready: Promise<void>;
}

const DEBIAN_BUILD_TOOLS = '/usr/lib/android-sdk/build-tools';

/** A temporary SDK-shaped folder: platform-tools/adb → the real adb; build-tools → Debian's. */
export function makeAndroidHome(adbBinary: string): string {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ims-rig-android-home-'));
  fs.mkdirSync(path.join(home, 'platform-tools'));
  fs.symlinkSync(fs.realpathSync(adbBinary), path.join(home, 'platform-tools', 'adb'));
  if (fs.existsSync(DEBIAN_BUILD_TOOLS)) fs.symlinkSync(DEBIAN_BUILD_TOOLS, path.join(home, 'build-tools'));
  return home;
}

async function status(url: string): Promise<{ ready: boolean; version: string } | undefined> {
  try {
    const response = await fetch(`${url}/status`, { signal: AbortSignal.timeout(2_000) });
    if (!response.ok) return undefined;
    const body = (await response.json()) as { value?: { ready?: boolean; build?: { version?: string } } };
    return { ready: body.value?.ready !== false, version: body.value?.build?.version ?? 'unknown' };
  } catch {
    return undefined;
  }
}

/**
 * Spawns the server and returns at once: the URL is known (the rig picks the port), and loading
 * Appium and the driver (~2-7 s on a busy 2-core machine) overlaps the run's own start instead of
 * delaying it; whoever needs the server first awaits `ready` (harness/appium/flow-runner.ts polls
 * /status itself, being in another process).
 */
export async function launchAppiumServer(options: AppiumServerOptions): Promise<LaunchedAppiumServer> {
  const entry = path.join(path.dirname(require.resolve('appium/package.json', { paths: [PROJECT_ROOT] })), 'index.js');
  const androidHome = makeAndroidHome(options.adbBinary);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  fs.mkdirSync(path.dirname(options.logFile), { recursive: true });
  const child = spawn(process.execPath, [entry, 'server', '--address', '127.0.0.1', '--port', String(port),
    '--log-level', 'error:debug', '--log', options.logFile, '--log-no-colors', '--log-timestamp', '--local-timezone'], {
    env: { ...process.env, APPIUM_HOME: PROJECT_ROOT, ANDROID_HOME: androidHome, ANDROID_SDK_ROOT: androidHome },
    stdio: 'ignore',
  });
  const cleanup = (): void => fs.rmSync(androidHome, { recursive: true, force: true });
  let stopped = false;
  const stop = async (): Promise<void> => {
    stopped = true;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      if (!(await waitForExit(child, 10_000))) {
        child.kill('SIGKILL');
        await waitForExit(child, 2_000);
      }
    }
    cleanup();
  };
  process.once('exit', () => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  const timeoutMs = options.readyTimeoutMs ?? 90_000;
  const ready = (async (): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (stopped) throw new AdbError('the Appium server was stopped before it was ready');
      if (child.exitCode !== null) {
        cleanup();
        throw new AdbError(`the Appium server exited before it was ready (exit ${child.exitCode}); see ${options.logFile}`);
      }
      if ((await status(url))?.ready === true) return;
      if (Date.now() > deadline) {
        await stop();
        throw new TimeoutError(`the Appium server did not answer ${url}/status within ${timeoutMs} ms; see ${options.logFile}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  // Observed by whoever awaits it; never an unhandled rejection when nobody needs the server.
  ready.catch(() => undefined);
  return { url, version: localAppiumVersion() ?? 'unknown', pid: child.pid, ready, stop };
}

/** Launches the server and waits until it answers /status. */
export async function startAppiumServer(options: AppiumServerOptions): Promise<RunningAppiumServer> {
  const server = await launchAppiumServer(options);
  await server.ready;
  return server;
}

/** Polls `${url}/status` until the server says it is ready (a server started by another process). */
export async function waitForAppium(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await status(url))?.ready !== true) {
    if (Date.now() > deadline) throw new TimeoutError(`the Appium server at ${url} did not answer /status within ${timeoutMs} ms (see appium.log in the report directory)`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The project's own Appium (package.json), the server the rig starts: what its /status reports as build.version. */
export function localAppiumVersion(): string | undefined {
  return packageVersion('appium');
}

/** The UiAutomator2 driver the project installs (package.json), for reports. */
export function localDriverVersion(): string | undefined {
  return packageVersion('appium-uiautomator2-driver');
}

function packageVersion(name: string): string | undefined {
  try {
    const file = require.resolve(`${name}/package.json`, { paths: [PROJECT_ROOT] });
    return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version?: string }).version;
  } catch {
    return undefined;
  }
}
