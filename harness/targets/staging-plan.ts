/**
 * What a whole run stages under the target's read-only partitions, planned once so the run needs
 * as few reboots as possible (a boot scan is the only way a file there takes effect):
 *
 *  - a placeholder under /system/priv-app (or /system/app) for every package some scenario
 *    installs as a privileged (or system) app: no code, no components, the permissions any of its
 *    variants requests. Each scenario then installs its own variant over it with `adb install -r`
 *    — an update of a system app, which stays privileged (PackageManager FLAG_UPDATED_SYSTEM_APP)
 *    — and the restore uninstalls the update, which brings the placeholder back;
 *  - the privapp-permissions allowlist of each privileged placeholder (AOSP's format);
 *  - the observer app (harness/model/observer-app.ts) for the scenarios with state-callback
 *    steps: itself, not a placeholder (no scenario installs a variant of it), under
 *    /system/priv-app with its allowlist (READ_PRIVILEGED_PHONE_STATE is signature|privileged);
 *  - the system features the scenarios need and the target does not declare, in one permissions
 *    XML (android.hardware.telephony.ims: without it there is no ImsResolver, aosp-imsresolver.md
 *    §1.2; the single-registration feature the single-registration scenarios declare);
 *  - the TeleService runtime resource overlays of the scenarios that must keep their device
 *    defaults across a phone restart or reboot, under /product/overlay (harness/formats/overlay-apk).
 *
 * A package one scenario needs as a plain /data app cannot be staged while that scenario runs.
 * Scenarios are therefore grouped in epochs: the first stages everything no scenario forbids;
 * the next adds the rest for the scenarios that need it. Each epoch costs one reboot, the end of
 * the run one more (the staged files are removed again). Pure.
 */
import { type Capability, type FullScenario, type ImsAppSpec, OBSERVER_PACKAGE, OBSERVER_PERMISSIONS, type PackageName, scenarioUsesObserver } from '../model';
import { SINGLE_REGISTRATION_FEATURE, TELEPHONY_IMS_FEATURE } from './capabilities';
import { type PushSource } from './device-action';
import { overlayPackageName } from '../formats/overlay-apk';
import { requirementSkip } from './requirements';
import { featuresXml, privappPermissionsPath, privappPermissionsXml, productOverlayPath, RIG_FEATURES_PATH, systemApkPath } from './system-files';
import { type TargetRoutes } from './target-routes';

export interface StagedFile {
  readonly path: string;
  /** The directory to remove at the end (the package directory for APKs, the file otherwise). */
  readonly removePath: string;
  readonly source: PushSource;
  readonly why: string;
}

export interface StagingEpoch {
  /** Every file staged while this epoch's scenarios run (a superset of the previous epoch's). */
  readonly files: readonly StagedFile[];
  readonly scenarioIds: readonly string[];
}

export interface RunStagingPlan {
  /** Scenarios in the order to run them; those of epoch 1 first. */
  readonly order: readonly string[];
  readonly epochs: readonly StagingEpoch[];
}

export interface StagingContext {
  readonly capabilities: ReadonlySet<Capability>;
  readonly routes: TargetRoutes;
}

/** How a scenario's device overlay is set on a target (./provision.ts follows the same choice). */
export type OverlayRoute = 'none' | 'stimulus-tool' | 'rro' | 'shell-override';

/**
 * The route for the scenario's device overlay: the reference device's tool when there is one;
 * otherwise a shell override (`cmd phone ims set-ims-service -d`, no restart needed) unless the
 * scenario restarts the phone process or reboots — a shell override dies with the process, so
 * then only a real overlay (RRO, read by a restarted phone process) keeps the world it declares.
 */
