/**
 * Rewrites string attributes of a compiled (binary) AndroidManifest.xml without aapt: the
 * manifest's package, component class names (android:name of application components) and
 * meta-data values (android:value of <meta-data> by android:name). Used to write a compiled
 * template (the rig's app, compiled once by aapt) under another package with other meta-data.
 *
 * New values are APPENDED to the string pool and the attribute's raw value and typed value
 * (Res_value TYPE_STRING) point at them, so every existing index, and the resource map that covers
 * the first pool entries (attribute ids), stays valid. Renaming the package also qualifies
 * relative component names (".Foo") against the old package, as `aapt package
 * --rename-manifest-package` does, so they keep naming the classes in the DEX (probe REPORT §6:
 * the rewritten manifest is xmltree-identical to aapt's renamed one). Pure.
 */
import { CHUNK_TYPE, NO_INDEX, RES_TYPE } from './binary-xml-types';
import { readStringPool, writeStringPool } from './res-string-pool';

const ANDROID_NS = 'http://schemas.android.com/apk/res/android';
const COMPONENTS = new Set(['activity', 'activity-alias', 'service', 'receiver', 'provider', 'application']);

export interface ManifestEdits {
  /** New manifest package. */
  readonly package?: string;
  /** Component class name as written in the manifest -> new class name (fully qualified). */
  readonly components?: Readonly<Record<string, string>>;
  /** <meta-data android:name=KEY> -> new string android:value (every element with that name). */
  readonly metaData?: Readonly<Record<string, string>>;
}

export interface RewriteResult {
  readonly xml: Buffer;
  /** One line per attribute changed: `service@name: "a" -> "b"`. */
  readonly changed: readonly string[];
}

interface Attribute {
  readonly at: number;
  readonly namespace: string | null;
  readonly name: string | null;
  readonly raw: string | null;
}

/**
 * Applies `edits` to a binary manifest.
 * @throws Error when the input is not binary XML, or an edit found nothing to change (a key the
 *   template lacks is a bug in the caller, not something to ignore).
 */
export function rewriteBinaryManifest(input: Buffer, edits: ManifestEdits): RewriteResult {
  if (input.length < 8 || input.readUInt16LE(0) !== CHUNK_TYPE.XML) throw new Error('not a binary XML document');
  const poolOffset = input.readUInt16LE(2);
  const pool = readStringPool(input, poolOffset);
  const strings = [...pool.strings];
  const rest = Buffer.from(input.subarray(poolOffset + pool.size));
  const at = (i: number): string | null => (i === NO_INDEX ? null : (strings[i] ?? null));
  const pending = new Set<string>([
    ...(edits.package === undefined ? [] : ['package']),
    ...Object.keys(edits.components ?? {}).map((k) => `component:${k}`),
    ...Object.keys(edits.metaData ?? {}).map((k) => `meta-data:${k}`),
  ]);
  const changed: string[] = [];
  let oldPackage: string | null = null;

  const setString = (element: string, attr: Attribute, value: string): void => {
    strings.push(value);
    const index = strings.length - 1;
    rest.writeUInt32LE(index, attr.at + 8); // rawValue
    rest.writeUInt16LE(8, attr.at + 12); // Res_value.size
    rest.writeUInt8(0, attr.at + 14); // res0
    rest.writeUInt8(RES_TYPE.STRING, attr.at + 15);
    rest.writeUInt32LE(index, attr.at + 16);
    changed.push(`${element}@${attr.name ?? '?'}: ${JSON.stringify(attr.raw)} -> ${JSON.stringify(value)}`);
  };

  for (let off = 0; off + 8 <= rest.length;) {
    const chunkSize = rest.readUInt32LE(off + 4);
    if (chunkSize < 8 || off + chunkSize > rest.length) throw new Error(`chunk at ${poolOffset + pool.size + off} has a bad size`);
    if (rest.readUInt16LE(off) === CHUNK_TYPE.XML_START_ELEMENT) {
      const ext = off + rest.readUInt16LE(off + 2);
      const element = at(rest.readUInt32LE(ext + 4)) ?? '';
      const attrStart = rest.readUInt16LE(ext + 8);
      const attrSize = rest.readUInt16LE(ext + 10);
      const count = rest.readUInt16LE(ext + 12);
      const attrs: Attribute[] = [];
      for (let i = 0; i < count; i++) {
        const a = ext + attrStart + i * attrSize;
        if (a + 20 > off + chunkSize) throw new Error(`<${element}> attribute ${i} runs past its chunk`);
        attrs.push({ at: a, namespace: at(rest.readUInt32LE(a)), name: at(rest.readUInt32LE(a + 4)), raw: at(rest.readUInt32LE(a + 8)) });
      }
      const android = (name: string): Attribute | undefined => attrs.find((x) => x.namespace === ANDROID_NS && x.name === name);
      if (element === 'manifest') {
        const pkg = attrs.find((x) => x.namespace === null && x.name === 'package');
        oldPackage = pkg?.raw ?? null;
        if (pkg && edits.package !== undefined) {
          setString(element, pkg, edits.package);
          pending.delete('package');
        }
      } else if (COMPONENTS.has(element)) {
        const name = android('name');
        const raw = name?.raw ?? null;
        if (name && raw !== null) {
          const renamed = edits.components?.[raw];
          if (renamed !== undefined) {
            setString(element, name, renamed);
            pending.delete(`component:${raw}`);
          } else if (edits.package !== undefined && oldPackage !== null && (raw.startsWith('.') || !raw.includes('.'))) {
            setString(element, name, raw.startsWith('.') ? oldPackage + raw : `${oldPackage}.${raw}`);
          }
        }
      } else if (element === 'meta-data') {
        const key = android('name')?.raw ?? null;
        const value = android('value');
        const next = key === null ? undefined : edits.metaData?.[key];
        if (key !== null && value && next !== undefined) {
          setString(element, value, next);
          pending.delete(`meta-data:${key}`);
        }
      }
    }
    off += chunkSize;
  }
  if (pending.size > 0) throw new Error(`binary manifest has nothing to rewrite for ${[...pending].join(', ')}`);
  const newPool = writeStringPool(strings, pool.flags);
  const header = Buffer.from(input.subarray(0, poolOffset));
  header.writeUInt32LE(poolOffset + newPool.length + rest.length, 4);
  return { xml: Buffer.concat([header, newPool, rest]), changed };
}
