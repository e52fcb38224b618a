/**
 * SystemConfig as AOSP reads it at boot (frameworks/base/services/core/java/com/android/server/
 * SystemConfig.java): every *.xml under <partition>/etc/permissions and <partition>/etc/sysconfig
 * declares system features (`<feature name version?>`, `<unavailable-feature>`) and privileged-app
 * permission allowlists (`<privapp-permissions package><permission/><deny-permission/>`). An
 * allowlist only applies to priv-apps of its own partition.
 */
import { parseString } from 'xml2js';
import { type Credentials, type MemoryFs } from '../fs/memory-fs';
import { joinPath } from '../fs/fs-path';

export type Partition = 'system' | 'product' | 'system_ext' | 'vendor';
export const PARTITIONS: readonly Partition[] = ['system', 'vendor', 'product', 'system_ext'];

export interface SystemConfig {
  /** Feature name → version (0 when none). */
  readonly features: ReadonlyMap<string, number>;
  /** Partition → package → permission → allowed (true) or denied (false). */
  readonly privappPermissions: ReadonlyMap<Partition, ReadonlyMap<string, ReadonlyMap<string, boolean>>>;
  /** Files that failed to parse, with the reason (SystemConfig logs and skips them). */
  readonly errors: readonly string[];
}

interface XmlNode {
  readonly $?: Record<string, string>;
  readonly [child: string]: unknown;
}

function parseXml(text: string): XmlNode | Error {
  let result: XmlNode | Error = new Error('no result');
  parseString(text, { explicitArray: true }, (error: Error | null, parsed: unknown) => {
    result = error ?? (parsed as XmlNode);
  });
  return result;
}

function childNodes(node: XmlNode, name: string): XmlNode[] {
  const value = node[name];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

export function readSystemConfig(fs: MemoryFs, cred: Credentials): SystemConfig {
  const features = new Map<string, number>();
  const unavailable = new Set<string>();
  const privapp = new Map<Partition, Map<string, Map<string, boolean>>>();
  const errors: string[] = [];
  for (const partition of PARTITIONS) {
    for (const dir of [`/${partition}/etc/permissions`, `/${partition}/etc/sysconfig`]) {
      const entries = fs.readdir(dir, cred);
      if (typeof entries === 'number') continue;
      for (const entry of entries) {
        if (entry.node.kind !== 'file' || !entry.name.endsWith('.xml')) continue;
        const path = joinPath(dir, entry.name);
        const parsed = parseXml(entry.node.data.toString('utf8'));
        if (parsed instanceof Error) {
          errors.push(`${path}: ${parsed.message.split('\n')[0] ?? parsed.message}`);
          continue;
        }
        const root = (parsed.permissions ?? parsed.config) as XmlNode[] | XmlNode | undefined;
        const top = Array.isArray(root) ? root[0] : root;
        if (top === undefined || typeof top !== 'object') continue;
        for (const feature of childNodes(top, 'feature')) {
          const name = feature.$?.name;
          if (name !== undefined) features.set(name, Number(feature.$?.version ?? 0) || 0);
        }
        for (const feature of childNodes(top, 'unavailable-feature')) {
          const name = feature.$?.name;
          if (name !== undefined) unavailable.add(name);
        }
        for (const entryNode of childNodes(top, 'privapp-permissions')) {
          const pkg = entryNode.$?.package;
          if (pkg === undefined) continue;
          const byPackage = privapp.get(partition) ?? new Map<string, Map<string, boolean>>();
          privapp.set(partition, byPackage);
          const perms = byPackage.get(pkg) ?? new Map<string, boolean>();
          byPackage.set(pkg, perms);
          for (const p of childNodes(entryNode, 'permission')) if (p.$?.name !== undefined) perms.set(p.$.name, true);
          for (const p of childNodes(entryNode, 'deny-permission')) if (p.$?.name !== undefined) perms.set(p.$.name, false);
        }
      }
    }
  }
  for (const name of unavailable) features.delete(name);
  return { features, privappPermissions: privapp, errors };
}
