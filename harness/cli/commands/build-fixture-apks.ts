/**
 * The fixture APKs in apks/ (part of `npm run build:apks`): each fixtures/manifests/<stem>.xml
 * compiled by the real `aapt package` against framework-res.apk, its binary manifest put in an
 * aligned zip with the rig app's classes.dex when the manifest names the rig app's classes (so the
 * APK binds on a device), and signed with the committed test key (a device refuses unsigned APKs).
 * A manifest naming other classes (the compat fixture, the RCS clients) stays code-less: on a device
 * those components cannot run, and the scenarios that use them need capabilities real targets lack.
 * Zip and signature are ims-rig's own (harness/formats), so the bytes are reproducible.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { parseManifestXml } from '../../formats/android-manifest';
import { readZipEntryBytes } from '../../formats/apk-reader';
import { type ApkSigner } from '../../formats/apk-signature-v2';
import { packageApk } from '../../formats/apk-writer';
import { RIG_APP } from '../../model';

const run = promisify(execFile);
const RIG_CLASSES: ReadonlySet<string> = new Set([RIG_APP.serviceClass, RIG_APP.secondServiceClass, RIG_APP.receiverClass]);

export interface FixtureBuild {
  readonly aapt: string;
  readonly frameworkRes: string;
  readonly manifestsDir: string;
  readonly outDir: string;
  readonly dex: Buffer;
  readonly signer: ApkSigner;
}

/** True when the manifest's components are the rig app's classes (so the APK gets its DEX). */
export function namesRigCode(manifestText: string, file: string): boolean {
  const components = parseManifestXml(manifestText, file).components.filter((c) => c.kind === 'service' || c.kind === 'receiver');
  return components.length > 0 && components.every((c) => RIG_CLASSES.has(c.qualifiedName));
}

/** Builds every fixture; returns how many aapt refused (each reported on stderr). */
export async function buildFixtureApks(b: FixtureBuild): Promise<{ built: number; failed: number }> {
  const manifests = (await readdir(b.manifestsDir)).filter((f) => f.endsWith('.xml')).sort();
  await mkdir(b.outDir, { recursive: true });
  const work = await mkdtemp(path.join(tmpdir(), 'ims-rig-aapt-'));
  let failed = 0;
  try {
    for (const manifest of manifests) {
      const stem = path.basename(manifest, '.xml');
      const source = path.join(b.manifestsDir, manifest);
      // aapt insists on a file named AndroidManifest.xml.
      const staged = path.join(work, stem, 'AndroidManifest.xml');
      await mkdir(path.dirname(staged), { recursive: true });
      await copyFile(source, staged);
      const compiled = path.join(work, `${stem}.apk`);
      try {
        await run(b.aapt, ['package', '-f', '-M', staged, '-I', b.frameworkRes, '-F', compiled]);
      } catch (e) {
        failed++;
        const stderr = (e as { stderr?: string }).stderr ?? String(e);
        console.error(`ims-rig build-apks: aapt refused ${source}:\n${stderr.replaceAll(staged, source).trim()}`);
        continue;
      }
      const binary = await readZipEntryBytes(await readFile(compiled), 'AndroidManifest.xml');
      if (binary === undefined) throw new Error(`${b.aapt} wrote no AndroidManifest.xml for ${source}`);
      const code = namesRigCode(await readFile(source, 'utf8'), source);
      const apk = packageApk({ manifest: binary, ...(code ? { dex: b.dex } : {}), signer: b.signer });
      const out = path.join(b.outDir, `${stem}.apk`);
      await writeFile(out, apk);
      console.log(`built ${path.relative(process.cwd(), out)} (${apk.length} bytes${code ? ', with the rig app\'s classes.dex' : ', manifest only'})`);
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return { built: manifests.length - failed, failed };
}
