/**
 * The Appium side of a run (DESIGN.md "Contracts added in turn 2"): when a selected scenario needs
 * UI (`requires: [appium]` or a `ui` step) the run needs an Appium server — $IMS_RIG_APPIUM_URL when
 * set, else one the rig starts through the launcher the CLI hands in (harness/appium: the runner
 * never imports the plugin) and stops after the run. Without an adb binary there is none: the
 * UiAutomator2 driver reaches devices only through platform-tools' adb, so `appium` is missing
 * with that reason (and the rest of the run goes on).
 */
import * as path from 'node:path';
import { type AdbEndpoint } from '../adb';
import { describeError } from '../errors';
import { type FullScenario } from '../model';
import { FLOWS_DIR } from '../paths';
import { type UiPluginConfig } from '../scenario/ui-runner';
import { effectiveRequirements } from '../targets/requirements';

/** How the CLI lets a run start Appium (implemented by harness/appium). */
export interface AppiumLauncher {
  /** Absolute path of the plugin module the suite loads (exports createUiRunner). */
  readonly pluginModule: string;
  /** `UiAutomator2 (appium-uiautomator2-driver x.y.z)` */
  readonly driver: string;
  /** Spawns the server; resolves before it is ready (loading Appium takes seconds): `ready` settles then. */
  start(options: { readonly adbBinary: string; readonly logFile: string }): Promise<{ readonly url: string; readonly version: string; readonly ready: Promise<void>; stop(): Promise<void> }>;
}

export interface UiSetup {
  readonly config?: UiPluginConfig;
  /** The Appium URL the probe checks ($IMS_RIG_APPIUM_URL). */
  readonly url?: string;
  /**
   * The server the rig started for this run: still loading when the run goes on. The probe takes it
   * as present; the UI runner waits for it before its first session (it is first needed well into a
   * run), so loading Appium overlaps the run instead of delaying it.
   */
  readonly started?: { readonly url: string; readonly ready: Promise<void> };
  /** Why there is no Appium server for this run (the `appium` capability is then missing with it). */
  readonly unavailable?: string;
  stop(): Promise<void>;
}

const NOTHING: UiSetup = { stop: () => Promise.resolve() };

export function needsUi(scenarios: readonly FullScenario[]): boolean {
  return scenarios.some((s) => effectiveRequirements(s).includes('appium'));
}

export async function prepareUi(input: {
  readonly scenarios: readonly FullScenario[];
  readonly endpoint: AdbEndpoint;
  readonly launcher?: AppiumLauncher;
  readonly outDir: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly note: (line: string) => void;
}): Promise<UiSetup> {
  if (!needsUi(input.scenarios)) return NOTHING;
  const env = input.env ?? process.env;
  const options = (url: string, version: string, server: 'started-by-ims-rig' | 'IMS_RIG_APPIUM_URL'): UiPluginConfig | undefined =>
    input.launcher === undefined ? undefined : {
      module: input.launcher.pluginModule,
      options: { url, serverVersion: version, server, driver: input.launcher.driver, adbPort: input.endpoint.port, flowsDir: FLOWS_DIR },
    };
  const external = env.IMS_RIG_APPIUM_URL;
  if (external !== undefined && external !== '') {
    const config = options(external.replace(/\/+$/, ''), 'external', 'IMS_RIG_APPIUM_URL');
    return { url: external, ...(config ? { config } : {}), stop: () => Promise.resolve() };
  }
  if (input.endpoint.kind !== 'adb-server' || input.endpoint.bin === undefined) {
    return { unavailable: "no adb binary on this machine: the UiAutomator2 driver reaches devices only through platform-tools' adb ($ANDROID_HOME/platform-tools/adb)", stop: () => Promise.resolve() };
  }
  if (input.launcher === undefined) return { unavailable: 'this run has no Appium launcher (set IMS_RIG_APPIUM_URL)', stop: () => Promise.resolve() };
  try {
    const server = await input.launcher.start({ adbBinary: input.endpoint.bin, logFile: path.join(input.outDir, 'appium.log') });
    let stopping = false;
    server.ready.catch((e: unknown) => {
      if (!stopping) input.note(`ims-rig: the Appium server did not start: ${describeError(e)}`);
    });
    const config = options(server.url, server.version, 'started-by-ims-rig');
    const stop = (): Promise<void> => {
      stopping = true;
      return server.stop();
    };
    return { started: { url: server.url, ready: server.ready }, ...(config ? { config } : {}), stop };
  } catch (e) {
    input.note(`ims-rig: could not start Appium: ${describeError(e)}`);
    return { unavailable: `the Appium server did not start: ${describeError(e)}`, stop: () => Promise.resolve() };
  }
}
