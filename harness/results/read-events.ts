/**
 * Reads events.jsonl back. The writer appends one line per event, so an interrupted run can leave
 * a torn last line (the process died mid-write): that line is dropped, and the fold reports the run
 * as incomplete. A bad line anywhere else means the file is not an events file: that is bad input.
 */
import { InputError } from '../errors';
import { LIMITS, MAX_EVENT_LINE_CHARS, readInputText } from '../inputs';
import { runEventSchema } from './event-schema';
import { type RunEvent } from './events';

export interface ParsedEvents {
  readonly events: RunEvent[];
  /** The last line was cut off (or otherwise unreadable) and was dropped. */
  readonly tornLastLine: boolean;
}

/** Reads and validates an events.jsonl file; unreadable or malformed input is an InputError naming the file. */
export async function readEvents(file: string): Promise<RunEvent[]> {
  return parseEvents(await readInputText(file, { ...LIMITS.events, display: file }), file).events;
}

/** Parses events.jsonl text; `file` only names the source in error messages. */
export function parseEvents(text: string, file = 'events.jsonl'): ParsedEvents {
  const lines = text.split('\n');
  const lastContentLine = findLastContentLine(lines);
  const events: RunEvent[] = [];
  let tornLastLine = false;
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const parsed = parseLine(line);
    if (parsed.ok) {
      events.push(parsed.event);
      return;
    }
    if (i === lastContentLine) {
      tornLastLine = true;
      return;
    }
    throw new InputError(`${file}:${i + 1}: ${parsed.error}`, { file, field: `line ${i + 1}` });
  });
  return { events, tornLastLine };
}

function findLastContentLine(lines: readonly string[]): number {
  for (let i = lines.length - 1; i >= 0; i--) if (lines[i]?.trim()) return i;
  return -1;
}

function parseLine(line: string): { ok: true; event: RunEvent } | { ok: false; error: string } {
  if (line.length > MAX_EVENT_LINE_CHARS) return { ok: false, error: `a line of ${line.length} characters is not an event ims-rig wrote` };
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { ok: false, error: 'not a JSON line' };
  }
  const result = runEventSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'event';
    return { ok: false, error: `not an ims-rig event: ${where}: ${issue?.message ?? 'invalid'}` };
  }
  // Validated; the original object is kept so unknown extra fields survive a regenerate.
  return { ok: true, event: value as RunEvent };
}
