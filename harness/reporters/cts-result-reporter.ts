/**
 * test_result.xml in the structure tradefed's XmlSuiteResultFormatter / CertificationResultXml
 * write (cts-and-reports.md §2.1), so tools that read CTS results read ims-rig's:
 * Result (suite attributes, devices, host) > Build > Summary > Module per area > TestCase > Test.
 *
 * Status mapping (the decision the brief asks to document):
 *  - pass → `pass`; fail → `fail` with Failure@message = first differing cell, StackTrace = all diffs
 *  - error → `fail` with Failure@error_name INFRASTRUCTURE_ERROR (INCOMPLETE for an unfinished one):
 *    CTS has no error status, and an error must not count as passed
 *  - skip → `ASSUMPTION_FAILURE` with the reason (CTS's status for assumeTrue gates, §1.1)
 *  - waived → `pass` plus `<Metric key="waived">` listing each waived cell and its waiver, and
 *    `<Metric key="waivers">`: a certification tool counts it like CTS counts a waived test, while
 *    anything reading the Test sees that it is not a plain pass.
 * Every Test names the documentation sentences it rests on: `<Metric key="documentation">` (comma-
 * separated, the one its `doc:` quotes first) and `<Metric key="documentation.doc">`.
 * Planned scenarios that never ran are omitted, as tradefed omits tests it did not execute; their
 * Module reads done="false" with the CTS <Reason>, and Summary@modules_done falls short.
 */
import { type DocumentationEntry, type RunResult, type ScenarioResult, scenarioDiffs } from '../results';
import { documentationOf } from './documentation/documentation-coverage';
import { scenarioKey, sentencesByScenario, type ScenarioSentences } from './documentation/scenario-sentences';
import { ctsModuleName, targetsOf } from './format';
import { renderXmlDocument, xml, type XmlElement, xmlText } from './xml-builder';

export const CTS_SUITE_NAME = 'IMS-RIG';
export const CTS_SUITE_PLAN = 'ims-rig';
export const CTS_REPORT_VERSION = '5.0';
const INCOMPLETE_MODULE_REASON = 'Run was incomplete. Some tests might not have finished.';

export function renderCtsResult(run: RunResult, documentation: readonly DocumentationEntry[] = documentationOf(run)): string {
  const sentences = sentencesByScenario(documentation);
  const targets = targetsOf(run);
  const multiDevice = targets.length > 1;
  const areas = [...new Set([...(run.planned ?? []).map((p) => p.area), ...run.scenarios.map((s) => s.area)])];
  const modules = areas
    .map((area) => module(run, area, multiDevice, sentences))
    .sort((a, b) => String(a.attributes.name).localeCompare(String(b.attributes.name)));
  const tests = modules.flatMap((m) => m.children.flatMap((c) => (c.name === 'TestCase' ? c.children : [])));
  const start = Date.parse(run.run.startedAt);
  const end = Date.parse(run.run.endedAt ?? run.run.startedAt);
  // Several devices (merged shards): CTS joins multi-valued attributes with ',' (§2.1 Build).
  const join = (values: readonly (string | number | undefined)[]): string | undefined =>
    [...new Set(values.filter((v) => v !== undefined && v !== '').map(String))].join(',') || undefined;

  const root = xml('Result', {
    start: Number.isFinite(start) ? start : 0,
    end: Number.isFinite(end) ? end : 0,
    start_display: ctsDisplayTime(start),
    end_display: ctsDisplayTime(end),
    command_line_args: run.run.commandLine,
    suite_name: CTS_SUITE_NAME,
    suite_version: run.run.suiteVersion,
    suite_plan: CTS_SUITE_PLAN,
    suite_build_number: run.run.suiteVersion,
    report_version: CTS_REPORT_VERSION,
    devices: join(targets.map((t) => t.serial)),
    host_name: run.run.host.name,
    os_name: run.run.host.os,
    os_version: run.run.host.osVersion,
    os_arch: run.run.host.arch,
    node_version: run.run.host.node,
    run_id: run.run.id,
    run_complete: String(run.run.complete),
  }, [
    xml('Build', {
      build_fingerprint: join(targets.map((t) => t.fingerprint)),
      build_abis: join(targets.map((t) => t.abi)),
      build_version_release: join(targets.map((t) => t.release)),
      build_version_sdk: join(targets.map((t) => t.sdk)),
      build_type: join(targets.map((t) => t.buildType)),
      build_model: join(targets.map((t) => t.model)),
      build_serial: join(targets.map((t) => t.serial)),
      ims_rig_target_kind: join(targets.map((t) => t.kind)),
      ims_rig_deviation: join(targets.map((t) => t.deviation)),
    }),
    xml('Summary', {
      pass: tests.filter((t) => t.attributes.result === 'pass').length,
      failed: tests.filter((t) => t.attributes.result === 'fail').length,
      modules_done: modules.filter((m) => m.attributes.done === 'true').length,
      modules_total: modules.length,
    }),
    ...modules,
  ]);
  return renderXmlDocument(root, {
    declaration: "<?xml version='1.0' encoding='UTF-8' standalone='no' ?>",
    processingInstructions: ['<?xml-stylesheet type="text/xsl" href="compatibility_result.xsl"?>'],
  });
}

