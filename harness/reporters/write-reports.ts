/**
 * Writes a run's report directory (DESIGN.md "CLI": results.json, index.html, junit.xml,
 * test_result.xml; events.jsonl is the runner's, written as the run goes) and keeps
 * reports/latest pointing at the newest run.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type RunResult } from '../results';
import { renderCtsResult } from './cts-result-reporter';
import { documentationOf } from './documentation/documentation-coverage';
import { renderHtml } from './html/html-reporter';
import { renderJUnit } from './junit-reporter';
import { renderResultsJson } from './results-json';

export interface ReportPaths {
  readonly dir: string;
  readonly resultsJson: string;
  readonly html: string;
  readonly junit: string;
  readonly ctsResult: string;
}

/** Renders every format and writes them into `outDir` (created if missing). */
export async function writeReports(run: RunResult, outDir: string): Promise<ReportPaths> {
  const dir = path.resolve(outDir);
  await fs.promises.mkdir(dir, { recursive: true });
  const paths: ReportPaths = {
    dir,
    resultsJson: path.join(dir, 'results.json'),
    html: path.join(dir, 'index.html'),
    junit: path.join(dir, 'junit.xml'),
    ctsResult: path.join(dir, 'test_result.xml'),
  };
  // Derived once, the same for every format: what each sentence of the documentation rests on.
  const documentation = documentationOf(run);
  await Promise.all([
    writeAtomically(paths.resultsJson, renderResultsJson(run, documentation)),
    writeAtomically(paths.html, renderHtml(run, documentation)),
    writeAtomically(paths.junit, renderJUnit(run, documentation)),
    writeAtomically(paths.ctsResult, renderCtsResult(run, documentation)),
  ]);
  return paths;
}

/** A reader (a CI step, a person reloading the page) never sees a half-written report. */
async function writeAtomically(file: string, text: string): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  await fs.promises.writeFile(tmp, text, 'utf8');
  await fs.promises.rename(tmp, file);
}

/**
 * Points `<reportsDir>/latest` at `outDir`: a relative symlink where the file system allows one
 * (so the reports directory can move), else a copy of the directory. The link is swapped by a
 * rename, so `latest` always names a complete run.
 */
export async function updateLatest(
  reportsDir: string,
  outDir: string,
  options: { readonly symlink?: (target: string, link: string) => Promise<void> } = {},
): Promise<{ readonly latest: string; readonly kind: 'symlink' | 'copy' | 'unchanged' }> {
  const latest = path.join(path.resolve(reportsDir), 'latest');
  const target = path.resolve(outDir);
  if (target === latest) return { latest, kind: 'unchanged' };
  const symlink = options.symlink ?? ((t: string, link: string) => fs.promises.symlink(t, link, 'dir'));
  await fs.promises.mkdir(path.dirname(latest), { recursive: true });
  const tmp = `${latest}.${process.pid}.tmp`;
  await fs.promises.rm(tmp, { recursive: true, force: true });
  try {
    await symlink(path.relative(path.dirname(latest), target), tmp);
    await replace(tmp, latest);
    return { latest, kind: 'symlink' };
  } catch {
    await fs.promises.rm(tmp, { recursive: true, force: true });
    await fs.promises.cp(target, tmp, { recursive: true });
    await replace(tmp, latest);
    return { latest, kind: 'copy' };
  }
}

async function replace(from: string, to: string): Promise<void> {
  const existing = await fs.promises.lstat(to).catch(() => undefined);
  // rename() replaces a symlink or file in one step, but not a directory (a former copy).
  if (existing?.isDirectory()) await fs.promises.rm(to, { recursive: true, force: true });
  await fs.promises.rename(from, to);
}
