/**
 * The process table as far as ims-rig can see it: init, system_server and the persistent
 * com.android.phone (pidof, ps -A, kill). Killing the phone process as root is a crash of it:
 * ActivityManager restarts a persistent process at once (`am crash com.android.phone` likewise).
 */
import { SYSTEM_SERVER_PID } from '../log/log-buffer';
import { type Tool, type ToolContext } from '../shell/tool';

export interface ProcessTable {
  readonly phonePid: number | undefined;
  restartPhoneProcess(): void;
  /** App processes (virtual-device/ui): activities' apps and the UiAutomator2 instrumentation. (Optional.) */
  appProcesses?(): readonly { readonly user: string; readonly pid: number; readonly name: string }[];
  /** Kills an app process (`kill <pid>` as root, or by its own uid). (Optional.) */
  killApp?(name: string): void;
}

interface ProcessRow {
  readonly user: string;
  readonly pid: number;
  readonly name: string;
}

function rows(table: ProcessTable, ctx: ToolContext): ProcessRow[] {
  const list: ProcessRow[] = [
    { user: 'root', pid: 1, name: 'init' },
    { user: 'system', pid: SYSTEM_SERVER_PID, name: 'system_server' },
  ];
  if (table.phonePid !== undefined) list.push({ user: 'radio', pid: table.phonePid, name: 'com.android.phone' });
  list.push({ user: ctx.uid === 0 ? 'root' : 'shell', pid: 1500, name: 'adbd' });
  list.push(...(table.appProcesses?.() ?? []));
  return list;
}

export function createProcessTools(table: ProcessTable): Record<string, Tool> {
  return {
    pidof: (ctx) => {
      const pids = ctx.argv.slice(1).flatMap((name) => rows(table, ctx).filter((r) => r.name === name).map((r) => r.pid));
      if (pids.length === 0) return 1;
      ctx.out.stdout(pids.join(' ') + '\n');
      return 0;
    },
    ps: (ctx) => {
      // toybox ps --help: appium-adb looks for -A before using `ps -A`.
      if (ctx.argv.includes('--help')) {
        ctx.out.stdout('usage: ps [-AadefLlnwZ] [-gG GROUP,] [-k FIELD,] [-o FIELD,] [-p PID,] [-t TTY,] [-uU USER,]\n\nList processes.\n\nWhich processes to show (-gGuUpPt selections may be comma separated lists):\n\n-A\tAll\n-a\tHas terminal not session leader\n-d\tAll but session leaders\n');
        return 0;
      }
      const header = 'USER            PID   PPID        VSZ    RSS WCHAN            ADDR S NAME                       \n';
      const body = rows(table, ctx).map((r) => `${r.user.padEnd(12)} ${String(r.pid).padStart(6)} ${String(r.pid === 1 ? 0 : 1).padStart(6)} ${'10000000'.padStart(10)} ${'100000'.padStart(6)} 0                   0 S ${r.name}\n`).join('');
      ctx.out.stdout(header + body);
      return 0;
    },
    kill: (ctx) => {
      const targets = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
      let status = 0;
      for (const target of targets) {
        const pid = Number(target);
        const row = rows(table, ctx).find((r) => r.pid === pid);
        if (row === undefined) { ctx.out.stderr(`kill: ${target}: No such process\n`); status = 1; continue; }
        if (ctx.uid !== 0) { ctx.out.stderr(`kill: pid ${target}: Operation not permitted\n`); status = 1; continue; }
        if (row.name === 'com.android.phone') table.restartPhoneProcess();
        else if (row.pid >= 2000) table.killApp?.(row.name);
      }
      return status;
    },
  };
}
