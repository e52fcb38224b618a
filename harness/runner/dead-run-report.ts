/**
 * A run that was killed (SIGKILL, a crash, a power cut) wrote no reports, only its events.jsonl,
 * flushed event by event. The next run on the same target learns where it was (the lock's record
 * or the snapshot it left) and turns those events into its reports, which say the run did not
 * finish (fold-events KILLED_REASON); `ims-rig report --from <dir>/events.jsonl` does the same by
 * hand (issue 11, item 5).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeError } from '../errors';
import { writeReports } from '../reporters';
import { foldEvents, readEvents } from '../results';

/** Rebuilds the reports in `outDir` from its events.jsonl when they are missing or older; the index.html path, or undefined. */
export async function rebuildDeadRunReport(outDir: string | undefined, note: (line: string) => void): Promise<string | undefined> {
  if (outDir === undefined) return undefined;
  const events = path.join(outDir, 'events.jsonl');
  const html = path.join(outDir, 'index.html');
  let eventsAt: number;
  try {
    eventsAt = fs.statSync(events).mtimeMs;
  } catch {
    return undefined;
  }
  const htmlAt = fs.existsSync(html) ? fs.statSync(html).mtimeMs : -1;
  const results = path.join(outDir, 'results.json');
  if (htmlAt >= eventsAt && fs.existsSync(results)) return undefined;
  try {
    const written = await writeReports(foldEvents(await readEvents(events), events), outDir);
    note(`ims-rig: the run that wrote ${events} was killed before its reports; they are written now: ${written.html}`);
    return written.html;
  } catch (e) {
    note(`ims-rig: could not write the reports of the killed run in ${outDir}: ${describeError(e)}`);
    return undefined;
  }
}
