/**
 * Deterministic stand-ins for Java's Object.hashCode() identities (`…$Stub$Proxy@9c1f0a3`) and for
 * Math.random() (ExponentialBackoff's jitter): seeded per device so that a run repeats exactly.
 */
import { type BinderRef, type IdentityHashes } from '../ims/binder';

/** mulberry32: a small, well-distributed 32-bit PRNG. Returns [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class IdentityHashGenerator implements IdentityHashes {
  private readonly random: () => number;

  constructor(seed: number) {
    this.random = seededRandom(seed);
  }

  next(javaClass: string): BinderRef {
    const hash = (0x1000000 + Math.floor(this.random() * 0xeffffff)).toString(16);
    return { description: `${javaClass}@${hash}` };
  }
}
