/**
 * What `ims-rig run` hands the suite it runs under Jest: one JSON file, named by an environment
 * variable (Jest test files take no arguments). Everything the suite needs to reach the target and
 * run the plan is in it, including the resolved scenarios, so the suite runs exactly what the CLI
 * validated.
 */
import * as fs from 'node:fs';
import { type AdbEndpoint } from '../adb';
import { UsageError } from '../errors';
import { type Capability, type FullScenario } from '../model';
import { type TargetInfo } from '../results';
import { type InProcessEndpointRef } from '../targets/in-process-target';
import { type Waiver } from '../scenario/waivers';
import { type UiPluginConfig } from '../scenario/ui-runner';
import { type TargetRoutes } from '../targets/target-routes';
import { type TargetWaits } from '../targets/resolve';
import { type LeftoverRun } from '../targets/target-leftover';
import { type TargetIdentity } from '../targets/target-identity';

export const RUN_CONFIG_ENV = 'IMS_RIG_RUN_CONFIG';

export interface RunConfig {
  readonly version: 1;
  readonly target: {
    readonly serial: string;
    /** The adb server (or door) to reach it through, or `in-process` (./in-process-registry.ts). */
    readonly endpoint: AdbEndpoint | InProcessEndpointRef;
    readonly info: TargetInfo;
    readonly capabilities: readonly Capability[];
    /** How stimuli reach this target (probe findings); absent in configs of older rigs. */
    readonly routes?: TargetRoutes;
    /** How long to wait for its reboot and its return (harness/targets/resolve.ts). */
    readonly waits?: TargetWaits;
  };
  /** The scenarios to run, in order (already filtered and sharded). */
  readonly scenarios: readonly FullScenario[];
  readonly waivers: readonly Waiver[];
  readonly eventsFile: string;
  /** ./run-control.ts */
  readonly controlFile: string;
  /** What a scenario's snapshot kept on the target records about the target and the run. */
  readonly leftover: { readonly target: TargetIdentity; readonly run: LeftoverRun };
  /** The run's tally of target reboots (harness/targets/target-clock.ts). */
  readonly targetClockFile?: string;
  /** Per-scenario numbers (round trips, stimuli, observations) as JSON lines, for the benchmark. */
  readonly statsFile?: string;
  readonly retries: number;
  readonly settleTimeoutMs?: number;
  readonly scenarioTimeoutMs?: number;
  readonly apkCacheDir?: string;
  /** The UI plugin to load for `ui` steps (module path + its options), when the run has an Appium server. */
  readonly ui?: UiPluginConfig;
}

export function writeRunConfig(file: string, config: RunConfig): void {
  fs.writeFileSync(file, JSON.stringify(config));
}

/** Reads the config named by $IMS_RIG_RUN_CONFIG (UsageError when the suite is run without `ims-rig run`). */
export function readRunConfig(file: string | undefined = process.env[RUN_CONFIG_ENV]): RunConfig {
  if (file === undefined || file === '') {
    throw new UsageError(`suites/conformance.suite is run by \`ims-rig run\` (no ${RUN_CONFIG_ENV} in the environment)`);
  }
  const config = JSON.parse(fs.readFileSync(file, 'utf8')) as RunConfig;
  if (config.version !== 1) throw new UsageError(`${file}: unknown run-config version ${String(config.version)}`);
  return config;
}

/** One scenario's numbers, appended to statsFile. */
export interface ScenarioStats {
  readonly id: string;
  readonly status: string;
  readonly durationMs: number;
  readonly roundTrips: number;
  readonly byKind: Readonly<Record<string, number>>;
  /** Device actions the scenario's world and steps need (provisioning + steps). */
  readonly stimuli: number;
  /** check and checkGrants observations (one read each at least). */
  readonly observations: number;
}
