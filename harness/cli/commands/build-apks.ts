/**
 * `ims-rig build-apks` (npm run build:apks), for maintainers: rebuilds the rig's ImsService app
 * (android-apps/ims-service/prebuilt, with smali and aapt: build-rig-app.ts), the observer app
 * (android-apps/observer/prebuilt, the same way) and the fixture APKs
 * in apps/ (build-fixture-apks.ts), so a fresh machine needs no Android tools.
 *
 * `ims-rig build-apks --scenario <file> --out <dir>`: writes the APKs that scenario would install,
 * for inspection or a manual `adb install` (no Android tools needed: scenario-apks.ts).
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { EXIT_BAD_INPUT, EXIT_INFRASTRUCTURE, EXIT_OK } from '../../errors';
import { APKS_DIR, FIXTURES_DIR } from '../../paths';
import { loadScenario } from '../../scenario/loader';
import { ApkCache } from '../../targets/app-realiser';
import { loadTestKey, OBSERVER_APP_DIR, OBSERVER_PREBUILT_DIR, RIG_APP_DIR, RIG_APP_PREBUILT_DIR } from '../../targets/rig-app-files';
import { scenarioApks } from '../../targets/scenario-apks';
import { buildFixtureApks } from './build-fixture-apks';
import { buildRigApp, type RigAppTools, writeRigAppPrebuilt } from './build-rig-app';
import { toolProblem } from './tool-check';

export interface BuildApksOptions {
  readonly aapt?: unknown;
  readonly smali?: unknown;
  readonly frameworkRes?: unknown;
  /** Where the manifests are (default fixtures/manifests); for tests. */
  readonly manifests?: unknown;
  /** Where the APKs go (default apks/, or the --scenario output directory). */
  readonly out?: unknown;
  /** Where the rig app's sources are and its prebuilt files go (defaults: android-apps/ims-service[/prebuilt]); for tests. */
  readonly rigAppSource?: unknown;
  readonly rigAppOut?: unknown;
  /** The same for the observer app (defaults: android-apps/observer[/prebuilt]); for tests. */
  readonly observerSource?: unknown;
  readonly observerOut?: unknown;
  /** A scenario file: write its APKs instead. */
  readonly scenario?: unknown;
}

const text = (v: unknown, fallback: string): string => (typeof v === 'string' && v !== '' ? v : fallback);
const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

async function scenarioCommand(file: string, outDir: string): Promise<number> {
  const scenario = await loadScenario(file);
  await mkdir(outDir, { recursive: true });
  const apks = await scenarioApks(scenario, new ApkCache());
  for (const apk of apks) {
    const out = path.join(outDir, apk.file);
    await writeFile(out, apk.bytes);
    console.log(`${out}  ${apk.bytes.length} bytes  sha256 ${sha256(apk.bytes).slice(0, 16)}  ${apk.what}`);
  }
  console.log(`${apks.length} APKs for ${scenario.id} in ${outDir}`);
  return EXIT_OK;
}

/** Returns the exit code (0; 2 for a manifest aapt refuses or a bad scenario; 3 without the tools). */
export async function buildApksCommand(opts: BuildApksOptions): Promise<number> {
  if (typeof opts.scenario === 'string') {
    if (typeof opts.out !== 'string' || opts.out === '') {
      console.error('ims-rig build-apks: --scenario needs --out <dir>');
      return EXIT_BAD_INPUT;
    }
    return scenarioCommand(opts.scenario, opts.out);
  }
  const aapt = text(opts.aapt, 'aapt');
  const smali = text(opts.smali, 'smali');
  const frameworkRes = text(opts.frameworkRes, '/usr/share/android-framework-res/framework-res.apk');
  const problem = (await toolProblem(aapt, ['version'], 'aapt android-framework-res', '--aapt'))
    ?? (await stat(frameworkRes).then((s) => (s.isFile() ? undefined : 'not a file'), () => 'no such file') === undefined ? undefined
      : `${frameworkRes}: no such file; install them with \`apt-get install aapt android-framework-res\` (Debian/Ubuntu), or pass --aapt / --framework-res`)
    ?? (await toolProblem(smali, ['--version'], 'libsmali-java', '--smali'));
  if (problem !== undefined) {
    console.error(`ims-rig build-apks: ${problem}`);
    return EXIT_INFRASTRUCTURE;
  }

  const tools: RigAppTools = { smali, aapt, frameworkRes };
  const built = await rebuild(tools, text(opts.rigAppSource, RIG_APP_DIR), text(opts.rigAppOut, RIG_APP_PREBUILT_DIR));
  await rebuild(tools, text(opts.observerSource, OBSERVER_APP_DIR), text(opts.observerOut, OBSERVER_PREBUILT_DIR));

  const manifestsDir = text(opts.manifests, path.join(FIXTURES_DIR, 'manifests'));
  const outDir = text(opts.out, APKS_DIR);
  const { built: count, failed } = await buildFixtureApks({ aapt, frameworkRes, manifestsDir, outDir, dex: built.dex, signer: loadTestKey() });
  console.log(`${count} of ${count + failed} APKs built in ${path.relative(process.cwd(), outDir) || '.'}`);
  return failed > 0 ? EXIT_BAD_INPUT : EXIT_OK;
}

/** Builds one app's sources into its prebuilt dir and says whether the bytes changed. */
async function rebuild(tools: RigAppTools, sourceDir: string, outDir: string): ReturnType<typeof buildRigApp> {
  const built = await buildRigApp(tools, sourceDir);
  const before = await readFile(path.join(outDir, 'SHA256SUMS'), 'utf8').catch(() => '');
  await writeRigAppPrebuilt(built, outDir);
  console.log(`${path.relative(process.cwd(), outDir) || '.'}: ${before === built.sums ? 'unchanged' : 'rebuilt'} (classes.dex ${built.dex.length} bytes, AndroidManifest.bin ${built.manifest.length} bytes)`);
  return built;
}
