import { type Capability } from '../../model';
import { shellCommand } from '../../adb';
import { captureDeviceState, captureWith, fingerprintDiff, formatDeviceState } from '../device-state';
import { parseOverlayPrint, parseSimList, parseSimStateProp, readSlotCount } from '../stimulus-output';
import { createSession } from '../target-session';
import { FakeDevice } from './fake-device';
import { freshState, referenceLike } from './state-fixture';

describe('ims-rig-device state output', () => {
  it('sim list: one line per slot; LOADING counts as present', () => {
    expect(parseSimList('slot=0 state=READY subId=1 iccid=8901260000000000001 carrier=/data/local/tmp/ims-rig/sim0-a.xml\nslot=1 state=ABSENT subId=-1 iccid=- carrier=-\n')).toEqual([
      { slot: 0, present: true, state: 'READY', subId: 1, iccid: '8901260000000000001', file: '/data/local/tmp/ims-rig/sim0-a.xml' },
      { slot: 1, present: false, state: 'ABSENT' },
    ]);
    expect(parseSimList('slot=0 state=LOADING subId=-1 iccid=89 carrier=/x.xml')[0]?.present).toBe(true);
  });

  it('overlay: mmtel= and rcs= lines, empty when unset', () => {
    expect(parseOverlayPrint('mmtel=com.oem.ims\nrcs=\n')).toEqual({ mmtel: 'com.oem.ims', rcs: '' });
  });

  it('SIM state and slot count of a target without SIM control', () => {
    expect(parseSimStateProp('ABSENT,READY\n', 2).map((s) => s.present)).toEqual([false, true]);
    expect(readSlotCount('dsds\n')).toBe(2);
    expect(readSlotCount('ssss')).toBe(1);
    expect(readSlotCount('')).toBe(1);
  });
});

