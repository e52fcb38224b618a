/** Boot sequencing, reboots and phone-process restarts, seen from a stand-in phone process. */
import { createReferenceDevice, type ReferenceDevice } from '../reference-device';
import { type Intent, type PhoneProcess, type Platform } from '../platform';
import { abb, run } from './device-harness';
import { IMS_SERVICE, testApk } from '../packages/__tests__/test-apks';

interface Observation {
  readonly startedAt: { unlocked: boolean; bootCompleted: string; services: string[]; pid: string };
  readonly broadcasts: string[];
}

/** A phone process that records what it sees, registers `cmd phone` and a receiver. */
function recordingPhone(): { phone: PhoneProcess; starts: Observation[]; stops: number } {
  const record = { starts: [] as Observation[], stops: 0 };
  const phone: PhoneProcess = {
    start(platform: Platform) {
      const broadcasts: string[] = [];
      record.starts.push({
        startedAt: {
          unlocked: platform.isUserUnlocked(),
          bootCompleted: platform.getProp('sys.boot_completed'),
          services: platform.pm.queryIntentServices('android.telephony.ims.ImsService').map((s) => s.packageName),
          pid: '',
        },
        broadcasts,
      });
      platform.bus.register(['android.intent.action.LOCKED_BOOT_COMPLETED', 'android.intent.action.USER_UNLOCKED', 'android.intent.action.BOOT_COMPLETED'], (i: Intent) => broadcasts.push(i.action.replace('android.intent.action.', '')));
      platform.shell.registerCmdService('phone', (ctx) => { ctx.out.stdout('phone alive\n'); return 0; });
      platform.clock.schedule(60_000, () => broadcasts.push('a timer of a dead process ran'));
      const store = platform.deviceStore;
      store?.set('starts', ((store.get('starts') as number | undefined) ?? 0) + 1);
      return { stop: () => { record.stops++; } };
    },
  };
  return { phone, get starts() { return record.starts; }, get stops() { return record.stops; } };
}

let device: ReferenceDevice | undefined;
afterEach(() => device?.dispose());

test('cold boot: offline, phone process while locked, adbd online before boot completes, then BOOT_COMPLETED and sys.boot_completed=1', async () => {
  const recorder = recordingPhone();
  const d = createReferenceDevice({ timeScale: 0.01, coldBootDurationMs: 3000, phoneProcess: recorder.phone });
  device = d;
  const states: string[] = [];
  d.onStateChange((s) => states.push(`${s} boot_completed=${d.props.get('sys.boot_completed')}`));
  expect(d.state).toBe('offline');
  await d.whenBootCompleted();
  await new Promise((r) => setTimeout(r, 20));
  expect(states).toEqual(['online boot_completed=0']);
  expect(recorder.starts).toHaveLength(1);
  expect(recorder.starts[0]?.startedAt).toMatchObject({ unlocked: false, bootCompleted: '0' });
  expect(recorder.starts[0]?.broadcasts).toEqual(['LOCKED_BOOT_COMPLETED', 'USER_UNLOCKED', 'BOOT_COMPLETED']);
  expect(d.props.get('sys.boot_completed')).toBe('1');
  expect(d.isUserUnlocked).toBe(true);
});

test('direct boot: while the user is locked only direct-boot-aware ImsServices resolve', async () => {
  const recorder = recordingPhone();
  const d = createReferenceDevice({ timeScale: 0.001, phoneProcess: recorder.phone });
  device = d;
  await d.whenBootCompleted();
  for (const [pkg, aware] of [['com.example.aware', 'android:directBootAware="true"'], ['com.example.unaware', '']] as const) {
    const apk = await testApk({ pkg, body: IMS_SERVICE('.ImsService', '', aware) });
    expect((await abb(d, ['package', 'install', '-S', String(apk.length)], apk)).stdout).toBe('Success\n');
  }
  expect(d.packages.queryIntentServices('android.telephony.ims.ImsService').map((s) => s.packageName).sort()).toEqual(['com.example.aware', 'com.example.unaware']);
  d.reboot('');
  await d.whenBootCompleted();
  expect(recorder.starts[1]?.startedAt.services).toEqual(['com.example.aware']);
});

