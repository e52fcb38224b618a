/**
 * The file system as `DeviceFs` (android-device.ts) for the sync service and the platform: calls
 * run with the credentials of whoever is asking (adbd: shell, or root after `adb root`), and
 * errors are reduced to the errno set the sync protocol reports.
 */
import { type DeviceDirEntry, type DeviceFs, type DeviceStat, type Errno } from '../../device/android-device';
import { type Credentials, type FsErrno, type MemoryFs, type NodeStat } from './memory-fs';
import { dirname, joinPath } from './fs-path';

export function toSyncErrno(errno: FsErrno): Errno {
  if (errno === 2 || errno === 13 || errno === 20 || errno === 21 || errno === 30) return errno;
  if (errno === 1) return 13; // EPERM: reported as a permission problem
  if (errno === 17) return 21; // EEXIST on a file write means a directory is in the way
  return 2;
}

function toDeviceStat(stat: NodeStat): DeviceStat {
  return { mode: stat.mode, size: stat.size, mtimeSec: stat.mtimeSec, uid: stat.uid, gid: stat.gid, ino: stat.ino };
}

export function deviceFsView(fs: MemoryFs, credentials: () => Credentials): DeviceFs {
  return {
    stat: (path) => {
      const stat = fs.stat(path, credentials());
      return typeof stat === 'number' ? toSyncErrno(stat) : toDeviceStat(stat);
    },
    list: (path) => {
      const cred = credentials();
      const entries = fs.readdir(path, cred);
      if (typeof entries === 'number') return toSyncErrno(entries);
      const result: DeviceDirEntry[] = [];
      for (const entry of entries) {
        const stat = fs.lstat(joinPath(path, entry.name), cred);
        if (typeof stat !== 'number') result.push({ name: entry.name, ...toDeviceStat(stat) });
      }
      return result;
    },
    readFile: (path) => {
      const data = fs.readFile(path, credentials());
      return typeof data === 'number' ? toSyncErrno(data) : data;
    },
    writeFile: (path, data, mode, mtimeSec) => {
      const cred = credentials();
      // adbd's SEND creates missing parent directories (secure_mkdirs, mode 0775 … as the caller).
      const parent = dirname(path);
      if (typeof fs.stat(parent, cred) === 'number') {
        const made = fs.mkdir(parent, cred, { parents: true, mode: 0o775 });
        if (made !== true) return toSyncErrno(made);
      }
      const written = fs.writeFile(path, data, cred, { mode: mode & 0o7777, mtimeSec });
      return written === true ? true : toSyncErrno(written);
    },
  };
}
