/**
 * The rig app's DEX, run on the JVM (android-apps/ims-service/jvm), against what the reference
 * device believes of it: every behaviour the suites use, and the answers cross-check — the DEX
 * (Answers.smali) and the reference device (virtual-device/apps/answers.ts) must read every
 * `answers` the suites and fixtures carry, and a table of malformed ones, the same way.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { loadScenarios } from '../../../harness/scenario/loader';
import { formatAnswers, type FeaturesBySlot } from '../../../harness/model';
import { FIXTURES_DIR, projectPath, SUITES_DIR } from '../../../harness/paths';
import { escapeLine, JVM_CHECK_SKIP, runJvmCheck } from '../../../harness/testing/rig-app-jvm';
import { readDexReferences } from '../../android/packages/dex-file';
import { parseAnswers } from '../answers';

const DEX = projectPath('android-apps', 'ims-service', 'prebuilt', 'classes.dex');

/** The malformed (and odd but valid) values the two implementations must agree on. */
const TABLE = [
  '', 'none', '  none  ', 'NONE', '0=none', '0=', '0=MMTEL;', ';;0=RCS;;', ' 0 = MMTEL , RCS ; 1 = EMERGENCY_MMTEL ',
  '0=MMTEL,MMTEL;0=MMTEL', '0=MMTEL;0=RCS', '1=RCS;0=MMTEL', '0=EMERGENCY_MMTEL',
  // bad slot entries
  'MMTEL', '0:MMTEL', '=MMTEL', '2=MMTEL', '0=MMTEL;2=RCS', '-1=RCS', '00=MMTEL', ' x=MMTEL', '1 1=RCS', '+0=RCS',
  // unknown names, numeric ids, case, separators
  '0=mmtel', '0=1', '0=0,1,2', '0=MMTEL,', '0=,MMTEL', '0=MMTEL RCS', '0=MMTEL;RCS', '0=none,MMTEL', '0=BOGUS', '0=__proto__', '0=constructor',
  // white space the two trims see differently if done wrong: only <= U+0020 is trimmed
  '\t0=MMTEL\n', '0=\u00a0MMTEL', '\u00a00=MMTEL', '0=MMTEL\u2003', '\r\n0=RCS\r\n', '0=MM\nTEL',
];

async function suiteAnswers(): Promise<string[]> {
  const scenarios = await loadScenarios([SUITES_DIR]);
  const values = new Set<string>();
  const add = (answers: FeaturesBySlot): void => void values.add(formatAnswers(answers));
  for (const s of scenarios) {
    for (const app of s.world.apps) add(app.answers);
    for (const step of s.steps) {
      if (step.kind === 'setFeatures') add(step.features);
      if (step.kind === 'updateApp' && step.answers !== undefined) add(step.answers);
    }
  }
  const manifests = path.join(FIXTURES_DIR, 'manifests');
  for (const f of readdirSync(manifests)) {
    for (const m of readFileSync(path.join(manifests, f), 'utf8').matchAll(/android:name="ims-rig\.answers" android:value="([^"]*)"/g)) values.add(m[1] ?? '');
  }
  return [...values].sort();
}

/** The reference device's reading, in the driver's output form. */
function referenceReading(value: string): string {
  const r = parseAnswers(value);
  if (!r.ok) return escapeLine(`error ${r.error}`);
  return `ok ${[...new Set(r.features.map((p) => `${p.slotId}:${p.featureType}`))].sort().join(',')}`;
}

const jvmDescribe = JVM_CHECK_SKIP === undefined ? describe : describe.skip;
jvmDescribe(`the rig app's DEX on the JVM${JVM_CHECK_SKIP === undefined ? '' : ` (${JVM_CHECK_SKIP})`}`, () => {
  it('does every behaviour the suites use (jvm/check.sh: enjarify, -Xverify:all)', () => {
    const run = runJvmCheck(DEX);
    expect(run.stderr).not.toMatch(/VerifyError|Exception in thread/);
    expect(run.stdout).not.toContain('FAIL ');
    expect(run.stdout).toMatch(/^\d+ passed, 0 failed$/m);
    expect(run.status).toBe(0);
  });

  it('reads every answers value of suites/ and fixtures/, and the malformed table, as the reference device does', async () => {
    const values = [...(await suiteAnswers()), ...TABLE];
    expect(values.length).toBeGreaterThan(TABLE.length + 10);
    const run = runJvmCheck(DEX, values);
    expect(run.status).toBe(0);
    const dex = run.stdout.split('\n').filter((l) => l.startsWith('ok ') || l.startsWith('error '));
    expect(dex).toHaveLength(values.length);
    const disagreements = values.map((v, i) => ({ value: v, dex: dex[i], reference: referenceReading(v) })).filter((d) => d.dex !== d.reference);
    expect(disagreements).toEqual([]);
    // Not vacuous: the table holds both readings.
    expect(dex.filter((l) => l.startsWith('error ')).length).toBeGreaterThan(15);
    expect(dex.filter((l) => l.startsWith('ok ') && l !== 'ok ').length).toBeGreaterThan(10);
  });
});

describe('the framework members the DEX references', () => {
  it('are exactly the ones android-apps/ims-service/README.md lists (all public SDK or SystemApi)', () => {
    const readme = readFileSync(projectPath('android-apps', 'ims-service', 'README.md'), 'utf8');
    const block = readme.slice(readme.indexOf('<!-- framework-members:start -->'), readme.indexOf('<!-- framework-members:end -->'));
    const listed = [...block.matchAll(/^- ([^\s(]+(?:\([^)]*\))?)/gm)].map((m) => m[1]).sort();
    const { methods, fields } = readDexReferences(readFileSync(DEX));
    const referenced = [...methods, ...fields].filter((m) => m.startsWith('android.')).sort();
    expect(referenced).toEqual(listed);
  });
});
