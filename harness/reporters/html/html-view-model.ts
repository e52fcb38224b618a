/**
 * What index.html shows, computed from the result model: every decision about grouping, order,
 * markers and wording is made here, so the template only lays out (and escapes) strings.
 */
import { CAPABILITIES, isCapability } from '../../model';
import { type DocumentationEntry, firstProblem, type RunResult, type ScenarioResult, type TargetInfo, waiversUsed } from '../../results';
import { documentationOf } from '../documentation/documentation-coverage';
import { scenarioKey } from '../documentation/scenario-sentences';
import { areasOf, humanDuration, humanTime, statusLabel, targetsOf } from '../format';
import { checkpointView, type CheckpointView } from './checkpoint-view';
import { coverageView, type CoverageView } from './coverage-view';
import { evidenceFor, type EvidenceItem } from './evidence-sections';
import { overviewPicture, type Picture, timelinePicture } from './svg-views';

export interface Row { readonly label: string; readonly value: string }

export interface StepView {
  readonly index: number | string;
  readonly kind: string;
  readonly description: string;
  readonly duration: string;
  readonly status: string;
  readonly statusClass: string;
  readonly detail?: string;
  readonly checkpoints: readonly CheckpointView[];
  /** Step-level evidence sections (e.g. a UI step's screenshot). */
  readonly evidence: readonly EvidenceItem[];
}

export interface ScenarioView {
  readonly anchor: string;
  readonly id: string;
  readonly title: string;
  readonly file: string;
  readonly area: string;
  readonly status: string;
  readonly statusLabel: string;
  readonly target?: string;
  readonly reason?: string;
  readonly doc?: string;
  /** Warnings about the scenario file (a user scenario without doc:). */
  readonly warnings: readonly string[];
  readonly duration: string;
  readonly requires: string;
  readonly missing: readonly Row[];
  readonly attempts?: string;
  readonly attemptHistory: readonly string[];
  readonly timeline: readonly StepView[];
  readonly timelinePicture?: Picture;
  /** Three-way diff: how the same scenario went on the AOSP reference device. */
  readonly reference?: string;
  /** Scenario-level evidence sections. */
  readonly evidence: readonly EvidenceItem[];
}

export interface PageView {
  readonly title: string;
  readonly summaryRows: readonly Row[];
  readonly targetHeader: readonly string[];
  readonly targetRows: readonly { readonly label: string; readonly values: readonly string[] }[];
  readonly incomplete?: { readonly message: string; readonly notRun: readonly { readonly id: string; readonly title: string; readonly target: string }[] };
  readonly counts: readonly { readonly label: string; readonly value: number; readonly cls: string }[];
  readonly areas: readonly { readonly area: string; readonly anchor: string; readonly passed: number; readonly failed: number; readonly waived: number; readonly skipped: number; readonly errors: number; readonly total: number }[];
  readonly failures: readonly { readonly anchor: string; readonly id: string; readonly title: string; readonly statusLabel: string; readonly status: string; readonly problem: string; readonly target?: string }[];
  readonly waivers: readonly { readonly id: string; readonly justification: string; readonly reference?: string; readonly uses: readonly { readonly anchor: string; readonly id: string; readonly text: string }[] }[];
  readonly devices?: { readonly serials: readonly string[]; readonly rows: readonly { readonly id: string; readonly title: string; readonly cells: readonly { readonly anchor?: string; readonly label: string; readonly status: string }[] }[] };
  readonly groups: readonly { readonly area: string; readonly anchor: string; readonly scenarios: readonly ScenarioView[] }[];
  readonly statuses: readonly string[];
  /** Area × status, as one picture. */
  readonly overview: Picture;
  readonly coverage: CoverageView;
  /** Three-way diff counts (a run with a reference run only). */
  readonly threeWay?: { readonly asAosp: number; readonly vendorSpecific: number };
  /** Run-level evidence sections (e.g. the projected target time). */
  readonly evidence: readonly EvidenceItem[];
}

