/**
 * The few lines printed at the end of a run (and by `ims-rig report`): the counts, each failing
 * scenario with its first differing cell, and where the HTML report is. Plain text; colour only on
 * a TTY (and never with NO_COLOR). Device-supplied text is stripped of control characters so a
 * package name or dumpsys line cannot drive the terminal.
 */
import { type DocumentationEntry, firstProblem, type RunResult, type ScenarioResult } from '../results';
import { countStatuses } from './documentation/coverage-sections';
import { documentationOf } from './documentation/documentation-coverage';
import { statusLabel, targetsOf } from './format';

export interface TerminalSummaryOptions {
  readonly color?: boolean;
  /** Path of index.html, printed last so a person can open it. */
  readonly htmlPath?: string;
  /** The run's documentation coverage (computed from the run when absent). */
  readonly documentation?: readonly DocumentationEntry[];
}

const ANSI = { red: '\x1b[31m', green: '\x1b[32m', yellow: '\x1b[33m', bold: '\x1b[1m', dim: '\x1b[2m', reset: '\x1b[0m' } as const;
type Paint = (style: keyof typeof ANSI, text: string) => string;

export function formatTerminalSummary(run: RunResult, options: TerminalSummaryOptions = {}): string {
  const paint: Paint = options.color ? (style, text) => `${ANSI[style]}${text}${ANSI.reset}` : (_style, text) => text;
  const s = run.summary;
  const lines: string[] = [];
  const devices = targetsOf(run).map((t) => `${clean(t.serial)} (${t.kind}, SDK ${t.sdk}, ${clean(t.buildType)}${t.deviation ? `, deviation ${clean(t.deviation)}` : ''})`);
  lines.push(paint('bold', `${run.run.suiteName} ${run.run.suiteVersion} on ${devices.join(', ')}`));

  const parts = [
    paint(s.pass > 0 ? 'green' : 'dim', `${s.pass} passed`),
    paint(s.fail > 0 ? 'red' : 'dim', `${s.fail} failed`),
    paint(s.waived > 0 ? 'yellow' : 'dim', `${s.waived} waived`),
    `${s.skip} skipped`,
    paint(s.error > 0 ? 'red' : 'dim', `${s.error} ${s.error === 1 ? 'error' : 'errors'}`),
  ];
  if (s.incomplete > 0) parts.push(paint('red', `${s.incomplete} incomplete`));
  if (s.deviation > 0) parts.push(paint('yellow', `${s.deviation} ${s.deviation === 1 ? 'deviation' : 'deviations'} waived`));
  lines.push(`  ${s.total ?? run.scenarios.length} scenarios: ${parts.join(', ')}`);
  if (s.asAosp !== undefined || s.vendorSpecific !== undefined) {
    lines.push(`  against the AOSP reference device: ${s.asAosp ?? 0} differing cell(s) as AOSP, ${paint((s.vendorSpecific ?? 0) > 0 ? 'red' : 'dim', `${s.vendorSpecific ?? 0} vendor-specific`)}`);
  }
  const d = countStatuses(options.documentation ?? documentationOf(run));
  lines.push(`  documentation: ${d.covered} of ${d.total} sentences checked (${d.held} held, ${paint(d.failed > 0 ? 'red' : 'dim', `${d.failed} failed`)}, ${d.waived} waived, ${d['not-run']} not run), ${d['not-covered']} not covered`);
  if (!run.run.complete) {
    const notRun = s.notRun ?? run.notRun?.length ?? 0;
    lines.push(paint('red', `  INCOMPLETE RUN: ${clean(run.run.interrupted ?? 'the run stopped early')}${notRun > 0 ? `; ${notRun} planned scenario(s) did not run` : ''}`));
  }

  const problems = run.scenarios.filter((x) => x.status === 'fail' || x.status === 'error');
  if (problems.length > 0) {
    lines.push('', paint('bold', 'Failures:'));
    for (const x of problems) lines.push(`  ${paint('red', statusLabel(x).padEnd(10))} ${describe(x, run)}`);
  }
  if (options.htmlPath) lines.push('', `Report: ${options.htmlPath}`);
  return `${lines.join('\n')}\n`;
}

/** Prints the summary to `stream` (stdout), in colour when it is a terminal. */
export function printTerminalSummary(run: RunResult, htmlPath?: string, stream: NodeJS.WriteStream = process.stdout): void {
  const color = stream.isTTY === true && process.env.NO_COLOR === undefined;
  stream.write(formatTerminalSummary(run, { color, ...(htmlPath === undefined ? {} : { htmlPath }) }));
}

function describe(x: ScenarioResult, run: RunResult): string {
  const where = run.targets && run.targets.length > 1 && x.target ? ` [${clean(x.target)}]` : '';
  return `${clean(x.id)}${where}: ${clean(firstProblem(x) ?? x.reason ?? '')}`;
}

function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/g, '?');
}
