/**
 * toybox's file commands as the rig and adb clients use them: cat, ls, rm, mkdir, rmdir, touch,
 * cp, mv, chmod, stat -c, md5sum/sha256sum. Messages follow toybox (`ls: x: No such file or
 * directory`, `mkdir: 'x': File exists`), exit status 1 on any error.
 */
import { createHash } from 'node:crypto';
import { credentialsFor, type ShellFiles } from '../shell-files';
import { ERRNO_TEXT, type FsErrno, type NodeStat, S_IFDIR, S_IFLNK, S_IFMT } from '../../fs/memory-fs';
import { basename, joinPath, normalizePath } from '../../fs/fs-path';
import { readAll } from '../byte-pipe';
import { type Tool, type ToolContext } from '../tool';
import { uidName } from './names';

const path = (ctx: ToolContext, p: string): string => normalizePath(p, ctx.cwd);
const err = (ctx: ToolContext, tool: string, target: string, errno: FsErrno): void => ctx.out.stderr(`${tool}: ${target}: ${ERRNO_TEXT[errno]}\n`);

/** Splits `-rf` style flags from operands (toybox accepts flags anywhere before `--`). */
export function splitFlags(args: readonly string[], withValue: readonly string[] = []): { flags: Set<string>; values: Map<string, string>; operands: string[] } {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const operands: string[] = [];
  let onlyOperands = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (onlyOperands || !a.startsWith('-') || a === '-') { operands.push(a); continue; }
    if (a === '--') { onlyOperands = true; continue; }
    for (let j = 1; j < a.length; j++) {
      const f = a[j] ?? '';
      if (withValue.includes(f)) {
        values.set(f, a.length > j + 1 ? a.slice(j + 1) : (args[++i] ?? ''));
        break;
      }
      flags.add(f);
    }
  }
  return { flags, values, operands };
}

