/**
 * `cmd role` (packages/modules/Permission service/java/com/android/role/RoleShellCommand.java):
 * get-role-holders prints the holders joined by ";"; add/remove/clear report a failed callback as
 * "Error: see logcat for details." plus the exception on stderr, status -1.
 */
import { type RingLogBuffer, SYSTEM_SERVER_PID } from '../log/log-buffer';
import { type Tool } from '../shell/tool';
import { type PackageOperations } from './package-operations';
import { type PackageManagerService } from './package-manager-service';

const HELP = `Role (role) commands:
  help or -h
    Print this help text.

  get-role-holders [--user USER_ID] ROLE
  add-role-holder [--user USER_ID] ROLE PACKAGE [FLAGS]
  remove-role-holder [--user USER_ID] ROLE PACKAGE [FLAGS]
  clear-role-holders [--user USER_ID] ROLE [FLAGS]
  set-bypassing-role-qualification true|false

`;

export function createRoleCommand(pms: PackageManagerService, ops: PackageOperations, log: RingLogBuffer): Tool {
  return (ctx) => {
    const argv = [...ctx.argv];
    const cmd = argv.shift();
    if (cmd === undefined || cmd === 'help' || cmd === '-h') { ctx.out.stdout(HELP); return 0; }
    if (argv[0] === '--user') argv.splice(0, 2);
    const required = (): string => {
      const value = argv.shift();
      if (value === undefined) throw new Error('Argument expected after "' + cmd + '"');
      return value;
    };
    const fail = (reason: string): number => {
      log.append('main', 'E', 'RoleControllerServiceImpl', reason, { pid: SYSTEM_SERVER_PID + 500 });
      ctx.out.stderr('Error: see logcat for details.\njava.util.concurrent.ExecutionException: java.lang.RuntimeException: Failed\n');
      return -1;
    };
    try {
      switch (cmd) {
        case 'get-role-holders':
          ctx.out.stdout(pms.roleHolders(required()).join(';') + '\n');
          return 0;
        case 'add-role-holder': {
          const role = required();
          const pkg = required();
          const error = ops.addRoleHolder(role, pkg);
          return error === undefined ? 0 : fail(error);
        }
        case 'remove-role-holder': {
          const role = required();
          const error = ops.removeRoleHolder(role, required());
          return error === undefined ? 0 : fail(error);
        }
        case 'clear-role-holders': {
          const error = ops.clearRoleHolders(required());
          return error === undefined ? 0 : fail(error);
        }
        case 'set-bypassing-role-qualification':
          required();
          return 0;
        default:
          ctx.out.stdout(`Unknown command: ${cmd}\n`);
          return -1;
      }
    } catch (error) {
      ctx.out.stderr(`Error: ${error instanceof Error ? error.message : String(error)}\n`);
      return -1;
    }
  };
}

/** `dumpsys role`: the holders per role (RoleService#dump, abridged). */
export function createRoleDumpsys(pms: PackageManagerService): Tool {
  return (ctx) => {
    let out = 'Role Service:\n  user_states=[\n    {\n      user_id=0\n      roles=[\n';
    for (const [role, holders] of pms.db.roles.snapshot()) {
      out += `        {\n          name=${role}\n          holders=${holders.join(', ')}\n        }\n`;
    }
    out += '      ]\n    }\n  ]\n';
    ctx.out.stdout(out);
    return 0;
  };
}
