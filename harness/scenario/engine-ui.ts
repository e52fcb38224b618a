/**
 * One `ui` step: run the flow through the Appium plugin, keep what the crash buffer gained
 * (`logcat -b crash`: AOSP's test apps crash on a missing permission, observability §2.a.2, §2.b),
 * then check what the flow reported:
 * - single-registration surfaces against the documented model (harness/oracle/surfaces.ts);
 * - what the ImsService reported (registration, MmTel capabilities) against the framework's own
 *   dump, TelephonyDebugService (§1.c) — observed, parsed from the target's output.
 * A flow that fails (an element it could not find) is an error carrying the page source.
 */
import { type DocId } from '../docs/documentation';
import { CommandFailedError } from '../errors';
import { SINGLE_REGISTRATION_SURFACES, type FrameworkReport, type PackageName } from '../model';
import { lastTransport, logcatDumpCommand, parseTelephonyDebugService, telephonyDebugServiceCommand } from '../android';
import { citationText, citedIds, type ExpectedSurface, supportedCites } from '../oracle';
import { type CellReason, type Checkpoint, type UiCheck, type UiStepRecord } from '../results';
import { type TargetSession } from '../targets/target-session';
import { applyWaivers, checkpointStatus, type UiDiffInput, type WaiverLookup } from './engine-diff';
import { type UiRunner } from './ui-runner';

export interface UiStepInput {
  readonly session: TargetSession;
  readonly runner: UiRunner;
  readonly step: number;
  readonly flow: string;
  readonly package: PackageName;
  readonly args: Readonly<Record<string, string | number | boolean | readonly string[]>>;
  readonly surfaces: Readonly<Record<string, ExpectedSurface>>;
  /** The surfaces the scenario says the flow reports (`ui.surfaces`): the flow must report exactly these. */
  readonly declared?: readonly string[];
  readonly waivers: WaiverLookup;
  readonly signal?: AbortSignal;
}

/** A failed flow: the step's record (with the page source) goes with the error. */
export class UiFlowError extends CommandFailedError {
  constructor(message: string, readonly record: UiStepRecord) {
    super(message, `ui ${record.flow}`, null, '', record.pageSource ?? '');
  }
}

async function crashBuffer(session: TargetSession): Promise<string> {
  const result = await session.device.shell(logcatDumpCommand({ buffer: 'crash' }), { timeoutMs: 30_000 }).catch(() => undefined);
  return result?.exitCode === 0 ? result.stdout : '';
}

/** FATAL EXCEPTION blocks in `after` that were not in `before`. */
export function newCrashes(before: string, after: string): string[] {
  const seen = new Set(before.split('\n'));
  const fresh = after.split('\n').filter((l) => l.trim() !== '' && !seen.has(l) && !l.startsWith('--------- beginning of'));
  const blocks: string[] = [];
  for (const line of fresh) {
    if (/FATAL EXCEPTION/.test(line) || blocks.length === 0) blocks.push(line);
    else blocks[blocks.length - 1] += `\n${line}`;
  }
  return blocks;
}

const STATE_NAMES: Readonly<Record<number, string>> = { 0: 'NOT_REGISTERED', 1: 'REGISTERING', 2: 'REGISTERED' };

/** What the framework's dump says, keyed like the flow's report. */
async function frameworkValues(session: TargetSession, report: FrameworkReport): Promise<{ observed: Record<string, string | boolean>; dump: string }> {
  const result = await session.device.shell(telephonyDebugServiceCommand(), { timeoutMs: 30_000 });
  const phone = parseTelephonyDebugService(result.stdout)[report.slot];
  const observed: Record<string, string | boolean> = {};
  if (report.registration) {
    observed['registration.state'] = phone?.registrationState === undefined ? '(not in the dump)' : STATE_NAMES[phone.registrationState] ?? String(phone.registrationState);
    if (report.registration.transport !== undefined) {
      const event = report.registration.state === 'REGISTERING' ? 'registering' : 'registered';
      observed['registration.transport'] = phone === undefined ? '(not in the dump)' : lastTransport(phone, event) ?? '(none)';
    }
  }
  if (report.capabilities) {
    for (const key of ['voice', 'video', 'ut', 'sms'] as const) observed[`mmtel.${key}`] = phone?.capabilities?.[key] ?? '(not in the dump)';
  }
  return { observed, dump: result.stdout };
}

const FRAMEWORK_REASON: CellReason = {
  rule: 'framework-reports-ims-service',
  reason: 'what the ImsService reported through its screen must be what the framework holds (the documentation is silent on the test apps: observed against the framework)',
  citation: 'observability-and-test-apps.md §1.c (ImsPhone#dump mImsMmTelRegistrationState, Registration Log; ImsPhoneCallTracker#dump mMmTelCapabilities)',
  // No sentence of the documentation: the framework is the reference here.
  cites: [],
};

