/**
 * Reads what the class loader needs from a classes.dex: which classes it defines and their
 * superclasses (class_defs), plus the framework members it references (method_ids, field_ids),
 * per the Dalvik executable format (source.android.com/docs/core/runtime/dex-format):
 *   header_item (0x70 bytes): magic "dex\n0NN\0", adler32 checksum of bytes 12.., ..., endian_tag,
 *     string_ids, type_ids, proto_ids, field_ids, method_ids, class_defs (size, offset pairs)
 *   string_id_item u32 -> string_data_item: uleb128 utf16 length, MUTF-8 bytes, 0
 *   type_id_item u32 descriptor string index; class_def_item: class_idx, access, superclass_idx, ...
 * Pure; throws DexFormatError for anything out of bounds, as ART's DexFileVerifier refuses it.
 */

export class DexFormatError extends Error {}

const HEADER_SIZE = 0x70;
const ENDIAN_CONSTANT = 0x12345678;
const NO_INDEX = 0xffffffff;

export interface DexClasses {
  /** Defined class (dotted name) -> its superclass (dotted), null for java.lang.Object. */
  readonly classes: ReadonlyMap<string, string | null>;
}

export interface DexReferences {
  /** `android.os.Process.killProcess(int)`, `android.app.Service.<init>()` … */
  readonly methods: readonly string[];
  /** `android.content.pm.ServiceInfo.metaData` … */
  readonly fields: readonly string[];
}

function need(condition: boolean, what: string): asserts condition {
  if (!condition) throw new DexFormatError(`malformed DEX: ${what}`);
}

/** Adler-32 (zlib), the DEX header checksum over everything after it. */
function adler32(data: Buffer): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < data.length; i++) {
    a = (a + (data[i] ?? 0)) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

class Dex {
  private readonly strings: string[] = [];
  private readonly types: string[] = [];

  constructor(private readonly buf: Buffer) {
    need(buf.length >= HEADER_SIZE, 'shorter than its header');
    need(buf.toString('latin1', 0, 4) === 'dex\n' && /^0\d\d\0$/.test(buf.toString('latin1', 4, 8)), 'bad magic');
    need(buf.readUInt32LE(40) === ENDIAN_CONSTANT, 'not little-endian');
    need(buf.readUInt32LE(32) === buf.length, `file_size ${buf.readUInt32LE(32)} is not the file's ${buf.length} bytes`);
    need(buf.readUInt32LE(8) === adler32(buf.subarray(12)), 'checksum mismatch');
    const [stringCount, stringOff] = this.section(56, 4);
    for (let i = 0; i < stringCount; i++) this.strings.push(this.stringData(buf.readUInt32LE(stringOff + 4 * i)));
    const [typeCount, typeOff] = this.section(64, 4);
    for (let i = 0; i < typeCount; i++) this.types.push(this.string(buf.readUInt32LE(typeOff + 4 * i)));
  }

  /** (count, offset) of a header section, checked to fit in the file. */
  section(at: number, itemSize: number): [number, number] {
    const count = this.buf.readUInt32LE(at);
    const off = this.buf.readUInt32LE(at + 4);
    need(count === 0 || (off >= HEADER_SIZE && off + count * itemSize <= this.buf.length), `section at header offset ${at} out of range`);
    return [count, off];
  }

  private uleb128(at: number): [number, number] {
    let value = 0;
    for (let i = 0; i < 5; i++) {
      need(at + i < this.buf.length, 'uleb128 runs past the file');
      const byte = this.buf[at + i] ?? 0;
      value |= (byte & 0x7f) << (7 * i);
      if ((byte & 0x80) === 0) return [value >>> 0, at + i + 1];
    }
    throw new DexFormatError('malformed DEX: uleb128 longer than 5 bytes');
  }

  private stringData(off: number): string {
    need(off < this.buf.length, 'string data out of range');
    const [, start] = this.uleb128(off);
    const end = this.buf.indexOf(0, start);
    need(end >= 0, 'unterminated string');
    return this.buf.toString('utf8', start, end); // MUTF-8; identifiers here are plain UTF-8
  }

  string(i: number): string {
    const s = this.strings[i];
    need(s !== undefined, `string index ${i} out of range`);
    return s;
  }

  type(i: number): string {
    const t = this.types[i];
    need(t !== undefined, `type index ${i} out of range`);
    return t;
  }

  u16(at: number): number {
    return this.buf.readUInt16LE(at);
  }

  u32(at: number): number {
    return this.buf.readUInt32LE(at);
  }
}

/** `Lorg/x/Y$Z;` -> `org.x.Y$Z`, `I` -> `int`, `[Ljava/lang/String;` -> `java.lang.String[]`. */
export function descriptorToName(descriptor: string): string {
  if (descriptor.startsWith('[')) return `${descriptorToName(descriptor.slice(1))}[]`;
  if (descriptor.startsWith('L') && descriptor.endsWith(';')) return descriptor.slice(1, -1).replace(/\//g, '.');
  const primitive: Readonly<Record<string, string>> = { V: 'void', Z: 'boolean', B: 'byte', S: 'short', C: 'char', I: 'int', J: 'long', F: 'float', D: 'double' };
  return primitive[descriptor] ?? descriptor;
}

/** The classes a DEX defines, each with its superclass. */
export function readDexClasses(dex: Buffer): DexClasses {
  const d = new Dex(dex);
  const [count, off] = d.section(96, 32);
  const classes = new Map<string, string | null>();
  for (let i = 0; i < count; i++) {
    const at = off + 32 * i;
    const superIndex = d.u32(at + 8);
    classes.set(descriptorToName(d.type(d.u32(at))), superIndex === NO_INDEX ? null : descriptorToName(d.type(superIndex)));
  }
  return { classes };
}

/** Every method and field a DEX refers to (its own included), as readable names. */
export function readDexReferences(dex: Buffer): DexReferences {
  const d = new Dex(dex);
  const [protoCount, protoOff] = d.section(72, 12);
  const protos: string[] = [];
  for (let i = 0; i < protoCount; i++) {
    const paramsOff = d.u32(protoOff + 12 * i + 8);
    const params: string[] = [];
    if (paramsOff !== 0) {
      const size = d.u32(paramsOff);
      for (let p = 0; p < size; p++) params.push(descriptorToName(d.type(d.u16(paramsOff + 4 + 2 * p))).replace(/^.*\./, ''));
    }
    protos.push(params.join(', '));
  }
  const [fieldCount, fieldOff] = d.section(80, 8);
  const fields: string[] = [];
  for (let i = 0; i < fieldCount; i++) fields.push(`${descriptorToName(d.type(d.u16(fieldOff + 8 * i)))}.${d.string(d.u32(fieldOff + 8 * i + 4))}`);
  const [methodCount, methodOff] = d.section(88, 8);
  const methods: string[] = [];
  for (let i = 0; i < methodCount; i++) {
    const at = methodOff + 8 * i;
    methods.push(`${descriptorToName(d.type(d.u16(at)))}.${d.string(d.u32(at + 4))}(${protos[d.u16(at + 2)] ?? '?'})`);
  }
  return { methods, fields };
}
