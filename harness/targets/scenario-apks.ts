/**
 * The APKs a scenario would install (`ims-rig build-apks --scenario`): one per app — the app's
 * prebuilt `apk:`, or the rig's ImsService app written for it (ApkCache) — plus what the
 * extra sources add. The extra sources are the hook for APKs that are not apps of the scenario:
 * the device overlay (a runtime resource overlay for com.android.phone) goes there.
 */
import { type FullScenario, OBSERVER_PACKAGE, realAppGap, scenarioUsesObserver } from '../model';
import { type ApkCache } from './app-realiser';
import { buildObserverApk } from './rig-app-files';

export interface ScenarioApk {
  /** File name to write it under (`com.oem.ims.apk`). */
  readonly file: string;
  readonly bytes: Buffer;
  /** One line on what it is. */
  readonly what: string;
}

/** Another kind of APK a scenario needs (the device overlay). */
export type ScenarioApkSource = (scenario: FullScenario) => Promise<readonly ScenarioApk[]>;

/** The observer app, for a scenario with state-callback steps (provisioning stages it as a priv-app). */
export const observerApkSource: ScenarioApkSource = (s) => Promise.resolve(scenarioUsesObserver(s)
  ? [{ file: `${OBSERVER_PACKAGE}.apk`, bytes: buildObserverApk(), what: 'the observer app (android-apps/observer), v2-signed; a priv-app: see its README' }]
  : []);

/**
 * The sources `build-apks --scenario` adds to the scenario's apps: the observer (which provisioning
 * stages itself); the RRO device overlay's builder belongs here too.
 */
export const EXTRA_APK_SOURCES: readonly ScenarioApkSource[] = [observerApkSource];

export async function scenarioApks(s: FullScenario, cache: ApkCache, extra: readonly ScenarioApkSource[] = EXTRA_APK_SOURCES): Promise<ScenarioApk[]> {
  const out: ScenarioApk[] = [];
  for (const app of s.world.apps) {
    const realised = await cache.apkFor(app, s.appExtras[app.package]);
    const gap = realAppGap(app);
    const what = app.apk !== undefined
      ? `prebuilt ${app.apk}`
      : gap === undefined ? 'the rig\'s ImsService app (classes.dex), v2-signed' : `manifest only, v2-signed (${gap})`;
    out.push({ file: `${app.package}.apk`, bytes: realised.bytes, what });
  }
  for (const source of extra) out.push(...(await source(s)));
  return out;
}