export async function runUiStep(input: UiStepInput): Promise<{ checkpoint: Checkpoint; record: UiStepRecord; note: string }> {
  const before = await crashBuffer(input.session);
  const result = await input.runner.runFlow({ serial: input.session.info.serial, flow: input.flow, package: input.package, args: input.args });
  const crashes = newCrashes(before, await crashBuffer(input.session));
  const base = { flow: input.flow, package: input.package, args: input.args, screenshots: result.screenshots, ...(crashes.length > 0 ? { crashes } : {}), ...(result.session ? { session: result.session } : {}) };
  if (!result.ok) {
    throw new UiFlowError(`flow ${input.flow} failed: ${result.error}`, { ...base, ...(result.pageSource === undefined ? {} : { pageSource: result.pageSource }) });
  }
  const record: UiStepRecord = { ...base, outcome: result.outcome };
  const reported = Object.keys(result.outcome.surfaces ?? {}).sort();
  if (input.declared !== undefined && reported.join(',') !== [...input.declared].sort().join(',')) {
    // The scenario's declaration is what `ims-rig coverage` counts: a flow that checks something
    // else would make the coverage say what the run did not do.
    throw new UiFlowError(`flow ${input.flow} reported surfaces [${reported.join(', ')}], the step declares [${[...input.declared].sort().join(', ')}] (ui.surfaces)`, record);
  }
  const expected: Record<string, string | boolean | null> = {};
  const observed: Record<string, string | boolean> = {};
  const reasons: Record<string, CellReason> = {};
  const raw: UiDiffInput[] = [];
  for (const surface of SINGLE_REGISTRATION_SURFACES) {
    const seen = result.outcome.surfaces?.[surface];
    const want = input.surfaces[surface];
    if (seen === undefined || want === undefined) continue;
    // `supported` also rests on the surface's row of the documentation's table, where it decides.
    const pairs: [string, boolean, boolean | null, string, string, readonly DocId[]][] = [
      [`${surface}.access`, seen.access, want.access, want.accessRule, want.accessReason, want.cites],
      [`${surface}.supported`, seen.supported, want.supported, want.supportedRule, want.supportedReason, supportedCites(want)],
    ];
    for (const [key, got, exp, rule, reason, cites] of pairs) {
      observed[key] = got;
      expected[key] = exp;
      reasons[key] = { rule, reason: `${reason} (screen: ${seen.detail})`, citation: citationText(cites), cites: citedIds(cites) };
      if (exp !== null && got !== exp) raw.push({ key, expected: exp, observed: got, rule });
    }
  }
  let dump: string | undefined;
  const report = result.outcome.framework;
  if (report) {
    const framework = await frameworkValues(input.session, report);
    dump = framework.dump;
    const claimed: Record<string, string | boolean> = {};
    if (report.registration) {
      claimed['registration.state'] = report.registration.state;
      if (report.registration.transport !== undefined) claimed['registration.transport'] = report.registration.transport;
    }
    if (report.capabilities) for (const key of ['voice', 'video', 'ut', 'sms'] as const) claimed[`mmtel.${key}`] = report.capabilities[key];
    for (const [key, value] of Object.entries(claimed)) {
      expected[key] = value;
      observed[key] = framework.observed[key] ?? '(not in the dump)';
      reasons[key] = FRAMEWORK_REASON;
      if (observed[key] !== value) raw.push({ key, expected: value, observed: observed[key] ?? '', rule: FRAMEWORK_REASON.rule });
    }
  }
  const diffs = applyWaivers(raw, input.waivers);
  const ui: UiCheck = { flow: input.flow, package: input.package, expected, observed, reasons, diffs };
  const checkpoint: Checkpoint = {
    step: input.step, expected: {}, observed: {}, diffs: [], status: checkpointStatus(diffs), ui,
    ...(dump === undefined && crashes.length === 0 ? {} : { evidence: { ...(dump === undefined ? {} : { dumpsys: dump }), ...(crashes.length === 0 ? {} : { logcat: crashes }) } }),
  };
  const checked = Object.values(expected).filter((v) => v !== null).length;
  const note = `${result.session.sessionId.slice(0, 8)}: ${result.screenshots.length} screen(s), ${checked} value(s) checked, ${diffs.length} difference(s)${crashes.length > 0 ? `, ${crashes.length} crash(es)` : ''}`;
  return { checkpoint, record, note };
}
