/**
 * The whole suite as `ims-rig run --target virtual [--profile emulator]` runs it, once per profile
 * of the reference device: the default one (the rig's own tool, ims-rig-device) and the stock API
 * 35 emulator one (stock means only: run-level staging, reboots, cc, cmd overlay, am broadcast).
 * Per profile: wall time, scenarios run (not skipped), adb round trips per scenario that ran, the
 * target's own uptime over the run (summary.targetSeconds: on the reference device its AOSP-timed
 * clock, so the emulator figure projects a real emulator's run) and the reboots it took.
 * Through a private adb server when adb is installed (never the user's 5037), else the door.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { findAdbBinary } from '../adb';
import { type ScenarioStats } from '../runner/run-config';
import { runSuites } from '../runner/run-suites';
import { startPrivateAdbServer, type PrivateAdbServer } from '../testing';
import { type BenchResult } from './main';

const PROFILES = ['default', 'emulator'] as const;

async function measure(profile: (typeof PROFILES)[number]): Promise<BenchResult[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `ims-rig-bench-${profile}-`));
  const statsFile = path.join(dir, 'stats.jsonl');
  const start = performance.now();
  const outcome = await runSuites({ target: 'virtual', profile, out: path.join(dir, 'run'), progress: false, statsFile, handleSignals: false, note: () => undefined });
  const seconds = (performance.now() - start) / 1000;
  const stats = fs.readFileSync(statsFile, 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as ScenarioStats);
  const ran = stats.filter((s) => s.status !== 'skip');
  const { summary } = outcome.result;
  const total = summary.total ?? outcome.result.scenarios.length;
  const bad = summary.fail + summary.error;
  const label = `--profile ${profile}${bad > 0 ? ` (NOT GREEN: ${summary.fail} failed, ${summary.error} errors)` : ''}`;
  fs.rmSync(dir, { recursive: true, force: true });
  return [
    { name: `full suite wall time, ${label}`, value: round(seconds), unit: 's' },
    { name: `  scenarios run (not skipped) of ${total}, ${label}`, value: total - summary.skip, unit: 'scenarios', goal: profile === 'emulator' ? '≥ 90% of the suite' : '' },
    { name: `  adb round trips per scenario run, ${label}`, value: round(ran.reduce((n, s) => n + s.roundTrips, 0) / Math.max(1, ran.length)), unit: 'round trips' },
    { name: `  target uptime over the run (summary.targetSeconds), ${label}`, value: round(summary.targetSeconds ?? Number.NaN), unit: 's', goal: profile === 'emulator' ? '≤ 1,200 s' : '' },
    { name: `  target reboots, ${label}`, value: summary.targetReboots ?? Number.NaN, unit: 'reboots' },
  ];
}

export async function run(): Promise<BenchResult[]> {
  let server: PrivateAdbServer | undefined;
  const saved = process.env.ANDROID_ADB_SERVER_PORT;
  if (findAdbBinary() !== undefined) {
    server = await startPrivateAdbServer();
    process.env.ANDROID_ADB_SERVER_PORT = String(server.port);
  }
  try {
    const results: BenchResult[] = [];
    for (const profile of PROFILES) results.push(...(await measure(profile)));
    return results;
  } finally {
    if (saved === undefined) delete process.env.ANDROID_ADB_SERVER_PORT;
    else process.env.ANDROID_ADB_SERVER_PORT = saved;
    await server?.stop();
  }
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
