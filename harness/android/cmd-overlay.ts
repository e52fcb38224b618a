/**
 * `cmd overlay` (frameworks/base OverlayManagerShellCommand): `list [TARGET]` prints the target,
 * then `[x] <overlay>` (enabled), `[ ] <overlay>` (disabled) or `--- <overlay>` (not applicable:
 * missing target, no idmap) per overlay in priority order; `enable|disable PACKAGE` print nothing
 * and fail as `java.lang.SecurityException: commit failed: …`; `lookup PKG PKG:TYPE/NAME` prints
 * the value the package's resources resolve to through its enabled overlays. Pure.
 */
import { pkg, shellCommand, type ShellCommand } from '../adb';

export function overlayListCommand(target: string): ShellCommand {
  return shellCommand('cmd', 'overlay', 'list', pkg(target));
}

export function overlaySetEnabledCommand(overlay: string, enable: boolean): ShellCommand {
  return shellCommand('cmd', 'overlay', enable ? 'enable' : 'disable', '--user', '0', pkg(overlay));
}

export type OverlayState = 'enabled' | 'disabled' | 'unavailable';

export interface ListedOverlay {
  readonly packageName: string;
  readonly state: OverlayState;
}

/** The overlays `cmd overlay list <target>` printed (the target line itself is skipped). */
export function parseOverlayList(stdout: string): ListedOverlay[] {
  const out: ListedOverlay[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const m = /^(\[x\]|\[ \]|---) (\S+)$/.exec(line.trim());
    if (!m) continue;
    out.push({ packageName: m[2] ?? '', state: m[1] === '[x]' ? 'enabled' : m[1] === '[ ]' ? 'disabled' : 'unavailable' });
  }
  return out;
}
