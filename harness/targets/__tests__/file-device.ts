/**
 * A target double with a tiny file system for the rig's own bookkeeping on a device (lock,
 * leftover snapshot): `mkdir` (failing like toybox on an existing path), `cat`, `rm -rf`, `ls -1`,
 * push, and command sequences. Several clients may share one FileDevice, as several runs share a
 * target.
 */
import { DeviceUnavailableError } from '../../errors';
import { type ShellCommand, type ShellResult } from '../../adb';

export class FileDevice {
  readonly files = new Map<string, string>();
  readonly dirs = new Set<string>(['/data/local/tmp']);
  readonly sent: string[] = [];
  /** While true every call fails as a device that is rebooting would. */
  offline = false;

  constructor(readonly serial = 'emulator-5554', bootId = '0b2a4c1e-6f3d-4e55-9a10-3c2b1d0e9f87') {
    this.files.set('/proc/sys/kernel/random/boot_id', `${bootId}\n`);
  }

  private run(line: string): { stdout: string; stderr: string; exitCode: number } {
    this.sent.push(line);
    const [tool, ...args] = line.split(' ').map((a) => a.replace(/^'|'$/g, ''));
    if (tool === 'mkdir') {
      const dir = args[0] ?? '';
      if (this.dirs.has(dir) || this.files.has(dir)) return { stdout: '', stderr: `mkdir: '${dir}': File exists\n`, exitCode: 1 };
      this.dirs.add(dir);
      return { stdout: '', stderr: '', exitCode: 0 };
    }
    if (tool === 'cat') {
      const text = this.files.get(args[0] ?? '');
      return text === undefined ? { stdout: '', stderr: `cat: ${args[0] ?? ''}: No such file or directory\n`, exitCode: 1 } : { stdout: text, stderr: '', exitCode: 0 };
    }
    if (tool === 'rm') {
      for (const p of args.filter((a) => !a.startsWith('-'))) {
        for (const f of [...this.files.keys()]) if (f === p || f.startsWith(`${p}/`)) this.files.delete(f);
        for (const d of [...this.dirs]) if (d === p || d.startsWith(`${p}/`)) this.dirs.delete(d);
      }
      return { stdout: '', stderr: '', exitCode: 0 };
    }
    if (tool === 'ls') {
      const dir = args[args.length - 1] ?? '';
      const names = [...this.files.keys(), ...this.dirs].filter((p) => p.startsWith(`${dir}/`) && !p.slice(dir.length + 1).includes('/')).map((p) => p.slice(dir.length + 1));
      return { stdout: names.sort().map((n) => `${n}\n`).join(''), stderr: '', exitCode: 0 };
    }
    return { stdout: '', stderr: `${tool ?? ''}: not found\n`, exitCode: 127 };
  }

  shell(command: ShellCommand): Promise<ShellResult> {
    if (this.offline) return Promise.reject(new DeviceUnavailableError(`${this.serial}: device offline`));
    const sequence = /; echo "([A-Za-z0-9_]+):\$\?"/.exec(command.line);
    let stdout = '';
    let stderr = '';
    let exitCode = 0;
    if (sequence) {
      const marker = sequence[1] as string;
      for (const part of command.line.split(`; echo "${marker}:$?"`).map((p) => p.replace(/^; /, '')).filter((p) => p !== '')) {
        const r = this.run(part);
        stdout += `${r.stdout}${r.stdout === '' || r.stdout.endsWith('\n') ? '' : '\n'}${marker}:${r.exitCode}\n`;
      }
    } else {
      ({ stdout, stderr, exitCode } = this.run(command.line));
    }
    return Promise.resolve({ command: command.line, stdout, stderr, exitCode, protocol: 'v2', durationMs: 0 });
  }

  push(contents: Buffer | string, remotePath: string): Promise<void> {
    if (this.offline) return Promise.reject(new DeviceUnavailableError(`${this.serial}: device offline`));
    this.sent.push(`push ${remotePath}`);
    this.files.set(remotePath, typeof contents === 'string' ? contents : contents.toString('utf8'));
    return Promise.resolve();
  }
}
