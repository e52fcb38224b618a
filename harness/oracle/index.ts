/**
 * The documented binding model (DESIGN.md "The three sides of every check", side 1): from the
 * documentation alone (harness/docs), given a world and a scenario's steps, the expected binding of
 * every active (slot, feature) and the permission grants of single registration — each with the
 * rule that decided it, the inputs, and the sentences it rests on. Independent of virtual-device/.
 */
import { type FullScenario, type ImsFeature, type SlotKey, type StateCallbackFeature, type Step, type World, slotsOf, slotKey } from '../model';
import { type DocId } from '../docs/documentation';
import { applyStep } from './apply';
import { emergencyCell, emergencyFinding } from './emergency';
import { expectedGrantsFor } from './grants';
import { expectedSurfacesFor } from './surfaces';
import { citesOf, type KnownRule, type RuleId } from './rules';
import { selectFeature } from './selection';
import { activeSlots, type DocumentedState, initialState, simIn } from './state';
import { expectedRegistrations, pinnableValue } from './state-callback/expectations';
import { Registrations, type Serving, type ServingOf } from './state-callback/registrations';
import { type ExpectedRegistration } from './state-callback/types';
import { describeStep } from './render';
import { type ExpectedCell, type ExpectedGrant, type ExpectedSurface, type ExpectedTable, type Finding } from './types';

export { RULES, type RuleId, type RuleInfo } from './rules';
export type { ExpectedCell, ExpectedGrant, ExpectedSurface, ExpectedTable, Finding } from './types';
export { SINGLE_REGISTRATION_FEATURE, KEY_IMS_SINGLE_REGISTRATION_REQUIRED_BOOL, supportedCites } from './surfaces';
export type { CallbackAspect, CallbackExpectation, ExpectedRegistration, RegistrationState } from './state-callback/types';
export { SINCE_SILENT, SINCE_TRANSITION } from './state-callback/types';
export { pinnableValue } from './state-callback/expectations';
export { toBindingTable, toReasonTable, formatExpectedTable, formatCites, formatSentences, describeStep, citationText, citedIds, textTable, type OracleCellReason, type OracleReasonTable } from './render';
export { DOCUMENTED_PERMISSIONS, PERFORM_IMS_SINGLE_REGISTRATION, ACCESS_RCS_USER_CAPABILITY_EXCHANGE, CONNECTIVITY_USE_RESTRICTED_NETWORKS } from './grants';

interface Evaluated {
  readonly table: ExpectedTable;
  readonly findings: readonly Finding[];
}

function evaluate(state: DocumentedState): Evaluated {
  const table: Partial<Record<SlotKey, Readonly<Record<ImsFeature, ExpectedCell>>>> = {};
  const findings: Finding[] = [];
  for (const slot of activeSlots(state)) {
    const mmtel = selectFeature(state, slot, 'MMTEL');
    const rcs = selectFeature(state, slot, 'RCS');
    const emergency = emergencyCell(slot, mmtel);
    table[slot] = { EMERGENCY_MMTEL: emergency, MMTEL: mmtel.cell, RCS: rcs.cell };
    const finding = emergencyFinding(slot, mmtel, emergency);
    if (finding) findings.push(finding);
  }
  return { table, findings };
}

/** The documented state of one scenario run, evolved step by step. */
export class DocumentedModel {
  private readonly state: DocumentedState;
  private readonly systemFeatures: readonly string[];
  private readonly registrations = new Registrations();
  private steps = 0;

  constructor(initial: { world: World; roles?: FullScenario['roles']; appExtras?: FullScenario['appExtras']; systemFeatures?: readonly string[] }) {
    this.systemFeatures = initial.systemFeatures ?? [];
    this.state = initialState({
      world: initial.world,
      ...(initial.roles !== undefined ? { roles: initial.roles } : {}),
      ...(initial.appExtras !== undefined ? { appExtras: initial.appExtras } : {}),
    });
  }

  /** Evolves the documented state by one step (check steps change nothing). */
  apply(step: Step): void {
    const before = this.servingSnapshot();
    applyStep(this.state, step);
    const after = this.servingSnapshot();
    const slots = new Set(activeSlots(this.state));
    this.registrations.apply(step, `steps[${this.steps}] ${describeStep(step)}`, (slot) => slots.has(slot) && simIn(this.state, slot) !== null, (slot) => slots.has(slot), before, after);
    this.steps += 1;
  }

  /**
   * What every callback the observer app registered must have seen now (a `checkStateCallbacks`);
   * the next call judges "since the previous check" from here.
   */
  expectedCallbacks(): ExpectedRegistration[] {
    const rows = expectedRegistrations(this.registrations.instances, this.registrations.checks, this.servingSnapshot());
    this.registrations.checked();
    return rows;
  }

  /** The documented binding of MMTEL and RCS on every active slot, now (null for a slot that is not active). */
  private servingSnapshot(): ServingOf {
    const table = new Map<string, Serving>();
    for (const slot of slotsOf(this.state.slots).map(slotKey)) {
      for (const feature of ['MMTEL', 'RCS'] as const) {
        const sel = selectFeature(this.state, slot, feature);
        const pkg = sel.cell.package;
        const featureState = pkg === null ? 'READY' : this.state.apps.get(pkg)?.spec.featureState ?? 'READY';
        table.set(`${slot}:${feature}`, { package: pkg, rule: sel.cell.rule as Serving['rule'], reason: sel.cell.reason, featureState });
      }
    }
    return (slot: SlotKey, feature: StateCallbackFeature) => table.get(`${slot}:${feature}`) ?? null;
  }

  /** Expected cells of the active slots, now. */
  expected(): ExpectedTable {
    return evaluate(this.state).table;
  }

