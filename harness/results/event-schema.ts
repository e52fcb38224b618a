/**
 * The shape events.jsonl lines must have before reports are built from them: a file from another
 * machine or another version of the rig is input, and input is validated. Unknown extra fields are
 * kept (newer writers may add some); missing or mistyped fields the reports rely on are errors.
 */
import { z } from 'zod';

const slotKey = z.enum(['0', '1']);
const feature = z.enum(['EMERGENCY_MMTEL', 'MMTEL', 'RCS']);
const cell = z.union([z.string(), z.null(), z.array(z.string())]);
const slotBindings = z.object({ EMERGENCY_MMTEL: cell, MMTEL: cell, RCS: cell }).passthrough();
const bindingTable = z.record(slotKey, slotBindings);
const cellReason = z.object({ rule: z.string(), reason: z.string(), citation: z.string(), cites: z.array(z.string()).optional() }).passthrough();
const waiverRef = z.object({ id: z.string(), justification: z.string(), reference: z.string().optional() }).passthrough();

const origin = z.enum(['as-aosp', 'vendor-specific']);
const diff = z.object({
  slot: slotKey, feature, expected: cell, observed: cell, rule: z.string(), waiver: waiverRef.optional(),
  reference: cell.optional(), origin: origin.optional(),
}).passthrough();

const grantDiff = z.object({
  permission: z.string(), expected: z.boolean(), observed: z.boolean(), rule: z.string(), waiver: waiverRef.optional(),
  reference: z.boolean().optional(), origin: origin.optional(),
}).passthrough();

const grants = z.object({
  package: z.string(),
  expected: z.record(z.string(), z.boolean()),
  observed: z.record(z.string(), z.boolean()),
  reasons: z.record(z.string(), cellReason),
  diffs: z.array(grantDiff),
  reference: z.record(z.string(), z.boolean()).optional(),
}).passthrough();

const callbackExpectation = z.object({ aspect: z.enum(['last', 'since']), value: z.string(), rule: z.string(), reason: z.string(), citation: z.string(), cites: z.array(z.string()).optional() }).passthrough();
const callbackRow = z.object({
  registration: z.string(), slot: slotKey, feature: z.enum(['MMTEL', 'RCS']), state: z.string(),
  expected: z.array(callbackExpectation), observeOnly: cellReason.optional(),
  observed: z.object({ registered: z.string().optional(), subId: z.number().optional(), received: z.array(z.string()), last: z.string().optional() }).passthrough(),
}).passthrough();
const callbackDiff = z.object({
  registration: z.string(), feature: z.enum(['MMTEL', 'RCS']), aspect: z.enum(['last', 'since']), expected: z.string(), observed: z.string(), rule: z.string(), waiver: waiverRef.optional(),
  reference: z.string().optional(), origin: origin.optional(),
}).passthrough();
const callbackAspects = z.record(z.string(), z.object({ last: z.string(), since: z.string() }).passthrough());
const stateCallbacks = z.object({
  rows: z.array(callbackRow),
  diffs: z.array(callbackDiff),
  framework: z.object({ wrappers: z.array(z.object({}).passthrough()), listeners: z.array(z.object({}).passthrough()) }).passthrough().optional(),
  frameworkMissing: z.string().optional(),
  unattributed: z.array(z.string()).optional(),
  reference: callbackAspects.optional(),
}).passthrough();

const evidence = z.object({
  dumpsys: z.string().optional(),
  logcat: z.array(z.string()).optional(),
  commands: z.array(z.object({ command: z.string(), exitCode: z.number().nullable(), durationMs: z.number() }).passthrough()).optional(),
}).passthrough();

const checkpoint = z.object({
  step: z.number().int().nonnegative(),
  expected: bindingTable,
  observed: bindingTable,
  diffs: z.array(diff),
  status: z.enum(['pass', 'fail', 'waived']),
  reasons: z.record(slotKey, z.record(feature, cellReason)).optional(),
  evidence: evidence.optional(),
  settleMs: z.number().optional(),
  grants: grants.optional(),
  ui: z.object({
    flow: z.string(), package: z.string(),
    expected: z.record(z.string(), z.union([z.string(), z.boolean(), z.null()])),
    observed: z.record(z.string(), z.union([z.string(), z.boolean()])),
    reasons: z.record(z.string(), cellReason),
    diffs: z.array(z.object({ key: z.string(), expected: z.union([z.string(), z.boolean()]), observed: z.union([z.string(), z.boolean()]), rule: z.string(), waiver: waiverRef.optional() }).passthrough()),
  }).passthrough().optional(),
  stateCallbacks: stateCallbacks.optional(),
  reference: bindingTable.optional(),
}).passthrough();

