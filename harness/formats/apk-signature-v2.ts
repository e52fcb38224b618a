/**
 * APK Signature Scheme v2 (https://source.android.com/docs/security/features/apksigning/v2), with
 * node:crypto only: sign an aligned zip, and verify a signed APK the way PackageManager does
 * (ApkSignatureSchemeV2Verifier: block layout, signature over the signed data, content digest).
 *
 * v2 alone is enough for minSdk 30: v1 (JAR) only matters below API 24 and v3 only adds key
 * rotation (probe REPORT §5; `apksigner verify` accepts these APKs). Layout, inside out:
 *   digest        SHA-256 over 1 MiB chunks: 0x5a ‖ u32 count ‖ (SHA-256(0xa5 ‖ u32 len ‖ chunk))*
 *                 of [entries, central directory, EOCD with its CD offset = start of the block]
 *   signed data   lp(seq(lp(u32 alg ‖ lp(digest)))) ‖ lp(seq(lp(cert DER))) ‖ lp(seq())
 *   signer        lp(signed data) ‖ lp(seq(lp(u32 alg ‖ lp(signature)))) ‖ lp(SubjectPublicKeyInfo)
 *   v2 value      lp(seq(signer))          (lp: u32 length prefix; seq: lp of lp items)
 *   signing block u64 size ‖ u64 pairLen ‖ u32 0x7109871a ‖ v2 value ‖ u64 size ‖ "APK Sig Block 42"
 * The block sits between the last entry and the central directory; the EOCD's CD offset moves
 * past it. RSASSA-PKCS1-v1_5 is deterministic, so the same input and key give the same bytes.
 */
import * as crypto from 'node:crypto';
import { locateZipSections } from './aligned-zip';

export const V2_BLOCK_ID = 0x7109871a;
const BLOCK_MAGIC = Buffer.from('APK Sig Block 42', 'ascii');
const CHUNK = 1024 * 1024;
/** Signature algorithm ids (ApkSigningBlockUtils): RSASSA-PKCS1-v1_5 + SHA-256, ECDSA + SHA-256. */
export const SIG_RSA_PKCS1_SHA256 = 0x0103;
export const SIG_ECDSA_SHA256 = 0x0201;

/** The key an APK is signed with: PKCS#8 DER private key and its X.509 DER certificate. */
export interface ApkSigner {
  readonly privateKeyPkcs8Der: Buffer;
  readonly certificateDer: Buffer;
}

const u32 = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
};
const u64 = (n: number): Buffer => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(n));
  return b;
};
/** uint32-length-prefixed concatenation. */
const lp = (...parts: Buffer[]): Buffer => {
  const body = Buffer.concat(parts);
  return Buffer.concat([u32(body.length), body]);
};

interface SplitApk {
  /** Bytes before the signing block (or the central directory when unsigned). */
  readonly entries: Buffer;
  readonly centralDirectory: Buffer;
  readonly eocd: Buffer;
  /** The APK Signing Block's id-value pairs, when there is one. */
  readonly block?: Buffer;
}

/** Splits an APK into the regions v2 digests, cutting out an existing signing block. */
function split(apk: Buffer): SplitApk {
  const { eocdOffset, centralDirectoryOffset } = locateZipSections(apk);
  const centralDirectory = apk.subarray(centralDirectoryOffset, eocdOffset);
  const eocd = apk.subarray(eocdOffset);
  if (centralDirectoryOffset >= 32 && apk.subarray(centralDirectoryOffset - 16, centralDirectoryOffset).equals(BLOCK_MAGIC)) {
    const size = Number(apk.readBigUInt64LE(centralDirectoryOffset - 24));
    const start = centralDirectoryOffset - size - 8;
    if (size < 24 || start < 0 || Number(apk.readBigUInt64LE(start)) !== size) throw new Error('corrupt APK Signing Block (sizes disagree)');
    return { entries: apk.subarray(0, start), centralDirectory, eocd, block: apk.subarray(start + 8, centralDirectoryOffset - 24) };
  }
  return { entries: apk.subarray(0, centralDirectoryOffset), centralDirectory, eocd };
}

/** The v2 content digest of the three regions (the EOCD as if no block were there). */
function contentDigest(entries: Buffer, centralDirectory: Buffer, eocd: Buffer): Buffer {
  const eocdForDigest = Buffer.from(eocd);
  eocdForDigest.writeUInt32LE(entries.length, 16);
  const chunkDigests: Buffer[] = [];
  for (const section of [entries, centralDirectory, eocdForDigest]) {
    for (let off = 0; off < section.length; off += CHUNK) {
      const chunk = section.subarray(off, Math.min(off + CHUNK, section.length));
      chunkDigests.push(crypto.createHash('sha256').update(Buffer.from([0xa5])).update(u32(chunk.length)).update(chunk).digest());
    }
  }
  return crypto.createHash('sha256').update(Buffer.from([0x5a])).update(u32(chunkDigests.length)).update(Buffer.concat(chunkDigests)).digest();
}

function algorithmFor(key: crypto.KeyObject): number {
  if (key.asymmetricKeyType === 'rsa') return SIG_RSA_PKCS1_SHA256;
  if (key.asymmetricKeyType === 'ec') return SIG_ECDSA_SHA256;
  throw new Error(`APK signer: unsupported key type ${String(key.asymmetricKeyType)} (RSA or EC P-256)`);
}

const signOptions = (alg: number, key: crypto.KeyObject): crypto.SignKeyObjectInput =>
  alg === SIG_ECDSA_SHA256 ? { key, dsaEncoding: 'der' } : { key };

/**
 * Signs `apk` (an aligned zip, signed or not: an existing block is replaced) with v2.
 * @throws Error when the certificate does not belong to the key, or the zip is not one.
 */
