/**
 * What ims-rig needs to know about an app from its AndroidManifest.xml, read the same way from the
 * text form and from the binary form inside an APK (both go through the typed element tree).
 * Tri-state attributes are `undefined` when the manifest does not write them, so rules can tell
 * "absent" from "false" and say where Android would take the value from instead.
 */
import { InputError } from '../errors/errors';
import { qualifyClassName } from '../model/package-name';
import { ANDROID_NS } from './android-manifest-attributes';
import { parseXmlDocument } from './android-manifest-text';
import { childElements, findAttribute, type ResValue, type XmlDocument, type XmlElement } from './binary-xml-types';
import { describeResValue } from './binary-xml-values';

export type ComponentKind = 'service' | 'receiver' | 'activity' | 'provider';
export const COMPONENT_KINDS: readonly ComponentKind[] = ['service', 'receiver', 'activity', 'provider'];

export interface MetaDataEntry {
  readonly name: string;
  /** android:value as aapt compiled it ("true" -> boolean, "42" -> int, "yes" -> string). */
  readonly value?: ResValue;
  /** android:resource as written ("@xml/x") or as stored in an APK ("@0x7f0b0000"). */
  readonly resource?: string;
  readonly line: number;
}

export interface IntentFilterInfo {
  readonly actions: readonly string[];
  readonly categories: readonly string[];
  readonly dataSchemes: readonly string[];
  readonly mimeTypes: readonly string[];
  readonly priority?: number;
  readonly line: number;
}

export interface ComponentInfo {
  readonly kind: ComponentKind;
  /** android:name as written (".ImsService"). */
  readonly name: string;
  /** Resolved against the package ("com.oem.ims.ImsService"). */
  readonly qualifiedName: string;
  readonly exported?: boolean;
  readonly enabled?: boolean;
  readonly permission?: string;
  readonly directBootAware?: boolean;
  /**
   * android:persistent written on the component. Android reads persistent only from <application>
   * (ApplicationInfo.FLAG_PERSISTENT); on a <service> it is ignored, but the IMS documentation
   * shows it there, so where it was written is recorded.
   */
  readonly persistent?: boolean;
  readonly intentFilters: readonly IntentFilterInfo[];
  readonly metaData: readonly MetaDataEntry[];
  readonly line: number;
}

export interface ApplicationInfo {
  readonly label?: string;
  readonly directBootAware?: boolean;
  readonly persistent?: boolean;
  readonly debuggable?: boolean;
  readonly metaData: readonly MetaDataEntry[];
  readonly line: number;
}

export interface UsesPermission {
  readonly name: string;
  readonly maxSdkVersion?: number;
  readonly line: number;
}

/** A value aapt would refuse (read from text leniently so the lint can say so). */
export interface ManifestProblem {
  readonly line: number;
  readonly element: string;
  readonly message: string;
}

export interface ManifestInfo {
  /** The file as the user named it (an APK, or a text/binary AndroidManifest.xml). */
  readonly file: string;
  readonly source: 'xml' | 'apk' | 'binary-xml';
  readonly package: string;
  readonly versionCode?: number;
  readonly versionName?: string;
  readonly usesPermissions: readonly UsesPermission[];
  readonly application?: ApplicationInfo;
  readonly components: readonly ComponentInfo[];
  readonly problems: readonly ManifestProblem[];
  /** Line of <manifest>. */
  readonly line: number;
}

class Reader {
  readonly problems: ManifestProblem[] = [];

  attr(el: XmlElement, name: string): ResValue | undefined {
    const a = findAttribute(el, ANDROID_NS, name);
    if (a?.problem !== undefined) this.problems.push({ line: el.line, element: el.name, message: `android:${name} ${a.problem}` });
    return a?.value;
  }

  string(el: XmlElement, name: string): string | undefined {
    const v = this.attr(el, name);
    if (v === undefined) return undefined;
    return v.type === 'string' ? v.value : describeResValue(v);
  }

  boolean(el: XmlElement, name: string): boolean | undefined {
    const v = this.attr(el, name);
    if (v === undefined) return undefined;
    if (v.type === 'boolean') return v.value;
    const problem = `android:${name} is ${describeResValue(v)}, not a boolean`;
    if (!this.problems.some((p) => p.line === el.line && p.message.startsWith(`android:${name} `))) {
      this.problems.push({ line: el.line, element: el.name, message: problem });
    }
    return undefined;
  }

