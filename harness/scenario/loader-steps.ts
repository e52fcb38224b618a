/**
 * Reads a scenario's steps in order, checking each against the state the earlier steps leave:
 * the slot count (setSlotCount), which apps are installed (install/uninstall) and which slots hold
 * a SIM (insertSim/removeSim). Produces the resolved Step union of harness/model/scenario.ts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FLOWS_DIR } from '../paths';
import {
  type BindingCell, type ImsFeature, type PackageName, type SlotCount, type SlotIndex,
  type SlotKey, type Step, normaliseFeatures, slotIndex,
} from '../model';
import { type FeaturesBySlot } from '../model/ims-app';
import { describeValue, didYouMean, scenarioError, zodInputError, type IssuePath } from './format-error';
import { resolveCarrier, type SourceContext } from './loader-sources';
import { BARE_STEPS, STEP_SCHEMAS, type RawStep, type StepKindName } from './schema-steps';

/** What the steps before the current one have done to the world. */
export interface StepState {
  slots: SlotCount;
  readonly apps: ReadonlySet<string>;
  readonly installed: Set<string>;
  readonly simSlots: Set<SlotIndex>;
  /** State-callback registration ids ever registered, and those the observer app holds now. */
  readonly registrations?: { readonly known: Set<string>; readonly held: Set<string> };
}

const STEP_KINDS = Object.keys(STEP_SCHEMAS) as StepKindName[];

/** Splits `- insertSim: {...}` into kind and checked value. */
function readStep(ctx: SourceContext, index: number, entry: unknown): RawStep {
  const at: IssuePath = ['steps', index];
  if (typeof entry === 'string' && (BARE_STEPS as readonly string[]).includes(entry)) {
    return readStep(ctx, index, { [entry]: null });
  }
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    throw scenarioError(ctx.displayFile, at, `must be a single-key map like "- check: {}" (got ${describeValue(entry)})`);
  }
  const keys = Object.keys(entry);
  if (keys.length !== 1) {
    throw scenarioError(ctx.displayFile, at, keys.length === 0 ? 'is empty; a step is a single-key map like "- check: {}"'
      : `has ${keys.length} keys (${keys.join(', ')}); a step is one key, e.g. "- insertSim: {...}"`);
  }
  const kind = keys[0] as string;
  if (!(STEP_KINDS as string[]).includes(kind)) {
    const hint = didYouMean(kind, STEP_KINDS);
    throw scenarioError(ctx.displayFile, [...at, kind], `is not a known step${hint ? ` (did you mean ${hint}?)` : ` (known: ${STEP_KINDS.join(', ')})`}`);
  }
  const schema = STEP_SCHEMAS[kind as StepKindName];
  const parsed = schema.safeParse((entry as Record<string, unknown>)[kind]);
  if (!parsed.success) throw zodInputError(ctx.displayFile, parsed.error, schema, [...at, kind]);
  return { kind, value: parsed.data } as RawStep;
}

function normaliseBySlot(features: Readonly<Partial<Record<SlotKey, readonly ImsFeature[]>>>): FeaturesBySlot {
  const out: Partial<Record<SlotKey, readonly ImsFeature[]>> = {};
  for (const [slot, list] of Object.entries(features) as [SlotKey, readonly ImsFeature[]][]) out[slot] = normaliseFeatures(list);
  return out;
}

