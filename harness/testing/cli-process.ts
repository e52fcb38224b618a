/**
 * The built CLI (bin/ims-rig.js) as a child process, for e2e tests: run it, read what it wrote,
 * and the environments tests give it (no adb on PATH; a private adb server).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type RunResult } from '../results';
import { type PrivateAdbServer } from './start-private-adb-server';

export const PROJECT_DIR = path.resolve(__dirname, '..', '..');
export const CLI_BIN = path.join(PROJECT_DIR, 'bin', 'ims-rig.js');

export interface CliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliRunOptions {
  /** Called with the child as soon as it is spawned (to interrupt or kill it). */
  readonly onStart?: (child: ChildProcess) => void;
  readonly cwd?: string;
}

/** Runs `ims-rig <args>` to its end; resolves with its exit code and everything it printed. */
export function runCli(args: readonly string[], env: NodeJS.ProcessEnv, options: CliRunOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_BIN, ...args], { cwd: options.cwd ?? PROJECT_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
    options.onStart?.(child);
  });
}

/** Compiles the project into dist/ (the CLI runs from there); type errors elsewhere do not stop the emit. */
export function buildDist(): void {
  try {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: PROJECT_DIR, stdio: 'pipe' });
  } catch {
    // emitted anyway
  }
}

export function readResults(dir: string): RunResult {
  return JSON.parse(fs.readFileSync(path.join(dir, 'results.json'), 'utf8')) as RunResult;
}

export function tempDir(prefix = 'ims-rig-e2e-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A PATH without any directory holding an adb binary (node is run by its absolute path). */
export function pathWithoutAdb(): string {
  return (process.env.PATH ?? '').split(path.delimiter).filter((d) => d !== '' && !fs.existsSync(path.join(d, 'adb'))).join(path.delimiter);
}

/** A user with no adb at all: the rig starts the reference device and reaches it through its door. */
export function noAdbEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: pathWithoutAdb(), NO_COLOR: '1' };
  delete env.ANDROID_SERIAL;
  delete env.ADB;
  return env;
}

/** The environment of a user whose adb server is the test's private one. */
export function adbEnv(server: PrivateAdbServer): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ANDROID_ADB_SERVER_PORT: String(server.port), NO_COLOR: '1' };
  delete env.ANDROID_SERIAL;
  return env;
}
