/**
 * The file system as a shell process sees it: every call is made with the credentials of the
 * process's uid (shell 2000 with its supplementary groups, or root).
 */
import { minimatch } from 'minimatch';
import { type Credentials, type FsErrno, type MemoryFs, type NodeStat } from '../fs/memory-fs';
import { normalizePath, pathComponents } from '../fs/fs-path';

/** The groups adbd gives the shell (system/core/adb/daemon/main.cpp drop_privileges → AID_* list). */
export const SHELL_GROUPS: readonly { readonly gid: number; readonly name: string }[] = [
  { gid: 1004, name: 'input' },
  { gid: 1007, name: 'log' },
  { gid: 1011, name: 'adb' },
  { gid: 1015, name: 'sdcard_rw' },
  { gid: 1028, name: 'sdcard_r' },
  { gid: 1078, name: 'ext_data_rw' },
  { gid: 1079, name: 'ext_obb_rw' },
  { gid: 3001, name: 'net_bt_admin' },
  { gid: 3002, name: 'net_bt' },
  { gid: 3003, name: 'inet' },
  { gid: 3006, name: 'net_bw_stats' },
  { gid: 3009, name: 'readproc' },
  { gid: 3011, name: 'uhid' },
  { gid: 3012, name: 'readtracefs' },
];

export function credentialsFor(uid: number): Credentials {
  const extra = SHELL_GROUPS.map((g) => g.gid);
  return uid === 0 ? { uid: 0, gids: [0, ...extra] } : { uid, gids: [uid, ...extra] };
}

/** Kernel files whose content is computed when read (procfs), by absolute path. */
export type ProcFiles = Readonly<Record<string, () => string>>;

export class ShellFiles {
  constructor(readonly fs: MemoryFs, private readonly proc: ProcFiles = {}) {}

  stat(path: string, uid: number): NodeStat | FsErrno {
    const generated = this.proc[normalizePath(path)];
    if (generated !== undefined) return { mode: 0o100444, size: 0, mtimeSec: 0, uid: 0, gid: 0, ino: 4026531842, nlink: 1 };
    return this.fs.stat(path, credentialsFor(uid));
  }

  read(path: string, uid: number): Buffer | FsErrno {
    const generated = this.proc[normalizePath(path)];
    if (generated !== undefined) return Buffer.from(generated(), 'utf8');
    return this.fs.readFile(path, credentialsFor(uid));
  }

  /** Creates/truncates (append=false) or appends to a file; new files get 0666 (adb shell runs with umask 0). */
  write(path: string, data: Buffer, uid: number, append: boolean): true | FsErrno {
    return this.fs.writeFile(path, data, credentialsFor(uid), { append, mode: 0o666 });
  }

  /**
   * Pathname expansion (POSIX 2.13.3) of a pattern whose quoted characters are backslash-escaped.
   * Returns the sorted matches, or an empty list when nothing matches.
   */
  glob(pattern: string, cwd: string, uid: number): string[] {
    const absolute = pattern.startsWith('/');
    const cred = credentialsFor(uid);
    const components = pathComponents(pattern);
    let candidates: string[] = [absolute ? '/' : normalizePath('.', cwd)];
    let shown: string[] = [absolute ? '/' : ''];
    for (const component of components) {
      const next: string[] = [];
      const nextShown: string[] = [];
      const isPattern = /(^|[^\\])[*?[]/.test(component);
      candidates.forEach((dir, index) => {
        const prefix = shown[index] ?? '';
        const join = (base: string, name: string): string => (base === '' ? name : base.endsWith('/') ? base + name : `${base}/${name}`);
        if (!isPattern) {
          const literal = component.replace(/\\(.)/g, '$1');
          const full = join(dir, literal);
          if (typeof this.fs.lstat(full, cred) !== 'number') {
            next.push(full);
            nextShown.push(join(prefix, literal));
          }
          return;
        }
        const entries = this.fs.readdir(dir, cred);
        if (typeof entries === 'number') return;
        for (const entry of entries) {
          if (minimatch(entry.name, component, { dot: false })) {
            next.push(join(dir, entry.name));
            nextShown.push(join(prefix, entry.name));
          }
        }
      });
      candidates = next;
      shown = nextShown;
    }
    return shown.sort();
  }
}
