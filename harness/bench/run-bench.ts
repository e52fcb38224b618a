/**
 * Scenario throughput on the reference device: the doc-table scenarios run by the scenario engine
 * (snapshot, provisioning, settle, observe, restore — everything `ims-rig run` does per scenario
 * but Jest) through a real adb server and through the reference device's built-in door. Reported
 * next to each other: scenarios per second, adb round trips per scenario against the minimum the
 * scenario needs (its stimuli + observations), and the raw `adb shell true` latency measured on
 * the same connection in the same run.
 */
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { AdbHost, findAdbBinary, shellCommand, type AdbDevice } from '../adb';
import { type FullScenario } from '../model';
import { SUITES_DIR } from '../paths';
import { type EventInput } from '../results';
import { runScenario } from '../scenario/engine';
import { NO_WAIVERS } from '../scenario/engine-diff';
import { loadScenario } from '../scenario/loader';
import { ApkCache } from '../targets/app-realiser';
import { probeTarget } from '../targets/probe';
import { runInEpochs } from '../targets/run-staging';
import { createSession } from '../targets/target-session';
import { startPrivateAdbServer, startReferenceDevice } from '../testing';

export interface BenchResult { readonly name: string; readonly value: number; readonly unit: string; readonly goal?: string }

const ROUNDS = 3;
const SHELL_TRUE_CALLS = 200;
const TIME_SCALE = 0.01;
const DOC_TABLE = ['carrier-a', 'carrier-b', 'no-sim'].map((n) => path.join(SUITES_DIR, 'priority', `doc-table-${n}.yaml`));

interface PathNumbers {
  readonly scenarios: number;
  readonly seconds: number;
  readonly trips: number;
  readonly minimum: number;
  readonly byKind: Record<string, number>;
  readonly shellTrueMs: number;
  readonly failures: string[];
}

async function shellTrueLatency(device: AdbDevice): Promise<number> {
  const command = shellCommand('true');
  await device.shell(command);
  const start = performance.now();
  for (let i = 0; i < SHELL_TRUE_CALLS; i++) await device.shell(command);
  return (performance.now() - start) / SHELL_TRUE_CALLS;
}

async function measure(adb: AdbDevice, via: 'adb-server' | 'built-in-server', scenarios: readonly FullScenario[]): Promise<PathNumbers> {
  const probe = await probeTarget(adb, { via });
  const session = createSession(adb, probe.info, probe.capabilities, probe.routes);
  session.rooted = (await adb.root({ timeoutMs: 30_000 })).ok;
  const apks = new ApkCache();
  const emit = (_e: EventInput): void => undefined;
  // One unmeasured round stages what the scenarios need (as `ims-rig run` does, one reboot) and
  // warms the APK cache and the device's package parser.
  await runInEpochs(session, scenarios, { apks, log: [], keepList: false }, (s) => runScenario(s, { session, apks, emit, waivers: NO_WAIVERS }));
  let trips = 0;
  let minimum = 0;
  const byKind: Record<string, number> = {};
  const failures: string[] = [];
  const start = performance.now();
  for (let round = 0; round < ROUNDS; round++) {
    for (const s of scenarios) {
      const outcome = await runScenario(s, { session, apks, emit, waivers: NO_WAIVERS });
      if (outcome.status !== 'pass') failures.push(`${s.id}: ${outcome.status} ${outcome.reason ?? ''}`);
      trips += outcome.roundTrips.total;
      minimum += outcome.stimuli + outcome.observations;
      for (const [k, n] of Object.entries(outcome.roundTrips.byKind)) byKind[k] = (byKind[k] ?? 0) + n;
    }
  }
  const seconds = (performance.now() - start) / 1000;
  return { scenarios: ROUNDS * scenarios.length, seconds, trips, minimum, byKind, shellTrueMs: await shellTrueLatency(adb), failures };
}

function rows(label: string, n: PathNumbers): BenchResult[] {
  const per = (x: number): number => round(x / n.scenarios);
  const top = Object.entries(n.byKind).sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, v]) => `${k} ${per(v)}`).join(', ');
  return [
    { name: `scenarios per second, doc table ×${ROUNDS}, ${label}${n.failures.length > 0 ? ` (NOT ALL PASSED: ${n.failures.join('; ')})` : ''}`, value: round(n.scenarios / n.seconds), unit: 'scenarios/s' },
    { name: `adb round trips per scenario, ${label} (${top})`, value: per(n.trips), unit: 'round trips' },
    { name: `  of which the scenario needs (stimuli + observations), ${label}`, value: per(n.minimum), unit: 'round trips' },
    { name: `adb shell true latency, ${label}`, value: round(n.shellTrueMs), unit: 'ms' },
  ];
}

export async function run(): Promise<BenchResult[]> {
  const scenarios = await Promise.all(DOC_TABLE.map((f) => loadScenario(f)));
  const results: BenchResult[] = [];

  const device = await startReferenceDevice({ timeScale: TIME_SCALE });
  try {
    if (findAdbBinary() !== undefined) {
      const server = await startPrivateAdbServer();
      try {
        await server.connect(device.serial);
        const host = new AdbHost({ host: '127.0.0.1', port: server.port, kind: 'adb-server' });
        await host.waitForDevice(device.serial, { timeoutMs: 30_000 });
        results.push(...rows(`real adb server, time scale ${TIME_SCALE}`, await measure(host.device(device.serial), 'adb-server', scenarios)));
      } finally {
        await server.stop();
      }
    }
    const door = new AdbHost({ host: '127.0.0.1', port: device.serverPort ?? 0, kind: 'built-in-server' });
    await door.waitForDevice(device.serial, { timeoutMs: 30_000 });
    results.push(...rows(`built-in server door, time scale ${TIME_SCALE}`, await measure(door.device(device.serial), 'built-in-server', scenarios)));
  } finally {
    await device.stop();
  }
  return results;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
