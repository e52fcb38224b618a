/**
 * Rebuilds the rig's ImsService app from its sources with Debian's tools (maintainers; part of
 * `npm run build:apks`): `smali assemble --api 30` of android-apps/ims-service/smali into
 * classes.dex, and `aapt package` of its AndroidManifest.xml against framework-res.apk, whose
 * binary manifest is kept as AndroidManifest.bin; then SHA256SUMS. Both tools are
 * byte-reproducible (probe REPORT §2, §3), so a rebuild of unchanged sources gives the committed
 * bytes, which __tests__/build-apks.test.ts checks when the tools are installed.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { readZipEntryBytes } from '../../formats/apk-reader';
import { formatSha256Sums, RIG_APP_DIR } from '../../targets/rig-app-files';

const run = promisify(execFile);

export interface RigAppTools {
  readonly smali: string;
  readonly aapt: string;
  readonly frameworkRes: string;
}

export interface BuiltRigApp {
  readonly dex: Buffer;
  readonly manifest: Buffer;
  readonly sums: string;
}

/** smali's min API: the app's minSdkVersion (DEX 039 needs API 28+; ART on API 30 reads it). */
export const SMALI_API = 30;

/**
 * Assembles and compiles the app from `sourceDir` (android-apps/ims-service) in a scratch dir.
 * @throws Error with the tool's stderr when smali or aapt refuses the sources.
 */
export async function buildRigApp(tools: RigAppTools, sourceDir = RIG_APP_DIR): Promise<BuiltRigApp> {
  const work = await mkdtemp(path.join(tmpdir(), 'ims-rig-rig-app-'));
  try {
    const dexFile = path.join(work, 'classes.dex');
    await tool(tools.smali, ['assemble', '--api', String(SMALI_API), '-o', dexFile, path.join(sourceDir, 'smali')]);
    const apkFile = path.join(work, 'manifest.apk');
    await tool(tools.aapt, ['package', '-f', '-M', path.join(sourceDir, 'AndroidManifest.xml'), '-I', tools.frameworkRes, '-F', apkFile]);
    const manifest = await readZipEntryBytes(await readFile(apkFile), 'AndroidManifest.xml');
    if (manifest === undefined) throw new Error(`${tools.aapt} wrote no AndroidManifest.xml`);
    const dex = await readFile(dexFile);
    return { dex, manifest, sums: formatSha256Sums([['classes.dex', dex], ['AndroidManifest.bin', manifest]]) };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Writes a build into `dir` (android-apps/ims-service/prebuilt). */
export async function writeRigAppPrebuilt(built: BuiltRigApp, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'classes.dex'), built.dex);
  await writeFile(path.join(dir, 'AndroidManifest.bin'), built.manifest);
  await writeFile(path.join(dir, 'SHA256SUMS'), built.sums);
}

async function tool(bin: string, args: readonly string[]): Promise<void> {
  try {
    await run(bin, [...args], { maxBuffer: 16 * 1024 * 1024 });
  } catch (e) {
    const stderr = (e as { stderr?: string }).stderr ?? '';
    throw new Error(`${bin} ${args.join(' ')} failed: ${stderr.trim() || (e instanceof Error ? e.message : String(e))}`, { cause: e });
  }
}
