/**
 * Reads one or more events.jsonl files and folds them into one result: the whole of what
 * `ims-rig report --from` needs before it renders.
 */
import { foldEvents } from './fold-events';
import { mergeRuns } from './merge-runs';
import { type RunResult } from './model';
import { readEvents } from './read-events';

export async function loadRuns(files: readonly string[]): Promise<RunResult> {
  const runs: RunResult[] = [];
  for (const file of files) runs.push(foldEvents(await readEvents(file), file));
  return mergeRuns(runs);
}
