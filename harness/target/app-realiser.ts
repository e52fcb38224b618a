/**
 * Turns a scenario's app description into the APK the target installs: the app's prebuilt `apk`
 * when it names one, else a generated one (harness/formats buildImsAppApk: a binary manifest in a
 * zip, no aapt). Generated APKs are cached by the hash of the description that produced them, in
 * memory and on disk, so a suite that reuses an app builds it once per machine.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { InputError } from '../errors';
import { buildImsAppApk } from '../formats/apk-writer';
import { type AppExtras, type ImsAppSpec } from '../model';

export interface RealisedApk {
  readonly bytes: Buffer;
  /** sha256 of the APK bytes. */
  readonly sha256: string;
  readonly source: 'prebuilt' | 'generated';
}

/** Version of the generator inputs: bump when buildImsAppApk's output changes for the same spec. */
const GENERATOR_VERSION = 1;

export class ApkCache {
  private readonly memory = new Map<string, RealisedApk>();

  constructor(readonly dir: string = path.join(os.tmpdir(), 'ims-rig-apk-cache')) {}

  /** The key of a generated APK: everything in the description that reaches the manifest. */
  static keyOf(spec: ImsAppSpec, extras: AppExtras | undefined): string {
    const { installed: _installed, ...manifestFields } = spec;
    return createHash('sha256').update(JSON.stringify({ v: GENERATOR_VERSION, spec: sortKeys(manifestFields), extras: extras ? sortKeys(extras) : null })).digest('hex');
  }

  async apkFor(spec: ImsAppSpec, extras?: AppExtras): Promise<RealisedApk> {
    if (spec.apk !== undefined) return this.prebuilt(spec.apk);
    const key = ApkCache.keyOf(spec, extras);
    const cached = this.memory.get(key);
    if (cached) return cached;
    const file = path.join(this.dir, `${key}.apk`);
    let bytes: Buffer | undefined = await fs.promises.readFile(file).catch(() => undefined);
    if (bytes === undefined) {
      bytes = await buildImsAppApk(spec, extras);
      await fs.promises.mkdir(this.dir, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      await fs.promises.writeFile(tmp, bytes);
      await fs.promises.rename(tmp, file);
    }
    const realised: RealisedApk = { bytes, sha256: sha256(bytes), source: 'generated' };
    this.memory.set(key, realised);
    return realised;
  }

  private async prebuilt(file: string): Promise<RealisedApk> {
    const cached = this.memory.get(`file:${file}`);
    if (cached) return cached;
    let bytes: Buffer;
    try {
      bytes = await fs.promises.readFile(file);
    } catch (e) {
      throw new InputError(`${file}: cannot read the app's APK: ${e instanceof Error ? e.message : String(e)}`, { file, cause: e });
    }
    const realised: RealisedApk = { bytes, sha256: sha256(bytes), source: 'prebuilt' };
    this.memory.set(`file:${file}`, realised);
    return realised;
  }
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]));
  }
  return value;
}
