/**
 * The device's binder service registry as far as the simulation needs one: a process publishes an
 * in-process object under a name (com.android.phone publishes the telephony APIs apps call, and
 * the dump of its TelephonyDebugService) and other code looks it up. A process's services go when
 * it dies (./process-scope.ts), as a binder whose process died is dead.
 */
export interface ServiceManager {
  /** Publishes `service` under `name`; the returned function withdraws it. */
  addService(name: string, service: unknown): () => void;
  getService<T>(name: string): T | undefined;
}

export class MemoryServiceManager implements ServiceManager {
  private readonly services = new Map<string, unknown>();

  addService(name: string, service: unknown): () => void {
    this.services.set(name, service);
    return () => {
      if (this.services.get(name) === service) this.services.delete(name);
    };
  }

  getService<T>(name: string): T | undefined {
    return this.services.get(name) as T | undefined;
  }
}

/** A scoped view: what was added through it is withdrawn by dispose(). */
export class ScopedServiceManager implements ServiceManager {
  private readonly withdrawals = new Set<() => void>();

  constructor(private readonly base: ServiceManager) {}

  addService(name: string, service: unknown): () => void {
    const withdraw = this.base.addService(name, service);
    this.withdrawals.add(withdraw);
    return () => {
      this.withdrawals.delete(withdraw);
      withdraw();
    };
  }

  getService<T>(name: string): T | undefined {
    return this.base.getService<T>(name);
  }

  dispose(): void {
    for (const withdraw of this.withdrawals) withdraw();
    this.withdrawals.clear();
  }
}

/** The name under which a component's `dumpsys activity service <component>` output is published. */
export function serviceDumpName(component: string): string {
  return `dump:${component}`;
}
