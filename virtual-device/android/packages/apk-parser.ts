/**
 * Reads what PackageManager needs from an APK: the binary AndroidManifest.xml inside the zip,
 * decoded with adbkit-apkreader's binary-XML parser and interpreted the way AOSP's
 * ParsingPackageUtils does (qualified class names, implicit `exported`, directBootAware from the
 * component or the application, typed meta-data values).
 */
import yauzl from 'yauzl';
import BinaryXmlParser, { type XmlAttribute, type XmlElement } from '@devicefarmer/adbkit-apkreader/lib/apkreader/parser/binaryxml';
import { type ComponentInfo, type MetaDataValue } from '../platform';
import { DexFormatError, readDexClasses } from './dex-file';
import { parseProtectionLevel, type PermissionDefinition } from './permission-catalog';
import { readResourceTable, ResourceTableError } from '../overlays/resource-table';

const ANDROID_NS = 'http://schemas.android.com/apk/res/android';

/** A component as the APK declares it: ComponentInfo without the package, before enabled-state settings apply. */
export interface ParsedComponent extends Omit<ComponentInfo, 'packageName'> {
  readonly kind: 'activity' | 'service' | 'receiver' | 'provider';
  /** Each <intent-filter> separately (role qualification matches filter by filter). */
  readonly filters: readonly IntentFilterInfo[];
}

export interface IntentFilterInfo {
  readonly actions: readonly string[];
  readonly categories: readonly string[];
  readonly schemes: readonly string[];
  readonly mimeTypes: readonly string[];
}

export interface ParsedPackage {
  readonly packageName: string;
  readonly versionCode: number;
  readonly versionName: string;
  readonly minSdk: number;
  readonly targetSdk: number;
  /** Set for a split APK (`split="config.xx"`). */
  readonly split: string | undefined;
  readonly sharedUserId: string | undefined;
  readonly coreApp: boolean;
  readonly requestedPermissions: readonly string[];
  readonly declaredPermissions: readonly PermissionDefinition[];
  readonly application: {
    readonly label: string | undefined;
    readonly enabled: boolean;
    readonly directBootAware: boolean;
    readonly persistent: boolean;
    readonly debuggable: boolean;
    readonly testOnly: boolean;
    readonly hasCode: boolean;
  };
  readonly components: readonly ParsedComponent[];
  /**
   * The classes the APK's classes.dex, classes2.dex, … define, each with its superclass; null
   * when the APK carries no DEX at all (a manifest-only APK).
   */
  readonly code: ReadonlyMap<string, string | null> | null;
  /** <instrumentation android:name android:targetPackage> (what `pm list instrumentation` lists). */
  readonly instrumentation: readonly InstrumentationInfo[];
  /** A runtime resource overlay (`<overlay android:targetPackage>`) and the strings it holds. */
  readonly overlay?: OverlayDeclaration;
}

export interface InstrumentationInfo {
  /** Fully qualified class name, e.g. androidx.test.runner.AndroidJUnitRunner. */
  readonly name: string;
  readonly targetPackage: string;
}

export interface OverlayDeclaration {
  readonly targetPackage: string;
  readonly targetName: string | undefined;
  readonly isStatic: boolean;
  readonly priority: number;
  /** resources.arsc string resources of the default configuration, by `type/name`. */
  readonly strings: ReadonlyMap<string, string>;
}

/** A parse failure with the INSTALL_PARSE_FAILED_* code AOSP reports (PackageManager.java). */
export class ApkParseError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

/** Reads one entry of a zip held in memory; null when the entry is absent. Throws if not a zip. */
export async function readZipEntry(zip: Buffer, entryName: string): Promise<Buffer | null> {
  return (await readZipEntries(zip, (name) => name === entryName)).get(entryName) ?? null;
}

const DEX_ENTRY = /^classes(\d*)\.dex$/;