export function createFileTools(files: ShellFiles): Record<string, Tool> {
  const fs = files.fs;
  return {
    cat: async (ctx) => {
      const operands = ctx.argv.slice(1).filter((a) => a !== '-u');
      if (operands.length === 0) {
        for (;;) {
          const chunk = await ctx.stdin.read();
          if (chunk === null) return 0;
          ctx.out.stdout(chunk);
        }
      }
      let status = 0;
      for (const file of operands) {
        if (file === '-') { ctx.out.stdout(await readAll(ctx.stdin)); continue; }
        const data = files.read(path(ctx, file), ctx.uid);
        if (typeof data === 'number') { err(ctx, 'cat', file, data); status = 1; } else ctx.out.stdout(data);
      }
      return status;
    },

    ls: (ctx) => lsTool(ctx, files),

    rm: (ctx) => {
      const { flags, operands } = splitFlags(ctx.argv.slice(1));
      const force = flags.has('f');
      const recursive = flags.has('r') || flags.has('R');
      if (operands.length === 0 && !force) { ctx.out.stderr('rm: Needs 1 argument\n'); return 1; }
      let status = 0;
      for (const target of operands) {
        const result = fs.remove(path(ctx, target), credentialsFor(ctx.uid), { recursive });
        if (result === true) continue;
        if (result === 2 && force) continue;
        err(ctx, 'rm', target, result);
        status = 1;
      }
      return status;
    },

    rmdir: (ctx) => {
      let status = 0;
      for (const target of ctx.argv.slice(1).filter((a) => !a.startsWith('-'))) {
        const result = fs.remove(path(ctx, target), credentialsFor(ctx.uid), { dirOnly: true });
        if (result !== true) { ctx.out.stderr(`rmdir: '${target}': ${ERRNO_TEXT[result]}\n`); status = 1; }
      }
      return status;
    },

    mkdir: (ctx) => {
      const { flags, values, operands } = splitFlags(ctx.argv.slice(1), ['m']);
      const modeText = values.get('m');
      const mode = modeText !== undefined ? parseInt(modeText, 8) : 0o777;
      let status = 0;
      for (const target of operands) {
        const result = fs.mkdir(path(ctx, target), credentialsFor(ctx.uid), { parents: flags.has('p'), mode });
        if (result !== true) { ctx.out.stderr(`mkdir: '${target}': ${ERRNO_TEXT[result]}\n`); status = 1; }
      }
      return status;
    },

    touch: (ctx) => {
      let status = 0;
      for (const target of ctx.argv.slice(1).filter((a) => !a.startsWith('-'))) {
        const p = path(ctx, target);
        const existing = files.read(p, ctx.uid);
        const result = files.write(p, typeof existing === 'number' ? Buffer.alloc(0) : existing, ctx.uid, false);
        if (result !== true) { ctx.out.stderr(`touch: '${target}': ${ERRNO_TEXT[result]}\n`); status = 1; }
      }
      return status;
    },

    cp: (ctx) => {
      const { operands } = splitFlags(ctx.argv.slice(1));
      const target = operands.pop();
      if (target === undefined || operands.length === 0) { ctx.out.stderr('cp: Needs 2 arguments\n'); return 1; }
      let status = 0;
      for (const source of operands) {
        const data = files.read(path(ctx, source), ctx.uid);
        if (typeof data === 'number') { err(ctx, 'cp', source, data); status = 1; continue; }
        const dest = path(ctx, target);
        const stat = files.stat(dest, ctx.uid);
        const finalDest = typeof stat !== 'number' && (stat.mode & S_IFMT) === S_IFDIR ? joinPath(dest, basename(source)) : dest;
        const result = files.write(finalDest, data, ctx.uid, false);
        if (result !== true) { ctx.out.stderr(`cp: '${target}': ${ERRNO_TEXT[result]}\n`); status = 1; }
      }
      return status;
    },

    mv: (ctx) => {
      const { operands } = splitFlags(ctx.argv.slice(1));
      const target = operands.pop();
      if (target === undefined || operands.length === 0) { ctx.out.stderr('mv: Needs 2 arguments\n'); return 1; }
      let status = 0;
      for (const source of operands) {
        const result = fs.rename(path(ctx, source), path(ctx, target), credentialsFor(ctx.uid));
        if (result !== true) { ctx.out.stderr(`mv: '${source}': ${ERRNO_TEXT[result]}\n`); status = 1; }
      }
      return status;
    },

    chmod: (ctx) => {
      const { operands } = splitFlags(ctx.argv.slice(1));
      const modeText = operands.shift();
      if (modeText === undefined || !/^[0-7]{1,4}$/.test(modeText)) { ctx.out.stderr(`chmod: bad mode '${modeText ?? ''}'\n`); return 1; }
      let status = 0;
      for (const target of operands) {
        const result = fs.chmod(path(ctx, target), parseInt(modeText, 8), credentialsFor(ctx.uid));
        if (result !== true) { ctx.out.stderr(`chmod: ${target}: ${ERRNO_TEXT[result]}\n`); status = 1; }
      }
      return status;
    },

    stat: (ctx) => {
      const { values, operands } = splitFlags(ctx.argv.slice(1), ['c']);
      const format = values.get('c') ?? '  File: %n\n  Size: %s\n';
      let status = 0;
      let out = '';
      for (const target of operands) {
        const stat = files.stat(path(ctx, target), ctx.uid);
        if (typeof stat === 'number') { ctx.out.stderr(`stat: '${target}': ${ERRNO_TEXT[stat]}\n`); status = 1; continue; }
        out += formatStat(format, target, stat) + (values.has('c') ? '\n' : '');
      }
      ctx.out.stdout(out);
      return status;
    },

    md5sum: (ctx) => hashTool(ctx, files, 'md5'),
    sha1sum: (ctx) => hashTool(ctx, files, 'sha1'),
    sha256sum: (ctx) => hashTool(ctx, files, 'sha256'),
  };
}

function formatStat(format: string, name: string, stat: NodeStat): string {
  return format.replace(/%([a-zA-Z%])/g, (_m, c: string) => {
    switch (c) {
      case 's': return String(stat.size);
      case 'n': return name;
      case 'a': return (stat.mode & 0o7777).toString(8);
      case 'u': return String(stat.uid);
      case 'U': return uidName(stat.uid);
      case 'g': return String(stat.gid);
      case 'G': return uidName(stat.gid);
      case 'Y': return String(stat.mtimeSec);
      case 'i': return String(stat.ino);
      case 'F': return (stat.mode & S_IFMT) === S_IFDIR ? 'directory' : (stat.mode & S_IFMT) === S_IFLNK ? 'symbolic link' : 'regular file';
      case '%': return '%';
      default: return `%${c}`;
    }
  });
}

