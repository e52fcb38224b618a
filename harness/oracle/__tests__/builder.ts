/**
 * A small builder for the oracle's unit tests: worlds and scenarios in code (the YAML loader is
 * another part's). Fixture names follow the project: com.oem.ims (OEM device default),
 * com.carrier.a.ims (Carrier A, RCS only), com.carrier.b.ims (Carrier B, MMTEL + RCS).
 */
import {
  type BindingTable, type CarrierConfigValue, type CarrierProfile, type FeaturesBySlot, type FullScenario,
  type ImsAppSpec, type ImsFeature, type PackageName, type RoleName, type SlotCount, type SlotKey, type Step, type World,
} from '../../model';
import { DocumentedModel, type ExpectedTable, toBindingTable } from '../index';

export const P = (name: string): PackageName => name as PackageName;
export const OEM = P('com.oem.ims');
export const CARRIER_A = P('com.carrier.a.ims');
export const CARRIER_B = P('com.carrier.b.ims');

export const MMTEL_KEY = 'config_ims_mmtel_package_override_string';
export const RCS_KEY = 'config_ims_rcs_package_override_string';
export const LEGACY_KEY = 'config_ims_package_override_string';

/** An app whose query answers `features` on both slots (and declares them as meta-data), overridable. */
export function app(pkg: string, features: readonly ImsFeature[], extra: Partial<ImsAppSpec> = {}): ImsAppSpec {
  return {
    package: P(pkg), service: `${pkg}.ImsService`, action: 'ims', permission: true, overrideBindCheck: false,
    directBootAware: true, location: 'priv-app', metadata: features, answers: { '0': features, '1': features },
    behaviour: 'normal', installed: true, ...extra,
  };
}

export const oemApp = (extra: Partial<ImsAppSpec> = {}): ImsAppSpec => app(OEM, ['EMERGENCY_MMTEL', 'MMTEL', 'RCS'], extra);
export const carrierAApp = (extra: Partial<ImsAppSpec> = {}): ImsAppSpec => app(CARRIER_A, ['RCS'], extra);
export const carrierBApp = (extra: Partial<ImsAppSpec> = {}): ImsAppSpec => app(CARRIER_B, ['MMTEL', 'RCS'], extra);

export function profile(name: string, values: Record<string, CarrierConfigValue>): CarrierProfile {
  return { name, values };
}
export const carrierA = profile('carrier-a', { [RCS_KEY]: CARRIER_A });
export const carrierB = profile('carrier-b', { [MMTEL_KEY]: CARRIER_B, [RCS_KEY]: CARRIER_B });
export const carrierNone = profile('carrier-none', {});

export interface WorldInput {
  readonly apps?: readonly ImsAppSpec[];
  readonly sims?: Partial<Record<SlotKey, CarrierProfile | null>>;
  readonly slots?: SlotCount;
  readonly overlay?: { mmtel: string; rcs: string };
}

/** Defaults: the documented three apps, OEM as overlay default for both features, one slot, no SIM. */
export function world(input: WorldInput = {}): World {
  const overlay = input.overlay ?? { mmtel: OEM, rcs: OEM };
  return {
    slots: input.slots ?? 1,
    overlay: { mmtel: overlay.mmtel as PackageName | '', rcs: overlay.rcs as PackageName | '' },
    apps: input.apps ?? [oemApp(), carrierAApp(), carrierBApp()],
    sims: input.sims ?? {},
  };
}

export function scenario(w: World, steps: readonly Step[], extra: Partial<FullScenario> = {}): FullScenario {
  return {
    id: 'test.scenario', title: 'test', area: 'priority', doc: '', file: '/dev/null', displayFile: 'test.yaml',
    requires: [], world: w, appExtras: {}, roles: {}, systemFeatures: [], steps, waivers: [], ...extra,
  };
}

/** Runs `steps` through a fresh model and returns it. */
export function modelAfter(w: World, steps: readonly Step[] = [], init: { roles?: Partial<Record<RoleName, PackageName | null>>; appExtras?: FullScenario['appExtras'] } = {}): DocumentedModel {
  const m = new DocumentedModel({ world: w, ...init });
  for (const s of steps) m.apply(s);
  return m;
}

export function tableAfter(w: World, steps: readonly Step[] = []): ExpectedTable {
  return modelAfter(w, steps).expected();
}

export function bindingsAfter(w: World, steps: readonly Step[] = []): BindingTable {
  return toBindingTable(tableAfter(w, steps));
}

/** A cell of a table, failing loudly when the slot is absent. */
export function cell(t: ExpectedTable, slot: SlotKey, f: ImsFeature): NonNullable<ExpectedTable[SlotKey]>[ImsFeature] {
  const row = t[slot];
  if (!row) throw new Error(`slot ${slot} is not in the table`);
  return row[f];
}

// Step constructors (resolved scenario form).
export const S = {
  check: (): Step => ({ kind: 'check' }),
  insertSim: (slot: 0 | 1, carrier: CarrierProfile): Step => ({ kind: 'insertSim', slot, carrier }),
  removeSim: (slot: 0 | 1): Step => ({ kind: 'removeSim', slot }),
  setCarrierConfig: (slot: 0 | 1, values: Record<string, CarrierConfigValue>): Step => ({ kind: 'setCarrierConfig', slot, values }),
  install: (pkg: string): Step => ({ kind: 'install', package: P(pkg) }),
  uninstall: (pkg: string): Step => ({ kind: 'uninstall', package: P(pkg) }),
  updateApp: (pkg: string, u: { metadata?: readonly ImsFeature[]; answers?: FeaturesBySlot }): Step => ({ kind: 'updateApp', package: P(pkg), ...u }),
  setFeatures: (pkg: string, features: FeaturesBySlot): Step => ({ kind: 'setFeatures', package: P(pkg), features }),
  setSlotCount: (slots: SlotCount): Step => ({ kind: 'setSlotCount', slots }),
  override: (slot: 0 | 1, scope: 'carrier' | 'device', features: readonly ImsFeature[], pkg: string): Step =>
    ({ kind: 'override', slot, scope, features, package: pkg === '' ? '' : P(pkg) }),
  clearOverride: (slot: 0 | 1): Step => ({ kind: 'clearOverride', slot }),
  crash: (pkg: string): Step => ({ kind: 'crash', package: P(pkg) }),
  setBehaviour: (pkg: string, behaviour: ImsAppSpec['behaviour']): Step => ({ kind: 'setBehaviour', package: P(pkg), behaviour }),
  restartPhone: (): Step => ({ kind: 'restartPhone' }),
  reboot: (): Step => ({ kind: 'reboot' }),
  setRole: (role: RoleName, pkg: string | null): Step => ({ kind: 'setRole', role, package: pkg === null ? null : P(pkg) }),
  checkGrants: (pkg: string): Step => ({ kind: 'checkGrants', package: P(pkg) }),
};