export function buildPageView(run: RunResult, documentation: readonly DocumentationEntry[] = documentationOf(run)): PageView {
  const targets = targetsOf(run);
  const multi = targets.length > 1;
  const anchors = anchorsFor(run.scenarios, multi);
  const anchorOf = (s: ScenarioResult): string => anchors.get(s) ?? 'scenario';
  const scenariosBy = (area: string): ScenarioResult[] => run.scenarios.filter((s) => s.area === area);
  const byKey = new Map(run.scenarios.map((s) => [scenarioKey(s.id, s.target), s]));
  const areaCounts = areasOf(run.scenarios).map((area) => {
    const list = scenariosBy(area);
    const n = (status: ScenarioResult['status']): number => list.filter((s) => s.status === status).length;
    return { area, anchor: `area-${slug(area)}`, passed: n('pass'), failed: n('fail'), waived: n('waived'), skipped: n('skip'), errors: n('error'), total: list.length };
  });

  return {
    title: `${run.run.suiteName} ${run.run.suiteVersion} — ${targets.map((t) => t.serial).join(', ')}`,
    summaryRows: summaryRows(run),
    targetHeader: targets.map((t) => t.serial),
    targetRows: targetRows(targets),
    ...(run.run.complete ? {} : { incomplete: incompleteView(run) }),
    counts: [
      { label: 'Passed', value: run.summary.pass, cls: 'pass' },
      { label: 'Failed', value: run.summary.fail, cls: 'fail' },
      { label: 'Waived', value: run.summary.waived, cls: 'waived' },
      { label: 'Skipped', value: run.summary.skip, cls: 'skip' },
      { label: 'Errors', value: run.summary.error, cls: 'error' },
      { label: 'Incomplete', value: run.summary.incomplete, cls: 'incomplete' },
      { label: 'Waived deviations', value: run.summary.deviation, cls: 'waived' },
    ],
    areas: areaCounts,
    overview: overviewPicture(areaCounts.map((a) => ({
      area: a.area,
      counts: [
        { n: a.passed, c: 'v-pass', word: 'passed' }, { n: a.failed, c: 'v-fail', word: 'failed' }, { n: a.waived, c: 'v-waived', word: 'waived' },
        { n: a.skipped, c: 'a-skip', word: 'skipped' }, { n: a.errors, c: 'a-error', word: 'errors' },
      ],
    }))),
    coverage: coverageView(documentation, (id, target) => {
      const s = byKey.get(scenarioKey(id, target));
      return s === undefined ? undefined : anchorOf(s);
    }),
    ...(run.summary.asAosp !== undefined || run.summary.vendorSpecific !== undefined
      ? { threeWay: { asAosp: run.summary.asAosp ?? 0, vendorSpecific: run.summary.vendorSpecific ?? 0 } } : {}),
    evidence: evidenceFor('run', run),
    failures: run.scenarios.filter((s) => s.status === 'fail' || s.status === 'error').map((s) => ({
      anchor: anchorOf(s), id: s.id, title: s.title, status: s.status, statusLabel: statusLabel(s),
      problem: firstProblem(s) ?? s.reason ?? '', ...(multi && s.target ? { target: s.target } : {}),
    })),
    waivers: waiversUsed(run.scenarios).map(({ waiver, uses }) => ({
      id: waiver.id, justification: waiver.justification, ...(waiver.reference ? { reference: waiver.reference } : {}),
      uses: uses.map((u) => ({ anchor: anchorOf(u.scenario), id: multi && u.scenario.target ? `${u.scenario.id} [${u.scenario.target}]` : u.scenario.id, text: u.diff.text })),
    })),
    ...(multi ? { devices: devicesView(run, targets, anchorOf) } : {}),
    groups: areasOf(run.scenarios).map((area) => ({ area, anchor: `area-${slug(area)}`, scenarios: scenariosBy(area).map((s) => scenarioView(s, anchorOf(s), targets, multi)) })),
    statuses: ['fail', 'error', 'waived', 'skip', 'pass'],
  };
}

