/**
 * junit.xml for CI systems: one <testsuite> per area (per area and device when a report merges
 * several devices, `hostname` = serial), one <testcase> per scenario.
 *  - conformance failure → <failure message="first differing cell" type="ConformanceFailure">all diffs</failure>
 *  - infrastructure error → <error type="InfrastructureError"> (an unfinished scenario: type="Incomplete")
 *  - skip → <skipped message="reason"/>; a planned scenario the run never reached is skipped with
 *    "not run: …" so an interrupted run cannot look complete
 *  - waived → passes, but carries a `waived` property and a "WAIVED: …" <system-out>: a JUnit
 *    consumer has no status for a documented deviation, and the diff must stay visible.
 * Exactly one <system-out> per testcase (several confuse parsers in the wild; Playwright junit.ts).
 * Each testcase names the documentation sentences it rests on (`documentation` properties, one per
 * sentence, the one its `doc:` quotes first and also as `documentation.doc`) so a CI dashboard can
 * group results by requirement.
 */
import {
  type DocumentationEntry,
  firstProblem,
  type DiffLine,
  type NotRunScenario,
  type RunResult,
  type ScenarioResult,
  scenarioDiffs,
  type TargetInfo,
} from '../results';
import { documentationOf } from './documentation/documentation-coverage';
import { scenarioKey, sentencesByScenario, type ScenarioSentences } from './documentation/scenario-sentences';
import { areasOf, seconds, targetsOf } from './format';
import { renderXmlDocument, xml, type XmlElement, xmlText } from './xml-builder';

export const NOT_RUN_MESSAGE = 'not run: the run stopped before this scenario began';

export function renderJUnit(run: RunResult, documentation: readonly DocumentationEntry[] = documentationOf(run)): string {
  const sentences = sentencesByScenario(documentation);
  const targets = targetsOf(run);
  const multiDevice = targets.length > 1;
  const suites: XmlElement[] = [];
  for (const target of targets) {
    const mine = (s: { target?: string }): boolean => (s.target ?? run.target.serial) === target.serial;
    const scenarios = run.scenarios.filter(mine);
    const notRun = (run.notRun ?? []).filter(mine);
    for (const area of areasOf([...scenarios, ...notRun.map(asSkipped)])) {
      suites.push(testsuite(run, target, area, scenarios.filter((s) => s.area === area), notRun.filter((n) => n.area === area), multiDevice, sentences));
    }
  }
  const total = (attr: string): number => suites.reduce((n, s) => n + Number(s.attributes[attr] ?? 0), 0);
  const root = xml('testsuites', {
    name: `${run.run.suiteName} ${run.run.suiteVersion}`,
    tests: total('tests'),
    failures: total('failures'),
    errors: total('errors'),
    skipped: total('skipped'),
    time: seconds(run.run.durationMs ?? 0),
    timestamp: run.run.startedAt,
  }, suites);
  return renderXmlDocument(root);
}

function asSkipped(n: NotRunScenario): ScenarioResult {
  return { id: n.id, title: n.title, area: n.area, file: n.file, status: 'skip', reason: NOT_RUN_MESSAGE, durationMs: 0, checkpoints: [], ...(n.target ? { target: n.target } : {}) };
}

function testsuite(run: RunResult, target: TargetInfo, area: string, scenarios: readonly ScenarioResult[], notRun: readonly NotRunScenario[], multiDevice: boolean, sentences: ReadonlyMap<string, ScenarioSentences>): XmlElement {
  const cases = [...scenarios, ...notRun.map(asSkipped)].map((s) => testcase(s, multiDevice, sentences.get(scenarioKey(s.id, s.target ?? target.serial))));
  const count = (tag: string): number => cases.filter((c) => c.children.some((ch) => ch.name === tag)).length;
  return xml('testsuite', {
    name: area,
    tests: cases.length,
    failures: count('failure'),
    errors: count('error'),
    skipped: count('skipped'),
    time: seconds(scenarios.reduce((ms, s) => ms + s.durationMs, 0)),
    timestamp: run.run.startedAt,
    hostname: target.serial,
  }, [properties(run, target), ...cases]);
}