function module(run: RunResult, area: string, multiDevice: boolean, sentences: ReadonlyMap<string, ScenarioSentences>): XmlElement {
  const scenarios = run.scenarios.filter((s) => s.area === area);
  const notRun = (run.notRun ?? []).filter((n) => n.area === area);
  // Done as tradefed means it: every planned test of the module ran to an end.
  const done = notRun.length === 0 && scenarios.every((s) => !s.incomplete);
  const tests = scenarios.map((s) => test(s, multiDevice, sentences.get(scenarioKey(s.id, s.target ?? run.target.serial))));
  const targets = targetsOf(run);
  return xml('Module', {
    name: ctsModuleName(area),
    abi: [...new Set(targets.map((t) => t.abi ?? 'unknown'))].join(','),
    runtime: scenarios.reduce((ms, s) => ms + s.durationMs, 0),
    done: String(done),
    pass: tests.filter((t) => t.attributes.result === 'pass').length,
    total_tests: tests.length,
  }, [
    !done && xml('Reason', {
      message: notRun.length > 0 ? `${INCOMPLETE_MODULE_REASON} ${notRun.length} planned scenario(s) did not run.` : INCOMPLETE_MODULE_REASON,
      error_name: 'INCOMPLETE_RUN',
      error_code: '',
    }),
    tests.length > 0 && xml('TestCase', { name: `ims-rig.${area}` }, tests),
  ]);
}

function test(s: ScenarioResult, multiDevice: boolean, sentences: ScenarioSentences | undefined): XmlElement {
  const name = multiDevice && s.target ? `${s.id}[${s.target}]` : s.id;
  const { unwaived, waived } = scenarioDiffs(s);
  const metrics: XmlElement[] = [];
  if (sentences && sentences.all.length > 0) metrics.push(xmlText('Metric', { key: 'documentation' }, sentences.all.join(',')));
  if (sentences?.doc !== undefined) metrics.push(xmlText('Metric', { key: 'documentation.doc' }, sentences.doc));
  if (waived.length > 0) {
    metrics.push(xmlText('Metric', { key: 'waived' }, waived.map((d) => `${d.text} (waiver ${d.waiver?.id ?? '?'}: ${d.waiver?.justification ?? ''})`).join('\n')));
    metrics.push(xmlText('Metric', { key: 'waivers' }, [...new Set(waived.map((d) => d.waiver?.id ?? '?'))].join(',')));
  }
  if ((s.attempts ?? 1) > 1) metrics.push(xmlText('Metric', { key: 'attempts' }, String(s.attempts)));
  const failure = (message: string, stack: string, errorName?: string): XmlElement =>
    xml('Failure', { message, error_name: errorName }, [xmlText('StackTrace', {}, stack)]);

  switch (s.status) {
    case 'pass':
    case 'waived':
      return xml('Test', { result: 'pass', name }, metrics);
    case 'skip':
      return xml('Test', { result: 'ASSUMPTION_FAILURE', name }, [failure(s.reason ?? 'skipped', s.reason ?? 'skipped'), ...metrics]);
    case 'fail': {
      const lines = unwaived.map((d) => `step ${d.step}: ${d.text} (rule ${d.rule})`);
      const message = unwaived[0]?.text ?? s.reason ?? 'conformance failure';
      return xml('Test', { result: 'fail', name }, [failure(message, [...lines, ...(s.reason ? [s.reason] : [])].join('\n') || message), ...metrics]);
    }
    case 'error': {
      const reason = s.reason ?? 'infrastructure error';
      const details = (s.steps ?? []).filter((st) => st.status === 'error').map((st) => `step ${st.index} ${st.kind}: ${st.detail ?? 'error'}`);
      return xml('Test', { result: 'fail', name }, [failure(reason, [reason, ...details].join('\n'), s.incomplete ? 'INCOMPLETE' : 'INFRASTRUCTURE_ERROR'), ...metrics]);
    }
  }
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** tradefed's `EEE MMM dd HH:mm:ss zzz yyyy`, in UTC: `Tue Nov 14 22:13:20 UTC 2023`. */
export function ctsDisplayTime(ms: number): string {
  if (!Number.isFinite(ms)) return '';
  const d = new Date(ms);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}
