/**
 * The APK toolchain's figures: writing a scenario's ImsService app (render, encode, aligned zip,
 * v2 signature) in TypeScript, and the v2 self-verification. No Android tools.
 */
import { type BenchResult } from './main';
import { verifyApkV2 } from '../formats/apk-signature-v2';
import { buildImsAppApk } from '../formats/apk-writer';
import { type ImsAppSpec, parsePackageName } from '../model';
import { loadRigAppFiles } from '../targets/rig-app-files';

const spec = (i: number): ImsAppSpec => ({
  package: parsePackageName(`com.bench.ims${i}`), service: `com.bench.ims${i}.ImsService`, action: 'ims', permission: true, overrideBindCheck: false,
  directBootAware: true, location: 'priv-app', metadata: ['MMTEL'], answers: { 0: ['EMERGENCY_MMTEL', 'MMTEL', 'RCS'] }, behaviour: 'normal', installed: true,
});

function perCall<T>(n: number, f: (i: number) => T): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) f(i);
  return Number(process.hrtime.bigint() - start) / 1e6 / n;
}

export function run(): Promise<BenchResult[]> {
  const files = loadRigAppFiles();
  buildImsAppApk(spec(0), undefined, files); // warm up node:crypto and the encoder
  const buildMs = perCall(100, (i) => buildImsAppApk(spec(i + 1), undefined, files));
  const apk = buildImsAppApk(spec(0), undefined, files);
  const verifyMs = perCall(100, () => verifyApkV2(apk));
  return Promise.resolve([
    { name: 'scenario APK written (manifest, zip, DEX, v2 signature)', value: buildMs, unit: 'ms/APK', goal: '< 200 (the probe: 160-190 with Node start-up)' },
    { name: 'scenario APK size', value: apk.length, unit: 'bytes' },
    { name: 'v2 signature verified (verifyApkV2)', value: verifyMs, unit: 'ms/APK' },
  ]);
}