describe('the state fingerprint', () => {
  it('is canonical: the same state in any order gives the same text', () => {
    const a = freshState();
    const b = freshState({ packages: [...a.packages].reverse(), imsServices: [...a.imsServices].reverse(), roles: { 'android.app.role.DIALER': [], 'android.app.role.SMS': ['com.android.messaging'] } });
    expect(formatDeviceState(b)).toBe(formatDeviceState(a));
    expect(formatDeviceState(a)).toContain('ims device slot=0 MMTEL=-\n');
  });

  it('a difference is a readable line pair', () => {
    const before = formatDeviceState(freshState());
    const after = formatDeviceState(freshState({ packages: ['com.android.phone', 'com.android.shell', 'com.oem.ims'] }));
    expect(fingerprintDiff(before, after)).toEqual(['+ package com.oem.ims']);
    expect(fingerprintDiff(before, before)).toEqual([]);
  });

  it('is read from the target with the commands the reference device answers', async () => {
    const device = new FakeDevice()
      .on('ims-rig-device sim list', 'slot=0 state=ABSENT subId=-1 iccid=- carrier=-\n')
      .on('ims-rig-device overlay', 'mmtel=\nrcs=\n')
      .on('cmd phone ims get-ims-service', '\n')
      .on('pm list packages', 'package:com.android.shell\npackage:com.android.phone\n')
      .on('ls -1 /system/priv-app', 'TeleService\n')
      .on('cmd role get-role-holders android.app.role.SMS', 'com.android.messaging\n');
    const caps: Capability[] = ['sim-control', 'device-overlay', 'shell-override'];
    const state = await captureDeviceState(createSession(device, { serial: 'fake-1', kind: 'virtual', fingerprint: '', sdk: 35, buildType: 'userdebug' }, caps, { stimulusTool: true, slotCount: 1, declaredFeatures: [] }));
    expect(formatDeviceState(state)).toBe(formatDeviceState(freshState({ carrierConfig: [] })));
  });

  it('on a stock target the SIM comes from dumpsys isub, switched off or not, and the rig\'s overlays from cmd overlay', async () => {
    const off = '[SubscriptionInfoInternal: id=1 iccId=89014103211118510720 simSlotIndex=-1 portIndex=-1 isEmbedded=0 areUiccApplicationsEnabled=0 usageSetting=DEFAULT]';
    const device = new FakeDevice()
      .on('getprop gsm.sim.state', 'NOT_READY\n')
      .on('dumpsys isub', `SubscriptionManagerService:\nLogical SIM slot sub id mapping:\nmSimState[0]=NOT_READY\n\nAll subscriptions:\n  ${off}\n`)
      .on('cmd overlay list com.android.phone', 'com.android.phone\n[x] org.imsrig.overlay.t0123456789\n[ ] com.vendor.overlay\n')
      .on('pm list packages', 'package:/system/priv-app/TeleService/TeleService.apk=com.android.phone\npackage:/data/app/~~x/com.oem.ims-1/base.apk=com.oem.ims\n');
    const state = await captureDeviceState(createSession(device, { serial: 'emulator-5554', kind: 'emulator', fingerprint: '', sdk: 35, buildType: 'userdebug' }, ['shell-override']));
    expect(state.sims).toEqual([{ slot: 0, present: false, state: 'NOT_READY', subId: 1, uiccEnabled: false }]);
    expect(state.rigOverlays).toEqual([{ packageName: 'org.imsrig.overlay.t0123456789', state: 'enabled' }]);
    const text = formatDeviceState(state);
    expect(text).toContain('sim 0 switched-off sub=1\n');
    expect(text).toContain('rro org.imsrig.overlay.t0123456789 enabled\n');
    expect(text).toContain('package com.oem.ims data\n');
  });

  it('in one round trip when the slot count is guessed right, with the commands asked for before and after; a wrong guess costs one more', async () => {
    const device = referenceLike();
    const caps: Capability[] = ['sim-control', 'device-overlay', 'shell-override'];
    const routes = { stimulusTool: true, slotCount: 1, declaredFeatures: [] };
    const session = createSession(device, { serial: 'fake-1', kind: 'virtual', fingerprint: '', sdk: 35, buildType: 'userdebug' }, caps, routes);
    const capture = await captureWith(session, { slotCount: 1, before: [shellCommand('ims-rig-device', 'wait-idle')], after: [shellCommand('logcat', '-d')] });
    expect(roundTrips(device)).toBe(1);
    expect(capture.before.map((o) => o.stdout)).toEqual(['idle\n']);
    expect(capture.after.map((o) => o.stdout)).toEqual(['LOG\n']);
    expect(formatDeviceState(capture.state)).toBe(formatDeviceState(freshState({ carrierConfig: [] })));
    // Guessed two slots, has one: still one round trip; the answers for slot 1 are dropped (only a failed restore guesses too high).
    device.sent.length = 0;
    const high = await captureWith(session, { slotCount: 2 });
    expect(roundTrips(device)).toBe(1);
    expect(high.state.imsServices.filter((e) => e.slot === 1)).toEqual([]);
    device.sent.length = 0;
    const wrong = referenceLike('slot=0 state=ABSENT subId=-1 iccid=- carrier=-\nslot=1 state=ABSENT subId=-1 iccid=- carrier=-\n');
    const state = await captureDeviceState(createSession(wrong, session.info, caps, routes), { slotCount: 1 });
    expect(roundTrips(wrong)).toBe(2);
    expect(state.slotCount).toBe(2);
    expect(state.imsServices.filter((e) => e.scope === 'carrier' && e.slot === 1)).toHaveLength(3);
  });
});

/** Round trips a FakeDevice was sent (a sequence is one, its parts are listed after it). */
function roundTrips(device: FakeDevice): number {
  return device.sent.filter((l) => l.includes('; echo "IMS_RIG_STATE:$?"') || !device.sent.some((m) => m !== l && m.includes(l) && m.includes('; echo '))).length;
}