const stepRecord = z.object({
  index: z.number().int().min(-1), // -1: provisioning, before the first step
  kind: z.string(),
  description: z.string(),
  status: z.enum(['ok', 'error', 'skipped']),
  startedAt: z.string(),
  durationMs: z.number(),
  detail: z.string().optional(),
  ui: z.object({
    flow: z.string(), package: z.string(),
    screenshots: z.array(z.object({ label: z.string(), activity: z.string().optional(), png: z.string() }).passthrough()),
    session: z.object({ sessionId: z.string(), serverUrl: z.string(), serverVersion: z.string(), driver: z.string() }).passthrough().optional(),
    pageSource: z.string().optional(),
  }).passthrough().optional(),
}).passthrough();

const targetInfo = z.object({
  serial: z.string(),
  kind: z.enum(['virtual', 'emulator', 'device']),
  fingerprint: z.string(),
  sdk: z.number(),
  buildType: z.string(),
}).passthrough();

const runInfo = z.object({
  id: z.string(),
  suiteName: z.string(),
  suiteVersion: z.string(),
  startedAt: z.string(),
  host: z.object({ name: z.string(), os: z.string(), node: z.string() }).passthrough(),
  commandLine: z.string(),
  complete: z.boolean(),
  shard: z.object({ index: z.number(), count: z.number() }).optional(),
  leftoverRestored: z.object({ scenario: z.string(), ok: z.boolean(), savedAt: z.string(), serial: z.string(), boot: z.string() }).passthrough().optional(),
}).passthrough();

const trace = z.object({
  doc: z.string().optional(),
  observes: z.array(z.string()),
  checks: z.array(z.object({ step: z.number().int(), cites: z.array(z.string()) }).passthrough()),
}).passthrough();
const planned = z.object({ id: z.string(), title: z.string(), area: z.string(), file: z.string(), order: z.number().optional(), trace: trace.optional() }).passthrough();
const scenarioStatus = z.enum(['pass', 'fail', 'skip', 'error', 'waived']);
const base = { v: z.literal(1), at: z.string() };

export const runEventSchema = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('run-begin'), run: runInfo, target: targetInfo, planned: z.array(planned) }).passthrough(),
  z.object({
    ...base, type: z.literal('scenario-begin'), id: z.string(), title: z.string(), area: z.string(), file: z.string(),
    doc: z.string().optional(), warnings: z.array(z.string()).optional(), requires: z.array(z.string()), target: z.string(), attempt: z.number().int(),
  }).passthrough(),
  z.object({ ...base, type: z.literal('step'), scenario: z.string(), step: stepRecord }).passthrough(),
  z.object({ ...base, type: z.literal('checkpoint'), scenario: z.string(), checkpoint }).passthrough(),
  z.object({
    ...base, type: z.literal('scenario-end'), scenario: z.string(), status: scenarioStatus, reason: z.string().optional(),
    durationMs: z.number(), attempt: z.number().int(),
  }).passthrough(),
  z.object({
    ...base, type: z.literal('run-end'), durationMs: z.number(), exitCode: z.number(), interrupted: z.string().optional(),
    targetSeconds: z.number().optional(), targetReboots: z.number().optional(),
  }).passthrough(),
  z.object({
    ...base, type: z.literal('reference'), scenario: z.string(), status: scenarioStatus, reason: z.string().optional(), durationMs: z.number(), device: z.string(),
    checkpoints: z.array(z.object({ step: z.number().int().nonnegative(), bindings: bindingTable.optional(), grants: z.record(z.string(), z.boolean()).optional(), callbacks: callbackAspects.optional() }).passthrough()),
  }).passthrough(),
]);
