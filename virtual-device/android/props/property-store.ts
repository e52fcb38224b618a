/**
 * The system property area (bionic's __system_property_*, init's property service rules):
 * `ro.*` can be set once, `persist.*` survives reboots, everything else is reset to build.prop
 * at boot. Who may set what follows the SELinux property contexts closely enough for the shell:
 * the shell user (uid 2000) may set debug.*, log.tag.*, persist.log.tag*, persist.debug.*; root
 * may set anything but an `ro.*` that already has a value.
 */

/** PROP_VALUE_MAX (92 including the terminating NUL) for non-ro properties. */
export const PROP_VALUE_MAX = 91;

const SHELL_SETTABLE = [/^debug\./, /^log\.tag/, /^persist\.log\.tag/, /^persist\.debug\./, /^ctl\.(start|stop|restart)$/];

export class PropertyStore {
  private values = new Map<string, string>();
  private readonly persisted = new Map<string, string>();
  private readonly listeners = new Set<(key: string, value: string) => void>();

  constructor(private readonly buildProps: Readonly<Record<string, string>>) {
    this.boot();
  }

  /** A boot: build.prop values, then the persisted `persist.*` ones on top. */
  boot(): void {
    this.values = new Map(Object.entries(this.buildProps));
    for (const [k, v] of this.persisted) this.values.set(k, v);
  }

  get(key: string): string {
    return this.values.get(key) ?? '';
  }

  has(key: string): boolean {
    return this.values.has(key);
  }

  /** Sets without checks (init and the platform's own services). */
  set(key: string, value: string): void {
    this.values.set(key, value);
    if (key.startsWith('persist.')) this.persisted.set(key, value);
    for (const listener of this.listeners) listener(key, value);
  }

  /** `setprop` from a process of `uid`: undefined on success, else why it failed (for the log). */
  trySet(key: string, value: string, uid: number): string | undefined {
    if (!/^[A-Za-z0-9_.\-:@]+$/.test(key) || key.startsWith('.') || key.endsWith('.') || key.includes('..')) return 'Illegal property name';
    if (key.startsWith('ro.')) {
      if (this.values.has(key)) return 'Read-only property was already set';
      if (uid !== 0) return 'permission denied';
    } else {
      if (value.length > PROP_VALUE_MAX) return 'Property value too long';
      if (uid !== 0 && !SHELL_SETTABLE.some((r) => r.test(key))) return 'permission denied';
    }
    this.set(key, value);
    return undefined;
  }

  /** Sorted, as `getprop` prints them. */
  list(): [string, string][] {
    return [...this.values.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  onChange(listener: (key: string, value: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
