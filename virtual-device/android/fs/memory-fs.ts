/**
 * The device's file system: an in-memory tree with owners, modes and mtimes, checked the way the
 * Linux kernel checks them (owner / group / other bits, root bypasses all but read-only mounts).
 * File contents are kept as the Buffers they were written with (no copies), so a 20 MB push costs
 * 20 MB once.
 */
import { normalizePath, pathComponents } from './fs-path';

export const S_IFMT = 0o170000;
export const S_IFDIR = 0o040000;
export const S_IFREG = 0o100000;
export const S_IFLNK = 0o120000;

/** Linux errno values the file system reports (a superset of the sync protocol's `Errno`). */
export const ENOENT = 2;
export const EPERM = 1;
export const EACCES = 13;
export const EEXIST = 17;
export const ENOTDIR = 20;
export const EISDIR = 21;
export const EINVAL = 22;
export const EROFS = 30;
export const ENOTEMPTY = 39;
export const ELOOP = 40;
export type FsErrno = 1 | 2 | 13 | 17 | 20 | 21 | 22 | 30 | 39 | 40;

/** strerror() texts, as toybox prints them. */
export const ERRNO_TEXT: Readonly<Record<FsErrno, string>> = {
  1: 'Operation not permitted',
  2: 'No such file or directory',
  13: 'Permission denied',
  17: 'File exists',
  20: 'Not a directory',
  21: 'Is a directory',
  22: 'Invalid argument',
  30: 'Read-only file system',
  39: 'Directory not empty',
  40: 'Too many symbolic links encountered',
};

/** Who is asking: the uid and the groups of the process (AID_SHELL is 2000). */
export interface Credentials {
  readonly uid: number;
  readonly gids: readonly number[];
}

interface NodeMeta {
  /** Permission bits (0o7777). */
  mode: number;
  uid: number;
  gid: number;
  mtimeSec: number;
  readonly ino: number;
}
export interface FileNode extends NodeMeta {
  readonly kind: 'file';
  data: Buffer;
}
export interface DirNode extends NodeMeta {
  readonly kind: 'dir';
  readonly children: Map<string, FsNode>;
}
export interface LinkNode extends NodeMeta {
  readonly kind: 'link';
  readonly target: string;
}
export type FsNode = FileNode | DirNode | LinkNode;

export interface NodeStat {
  readonly mode: number; // type | permission bits
  readonly size: number;
  readonly mtimeSec: number;
  readonly uid: number;
  readonly gid: number;
  readonly ino: number;
  readonly nlink: number;
}

export interface Owner {
  readonly uid: number;
  readonly gid: number;
  readonly mode: number;
}

const MAX_SYMLINKS = 40;
const R = 4;
const W = 2;
const X = 1;

function typeBits(node: FsNode): number {
  return node.kind === 'dir' ? S_IFDIR : node.kind === 'link' ? S_IFLNK : S_IFREG;
}

export function statOf(node: FsNode): NodeStat {
  const size = node.kind === 'file' ? node.data.length : node.kind === 'link' ? node.target.length : 4096;
  const nlink = node.kind === 'dir' ? 2 + [...node.children.values()].filter((c) => c.kind === 'dir').length : 1;
  return { mode: typeBits(node) | node.mode, size, mtimeSec: node.mtimeSec, uid: node.uid, gid: node.gid, ino: node.ino, nlink };
}

interface Resolved {
  readonly node: FsNode | undefined;
  readonly parent: DirNode;
  readonly name: string;
  /** The canonical path (symlinks followed as requested). */
  readonly path: string;
}

export interface MemoryFsOptions {
  /** Whether a canonical path lies on a mount that is read-only now (/system before remount). */
  readonly isReadOnly: (path: string) => boolean;
  /** Seconds since the epoch for new mtimes (the device's wall clock). */
  readonly nowSec: () => number;
}

export class MemoryFs {
  private readonly root: DirNode;
  private nextIno = 2;

  constructor(private readonly options: MemoryFsOptions) {
    this.root = { kind: 'dir', children: new Map(), mode: 0o755, uid: 0, gid: 0, mtimeSec: options.nowSec(), ino: 1 };
  }

  /** Checks access bits for `cred` on `node` (root passes everything but execute on plain files). */
  static mayAccess(node: FsNode, cred: Credentials, want: number): boolean {
    if (cred.uid === 0) return true;
    let bits: number;
    if (node.uid === cred.uid) bits = (node.mode >> 6) & 7;
    else if (cred.gids.includes(node.gid)) bits = (node.mode >> 3) & 7;
    else bits = node.mode & 7;
    return (bits & want) === want;
  }

