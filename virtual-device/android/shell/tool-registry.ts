/**
 * Where the device's commands live (platform.ts `ShellRegistry`): binaries on $PATH, binder
 * services reached through `cmd <service>` / `abb`, and `dumpsys <service>` sections. A later
 * registration under the same name replaces the earlier one (a restarted process re-publishes its
 * service).
 */
import { type ShellCommand, type ShellRegistry } from '../platform';
import { type Tool } from './tool';

type Table = 'binary' | 'cmd' | 'dumpsys';

export class ToolRegistry implements ShellRegistry {
  private readonly tables: Record<Table, Map<string, Tool>> = { binary: new Map(), cmd: new Map(), dumpsys: new Map() };

  registerBinary(name: string, command: ShellCommand | Tool): void {
    this.tables.binary.set(name, command);
  }

  registerCmdService(service: string, command: ShellCommand | Tool): void {
    this.tables.cmd.set(service, command);
  }

  registerDumpsys(service: string, command: ShellCommand | Tool): void {
    this.tables.dumpsys.set(service, command);
  }

  binary(name: string): Tool | undefined {
    return this.tables.binary.get(name);
  }

  cmdService(name: string): Tool | undefined {
    return this.tables.cmd.get(name);
  }

  dumpsysService(name: string): Tool | undefined {
    return this.tables.dumpsys.get(name);
  }

  names(table: Table): string[] {
    return [...this.tables[table].keys()].sort();
  }

  /** Removes a registration if `command` is still the one registered under `name`. */
  unregister(table: Table, name: string, command: Tool): void {
    if (this.tables[table].get(name) === command) this.tables[table].delete(name);
  }
}

/**
 * A process's view of the registry: what it registers disappears when the process dies (its
 * binder services die with it), unless it was replaced meanwhile.
 */
export class ScopedToolRegistry implements ShellRegistry {
  private readonly registered: { table: Table; name: string; command: Tool }[] = [];

  constructor(private readonly registry: ToolRegistry) {}

  registerBinary(name: string, command: ShellCommand): void {
    this.registry.registerBinary(name, command);
    this.registered.push({ table: 'binary', name, command });
  }

  registerCmdService(service: string, command: ShellCommand): void {
    this.registry.registerCmdService(service, command);
    this.registered.push({ table: 'cmd', name: service, command });
  }

  registerDumpsys(service: string, command: ShellCommand): void {
    this.registry.registerDumpsys(service, command);
    this.registered.push({ table: 'dumpsys', name: service, command });
  }

  dispose(): void {
    for (const r of this.registered) this.registry.unregister(r.table, r.name, r.command);
    this.registered.length = 0;
  }
}
