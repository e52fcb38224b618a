/**
 * Bad inputs of every kind through the real CLI (issue 11, item 3): each is exit 2, promptly (the
 * Jest timeout is the bound; tests never assert on time), with the file named and in our words —
 * none of the JavaScript engine's. A multi-file lint reports every file it can read and exits 2
 * at the end.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildDist, noAdbEnv, PROJECT_DIR, runCli, tempDir } from '../../testing/cli-process';
import { engineWordsIn } from '../../testing/engine-words';
import { yamlAliasBomb } from '../../testing/hostile-inputs';

const posix = process.platform !== 'win32';
const dir = tempDir('ims-rig-bad-inputs-');
const fifo = path.join(dir, 'pipe.yaml');
const DOC_TABLE = path.join(PROJECT_DIR, 'suites', 'priority', 'doc-table-carrier-a.yaml');
const GOOD_MANIFEST = path.join(PROJECT_DIR, 'fixtures', 'manifests', 'com.oem.ims.xml');

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

const aliasBomb = (): string => yamlAliasBomb('id: bomb\n');

const deepManifest = write('deep-manifest.xml', `<manifest package="a.b">${'<x>'.repeat(20_000)}${'</x>'.repeat(20_000)}</manifest>`);
write('deep-cc.xml', `<carrier_config>${'<x>'.repeat(20_000)}${'</x>'.repeat(20_000)}</carrier_config>`);
const scenarioWithDeepCc = write('deep-cc-scenario.yaml', fs.readFileSync(DOC_TABLE, 'utf8').replace(/sims: .*/, 'sims: { "0": ./deep-cc.xml }'));
const bigScenario = write('big.yaml', `id: x\ntitle: ${'x'.repeat(2 * 1024 * 1024)}\n`);

beforeAll(() => {
  buildDist();
  if (posix) execFileSync('mkfifo', [fifo]);
}, 240_000);

interface Case {
  readonly args: readonly string[];
  /** What stderr must say: the file and the fault. */
  readonly says: RegExp;
}

const cases: Record<string, Case> = {
  'an alias bomb (explain)': { args: ['explain', write('bomb.yaml', aliasBomb())], says: /bomb\.yaml: YAML: more than 100 alias references/ },
  'a scenario nested 100,000 deep (run)': { args: ['run', '--scenario', write('deep.yaml', `id: ${'['.repeat(100_000)}`)], says: /deep\.yaml: YAML: brackets nested more than 1000 deep/ },
  'a 2 MiB scenario (run)': { args: ['run', '--scenario', bigScenario], says: /big\.yaml: is 2\.0 MiB; ims-rig reads at most 1 MiB for a scenario file/ },
  'a carrier config nested 20,000 deep (explain)': { args: ['explain', scenarioWithDeepCc], says: /deep-cc-scenario\.yaml: sims\.0 .*deep-cc\.xml:1: elements nested more than 64 deep/ },
  'a deep text manifest (lint)': { args: ['lint', deepManifest], says: /deep-manifest\.xml:1: elements nested more than 64 deep/ },
  'waivers from /dev/zero (run)': { args: ['run', '--scenario', DOC_TABLE, '--waivers', '/dev/zero'], says: /\/dev\/zero: is a character device, not a regular file/ },
  'events from /dev/zero (report)': { args: ['report', '--from', '/dev/zero', '--out', path.join(dir, 'r')], says: /\/dev\/zero: is a character device/ },
  'a scenario that is a named pipe (run)': { args: ['run', '--scenario', fifo], says: /pipe\.yaml: is a named pipe \(FIFO\), not a regular file/ },
  'events from a named pipe (report)': { args: ['report', '--from', fifo, '--out', path.join(dir, 'r')], says: /pipe\.yaml: is a named pipe \(FIFO\)/ },
};

describe('exit 2, the file named, in our words', () => {
  for (const [what, c] of Object.entries(cases)) {
    const posixOnly = c.args.includes('/dev/zero') || c.args.includes(fifo);
    (posixOnly && !posix ? test.skip : test)(what, async () => {
      const r = await runCli(c.args, { ...noAdbEnv(), ANDROID_ADB_SERVER_PORT: '1' });
      expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 2, stderr: expect.stringMatching(c.says) });
      expect(engineWordsIn(r.stderr)).toBeUndefined();
    }, 60_000);
  }
});

(posix ? test : test.skip)('a multi-file lint reads every file it can, reports each unreadable one, and exits 2 at the end', async () => {
  const r = await runCli(['lint', deepManifest, '/dev/zero', fifo, GOOD_MANIFEST], noAdbEnv());
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('deep-manifest.xml:1: elements nested more than 64 deep');
  expect(r.stderr).toContain('/dev/zero: is a character device, not a regular file');
  expect(r.stderr).toContain('pipe.yaml: is a named pipe (FIFO), not a regular file');
  // The readable file after the bad ones is still linted.
  expect(r.stdout).toMatch(/4 files linted: .*; 3 unreadable/);
  expect(engineWordsIn(r.stdout + r.stderr)).toBeUndefined();
}, 60_000);
