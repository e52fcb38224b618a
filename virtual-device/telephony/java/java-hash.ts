/**
 * Java's hashing and hash-table iteration order, so that what AOSP prints (and the order in which
 * it walks its HashMaps) comes out the same here. ImsResolver walks `mInstalledServicesCache`
 * (a HashMap<ComponentName, ImsServiceInfo>) in calculateFeatureConfigurationChange; quirk 16 of
 * the reference (aosp-imsresolver.md §1.8) depends on that order.
 *
 * java.util.HashMap (OpenJDK 8+): bucket = spread(hashCode) & (capacity - 1), entries of a bucket
 * in insertion order (new entries are appended; a resize splits a bucket preserving relative
 * order), default capacity 16, doubled when size exceeds 0.75 × capacity, never shrunk.
 */

/** String.hashCode(): s[0]·31^(n-1) + … + s[n-1], in 32-bit two's complement. */
export function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

/** HashMap.hash(): h ^ (h >>> 16). */
export function spreadHash(h: number): number {
  return (h ^ (h >>> 16)) | 0;
}

interface Entry<K, V> {
  readonly key: K;
  value: V;
  readonly hash: number;
  readonly seq: number;
}

/** HashMap.tableSizeFor: the smallest power of two >= n (at least 1). */
function tableSizeFor(n: number): number {
  let size = 1;
  while (size < n) size *= 2;
  return size;
}

/**
 * A map that iterates like java.util.HashMap. Keys are compared by `identity(key)` (equals) and
 * placed by `hashCode(key)`.
 */
export class JavaHashMap<K, V> {
  private readonly entriesByIdentity = new Map<string, Entry<K, V>>();
  private capacity: number;
  private nextSeq = 0;

  constructor(
    private readonly hashCode: (key: K) => number,
    private readonly identity: (key: K) => string,
    initialCapacity = 16,
  ) {
    this.capacity = tableSizeFor(Math.max(1, initialCapacity));
  }

  get size(): number {
    return this.entriesByIdentity.size;
  }

  get(key: K): V | undefined {
    return this.entriesByIdentity.get(this.identity(key))?.value;
  }

  has(key: K): boolean {
    return this.entriesByIdentity.has(this.identity(key));
  }

  /** put(): an existing key keeps its place in the iteration order. */
  set(key: K, value: V): this {
    const id = this.identity(key);
    const existing = this.entriesByIdentity.get(id);
    if (existing) {
      existing.value = value;
      return this;
    }
    this.entriesByIdentity.set(id, { key, value, hash: spreadHash(this.hashCode(key)), seq: this.nextSeq++ });
    if (this.entriesByIdentity.size > this.capacity * 0.75) this.capacity *= 2;
    return this;
  }

  delete(key: K): boolean {
    return this.entriesByIdentity.delete(this.identity(key));
  }

  /** clear() keeps the table (capacity), like HashMap.clear(). */
  clear(): void {
    this.entriesByIdentity.clear();
  }

  private ordered(): Entry<K, V>[] {
    const mask = this.capacity - 1;
    return [...this.entriesByIdentity.values()].sort((a, b) => (a.hash & mask) - (b.hash & mask) || a.seq - b.seq);
  }

  keys(): K[] {
    return this.ordered().map((e) => e.key);
  }

  values(): V[] {
    return this.ordered().map((e) => e.value);
  }

  entries(): [K, V][] {
    return this.ordered().map((e) => [e.key, e.value]);
  }
}

/** A set that iterates like java.util.HashSet (a HashMap underneath). */
export class JavaHashSet<T> implements Iterable<T> {
  private readonly map: JavaHashMap<T, true>;

  /** `new HashSet<>()`, or `new HashSet<>(collection)` (capacity max(size/.75 + 1, 16)). */
  constructor(
    private readonly hashCode: (value: T) => number,
    private readonly identity: (value: T) => string,
    initial?: Iterable<T>,
  ) {
    const items = initial ? [...initial] : [];
    const capacity = initial ? Math.max(Math.floor(items.length / 0.75) + 1, 16) : 16;
    this.map = new JavaHashMap(hashCode, identity, capacity);
    for (const item of items) this.map.set(item, true);
  }

  get size(): number {
    return this.map.size;
  }

  has(value: T): boolean {
    return this.map.has(value);
  }

  add(value: T): this {
    this.map.set(value, true);
    return this;
  }

  delete(value: T): boolean {
    return this.map.delete(value);
  }

  clear(): void {
    this.map.clear();
  }

  /** A copy with the same element type: `new HashSet<>(this)`. */
  copy(): JavaHashSet<T> {
    return new JavaHashSet(this.hashCode, this.identity, this);
  }

  /** removeIf(predicate). */
  removeIf(predicate: (value: T) => boolean): void {
    for (const value of this.map.keys()) if (predicate(value)) this.map.delete(value);
  }

  values(): T[] {
    return this.map.keys();
  }

  [Symbol.iterator](): Iterator<T> {
    return this.values()[Symbol.iterator]();
  }

  /** Set.equals: same elements. */
  equals(other: Iterable<T>): boolean {
    const others = [...other];
    return others.length === this.size && others.every((v) => this.has(v));
  }
}