  /**
   * Walks `path` from the root, checking search permission on each directory. Follows symlinks in
   * the middle always and at the end when `followLast`.
   */
  resolve(path: string, cred: Credentials, followLast = true): Resolved | FsErrno {
    let pending = pathComponents(normalizePath(path));
    let dir = this.root;
    let walked: string[] = [];
    let links = 0;
    if (pending.length === 0) return { node: this.root, parent: this.root, name: '', path: '/' };
    for (;;) {
      const name = pending[0];
      if (name === undefined) return ENOENT;
      if (!MemoryFs.mayAccess(dir, cred, X)) return EACCES;
      const child = dir.children.get(name);
      const last = pending.length === 1;
      if (child?.kind === 'link' && (!last || followLast)) {
        if (++links > MAX_SYMLINKS) return ELOOP;
        // Targets are resolved lexically (normalizePath), which is exact for the device's own links.
        const target = normalizePath(child.target, '/' + walked.join('/'));
        pending = [...pathComponents(target), ...pending.slice(1)];
        walked = [];
        dir = this.root;
        continue;
      }
      if (last) return { node: child, parent: dir, name, path: '/' + [...walked, name].join('/') };
      if (child === undefined) return ENOENT;
      if (child.kind !== 'dir') return ENOTDIR;
      walked.push(name);
      dir = child;
      pending = pending.slice(1);
    }
  }

  lookup(path: string, cred: Credentials, followLast = true): FsNode | FsErrno {
    const r = this.resolve(path, cred, followLast);
    if (typeof r === 'number') return r;
    return r.node ?? ENOENT;
  }

  stat(path: string, cred: Credentials): NodeStat | FsErrno {
    const node = this.lookup(path, cred, true);
    return typeof node === 'number' ? node : statOf(node);
  }

  lstat(path: string, cred: Credentials): NodeStat | FsErrno {
    const node = this.lookup(path, cred, false);
    return typeof node === 'number' ? node : statOf(node);
  }

  /** The canonical path of an existing file or directory (symlinks followed). */
  realpath(path: string, cred: Credentials): string | FsErrno {
    const r = this.resolve(path, cred, true);
    if (typeof r === 'number') return r;
    return r.node === undefined ? ENOENT : r.path;
  }

