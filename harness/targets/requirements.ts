/**
 * What a scenario needs from a target: the capabilities it declares (`requires:`) plus the ones its
 * world and steps imply, because the rig can only realise them that way (DESIGN.md "Target
 * capabilities"). A missing one makes the scenario a *skip* with the reason
 * `target lacks <cap>: <description>` — never a pass. Pure.
 */
import { AOSP_TEST_APP_BUILDS, CAPABILITIES, type Capability, type FullScenario, type ImsFeature, type PackageName, realAppGap, type StepKind, scenarioUsesObserver } from '../model';
import { SINGLE_REGISTRATION_FEATURE } from './capabilities';

/** One need: any of `anyOf` satisfies it (the first is the rig's preferred way). */
export interface Requirement {
  readonly anyOf: readonly Capability[];
  /** What in the scenario needs it: `declared`, `steps[3] (setFeatures)`, `apps (generated APKs)`. */
  readonly because: string;
}

/** Step kinds and the capability each needs on any target (check, checkGrants and setRole need none). */
const STEP_NEEDS: Readonly<Partial<Record<StepKind, readonly Capability[]>>> = {
  insertSim: ['sim-control'],
  removeSim: ['sim-control'],
  setCarrierConfig: ['carrier-config'],
  install: ['app-realisation'],
  uninstall: ['app-realisation'],
  updateApp: ['app-realisation'],
  setFeatures: ['configurable-features'],
  setSlotCount: ['msim-control'],
  override: ['shell-override'],
  clearOverride: ['shell-override'],
  crash: ['fault-injection'],
  setBehaviour: ['fault-injection'],
  restartPhone: ['fault-injection'],
  reboot: ['reboot'],
  ui: ['appium'],
};

/** Every requirement of a scenario, declared first, in a stable order. */
export function scenarioRequirements(s: FullScenario): Requirement[] {
  const out: Requirement[] = s.requires.map((cap) => ({ anyOf: [cap], because: 'declared in requires' }));
  const { world } = s;
  if (world.apps.some((a) => a.apk === undefined)) out.push({ anyOf: ['app-realisation'], because: 'apps generated from the scenario description' });
  const standIn = world.apps.find((a) => a.standIn === true);
  // A stand-in has no code: only a target that draws the app's screens itself runs it (issue 10).
  if (standIn) out.push({ anyOf: ['test-app-stand-ins'], because: `${standIn.package}: a manifest-only stand-in (drop the AOSP build in apks/${AOSP_TEST_APP_BUILDS[standIn.package] ?? ''})` });
  if (world.apps.some((a) => a.location !== 'data')) out.push({ anyOf: ['priv-app-install'], because: 'apps installed as privileged/system apps' });
  // The observer app holds READ_PRIVILEGED_PHONE_STATE (signature|privileged): a priv-app with its allowlist.
  if (scenarioUsesObserver(s)) out.push({ anyOf: ['priv-app-install'], because: 'the observer app (state-callback steps), a privileged app' });
  // What the rig's real app cannot be (a compat ImsService): only a simulating target runs it —
  // when it matters. ImsResolver reads a compat service's features from its meta-data only, never
  // by a query (aosp-imsresolver.md §1.3), so one declaring none is never bound and needs no code.
  world.apps.forEach((app, i) => {
    const gap = realAppGap(app);
    if (gap !== undefined && mayBeBound(s, app.package, app.metadata)) out.push({ anyOf: ['compat-ims-service'], because: `apps[${i}]: ${gap}` });
  });
  const restarts = s.steps.some((st) => st.kind === 'reboot' || st.kind === 'restartPhone');
  if (world.overlay.mmtel !== '' || world.overlay.rcs !== '') {
    // Shell device overrides live in the phone process: a reboot or phone restart drops them,
    // so only a persistent overlay keeps the world the scenario declares across those steps.
    out.push(restarts
      ? { anyOf: ['device-overlay'], because: 'the device overlay must survive reboot/restartPhone steps' }
      : { anyOf: ['device-overlay', 'shell-override'], because: 'the device overlay' });
  }
  if (Object.values(world.sims).some((p) => p !== null && p !== undefined)) {
    out.push({ anyOf: ['sim-control', 'carrier-config'], because: 'the SIMs and their carrier config' });
  }
  if (s.systemFeatures.includes(SINGLE_REGISTRATION_FEATURE)) out.push({ anyOf: ['single-registration'], because: `system feature ${SINGLE_REGISTRATION_FEATURE}` });
  // Observing a binding needs an ImsResolver (android.hardware.telephony.ims, aosp-imsresolver.md §1.2).
  if (s.steps.some((st) => st.kind === 'check')) out.push({ anyOf: ['ims-resolver'], because: 'observing what ImsResolver binds' });
  // ImsStateCallbackController is created only with the same feature (observability-and-test-apps.md §1).
  else if (scenarioUsesObserver(s)) out.push({ anyOf: ['ims-resolver'], because: 'ImsStateCallbackController (created only with android.hardware.telephony.ims)' });
  // A second SIM slot: only a target that can switch its slot count holds a two-slot world.
  if (world.slots > 1) out.push({ anyOf: ['msim-control'], because: `a world with ${world.slots} SIM slots` });
  s.steps.forEach((step, index) => {
    const needs = STEP_NEEDS[step.kind];
    if (needs) out.push({ anyOf: needs, because: `steps[${index}] (${step.kind})` });
  });
  return out;
}

/** Whether a compat app declares feature meta-data, now or after one of the scenario's updateApp steps. */
function mayBeBound(s: FullScenario, pkg: PackageName, metadata: readonly ImsFeature[]): boolean {
  return metadata.length > 0 || s.steps.some((st) => st.kind === 'updateApp' && st.package === pkg && (st.metadata ?? []).length > 0);
}

/** The capabilities a scenario needs, one per requirement (the preferred one), de-duplicated. */
export function effectiveRequirements(s: FullScenario): Capability[] {
  return [...new Set(scenarioRequirements(s).map((r) => r.anyOf[0]).filter((c): c is Capability => c !== undefined))];
}

/** The first requirement the target cannot meet, or undefined when it meets them all. */
export function unmetRequirement(s: FullScenario, capabilities: ReadonlySet<Capability>): Requirement | undefined {
  return scenarioRequirements(s).find((r) => !r.anyOf.some((c) => capabilities.has(c)));
}

/** `target lacks sim-control: insert and remove SIMs on demand (steps[2] (insertSim))`. */
export function skipReason(requirement: Requirement): string {
  const [first, ...alternatives] = requirement.anyOf;
  if (first === undefined) return `target cannot realise ${requirement.because}`;
  const alt = alternatives.length > 0 ? `; ${alternatives.join(' or ')} would also do` : '';
  return `target lacks ${first}: ${CAPABILITIES[first]} (needed for ${requirement.because}${alt})`;
}

/** Undefined when the target can run the scenario, else the skip reason. */
export function requirementSkip(s: FullScenario, capabilities: ReadonlySet<Capability>): string | undefined {
  const unmet = unmetRequirement(s, capabilities);
  return unmet === undefined ? undefined : skipReason(unmet);
}