export function overlayRoute(s: FullScenario, ctx: StagingContext): OverlayRoute {
  const { mmtel, rcs } = s.world.overlay;
  if (ctx.routes.stimulusTool) return 'stimulus-tool';
  const restarts = s.steps.some((st) => st.kind === 'reboot' || st.kind === 'restartPhone');
  if (mmtel === '' && rcs === '' && !restarts) return 'none';
  if (!restarts && ctx.capabilities.has('shell-override')) return 'shell-override';
  return ctx.capabilities.has('device-overlay') ? 'rro' : 'shell-override';
}

/** Packages some `install` step installs later. */
function installedLater(s: FullScenario): Set<string> {
  return new Set(s.steps.flatMap((st) => (st.kind === 'install' ? [st.package] : [])));
}

/** The apps of a scenario that the run stages under /system (installed at once, or by a later step). */
export function stagedApps(s: FullScenario): ImsAppSpec[] {
  const later = installedLater(s);
  return s.world.apps.filter((a) => a.location !== 'data' && (a.installed || later.has(a.package)));
}

interface Needs {
  readonly files: Map<string, StagedFile>;
  /** Placeholder directories that must not exist (a package this scenario installs under /data). */
  readonly forbidden: Set<string>;
}

function scenarioNeeds(s: FullScenario, ctx: StagingContext, permissions: ReadonlyMap<string, readonly string[]>): Needs {
  const files = new Map<string, StagedFile>();
  const add = (f: StagedFile): void => {
    files.set(f.path, f);
  };
  for (const app of stagedApps(s)) {
    const location = app.location === 'system' ? 'system' : 'priv-app';
    const { dir, apk } = systemApkPath(app.package, location);
    const perms = permissions.get(app.package) ?? [];
    add({ path: apk, removePath: dir, source: { kind: 'placeholder', package: app.package, permissions: perms }, why: `placeholder of ${app.package} (${location})` });
    if (location === 'priv-app' && perms.length > 0) {
      const path = privappPermissionsPath(app.package);
      add({ path, removePath: path, source: { kind: 'text', text: privappPermissionsXml(app.package, perms) }, why: `privapp-permissions allowlist of ${app.package}` });
    }
  }
  if (scenarioUsesObserver(s)) {
    const { dir, apk } = systemApkPath(OBSERVER_PACKAGE, 'priv-app');
    add({ path: apk, removePath: dir, source: { kind: 'observer-apk' }, why: `the observer app ${OBSERVER_PACKAGE} (priv-app)` });
    const path = privappPermissionsPath(OBSERVER_PACKAGE);
    add({ path, removePath: path, source: { kind: 'text', text: privappPermissionsXml(OBSERVER_PACKAGE, OBSERVER_PERMISSIONS) }, why: `privapp-permissions allowlist of ${OBSERVER_PACKAGE}` });
  }
  if (overlayRoute(s, ctx) === 'rro') {
    const name = overlayPackageName(s.world.overlay);
    const { dir, apk } = productOverlayPath(name);
    add({ path: apk, removePath: dir, source: { kind: 'overlay', overlay: s.world.overlay }, why: `TeleService overlay ${name} (mmtel=${s.world.overlay.mmtel || '""'}, rcs=${s.world.overlay.rcs || '""'})` });
  }
  const forbidden = new Set(s.world.apps.filter((a) => a.location === 'data').flatMap((a) => [systemApkPath(a.package, 'priv-app').dir, systemApkPath(a.package, 'system').dir]));
  return { files, forbidden };
}

/** Features the run must declare: those its scenarios need that the target does not declare itself. */
function featuresToDeclare(scenarios: readonly FullScenario[], ctx: StagingContext): string[] {
  const wanted = new Set<string>();
  for (const s of scenarios) {
    // ImsStateCallbackController too exists only with the feature (observability-and-test-apps.md §1, PhoneGlobals L647-657).
    if (s.steps.some((st) => st.kind === 'check') || scenarioUsesObserver(s)) wanted.add(TELEPHONY_IMS_FEATURE);
    for (const f of s.systemFeatures) if (f === SINGLE_REGISTRATION_FEATURE || f === TELEPHONY_IMS_FEATURE) wanted.add(f);
  }
  return [...wanted].filter((f) => !ctx.routes.declaredFeatures.includes(f)).sort();
}

