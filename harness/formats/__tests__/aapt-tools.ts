/**
 * Test helpers around the real Android Asset Packaging Tool: build an APK from manifest text with
 * `aapt package` against framework-res.apk, and read any APK back with `aapt dump xmltree`.
 * Tests that need them skip, with AAPT_MISSING_REASON, on a machine without aapt.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export const AAPT = process.env.IMS_RIG_AAPT ?? 'aapt';
export const FRAMEWORK_RES = process.env.IMS_RIG_FRAMEWORK_RES ?? '/usr/share/android-framework-res/framework-res.apk';

function runs(bin: string, args: string[]): boolean {
  try {
    execFileSync(bin, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** True when aapt runs and framework-res.apk is there. */
export const AAPT_AVAILABLE = runs(AAPT, ['version']) && existsSync(FRAMEWORK_RES);
export const AAPT_MISSING_REASON = `skipped: no aapt or ${FRAMEWORK_RES} (apt-get install aapt android-framework-res)`;
export const AAPT2 = process.env.IMS_RIG_AAPT2 ?? 'aapt2';
export const AAPT2_AVAILABLE = runs(AAPT2, ['version']) && existsSync(FRAMEWORK_RES);

const work = (): string => mkdtempSync(path.join(tmpdir(), 'ims-rig-aapt-test-'));

/** `aapt package` of a manifest text; returns the APK bytes. */
export function aaptBuild(manifestXml: string): Buffer {
  const dir = work();
  try {
    mkdirSync(path.join(dir, 'm'));
    writeFileSync(path.join(dir, 'm', 'AndroidManifest.xml'), manifestXml);
    execFileSync(AAPT, ['package', '-f', '-M', path.join(dir, 'm', 'AndroidManifest.xml'), '-I', FRAMEWORK_RES, '-F', path.join(dir, 'out.apk')], { stdio: 'pipe' });
    return readFileSync(path.join(dir, 'out.apk'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `aapt2 compile`-free link of a bare manifest: aapt2 writes UTF-8 string pools. */
export function aapt2Build(manifestXml: string): Buffer {
  const dir = work();
  try {
    writeFileSync(path.join(dir, 'AndroidManifest.xml'), manifestXml);
    execFileSync(AAPT2, ['link', '--manifest', path.join(dir, 'AndroidManifest.xml'), '-I', FRAMEWORK_RES, '-o', path.join(dir, 'out.apk')], { stdio: 'pipe' });
    return readFileSync(path.join(dir, 'out.apk'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Attributes aapt adds to <manifest> by itself (from framework-res's version); ours leaves them out. */
const AAPT_INJECTED = /^\s*A: (android:compileSdkVersion|android:compileSdkVersionCodename|platformBuildVersionCode|platformBuildVersionName)[(=]/;

/** `aapt dump xmltree <apk> AndroidManifest.xml`, without the attributes aapt injects. */
export function xmltree(apk: Buffer | string): string {
  const dir = work();
  try {
    const file = typeof apk === 'string' ? apk : path.join(dir, 'x.apk');
    if (typeof apk !== 'string') writeFileSync(file, apk);
    const out = execFileSync(AAPT, ['dump', 'xmltree', file, 'AndroidManifest.xml'], { encoding: 'utf8' });
    return out.split('\n').filter((l) => !AAPT_INJECTED.test(l)).join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
