/**
 * The documented state a scenario evolves: what the documentation says decides a binding (apps and
 * what they report, SIMs and their carrier config, the device overlay, shell overrides, roles).
 * Mutable on purpose: DocumentedModel owns one and applies steps to it (./apply.ts).
 */
import {
  type AppBehaviour, type AppExtras, type CarrierConfigValue, type CarrierProfile, type DeviceOverlay,
  type FeaturesBySlot, type ImsAppSpec, type ImsFeature, type RoleName, type SlotCount, type SlotKey, type World,
  SLOT_KEYS, slotsOf, slotKey,
} from '../model';

export interface AppState {
  /** The app as currently installed (updateApp replaces metadata/answers). */
  spec: ImsAppSpec;
  installed: boolean;
  behaviour: AppBehaviour;
  /** What the app last reported with onUpdateSupportedImsFeatures since it (re)started; null: none. */
  reported: FeaturesBySlot | null;
  /** Reported no features: unbound and ignored until reboot or a matching new SIM (no-features-unbound). */
  dormant: boolean;
}

export interface SimState {
  readonly profile: CarrierProfile;
  /** setCarrierConfig values on top of the profile (null clears the key); kept until the SIM is removed. */
  readonly overrides: Record<string, CarrierConfigValue>;
}

/** Shell overrides per feature; only non-empty packages are stored (an empty one removes the entry). */
export type OverrideMap = Partial<Record<ImsFeature, string>>;

export interface DocumentedState {
  slots: SlotCount;
  readonly overlay: DeviceOverlay;
  readonly apps: Map<string, AppState>;
  readonly sims: Partial<Record<SlotKey, SimState | null>>;
  /** Slots whose SIM was removed and not replaced since (rcs-sim-removed). */
  readonly simRemoved: Set<SlotKey>;
  readonly carrierOverrides: Partial<Record<SlotKey, OverrideMap>>;
  /** Device-scope overrides: device-wide; a value of '' means "no device package" for the feature. */
  readonly deviceOverrides: OverrideMap;
  readonly roles: Partial<Record<RoleName, string | null>>;
  readonly appExtras: Readonly<Record<string, AppExtras>>;
}

/** The state before the first step: the world as the scenario declares it, no overrides, nothing dormant. */
export function initialState(init: {
  world: World;
  roles?: Readonly<Partial<Record<RoleName, string | null>>>;
  appExtras?: Readonly<Record<string, AppExtras>>;
}): DocumentedState {
  const apps = new Map<string, AppState>();
  for (const spec of init.world.apps) {
    apps.set(spec.package, { spec, installed: spec.installed, behaviour: spec.behaviour, reported: null, dormant: false });
  }
  const sims: Partial<Record<SlotKey, SimState | null>> = {};
  for (const key of SLOT_KEYS) {
    const profile = init.world.sims[key];
    sims[key] = profile ? { profile, overrides: {} } : null;
  }
  return {
    slots: init.world.slots,
    overlay: init.world.overlay,
    apps,
    sims,
    simRemoved: new Set(),
    carrierOverrides: {},
    deviceOverrides: {},
    roles: { ...(init.roles ?? {}) },
    appExtras: init.appExtras ?? {},
  };
}

/** Slots below the current slot count (the only ones in an expected table). */
export function activeSlots(state: DocumentedState): SlotKey[] {
  return slotsOf(state.slots).map(slotKey);
}

/** The SIM in `slot`, or null when there is none. */
export function simIn(state: DocumentedState, slot: SlotKey): SimState | null {
  return state.sims[slot] ?? null;
}
