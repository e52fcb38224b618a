/** The device shell as `adb shell` uses it: quoting, redirections, pipes, exit statuses, errors. */
import { bootedDevice, run } from '../../__tests__/device-harness';
import { type ReferenceDevice } from '../../reference-device';

let device: ReferenceDevice;
beforeAll(async () => { device = await bootedDevice(); });
afterAll(() => device.dispose());

test('exit N and the last command decide the status', async () => {
  expect((await run(device, 'exit 3')).code).toBe(3);
  expect((await run(device, 'true; false')).code).toBe(1);
  expect((await run(device, 'false; true')).code).toBe(0);
  expect((await run(device, 'exit 300')).code).toBe(300 % 256);
});

test('an unknown command is mksh\'s "inaccessible or not found" with status 127', async () => {
  const r = await run(device, 'nosuchcmd --flag');
  expect(r).toEqual({ stdout: '', stderr: '/system/bin/sh: nosuchcmd: inaccessible or not found\n', code: 127 });
});

test('an AOSP shell command returning -1 shows as 255', async () => {
  const r = await run(device, 'cmd package no-such-verb');
  expect(r.stdout).toBe('Unknown command: no-such-verb\n');
  expect(r.code).toBe(255);
});

test('$? after ; , && and || chains', async () => {
  expect((await run(device, 'false; echo $?; true; echo $?')).stdout).toBe('1\n0\n');
  expect((await run(device, 'false && echo no || echo yes')).stdout).toBe('yes\n');
  expect((await run(device, 'true && echo yes || echo no')).stdout).toBe('yes\n');
});

test('quoting: single, double, backslash, empty strings, variables', async () => {
  expect((await run(device, `echo 'a  b' "c  $HOME" d\\ e ""x`)).stdout).toBe('a  b c  / d e x\n');
  expect((await run(device, 'V="1 2"; echo [$V] ["$V"]')).stdout).toBe('[1 2] [1 2]\n');
  expect((await run(device, "printf '%s|' a 'b c'")).stdout).toBe('a|b c|');
});

test('redirections: > >> < 2>/dev/null 2>&1 >/dev/null', async () => {
  const f = '/data/local/tmp/redir.txt';
  await run(device, `echo one > ${f}; echo two >> ${f}`);
  expect((await run(device, `cat < ${f}`)).stdout).toBe('one\ntwo\n');
  expect(await run(device, 'ls /nonexistent 2>/dev/null')).toEqual({ stdout: '', stderr: '', code: 1 });
  expect(await run(device, 'ls /nonexistent 2>&1')).toEqual({ stdout: 'ls: /nonexistent: No such file or directory\n', stderr: '', code: 1 });
  expect(await run(device, 'echo hidden >/dev/null')).toEqual({ stdout: '', stderr: '', code: 0 });
  expect(await run(device, `cat </dev/null`)).toEqual({ stdout: '', stderr: '', code: 0 });
  expect(await run(device, 'cat < /data/local/tmp/missing')).toEqual({ stdout: '', stderr: "/system/bin/sh: can't open /data/local/tmp/missing: No such file or directory\n", code: 1 });
});

test('a redirection to a read-only or forbidden place fails before the command runs', async () => {
  expect(await run(device, 'echo x > /system/x')).toEqual({ stdout: '', stderr: "/system/bin/sh: can't create /system/x: Read-only file system\n", code: 1 });
  expect((await run(device, 'echo x > /data/x')).stderr).toBe("/system/bin/sh: can't create /data/x: Permission denied\n");
});

test('pipes: simple pipelines, the status of the last command, stdin through the pipe', async () => {
  expect((await run(device, 'pm list packages | grep phone')).stdout).toBe('package:com.android.phone\n');
  expect((await run(device, 'echo abc | grep -q zzz')).code).toBe(1);
  expect((await run(device, 'printf "a\\nb\\nc\\n" | tail -n 1')).stdout).toBe('c\n');
  expect((await run(device, 'echo hi | cat | cat')).stdout).toBe('hi\n');
});

test('stdin of the adb stream reaches the command (cat, and a script with no command line)', async () => {
  expect((await run(device, 'cat', { stdin: 'from host\n' })).stdout).toBe('from host\n');
  const script = await run(device, '', { stdin: 'echo first\nexit 5\necho never\n' });
  expect(script).toEqual({ stdout: 'first\n', stderr: '', code: 5 });
});

test('a PTY session reads commands interactively with mksh\'s prompt (the transport does echo and CRLF)', async () => {
  const r = await run(device, '', { stdin: 'echo hi\nexit\n', pty: true });
  expect(r.stdout).toBe('reference:/ $ hi\nreference:/ $ ');
  expect(r.code).toBe(0);
});

test('syntax errors are reported by sh', async () => {
  const r = await run(device, "echo 'unterminated");
  expect(r.stderr).toBe('/system/bin/sh: no closing quote\n');
  expect(r.code).toBe(1);
});

test('command substitution and globbing', async () => {
  expect((await run(device, 'echo sdk=$(getprop ro.build.version.sdk)')).stdout).toBe('sdk=35\n');
  await run(device, 'mkdir -p /data/local/tmp/g && touch /data/local/tmp/g/a.apk /data/local/tmp/g/b.apk /data/local/tmp/g/c.txt');
  expect((await run(device, 'echo /data/local/tmp/g/*.apk')).stdout).toBe('/data/local/tmp/g/a.apk /data/local/tmp/g/b.apk\n');
  expect((await run(device, "echo '/data/local/tmp/g/*.apk'")).stdout).toBe('/data/local/tmp/g/*.apk\n');
  expect((await run(device, 'echo /data/local/tmp/g/*.none')).stdout).toBe('/data/local/tmp/g/*.none\n');
});

test('/system/bin/<tool> paths and sh -c reach the same tools', async () => {
  expect((await run(device, '/system/bin/getprop ro.build.type')).stdout).toBe('userdebug\n');
  expect((await run(device, "sh -c 'exit 7'")).code).toBe(7);
});

test('su (userdebug) runs a command as root', async () => {
  expect((await run(device, 'su 0 id -u')).stdout).toBe('0\n');
  expect((await run(device, 'id -u')).stdout).toBe('2000\n');
});

test('compound commands: if/elif/else, for, while/until, { } groups', async () => {
  expect((await run(device, 'if [ -d /data/local/tmp ]; then echo dir; else echo none; fi')).stdout).toBe('dir\n');
  expect((await run(device, 'if false; then echo a; elif true; then echo b; else echo c; fi')).stdout).toBe('b\n');
  expect((await run(device, 'for p in com.android.phone com.nobody; do pm path $p >/dev/null && echo "$p yes" || echo "$p no"; done')).stdout).toBe('com.android.phone yes\ncom.nobody no\n');
  expect((await run(device, 'i=0; while [ $i != 000 ]; do i=${i}0; echo $i; done')).stdout).toBe('00\n000\n');
  expect((await run(device, 'n=x; until [ "$n" = xxx ]; do n=${n}x; done; echo $n')).stdout).toBe('xxx\n');
  expect((await run(device, '{ echo one; echo two; } > /data/local/tmp/group.txt; cat /data/local/tmp/group.txt')).stdout).toBe('one\ntwo\n');
  expect((await run(device, 'if true; then exit 4; fi; echo not reached')).code).toBe(4);
  expect((await run(device, 'echo then fi done')).stdout).toBe('then fi done\n');
  expect((await run(device, 'if true; then echo x')).stderr).toBe('/system/bin/sh: syntax error: unexpected end of file (expecting "fi")\n');
});
