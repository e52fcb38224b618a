/**
 * What `pm install` / `cmd package install` print (AOSP PackageManagerShellCommand; adb-protocol.md §6):
 *   Success
 *   Failure [INSTALL_FAILED_UPDATE_INCOMPATIBLE: Package com.x signatures do not match previously installed version; ignoring!]
 *   Failure [INSTALL_PARSE_FAILED_NOT_APK: Failed to parse /data/app/vmdl1.tmp/base.apk]
 *   adb: failed to install x.apk: Failure [INSTALL_FAILED_ALREADY_EXISTS: …]   (the adb client's prefix)
 *   Exception occurred while executing 'install': …                            (newer shells)
 * and `pm uninstall`: `Success` / `Failure [DELETE_FAILED_INTERNAL_ERROR]` (not installed). Pure.
 */
export interface PmResult {
  readonly ok: boolean;
  /** The failure code inside the brackets (INSTALL_FAILED_…, DELETE_FAILED_…), when there is one. */
  readonly code?: string;
  /** The line that decided it (or the whole text when nothing matched). */
  readonly message: string;
}

export function parsePmResult(text: string): PmResult {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  for (const line of lines) {
    if (/^Success\b/.test(line)) return { ok: true, message: line };
    const failure = /Failure \[([A-Z0-9_]+)(?::\s*([^\]]*))?\]/.exec(line);
    if (failure?.[1]) return { ok: false, code: failure[1], message: line };
    if (/^(Exception|Error)\b/.test(line) || /^Failure\b/.test(line)) return { ok: false, message: line };
  }
  return { ok: false, message: lines.join('\n') || '(no output)' };
}
