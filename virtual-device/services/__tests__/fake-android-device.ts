/**
 * A small AndroidDevice test double for the transport tests: an in-memory file system and a
 * handful of commands (echo, true/false, exit, cat, getprop, ls, rm, id, sleep, pm/cmd package
 * install [-S N]|path|uninstall|list). It checks the transports carry bytes, exit codes, stdin
 * and files faithfully; the real Android behaviour is virtual-device/android's.
 */
import { parse } from 'shell-quote';
import {
  type AndroidDevice, type BannerProps, type CommandOutput, type DeviceDirEntry, type DeviceFs, type DeviceStat,
  type DeviceState, type Errno, type RunningCommand,
} from '../../device/android-device';

const S_IFDIR = 0o040000;
const S_IFREG = 0o100000;

interface FileNode { data: Buffer; mode: number; mtimeSec: number }

export class MemoryFs implements DeviceFs {
  readonly files = new Map<string, FileNode>();
  readonly dirs = new Set(['/', '/data', '/data/local', '/data/local/tmp', '/sdcard', '/system', '/system/bin']);

  stat(path: string): DeviceStat | Errno {
    const p = normalize(path);
    const file = this.files.get(p);
    if (file) return { mode: S_IFREG | file.mode, size: file.data.length, mtimeSec: file.mtimeSec, uid: 2000, gid: 2000 };
    if (this.dirs.has(p)) return { mode: S_IFDIR | 0o771, size: 4096, mtimeSec: 0 };
    return 2;
  }

  list(path: string): readonly DeviceDirEntry[] | Errno {
    const p = normalize(path);
    if (!this.dirs.has(p)) return this.files.has(p) ? 20 : 2;
    const prefix = p === '/' ? '/' : `${p}/`;
    const names = new Set<string>();
    for (const key of [...this.files.keys(), ...this.dirs]) {
      if (key.startsWith(prefix) && key !== p) names.add(key.slice(prefix.length).split('/')[0] as string);
    }
    return [...names].sort().map((name) => ({ name, ...(this.stat(prefix + name) as DeviceStat) }));
  }

  readFile(path: string): Buffer | Errno {
    const p = normalize(path);
    if (this.dirs.has(p)) return 21;
    return this.files.get(p)?.data ?? 2;
  }

  writeFile(path: string, data: Buffer, mode: number, mtimeSec: number): true | Errno {
    const p = normalize(path);
    if (this.dirs.has(p)) return 21;
    if (p.startsWith('/system/')) return 30;
    for (let dir = parent(p); !this.dirs.has(dir); dir = parent(dir)) this.dirs.add(dir);
    this.files.set(p, { data, mode: mode & 0o7777, mtimeSec });
    return true;
  }
}

export interface FakeDeviceOptions {
  /** Real milliseconds a reboot keeps the device offline (default 200). */
  readonly bootMs?: number;
}

export class FakeAndroidDevice implements AndroidDevice {
  readonly fs = new MemoryFs();
  readonly packages = new Set<string>(['com.android.phone']);
  readonly props: Record<string, string> = {
    'ro.product.name': 'ims_rig_fake',
    'ro.product.model': 'Fake Phone',
    'ro.product.device': 'fake',
    'ro.build.version.sdk': '35',
    'sys.boot_completed': '1',
  };
  /** Every command line and abb argv run, for assertions on what the transports delivered. */
  readonly commandLog: string[] = [];
  private currentState: DeviceState = 'online';
  private readonly listeners = new Set<(state: DeviceState) => void>();
  private isRoot = false;

  constructor(private readonly options: FakeDeviceOptions = {}) {}

  get state(): DeviceState {
    return this.currentState;
  }

  bannerProps(): BannerProps {
    return {
      'ro.product.name': this.props['ro.product.name'] ?? '',
      'ro.product.model': this.props['ro.product.model'] ?? '',
      'ro.product.device': this.props['ro.product.device'] ?? '',
    };
  }

  runShell(commandLine: string, out: CommandOutput): RunningCommand {
    this.commandLog.push(commandLine);
    return this.run(tokenize(commandLine), out);
  }

  runAbb(argv: readonly string[], out: CommandOutput): RunningCommand {
    this.commandLog.push(`abb ${argv.join(' ')}`);
    return this.run(argv[0] === 'package' ? ['pm', ...argv.slice(1)] : ['abb', ...argv], out);
  }

  root(): string {
    if (this.isRoot) return 'adbd is already running as root\n';
    this.isRoot = true;
    return 'restarting adbd as root\n';
  }

  unroot(): string {
    if (!this.isRoot) return 'adbd not running as root\n';
    this.isRoot = false;
    return 'restarting adbd as non root\n';
  }

  remount(): { output: string; ok: boolean } {
    return this.isRoot ? { output: 'remount succeeded\n', ok: true } : { output: 'Not running as root. Try "adb root" first.\n', ok: false };
  }

  reboot(): void {
    this.setState('offline');
    setTimeout(() => this.setState('online'), this.options.bootMs ?? 200);
  }

