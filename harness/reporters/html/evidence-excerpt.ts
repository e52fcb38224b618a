/**
 * The excerpts of the raw evidence behind "observed" that index.html carries.
 */
import { type Checkpoint } from '../../results';
import { humanDuration } from '../format';

/**
 * How much evidence the HTML carries for a checkpoint that differs (results.json keeps all of it;
 * a matching checkpoint's is not in the page at all: ./evidence-sections.ts).
 */
export const EXCERPT = { dumpsysChars: 8000, dumpsysLines: 200, logcatChars: 16000, logcatLines: 120, commands: true } as const;

export type ExcerptLimits = typeof EXCERPT;

export interface EvidenceView {
  readonly dumpsys?: string;
  readonly logcat?: string;
  readonly commands?: readonly { readonly command: string; readonly exitCode: string; readonly duration: string }[];
}

export function evidenceView(e: NonNullable<Checkpoint['evidence']>, limits: ExcerptLimits): EvidenceView {
  const dumpsys = e.dumpsys === undefined ? undefined : excerpt(e.dumpsys.split('\n'), limits.dumpsysLines, limits.dumpsysChars);
  const logcat = e.logcat === undefined || e.logcat.length === 0 ? undefined : excerpt(e.logcat, limits.logcatLines, limits.logcatChars);
  return {
    ...(dumpsys === undefined ? {} : { dumpsys }),
    ...(logcat === undefined ? {} : { logcat }),
    ...(limits.commands && e.commands && e.commands.length > 0 ? { commands: e.commands.map((c) => ({ command: c.command, exitCode: c.exitCode === null ? 'killed' : String(c.exitCode), duration: humanDuration(c.durationMs) })) } : {}),
  };
}

/** The first `maxLines` lines (at most `maxChars`), saying how much more results.json holds. */
function excerpt(lines: readonly string[], maxLines: number, maxChars: number): string {
  let text = lines.slice(0, maxLines).join('\n');
  if (text.length > maxChars) text = text.slice(0, maxChars);
  const total = lines.join('\n').length;
  return text.length < total ? `${text}\n… (${lines.length} lines, ${total} characters in all: see results.json)` : text;
}

