import * as fs from 'node:fs';
import * as path from 'node:path';
import { shellCommand } from '../../adb';
import { type Capability } from '../../model';
import { FIXTURES_DIR } from '../../paths';
import { settleAndObserve } from '../settle';
import { createSession } from '../target-session';
import { FakeDevice } from './fake-device';

const dump15 = fs.readFileSync(path.join(FIXTURES_DIR, 'captured', 'dumpsys-phone', 'android-15.txt'), 'utf8');
/** The same dump while the carrier controller is still binding. */
const binding = dump15.replace(/(com\.carrier\.a\.ims\/com\.carrier\.a\.ims\.ImsService\}, features=\[\{s=0, f=RCS\}\], )isBinding=false, isBound=true/, '$1isBinding=true, isBound=false');
const expected = { 0: { EMERGENCY_MMTEL: 'com.oem.ims', MMTEL: 'com.oem.ims', RCS: 'com.carrier.a.ims' } };
const info = { serial: 'fake-1', kind: 'virtual' as const, fingerprint: '', sdk: 35, buildType: 'userdebug' };
const session = (device: FakeDevice, caps: Capability[]) => createSession(device, info, caps);

describe('settling without sleeps', () => {
  it('on the reference device: wait-idle and one read in ONE round trip when it shows the expectation', async () => {
    const device = new FakeDevice().on('ims-rig-device wait-idle', 'idle\n').on('dumpsys phone', dump15);
    const obs = await settleAndObserve(session(device, ['fault-injection']), { slotCount: 1, expected });
    const [trip, ...parts] = device.sent;
    expect(trip).toMatch(/^ims-rig-device wait-idle --timeout-ms 5000 --fast-forward-ms 70000; echo "IMS_RIG_READ_[0-9a-f]+:\$\?"; dumpsys phone; echo /);
    expect(parts).toEqual(['ims-rig-device wait-idle --timeout-ms 5000 --fast-forward-ms 70000', 'dumpsys phone']);
    expect(obs.settled).toBe(true);
    expect(obs.dump.found && obs.dump.observed).toEqual(expected);
  });

  it('reads the command alongside (logcat) in the same round trip, and the target state when asked', async () => {
    const device = new FakeDevice().on('ims-rig-device wait-idle', 'idle\n').on('dumpsys phone', dump15).on('logcat', 'LOGCAT\n')
      .on('ims-rig-device sim list', 'slot=0 state=ABSENT\n');
    const obs = await settleAndObserve(session(device, ['fault-injection', 'sim-control']), { slotCount: 1, expected, alongside: shellCommand('logcat', '-d'), withState: { slotCount: 1 } });
    expect(device.sent.filter((l) => l.includes('; echo '))).toHaveLength(1);
    expect(obs.alongside).toBe('LOGCAT\n');
    expect(obs.state?.slotCount).toBe(1);
  });

  it('keeps reading while a controller is still binding, until two reads agree', async () => {
    const device = new FakeDevice().on('ims-rig-device wait-idle', 'idle\n').on('dumpsys phone', binding, dump15, dump15);
    const obs = await settleAndObserve(session(device, ['fault-injection']), { slotCount: 1, expected: { 0: { ...expected[0], RCS: null } } });
    expect(obs.reads).toBe(3);
    expect(obs.dump.found && obs.dump.observed).toEqual(expected);
  });

  it('reports a device that never becomes idle (a service rebinding forever) and still observes', async () => {
    const device = new FakeDevice().on('ims-rig-device wait-idle', { stdout: 'busy:rebind com.x (ImsServiceControllerHandler, in 40 ms)\n', exitCode: 1 }).on('dumpsys phone', dump15);
    const obs = await settleAndObserve(session(device, ['fault-injection']), { slotCount: 1 });
    expect(obs.busy).toBe('rebind com.x (ImsServiceControllerHandler, in 40 ms)');
    expect(obs.reads).toBe(2);
  });

  it('on other targets: the table must hold still for longer than a rebind; the deadline bounds the wait', async () => {
    const device = new FakeDevice().on('dumpsys phone', binding);
    const obs = await settleAndObserve(session(device, ['shell-override']), { slotCount: 1, timeoutMs: 300 });
    expect(device.sent.every((l) => l === 'dumpsys phone')).toBe(true);
    expect(obs.settled).toBe(false);
    expect(obs.dump.found && obs.dump.pending).toBe(true);
  });
});
