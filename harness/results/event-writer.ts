/**
 * Writes events.jsonl as a run goes: one JSON object per line, each handed to the OS with a
 * synchronous write before `write` returns. Nothing is buffered in the process, so a crash or a
 * SIGINT loses no event already emitted (an fsync per event would also survive a power cut; a CI
 * step does not need that and it would cost milliseconds per event). Every report is later folded
 * from these lines (./fold-events.ts), which is what lets an interrupted run still be reported.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type RunEvent } from './events';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An event as the runner hands it over: `v` is filled in, `at` defaults to the writer's clock. */
export type EventInput = DistributiveOmit<RunEvent, 'v' | 'at'> & { readonly at?: string };

export class EventWriter {
  private fd: number | undefined;

  /**
   * Opens (creating directories as needed) `file` for appending. An existing file is appended to,
   * never truncated: the reader folds whatever the file holds.
   */
  constructor(
    readonly file: string,
    private readonly clock: () => Date = () => new Date(),
  ) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    this.fd = fs.openSync(file, 'a');
  }

  /** Appends one event as one line and returns it as written. */
  write(input: EventInput): RunEvent {
    if (this.fd === undefined) throw new Error(`EventWriter: ${this.file} is closed`);
    const event = { v: 1, at: this.clock().toISOString(), ...input } as RunEvent;
    // JSON.stringify escapes newlines inside strings, so one event is exactly one line.
    const bytes = Buffer.from(`${JSON.stringify(event)}\n`, 'utf8');
    for (let offset = 0; offset < bytes.length; ) offset += fs.writeSync(this.fd, bytes, offset);
    return event;
  }

  /** Closes the file; later writes throw. Closing twice is harmless. */
  close(): void {
    if (this.fd === undefined) return;
    fs.closeSync(this.fd);
    this.fd = undefined;
  }
}
