/**
 * How each scenario step changes the documented state. Nothing here decides a binding; it only
 * records what the documentation says the step changes (SIMs, carrier config, installation, what
 * apps report, dormancy, overrides, roles).
 */
import {
  type FeaturesBySlot, type SlotKey, type Step, normaliseFeatures, slotKey,
} from '../model';
import { carrierPackage } from './carrier-config';
import { applyOverride, clearCarrierOverrides, dropAllOverrides } from './overrides';
import { activeSlots, type AppState, type DocumentedState, simIn } from './state';

function appOf(state: DocumentedState, pkg: string): AppState | undefined {
  return state.apps.get(pkg);
}

/** Reported no bindable feature on any active slot (EMERGENCY_MMTEL alone does not count). */
function reportsNothing(features: FeaturesBySlot, slots: readonly SlotKey[]): boolean {
  return slots.every((slot) => !normaliseFeatures(features[slot] ?? []).some((f) => f !== 'EMERGENCY_MMTEL'));
}

/** An app restarts: what it reported is forgotten; it answers from its manifest again. */
function restartApp(app: AppState): void {
  app.reported = null;
}

/**
 * no-features-unbound: "unbound until the phone is rebooted or a new SIM card is inserted that matches
 * the IMS app". A new SIM matches an app when its carrier config names it for MMTEL or RCS.
 */
function wakeAppsNamedBy(state: DocumentedState, slot: SlotKey): void {
  const sim = simIn(state, slot);
  const named = new Set([carrierPackage(sim, slot, 'MMTEL').package, carrierPackage(sim, slot, 'RCS').package]);
  for (const [pkg, app] of state.apps) if (app.dormant && named.has(pkg)) app.dormant = false;
}

export function applyStep(state: DocumentedState, step: Step): void {
  switch (step.kind) {
    // The observer app's registrations change nothing the binding depends on (./state-callback).
    case 'check':
    case 'checkGrants':
    case 'ui':
    case 'checkStateCallbacks':
    case 'registerStateCallback':
    case 'unregisterStateCallback':
    case 'reregisterStateCallback':
      return;
    case 'insertSim': {
      const slot = slotKey(step.slot);
      state.sims[slot] = { profile: step.carrier, overrides: {} };
      state.simRemoved.delete(slot);
      wakeAppsNamedBy(state, slot);
      return;
    }
    case 'removeSim': {
      const slot = slotKey(step.slot);
      if (simIn(state, slot) !== null) state.simRemoved.add(slot);
      state.sims[slot] = null;
      return;
    }
    case 'setCarrierConfig': {
      // Carrier-config overrides sit on the SIM and go with it; without a SIM there is nothing to change.
      // A carrier-config change does not wake a dormant app (only reboot or a new SIM does).
      const sim = simIn(state, slotKey(step.slot));
      if (sim !== null) Object.assign(sim.overrides, step.values);
      return;
    }
    case 'install': {
      const app = appOf(state, step.package);
      if (app) { app.installed = true; restartApp(app); }
      return;
    }
    case 'uninstall': {
      const app = appOf(state, step.package);
      if (app) { app.installed = false; restartApp(app); }
      return;
    }
    case 'updateApp': {
      const app = appOf(state, step.package);
      if (!app) return;
      app.spec = {
        ...app.spec,
        ...(step.metadata !== undefined ? { metadata: step.metadata } : {}),
        ...(step.answers !== undefined ? { answers: step.answers } : {}),
      };
      restartApp(app);
      return;
    }
    case 'setFeatures': {
      const app = appOf(state, step.package);
      if (!app) return;
      app.reported = step.features;
      if (reportsNothing(step.features, activeSlots(state))) app.dormant = true;
      return;
    }
    case 'setBehaviour': {
      const app = appOf(state, step.package);
      if (app) app.behaviour = step.behaviour;
      return;
    }
    case 'setSlotCount':
      state.slots = step.slots;
      return;
    case 'override':
      applyOverride(state, step);
      return;
    case 'clearOverride':
      clearCarrierOverrides(state, slotKey(step.slot));
      return;
    case 'crash':
      // The framework binds a crashed ImsService again (persistently bound): nothing changes.
      return;
    case 'restartPhone':
      dropAllOverrides(state);
      return;
    case 'reboot':
      dropAllOverrides(state);
      for (const app of state.apps.values()) { restartApp(app); app.dormant = false; }
      return;
    case 'setRole':
      state.roles[step.role] = step.package;
      return;
  }
}
