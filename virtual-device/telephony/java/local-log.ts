/**
 * android.util.LocalLog: a bounded in-memory log whose lines read `LocalDateTime.now() + " - " + msg`
 * (BASE core/java/android/util/LocalLog.java, useLocalTimestamps = true). The oldest line is dropped
 * when the log is full.
 */
import { type Clock } from '../../android/platform';

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/**
 * java.time.LocalDateTime.toString() with millisecond precision: `uuuu-MM-ddTHH:mm`, then `:ss`
 * unless seconds and fraction are both zero, then `.SSS` unless the fraction is zero. The device
 * clock runs in UTC (no persist.sys.timezone on the reference device).
 */
export function formatLocalDateTime(date: Date): string {
  let text = `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}T${pad(date.getUTCHours(), 2)}:${pad(date.getUTCMinutes(), 2)}`;
  const seconds = date.getUTCSeconds();
  const millis = date.getUTCMilliseconds();
  if (seconds > 0 || millis > 0) text += `:${pad(seconds, 2)}`;
  if (millis > 0) text += `.${pad(millis, 3)}`;
  return text;
}

export class LocalLog {
  private readonly lines: string[] = [];

  constructor(
    private readonly maxLines: number,
    private readonly clock: Pick<Clock, 'now'>,
  ) {}

  log(message: string): void {
    if (this.maxLines <= 0) return;
    while (this.lines.length >= this.maxLines) this.lines.shift();
    this.lines.push(`${formatLocalDateTime(this.clock.now())} - ${message}`);
  }

  /** The lines, oldest first, as dump() prints them. */
  entries(): readonly string[] {
    return this.lines;
  }
}
