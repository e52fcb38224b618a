/**
 * SettingsProvider's global/secure/system tables and `settings` / `cmd settings`
 * (frameworks/base/packages/SettingsProvider SettingsService#MyShellCommand): get prints the
 * value or "null", put is silent, delete prints "Deleted N rows", list prints key=value lines.
 * Settings are persistent (they live in /data/system/users/0/settings_*.xml on AOSP).
 */
import { type Tool } from '../shell/tool';

export type SettingsNamespace = 'global' | 'secure' | 'system';
const NAMESPACES: readonly SettingsNamespace[] = ['global', 'secure', 'system'];

const DEFAULTS: Readonly<Record<SettingsNamespace, Readonly<Record<string, string>>>> = {
  global: {
    adb_enabled: '1',
    airplane_mode_on: '0',
    development_settings_enabled: '1',
    device_provisioned: '1',
    mobile_data: '1',
    multi_sim_voice_call: '1',
    package_verifier_enable: '0',
    stay_on_while_plugged_in: '0',
    verifier_verify_adb_installs: '0',
    window_animation_scale: '1.0',
    transition_animation_scale: '1.0',
    animator_duration_scale: '1.0',
  },
  secure: {
    android_id: '1a2b3c4d5e6f7a8b',
    user_setup_complete: '1',
    sms_default_application: 'com.android.messaging',
    dialer_default_application: 'com.android.dialer',
    install_non_market_apps: '1',
  },
  system: {
    screen_off_timeout: '60000',
    screen_brightness: '102',
    font_scale: '1.0',
  },
};

export class SettingsStore {
  private readonly tables = new Map<SettingsNamespace, Map<string, string>>(NAMESPACES.map((n) => [n, new Map(Object.entries(DEFAULTS[n]))]));

  get(namespace: SettingsNamespace, key: string): string | undefined {
    return this.tables.get(namespace)?.get(key);
  }

  put(namespace: SettingsNamespace, key: string, value: string): void {
    this.tables.get(namespace)?.set(key, value);
  }

  delete(namespace: SettingsNamespace, key: string): boolean {
    return this.tables.get(namespace)?.delete(key) ?? false;
  }

  list(namespace: SettingsNamespace): [string, string][] {
    return [...(this.tables.get(namespace) ?? new Map<string, string>()).entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  }
}

const USAGE = `Settings provider (settings) commands:
  help
      Print this help text.
  get [--user <USER_ID> | current] NAMESPACE KEY
      Retrieve the current value of KEY.
  put [--user <USER_ID> | current] NAMESPACE KEY VALUE [TAG] [default]
      Change the contents of KEY to VALUE.
  delete [--user <USER_ID> | current] NAMESPACE KEY
      Delete the entry for KEY.
  list [--user <USER_ID> | current] NAMESPACE
      Print all defined keys.

NAMESPACE is one of {system, secure, global}, case-insensitive
`;

export function createSettingsCommand(store: SettingsStore): Tool {
  return (ctx) => {
    const args = [...ctx.argv];
    const verb = args.shift();
    if (verb === undefined || verb === 'help' || verb === '-h') { ctx.out.stdout(USAGE); return verb === undefined ? -1 : 0; }
    if (args[0] === '--user') args.splice(0, 2);
    const namespace = args.shift()?.toLowerCase();
    const invalid = (): number => { ctx.out.stderr(`Invalid arguments\n`); ctx.out.stdout(USAGE); return -1; };
    if (namespace === undefined || !(NAMESPACES as readonly string[]).includes(namespace)) return invalid();
    const ns = namespace as SettingsNamespace;
    const key = args[0];
    switch (verb) {
      case 'get':
        if (key === undefined) return invalid();
        ctx.out.stdout(`${store.get(ns, key) ?? 'null'}\n`);
        return 0;
      case 'put':
        if (key === undefined || args[1] === undefined) return invalid();
        store.put(ns, key, args[1]);
        return 0;
      case 'delete':
        if (key === undefined) return invalid();
        ctx.out.stdout(`Deleted ${store.delete(ns, key) ? 1 : 0} rows\n`);
        return 0;
      case 'list':
        ctx.out.stdout(store.list(ns).map(([k, v]) => `${k}=${v}\n`).join(''));
        return 0;
      default:
        return invalid();
    }
  };
}