test('reboot: offline then online, the phone process restarts, its timers and receivers die; packages, files, settings, persist.* and the device store survive; root does not', async () => {
  const recorder = recordingPhone();
  const d = createReferenceDevice({ timeScale: 0.001, phoneProcess: recorder.phone });
  device = d;
  await d.whenBootCompleted();
  const apk = await testApk({ pkg: 'com.example.keep' });
  await abb(d, ['package', 'install', '-S', String(apk.length)], apk);
  await run(d, 'echo data > /data/local/tmp/keep.txt; settings put global ims_rig_test 7');
  d.root();
  await run(d, 'setprop persist.radio.multisim.config dsds; setprop debug.ims_rig.volatile 1');
  const states: string[] = [];
  d.onStateChange((s) => states.push(s));
  d.reboot('');
  expect(d.state).toBe('offline');
  expect(recorder.stops).toBe(1);
  await d.whenBootCompleted();
  expect(states).toEqual(['offline', 'online']);
  expect(recorder.starts).toHaveLength(2);
  expect((await run(d, 'pm path com.example.keep')).code).toBe(0);
  expect((await run(d, 'cat /data/local/tmp/keep.txt; settings get global ims_rig_test')).stdout).toBe('data\n7\n');
  expect((await run(d, 'getprop persist.radio.multisim.config; getprop debug.ims_rig.volatile; id -u')).stdout).toBe('dsds\n\n2000\n');
  expect(d.deviceStore.get('starts')).toBe(2);
  expect((await run(d, 'cmd phone')).stdout).toBe('phone alive\n');
  expect(recorder.starts[0]?.broadcasts).not.toContain('a timer of a dead process ran');
});

test('restartPhoneProcess: stop then start with a new pid, logged as ActivityManager logs a dead process', async () => {
  const recorder = recordingPhone();
  const d = createReferenceDevice({ timeScale: 0.001, phoneProcess: recorder.phone });
  device = d;
  await d.whenBootCompleted();
  const firstPid = d.phonePid;
  d.restartPhoneProcess();
  expect(recorder.stops).toBe(1);
  expect(recorder.starts).toHaveLength(2);
  expect(d.phonePid).not.toBe(firstPid);
  expect((await run(d, 'logcat -d -b system -s ActivityManager')).stdout).toContain(`Process com.android.phone (pid ${firstPid ?? 0}) has died`);
});

test('a phone process whose start throws is logged as a crash, and the device stays usable', async () => {
  const d = createReferenceDevice({ timeScale: 0.001, phoneProcess: { start: () => { throw new Error('boom at start'); } } });
  device = d;
  await d.whenBootCompleted();
  expect((await run(d, 'logcat -d -b crash')).stdout).toContain('boom at start');
  expect((await run(d, 'cmd phone')).code).toBe(20);
});

test('an unknown deviation is refused when the device is created (the phone process decides)', () => {
  expect(() => createReferenceDevice({ deviation: 'no-such-deviation' })).toThrow(/deviation/);
});

test('pidof, kill and am crash reach the phone process: killing it as root restarts it (persistent)', async () => {
  const recorder = recordingPhone();
  const d = createReferenceDevice({ timeScale: 0.001, phoneProcess: recorder.phone });
  device = d;
  await d.whenBootCompleted();
  const pid = (await run(d, 'pidof com.android.phone')).stdout.trim();
  expect(pid).toBe(String(d.phonePid));
  expect((await run(d, 'ps -A | grep com.android.phone')).stdout).toContain(` ${pid} `);
  expect(await run(d, `kill ${pid}`)).toMatchObject({ stderr: `kill: pid ${pid}: Operation not permitted\n`, code: 1 });
  expect((await run(d, `su 0 kill ${pid}`)).code).toBe(0);
  expect(recorder.starts).toHaveLength(2);
  expect(String(d.phonePid)).not.toBe(pid);
  await run(d, 'am crash com.android.phone');
  expect(recorder.starts).toHaveLength(3);
});

test('rebooting again while booting: one clean boot, one phone process', async () => {
  const recorder = recordingPhone();
  const d = createReferenceDevice({ timeScale: 0.001, phoneProcess: recorder.phone });
  device = d;
  await d.whenBootCompleted();
  d.reboot('');
  d.reboot('');
  d.reboot('');
  await d.whenBootCompleted();
  await new Promise((r) => setTimeout(r, 20));
  expect(recorder.starts.length - recorder.stops).toBe(1);
  expect(d.state).toBe('online');
  expect((await run(d, 'pm list packages -s')).stdout.split('\n').filter((l) => l !== '')).toHaveLength(10);
});
