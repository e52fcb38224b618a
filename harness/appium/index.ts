/**
 * The optional Appium plugin (DESIGN.md "Layout": the core never imports it). The CLI uses
 * `appiumLauncher` to start a server for a run; the conformance suite loads this module by path at
 * run time and calls `createUiRunner` (harness/scenario/ui-runner.ts UiPluginModule).
 */
import { type UiRunner } from '../scenario/ui-runner';
import { createFlowRunner, type FlowRunnerOptions } from './flow-runner';

export { startAppiumServer, localDriverVersion, type RunningAppiumServer } from './appium-server';

export function createUiRunner(options: Readonly<Record<string, unknown>>): UiRunner {
  return createFlowRunner(options as unknown as FlowRunnerOptions);
}
