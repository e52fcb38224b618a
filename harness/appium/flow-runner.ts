/**
 * The Appium plugin's UiRunner (harness/scenario/ui-runner.ts): one WebdriverIO session per `ui`
 * step against the Appium server, with the UiAutomator2 driver and the capabilities of
 * cts-and-reports.md §3.1 (`noReset`, no `app`), `autoLaunch: false` and the flow's activity
 * started with `mobile: startActivity` — without `-S`, because force-stopping ImsTestService
 * would also kill the ImsService the framework has bound. Flows are TypeScript under flows/,
 * loaded with ts-node at run time. Every screen the flow keeps is a PNG from the UiAutomator2
 * server's screenshot route; a failure keeps the page source.
 */
import * as path from 'node:path';
import { type AppiumSessionInfo, type UiScreenshot } from '../results';
import { type UiFlowRequest, type UiFlowResult, type UiRunner } from '../scenario/ui-runner';
import { freePort, waitForAppium } from './appium-server';
import { loadFlow } from './flow-loader';

export interface FlowRunnerOptions {
  readonly url: string;
  readonly serverVersion: string;
  readonly server: AppiumSessionInfo['server'];
  readonly driver: string;
  /** The adb server port appium-adb must use (`appium:adbPort`). */
  readonly adbPort: number;
  readonly flowsDir: string;
  /** How long the first session waits for a server the rig started to answer (default 120 s). */
  readonly serverReadyTimeoutMs?: number;
  /** How long element lookups wait (WebdriverIO waitforTimeout; default 5 s). */
  readonly waitForTimeoutMs?: number;
}

interface WdioBrowser {
  readonly sessionId: string;
  takeScreenshot(): Promise<string>;
  getPageSource(): Promise<string>;
  getCurrentPackage(): Promise<string>;
  getCurrentActivity(): Promise<string>;
  execute(script: string, ...args: unknown[]): Promise<unknown>;
  deleteSession(): Promise<void>;
}

type Remote = (options: Record<string, unknown>) => Promise<WdioBrowser>;


export function createFlowRunner(options: FlowRunnerOptions): UiRunner {
  // webdriverio's CommonJS entry (build/index.cjs) loads its ESM build on first use.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { remote } = require('webdriverio') as { remote: Remote };
  const url = new URL(options.url);

  let current: { serial: string; browser: WdioBrowser; session: AppiumSessionInfo } | undefined;
  /** Targets whose helper apps a session of this run has installed and checked (then skipped). */
  const initialised = new Set<string>();

  /**
   * Ends the scenario's session and waits for it: the driver's cleanup sends the target a dozen adb
   * commands (ps, force-stops, dumpsys, forward --remove, settings), and run alongside the restore's
   * reboot they raced it — a reboot refused with `closed` while the driver reconnected (seen on the
   * reference device under load). The session cannot outlive the scenario anyway: the restore reboots
   * the target (priv-app staging), which ends the UiAutomator2 instrumentation as on any device.
   */
  async function endSession(): Promise<void> {
    const open = current;
    current = undefined;
    if (open !== undefined) await open.browser.deleteSession().catch(() => undefined);
  }

  /** A server the rig started may still be loading when the run begins (harness/runner/ui-setup.ts). */
  let serverReady: Promise<void> | undefined;

  async function openSession(serial: string): Promise<{ browser: WdioBrowser; session: AppiumSessionInfo }> {
    if (current?.serial === serial) return current;
    await endSession();
    await (serverReady ??= options.server === 'started-by-ims-rig' ? waitForAppium(options.url, options.serverReadyTimeoutMs ?? 120_000) : Promise.resolve());
    const started = Date.now();
    const browser = await remote({
      hostname: url.hostname, port: Number(url.port), path: url.pathname === '' ? '/' : url.pathname, protocol: url.protocol.replace(':', ''),
      logLevel: 'silent', waitforTimeout: options.waitForTimeoutMs ?? 5_000, connectionRetryCount: 1,
      capabilities: {
        platformName: 'Android',
        'appium:automationName': 'UiAutomator2',
        'appium:udid': serial,
        'appium:noReset': true,
        'appium:autoLaunch': false,
        'appium:adbPort': options.adbPort,
        'appium:systemPort': await freePort(),
        'appium:suppressKillServer': true,
        // The udid is not emulator-NNNN: no mock-location helper (appium-probe REPORT.md §5.7).
        'appium:mockLocationApp': null,
        'appium:newCommandTimeout': 120,
        'appium:uiautomator2ServerLaunchTimeout': 60_000,
        'appium:uiautomator2ServerInstallTimeout': 120_000,
        'appium:adbExecTimeout': 60_000,
        // The run's first session installs and checks the driver's server and settings apps (the
        // rig never restores them away: harness/targets/device-state.ts); later ones skip that.
        ...(initialised.has(serial) ? { 'appium:skipServerInstallation': true, 'appium:skipDeviceInitialization': true, 'appium:skipLogcatCapture': true, 'appium:skipUnlock': true } : {}),
      },
    });
    initialised.add(serial);
    const session: AppiumSessionInfo = {
      sessionId: browser.sessionId, serverUrl: options.url, serverVersion: options.serverVersion, driver: options.driver,
      server: options.server, createMs: Date.now() - started,
    };
    current = { serial, browser, session };
    return current;
  }

  /** One `ui` step; the scenario's session is created at its first step and kept until endScenario. */
  async function runFlow(request: UiFlowRequest): Promise<UiFlowResult> {
    const screenshots: UiScreenshot[] = [];
    let flow;
    try {
      flow = loadFlow(path.join(options.flowsDir, `${request.flow}.ts`));
    } catch (e) {
      return { ok: false, error: e instanceof Error ? e.message : String(e), screenshots };
    }
    let opened;
    try {
      opened = await openSession(request.serial);
    } catch (e) {
      return { ok: false, error: `Appium session: ${e instanceof Error ? e.message : String(e)}`, screenshots };
    }
    const { browser, session } = opened;
    const screen = async (label: string): Promise<void> => {
      screenshots.push({ label, png: await browser.takeScreenshot() });
    };
    try {
      await browser.execute('mobile: startActivity', { component: `${request.package}/${flow.activity}`, wait: true });
      const outcome = await flow.run(browser, request.args, {
        package: request.package,
        screen,
        inForeground: async () => (await browser.getCurrentPackage()) === request.package,
      });
      await screen('end');
      return { ok: true, outcome, session, screenshots };
    } catch (e) {
      const pageSource = await browser.getPageSource().catch(() => undefined);
      await screen('failure').catch(() => undefined);
      // The screen is in an unknown state: the next step starts a new session.
      await endSession();
      return { ok: false, error: e instanceof Error ? e.message.split('\n')[0] ?? e.message : String(e), session, screenshots, ...(pageSource === undefined ? {} : { pageSource }) };
    }
  }

  return {
    runFlow,
    endScenario: endSession,
    close: endSession,
  };
}
