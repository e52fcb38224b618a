/**
 * The Jest reporter `ims-rig run` installs instead of Jest's own output: one line per scenario,
 * read from events.jsonl (the source of truth, written by the suite before Jest hears the test
 * ended), e.g.
 *   [12/43] ✓ priority.doc-table.carrier-a 0.4s
 *   [13/43] ✗ fallback.carrier-missing 1.2s  slot 0 MMTEL: expected com.oem.ims, observed -
 * On a terminal (and without --no-progress) a live line shows the scenario running now.
 */
import * as fs from 'node:fs';
import { describeDiff, type Checkpoint, type RunEvent, type ScenarioStatus } from '../results';

export interface ProgressOptions {
  readonly eventsFile: string;
  readonly total: number;
  /** Live line (TTY only). */
  readonly live: boolean;
  readonly color: boolean;
  /** --retries: an error before the last attempt is followed by another attempt. */
  readonly retries?: number;
}

const MARK: Readonly<Record<ScenarioStatus, string>> = { pass: '✓', fail: '✗', waived: '~', skip: '-', error: '!' };
const COLOR: Readonly<Record<ScenarioStatus, string>> = { pass: '\x1b[32m', fail: '\x1b[31m', waived: '\x1b[33m', skip: '\x1b[2m', error: '\x1b[31m' };

/** One scenario's line. Pure. */
export function progressLine(n: number, total: number, id: string, status: ScenarioStatus, durationMs: number, detail: string | undefined, color = false): string {
  const mark = color ? `${COLOR[status]}${MARK[status]}\x1b[0m` : MARK[status];
  const time = `${(durationMs / 1000).toFixed(1)}s`;
  const text = detail === undefined || detail === '' ? '' : `  ${clean(detail)}`;
  return `[${String(n).padStart(String(total).length)}/${total}] ${mark} ${clean(id)} ${time}${text}`;
}

function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\x00-\x1f\x7f-\x9f]/g, ' ');
}

/** The first unwaived difference of the checkpoints, worded like the reports. */
export function firstDifference(checkpoints: readonly Checkpoint[]): string | undefined {
  for (const cp of checkpoints) {
    const d = cp.diffs.find((x) => x.waiver === undefined);
    if (d) return describeDiff(d);
    const g = cp.grants?.diffs.find((x) => x.waiver === undefined);
    if (g && cp.grants) return `${cp.grants.package} ${g.permission}: expected ${g.expected ? 'granted' : 'denied'}, observed ${g.observed ? 'granted' : 'denied'}`;
    const u = cp.ui?.diffs.find((x) => x.waiver === undefined);
    if (u && cp.ui) return `${cp.ui.package} ${u.key}: expected ${String(u.expected)}, observed ${String(u.observed)}`;
  }
  return undefined;
}

/** The first waived difference: `slot 0 RCS: expected -, observed com.x (waived: aosp-…)`. */
export function firstWaived(checkpoints: readonly Checkpoint[]): string | undefined {
  for (const cp of checkpoints) {
    const d = cp.diffs.find((x) => x.waiver !== undefined);
    if (d?.waiver) return `${describeDiff(d)} (waived: ${d.waiver.id})`;
    const g = cp.grants?.diffs.find((x) => x.waiver !== undefined);
    if (g?.waiver && cp.grants) return `${cp.grants.package} ${g.permission} (waived: ${g.waiver.id})`;
    const u = cp.ui?.diffs.find((x) => x.waiver !== undefined);
    if (u?.waiver && cp.ui) return `${cp.ui.package} ${u.key} (waived: ${u.waiver.id})`;
  }
  return undefined;
}

/** Reads events as they are appended and turns scenario ends into lines. */
export class ProgressTracker {
  private offset = 0;
  private pending = '';
  private done = 0;
  private readonly checkpoints = new Map<string, Checkpoint[]>();

  constructor(private readonly options: ProgressOptions) {}

  /** Lines for the scenario ends appended since the last call. */
  poll(): string[] {
    let chunk = '';
    try {
      const fd = fs.openSync(this.options.eventsFile, 'r');
      try {
        const size = fs.fstatSync(fd).size;
        if (size > this.offset) {
          const buf = Buffer.alloc(size - this.offset);
          fs.readSync(fd, buf, 0, buf.length, this.offset);
          this.offset = size;
          chunk = buf.toString('utf8');
        }
      } finally {
        fs.closeSync(fd);
      }
    } catch {
      return [];
    }
    const text = this.pending + chunk;
    const lines = text.split('\n');
    this.pending = lines.pop() ?? '';
    const out: string[] = [];
    for (const line of lines) {
      if (line.trim() === '') continue;
      let event: RunEvent;
      try {
        event = JSON.parse(line) as RunEvent;
      } catch {
        continue;
      }
      const printed = this.onEvent(event);
      if (printed !== undefined) out.push(printed);
    }
    return out;
  }

  private onEvent(event: RunEvent): string | undefined {
    if (event.type === 'scenario-begin') this.checkpoints.set(event.id, []);
    if (event.type === 'checkpoint') this.checkpoints.get(event.scenario)?.push(event.checkpoint);
    if (event.type !== 'scenario-end') return undefined;
    const cps = this.checkpoints.get(event.scenario) ?? [];
    const detail = event.status === 'fail' ? firstDifference(cps) ?? event.reason
      : event.status === 'waived' ? firstWaived(cps) ?? event.reason
      : event.status === 'pass' ? undefined : event.reason;
    if (event.status === 'error' && event.reason !== undefined && this.retrying(event)) {
      return `${' '.repeat(String(this.options.total).length * 2 + 3)} ! ${clean(event.scenario)} attempt ${event.attempt}: ${clean(event.reason)} (retrying)`;
    }
    this.done += 1;
    return progressLine(this.done, this.options.total, event.scenario, event.status, event.durationMs, detail, this.options.color);
  }

  /** An error with attempts left is retried by the suite. */
  private retrying(event: RunEvent & { type: 'scenario-end' }): boolean {
    return event.attempt <= (this.options.retries ?? 0);
  }

  /** The number of the scenario that starts next. */
  get next(): number {
    return this.done + 1;
  }
}

/** Jest reporter (loaded by path; the options come from ims-rig run). */
export default class ProgressReporter {
  private readonly tracker: ProgressTracker;
  private liveShown = false;

  constructor(_globalConfig: unknown, private readonly options: ProgressOptions) {
    this.tracker = new ProgressTracker(options);
  }

  private write(text: string): void {
    process.stdout.write(text);
  }

  private clearLive(): void {
    if (this.liveShown) this.write('\r\x1b[K');
    this.liveShown = false;
  }

  private flush(): void {
    const lines = this.tracker.poll();
    if (lines.length === 0) return;
    this.clearLive();
    this.write(`${lines.join('\n')}\n`);
  }

  /** On a terminal Jest prints "Determining test suites to run..." without a newline: clear it. */
  onRunStart(): void {
    if (this.options.live) this.write('\r\x1b[K');
  }

  onTestCaseStart(_test: unknown, info: { title?: string }): void {
    this.flush();
    if (!this.options.live) return;
    this.clearLive();
    this.write(`[${this.tracker.next}/${this.options.total}] … ${clean(info.title ?? '')}`);
    this.liveShown = true;
  }

  onTestCaseResult(): void {
    this.flush();
  }

  onTestResult(): void {
    this.flush();
  }

  onRunComplete(): void {
    this.flush();
    this.clearLive();
  }

  getLastError(): Error | undefined {
    return undefined;
  }
}
