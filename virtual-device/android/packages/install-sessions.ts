/**
 * PackageInstaller sessions as `pm install-create/-write/-commit/-abandon` drive them (the path
 * `adb install-multiple` takes): the session collects APK files by name, the commit installs the
 * base APK (splits are accepted and kept with the session, not modelled further).
 */
import { normalizePath } from '../fs/fs-path';
import { readAll } from '../shell/byte-pipe';
import { type ToolContext } from '../shell/tool';
import { parseApk } from './apk-parser';
import { type InstallOptions, JavaException } from './package-operations';
import { type PmDeps, parseInstallOptions } from './pm-command';

interface Session {
  readonly options: InstallOptions;
  readonly files: Map<string, Buffer>;
}

export class InstallSessions {
  readonly sessions = new Map<number, Session>();

  create(options: InstallOptions): number {
    let id: number;
    do id = 1 + Math.floor(Math.random() * 2_147_483_646);
    while (this.sessions.has(id));
    this.sessions.set(id, { options, files: new Map() });
    return id;
  }
}

/** Whether an APK is a split (its manifest carries `split=`); unparsable APKs count as base. */
async function isSplit(apk: Buffer): Promise<boolean> {
  try {
    return (await parseApk(apk, 'split.apk')).split !== undefined;
  } catch {
    return false;
  }
}

export function installSessionCommands(deps: PmDeps): (cmd: string, ctx: ToolContext, argv: readonly string[]) => Promise<number> {
  const sessionOf = (text: string | undefined): [number, Session] => {
    const id = Number(text);
    const session = Number.isInteger(id) ? deps.sessions.sessions.get(id) : undefined;
    if (session === undefined) throw new JavaException('java.lang.SecurityException', `Caller has no access to session ${text ?? 'null'}`);
    return [id, session];
  };
  return async (cmd, ctx, argv) => {
    const out = ctx.out;
    let i = 0;
    const args = { next: () => argv[i++], peekOption: () => (argv[i] ?? '').startsWith('-') && argv[i] !== '-', rest: () => argv.slice(i) };
    switch (cmd) {
      case 'install-create': {
        const parsed = parseInstallOptions(args);
        if ('error' in parsed) throw new JavaException('java.lang.IllegalArgumentException', parsed.error);
        const id = deps.sessions.create(parsed.options);
        // NOTE (AOSP): adb depends on parsing this string.
        out.stdout(`Success: created install session [${id}]\n`);
        return 0;
      }
      case 'install-write': {
        let size = -1;
        while (args.peekOption()) {
          const opt = args.next();
          if (opt === '-S') size = Number(args.next());
          else throw new JavaException('java.lang.IllegalArgumentException', `Unknown option: ${opt ?? ''}`);
        }
        const [, session] = sessionOf(args.next());
        const splitName = args.next() ?? 'base.apk';
        const path = args.next();
        let data: Buffer;
        if (path === undefined || path === '-') {
          if (size <= 0) { out.stderr('Error: must specify an APK size\n'); return 1; }
          data = await readAll(ctx.stdin, size, ctx.signal);
        } else {
          const read = deps.files.read(normalizePath(path, ctx.cwd), ctx.uid);
          if (typeof read === 'number') { out.stderr(`Error: Can't open file: ${path}\n`); return 1; }
          data = read;
        }
        session.files.set(splitName, data);
        out.stdout(`Success: streamed ${data.length} bytes\n`);
        return 0;
      }
      case 'install-commit': {
        const [id, session] = sessionOf(args.next());
        deps.sessions.sessions.delete(id);
        let base: Buffer | undefined;
        for (const data of session.files.values()) if (!(await isSplit(data))) { base = data; break; }
        if (base === undefined) {
          out.stdout(`Failure [INSTALL_FAILED_INVALID_APK: Missing base APK in /data/app/vmdl${id}.tmp]\n`);
          return 1;
        }
        const result = await deps.ops.install(base, { ...session.options, sessionId: id });
        out.stdout(result.ok ? 'Success\n' : `Failure [${result.message}]\n`);
        return result.ok ? 0 : 1;
      }
      default: {
        const [id] = sessionOf(args.next());
        deps.sessions.sessions.delete(id);
        out.stdout('Success\n');
        return 0;
      }
    }
  };
}
