/**
 * The documented life of every ImsStateCallback the observer app registers in a scenario, step by
 * step (seed 000 "Use ImsStateCallback"): which instance is current for each registration id, on
 * which slot's subscription, and what happened to it since the previous check — registered,
 * unregistered, its subscription went away, the serving ImsService changed or crashed, the
 * telephony process crashed (onError), the device rebooted. ./expectations.ts turns that into
 * what each instance must have seen. Mutable on purpose; DocumentedModel owns one.
 */
import { type FeatureStateName, type SlotKey, type StateCallbackFeature, type Step, slotKey } from '../../model';
import { type KnownRule } from '../rules';
import { type RegistrationState } from './types';

/** Which package the documented binding model has serve a (slot, feature), and why. */
export interface Serving {
  readonly package: string | null;
  readonly rule: KnownRule;
  readonly reason: string;
  /** The serving app's ImsFeature state (READY unless its description says otherwise). */
  readonly featureState: FeatureStateName;
}

export type ServingOf = (slot: SlotKey, feature: StateCallbackFeature) => Serving | null;

/** A change the documentation says a registered callback is told about (unavailable, then available). */
export interface Transition {
  readonly rule: 'state-callback-service-changed' | 'state-callback-service-crashed';
  readonly reason: string;
}

export interface Instance {
  readonly id: string;
  /** The observer app's instance number for this id (1, 2, …; a reboot restarts the app and the count). */
  readonly n: number;
  /** Reboots before it was registered: after one the app numbers from 1 again. */
  readonly boot: number;
  readonly slot: SlotKey;
  readonly feature: StateCallbackFeature;
  state: RegistrationState;
  /** Why it is in that state (the step that put it there). */
  why: string;
  /** Checks passed when the state last changed: a state entered since the previous check is new. */
  changedAtCheck: number;
  /** A documented change since the previous check. */
  transition?: Transition;
}

export class Registrations {
  readonly instances: Instance[] = [];
  /** Checks of state callbacks passed so far. */
  checks = 0;
  private readonly counters = new Map<string, number>();
  private boots = 0;

  /** The current (newest) instance of a registration id. */
  current(id: string): Instance | undefined {
    for (let i = this.instances.length - 1; i >= 0; i--) if (this.instances[i]?.id === id) return this.instances[i];
    return undefined;
  }

  /**
   * Applies one step. `servingBefore`/`servingAfter` are the documented binding before and after the
   * step (the binding model has already applied it to its own state); `hasSim` the SIM after it.
   */
  apply(step: Step, what: string, hasSim: (slot: SlotKey) => boolean, activeSlot: (slot: SlotKey) => boolean, servingBefore: ServingOf, servingAfter: ServingOf): void {
    switch (step.kind) {
      case 'registerStateCallback':
        this.register(step.id, slotKey(step.slot), step.feature, what, hasSim);
        return;
      case 'unregisterStateCallback':
        this.end(step.id, 'unregistered', what);
        return;
      case 'reregisterStateCallback': {
        const old = this.current(step.id);
        if (!old) return;
        this.end(step.id, 'unregistered', what);
        this.register(step.id, old.slot, old.feature, what, hasSim);
        return;
      }
      case 'restartPhone':
        // The app's ITelephony binder dies: its registered callbacks get onError (telephony-crash).
        // A failed registration or one whose subscription went away is not documented either way.
        for (const i of this.instances) if (i.state === 'active') this.move(i, 'telephony-crashed', what);
        return;
      case 'reboot':
        for (const i of this.instances) if (i.state !== 'app-restarted') this.move(i, 'app-restarted', what);
        this.counters.clear();
        this.boots += 1;
        return;
      case 'insertSim':
      case 'removeSim': {
        // A removed or replaced SIM ends the subscription the callback was registered for.
        const slot = slotKey(step.slot);
        for (const i of this.instances) if (i.slot === slot && i.state === 'active') this.move(i, 'subscription-gone', what);
        return;
      }
      case 'setSlotCount':
        for (const i of this.instances) if (i.state === 'active' && !activeSlot(i.slot)) this.move(i, 'subscription-gone', what);
        return;
      case 'setCarrierConfig':
      case 'install':
      case 'uninstall':
      case 'updateApp':
      case 'setFeatures':
      case 'override':
      case 'clearOverride':
      case 'crash':
      case 'setBehaviour':
        this.noteServiceChanges(step, what, servingBefore, servingAfter);
        return;
      case 'check':
      case 'checkGrants':
      case 'checkStateCallbacks':
      case 'setRole':
      case 'ui': // a UI flow drives an app's screens; it binds or unbinds no ImsService, all an ImsStateCallback reports
        return;
    }
  }

  /** Called after a check: what happened "since the previous check" starts again. */
  checked(): void {
    this.checks += 1;
    for (const i of this.instances) delete i.transition;
  }

  private register(id: string, slot: SlotKey, feature: StateCallbackFeature, what: string, hasSim: (slot: SlotKey) => boolean): void {
    const n = (this.counters.get(id) ?? 0) + 1;
    this.counters.set(id, n);
    const state: RegistrationState = hasSim(slot) ? 'active' : 'no-subscription';
    this.instances.push({ id, n, boot: this.boots, slot, feature, state, why: what, changedAtCheck: this.checks });
  }

  /**
   * The app unregisters the current instance. One that got onError stays documented as silent, and
   * one whose subscription went away keeps saying so (both are what the report should show).
   */
  private end(id: string, state: RegistrationState, what: string): void {
    const i = this.current(id);
    if (i && (i.state === 'active' || i.state === 'no-subscription')) this.move(i, state, what);
  }

  private move(i: Instance, state: RegistrationState, what: string): void {
    i.state = state;
    i.why = what;
    i.changedAtCheck = this.checks;
  }

  /**
   * A crash of the serving package, or a step after which another package (or none) serves an
   * active registration's feature: the documentation says the app is told (persistently-bound,
   * unanticipated-exceptions). pkg → null and null → pkg show in the last callback; pkg → pkg'
   * and a crash must also show as unavailable-then-available since the previous check.
   */
  private noteServiceChanges(step: Step, what: string, before: ServingOf, after: ServingOf): void {
    for (const i of this.instances) {
      if (i.state !== 'active') continue;
      const was = before(i.slot, i.feature)?.package ?? null;
      const now = after(i.slot, i.feature)?.package ?? null;
      if (step.kind === 'crash' && was !== null && step.package === was && now === was) {
        i.transition = { rule: 'state-callback-service-crashed', reason: `${what}: ${was}, which serves ${i.feature} on slot ${i.slot}, crashed and is bound again` };
      } else if (was !== null && now !== null && was !== now) {
        i.transition = { rule: 'state-callback-service-changed', reason: `${what}: ${i.feature} on slot ${i.slot} moved from ${was} to ${now}` };
      }
    }
  }
}
