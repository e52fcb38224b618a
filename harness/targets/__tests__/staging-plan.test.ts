import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Capability, CAPABILITIES } from '../../model';
import { overlayPackageName } from '../../formats/overlay-apk';
import { overlayRoute, planRunStaging, type StagingContext } from '../staging-plan';
import { TargetClock } from '../target-clock';
import { NO_ROUTES } from '../target-routes';
import { app, pkg, scenario } from './scenario-fixture';

const ALL = new Set(Object.keys(CAPABILITIES) as Capability[]);
/** A stock emulator: everything but the slot count, Appium and compat apps; it declares no IMS feature. */
const STOCK: StagingContext = {
  capabilities: new Set([...ALL].filter((c) => !['msim-control', 'appium', 'compat-ims-service'].includes(c))),
  routes: { ...NO_ROUTES, physicalSim: { slot: 0, subId: 1, enabled: true } },
};
const paths = (ctx: StagingContext, ...s: ReturnType<typeof scenario>[]): string[][] => planRunStaging(s, ctx).epochs.map((e) => e.files.map((f) => f.path));

describe('the run\'s staging plan', () => {
  it('stages every privileged app of the run once, with the features the target lacks, in one epoch (one reboot)', () => {
    const a = { ...scenario({ apps: [app('com.carrier.a.ims')] }), id: 'a' };
    const b = { ...scenario({ apps: [app('com.carrier.b.ims', { installed: false })], steps: [{ kind: 'install', package: pkg('com.carrier.b.ims') }, { kind: 'check' }] }), id: 'b' };
    const plan = planRunStaging([a, b], STOCK);
    expect(plan.epochs).toHaveLength(1);
    expect(plan.order).toEqual(['a', 'b']);
    expect(paths(STOCK, a, b)[0]).toEqual([
      '/system/etc/permissions/ims-rig-features.xml',
      '/system/priv-app/com.carrier.a.ims/com.carrier.a.ims.apk',
      '/system/priv-app/com.carrier.b.ims/com.carrier.b.ims.apk',
      '/system/priv-app/com.oem.ims/com.oem.ims.apk',
    ]);
    const features = plan.epochs[0]?.files.find((f) => f.path.endsWith('ims-rig-features.xml'));
    expect(features?.source).toEqual({ kind: 'text', text: expect.stringContaining('<feature name="android.hardware.telephony.ims"/>') as string });
  });

  it('a target that declares the feature gets no feature file; one without root + remount stages nothing', () => {
    const s = scenario();
    expect(paths({ ...STOCK, routes: { ...STOCK.routes, declaredFeatures: ['android.hardware.telephony.ims'] } }, s)[0]).toEqual(['/system/priv-app/com.oem.ims/com.oem.ims.apk']);
    expect(planRunStaging([s], { ...STOCK, capabilities: new Set(['shell-override']) }).epochs).toEqual([]);
  });

  it('a package one scenario installs under /data is staged only for the scenarios after it, in a second epoch', () => {
    const data = { ...scenario({ apps: [app('com.shared.ims', { location: 'data' })] }), id: 'data' };
    const priv = { ...scenario({ apps: [app('com.shared.ims')] }), id: 'priv' };
    const plan = planRunStaging([priv, data], STOCK);
    expect(plan.order).toEqual(['data', 'priv']);
    expect(plan.epochs.map((e) => e.scenarioIds)).toEqual([['data'], ['priv']]);
    expect(plan.epochs[0]?.files.some((f) => f.path.includes('com.shared.ims'))).toBe(false);
    expect(plan.epochs[1]?.files.some((f) => f.path.includes('com.shared.ims'))).toBe(true);
  });

  it('the placeholder asks for every permission a variant of the run requests, with its allowlist', () => {
    const s = scenario({ apps: [app('com.rcs.client')] });
    const withPerms = { ...s, appExtras: { 'com.rcs.client': { package: pkg('com.rcs.client'), permissions: ['android.permission.MODIFY_PHONE_STATE'], smsRoleComponents: false } } };
    const files = planRunStaging([withPerms], STOCK).epochs[0]?.files ?? [];
    expect(files.find((f) => f.path.includes('com.rcs.client.apk'))?.source).toEqual({ kind: 'placeholder', package: 'com.rcs.client', permissions: ['android.permission.MODIFY_PHONE_STATE'] });
    expect(files.map((f) => f.path)).toContain('/system/etc/permissions/privapp-permissions-ims-rig-com.rcs.client.xml');
  });

  it('the device overlay: a shell override unless the scenario restarts the phone; then the staged RRO', () => {
    const plain = scenario();
    const restarting = scenario({ steps: [{ kind: 'restartPhone' }, { kind: 'check' }] });
    expect(overlayRoute(plain, STOCK)).toBe('shell-override');
    expect(overlayRoute(restarting, STOCK)).toBe('rro');
    expect(overlayRoute(restarting, { ...STOCK, routes: { ...STOCK.routes, stimulusTool: true } })).toBe('stimulus-tool');
    const name = overlayPackageName(restarting.world.overlay);
    expect(paths(STOCK, restarting)[0]).toContain(`/product/overlay/${name}/${name}.apk`);
  });

  it('a scenario with state-callback steps stages the observer app itself as a priv-app, with its allowlist and the IMS feature', () => {
    const s = scenario({ overlay: { mmtel: '', rcs: '' }, apps: [], steps: [{ kind: 'registerStateCallback', id: 'mmtel0', slot: 0, feature: 'MMTEL' }, { kind: 'checkStateCallbacks' }] });
    const files = planRunStaging([s], STOCK).epochs[0]?.files ?? [];
    expect(files.map((f) => [f.path, f.source.kind])).toEqual([
      ['/system/etc/permissions/ims-rig-features.xml', 'text'],
      ['/system/etc/permissions/privapp-permissions-ims-rig-org.imsrig.observer.xml', 'text'],
      ['/system/priv-app/com.oem.ims/com.oem.ims.apk', 'placeholder'],
      ['/system/priv-app/org.imsrig.observer/org.imsrig.observer.apk', 'observer-apk'],
    ]);
    expect(files[1]?.source).toEqual({ kind: 'text', text: expect.stringContaining('<permission name="android.permission.READ_PRIVILEGED_PHONE_STATE"/>') as string });
    expect(files[3]?.removePath).toBe('/system/priv-app/org.imsrig.observer');
    expect(paths(STOCK, scenario())[0]?.some((p) => p.includes('org.imsrig.observer'))).toBe(false);
  });

  it('scenarios the target cannot run stage nothing', () => {
    const twoSlots = scenario({ slots: 2, apps: [app('com.only.here')] });
    expect(paths(STOCK, twoSlots).flat().some((p) => p.includes('com.only.here'))).toBe(false);
  });
});

describe('the target clock', () => {
  it('adds the uptime each reboot ends to the uptime at the end', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ims-rig-clock-')), 'clock.json');
    const uptimes = ['100.00 90.00\n', '250.50 200.00\n'];
    const device = { shell: () => Promise.resolve({ command: 'cat /proc/uptime', stdout: uptimes.shift() ?? '', stderr: '', exitCode: 0, protocol: 'v2' as const, durationMs: 1 }) };
    expect(await TargetClock.uptime(device)).toBe(100);
    const clock = new TargetClock(file);
    await clock.beforeReboot(device);
    // Another process (the CLI) reads the same tally.
    const other = new TargetClock(file);
    expect(other.reboots).toBe(1);
    expect(other.elapsedSeconds(40, 30)).toBe(30 + 250.5 - 40);
  });
});