  /** Documented requirements the current world breaks that are not cells (device default without emergency). */
  findings(): readonly Finding[] {
    return evaluate(this.state).findings;
  }

  /** Expected grants of the documented single-registration permissions `pkg` requests. */
  expectedGrants(pkg: string): Readonly<Record<string, ExpectedGrant>> {
    return expectedGrantsFor(this.state, pkg);
  }

  /** What `pkg` gets of each single-registration API surface (a `ui` step's documented side). */
  expectedSurfaces(pkg: string): Readonly<Record<string, ExpectedSurface>> {
    return expectedSurfacesFor(this.state, this.systemFeatures, pkg);
  }
}

/** The lifecycle rule a step applies, for people reading `explain` (most steps just change inputs). */
export interface StepNote {
  readonly rule: RuleId;
  readonly text: string;
  readonly cites: readonly DocId[];
}

function stepNote(step: Step): StepNote | undefined {
  const note = (rule: KnownRule, text: string): StepNote => ({ rule, text, cites: citesOf(rule) });
  if (step.kind === 'crash') return note('crash-rebind', `${step.package} crashes; the framework binds it again, so the expected binding does not change`);
  if (step.kind === 'restartPhone') return note('overrides-dropped', 'the phone process restarts: every shell override (carrier and device) is dropped');
  if (step.kind === 'reboot') {
    return note('overrides-dropped', 'reboot: every shell override is dropped; apps restart, so what they reported is forgotten and no app stays unbound for having reported no features');
  }
  return undefined;
}

/** One step of a scenario with what the model expects after it (checks and checkGrants only). */
export interface ExplainedStep {
  readonly index: number;
  readonly step: Step;
  readonly note?: StepNote;
  readonly table?: ExpectedTable;
  readonly findings?: readonly Finding[];
  readonly grants?: Readonly<Record<string, ExpectedGrant>>;
  /** `ui` steps: the single-registration surfaces of the step's app. */
  readonly surfaces?: Readonly<Record<string, ExpectedSurface>>;
  readonly callbacks?: readonly ExpectedRegistration[];
}

/** Runs the model through every step of `s`; each check carries its table and findings, each checkGrants its grants. */
export function explainScenario(s: FullScenario): ExplainedStep[] {
  const model = new DocumentedModel({ world: s.world, roles: s.roles, appExtras: s.appExtras, systemFeatures: s.systemFeatures });
  return s.steps.map((step, index) => {
    model.apply(step);
    if (step.kind === 'check') return { index, step, table: model.expected(), findings: model.findings() };
    if (step.kind === 'checkGrants') return { index, step, grants: model.expectedGrants(step.package) };
    if (step.kind === 'ui') return { index, step, surfaces: model.expectedSurfaces(step.package) };
    if (step.kind === 'checkStateCallbacks') return { index, step, callbacks: model.expectedCallbacks() };
    const note = stepNote(step);
    return note ? { index, step, note } : { index, step };
  });
}

/** Expected table after each `check` step (key = step index), grants after each `checkGrants`, callbacks after each `checkStateCallbacks`. */
export function expectationsFor(s: FullScenario): {
  tables: ReadonlyMap<number, ExpectedTable>;
  grants: ReadonlyMap<number, Readonly<Record<string, ExpectedGrant>>>;
  surfaces: ReadonlyMap<number, Readonly<Record<string, ExpectedSurface>>>;
  callbacks: ReadonlyMap<number, readonly ExpectedRegistration[]>;
} {
  const tables = new Map<number, ExpectedTable>();
  const grants = new Map<number, Readonly<Record<string, ExpectedGrant>>>();
  const surfaces = new Map<number, Readonly<Record<string, ExpectedSurface>>>();
  const callbacks = new Map<number, readonly ExpectedRegistration[]>();
  for (const e of explainScenario(s)) {
    if (e.table) tables.set(e.index, e.table);
    if (e.grants) grants.set(e.index, e.grants);
    if (e.surfaces) surfaces.set(e.index, e.surfaces);
    if (e.callbacks) callbacks.set(e.index, e.callbacks);
  }
  return { tables, grants, surfaces, callbacks };
}

/** Registrations a `checkStateCallbacks` step pins (`expect: { id: … }`) that disagree with the model. */
export function callbackPinConflicts(step: Step, rows: readonly ExpectedRegistration[]): string[] {
  if (step.kind !== 'checkStateCallbacks' || step.expect === undefined) return [];
  const out: string[] = [];
  for (const [id, pinned] of Object.entries(step.expect)) {
    const current = [...rows].reverse().find((r) => r.id === id);
    const want = current === undefined ? '(not registered)' : pinnableValue(current);
    if (pinned !== want) out.push(`registration ${id}: the scenario pins ${pinned}, the documented model expects ${want}`);
  }
  return out;
}

/** Cells a check step pins (`check: { bindings }`) that disagree with the model: a scenario-authoring error. */
export function pinConflicts(step: Step, table: ExpectedTable): string[] {
  if (step.kind !== 'check' || step.bindings === undefined) return [];
  const out: string[] = [];
  for (const [slot, pins] of Object.entries(step.bindings) as [SlotKey, Partial<Record<ImsFeature, unknown>>][]) {
    for (const [feature, pinned] of Object.entries(pins) as [ImsFeature, unknown][]) {
      const expected = table[slot]?.[feature];
      const want = expected === undefined ? '(inactive slot)' : expected.package;
      if (JSON.stringify(pinned) !== JSON.stringify(want)) {
        out.push(`slot ${slot} ${feature}: the scenario pins ${JSON.stringify(pinned)}, the documented model expects ${JSON.stringify(want)}`);
      }
    }
  }
  return out;
}
