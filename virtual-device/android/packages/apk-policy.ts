/**
 * What a real device refuses in an APK before it looks at the manifest's meaning, and the
 * reference device's default profile lets through (it installs the rig's unsigned, manifest-only
 * test APKs): the emulator profile enforces both, as an API 35 image does.
 *
 *  - No signature: ApkSignatureVerifier finds neither an APK Signing Block (v2/v3: the
 *    "APK Sig Block 42" magic before the central directory) nor a JAR signature (META-INF/*.RSA,
 *    *.DSA, *.EC) → INSTALL_PARSE_FAILED_NO_CERTIFICATES; the boot scan skips such a file.
 *  - Declared code but no classes.dex: ScanPackageUtils.assertCodePolicy
 *    ("Package <path> code is missing") → INSTALL_FAILED_INVALID_APK.
 */
import { type ParsedPackage } from './apk-parser';

const SIGNING_BLOCK_MAGIC = Buffer.from('APK Sig Block 42', 'latin1');
const JAR_SIGNATURE = /META-INF\/[^/]+\.(RSA|DSA|EC)/;

export function hasApkSignature(apk: Buffer): boolean {
  return apk.includes(SIGNING_BLOCK_MAGIC) || JAR_SIGNATURE.test(apk.toString('latin1'));
}

/** The refusal a device gives this APK, or undefined when it passes. */
export function apkPolicyRefusal(apk: Buffer, parsed: ParsedPackage, path: string): string | undefined {
  if (!hasApkSignature(apk)) return `INSTALL_PARSE_FAILED_NO_CERTIFICATES: Failed collecting certificates for ${path}`;
  if (parsed.application.hasCode && parsed.code === null) return `INSTALL_FAILED_INVALID_APK: Package ${path} code is missing`;
  return undefined;
}
