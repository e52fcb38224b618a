/**
 * The full default suite, end to end as a user runs it (`ims-rig run` as a child process, reports
 * written): in process (`--transport in-process`: the reference device inside the rig, no TCP) and
 * as `npm start` runs it (through a private real adb server when adb is installed, else the
 * device's door). Printed: suite wall time, scenarios per second, the run's CPU time, and adb
 * round trips per scenario — made, against the ones its stimuli and observations need (goal: at
 * most 1.5 times). Verdicts that differ from suites/verdicts.yaml are named in the row.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { projectPath } from '../paths';
import { type RunResult } from '../results';
import { type ScenarioStats } from '../runner/run-config';
import { adbAvailable } from '../testing/adb-available';
import { verdictChanges } from '../testing/expected-verdicts';
import { startPrivateAdbServer } from '../testing/start-private-adb-server';
import { type BenchResult } from './main';

interface SuiteRun {
  readonly wallSeconds: number;
  readonly cpuSeconds: number;
  readonly exitCode: number | null;
  readonly stats: readonly ScenarioStats[];
  readonly result: RunResult;
}

/** Runs `ims-rig run <args>` and measures it (wall from spawn to exit; CPU of the child from its rusage). */
function runCli(args: readonly string[], env: NodeJS.ProcessEnv): Promise<SuiteRun> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'ims-rig-suite-bench-'));
  const statsFile = path.join(out, 'stats.jsonl');
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn('/bin/sh', ['-c', 'node "$0" run --no-progress "$@"; code=$?; cat /proc/$$/stat >&3 2>/dev/null; exit $code', projectPath('bin', 'ims-rig.js'), ...args, '--out', out, '--stats', statsFile],
      { env: { ...env, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
    const stderr: Buffer[] = [];
    const stat: Buffer[] = [];
    child.stderr?.on('data', (d: Buffer) => stderr.push(d));
    (child.stdio[3] as NodeJS.ReadableStream | null)?.on('data', (d: Buffer) => stat.push(d));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
      try {
        const result = JSON.parse(fs.readFileSync(path.join(out, 'results.json'), 'utf8')) as RunResult;
        const stats = fs.readFileSync(statsFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as ScenarioStats);
        resolve({ wallSeconds, cpuSeconds: childCpuSeconds(Buffer.concat(stat).toString('utf8')), exitCode: code, stats, result });
      } catch (e) {
        reject(new Error(`ims-rig run ${args.join(' ')} exited ${String(code)} without a report: ${Buffer.concat(stderr).toString('utf8').slice(-500)} (${String(e)})`));
      } finally {
        fs.rmSync(out, { recursive: true, force: true });
      }
    });
  });
}

/** cutime + cstime of the shell (its waited-for children: the CLI and what it waited for), from /proc/<pid>/stat. */
function childCpuSeconds(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[13]) + Number(fields[14]);
  return Number.isFinite(ticks) ? ticks / 100 : Number.NaN;
}

function rows(label: string, run: SuiteRun): BenchResult[] {
  const n = run.stats.length;
  const made = run.stats.reduce((a, s) => a + s.roundTrips, 0) / n;
  const needed = run.stats.reduce((a, s) => a + s.stimuli + s.observations, 0) / n;
  const changes = verdictChanges(run.result);
  const verdicts = changes.length === 0 ? 'verdicts as suites/verdicts.yaml' : `VERDICTS CHANGED: ${changes.join(', ')}`;
  return [
    { name: `full default suite wall time, ${label} (${n} scenarios, exit ${String(run.exitCode)}, ${verdicts})`, value: round(run.wallSeconds), unit: 's', goal: '≤ 15' },
    { name: `  scenarios per second, ${label}`, value: round(n / run.wallSeconds), unit: 'scenarios/s' },
    { name: `  CPU time of the run (user + sys), ${label}`, value: round(run.cpuSeconds), unit: 's' },
    { name: `  round trips per scenario made, ${label}`, value: round(made), unit: 'round trips' },
    { name: `  round trips per scenario needed (stimuli + observations), ${label}`, value: round(needed), unit: 'round trips' },
    { name: `  made / needed, ${label}`, value: round(made / needed), unit: '×', goal: '≤ 1.5' },
  ];
}

export async function run(): Promise<BenchResult[]> {
  const results = rows('in process', await runCli(['--transport', 'in-process'], process.env));
  if (await adbAvailable()) {
    const server = await startPrivateAdbServer();
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, ANDROID_ADB_SERVER_PORT: String(server.port) };
      delete env.ANDROID_SERIAL;
      results.push(...rows('npm start path (real adb server)', await runCli(['--target', 'virtual'], env)));
    } finally {
      await server.stop();
    }
  } else {
    results.push(...rows('npm start path (built-in server door)', await runCli(['--target', 'virtual'], process.env)));
  }
  return results;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