function properties(run: RunResult, target: TargetInfo): XmlElement {
  const entries: [string, string | number | undefined][] = [
    ['device.serial', target.serial],
    ['device.kind', target.kind],
    ['device.fingerprint', target.fingerprint],
    ['device.sdk', target.sdk],
    ['device.release', target.release],
    ['device.buildType', target.buildType],
    ['device.model', target.model],
    ['device.abi', target.abi],
    ['device.deviation', target.deviation],
    ['device.missingCapabilities', target.missingCapabilities?.join(',')],
    ['run.id', run.run.id],
    ['run.complete', String(run.run.complete)],
    ['run.interrupted', run.run.interrupted],
  ];
  return xml('properties', {}, entries.filter(([, v]) => v !== undefined && v !== '').map(([name, value]) => xml('property', { name, value })));
}

function testcase(s: ScenarioResult, multiDevice: boolean, sentences: ScenarioSentences | undefined): XmlElement {
  const { unwaived, waived } = scenarioDiffs(s);
  const out: string[] = [];
  const props: [string, string][] = (sentences?.all ?? []).map((id) => ['documentation', id]);
  if (sentences?.doc !== undefined) props.push(['documentation.doc', sentences.doc]);
  if (waived.length > 0) {
    out.push(...waived.map((d) => `WAIVED: ${d.text} (rule ${d.rule}; waiver ${d.waiver?.id ?? '?'}: ${d.waiver?.justification ?? ''})`));
    props.push(['waived', waived.map((d) => d.text).join('; ')], ['waivers', [...new Set(waived.map((d) => d.waiver?.id ?? '?'))].join(',')]);
  }
  if ((s.attemptHistory?.length ?? 0) > 0) {
    out.push(...(s.attemptHistory ?? []).map((a) => `attempt ${a.attempt}: ${a.status}${a.reason ? ` - ${a.reason}` : ''}`));
    out.push(`attempt ${s.attempts ?? (s.attemptHistory?.length ?? 0) + 1}: ${s.status} (decides)`);
    props.push(['attempts', String(s.attempts ?? '')]);
  }
  if (multiDevice && s.target) props.push(['target', s.target]);
  return xml('testcase', { classname: `ims-rig.${s.area}`, name: s.id, time: seconds(s.durationMs), file: s.file }, [
    props.length > 0 && xml('properties', {}, props.map(([name, value]) => xml('property', { name, value }))),
    verdict(s, unwaived),
    out.length > 0 && xmlText('system-out', {}, `${out.join('\n')}\n`),
  ]);
}

function verdict(s: ScenarioResult, unwaived: readonly DiffLine[]): XmlElement | undefined {
  switch (s.status) {
    case 'pass':
    case 'waived':
      return undefined;
    case 'skip':
      return xml('skipped', { message: s.reason ?? 'skipped' });
    case 'fail':
      return xmlText('failure', { message: firstProblem(s) ?? 'conformance failure', type: 'ConformanceFailure' }, diffBody(s, unwaived));
    case 'error':
      return xmlText('error', { message: s.reason ?? 'infrastructure error', type: s.incomplete ? 'Incomplete' : 'InfrastructureError' }, errorBody(s));
  }
}

function diffBody(s: ScenarioResult, unwaived: readonly DiffLine[]): string {
  const lines = unwaived.map((d) => `step ${d.step}: ${d.text} (rule ${d.rule})`);
  if (s.reason) lines.push(s.reason);
  return `${lines.join('\n')}\n`;
}

function errorBody(s: ScenarioResult): string {
  const lines = [s.reason ?? 'infrastructure error'];
  for (const step of s.steps ?? []) if (step.status === 'error') lines.push(`step ${step.index} ${step.kind} (${step.description}): ${step.detail ?? 'error'}`);
  return `${lines.join('\n')}\n`;
}
