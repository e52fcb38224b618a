/**
 * What a UI flow is: a module under flows/ whose default export names the activity it starts from
 * and runs against a WebdriverIO browser (an Appium UiAutomator2 session on the target), returning
 * what the app's screens showed (harness/model/ui-flow.ts). Flows are loaded at run time with
 * ts-node: add a file, name it from a scenario's `ui` step, no build step.
 *
 *   export default defineFlow({ activity: '.MainActivity', async run(browser, args, kit) { … } });
 *
 * `kit.screen(label)` keeps a screenshot for the report (in order). A flow that cannot find an
 * element throws (WebdriverIO's own error): the step is an error with the page source attached.
 */
import type { Browser } from 'webdriverio';
import type { FlowArgs, FlowOutcome } from '../../harness/model/ui-flow';

export interface FlowKit {
  /** The app's package (the scenario step's `package`). */
  readonly package: string;
  /** Keeps a screenshot of the screen as it is now, labelled, for the report. */
  screen(label: string): Promise<void>;
  /** Whether the app is still in front (after a crash it is not: the launcher or the app below is). */
  inForeground(): Promise<boolean>;
}

export interface FlowModule {
  /** The activity the flow starts from (`.MainActivity`), started with `am start-activity -n`. */
  readonly activity: string;
  run(browser: Browser, args: FlowArgs, kit: FlowKit): Promise<FlowOutcome>;
}

export function defineFlow(flow: FlowModule): FlowModule {
  return flow;
}

/** A UiSelector on a full resource id (the reliable selector, observability §2). */
export function byId(pkg: string, id: string): string {
  return `android=new UiSelector().resourceId("${pkg}:id/${id}")`;
}

/** A string argument, or the default. */
export function stringArg(args: FlowArgs, name: string, fallback: string): string {
  const v = args[name];
  return typeof v === 'string' ? v : fallback;
}

/** A list argument (a single string counts as a one-element list), or the default. */
export function listArg(args: FlowArgs, name: string, fallback: readonly string[]): readonly string[] {
  const v = args[name];
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : fallback;
}

/** Waits until `read` returns something `done` accepts (app callbacks arrive asynchronously). */
export async function until<T>(browser: Browser, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 5_000): Promise<T> {
  let last = await read();
  const deadline = Date.now() + timeoutMs;
  while (!done(last) && Date.now() < deadline) {
    await browser.pause(150);
    last = await read();
  }
  return last;
}