  int(el: XmlElement, name: string): number | undefined {
    const v = this.attr(el, name);
    return v?.type === 'int' ? v.value : undefined;
  }

  metaData(parent: XmlElement): MetaDataEntry[] {
    return childElements(parent, 'meta-data').map((m) => {
      const value = this.attr(m, 'value');
      const resource = this.attr(m, 'resource');
      return {
        name: this.string(m, 'name') ?? '', line: m.line,
        ...(value === undefined ? {} : { value }),
        ...(resource === undefined ? {} : { resource: describeResValue(resource) }),
      };
    });
  }

  intentFilter(f: XmlElement): IntentFilterInfo {
    const names = (tag: string, attr: string): string[] =>
      childElements(f, tag).map((e) => this.string(e, attr)).filter((s): s is string => s !== undefined);
    const priority = this.int(f, 'priority');
    return {
      actions: names('action', 'name'), categories: names('category', 'name'),
      dataSchemes: names('data', 'scheme'), mimeTypes: names('data', 'mimeType'),
      line: f.line, ...(priority === undefined ? {} : { priority }),
    };
  }

  component(el: XmlElement, kind: ComponentKind, pkg: string): ComponentInfo {
    const name = this.string(el, 'name') ?? '';
    const optional = {
      exported: this.boolean(el, 'exported'), enabled: this.boolean(el, 'enabled'), permission: this.string(el, 'permission'),
      directBootAware: this.boolean(el, 'directBootAware'), persistent: this.boolean(el, 'persistent'),
    };
    return {
      kind, name, qualifiedName: name === '' ? '' : qualifyClassName(pkg, name), line: el.line,
      ...definedOnly(optional),
      intentFilters: childElements(el, 'intent-filter').map((f) => this.intentFilter(f)),
      metaData: this.metaData(el),
    };
  }
}

function definedOnly<T extends Record<string, unknown>>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}

/**
 * Extracts the manifest facts from a typed element tree (text or binary).
 * @throws InputError when the root is not <manifest> or it has no package.
 */
export function manifestFromDocument(doc: XmlDocument, file: string, source: ManifestInfo['source']): ManifestInfo {
  const root = doc.root;
  if (root.name !== 'manifest' || root.namespace !== null) {
    throw new InputError(`${file}:${root.line}: not an AndroidManifest.xml: the root element is <${root.name}>, not <manifest>`, { file });
  }
  const pkgAttr = findAttribute(root, null, 'package');
  const pkg = pkgAttr?.value.type === 'string' ? pkgAttr.value.value : '';
  if (pkg === '') throw new InputError(`${file}:${root.line}: <manifest> has no package attribute`, { file });

  const r = new Reader();
  const app = childElements(root, 'application')[0];
  const components = app === undefined ? [] : app.children
    .filter((c) => c.namespace === null && (COMPONENT_KINDS as readonly string[]).includes(c.name))
    .map((c) => r.component(c, c.name as ComponentKind, pkg));
  const application: ApplicationInfo | undefined = app === undefined ? undefined : {
    line: app.line, metaData: r.metaData(app),
    ...definedOnly({
      label: r.string(app, 'label'), directBootAware: r.boolean(app, 'directBootAware'),
      persistent: r.boolean(app, 'persistent'), debuggable: r.boolean(app, 'debuggable'),
    }),
  };
  const usesPermissions = childElements(root, 'uses-permission').map((u) => ({
    name: r.string(u, 'name') ?? '', line: u.line,
    ...definedOnly({ maxSdkVersion: r.int(u, 'maxSdkVersion') }),
  }));
  return {
    file, source, package: pkg, line: root.line, usesPermissions, components, problems: r.problems,
    ...(application === undefined ? {} : { application }),
    ...definedOnly({ versionCode: r.int(root, 'versionCode'), versionName: r.string(root, 'versionName') }),
  };
}

/**
 * Reads a text AndroidManifest.xml.
 * @throws InputError naming `file` (and the line) when the XML is malformed or not a manifest.
 */
export function parseManifestXml(text: string, file: string): ManifestInfo {
  return manifestFromDocument(parseXmlDocument(text, file), file, 'xml');
}

/** The meta-data entries of a component (or application) by name; the last one wins, as in a Bundle. */
export function metaDataMap(entries: readonly MetaDataEntry[]): ReadonlyMap<string, MetaDataEntry> {
  return new Map(entries.map((m) => [m.name, m]));
}