/** The union of the permissions every variant of a package requests over the run. */
function permissionsByPackage(scenarios: readonly FullScenario[]): Map<string, string[]> {
  const out = new Map<string, Set<string>>();
  for (const s of scenarios) {
    for (const [pkg, extras] of Object.entries(s.appExtras)) {
      const set = out.get(pkg) ?? new Set<string>();
      for (const p of extras?.permissions ?? []) set.add(p);
      out.set(pkg, set);
    }
  }
  return new Map([...out].map(([k, v]) => [k, [...v].sort()]));
}

/**
 * The run's staging. Scenarios the target cannot run (a missing capability) stage nothing; so
 * does a target without root + remount (its scenarios needing staged files are skipped anyway).
 */
export function planRunStaging(scenarios: readonly FullScenario[], ctx: StagingContext): RunStagingPlan {
  const runnable = scenarios.filter((s) => requirementSkip(s, ctx.capabilities) === undefined);
  const canStage = ctx.capabilities.has('priv-app-install');
  if (!canStage) return { order: scenarios.map((s) => s.id), epochs: [] };
  const permissions = permissionsByPackage(runnable);
  const needs = new Map(runnable.map((s) => [s.id, scenarioNeeds(s, ctx, permissions)]));
  const features = featuresToDeclare(runnable, ctx);
  const featureFile: StagedFile[] = features.length === 0 ? [] : [{
    path: RIG_FEATURES_PATH, removePath: RIG_FEATURES_PATH, source: { kind: 'text', text: featuresXml(features) }, why: `system features ${features.join(', ')}`,
  }];
  const forbidden = new Set([...needs.values()].flatMap((n) => [...n.forbidden]));
  const allFiles = new Map<string, StagedFile>();
  for (const n of needs.values()) for (const [p, f] of n.files) allFiles.set(p, f);
  const conflicting = (f: StagedFile): boolean => forbidden.has(f.removePath);
  const first = [...featureFile, ...[...allFiles.values()].filter((f) => !conflicting(f))];
  const second = [...featureFile, ...allFiles.values()];

  const inFirst: string[] = [];
  const inSecond: string[] = [];
  for (const s of scenarios) {
    const n = needs.get(s.id);
    const needsConflicting = n !== undefined && [...n.files.values()].some(conflicting);
    (needsConflicting ? inSecond : inFirst).push(s.id);
  }
  const epochs: StagingEpoch[] = [];
  if (first.length > 0 || inSecond.length === 0) epochs.push({ files: sortFiles(first), scenarioIds: inFirst });
  else inSecond.unshift(...inFirst);
  if (inSecond.length > 0) epochs.push({ files: sortFiles(second), scenarioIds: inSecond });
  const nonEmpty = epochs.filter((e) => e.files.length > 0 || e.scenarioIds.length > 0);
  if (nonEmpty.length === 1 && nonEmpty[0]?.files.length === 0) return { order: scenarios.map((s) => s.id), epochs: [] };
  return { order: nonEmpty.flatMap((e) => e.scenarioIds), epochs: nonEmpty };
}

function sortFiles(files: readonly StagedFile[]): StagedFile[] {
  return [...new Map(files.map((f) => [f.path, f])).values()].sort((a, b) => a.path.localeCompare(b.path));
}

/** The package of a placeholder file, when `path` is one. */
export function stagedPackageOf(file: StagedFile): PackageName | undefined {
  return file.source.kind === 'placeholder' ? file.source.package : undefined;
}

/** The overlay packages staged in an epoch (for provisioning: the RRO route needs its overlay there). */
export function stagedOverlayNames(files: readonly StagedFile[]): string[] {
  return files.flatMap((f) => (f.source.kind === 'overlay' ? [overlayPackageName(f.source.overlay)] : []));
}
