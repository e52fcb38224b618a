/**
 * The seam between the scenario engine and the optional Appium plugin (harness/appium), which the
 * core never imports (DESIGN.md "Layout"): the runner loads the plugin by path at run time and
 * hands the engine something of this shape. A flow that cannot find an element comes back as
 * `ok: false` with the page source, and the engine makes the scenario an error — never a pass.
 */
import { type FlowArgs, type FlowOutcome } from '../model';
import { type AppiumSessionInfo, type UiScreenshot } from '../results';

export interface UiFlowRequest {
  readonly serial: string;
  readonly flow: string;
  readonly package: string;
  readonly args: FlowArgs;
}

export type UiFlowResult =
  | { readonly ok: true; readonly outcome: FlowOutcome; readonly session: AppiumSessionInfo; readonly screenshots: readonly UiScreenshot[] }
  | {
      readonly ok: false;
      readonly error: string;
      readonly session?: AppiumSessionInfo;
      readonly screenshots: readonly UiScreenshot[];
      /** The page source when the flow failed (captured before the session was closed). */
      readonly pageSource?: string;
    };

export interface UiRunner {
  runFlow(request: UiFlowRequest): Promise<UiFlowResult>;
  /**
   * The scenario's UI steps are over (called before the target is restored): the runner ends the
   * session it kept open for them — a scenario's `ui` steps share one Appium session.
   */
  endScenario(): Promise<void>;
  /** Ends what the runner holds (sessions); the Appium server itself belongs to whoever started it. */
  close(): Promise<void>;
}

/** What the runner's config names to load the plugin: `module` exports `createUiRunner(options)`. */
export interface UiPluginConfig {
  readonly module: string;
  readonly options: Readonly<Record<string, unknown>>;
}

export interface UiPluginModule {
  createUiRunner(options: Readonly<Record<string, unknown>>): UiRunner;
}
