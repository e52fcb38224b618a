/**
 * Turns a schema-checked scenario (RawScenario) into the FullScenario the engine, the oracle and
 * `explain` read: defaults filled, references to carrier profiles and overlays read, packages
 * cross-checked, steps checked against the state the earlier steps leave.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { APKS_DIR, SUITES_DIR } from '../paths';
import {
  AOSP_TEST_APP_BUILDS,
  type AppExtras, type CarrierProfile, type FullScenario, type ImsAppSpec, type PackageName, type RoleName,
  type SlotKey, normaliseFeatures, qualifyClassName, slotIndex,
} from '../model';
import { scenarioError } from './format-error';
import { resolveCarrier, resolveOverlay, type SourceContext } from './loader-sources';
import { resolveSteps } from './loader-steps';
import { type RawApp, type RawScenario } from './schema';

function resolveApp(ctx: SourceContext, app: RawApp): ImsAppSpec {
  const answers: Partial<Record<SlotKey, ReturnType<typeof normaliseFeatures>>> = {};
  for (const [slot, list] of Object.entries(app.answers) as [SlotKey, Parameters<typeof normaliseFeatures>[0]][]) {
    answers[slot] = normaliseFeatures(list);
  }
  return {
    package: app.package,
    service: qualifyClassName(app.package, app.service),
    action: app.action,
    permission: app.permission,
    overrideBindCheck: app.overrideBindCheck,
    directBootAware: app.directBootAware,
    location: app.location,
    metadata: normaliseFeatures(app.metadata),
    answers: answers,
    behaviour: app.behaviour,
    ...(app.featureState === undefined ? {} : { featureState: app.featureState }),
    installed: app.installed,
    ...(app.capabilities.length === 0 ? {} : { capabilities: app.capabilities }),
    // Resolved, not checked for existence: a missing APK makes the app unrealisable on the
    // target (a skip with that reason), not a malformed scenario.
    ...(app.apk === undefined ? {} : prebuiltApk(app.package, path.resolve(path.dirname(ctx.file), app.apk))),
  };
}

/**
 * A prebuilt APK; for an AOSP test app's stand-in in apks/, the user's own build of it when it is
 * there (README "UI flows": apks/TestRcsApp.apk, apks/ImsTestService.apk), else the stand-in,
 * marked so that targets that cannot run code-less apps skip the scenario.
 */
function prebuiltApk(pkg: string, apk: string): { apk: string; standIn?: true } {
  const build = AOSP_TEST_APP_BUILDS[pkg];
  if (build === undefined || path.dirname(apk) !== APKS_DIR) return { apk };
  const userBuild = path.join(APKS_DIR, build);
  return fs.existsSync(userBuild) ? { apk: userBuild } : { apk, standIn: true };
}

/** True when `file` is one of the project's conformance scenarios (under suites/). */
export function isSuiteScenario(file: string): boolean {
  const rel = path.relative(SUITES_DIR, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/**
 * `doc:` ties a scenario to the sentence of the documentation it checks. The project's own
 * scenarios (suites/) must have one; a user's scenario elsewhere may leave it out and gets a
 * warning instead, on stderr and in the report (issue 11, item 7).
 */
function docWarnings(ctx: SourceContext, raw: RawScenario): string[] {
  if (raw.doc !== undefined) return [];
  if (isSuiteScenario(ctx.file)) {
    throw scenarioError(ctx.displayFile, ['doc'], 'is required for scenarios in suites/: the sentence or table row of the documentation the scenario checks');
  }
  return ['no doc: the report cannot cite the documentation this scenario checks (add doc: "<the sentence or table row>")'];
}

/** Resolves and cross-checks a schema-checked scenario. Throws InputError `<file>: <path> <message>`. */
export function resolveScenario(ctx: SourceContext, raw: RawScenario): FullScenario {
  const warnings = docWarnings(ctx, raw);
  const firstIndex = new Map<string, number>();
  raw.apps.forEach((app, i) => {
    const first = firstIndex.get(app.package);
    if (first !== undefined) throw scenarioError(ctx.displayFile, ['apps', i, 'package'], `${app.package} is listed twice (also apps[${first}])`);
    firstIndex.set(app.package, i);
  });
  const apps = raw.apps.map((a) => resolveApp(ctx, a));
  const appExtras: Record<string, AppExtras> = {};
  for (const a of raw.apps) appExtras[a.package] = { package: a.package, permissions: [...a.permissions], smsRoleComponents: a.smsRoleComponents };

  const overlay = resolveOverlay(ctx, ['device', 'overlay'], raw.device.overlay as Exclude<typeof raw.device.overlay, null>);

  const sims: Partial<Record<SlotKey, CarrierProfile>> = {};
  for (const [slot, source] of Object.entries(raw.sims) as [SlotKey, (typeof raw.sims)[SlotKey]][]) {
    if (source === null || source === undefined) continue;
    if (slotIndex(slot) >= raw.device.slots) {
      throw scenarioError(ctx.displayFile, ['sims', slot], `${slot} does not exist: the device has ${raw.device.slots} slot${raw.device.slots === 1 ? '' : 's'} (device.slots)`);
    }
    sims[slot] = resolveCarrier(ctx, ['sims', slot], source);
  }

  const roles: Partial<Record<RoleName, PackageName | null>> = {};
  for (const role of ['sms', 'dialer'] as const) {
    const holder = raw.roles[role];
    if (holder === undefined) continue;
    if (holder !== null && !firstIndex.has(holder)) throw scenarioError(ctx.displayFile, ['roles', role], `${holder} is not one of the scenario's apps`);
    roles[role] = holder;
  }

  const steps = resolveSteps(ctx, raw.steps, {
    slots: raw.device.slots,
    apps: new Set(firstIndex.keys()),
    installed: new Set(apps.filter((a) => a.installed).map((a) => a.package)),
    simSlots: new Set(Object.keys(sims).map((k) => slotIndex(k as SlotKey))),
    registrations: { known: new Set(), held: new Set() },
  });
  if (!steps.some((s) => s.kind === 'check' || s.kind === 'checkGrants' || s.kind === 'ui' || s.kind === 'checkStateCallbacks')) {
    throw scenarioError(ctx.displayFile, ['steps'], 'must contain a check, checkGrants, ui or checkStateCallbacks step (a scenario that observes nothing proves nothing)');
  }

  return {
    id: raw.id,
    title: raw.title,
    area: raw.area,
    ...(raw.doc === undefined ? {} : { doc: raw.doc }),
    ...(warnings.length === 0 ? {} : { warnings }),
    file: ctx.file,
    displayFile: ctx.displayFile,
    requires: [...new Set(raw.requires)],
    world: { slots: raw.device.slots, overlay, apps, sims },
    appExtras,
    roles,
    systemFeatures: [...new Set(raw.systemFeatures)],
    steps,
    waivers: [...new Set(raw.waivers)],
  };
}