export function signApkV2(apk: Buffer, signer: ApkSigner): Buffer {
  const key = crypto.createPrivateKey({ key: signer.privateKeyPkcs8Der, format: 'der', type: 'pkcs8' });
  const alg = algorithmFor(key);
  const spki = crypto.createPublicKey(key).export({ type: 'spki', format: 'der' });
  const certKey = new crypto.X509Certificate(signer.certificateDer).publicKey.export({ type: 'spki', format: 'der' });
  if (!spki.equals(certKey)) throw new Error('APK signer: the certificate does not match the private key');

  const { entries, centralDirectory, eocd } = split(apk);
  const digest = contentDigest(entries, centralDirectory, eocd);
  const signedData = Buffer.concat([
    lp(lp(u32(alg), lp(digest))), // digests
    lp(lp(signer.certificateDer)), // certificates
    lp(), // additional attributes: none
  ]);
  const signature = crypto.sign('sha256', signedData, signOptions(alg, key));
  const signerBlock = lp(lp(signedData), lp(lp(u32(alg), lp(signature))), lp(spki));
  const v2Value = lp(signerBlock); // the sequence of signers: this one

  const pair = Buffer.concat([u64(4 + v2Value.length), u32(V2_BLOCK_ID), v2Value]);
  const size = pair.length + 8 + 16;
  const block = Buffer.concat([u64(size), pair, u64(size), BLOCK_MAGIC]);
  const newEocd = Buffer.from(eocd);
  newEocd.writeUInt32LE(entries.length + block.length, 16);
  return Buffer.concat([entries, block, centralDirectory, newEocd]);
}

export type V2Verification =
  | { readonly ok: true; readonly certificateSha256: string; readonly algorithm: number }
  | { readonly ok: false; readonly reason: string };

/** A bounded reader over length-prefixed structures; throws on anything out of bounds. */
class Cursor {
  private at = 0;
  constructor(private readonly buf: Buffer, private readonly what: string) {}
  get done(): boolean {
    return this.at >= this.buf.length;
  }
  u32(): number {
    if (this.at + 4 > this.buf.length) throw new Error(`${this.what}: truncated`);
    const v = this.buf.readUInt32LE(this.at);
    this.at += 4;
    return v;
  }
  lp(what: string): Cursor {
    const len = this.u32();
    if (this.at + len > this.buf.length) throw new Error(`${this.what}: ${what} runs past its parent`);
    const sub = new Cursor(this.buf.subarray(this.at, this.at + len), what);
    this.at += len;
    return sub;
  }
  rest(): Buffer {
    const b = this.buf.subarray(this.at);
    this.at = this.buf.length;
    return b;
  }
}

function findV2Value(block: Buffer): Buffer | undefined {
  for (let at = 0; at + 12 <= block.length;) {
    const len = Number(block.readBigUInt64LE(at));
    if (len < 4 || at + 8 + len > block.length) throw new Error('APK Signing Block: id-value pair runs past the block');
    if (block.readUInt32LE(at + 8) === V2_BLOCK_ID) return block.subarray(at + 12, at + 8 + len);
    at += 8 + len;
  }
  return undefined;
}

/**
 * Verifies the v2 signature of `apk` as PackageManager does for one signer: the signature over the
 * signed data with the signer's public key, that key equal to the first certificate's, the
 * digest algorithm matching, and the content digest recomputed over the file. Never throws.
 */
export function verifyApkV2(apk: Buffer): V2Verification {
  try {
    const { entries, centralDirectory, eocd, block } = split(apk);
    if (block === undefined) return { ok: false, reason: 'no APK Signing Block' };
    const value = findV2Value(block);
    if (value === undefined) return { ok: false, reason: 'no APK Signature Scheme v2 block' };
    const signers = new Cursor(value, 'v2 value').lp('signers');
    const signer = signers.lp('signer');
    if (!signers.done) return { ok: false, reason: 'more than one signer' };
    const signedDataCursor = signer.lp('signed data');
    const signedData = signedDataCursor.rest();
    const signatures = signer.lp('signatures');
    const publicKeyDer = signer.lp('public key').rest();
    const sigEntry = signatures.lp('signature');
    const alg = sigEntry.u32();
    const signature = sigEntry.lp('signature bytes').rest();
    const publicKey = crypto.createPublicKey({ key: publicKeyDer, format: 'der', type: 'spki' });
    if (alg !== SIG_RSA_PKCS1_SHA256 && alg !== SIG_ECDSA_SHA256) return { ok: false, reason: `unsupported signature algorithm 0x${alg.toString(16)}` };
    if (!crypto.verify('sha256', signedData, alg === SIG_ECDSA_SHA256 ? { key: publicKey, dsaEncoding: 'der' } : publicKey, signature)) {
      return { ok: false, reason: 'signature does not verify over the signed data' };
    }
    const data = new Cursor(signedData, 'signed data');
    const digest = data.lp('digests').lp('digest');
    const digestAlg = digest.u32();
    const claimed = digest.lp('digest bytes').rest();
    const certificate = data.lp('certificates').lp('certificate').rest();
    if (digestAlg !== alg) return { ok: false, reason: 'digest algorithm differs from the signature algorithm' };
    const certKey = new crypto.X509Certificate(certificate).publicKey.export({ type: 'spki', format: 'der' });
    if (!certKey.equals(publicKeyDer)) return { ok: false, reason: 'public key differs from the certificate\'s' };
    const actual = contentDigest(entries, centralDirectory, eocd);
    if (!actual.equals(claimed)) return { ok: false, reason: 'CHUNKED_SHA256 content digest mismatch (the APK was changed after signing)' };
    return { ok: true, certificateSha256: crypto.createHash('sha256').update(certificate).digest('hex'), algorithm: alg };
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
}