function summaryRows(run: RunResult): Row[] {
  const r = run.run;
  const rows: Row[] = [
    { label: 'Suite / Version', value: `${r.suiteName} ${r.suiteVersion}` },
    { label: 'Run', value: r.shard ? `${r.id} (shard ${r.shard.index} of ${r.shard.count})` : r.id },
    { label: 'Host', value: `${r.host.name} (${r.host.os}${r.host.osVersion ? ` ${r.host.osVersion}` : ''}${r.host.arch ? ` ${r.host.arch}` : ''}, Node ${r.host.node})` },
    { label: 'Start time', value: humanTime(r.startedAt) },
    { label: 'End time', value: r.complete ? humanTime(r.endedAt) : `${humanTime(r.endedAt)} (last event; the run did not finish)` },
    { label: 'Duration', value: humanDuration(r.durationMs ?? 0) },
    ...(run.summary.targetSeconds === undefined ? [] : [{ label: 'Target time', value: targetTime(run.summary.targetSeconds, run.summary.targetReboots) }]),
    { label: 'Command line', value: r.commandLine },
  ];
  if (r.mergedFrom) rows.push({ label: 'Merged from', value: r.mergedFrom.map((m) => `${m.id}${m.shard ? ` shard ${m.shard.index}/${m.shard.count}` : ''} on ${m.serial}`).join('; ') });
  return rows;
}

/** The target's own uptime over the run (what the run costs on a real device), and its reboots. */
function targetTime(seconds: number, reboots: number | undefined): string {
  const rebootText = reboots === undefined ? '' : `, ${reboots} reboot${reboots === 1 ? '' : 's'}`;
  return `${humanDuration(seconds * 1000)} of target uptime${rebootText}`;
}

function targetRows(targets: readonly TargetInfo[]): { label: string; values: string[] }[] {
  const row = (label: string, value: (t: TargetInfo) => string | undefined): { label: string; values: string[] } =>
    ({ label, values: targets.map((t) => value(t) ?? '-') });
  const rows = [
    row('Kind', (t) => t.kind + (t.via ? ` (via ${t.via})` : '')),
    row('Fingerprint', (t) => t.fingerprint),
    row('Release (SDK)', (t) => `${t.release ?? '?'} (${t.sdk})`),
    row('Build type', (t) => t.buildType),
    row('Model', (t) => t.model),
    row('ABI', (t) => t.abi),
    row('Missing capabilities', (t) => (t.missingCapabilities && t.missingCapabilities.length > 0 ? t.missingCapabilities.join(', ') : 'none')),
  ];
  if (targets.some((t) => t.referenceProfile)) rows.push(row('Reference device profile', (t) => t.referenceProfile));
  if (targets.some((t) => t.deviation)) rows.push(row('Deviation profile', (t) => t.deviation ?? 'none'));
  return rows;
}

function incompleteView(run: RunResult): NonNullable<PageView['incomplete']> {
  const notRun = run.notRun ?? [];
  const parts = [`the run ended before its plan was done (${run.run.interrupted ?? 'no run-end event'})`];
  if (run.summary.incomplete > 0) parts.push(`${run.summary.incomplete} scenario(s) were cut off mid-way`);
  if (notRun.length > 0) parts.push(`${notRun.length} planned scenario(s) never began`);
  return { message: parts.join('; '), notRun: notRun.map((n) => ({ id: n.id, title: n.title, target: n.target ?? run.target.serial })) };
}

function devicesView(run: RunResult, targets: readonly TargetInfo[], anchorOf: (s: ScenarioResult) => string): NonNullable<PageView['devices']> {
  const ids = [...new Set(run.scenarios.map((s) => s.id))];
  return {
    serials: targets.map((t) => t.serial),
    rows: ids.map((id) => {
      const mine = run.scenarios.filter((s) => s.id === id);
      return {
        id,
        title: mine[0]?.title ?? id,
        cells: targets.map((t) => {
          const s = mine.find((x) => (x.target ?? run.target.serial) === t.serial);
          return s ? { anchor: anchorOf(s), label: statusLabel(s), status: s.status } : { label: 'not run', status: 'notrun' };
        }),
      };
    }),
  };
}

