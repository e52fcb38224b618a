/**
 * The `android:` manifest attributes ims-rig knows: their framework resource ids (public.xml of
 * framework-res, as `aapt dump xmltree` prints them) and the value format attrs.xml gives each one,
 * which decides how aapt compiles the text (android:exported="true" becomes TYPE_INT_BOOLEAN).
 *
 * The ids are checked against real aapt + Debian's framework-res.apk by
 * __tests__/android-manifest-attributes.test.ts. The binary XML reader does not need this table
 * (an APK carries its own resource map); the writer does, and refuses attributes missing here.
 */

export const ANDROID_NS = 'http://schemas.android.com/apk/res/android';

/**
 * How aapt compiles an attribute's text (a subset of attrs.xml `format`s):
 * - `string`: literal text;  `boolean`: "true"/"false" only;  `integer`: decimal or 0x hex only;
 * - `integer-or-string`: integer when it parses, else the text (minSdkVersion "S" codenames);
 * - `reference-or-string`: "@…" is a reference, else text (android:label);
 * - `reference`: "@…" only (android:resource);
 * - `any`: string|integer|boolean|color|float (android:value of <meta-data>).
 */
export type AttributeFormat = 'string' | 'boolean' | 'integer' | 'integer-or-string' | 'reference-or-string' | 'reference' | 'any';

export interface AndroidAttribute {
  readonly id: number;
  readonly format: AttributeFormat;
}

const A = (id: number, format: AttributeFormat): AndroidAttribute => ({ id, format });

export const ANDROID_ATTRIBUTES: Readonly<Record<string, AndroidAttribute>> = {
  theme: A(0x01010000, 'reference'),
  label: A(0x01010001, 'reference-or-string'),
  icon: A(0x01010002, 'reference'),
  name: A(0x01010003, 'string'),
  permission: A(0x01010006, 'string'),
  sharedUserId: A(0x0101000b, 'string'),
  hasCode: A(0x0101000c, 'boolean'),
  persistent: A(0x0101000d, 'boolean'),
  enabled: A(0x0101000e, 'boolean'),
  debuggable: A(0x0101000f, 'boolean'),
  exported: A(0x01010010, 'boolean'),
  process: A(0x01010011, 'string'),
  authorities: A(0x01010018, 'string'),
  grantUriPermissions: A(0x0101001b, 'boolean'),
  priority: A(0x0101001c, 'integer'),
  targetPackage: A(0x01010021, 'string'),
  value: A(0x01010024, 'any'),
  resource: A(0x01010025, 'reference'),
  mimeType: A(0x01010026, 'string'),
  scheme: A(0x01010027, 'string'),
  host: A(0x01010028, 'string'),
  port: A(0x01010029, 'string'),
  path: A(0x0101002a, 'string'),
  minSdkVersion: A(0x0101020c, 'integer-or-string'),
  versionCode: A(0x0101021b, 'integer'),
  versionName: A(0x0101021c, 'string'),
  targetSdkVersion: A(0x01010270, 'integer-or-string'),
  maxSdkVersion: A(0x01010271, 'integer'),
  allowBackup: A(0x01010280, 'boolean'),
  required: A(0x0101028e, 'boolean'),
  isolatedProcess: A(0x010103a9, 'boolean'),
  supportsRtl: A(0x010103af, 'boolean'),
  singleUser: A(0x010103bf, 'boolean'),
  defaultToDeviceProtectedStorage: A(0x01010504, 'boolean'),
  directBootAware: A(0x01010505, 'boolean'),
  isStatic: A(0x0101055a, 'boolean'),
};

const NAME_BY_ID = new Map(Object.entries(ANDROID_ATTRIBUTES).map(([name, a]) => [a.id, name]));

/** The attribute name for a framework attribute id (binary XML whose string pool lost the names). */
export function androidAttributeName(id: number): string | undefined {
  return NAME_BY_ID.get(id);
}

export function androidAttribute(name: string): AndroidAttribute | undefined {
  return Object.prototype.hasOwnProperty.call(ANDROID_ATTRIBUTES, name) ? ANDROID_ATTRIBUTES[name] : undefined;
}
