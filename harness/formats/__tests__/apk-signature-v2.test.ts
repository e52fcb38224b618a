import { execFileSync } from 'node:child_process';
import { createHash, generateKeyPairSync, X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { writeAlignedZip } from '../aligned-zip';
import { SIG_RSA_PKCS1_SHA256, signApkV2, verifyApkV2 } from '../apk-signature-v2';
import { toolAvailable } from './android-tools';
import { RIG_APP_CODE } from './fixture-files';

const SIGNER = RIG_APP_CODE.signer;
const UNSIGNED = writeAlignedZip([
  { name: 'AndroidManifest.xml', data: RIG_APP_CODE.template },
  { name: 'classes.dex', data: RIG_APP_CODE.dex },
]);
const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
const CERT_SHA256 = sha256(SIGNER.certificateDer);

describe('signApkV2 / verifyApkV2', () => {
  const signed = signApkV2(UNSIGNED, SIGNER);

  it('signs with the test key: the block verifies (signature, certificate key, content digest)', () => {
    expect(verifyApkV2(signed)).toEqual({ ok: true, certificateSha256: CERT_SHA256, algorithm: SIG_RSA_PKCS1_SHA256 });
    expect(new X509Certificate(SIGNER.certificateDer).subject).toContain('ims-rig throwaway test key');
  });

  it('is deterministic and byte-for-byte what it was when this test was written (golden)', () => {
    expect(signApkV2(UNSIGNED, SIGNER).equals(signed)).toBe(true);
    // Fixed input and the committed test key: RSASSA-PKCS1-v1_5 has no randomness.
    const small = writeAlignedZip([{ name: 'AndroidManifest.xml', data: Buffer.from('golden manifest bytes') }]);
    expect(sha256(signApkV2(small, SIGNER))).toBe('5da672cb4ee1b16842961d6ecc251ab515b01b0d702682e697a531c775a9b6dc');
  });

  it('keeps the entries where they were (alignment) and inserts the block before the central directory', () => {
    const cdOffset = UNSIGNED.readUInt32LE(UNSIGNED.length - 22 + 16);
    expect(signed.subarray(0, cdOffset).equals(UNSIGNED.subarray(0, cdOffset))).toBe(true);
    expect(signed.subarray(signed.readUInt32LE(signed.length - 22 + 16) - 16, signed.readUInt32LE(signed.length - 22 + 16)).toString('ascii')).toBe('APK Sig Block 42');
  });

  it('re-signing replaces the block instead of stacking a second one', () => {
    const again = signApkV2(signed, SIGNER);
    expect(again.equals(signed)).toBe(true);
  });

  it.each([
    ['a byte of an entry', 100],
    ['a byte of the central directory', -40],
    ['a byte of the End of Central Directory (entry count)', -14],
  ])('detects a change to %s', (_what, at) => {
    const tampered = Buffer.from(signed);
    const i = at < 0 ? tampered.length + at : at;
    tampered[i] = (tampered[i] ?? 0) ^ 0x01;
    const v = verifyApkV2(tampered);
    expect(v.ok).toBe(false);
  });

  it('detects a changed signature and an unsigned APK', () => {
    const sigBlockEnd = signed.readUInt32LE(signed.length - 22 + 16);
    const tampered = Buffer.from(signed);
    tampered[sigBlockEnd - 300] = (tampered[sigBlockEnd - 300] ?? 0) ^ 0xff; // inside the signature bytes
    expect(verifyApkV2(tampered).ok).toBe(false);
    expect(verifyApkV2(UNSIGNED)).toEqual({ ok: false, reason: 'no APK Signing Block' });
  });

  it('refuses a certificate that is not the key\'s before signing anything', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const key = privateKey.export({ type: 'pkcs8', format: 'der' });
    expect(() => signApkV2(UNSIGNED, { privateKeyPkcs8Der: key, certificateDer: SIGNER.certificateDer })).toThrow(/does not match the private key/);
  });

  const apksigner = toolAvailable('apksigner', ['version']);
  (apksigner.ok ? it : it.skip)(`apksigner verify accepts it and names the v2 scheme${apksigner.ok ? '' : ` (${apksigner.reason})`}`, () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ims-rig-sign-'));
    try {
      writeFileSync(path.join(dir, 'x.apk'), signed);
      const out = execFileSync('apksigner', ['verify', '-v', path.join(dir, 'x.apk')], { encoding: 'utf8' });
      expect(out).toContain('Verified using v2 scheme (APK Signature Scheme v2): true');
      const bad = Buffer.from(signed);
      bad[100] = (bad[100] ?? 0) ^ 1;
      writeFileSync(path.join(dir, 'bad.apk'), bad);
      expect(() => execFileSync('apksigner', ['verify', path.join(dir, 'bad.apk')], { stdio: 'pipe' })).toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
