/**
 * Runs the rig app's DEX on the JVM (android-apps/ims-service/jvm/check.sh: enjarify, the
 * stand-in framework classes, the driver, java -Xverify:all) for the tests; the observer's the same
 * way (OBSERVER_JVM_CHECK, which reuses that script with its own stand-ins and driver). Skips with the reason
 * when enjarify, Debian's python3 or a JDK is missing; `.ci/run` installs them.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { projectPath } from '../paths';

export const JVM_CHECK = projectPath('android-apps', 'ims-service', 'jvm', 'check.sh');
export const OBSERVER_JVM_CHECK = projectPath('android-apps', 'observer', 'jvm', 'check.sh');
const PYTHON = process.env.ENJARIFY_PYTHON ?? '/usr/bin/python3';

function missing(): string | undefined {
  for (const [bin, args, pkg] of [['enjarify', ['-h'], 'enjarify'], ['javac', ['-version'], 'openjdk-17-jdk-headless'], ['java', ['-version'], 'openjdk-17-jdk-headless']] as const) {
    if (spawnSync(bin, [...args], { stdio: 'ignore', env: { ...process.env, PYTHON } }).error !== undefined) return `skipped: ${bin} not installed (apt-get install ${pkg})`;
  }
  if (!existsSync(PYTHON)) return `skipped: ${PYTHON} (Debian's python3, which has the enjarify module) is missing`;
  return undefined;
}

/** Why the JVM check cannot run here, or undefined when it can. */
export const JVM_CHECK_SKIP = missing();

/** The line escaping of the driver's answers mode (in and out): backslash, CR, LF. */
export function escapeLine(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\r/g, '\\r').replace(/\n/g, '\\n');
}

export interface JvmRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Every file of a directory tree, sorted (what the translated and compiled classes depend on). */
function treeFiles(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? treeFiles(file) : [file];
  });
}

/**
 * A work dir with the DEX translated and the stand-ins and driver compiled, shared by the runs of
 * one content (keyed by the DEX, check.sh and the Java sources, as several checkouts share
 * os.tmpdir()); built in a private dir and renamed into place, so a half-built one is never used.
 */
function buildDir(dex: string, check: string): string {
  const hash = createHash('sha256').update(readFileSync(dex));
  for (const file of [JVM_CHECK, check, ...treeFiles(path.join(path.dirname(check), 'stubs')), ...treeFiles(path.join(path.dirname(check), 'driver'))]) hash.update(file).update(readFileSync(file));
  const dir = path.join(tmpdir(), `ims-rig-jvm-${hash.digest('hex').slice(0, 16)}`);
  if (existsSync(path.join(dir, 'ready'))) return dir;
  const scratch = mkdtempSync(path.join(tmpdir(), 'ims-rig-jvm-build-'));
  const r = spawnSync('sh', [check, '--build-only', dex, scratch], { encoding: 'utf8', env: { ...process.env, ENJARIFY_PYTHON: PYTHON }, timeout: 300_000 });
  if (r.status !== 0) throw new Error(`jvm/check.sh --build-only failed: ${r.stderr}`);
  try {
    renameSync(scratch, dir);
  } catch {
    rmSync(scratch, { recursive: true, force: true }); // another run got there first
  }
  return dir;
}

/**
 * check.sh in behaviours mode, or in answers mode on `answers` (one value per line, escaped by
 * escapeLine); `check` is the app's check.sh (default the rig app's).
 */
export function runJvmCheck(dex: string, answers?: readonly string[], check = JVM_CHECK): JvmRun {
  const build = buildDir(dex, check);
  const work = mkdtempSync(path.join(tmpdir(), 'ims-rig-jvm-'));
  try {
    const args: string[] = ['--reuse'];
    if (answers !== undefined) {
      const inputs = path.join(work, 'answers.txt');
      writeFileSync(inputs, answers.map(escapeLine).join('\n') + '\n');
      args.push('--answers', inputs);
    }
    const r = spawnSync('sh', [check, ...args, dex, build], { encoding: 'utf8', env: { ...process.env, ENJARIFY_PYTHON: PYTHON }, timeout: 300_000 });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
