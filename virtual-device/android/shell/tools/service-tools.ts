/**
 * `cmd` (frameworks/native/cmds/cmd/cmd.cpp) and `dumpsys` (frameworks/native/cmds/dumpsys):
 * they reach binder services by name. `pm`, `am` and `settings` are the shell scripts AOSP ships
 * around `cmd package|activity|settings "$@"`.
 */
import { type ScaledClock } from '../../clock/scaled-clock';
import { type Tool, type ToolContext } from '../tool';
import { type ToolRegistry } from '../tool-registry';

/** Runs a cmd service with the arguments after its name (AOSP ShellCommand args). */
export async function runCmdService(registry: ToolRegistry, service: string, args: readonly string[], ctx: ToolContext): Promise<number> {
  const tool = registry.cmdService(service);
  if (tool === undefined) {
    ctx.out.stderr(`cmd: Can't find service: ${service}\n`);
    return 20;
  }
  return tool({ ...ctx, argv: args });
}

export function createServiceTools(registry: ToolRegistry, clock: ScaledClock): Record<string, Tool> {
  const alias = (service: string): Tool => (ctx) => runCmdService(registry, service, ctx.argv.slice(1), ctx);
  return {
    cmd: (ctx) => {
      const args = ctx.argv.slice(1);
      const first = args[0];
      if (first === undefined) {
        ctx.out.stderr('cmd: No service specified; use -l to list all running services. Use -w to start and wait for a service.\n');
        return 20;
      }
      if (first === '-l') {
        ctx.out.stdout(['Currently running services:', ...registry.names('cmd').map((n) => `  ${n}`)].join('\n') + '\n');
        return 0;
      }
      const service = first === '-w' ? (args[1] ?? '') : first;
      return runCmdService(registry, service, args.slice(first === '-w' ? 2 : 1), ctx);
    },
    pm: alias('package'),
    am: alias('activity'),
    settings: alias('settings'),
    dumpsys: async (ctx) => {
      const args = ctx.argv.slice(1);
      const names = registry.names('dumpsys');
      if (args[0] === '-l') {
        ctx.out.stdout(['Currently running services:', ...names.map((n) => `  ${n}`)].join('\n') + '\n');
        return 0;
      }
      const service = args[0];
      if (service !== undefined && !service.startsWith('-')) {
        const tool = registry.dumpsysService(service);
        if (tool === undefined) {
          ctx.out.stderr(`Can't find service: ${service}\n`);
          return 0;
        }
        await tool({ ...ctx, argv: args.slice(1) });
        return 0;
      }
      // No service: every service, each under dumpsys's separator lines.
      ctx.out.stdout(['Currently running services:', ...names.map((n) => `  ${n}`)].join('\n') + '\n');
      for (const name of names) {
        const tool = registry.dumpsysService(name);
        if (tool === undefined) continue;
        const started = clock.elapsedMs();
        ctx.out.stdout(`-------------------------------------------------------------------------------\nDUMP OF SERVICE ${name}:\n`);
        await tool({ ...ctx, argv: [] });
        const seconds = ((clock.elapsedMs() - started) / 1000).toFixed(3);
        ctx.out.stdout(`--------- ${seconds}s was the duration of dumpsys ${name}, ending at: ${formatDumpTime(clock.now())}\n`);
      }
      return 0;
    },
  };
}

function formatDumpTime(date: Date): string {
  const p2 = (n: number): string => String(n).padStart(2, '0');
  return `${date.getUTCFullYear()}-${p2(date.getUTCMonth() + 1)}-${p2(date.getUTCDate())} ${p2(date.getUTCHours())}:${p2(date.getUTCMinutes())}:${p2(date.getUTCSeconds())}`;
}
