/**
 * Every APK the suites make a target install — generated scenario apps and the prebuilt fixtures —
 * is one Android accepts: v2 signature (ours, always; apksigner's when installed), a manifest aapt
 * reads (`aapt dump badging`), a DEX dexdump verifies. Tools that are missing skip with the reason.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { readZipEntryBytes } from '../../formats/apk-reader';
import { verifyApkV2 } from '../../formats/apk-signature-v2';
import { toolAvailable } from '../../formats/__tests__/android-tools';
import { SUITES_DIR } from '../../paths';
import { loadScenarios } from '../loader';
import { ApkCache } from '../../targets/app-realiser';
import { scenarioApks } from '../../targets/scenario-apks';

const run = promisify(execFile);
const work = mkdtempSync(path.join(tmpdir(), 'ims-rig-suite-apks-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Apk { readonly name: string; readonly file: string; readonly bytes: Buffer; readonly hasDex: boolean }
let apks: Apk[] = [];

beforeAll(async () => {
  const cache = new ApkCache(path.join(work, 'cache'));
  const unique = new Map<string, Apk>();
  for (const s of await loadScenarios([SUITES_DIR])) {
    for (const apk of await scenarioApks(s, cache)) {
      const sha = createHash('sha256').update(apk.bytes).digest('hex');
      if (unique.has(sha)) continue;
      const file = path.join(work, `${sha.slice(0, 12)}-${apk.file}`);
      writeFileSync(file, apk.bytes);
      unique.set(sha, { name: `${s.id}: ${apk.file}`, file, bytes: apk.bytes, hasDex: (await readZipEntryBytes(apk.bytes, 'classes.dex')) !== undefined });
    }
  }
  apks = [...unique.values()];
}, 120_000);

/** Runs `check` on every APK, two at a time (the tools are separate JVM or native processes). */
async function eachApk(check: (apk: Apk) => Promise<void>): Promise<void> {
  const queue = [...apks];
  await Promise.all([0, 1].map(async () => {
    for (let apk = queue.shift(); apk !== undefined; apk = queue.shift()) await check(apk);
  }));
}

it('covers every app of every suite: code-bearing and manifest-only ones', () => {
  expect(apks.length).toBeGreaterThan(20);
  expect(apks.filter((a) => a.hasDex).length).toBeGreaterThan(15);
});

it('every APK carries a v2 signature that verifies (signature, certificate, content digest)', () => {
  const bad = apks.map((a) => ({ name: a.name, v: verifyApkV2(a.bytes) })).filter((r) => !r.v.ok);
  expect(bad).toEqual([]);
});

const apksigner = toolAvailable('apksigner', ['version']);
(apksigner.ok ? it : it.skip)(`apksigner verify accepts every APK${apksigner.ok ? '' : ` (${apksigner.reason})`}`, async () => {
  const failures: string[] = [];
  await eachApk(async (a) => {
    const r = await run('apksigner', ['verify', '-v', a.file]).catch((e: { stdout?: string; stderr?: string }) => ({ stdout: e.stdout ?? '', stderr: e.stderr ?? 'failed' }));
    if (!r.stdout.includes('Verified using v2 scheme (APK Signature Scheme v2): true')) failures.push(`${a.name}: ${r.stdout}${r.stderr}`);
  });
  expect(failures).toEqual([]);
}, 300_000);

const aapt = toolAvailable('aapt', ['version']);
(aapt.ok ? it : it.skip)(`aapt dump badging reads every APK's package${aapt.ok ? '' : ` (${aapt.reason})`}`, async () => {
  const failures: string[] = [];
  await eachApk(async (a) => {
    const r = await run('aapt', ['dump', 'badging', a.file]).catch((e: { stderr?: string }) => ({ stdout: '', stderr: e.stderr ?? 'failed' }));
    const pkg = /^package: name='([^']+)'/m.exec(r.stdout)?.[1];
    if (pkg === undefined || !a.name.endsWith(`${pkg}.apk`)) failures.push(`${a.name}: ${r.stdout.split('\n')[0] ?? ''}${r.stderr}`);
  });
  expect(failures).toEqual([]);
}, 300_000);

const dexdump = toolAvailable('dexdump', ['-h']);
(dexdump.ok ? it : it.skip)(`dexdump verifies the DEX of every code-bearing APK${dexdump.ok ? '' : ` (${dexdump.reason})`}`, async () => {
  const failures: string[] = [];
  await eachApk(async (a) => {
    if (!a.hasDex) return;
    const r = await run('dexdump', ['-c', a.file]).catch((e: { stdout?: string; stderr?: string }) => ({ stdout: e.stdout ?? '', stderr: e.stderr ?? 'failed' }));
    if (!r.stdout.includes('Checksum verified')) failures.push(`${a.name}: ${r.stdout}${r.stderr}`);
  });
  expect(failures).toEqual([]);
}, 300_000);
