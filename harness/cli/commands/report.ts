/**
 * `ims-rig report --from <events.jsonl>... [--out <dir>]` (DESIGN.md "CLI"): rebuilds a run's
 * reports from its event stream, or merges several (shards of one run, or runs on several
 * devices) into one report, without touching a device. Exit 0 whatever the findings (the report
 * is the product here); an unreadable or malformed input is bad input (exit 2) naming the file.
 */
import * as path from 'node:path';
import { UsageError } from '../../errors';
import { printTerminalSummary, writeReports } from '../../reporters';
import { loadRuns } from '../../results';

export async function reportCommand(opts: Record<string, unknown>): Promise<number> {
  const from = opts.from;
  if (!Array.isArray(from) || from.length === 0 || !from.every((f): f is string => typeof f === 'string' && f !== '')) {
    throw new UsageError('ims-rig report: --from needs at least one events.jsonl file');
  }
  const out = typeof opts.out === 'string' && opts.out !== '' ? opts.out : path.join('reports', 'merged');
  const run = await loadRuns(from);
  const paths = await writeReports(run, out);
  printTerminalSummary(run, path.relative(process.cwd(), paths.html) || paths.html);
  return 0;
}