/** The entries of a zip held in memory whose names `wanted` accepts, in one pass. Throws if not a zip. */
function readZipEntries(zip: Buffer, wanted: (name: string) => boolean): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (openError, file) => {
      if (openError !== null || file === undefined) {
        reject(openError ?? new Error('not a zip'));
        return;
      }
      const found = new Map<string, Buffer>();
      file.on('error', reject);
      file.on('end', () => resolve(found));
      file.on('entry', (entry: yauzl.Entry) => {
        if (!wanted(entry.fileName)) {
          file.readEntry();
          return;
        }
        file.openReadStream(entry, (streamError, stream) => {
          if (streamError !== null || stream === undefined) {
            reject(streamError ?? new Error('unreadable entry'));
            return;
          }
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('error', reject);
          stream.on('end', () => {
            found.set(entry.fileName, Buffer.concat(chunks));
            file.readEntry();
          });
        });
      });
      file.readEntry();
    });
  });
}

/**
 * Parses an APK. `apkPath` only appears in messages (AOSP names the staging file:
 * `/data/app/vmdl<session>.tmp/base.apk`).
 */
export async function parseApk(apk: Buffer, apkPath: string): Promise<ParsedPackage> {
  let entries: Map<string, Buffer>;
  try {
    entries = await readZipEntries(apk, (name) => name === 'AndroidManifest.xml' || name === 'resources.arsc' || DEX_ENTRY.test(name));
  } catch {
    throw new ApkParseError('INSTALL_PARSE_FAILED_NOT_APK', `Failed to parse ${apkPath}: Failed to load asset path ${apkPath}`);
  }
  const manifestBytes = entries.get('AndroidManifest.xml');
  if (manifestBytes === undefined) {
    throw new ApkParseError('INSTALL_PARSE_FAILED_BAD_MANIFEST', `Failed to parse ${apkPath}: Failed to read manifest from ${apkPath}`);
  }
  let root: XmlElement;
  try {
    root = new BinaryXmlParser(manifestBytes).parse();
  } catch (error) {
    throw new ApkParseError('INSTALL_PARSE_FAILED_NOT_APK', `Failed to parse ${apkPath}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = { ...interpretManifest(root, apkPath), code: readCode(entries, apkPath) };
  const overlayElement = children(root, 'overlay')[0];
  if (overlayElement === undefined) return parsed;
  return { ...parsed, overlay: readOverlay(entries.get('resources.arsc'), apkPath, overlayElement) };
}

/** ParsingPackageUtils.parseOverlay, plus the resource table idmap2 maps the target's names to. */
function readOverlay(arsc: Buffer | undefined, apkPath: string, element: XmlElement): OverlayDeclaration {
  const targetPackage = stringAttr(element, 'targetPackage');
  if (targetPackage === undefined || targetPackage === '') {
    throw new ApkParseError('INSTALL_PARSE_FAILED_MANIFEST_MALFORMED', `Failed to parse ${apkPath}: <overlay> does not specify a target package`);
  }
  let strings: ReadonlyMap<string, string> = new Map();
  if (arsc !== undefined) {
    try {
      strings = readResourceTable(arsc).strings;
    } catch (error) {
      if (!(error instanceof ResourceTableError)) throw error;
      throw new ApkParseError('INSTALL_PARSE_FAILED_UNEXPECTED_EXCEPTION', `Failed to parse ${apkPath}: corrupt resources.arsc: ${error.message}`);
    }
  }
  return {
    targetPackage,
    targetName: stringAttr(element, 'targetName'),
    isStatic: boolAttr(element, 'isStatic') ?? false,
    priority: intAttr(element, 'priority') ?? 0,
    strings,
  };
}

/** MultiDex: classes.dex, then classes2.dex, classes3.dex … until one is missing (as ART loads them). */
function readCode(entries: ReadonlyMap<string, Buffer>, apkPath: string): ReadonlyMap<string, string | null> | null {
  const classes = new Map<string, string | null>();
  for (let n = 1; n < 100; n++) {
    const name = n === 1 ? 'classes.dex' : `classes${n}.dex`;
    const dex = entries.get(name);
    if (dex === undefined) return n === 1 ? null : classes;
    try {
      for (const [cls, superclass] of readDexClasses(dex).classes) classes.set(cls, superclass);
    } catch (e) {
      if (!(e instanceof DexFormatError)) throw e;
      // PackageManager's dexopt refuses a DEX ART's verifier cannot open.
      throw new ApkParseError('INSTALL_FAILED_DEXOPT', `Failed to install ${apkPath}: ${name}: ${e.message}`);
    }
  }
  return classes;
}

function attr(element: XmlElement, name: string): XmlAttribute | undefined {
  return element.attributes.find((a) => a.name === name && (a.namespaceURI === ANDROID_NS || a.namespaceURI === null));
}

function androidAttr(element: XmlElement, name: string): XmlAttribute | undefined {
  return element.attributes.find((a) => a.name === name && a.namespaceURI === ANDROID_NS) ?? element.attributes.find((a) => a.name === name);
}

function stringAttr(element: XmlElement, name: string): string | undefined {
  const a = androidAttr(element, name);
  if (a === undefined) return undefined;
  const v = a.typedValue.value;
  if (typeof v === 'string') return v;
  if (a.value !== null) return a.value;
  return typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}

function boolAttr(element: XmlElement, name: string): boolean | undefined {
  const a = androidAttr(element, name);
  if (a === undefined) return undefined;
  const v = a.typedValue.value;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return v === 'true';
  return undefined;
}

function intAttr(element: XmlElement, name: string): number | undefined {
  const a = androidAttr(element, name);
  if (a === undefined) return undefined;
  const v = a.typedValue.value;
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^-?\d+$/.test(v)) return Number(v);
  return undefined;
}

function children(element: XmlElement, name: string): XmlElement[] {
  return element.childNodes.filter((c) => c.nodeName === name);
}

const PACKAGE_SEGMENT = /^[A-Za-z][A-Za-z0-9_]*$/;

function interpretManifest(root: XmlElement, apkPath: string): Omit<ParsedPackage, 'code'> {
  if (root.nodeName !== 'manifest') {
    throw new ApkParseError('INSTALL_PARSE_FAILED_MANIFEST_MALFORMED', `Failed to parse ${apkPath}: No <manifest> tag in ${apkPath}`);
  }
  const packageName = attr(root, 'package')?.typedValue.value;
  if (typeof packageName !== 'string' || packageName === '') {
    throw new ApkParseError('INSTALL_PARSE_FAILED_BAD_MANIFEST', `Failed to parse ${apkPath}: <manifest> does not specify package`);
  }
  // ApkLiteParseUtils.validateName: at least one '.', segments [A-Za-z][A-Za-z0-9_]*.
  const segments = packageName.split('.');
  if (segments.length < 2 || !segments.every((s) => PACKAGE_SEGMENT.test(s))) {
    throw new ApkParseError('INSTALL_PARSE_FAILED_BAD_PACKAGE_NAME', `Invalid manifest package: ${segments.length < 2 ? 'must have at least one \'.\' separator' : 'bad character'}`);
  }
  const usesSdk = children(root, 'uses-sdk')[0];
  const minSdk = usesSdk === undefined ? 1 : (intAttr(usesSdk, 'minSdkVersion') ?? 1);
  const targetSdk = usesSdk === undefined ? minSdk : (intAttr(usesSdk, 'targetSdkVersion') ?? minSdk);
  const application = children(root, 'application')[0];
  const appDirectBootAware = application === undefined ? false : (boolAttr(application, 'directBootAware') ?? false);
  const qualify = (name: string): string => (name.startsWith('.') ? packageName + name : name.includes('.') ? name : `${packageName}.${name}`);

  const components: ParsedComponent[] = [];
  for (const kind of ['activity', 'service', 'receiver', 'provider'] as const) {
    for (const element of application === undefined ? [] : children(application, kind)) {
      const rawName = stringAttr(element, 'name');
      if (rawName === undefined || rawName === '') {
        throw new ApkParseError('INSTALL_PARSE_FAILED_MANIFEST_MALFORMED', `Failed to parse ${apkPath}: <${kind}> does not specify android:name`);
      }
      const filters = children(element, 'intent-filter').map(readFilter);
      const explicitExported = boolAttr(element, 'exported');
      if (explicitExported === undefined && filters.length > 0 && targetSdk >= 31) {
        // ParsingPackageUtils: "Targeting S+ (version 31 and above) requires that an explicit value for android:exported be defined when intent filters are present"
        throw new ApkParseError('INSTALL_PARSE_FAILED_MANIFEST_MALFORMED', `Failed parse during installPackageLI: ${apkPath}: Targeting S+ (version 31 and above) requires that an explicit value for android:exported be defined when intent filters are present`);
      }
      components.push({
        kind,
        className: qualify(rawName),
        exported: explicitExported ?? filters.length > 0,
        enabled: boolAttr(element, 'enabled') ?? true,
        permission: stringAttr(element, 'permission') ?? (kind === 'provider' ? null : (application !== undefined ? (stringAttr(application, 'permission') ?? null) : null)),
        directBootAware: (boolAttr(element, 'directBootAware') ?? false) || appDirectBootAware,
        actions: unique(filters.flatMap((f) => f.actions)),
        categories: unique(filters.flatMap((f) => f.categories)),
        dataSchemes: unique(filters.flatMap((f) => f.schemes)),
        mimeTypes: unique(filters.flatMap((f) => f.mimeTypes)),
        metaData: readMetaData(element),
        filters,
      });
    }
  }

  const requested = [...children(root, 'uses-permission'), ...children(root, 'uses-permission-sdk-23')]
    .map((e) => stringAttr(e, 'name'))
    .filter((n): n is string => n !== undefined && n !== '');
  const declared = children(root, 'permission').flatMap((e): PermissionDefinition[] => {
    const name = stringAttr(e, 'name');
    if (name === undefined) return [];
    const level = androidAttr(e, 'protectionLevel')?.typedValue.value;
    const { base, flags } = parseProtectionLevel(typeof level === 'number' || typeof level === 'string' ? level : undefined);
    return [{ name, base, flags, packageName }];
  });

  return {
    packageName,
    versionCode: intAttr(root, 'versionCode') ?? 0,
    versionName: stringAttr(root, 'versionName') ?? '',
    minSdk,
    targetSdk,
    split: typeof attr(root, 'split')?.typedValue.value === 'string' ? String(attr(root, 'split')?.typedValue.value) : undefined,
    sharedUserId: stringAttr(root, 'sharedUserId'),
    coreApp: attr(root, 'coreApp')?.typedValue.value === true || attr(root, 'coreApp')?.typedValue.value === 'true',
    requestedPermissions: unique(requested),
    declaredPermissions: declared,
    application: {
      label: application === undefined ? undefined : stringAttr(application, 'label'),
      enabled: application === undefined ? true : (boolAttr(application, 'enabled') ?? true),
      directBootAware: appDirectBootAware,
      persistent: application === undefined ? false : (boolAttr(application, 'persistent') ?? false),
      debuggable: application === undefined ? false : (boolAttr(application, 'debuggable') ?? false),
      testOnly: application === undefined ? false : (boolAttr(application, 'testOnly') ?? false),
      hasCode: application === undefined ? true : (boolAttr(application, 'hasCode') ?? true),
    },
    components,
    instrumentation: children(root, 'instrumentation').flatMap((e) => {
      const name = stringAttr(e, 'name');
      const target = stringAttr(e, 'targetPackage');
      return name === undefined || target === undefined ? [] : [{ name: qualify(name), targetPackage: target }];
    }),
  };
}

function readFilter(filter: XmlElement): IntentFilterInfo {
  const names = (tag: string, attribute: string): string[] =>
    children(filter, tag).map((e) => stringAttr(e, attribute)).filter((n): n is string => n !== undefined);
  return {
    actions: names('action', 'name'),
    categories: names('category', 'name'),
    schemes: names('data', 'scheme'),
    mimeTypes: names('data', 'mimeType'),
  };
}

/** <meta-data android:name android:value|android:resource>: typed as aapt compiled the value. */
function readMetaData(element: XmlElement): Record<string, MetaDataValue> {
  const result: Record<string, MetaDataValue> = {};
  for (const meta of children(element, 'meta-data')) {
    const name = stringAttr(meta, 'name');
    if (name === undefined) continue;
    const value = androidAttr(meta, 'value') ?? androidAttr(meta, 'resource');
    if (value === undefined) continue;
    const v = value.typedValue.value;
    if (typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string') result[name] = v;
    else if (value.value !== null) result[name] = value.value;
  }
  return result;
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
