/**
 * Lints manifest files (text AndroidManifest.xml, binary AndroidManifest.xml, or APKs) and shapes
 * the results for people (text) and programs (JSON). An unreadable file is a result with an
 * `error`, not an exception: the other files are still linted.
 */
import { docSentence } from '../docs/documentation';
import { describeError, EXIT_BAD_INPUT, EXIT_CONFORMANCE_FAILURE, EXIT_OK, isImsRigError } from '../errors/errors';
import { readManifestFile } from '../formats/apk-reader';
import { isBlocking, type LintFinding, type Severity } from './finding';
import { lintManifest } from './lint-manifest';

export interface LintFileResult {
  readonly file: string;
  readonly package?: string;
  readonly findings: readonly LintFinding[];
  /** Why the file could not be read (then there are no findings). */
  readonly error?: string;
}

export interface LintSummary {
  readonly files: number;
  readonly unreadable: number;
  readonly error: number;
  readonly warning: number;
  readonly info: number;
}

/**
 * Reads and lints each file in turn. A file that cannot be read is a result with its error and the
 * others are still linted (issue 11: one hostile file must not abort a multi-file lint). A fault
 * that is not one of ims-rig's errors is a bug in a reader; it is still reported per file, in
 * words, rather than ending the whole lint with the engine's message.
 */
export async function lintFiles(files: readonly string[]): Promise<LintFileResult[]> {
  const results: LintFileResult[] = [];
  for (const file of files) {
    try {
      const manifest = await readManifestFile(file);
      results.push({ file, package: manifest.package, findings: lintManifest(manifest) });
    } catch (e) {
      const error = isImsRigError(e) ? describeError(e) : `${file}: could not be read: ims-rig's reader failed on it unexpectedly (please report this file)`;
      results.push({ file, findings: [], error });
    }
  }
  return results;
}

export function summarize(results: readonly LintFileResult[]): LintSummary {
  const count = (s: Severity): number => results.reduce((n, r) => n + r.findings.filter((f) => f.severity === s).length, 0);
  return { files: results.length, unreadable: results.filter((r) => r.error !== undefined).length, error: count('error'), warning: count('warning'), info: count('info') };
}

/** 2 when any input was unreadable, else 1 when there is an error or warning, else 0. */
export function lintExitCode(results: readonly LintFileResult[]): number {
  if (results.some((r) => r.error !== undefined)) return EXIT_BAD_INPUT;
  return results.some((r) => r.findings.some(isBlocking)) ? EXIT_CONFORMANCE_FAILURE : EXIT_OK;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 || word === 'info' ? '' : 's'}`;

export function formatSummary(s: LintSummary): string {
  const counts = `${plural(s.error, 'error')}, ${plural(s.warning, 'warning')}, ${plural(s.info, 'info')}`;
  return `${plural(s.files, 'file')} linted: ${counts}${s.unreadable > 0 ? `; ${s.unreadable} unreadable` : ''}`;
}

/** `<file>:<line>: <severity> <rule-id> <message>`, then the cited documentation sentence, indented. */
export function formatFinding(f: LintFinding): string {
  const sentence = docSentence(f.doc);
  return `${f.file}:${f.line}: ${f.severity} ${f.rule} ${f.element} ${f.message}\n    [${sentence.id}] ${sentence.section}: "${sentence.text}"`;
}

/** The JSON `ims-rig lint --json` prints. */
export function lintJson(results: readonly LintFileResult[]): unknown {
  return {
    schemaVersion: 1,
    files: results.map((r) => ({
      file: r.file,
      ...(r.package === undefined ? {} : { package: r.package }),
      ...(r.error === undefined ? {} : { error: r.error }),
      findings: r.findings.map((f) => ({ ...f, doc: docSentence(f.doc) })),
    })),
    summary: summarize(results),
    exitCode: lintExitCode(results),
  };
}
