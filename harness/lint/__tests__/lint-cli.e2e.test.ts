/** `ims-rig lint` and `ims-rig build-apks` as users run them: the built CLI in a child process. */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { PROJECT_ROOT } from '../../paths';

const CLI = path.join(PROJECT_ROOT, 'bin', 'ims-rig.js');

interface Run { code: number; stdout: string; stderr: string }

function ims(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd: PROJECT_ROOT }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });
}

const manifests = readdirSync(path.join(PROJECT_ROOT, 'fixtures', 'manifests')).filter((f) => f.endsWith('.xml')).sort()
  .map((f) => `fixtures/manifests/${f}`);
const apks = manifests.map((m) => `apks/${path.basename(m, '.xml')}.apk`);

beforeAll(() => {
  // The CLI runs from dist/. Other parts of the tree may not type-check yet; tsc still emits.
  try {
    execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: PROJECT_ROOT, stdio: 'pipe' });
  } catch {
    // type errors elsewhere; what matters is that the CLI was emitted
  }
  expect(existsSync(path.join(PROJECT_ROOT, 'dist', 'harness', 'cli', 'main.js'))).toBe(true);
}, 240_000);

describe('ims-rig lint', () => {
  it('flags each deliberately wrong fixture (manifest and APK) with its rule id and exits 1', async () => {
    const r = await ims('lint', ...manifests, ...apks);
    expect(r.code).toBe(1);
    const expected: Array<[string, string]> = [
      ['com.rogue.ims', 'error bind-permission'],
      ['com.testonly.ims', 'warning bind-permission'],
      ['com.nodirectboot.ims', 'error direct-boot-aware'],
      ['com.bad.emergency.ims', 'error emergency-needs-mmtel'],
      ['com.bad.metadata.ims', 'error feature-metadata'],
      ['com.legacy.ims', 'warning compat-action'],
      ['com.multi.ims', 'warning multiple-ims-services'],
      ['com.sample.rcsclient.incomplete', 'error uce-needs-contacts'],
      ['com.sample.rcsclient.incomplete', 'error sms-role-components'],
      ['com.sample.rcsclient.incomplete', 'warning restricted-networks'],
      // AOSP's TestRcsApp (stand-in) does not request CONNECTIVITY_USE_RESTRICTED_NETWORKS.
      ['com.google.android.sample.rcsclient', 'warning restricted-networks'],
    ];
    for (const [stem, finding] of expected) {
      for (const file of [`fixtures/manifests/${stem}.xml`, `apks/${stem}.apk`]) {
        expect(r.stdout).toMatch(new RegExp(`^${file.replace(/\./g, '\\.')}:\\d+: ${finding} `, 'm'));
      }
    }
    // Each finding line is followed by the cited documentation sentence.
    expect(r.stdout).toMatch(/: error bind-permission .*\n {4}\[bind-permission\] Service definition: "permission=/);
    expect(r.stdout.trim().split('\n').pop()).toMatch(/^32 files linted: \d+ errors, \d+ warnings, \d+ info$/);
  });

  it('passes the good ones (exit 0: no error or warning, infos allowed)', async () => {
    const good = ['com.oem.ims', 'com.oem.basic.ims', 'com.carrier.a.ims', 'com.carrier.b.ims', 'com.sample.rcsclient'];
    const r = await ims('lint', ...good.map((s) => `fixtures/manifests/${s}.xml`), ...good.map((s) => `apks/${s}.apk`));
    expect(r.stdout).not.toMatch(/: (error|warning) /);
    expect(r.stdout).toMatch(/^10 files linted: 0 errors, 0 warnings, \d+ info$/m);
    expect(r.code).toBe(0);
  });

  it('exits 2 naming a truncated manifest, and still lints and prints the other files', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ims-rig-lint-e2e-'));
    const truncated = path.join(dir, 'truncated-AndroidManifest.xml');
    const text = readFileSync(path.join(PROJECT_ROOT, 'fixtures', 'manifests', 'com.oem.ims.xml'), 'utf8');
    writeFileSync(truncated, text.slice(0, Math.floor(text.length / 2)));
    const r = await ims('lint', truncated, 'fixtures/manifests/com.rogue.ims.xml');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`ims-rig lint: ${truncated}:`);
    expect(r.stderr).toMatch(/malformed XML: .*truncated\?/);
    expect(r.stdout).toMatch(/^fixtures\/manifests\/com\.rogue\.ims\.xml:\d+: error bind-permission /m);
    expect(r.stdout).toMatch(/2 files linted: .*; 1 unreadable$/m);
  });

  it('--json gives the findings with their documentation sentences', async () => {
    const r = await ims('lint', '--json', 'apks/com.nodirectboot.ims.apk', 'fixtures/real-inputs/manifests/aosp-ImsTestService-AndroidManifest.xml');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as {
      schemaVersion: number; exitCode: number; summary: { files: number; error: number };
      files: Array<{ file: string; package: string; findings: Array<{ rule: string; severity: string; line: number; doc: { id: string; text: string } }> }>;
    };
    expect(json).toMatchObject({ schemaVersion: 1, exitCode: 1, summary: { files: 2, error: 1 } });
    expect(json.files[0]).toMatchObject({ file: 'apks/com.nodirectboot.ims.apk', package: 'com.nodirectboot.ims' });
    expect(json.files[0]?.findings).toEqual([expect.objectContaining({
      rule: 'direct-boot-aware', severity: 'error', line: 8, doc: expect.objectContaining({ id: 'service-attributes' }),
    })]);
    expect(json.files[1]?.package).toBe('com.android.phone.testapps.imstestapp');
  });

  it('usage: no file is a usage error (exit 2)', async () => {
    expect((await ims('lint')).code).toBe(2);
  });
});

describe('ims-rig build-apks', () => {
  it('exits 3 and says how to install aapt when it is missing', async () => {
    const r = await ims('build-apks', '--aapt', '/nonexistent/aapt');
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/\/nonexistent\/aapt: not found; install them with `apt-get install aapt android-framework-res`/);
  });
  it('exits 3 when framework-res.apk is missing', async () => {
    const r = await ims('build-apks', '--framework-res', '/nonexistent/framework-res.apk');
    // Without aapt the aapt check answers first; either way it is exit 3 with the install hint.
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/not found|no such file; install them with/);
  });
});