/** Checks and resolves every step. */
export function resolveSteps(ctx: SourceContext, entries: readonly unknown[], state: StepState): Step[] {
  return entries.map((entry, index) => {
    const raw = readStep(ctx, index, entry);
    const at: IssuePath = ['steps', index, raw.kind];
    const fail = (field: IssuePath, message: string): never => {
      throw scenarioError(ctx.displayFile, [...at, ...field], message);
    };
    const slotExists = (slot: SlotIndex, field: IssuePath): SlotIndex => {
      if (slot >= state.slots) fail(field, `${slot} does not exist: the device has ${state.slots} slot${state.slots === 1 ? '' : 's'} at this step`);
      return slot;
    };
    const knownApp = (pkg: PackageName, field: IssuePath = ['package']): PackageName => {
      if (!state.apps.has(pkg)) fail(field, `${pkg} is not one of the scenario's apps`);
      return pkg;
    };
    const registrations = state.registrations ?? { known: new Set<string>(), held: new Set<string>() };
    switch (raw.kind) {
      case 'check': {
        const bindings = raw.value.bindings;
        if (bindings === undefined) return { kind: 'check' };
        const pins: Partial<Record<SlotKey, Partial<Record<ImsFeature, BindingCell>>>> = {};
        for (const [slot, cells] of Object.entries(bindings) as [SlotKey, Partial<Record<ImsFeature, PackageName | null>>][]) {
          slotExists(slotIndex(slot), ['bindings', slot]);
          const row: Partial<Record<ImsFeature, BindingCell>> = {};
          for (const [feature, pkg] of Object.entries(cells) as [ImsFeature, PackageName | null | undefined][]) {
            if (pkg === undefined) continue;
            if (pkg !== null) knownApp(pkg, ['bindings', slot, feature]);
            row[feature] = pkg;
          }
          pins[slot] = row;
        }
        return { kind: 'check', bindings: pins };
      }
      case 'insertSim': {
        const slot = slotExists(raw.value.slot, ['slot']);
        const carrier = raw.value.carrier;
        if (carrier === null) return fail(['carrier'], 'is required (removeSim takes a SIM out)');
        state.simSlots.add(slot);
        return { kind: 'insertSim', slot, carrier: resolveCarrier(ctx, [...at, 'carrier'], carrier) };
      }
      case 'removeSim': {
        const slot = slotExists(raw.value.slot, ['slot']);
        if (!state.simSlots.has(slot)) fail(['slot'], `${slot} has no SIM at this step`);
        state.simSlots.delete(slot);
        return { kind: 'removeSim', slot };
      }
      case 'setCarrierConfig': {
        const slot = slotExists(raw.value.slot, ['slot']);
        if (!state.simSlots.has(slot)) fail(['slot'], `${slot} has no SIM at this step (carrier config belongs to a SIM)`);
        return { kind: 'setCarrierConfig', slot, values: raw.value.values };
      }
      case 'install': {
        const pkg = knownApp(raw.value.package);
        if (state.installed.has(pkg)) fail(['package'], `${pkg} is already installed at this step (list it with installed: false to install it later)`);
        state.installed.add(pkg);
        return { kind: 'install', package: pkg };
      }
      case 'uninstall': {
        const pkg = knownApp(raw.value.package);
        if (!state.installed.has(pkg)) fail(['package'], `${pkg} is not installed at this step`);
        state.installed.delete(pkg);
        return { kind: 'uninstall', package: pkg };
      }
      case 'updateApp': {
        const { metadata, answers } = raw.value;
        return {
          kind: 'updateApp',
          package: knownApp(raw.value.package),
          ...(metadata === undefined ? {} : { metadata: normaliseFeatures(metadata) }),
          ...(answers === undefined ? {} : { answers: normaliseBySlot(answers) }),
        };
      }
      case 'setFeatures':
        return { kind: 'setFeatures', package: knownApp(raw.value.package), features: normaliseBySlot(raw.value.features) };
      case 'setSlotCount':
        state.slots = raw.value;
        return { kind: 'setSlotCount', slots: raw.value };
      case 'override':
        return {
          kind: 'override',
          slot: slotExists(raw.value.slot, ['slot']),
          scope: raw.value.scope,
          features: normaliseFeatures(raw.value.features),
          package: raw.value.package,
        };
      case 'clearOverride':
        return { kind: 'clearOverride', slot: slotExists(raw.value.slot, ['slot']) };
      case 'crash':
        return { kind: 'crash', package: knownApp(raw.value.package) };
      case 'setBehaviour':
        return { kind: 'setBehaviour', package: knownApp(raw.value.package), behaviour: raw.value.behaviour };
      case 'restartPhone':
        return { kind: 'restartPhone' };
      case 'reboot':
        // The observer app's process restarts with the device: it holds no registration after.
        registrations.held.clear();
        return { kind: 'reboot' };
      case 'setRole':
        return { kind: 'setRole', role: raw.value.role, package: raw.value.package === null ? null : knownApp(raw.value.package) };
      case 'checkGrants':
        return { kind: 'checkGrants', package: knownApp(raw.value.package) };
      case 'ui':
        if (!fs.existsSync(path.join(FLOWS_DIR, `${raw.value.flow}.ts`))) fail(['flow'], `names no flow: ${path.join('flows', `${raw.value.flow}.ts`)} does not exist`);
        return { kind: 'ui', flow: raw.value.flow, package: knownApp(raw.value.package), args: raw.value.args, ...(raw.value.surfaces === undefined ? {} : { surfaces: raw.value.surfaces }) };
      case 'registerStateCallback': {
        const { id, feature } = raw.value;
        if (registrations.held.has(id)) fail(['id'], `${id} is already registered at this step (unregisterStateCallback it first, or use reregisterStateCallback)`);
        const slot = slotExists(raw.value.slot, ['slot']);
        registrations.known.add(id);
        registrations.held.add(id);
        return { kind: 'registerStateCallback', id, slot, feature };
      }
      case 'unregisterStateCallback': {
        const id = raw.value.id;
        if (!registrations.held.has(id)) fail(['id'], `${id} is not registered at this step${registrations.known.has(id) ? '' : ' (no registerStateCallback names it before)'}`);
        registrations.held.delete(id);
        return { kind: 'unregisterStateCallback', id };
      }
      case 'reregisterStateCallback': {
        const id = raw.value.id;
        if (!registrations.held.has(id)) fail(['id'], `${id} is not registered at this step (reregister replaces a registered callback; use registerStateCallback)`);
        return { kind: 'reregisterStateCallback', id };
      }
      case 'checkStateCallbacks': {
        if (registrations.known.size === 0) fail([], 'has nothing to check: no registerStateCallback comes before it');
        const pins = raw.value.expect;
        if (pins === undefined) return { kind: 'checkStateCallbacks' };
        for (const id of Object.keys(pins)) if (!registrations.known.has(id)) fail(['expect', id], `${id} is not a registration of the scenario at this step`);
        return { kind: 'checkStateCallbacks', expect: pins };
      }
    }
  });
}
