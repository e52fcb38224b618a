// `ims-rig explain` as a user runs it: the built CLI as a child process, on the documented
// three-app table scenarios (suites/priority/doc-table-*.yaml).
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const BIN = path.join(ROOT, 'bin', 'ims-rig.js');

function explain(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, 'explain', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  // Other parts of the tree may be mid-edit: tsc still emits what compiles; what we need must exist.
  try {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe' });
  } catch {
    // type errors elsewhere do not stop the emit
  }
  expect(fs.existsSync(path.join(ROOT, 'dist', 'harness', 'cli', 'commands', 'explain.js'))).toBe(true);
}, 240_000);

describe('ims-rig explain', () => {
  test('Carrier A: RCS from Carrier A, MMTEL from the OEM, each with its rule and sentence', () => {
    const r = explain('suites/priority/doc-table-carrier-a.yaml');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('slot 0 RCS → com.carrier.a.ims  [carrier-override]');
    expect(r.stdout).toContain('slot 0 MMTEL → com.oem.ims  [device-default]');
    expect(r.stdout).toContain('slot 0 EMERGENCY_MMTEL → com.oem.ims  [emergency-follows-mmtel]');
    expect(r.stdout).toContain('config_ims_rcs_package_override_string = com.carrier.a.ims');
    expect(r.stdout).toMatch(/cites priority-carrier: "1\. The ImsService package name defined by the CarrierConfig value/);
  });

  test('Carrier B: both features from Carrier B', () => {
    const r = explain('suites/priority/doc-table-carrier-b.yaml');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('slot 0 MMTEL → com.carrier.b.ims  [carrier-override]');
    expect(r.stdout).toContain('slot 0 RCS → com.carrier.b.ims  [carrier-override]');
  });

  test('no SIM: both features from the OEM, as JSON', () => {
    const r = explain('suites/priority/doc-table-no-sim.yaml', '--json');
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as { id: string; checks: { expected: unknown; cells: Record<string, Record<string, { rule: string }>> }[]; sentences: Record<string, { text: string }> };
    expect(json.checks).toHaveLength(1);
    expect(json.checks[0]?.expected).toMatchObject({ '0': { MMTEL: 'com.oem.ims', RCS: 'com.oem.ims' } });
    expect(json.checks[0]?.cells['0']?.MMTEL?.rule).toBe('device-default');
    expect(json.sentences.priorityDevice?.text).toContain('including the case where there is no SIM card inserted');
  });

  test('a missing scenario file is bad input (exit 2) naming the file', () => {
    const r = explain('suites/priority/no-such-scenario.yaml');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no-such-scenario.yaml');
  });
});
