/**
 * OverlayManagerService as far as runtime resource overlays of installed packages go: which
 * overlay packages exist (any package whose manifest has `<overlay android:targetPackage>`), their
 * state per user 0 (enabled or not, mutable or not, priority), persisted like
 * /data/system/overlays.xml, and the value a target's resource resolves to through them.
 *
 *  - Default state (OverlayConfigParser DEFAULT_ENABLED_STATE = false, DEFAULT_MUTABILITY = true):
 *    a static overlay is enabled and immutable; every other overlay starts disabled and mutable.
 *  - A target without <overlayable> (none of this device's built-in packages declares one) may
 *    be overlaid only by an overlay that is preinstalled on a partition, or signed like the
 *    target (idmap2 ResourceMapping.cpp CheckOverlayable with kDefaultPolicies); otherwise idmap2
 *    logs "is not allowed to overlay resource" and the resource keeps its own value.
 *  - Enabling or disabling does not restart the target: ActivityManager only reloads its
 *    resources (OverlayManagerService.updateActivityManager → scheduleApplicationInfoChanged), so
 *    a value a process read once at start (PhoneGlobals' IMS packages) changes at its next start.
 */
import { type DeviceFs } from '../../device/android-device';
import { type LogBuffer } from '../platform';
import { type PackageRecord } from '../packages/package-record';

export const OVERLAY_STATE_PATH = '/data/system/overlays.xml';

/** The resource values of built-in targets (TeleService res/values/config.xml: both empty). */
const BASE_STRINGS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'com.android.phone': { 'string/config_ims_mmtel_package': '', 'string/config_ims_rcs_package': '' },
};

export type OverlayListState = 'enabled' | 'disabled' | 'missing-target';

export interface OverlayInfo {
  readonly packageName: string;
  readonly targetPackage: string;
  readonly state: OverlayListState;
  readonly mutable: boolean;
  readonly priority: number;
  readonly codePath: string;
}

interface StoredState {
  enabled: boolean;
  priority: number;
}

/** OverlayManagerServiceImpl's OperationFailedException, surfaced by commit as SecurityException. */
export class OverlayCommitError extends Error {}

export interface OverlayManagerDeps {
  /** The packages installed for user 0. */
  readonly records: () => ReadonlyMap<string, PackageRecord>;
  readonly fs: DeviceFs;
  readonly log: LogBuffer;
}

export class OverlayManager {
  constructor(private readonly deps: OverlayManagerDeps) {}

  private load(): Record<string, StoredState> {
    const raw = this.deps.fs.readFile(OVERLAY_STATE_PATH);
    if (typeof raw === 'number') return {};
    try {
      return JSON.parse(raw.toString('utf8')) as Record<string, StoredState>;
    } catch {
      return {};
    }
  }

  private save(state: Record<string, StoredState>): void {
    this.deps.fs.writeFile(OVERLAY_STATE_PATH, Buffer.from(JSON.stringify(state)), 0o600, Math.floor(Date.now() / 1000));
  }

  /** Every overlay package, lowest priority first (as `cmd overlay list` prints them). */
  overlays(): OverlayInfo[] {
    const records = this.deps.records();
    const stored = this.load();
    const out: OverlayInfo[] = [];
    let order = 0;
    for (const record of records.values()) {
      const overlay = record.parsed.overlay;
      if (overlay === undefined) continue;
      order++;
      const saved = stored[record.parsed.packageName];
      const mutable = !overlay.isStatic;
      const enabled = overlay.isStatic ? true : (saved?.enabled ?? false);
      out.push({
        packageName: record.parsed.packageName,
        targetPackage: overlay.targetPackage,
        state: !records.has(overlay.targetPackage) ? 'missing-target' : enabled ? 'enabled' : 'disabled',
        mutable,
        priority: saved?.priority ?? overlay.priority * 1000 + order,
        codePath: record.codePath,
      });
    }
    return out.sort((a, b) => a.priority - b.priority);
  }

  /** Whether a package is installed for user 0 (any package, overlay or not). */
  hasPackage(packageName: string): boolean {
    return this.deps.records().has(packageName);
  }

  overlaysForTarget(target: string): OverlayInfo[] {
    return this.overlays().filter((o) => o.targetPackage === target);
  }

  overlay(packageName: string): OverlayInfo | undefined {
    return this.overlays().find((o) => o.packageName === packageName);
  }

  /** OverlayManagerServiceImpl.setEnabled. Returns whether the state changed. */
  setEnabled(packageName: string, enable: boolean): boolean {
    const info = this.overlay(packageName);
    if (info === undefined) throw new OverlayCommitError('failed to update settings');
    if (!info.mutable) throw new OverlayCommitError('cannot enable immutable overlay packages in runtime');
    const stored = this.load();
    const before = stored[packageName]?.enabled ?? false;
    stored[packageName] = { enabled: enable, priority: info.priority };
    this.save(stored);
    if (before !== enable) this.deps.log.write('I', 'OverlayManager', `${enable ? 'enabled' : 'disabled'} overlay ${packageName} for target ${info.targetPackage}`);
    return before !== enable;
  }

  /** `set-priority PKG highest|lowest`. */
  setExtremePriority(packageName: string, highest: boolean): boolean {
    const all = this.overlays();
    const info = all.find((o) => o.packageName === packageName);
    if (info === undefined || !info.mutable) return false;
    const stored = this.load();
    const others = all.filter((o) => o.targetPackage === info.targetPackage && o.packageName !== packageName).map((o) => o.priority);
    const priority = highest ? Math.max(0, ...others) + 1 : Math.min(0, ...others) - 1;
    stored[packageName] = { enabled: stored[packageName]?.enabled ?? info.state === 'enabled', priority };
    this.save(stored);
    return true;
  }

  /**
   * The value `target`'s resource `type/name` resolves to: the highest-priority enabled overlay
   * that defines it and may overlay it, else the target's own value (undefined: no such resource).
   */
  resolveString(target: string, resource: string): string | undefined {
    if (!this.deps.records().has(target)) return undefined;
    return this.overlaidString(target, resource) ?? BASE_STRINGS[target]?.[resource];
  }

  /** The value an enabled, permitted overlay gives `target`'s `type/name`; undefined when none does. */
  overlaidString(target: string, resource: string): string | undefined {
    const records = this.deps.records();
    const targetRecord = records.get(target);
    if (targetRecord === undefined) return undefined;
    let value: string | undefined;
    for (const info of this.overlaysForTarget(target)) {
      if (info.state !== 'enabled') continue;
      const record = records.get(info.packageName);
      const overlaid = record?.parsed.overlay?.strings.get(resource);
      if (record === undefined || overlaid === undefined) continue;
      if (!mayOverlay(record, targetRecord)) {
        this.deps.log.write('W', 'idmap2', `overlay '${info.codePath}' is not allowed to overlay resource '${target}:${resource}' in target: overlay must be preinstalled, signed with the same signature as the target, or signed with the same signature as the package referenced through <overlay-config-signature>.`);
        continue;
      }
      value = overlaid;
    }
    return value;
  }
}

/**
 * CheckOverlayable for a target that defines no <overlayable>: the overlay must fulfil one of
 * the partition policies (preinstalled; an update of a preinstalled overlay still counts) or the
 * signature policy (signed like the target).
 */
function mayOverlay(overlay: PackageRecord, target: PackageRecord): boolean {
  return overlay.isSystem || (overlay.platformSigned && target.platformSigned);
}
