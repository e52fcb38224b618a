/**
 * The three-way diff through the CLI: the target is the reference device started with a vendor-bug
 * profile (in process), and each scenario also runs on a plain AOSP reference device alongside it.
 * Every failing cell is then the vendor's (vendor-specific) and every waived cell AOSP's own
 * difference (as AOSP) — the acceptance property of issue 13, here on the default profile (the
 * emulator profile's run is the same code path once that profile exists). --no-reference turns it
 * off, and a run on the plain reference device makes no reference run (it would compare it with itself).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type RunResult } from '../../results';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const BIN = path.join(ROOT, 'bin', 'ims-rig.js');
// Waived cells (security: AOSP binds what the documentation forbids) and cells the deviation breaks (priority).
const SUITES = ['--suite', 'priority', '--suite', 'security'];

function run(args: readonly string[]): { status: number | null; stderr: string; result: RunResult; html: string } {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'ims-rig-three-way-'));
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    delete env.ANDROID_SERIAL;
    const r = spawnSync(process.execPath, [BIN, 'run', '--transport', 'in-process', ...args, '--out', out, '--no-progress'], { cwd: ROOT, env, encoding: 'utf8', timeout: 600_000 });
    return {
      status: r.status, stderr: r.stderr,
      result: JSON.parse(fs.readFileSync(path.join(out, 'results.json'), 'utf8')) as RunResult,
      html: fs.readFileSync(path.join(out, 'index.html'), 'utf8'),
    };
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

function differences(result: RunResult): { scenario: string; waived: boolean; origin?: string; reference?: unknown }[] {
  return result.scenarios.flatMap((s) => s.checkpoints.flatMap((c) => [...c.diffs, ...(c.grants?.diffs ?? [])].map((d) => ({
    scenario: s.id, waived: d.waiver !== undefined, ...(d.origin === undefined ? {} : { origin: d.origin }), ...('reference' in d ? { reference: d.reference } : {}),
  }))));
}

beforeAll(() => {
  try {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe' });
  } catch {
    // type errors elsewhere do not stop the emit
  }
}, 240_000);

describe('three-way diff', () => {
  test('a deviation profile: every failing cell vendor-specific, every waived cell as AOSP, both counted', () => {
    const r = run(['--deviation', 'no-per-feature-fallback', ...SUITES]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/each scenario also runs on the in-process AOSP reference device/);
    const diffs = differences(r.result);
    const failing = diffs.filter((d) => !d.waived);
    const waived = diffs.filter((d) => d.waived);
    expect(failing.length).toBeGreaterThan(0);
    expect(waived.length).toBeGreaterThan(0);
    expect(failing.filter((d) => d.origin !== 'vendor-specific')).toEqual([]);
    expect(waived.filter((d) => d.origin !== 'as-aosp')).toEqual([]);
    expect(r.result.summary).toMatchObject({ asAosp: waived.length, vendorSpecific: failing.length });
    // Every checkpoint holds the reference's cells beside expected and observed.
    const checkpoints = r.result.scenarios.flatMap((s) => s.checkpoints);
    expect(checkpoints.every((c) => c.reference !== undefined || c.grants !== undefined)).toBe(true);
    expect(r.html).toContain('<b class="origin vendor-specific">vendor-specific</b>');
    expect(r.html).toContain('<b class="origin as-aosp">as AOSP</b>');
  }, 600_000);

  test('--no-reference: no reference run, no labels', () => {
    const r = run(['--deviation', 'no-per-feature-fallback', '--no-reference', '--suite', 'security']);
    expect(r.stderr).not.toMatch(/also runs on the in-process AOSP reference device/);
    expect(differences(r.result).every((d) => d.origin === undefined && d.reference === undefined)).toBe(true);
    expect(r.result.summary).not.toHaveProperty('asAosp');
  }, 600_000);

  test('the plain reference device is not compared with itself', () => {
    const r = run(['--suite', 'security']);
    expect(r.stderr).not.toMatch(/also runs on the in-process AOSP reference device/);
    expect(r.result.scenarios.every((s) => s.reference === undefined)).toBe(true);
  }, 600_000);
});
