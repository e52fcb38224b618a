/** AOSP output formats of the platform's commands: getprop/setprop, ls, id, logcat, settings, am, cmd, dumpsys. */
import { bootedDevice, run } from './device-harness';
import { type Intent } from '../platform';
import { type ReferenceDevice } from '../reference-device';

let device: ReferenceDevice;
beforeAll(async () => { device = await bootedDevice(); });
afterAll(() => device.dispose());

test('getprop: one key prints the value (empty line when unset), no key prints [k]: [v] lines adbkit can parse', async () => {
  expect((await run(device, 'getprop ro.build.version.sdk')).stdout).toBe('35\n');
  expect((await run(device, 'getprop no.such.prop')).stdout).toBe('\n');
  expect((await run(device, 'getprop no.such.prop fallback')).stdout).toBe('fallback\n');
  const all = (await run(device, 'getprop')).stdout;
  const parsed: Record<string, string | undefined> = Object.fromEntries([...all.matchAll(/^\[([\s\S]*?)\]: \[([\s\S]*?)\]\r?$/gm)].map((m): [string, string] => [m[1] ?? '', m[2] ?? '']));
  expect(parsed).toMatchObject({
    'ro.build.version.release': '15',
    'ro.build.type': 'userdebug',
    'ro.debuggable': '1',
    'ro.secure': '1',
    'ro.kernel.qemu': '0',
    'ro.product.manufacturer': 'ims-rig',
    'ro.build.fingerprint': 'ims-rig/reference_phone/reference:15/AP4A.ims-rig/0.1:userdebug/test-keys',
    'sys.boot_completed': '1',
    'ro.telephony.sim_slots.count': '1',
    'persist.radio.multisim.config': 'ssss',
  });
  expect(parsed['ro.boot.qemu']).toBeUndefined();
  const keys = Object.keys(parsed);
  expect(keys).toEqual([...keys].sort());
});

test('banner names are banner-safe (no : ; =)', () => {
  for (const value of Object.values(device.bannerProps())) expect(value).not.toMatch(/[:;=]/);
});

test('setprop: the shell may set debug.* but not ro.* or other properties; root may, but never an ro.* twice', async () => {
  expect(await run(device, 'setprop debug.ims_rig.x 1; getprop debug.ims_rig.x')).toMatchObject({ stdout: '1\n', code: 0 });
  expect(await run(device, 'setprop persist.radio.multisim.config dsds')).toMatchObject({ stderr: "setprop: failed to set property 'persist.radio.multisim.config' to 'dsds'\n", code: 1 });
  expect(await run(device, 'setprop ro.ims_rig.new 1')).toMatchObject({ code: 1 });
  expect(await run(device, 'su 0 setprop ro.ims_rig.new 1')).toMatchObject({ code: 0 });
  expect(await run(device, 'su 0 setprop ro.ims_rig.new 2')).toMatchObject({ code: 1 });
  expect(await run(device, 'setprop onlyone')).toMatchObject({ stderr: 'setprop: Need 2 arguments\n', code: 1 });
});

test('id as shell and as root', async () => {
  expect((await run(device, 'id')).stdout).toMatch(/^uid=2000\(shell\) gid=2000\(shell\) groups=2000\(shell\),1004\(input\),.* context=u:r:shell:s0\n$/);
  expect((await run(device, 'su root id')).stdout).toMatch(/^uid=0\(root\) gid=0\(root\) groups=0\(root\),.* context=u:r:su:s0\n$/);
});

test('ls: names, -l long format, -a, permission denied, missing paths', async () => {
  await run(device, 'mkdir -p /data/local/tmp/ls/sub && echo abc > /data/local/tmp/ls/file.txt');
  expect((await run(device, 'ls /data/local/tmp/ls')).stdout).toBe('file.txt\nsub\n');
  expect((await run(device, 'ls -a /data/local/tmp/ls')).stdout).toBe('.\n..\nfile.txt\nsub\n');
  const long = (await run(device, 'ls -l /data/local/tmp/ls')).stdout.split('\n');
  expect(long[0]).toMatch(/^total \d+$/);
  expect(long[1]).toMatch(/^-rw-rw-rw- 1 shell shell 4 \d{4}-\d\d-\d\d \d\d:\d\d file\.txt$/);
  expect(long[2]).toMatch(/^drwxrwxrwx 2 shell shell 4096 .* sub$/);
  expect((await run(device, 'ls -ld /data/local/tmp')).stdout).toMatch(/^drwxrwx--x \d+ shell shell 4096 .* \/data\/local\/tmp\n$/);
  expect(await run(device, 'ls /data/app')).toEqual({ stdout: '', stderr: 'ls: /data/app: Permission denied\n', code: 1 });
  expect((await run(device, 'ls -l /sdcard')).stdout).toMatch(/^lrwxrwxrwx 1 root root 21 .* \/sdcard -> \/storage\/self\/primary\n$/);
  expect((await run(device, 'su 0 ls /data/app')).code).toBe(0);
});

test('rm, mkdir, cat, touch: toybox messages', async () => {
  expect(await run(device, 'rm /data/local/tmp/nope')).toEqual({ stdout: '', stderr: 'rm: /data/local/tmp/nope: No such file or directory\n', code: 1 });
  expect(await run(device, 'rm -f /data/local/tmp/nope')).toEqual({ stdout: '', stderr: '', code: 0 });
  await run(device, 'mkdir /data/local/tmp/d1');
  expect(await run(device, 'mkdir /data/local/tmp/d1')).toEqual({ stdout: '', stderr: "mkdir: '/data/local/tmp/d1': File exists\n", code: 1 });
  expect((await run(device, 'rm /data/local/tmp/d1')).stderr).toBe('rm: /data/local/tmp/d1: Is a directory\n');
  expect((await run(device, 'rm -r /data/local/tmp/d1; ls /data/local/tmp/d1')).code).toBe(1);
  expect(await run(device, 'cat /data/local/tmp/nope')).toEqual({ stdout: '', stderr: 'cat: /data/local/tmp/nope: No such file or directory\n', code: 1 });
  expect((await run(device, 'mkdir -p /data/local/tmp/a/b/c && ls /data/local/tmp/a/b')).stdout).toBe('c\n');
});

