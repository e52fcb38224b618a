/**
 * Attribute text -> typed value, the way aapt (v1, frameworks/base tools/aapt + libandroidfw
 * ResTable::stringToValue) compiles manifests, and typed value <-> the (dataType, data) pair of a
 * binary XML `Res_value`.
 *
 * The rules were taken from what `aapt package` + `aapt dump xmltree` do with edge cases (see
 * __tests__/binary-xml-values.aapt.test.ts, which re-checks them against aapt when it is installed):
 * "true"/"false" in any letter case are booleans; decimal integers must fit int32 and carry no sign
 * but '-' and no spaces; hex needs a lower-case "0x" and fits 32 bits; anything else strtof accepts
 * (" 42 ", "+5", "1e3", "0X1F", "3000000000") is a float; "#rgb/#argb/#rrggbb/#aarrggbb" is a colour.
 */
import { type AttributeFormat } from './android-manifest-attributes';
import { type ColorForm, RES_TYPE, type ResValue } from './binary-xml-types';

export interface CompiledValue {
  readonly value: ResValue;
  /** Set when aapt would refuse the text for this format; `value` is then the text as a string. */
  readonly problem?: string;
}

const DECIMAL = /^-?\d+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const DECIMAL_FLOAT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const HEX_FLOAT = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([+-]?\d+))?$/;
const COLOR = /^#([0-9a-fA-F]{3}|[0-9a-fA-F]{4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/;

/** A boolean as aapt reads it ("true"/"false", any letter case, nothing around it). */
export function parseAaptBoolean(text: string): boolean | undefined {
  const lower = text.toLowerCase();
  return lower === 'true' ? true : lower === 'false' ? false : undefined;
}

/** An integer as ResTable::stringToInt reads it: signed decimal in int32, or 0x hex in 32 bits. */
export function parseAaptInteger(text: string): { value: number; hex: boolean } | undefined {
  if (DECIMAL.test(text)) {
    const n = Number(text);
    return n >= -0x80000000 && n <= 0x7fffffff ? { value: n === 0 ? 0 : n, hex: false } : undefined;
  }
  if (HEX.test(text)) {
    const n = parseInt(text.slice(2), 16);
    return n <= 0xffffffff ? { value: n | 0, hex: true } : undefined;
  }
  return undefined;
}

/** A float as strtof would read it (surrounding blanks allowed, hex floats too; not NaN/inf). */
export function parseAaptFloat(text: string): number | undefined {
  const t = text.trim();
  if (DECIMAL_FLOAT.test(t)) return Math.fround(Number(t));
  const m = HEX_FLOAT.exec(t);
  if (m === null) return undefined;
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = m;
  if (whole.length + fraction.length === 0) return undefined;
  const mantissa = parseInt(whole + fraction || '0', 16) / 16 ** fraction.length;
  const value = mantissa * 2 ** Number(exponent);
  return Math.fround(sign === '-' ? -value : value);
}

function parseColor(text: string): { value: number; form: ColorForm } | undefined {
  const m = COLOR.exec(text);
  if (m === null) return undefined;
  const hex = m[1] ?? '';
  const wide = (short: string): string => [...short].map((c) => c + c).join('');
  switch (hex.length) {
    case 3: return { value: parseInt(`ff${wide(hex)}`, 16), form: 'rgb4' };
    case 4: return { value: parseInt(wide(hex), 16), form: 'argb4' };
    case 6: return { value: parseInt(`ff${hex}`, 16), form: 'rgb8' };
    default: return { value: parseInt(hex, 16), form: 'argb8' };
  }
}

/** aapt's string escapes: \\uXXXX, \\n, \\t, and \\<c> for any other character c. */
export function unescapeAapt(text: string): string {
  return text.replace(/\\(u[0-9a-fA-F]{4}|.)/gs, (_, e: string) =>
    e.length === 5 ? String.fromCharCode(parseInt(e.slice(1), 16)) : e === 'n' ? '\n' : e === 't' ? '\t' : e);
}

const str = (text: string): ResValue => ({ type: 'string', value: text });
const refused = (text: string, problem: string): CompiledValue => ({ value: str(text), problem });

/**
 * Compiles attribute text as aapt would for an attribute of `format`; `unprefixed` is an attribute
 * without a namespace (`coreApp="true"`), which aapt types as boolean or integer when it can.
 */