function scenarioView(s: ScenarioResult, anchor: string, targets: readonly TargetInfo[], multi: boolean): ScenarioView {
  const target = targets.find((t) => t.serial === s.target) ?? targets[0];
  const missingCaps = (s.requires ?? []).filter((c) => target?.missingCapabilities?.includes(c));
  const checkpoints = s.checkpoints.map((c) => ({ step: c.step, view: checkpointView(c) }));
  const steps = s.steps ?? [];
  const timeline: StepView[] = steps.map((st) => ({
    // Provisioning (recorded as step -1) and the restore after the last step are not scenario steps.
    index: st.kind === 'provision' || st.kind === 'snapshot' ? 'setup' : st.kind === 'restore' ? 'after' : st.index, kind: st.kind, description: st.description, duration: humanDuration(st.durationMs),
    status: st.status, statusClass: st.status === 'ok' ? 'pass' : st.status === 'error' ? 'error' : 'skip',
    ...(st.detail ? { detail: st.detail } : {}),
    checkpoints: checkpoints.filter((c) => c.step === st.index).map((c) => c.view),
    evidence: evidenceFor('step', st),
  }));
  const orphans = checkpoints.filter((c) => !steps.some((st) => st.index === c.step));
  for (const c of orphans) timeline.push({ index: c.step, kind: 'check', description: '(step not recorded)', duration: '-', status: 'ok', statusClass: 'pass', checkpoints: [c.view], evidence: [] });
  const picture = timelinePicture(s);
  return {
    anchor, id: s.id, title: s.title, file: s.file, area: s.area, status: s.status, statusLabel: statusLabel(s),
    ...(multi && s.target ? { target: s.target } : {}),
    ...(s.reason ? { reason: s.reason } : {}),
    ...(s.doc ? { doc: s.doc } : {}),
    warnings: s.warnings ?? [],
    duration: humanDuration(s.durationMs),
    requires: (s.requires ?? []).join(', '),
    missing: missingCaps.map((c) => ({ label: c, value: describeCapability(c) })),
    ...((s.attempts ?? 1) > 1 ? { attempts: `${s.attempts} attempts; the last one decides` } : {}),
    attemptHistory: (s.attemptHistory ?? []).map((a) => `attempt ${a.attempt}: ${a.status.toUpperCase()}${a.reason ? ` — ${a.reason}` : ''} (${humanDuration(a.durationMs)})`),
    timeline,
    ...(picture ? { timelinePicture: picture } : {}),
    ...(s.reference ? { reference: referenceLine(s.reference) } : {}),
    evidence: evidenceFor('scenario', s),
  };
}

/** The reference run in one line; one that did not finish says its cells stay unlabelled. */
function referenceLine(r: NonNullable<ScenarioResult['reference']>): string {
  const ended = r.status === 'error' || r.status === 'skip'
    ? `${r.status === 'error' ? 'could not run' : 'skipped'} there${r.reason ? ` (${r.reason})` : ''}: the cells it did not reach are not labelled`
    : `ran there in ${humanDuration(r.durationMs)}; each differing cell says whether the target does what AOSP does`;
  return `Also run on the ${r.device}: ${ended}.`;
}

function describeCapability(c: string): string {
  return isCapability(c) ? CAPABILITIES[c] : 'unknown capability';
}

/** Anchor ids: the scenario id (plus the device when several) in characters safe in an id and a URL fragment. */
function anchorsFor(scenarios: readonly ScenarioResult[], multi: boolean): Map<ScenarioResult, string> {
  const used = new Set<string>();
  const out = new Map<ScenarioResult, string>();
  for (const s of scenarios) {
    const base = `s-${slug(multi && s.target ? `${s.id}@${s.target}` : s.id)}`;
    let anchor = base;
    for (let n = 2; used.has(anchor); n++) anchor = `${base}-${n}`;
    used.add(anchor);
    out.set(s, anchor);
  }
  return out;
}

function slug(text: string): string {
  return text.replace(/[^A-Za-z0-9_.-]+/g, '-');
}

