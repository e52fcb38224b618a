import { describeAction } from '../device-action';
import { planRestore } from '../restore';
import { freshState } from './state-fixture';

const lines = (p: ReturnType<typeof planRestore>) => p.map((x) => [x.name, x.actions.map(describeAction)]);

describe('restore plan', () => {
  it('nothing changed: nothing to do', () => {
    expect(planRestore(freshState(), freshState())).toEqual([]);
  });

  it('undoes what a doc-table scenario did, in order, with one reboot at the end', () => {
    const before = freshState();
    const now = freshState({
      overlay: { mmtel: 'com.oem.ims', rcs: 'com.oem.ims' },
      sims: [{ slot: 0, present: true, state: 'READY', subId: 1, iccid: '8901', file: '/data/local/tmp/ims-rig/sim0-carrier-a.xml' }],
      packages: [...before.packages, 'com.oem.ims'],
      systemFiles: [...before.systemFiles, '/system/priv-app/com.oem.ims'],
    });
    expect(lines(planRestore(before, now, { pushed: new Set(['/data/local/tmp/ims-rig/sim0-carrier-a.xml', '/system/priv-app/com.oem.ims/com.oem.ims.apk']) }))).toEqual([
      ['apps', ['pm uninstall com.oem.ims']],
      ['system-access', ['adb root', 'adb remount']],
      ['sims', ['ims-rig-device sim remove 0']],
      ['overlay', ["ims-rig-device overlay --mmtel '' --rcs ''"]],
      ['system-files', ['rm -rf /system/priv-app/com.oem.ims']],
      ['scratch-files', ['rm -rf /data/local/tmp/ims-rig/sim0-carrier-a.xml']],
      ['reboot', ['adb reboot (wait for sys.boot_completed)']],
    ]);
  });

  it('removes several staged apps and scratch files with one rm each, not one round trip per file', () => {
    const before = freshState();
    const now = freshState({
      packages: [...before.packages, 'com.oem.ims', 'com.carrier.a.ims'],
      systemFiles: [...before.systemFiles, '/system/priv-app/com.oem.ims', '/system/priv-app/com.carrier.a.ims'],
    });
    const pushed = new Set(['/data/local/tmp/ims-rig/sim0-a.xml', '/data/local/tmp/ims-rig/sim1-b.xml']);
    expect(lines(planRestore(before, now, { pushed })).filter(([name]) => name !== 'apps')).toEqual([
      ['system-access', ['adb root', 'adb remount']],
      ['system-files', ['rm -rf /system/priv-app/com.oem.ims /system/priv-app/com.carrier.a.ims']],
      ['scratch-files', ['rm -rf /data/local/tmp/ims-rig/sim0-a.xml /data/local/tmp/ims-rig/sim1-b.xml']],
      ['reboot', ['adb reboot (wait for sys.boot_completed)']],
    ]);
  });

  it('a staged system app goes with its files; an app (or an update) under /data is uninstalled', () => {
    const before = freshState();
    const now = freshState({
      packages: [...before.packages, 'com.oem.ims', 'com.data.ims'],
      dataPackages: ['com.data.ims'],
      systemFiles: [...before.systemFiles, '/system/priv-app/com.oem.ims'],
    });
    const plan = lines(planRestore(before, now));
    expect(plan[0]).toEqual(['apps', ['pm uninstall com.data.ims']]);
    expect(plan.slice(1).map(([name]) => name)).toEqual(['system-access', 'system-files', 'reboot']);
  });

  it('puts the original SIM back with its ICCID (keeps its subscription id) and keeps its file', () => {
    const original = { slot: 0, present: true, state: 'READY', subId: 1, iccid: '89012600', file: '/data/local/tmp/ims-rig/sim0-x.xml' };
    const before = freshState({ sims: [original] });
    const now = freshState({ sims: [{ ...original, subId: 2, iccid: '89012601', file: '/data/local/tmp/ims-rig/sim0-y.xml' }] });
    expect(lines(planRestore(before, now, { pushed: new Set([original.file, '/data/local/tmp/ims-rig/sim0-y.xml']) }))).toEqual([
      ['sims', ['ims-rig-device sim remove 0', 'ims-rig-device sim insert 0 /data/local/tmp/ims-rig/sim0-x.xml --iccid 89012600']],
      ['scratch-files', ['rm -rf /data/local/tmp/ims-rig/sim0-y.xml']],
    ]);
  });

  it('empties slots the snapshot did not have before switching them off', () => {
    const now = freshState({ slotCount: 2, sims: [{ slot: 0, present: false, state: 'ABSENT' }, { slot: 1, present: true, state: 'READY', iccid: '1', file: '/data/local/tmp/ims-rig/s.xml' }] });
    expect(lines(planRestore(freshState(), now))[0]).toEqual(['sims', ['ims-rig-device sim remove 1', 'ims-rig-device slots 1']]);
  });

  it('puts back device overrides feature by feature and clears carrier overrides per slot', () => {
    const before = freshState();
    const now = freshState({
      imsServices: before.imsServices.map((e) => (e.feature === 'RCS' ? { ...e, package: 'com.x.ims' } : e)),
    });
    expect(lines(planRestore(before, now))).toEqual([
      ['ims-overrides', ["cmd phone ims set-ims-service -s 0 -d -f 2", 'cmd phone ims clear-ims-service-override -s 0']],
    ]);
  });

  it('restores role holders and clears carrier-config overrides as root', () => {
    const before = freshState({ carrierConfig: [{ slot: 0, key: 'config_ims_rcs_package_override_string', raw: 'null' }] });
    const now = freshState({ carrierConfig: [{ slot: 0, key: 'config_ims_rcs_package_override_string', raw: '"com.x"' }], roles: { ...before.roles, 'android.app.role.SMS': ['com.x'] } });
    expect(lines(planRestore(before, now))).toEqual([
      ['roles', ['cmd role clear-role-holders android.app.role.SMS', 'cmd role add-role-holder android.app.role.SMS com.android.messaging']],
      ['carrier-config', ['adb root', 'cmd phone cc clear-values -s 0']],
    ]);
  });

  it('reverts an update over a staged placeholder and clears the data the variant stored', () => {
    const before = freshState({ packages: ['com.android.phone', 'com.oem.ims'], dataPackages: [] });
    const now = freshState({ packages: ['com.android.phone', 'com.oem.ims', 'com.data.ims'], dataPackages: ['com.data.ims', 'com.oem.ims'] });
    expect(lines(planRestore(before, now))).toEqual([['apps', ['pm uninstall com.data.ims', 'pm uninstall com.oem.ims', 'pm clear com.oem.ims']]]);
  });

  it('on a stock target: switches the target\'s SIM back on and clears its overrides; turns the rig\'s RRO off and restarts the phone to read it', () => {
    const before = freshState({ sims: [{ slot: 0, present: true, state: 'LOADED', subId: 1, uiccEnabled: true }], rigOverlays: [{ packageName: 'org.imsrig.overlay.t1', state: 'disabled' }] });
    const now = freshState({ sims: [{ slot: 0, present: false, state: 'NOT_READY', subId: 1, uiccEnabled: false }], rigOverlays: [{ packageName: 'org.imsrig.overlay.t1', state: 'enabled' }] });
    expect(lines(planRestore(before, now))).toEqual([
      ['teleservice-overlay', ['adb root', 'cmd overlay disable --user 0 org.imsrig.overlay.t1', 'kill com.android.phone as root (restarted by ActivityManager)']],
      ['sims', ['adb root', 'cmd phone enable-physical-subscription 1', 'cmd phone cc clear-values -s 0']],
    ]);
  });
});
