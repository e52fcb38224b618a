/**
 * `ims-rig build-apks` (npm run build:apks): builds apks/<stem>.apk from every
 * fixtures/manifests/<stem>.xml with the real `aapt package` against framework-res.apk. Maintainers
 * run it when a fixture manifest changes and commit the APKs, so a fresh machine needs no aapt.
 * (Apps declared inline in scenarios are written by ims-rig itself: harness/formats/apk-writer.ts.)
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { EXIT_BAD_INPUT, EXIT_INFRASTRUCTURE, EXIT_OK } from '../../errors';
import { APKS_DIR, FIXTURES_DIR } from '../../paths';

const run = promisify(execFile);
const INSTALL_HINT = 'install them with `apt-get install aapt android-framework-res` (Debian/Ubuntu), or pass --aapt / --framework-res';

export interface BuildApksOptions {
  readonly aapt?: unknown;
  readonly frameworkRes?: unknown;
  /** Where the manifests are (default fixtures/manifests); for tests. */
  readonly manifests?: unknown;
  /** Where the APKs go (default apks/); for tests. */
  readonly out?: unknown;
}

const text = (v: unknown, fallback: string): string => (typeof v === 'string' && v !== '' ? v : fallback);

async function aaptWorks(aapt: string): Promise<string | undefined> {
  try {
    await run(aapt, ['version']);
    return undefined;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? `${aapt}: not found` : `${aapt} version failed: ${String(e)}`;
  }
}

/** Builds every fixture manifest; returns the exit code (0, 2 for a manifest aapt refuses, 3 without aapt). */
export async function buildApksCommand(opts: BuildApksOptions): Promise<number> {
  const aapt = text(opts.aapt, 'aapt');
  const frameworkRes = text(opts.frameworkRes, '/usr/share/android-framework-res/framework-res.apk');
  const manifestsDir = text(opts.manifests, path.join(FIXTURES_DIR, 'manifests'));
  const outDir = text(opts.out, APKS_DIR);

  const aaptProblem = await aaptWorks(aapt);
  if (aaptProblem !== undefined) {
    console.error(`ims-rig build-apks: ${aaptProblem}; ${INSTALL_HINT}`);
    return EXIT_INFRASTRUCTURE;
  }
  if (!(await stat(frameworkRes).then((s) => s.isFile(), () => false))) {
    console.error(`ims-rig build-apks: ${frameworkRes}: no such file; ${INSTALL_HINT}`);
    return EXIT_INFRASTRUCTURE;
  }
  const manifests = (await readdir(manifestsDir)).filter((f) => f.endsWith('.xml')).sort();
  await mkdir(outDir, { recursive: true });
  const work = await mkdtemp(path.join(tmpdir(), 'ims-rig-aapt-'));
  let failed = 0;
  try {
    for (const manifest of manifests) {
      const apk = path.join(outDir, `${path.basename(manifest, '.xml')}.apk`);
      // aapt insists on a file named AndroidManifest.xml.
      const staged = path.join(work, path.basename(manifest, '.xml'), 'AndroidManifest.xml');
      await mkdir(path.dirname(staged), { recursive: true });
      await copyFile(path.join(manifestsDir, manifest), staged);
      try {
        await run(aapt, ['package', '-f', '-M', staged, '-I', frameworkRes, '-F', apk]);
        console.log(`built ${path.relative(process.cwd(), apk)} (${(await stat(apk)).size} bytes)`);
      } catch (e) {
        failed++;
        const stderr = (e as { stderr?: string }).stderr ?? String(e);
        console.error(`ims-rig build-apks: aapt refused ${path.join(manifestsDir, manifest)}:\n${stderr.replaceAll(staged, path.join(manifestsDir, manifest)).trim()}`);
      }
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  console.log(`${manifests.length - failed} of ${manifests.length} APKs built in ${path.relative(process.cwd(), outDir) || '.'}`);
  return failed > 0 ? EXIT_BAD_INPUT : EXIT_OK;
}