async function hashTool(ctx: ToolContext, files: ShellFiles, algorithm: string): Promise<number> {
  const operands = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
  if (operands.length === 0) {
    ctx.out.stdout(`${createHash(algorithm).update(await readAll(ctx.stdin)).digest('hex')}  -\n`);
    return 0;
  }
  let status = 0;
  let out = '';
  for (const file of operands) {
    const data = files.read(path(ctx, file), ctx.uid);
    if (typeof data === 'number') { err(ctx, `${algorithm}sum`, file, data); status = 1; continue; }
    out += `${createHash(algorithm).update(data).digest('hex')}  ${file}\n`;
  }
  ctx.out.stdout(out);
  return status;
}

function modeString(mode: number): string {
  const type = (mode & S_IFMT) === S_IFDIR ? 'd' : (mode & S_IFMT) === S_IFLNK ? 'l' : '-';
  const bits = 'rwxrwxrwx'.split('').map((c, i) => ((mode >> (8 - i)) & 1 ? c : '-'));
  if (mode & 0o1000) bits[8] = bits[8] === 'x' ? 't' : 'T';
  return type + bits.join('');
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function lsDate(mtimeSec: number): string {
  const d = new Date(mtimeSec * 1000);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
}

/** toybox ls: one name per line (stdout is not a tty), -l long format, -a dotfiles, -d, -1. */
function lsTool(ctx: ToolContext, files: ShellFiles): number {
  const { flags, operands } = splitFlags(ctx.argv.slice(1));
  const long = flags.has('l') || flags.has('n');
  const all = flags.has('a');
  const dirsAsFiles = flags.has('d');
  const targets = operands.length > 0 ? operands : ['.'];
  const cred = credentialsFor(ctx.uid);
  let status = 0;
  let out = '';
  const line = (name: string, stat: NodeStat, fullPath: string): string => {
    if (!long) return name + '\n';
    const owner = flags.has('n') ? String(stat.uid) : uidName(stat.uid);
    const group = flags.has('n') ? String(stat.gid) : uidName(stat.gid);
    let text = `${modeString(stat.mode)} ${stat.nlink} ${owner} ${group} ${stat.size} ${lsDate(stat.mtimeSec)} ${name}`;
    if ((stat.mode & S_IFMT) === S_IFLNK) {
      const node = files.fs.lookup(fullPath, cred, false);
      if (typeof node !== 'number' && node.kind === 'link') text += ` -> ${node.target}`;
    }
    return text + '\n';
  };
  const fileTargets: string[] = [];
  const dirTargets: string[] = [];
  for (const target of targets) {
    const p = path(ctx, target);
    const stat = files.fs.stat(p, cred);
    if (typeof stat === 'number') { err(ctx, 'ls', target, stat); status = 1; continue; }
    // -l shows a symlink named on the command line as the link itself (no -H/-L), unless it ends in '/'.
    const own = files.fs.lstat(p, cred);
    const isLink = typeof own !== 'number' && (own.mode & S_IFMT) === S_IFLNK && !target.endsWith('/');
    if ((stat.mode & S_IFMT) === S_IFDIR && !dirsAsFiles && !(long && isLink)) dirTargets.push(target);
    else fileTargets.push(target);
  }
  for (const target of fileTargets) {
    const p = path(ctx, target);
    const stat = files.fs.lstat(p, cred);
    if (typeof stat !== 'number') out += line(target, stat, p);
  }
  for (const target of dirTargets) {
    const p = path(ctx, target);
    const entries = files.fs.readdir(p, cred);
    if (dirTargets.length + fileTargets.length > 1) out += `${out === '' ? '' : '\n'}${target}:\n`;
    if (typeof entries === 'number') { err(ctx, 'ls', target, entries); status = 1; continue; }
    const shown = entries.filter((e) => all || !e.name.startsWith('.'));
    if (long) out += `total ${shown.length * 8 + (all ? 16 : 0)}\n`;
    if (all) {
      const self = files.fs.stat(p, cred);
      if (typeof self !== 'number') out += line('.', self, p) + line('..', self, p);
    }
    for (const entry of shown) {
      const full = joinPath(p, entry.name);
      const stat = files.fs.lstat(full, cred);
      if (typeof stat !== 'number') out += line(entry.name, stat, full);
    }
  }
  ctx.out.stdout(out);
  return status;
}