  onStateChange(listener: (state: DeviceState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private setState(state: DeviceState): void {
    this.currentState = state;
    for (const listener of [...this.listeners]) listener(state);
  }

  private run(argv: readonly string[], out: CommandOutput): RunningCommand {
    const command = new FakeCommand();
    const [name = '', ...args] = argv;
    const done = (status: number, stdout?: string | Buffer): void => {
      if (stdout !== undefined) out.stdout(stdout);
      command.finish(status);
    };
    switch (name) {
      case '':
      case 'true':
        done(0);
        break;
      case 'false':
        done(1);
        break;
      case 'exit':
        done(Number(args[0] ?? 0));
        break;
      case 'echo':
        done(0, `${args.join(' ')}\n`);
        break;
      case 'id':
        done(0, this.isRoot ? 'uid=0(root) gid=0(root)\n' : 'uid=2000(shell) gid=2000(shell)\n');
        break;
      case 'getprop':
        done(0, args[0] !== undefined ? `${this.props[args[0]] ?? ''}\n` : Object.entries(this.props).map(([k, v]) => `[${k}]: [${v}]\n`).join(''));
        break;
      case 'sleep':
        setTimeout(() => command.finish(0), Number(args[0] ?? 0) * 1000);
        break;
      case 'rm':
        for (const p of args.filter((a) => !a.startsWith('-'))) this.fs.files.delete(normalize(p));
        done(0);
        break;
      case 'ls': {
        const target = args.find((a) => !a.startsWith('-')) ?? '/';
        const entries = this.fs.list(target);
        if (typeof entries === 'number') {
          out.stderr(`ls: ${target}: No such file or directory\n`);
          done(1);
        } else done(0, entries.map((e) => `${e.name}\n`).join(''));
        break;
      }
      case 'cat':
        if (args.length === 0) command.collectStdin(-1, (data) => done(0, data));
        else {
          const data = this.fs.readFile(args[0] as string);
          if (typeof data === 'number') {
            out.stderr(`cat: ${args[0]}: No such file or directory\n`);
            done(1);
          } else done(0, data);
        }
        break;
      case 'cmd':
        if (args[0] === 'package') return this.run(['pm', ...args.slice(1)], out);
        out.stderr(`cmd: Can't find service: ${args[0] ?? ''}\n`);
        done(20);
        break;
      case 'pm':
        this.pm(args, out, command);
        break;
      default:
        out.stderr(`/system/bin/sh: ${name}: inaccessible or not found\n`);
        done(127);
    }
    return command;
  }

  private pm(args: readonly string[], out: CommandOutput, command: FakeCommand): void {
    const [verb, ...rest] = args;
    const finish = (status: number, text: string): void => {
      out.stdout(text);
      command.finish(status);
    };
    if (verb === 'install') {
      const size = rest.indexOf('-S');
      if (size >= 0) {
        // Streamed install: read exactly N bytes of stdin (the client never half-closes).
        command.collectStdin(Number(rest[size + 1]), (apk) => {
          this.packages.add(fakePackageName(apk));
          finish(0, 'Success\n');
        });
        return;
      }
      const path = rest.filter((a) => !a.startsWith('-')).pop() ?? '';
      const apk = this.fs.readFile(path);
      if (typeof apk === 'number') return finish(1, 'Failure [INSTALL_FAILED_INVALID_URI]\n');
      this.packages.add(fakePackageName(apk));
      return finish(0, 'Success\n');
    }
    if (verb === 'path') {
      if (this.packages.has(rest[0] ?? '')) return finish(0, `package:/data/app/${rest[0] ?? ''}/base.apk\n`);
      return finish(1, '');
    }
    if (verb === 'uninstall') {
      if (this.packages.delete(rest[0] ?? '')) return finish(0, 'Success\n');
      return finish(1, 'Failure [DELETE_FAILED_INTERNAL_ERROR]\n');
    }
    if (verb === 'list' && rest[0] === 'packages') return finish(0, [...this.packages].map((p) => `package:${p}\n`).join(''));
    if (verb === 'list' && rest[0] === 'features') return finish(0, 'feature:android.hardware.telephony\n');
    finish(1, `Unknown command: ${verb ?? ''}\n`);
  }
}

/** The test APKs carry their package name as the first line (`package:com.x`), else a default. */
function fakePackageName(apk: Buffer): string {
  const match = /^package:([\w.]+)/.exec(apk.subarray(0, 200).toString('latin1'));
  return match?.[1] ?? 'com.example.fake';
}

class FakeCommand implements RunningCommand {
  readonly exit: Promise<number>;
  private resolveExit!: (status: number) => void;
  private stdinSink: ((chunk: Buffer | undefined) => void) | undefined;
  private finished = false;

  constructor() {
    this.exit = new Promise((resolve) => (this.resolveExit = resolve));
  }

  finish(status: number): void {
    if (this.finished) return;
    this.finished = true;
    this.resolveExit(status);
  }

  /** Collects `count` bytes of stdin (or all of it until EOF when count < 0). */
  collectStdin(count: number, done: (data: Buffer) => void): void {
    const chunks: Buffer[] = [];
    let received = 0;
    if (count === 0) return done(Buffer.alloc(0));
    this.stdinSink = (chunk) => {
      if (chunk !== undefined) {
        chunks.push(chunk);
        received += chunk.length;
      }
      if (chunk === undefined || (count >= 0 && received >= count)) {
        this.stdinSink = undefined;
        done(Buffer.concat(chunks));
      }
    };
  }

  writeStdin(chunk: Buffer): void {
    this.stdinSink?.(chunk);
  }

  closeStdin(): void {
    this.stdinSink?.(undefined);
  }

  kill(): void {
    this.finish(137);
  }
}

function tokenize(line: string): string[] {
  const tokens = parse(line);
  const words: string[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i];
    if (typeof token === 'string') {
      const next = tokens[i + 1];
      // `2>/dev/null`: drop the fd number and the redirection target.
      if (/^\d$/.test(token) && typeof next === 'object' && next !== null && 'op' in next) continue;
      words.push(token);
    } else if (typeof token === 'object' && token !== null && 'op' in token && /[<>]/.test(token.op)) {
      i += 1;
    }
  }
  return words;
}

function normalize(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}

function parent(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash <= 0 ? '/' : path.slice(0, slash);
}