test('logcat: threadtime format, -s TAG filters, TAG:PRIO *:S, -t N, -c, -v brief', async () => {
  await run(device, 'logcat -c -b all');
  await run(device, "log -t ImsRigTest -p i 'hello log'; log -t ImsRigTest -p d 'debug line'; log -t Other -p e 'other tag'");
  const threadtime = (await run(device, 'logcat -d -s ImsRigTest')).stdout.split('\n');
  expect(threadtime[0]).toBe('--------- beginning of main');
  expect(threadtime[1]).toMatch(/^\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} +\d+ +\d+ I ImsRigTest: hello log$/);
  expect(threadtime[2]).toMatch(/ D ImsRigTest: debug line$/);
  expect((await run(device, 'logcat -d ImsRigTest:I *:S')).stdout).not.toContain('debug line');
  expect((await run(device, 'logcat -d -v brief -s Other')).stdout).toMatch(/\nE\/Other +\( *\d+\): other tag\n$/);
  expect((await run(device, 'logcat -d -t 1 -b main')).stdout).toMatch(/other tag\n$/);
  await run(device, 'logcat -c');
  expect((await run(device, 'logcat -d -b main')).stdout).toBe('');
});

test('logcat without -d follows the log until the stream is closed', async () => {
  const chunks: string[] = [];
  const follower = device.runShell('logcat -s Follow', { stdout: (d) => chunks.push(d.toString()), stderr: () => undefined });
  device.log.write('I', 'Follow', 'live line');
  await new Promise((r) => setTimeout(r, 10));
  follower.kill();
  expect(await follower.exit).toBe(0);
  expect(chunks.join('')).toMatch(/I Follow {2}: live line\n$/);
});

test('settings get/put/delete/list', async () => {
  expect((await run(device, 'settings get global adb_enabled')).stdout).toBe('1\n');
  expect((await run(device, 'settings get secure nothing_here')).stdout).toBe('null\n');
  expect(await run(device, 'settings put global ims_rig_key v1')).toEqual({ stdout: '', stderr: '', code: 0 });
  expect((await run(device, 'cmd settings get global ims_rig_key')).stdout).toBe('v1\n');
  expect((await run(device, 'settings list global')).stdout).toContain('ims_rig_key=v1\n');
  expect((await run(device, 'settings delete global ims_rig_key')).stdout).toBe('Deleted 1 rows\n');
  expect((await run(device, 'settings get bogus x')).code).toBe(255);
});

test('am broadcast prints Intent#toShortString and delivers the extras; protected broadcasts need root', async () => {
  const received: Intent[] = [];
  device.bus.register(['com.example.ACTION'], (i) => received.push(i));
  const r = await run(device, 'am broadcast -a com.example.ACTION --es name value --ei count 3 --ez flag true');
  expect(r.stdout).toBe('Broadcasting: Intent { act=com.example.ACTION flg=0x400000 (has extras) }\nBroadcast completed: result=0\n');
  await new Promise((resolve) => setTimeout(resolve, 10));
  expect(received.map((i) => i.extras)).toEqual([{ name: 'value', count: 3, flag: true }]);
  expect((await run(device, 'am broadcast -a com.example.ACTION')).stdout).toBe('Broadcasting: Intent { act=com.example.ACTION flg=0x400000 }\nBroadcast completed: result=0\n');
  const denied = await run(device, 'am broadcast -a android.intent.action.BOOT_COMPLETED');
  expect(denied.code).toBe(255);
  expect(denied.stderr).toContain('java.lang.SecurityException: Permission Denial: not allowed to send broadcast android.intent.action.BOOT_COMPLETED from pid=');
});

test('am force-stop announces PACKAGE_RESTARTED (the app process dies)', async () => {
  const received: Intent[] = [];
  device.bus.register(['android.intent.action.PACKAGE_RESTARTED'], (i) => received.push(i));
  expect(await run(device, 'am force-stop com.android.messaging')).toEqual({ stdout: '', stderr: '', code: 0 });
  // The broadcast is delivered asynchronously: wait for it (a fixed 10 ms missed it on a loaded machine).
  for (let i = 0; i < 200 && received.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(received.map((i) => i.data)).toEqual(['package:com.android.messaging']);
});

test('cmd and dumpsys find services by name', async () => {
  expect(await run(device, 'cmd')).toMatchObject({ code: 20 });
  expect(await run(device, 'cmd nosuchservice x')).toEqual({ stdout: '', stderr: "cmd: Can't find service: nosuchservice\n", code: 20 });
  expect((await run(device, 'cmd -l')).stdout).toContain('  package\n');
  expect((await run(device, 'dumpsys -l')).stdout).toContain('  package\n');
  expect(await run(device, 'dumpsys nosuchservice')).toEqual({ stdout: '', stderr: "Can't find service: nosuchservice\n", code: 0 });
  expect((await run(device, 'cmd package has-feature android.hardware.telephony.ims')).stdout).toBe('true\n');
  expect((await run(device, 'cmd package has-feature android.hardware.nfc')).code).toBe(1);
});

test('sleep uses the device clock', async () => {
  const before = device.clock.elapsedMs();
  expect((await run(device, 'sleep 2')).code).toBe(0);
  expect(device.clock.elapsedMs() - before).toBeGreaterThanOrEqual(2000);
});
