/**
 * Shell v1 (`shell:<cmd>`) carries raw bytes with stderr merged into stdout and no exit status
 * (adb-protocol.md §4, pitfall 11). The driver appends `; echo "<marker>$?"` (shell-command.ts)
 * and recovers the status here. Pure.
 */
import { randomBytes } from 'node:crypto';

/** A fresh marker no command output will contain by accident. */
export function newExitMarker(): string {
  return `IMSRIG_EXIT_${randomBytes(8).toString('hex')}_`;
}

export interface ShellV1Output {
  /** Output before the marker line (stdout and stderr, merged by the protocol). */
  readonly output: string;
  /** null when the marker never arrived: the stream ended before the command did. */
  readonly exitCode: number | null;
}

/**
 * Splits the v1 stream text at the marker. Sample tail: `…last output line\nIMSRIG_EXIT_0123abcd_0\n`.
 * The marker may follow output that did not end with a newline (`printf x` → `xIMSRIG_…_0`).
 */
export function parseShellV1Output(text: string, marker: string): ShellV1Output {
  const at = text.lastIndexOf(marker);
  if (at < 0) return { output: text, exitCode: null };
  const match = /^(\d+)\r?\n?$/.exec(text.slice(at + marker.length));
  if (!match?.[1]) return { output: text, exitCode: null };
  return { output: text.slice(0, at), exitCode: Number(match[1]) };
}