  readdir(path: string, cred: Credentials): { readonly name: string; readonly node: FsNode }[] | FsErrno {
    const node = this.lookup(path, cred, true);
    if (typeof node === 'number') return node;
    if (node.kind !== 'dir') return ENOTDIR;
    if (!MemoryFs.mayAccess(node, cred, R)) return EACCES;
    return [...node.children.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, child]) => ({ name, node: child }));
  }

  readFile(path: string, cred: Credentials): Buffer | FsErrno {
    const node = this.lookup(path, cred, true);
    if (typeof node === 'number') return node;
    if (node.kind === 'dir') return EISDIR;
    if (node.kind !== 'file') return ENOENT;
    if (!MemoryFs.mayAccess(node, cred, R)) return EACCES;
    return node.data;
  }

  /**
   * Creates or replaces (or appends to) a regular file. New files get `owner` (default: the
   * caller, mode 0644 & ~umask semantics are the caller's business).
   */
  writeFile(path: string, data: Buffer, cred: Credentials, options: { readonly mode?: number; readonly mtimeSec?: number; readonly append?: boolean } = {}): true | FsErrno {
    const r = this.resolve(path, cred, true);
    if (typeof r === 'number') return r;
    if (r.name === '') return EISDIR;
    if (this.options.isReadOnly(r.path)) return EROFS;
    const mtimeSec = options.mtimeSec ?? this.options.nowSec();
    const existing = r.node;
    if (existing !== undefined) {
      if (existing.kind === 'dir') return EISDIR;
      if (existing.kind !== 'file') return EINVAL;
      if (!MemoryFs.mayAccess(existing, cred, W)) return EACCES;
      existing.data = options.append === true && existing.data.length > 0 ? Buffer.concat([existing.data, data]) : data;
      existing.mtimeSec = mtimeSec;
      if (options.mode !== undefined && cred.uid === existing.uid) existing.mode = options.mode & 0o7777;
      return true;
    }
    if (!MemoryFs.mayAccess(r.parent, cred, W | X)) return EACCES;
    r.parent.children.set(r.name, { kind: 'file', data, mode: (options.mode ?? 0o644) & 0o7777, uid: cred.uid, gid: cred.uid === 0 ? 0 : (cred.gids[0] ?? cred.uid), mtimeSec, ino: this.nextIno++ });
    r.parent.mtimeSec = mtimeSec;
    return true;
  }

  mkdir(path: string, cred: Credentials, options: { readonly mode?: number; readonly parents?: boolean } = {}): true | FsErrno {
    const mode = (options.mode ?? 0o775) & 0o7777;
    if (options.parents === true) {
      const components = pathComponents(normalizePath(path));
      for (let i = 1; i <= components.length; i++) {
        const prefix = '/' + components.slice(0, i).join('/');
        const existing = this.lookup(prefix, cred, true);
        if (typeof existing !== 'number') {
          if (existing.kind !== 'dir') return ENOTDIR;
          continue;
        }
        if (existing !== ENOENT) return existing;
        const made = this.mkdir(prefix, cred, { mode });
        if (made !== true) return made;
      }
      return true;
    }
    const r = this.resolve(path, cred, false);
    if (typeof r === 'number') return r;
    if (r.node !== undefined || r.name === '') return EEXIST;
    if (this.options.isReadOnly(r.path)) return EROFS;
    if (!MemoryFs.mayAccess(r.parent, cred, W | X)) return EACCES;
    const mtimeSec = this.options.nowSec();
    r.parent.children.set(r.name, { kind: 'dir', children: new Map(), mode, uid: cred.uid, gid: cred.uid === 0 ? 0 : (cred.gids[0] ?? cred.uid), mtimeSec, ino: this.nextIno++ });
    r.parent.mtimeSec = mtimeSec;
    return true;
  }

  symlink(target: string, path: string, cred: Credentials): true | FsErrno {
    const r = this.resolve(path, cred, false);
    if (typeof r === 'number') return r;
    if (r.node !== undefined) return EEXIST;
    if (this.options.isReadOnly(r.path)) return EROFS;
    if (!MemoryFs.mayAccess(r.parent, cred, W | X)) return EACCES;
    r.parent.children.set(r.name, { kind: 'link', target, mode: 0o777, uid: cred.uid, gid: cred.uid === 0 ? 0 : (cred.gids[0] ?? cred.uid), mtimeSec: this.options.nowSec(), ino: this.nextIno++ });
    return true;
  }

  /** unlink(2) / rmdir(2), or the whole subtree when `recursive` (rm -r). */
  remove(path: string, cred: Credentials, options: { readonly recursive?: boolean; readonly dirOnly?: boolean } = {}): true | FsErrno {
    const r = this.resolve(path, cred, false);
    if (typeof r === 'number') return r;
    if (r.node === undefined) return ENOENT;
    if (r.name === '') return EPERM;
    if (this.options.isReadOnly(r.path)) return EROFS;
    if (!MemoryFs.mayAccess(r.parent, cred, W | X)) return EACCES;
    if (r.node.kind === 'dir') {
      if (options.recursive !== true && options.dirOnly !== true) return EISDIR;
      if (options.recursive !== true && r.node.children.size > 0) return ENOTEMPTY;
      if (options.recursive === true && !this.mayRemoveTree(r.node, cred)) return EACCES;
    } else if (options.dirOnly === true) {
      return ENOTDIR;
    }
    r.parent.children.delete(r.name);
    r.parent.mtimeSec = this.options.nowSec();
    return true;
  }

  private mayRemoveTree(dir: DirNode, cred: Credentials): boolean {
    if (dir.children.size === 0) return true;
    if (!MemoryFs.mayAccess(dir, cred, W | X | R)) return false;
    return [...dir.children.values()].every((c) => c.kind !== 'dir' || this.mayRemoveTree(c, cred));
  }

  rename(from: string, to: string, cred: Credentials): true | FsErrno {
    const source = this.resolve(from, cred, false);
    if (typeof source === 'number') return source;
    if (source.node === undefined) return ENOENT;
    const target = this.resolve(to, cred, true);
    if (typeof target === 'number') return target;
    let parent = target.parent;
    let name = target.name;
    if (target.node?.kind === 'dir') {
      parent = target.node;
      name = source.name;
    }
    if (this.options.isReadOnly(source.path) || this.options.isReadOnly(target.path)) return EROFS;
    if (!MemoryFs.mayAccess(source.parent, cred, W | X) || !MemoryFs.mayAccess(parent, cred, W | X)) return EACCES;
    source.parent.children.delete(source.name);
    parent.children.set(name, source.node);
    return true;
  }

  chmod(path: string, mode: number, cred: Credentials): true | FsErrno {
    const r = this.resolve(path, cred, true);
    if (typeof r === 'number') return r;
    if (r.node === undefined) return ENOENT;
    if (this.options.isReadOnly(r.path)) return EROFS;
    if (cred.uid !== 0 && cred.uid !== r.node.uid) return EPERM;
    r.node.mode = mode & 0o7777;
    return true;
  }

  /** Sets owner, group and mode of an existing node (the system image and package manager use it). */
  setOwner(path: string, owner: Owner): true | FsErrno {
    const node = this.lookup(path, ROOT_CREDENTIALS, false);
    if (typeof node === 'number') return node;
    node.uid = owner.uid;
    node.gid = owner.gid;
    node.mode = owner.mode & 0o7777;
    return true;
  }

  /** Total bytes held by regular files (for memory diagnostics). */
  totalBytes(): number {
    let total = 0;
    const walk = (dir: DirNode): void => {
      for (const child of dir.children.values()) {
        if (child.kind === 'file') total += child.data.length;
        else if (child.kind === 'dir') walk(child);
      }
    };
    walk(this.root);
    return total;
  }
}

export const ROOT_CREDENTIALS: Credentials = { uid: 0, gids: [0] };