export function compileAttributeValue(text: string, format: AttributeFormat | 'unprefixed'): CompiledValue {
  if (format === 'unprefixed') {
    const b = parseAaptBoolean(text);
    if (b !== undefined) return { value: { type: 'boolean', value: b } };
    const i = parseAaptInteger(text);
    return { value: i === undefined ? str(text) : { type: 'int', ...i } };
  }
  // aapt resolves "@type/name" (and "?attr") for every format before looking at the text itself.
  if (text.startsWith('@') || text.startsWith('?')) return { value: { type: 'reference', id: 0, name: text } };
  // Backslash escapes make the text a string ("\\@x" is the string "@x"), stored unescaped.
  if (text.includes('\\')) {
    return format === 'boolean' || format === 'integer' || format === 'reference'
      ? refused(text, `expects a ${format}, not the string ${JSON.stringify(text)}`)
      : { value: str(unescapeAapt(text)) };
  }
  switch (format) {
    case 'string':
    case 'reference-or-string':
      return { value: str(text) };
    case 'reference':
      return refused(text, `expects a resource reference ("@type/name"), not ${JSON.stringify(text)}`);
    case 'boolean': {
      const b = parseAaptBoolean(text);
      return b === undefined ? refused(text, `expects "true" or "false", not ${JSON.stringify(text)}`) : { value: { type: 'boolean', value: b } };
    }
    case 'integer':
    case 'integer-or-string': {
      const i = parseAaptInteger(text);
      if (i !== undefined) return { value: { type: 'int', ...i } };
      return format === 'integer' ? refused(text, `expects an integer, not ${JSON.stringify(text)}`) : { value: str(text) };
    }
    case 'any': {
      if (text.startsWith('#')) {
        const c = parseColor(text);
        return c === undefined
          ? refused(text, `color value not valid -- must be #rgb, #argb, #rrggbb, or #aarrggbb (${JSON.stringify(text)})`)
          : { value: { type: 'color', ...c } };
      }
      const b = parseAaptBoolean(text);
      if (b !== undefined) return { value: { type: 'boolean', value: b } };
      const i = parseAaptInteger(text);
      if (i !== undefined) return { value: { type: 'int', ...i } };
      const f = parseAaptFloat(text);
      return f === undefined ? { value: str(text) } : { value: { type: 'float', value: f } };
    }
  }
}

const COLOR_TYPE: Readonly<Record<ColorForm, number>> = {
  argb8: RES_TYPE.INT_COLOR_ARGB8, rgb8: RES_TYPE.INT_COLOR_RGB8, argb4: RES_TYPE.INT_COLOR_ARGB4, rgb4: RES_TYPE.INT_COLOR_RGB4,
};

function floatBits(value: number): number {
  const b = Buffer.alloc(4);
  b.writeFloatLE(value);
  return b.readUInt32LE();
}

function bitsToFloat(bits: number): number {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(bits >>> 0);
  return b.readFloatLE();
}

/**
 * The Res_value (dataType, unsigned 32-bit data) for `value`; strings need their pool index.
 * References from text (id 0 with a name) cannot be encoded: the caller refuses them first.
 */
export function encodeResValue(value: ResValue, stringIndex: (s: string) => number): { dataType: number; data: number } {
  switch (value.type) {
    case 'string': return { dataType: RES_TYPE.STRING, data: stringIndex(value.value) };
    case 'boolean': return { dataType: RES_TYPE.INT_BOOLEAN, data: value.value ? 0xffffffff : 0 };
    case 'int': return { dataType: value.hex ? RES_TYPE.INT_HEX : RES_TYPE.INT_DEC, data: value.value >>> 0 };
    case 'float': return { dataType: RES_TYPE.FLOAT, data: floatBits(value.value) };
    case 'color': return { dataType: COLOR_TYPE[value.form], data: value.value >>> 0 };
    case 'reference': return { dataType: RES_TYPE.REFERENCE, data: value.id >>> 0 };
    case 'other': return { dataType: value.dataType, data: value.data >>> 0 };
  }
}

/** The typed value of a binary Res_value; `stringAt` resolves TYPE_STRING pool indices. */
export function decodeResValue(dataType: number, data: number, stringAt: (i: number) => string): ResValue {
  switch (dataType) {
    case RES_TYPE.STRING: return str(stringAt(data));
    case RES_TYPE.INT_BOOLEAN: return { type: 'boolean', value: data !== 0 };
    case RES_TYPE.INT_DEC: return { type: 'int', value: data | 0, hex: false };
    case RES_TYPE.INT_HEX: return { type: 'int', value: data | 0, hex: true };
    case RES_TYPE.FLOAT: return { type: 'float', value: bitsToFloat(data) };
    case RES_TYPE.INT_COLOR_ARGB8: return { type: 'color', value: data >>> 0, form: 'argb8' };
    case RES_TYPE.INT_COLOR_RGB8: return { type: 'color', value: data >>> 0, form: 'rgb8' };
    case RES_TYPE.INT_COLOR_ARGB4: return { type: 'color', value: data >>> 0, form: 'argb4' };
    case RES_TYPE.INT_COLOR_RGB4: return { type: 'color', value: data >>> 0, form: 'rgb4' };
    case RES_TYPE.REFERENCE: return { type: 'reference', id: data >>> 0 };
    default: return { type: 'other', dataType, data: data >>> 0 };
  }
}

/** A value as people read it in messages: `true`, `42`, `"yes"`, `@0x0104000a`, `#ffff0000`. */
export function describeResValue(value: ResValue): string {
  switch (value.type) {
    case 'string': return JSON.stringify(value.value);
    case 'boolean': return String(value.value);
    case 'int': return value.hex ? `0x${(value.value >>> 0).toString(16)}` : String(value.value);
    case 'float': return String(value.value);
    case 'color': return `#${(value.value >>> 0).toString(16).padStart(8, '0')}`;
    case 'reference': return value.name ?? `@0x${value.id.toString(16).padStart(8, '0')}`;
    case 'other': return `(type 0x${value.dataType.toString(16)})0x${value.data.toString(16)}`;
  }
}
