import { parseServiceName } from '../service-name';

describe('parseServiceName (adbd daemon/services.cpp names)', () => {
  test('shell v2 with TERM and raw, as adb 29 sends for `adb shell echo hi`', () => {
    expect(parseServiceName('shell,v2,TERM=xterm,raw:echo hi\x00')).toEqual({
      kind: 'shell', command: 'echo hi', protocol: 'v2', pty: false, term: 'xterm',
    });
  });

  test('interactive shell: no command and no type gets a PTY; a command gets raw', () => {
    expect(parseServiceName('shell:')).toMatchObject({ kind: 'shell', command: '', protocol: 'v1', pty: true });
    expect(parseServiceName('shell:getprop')).toMatchObject({ kind: 'shell', command: 'getprop', protocol: 'v1', pty: false });
    expect(parseServiceName('shell,v2,TERM=xterm,pty:')).toMatchObject({ protocol: 'v2', pty: true });
  });

  test('a command may contain colons', () => {
    expect(parseServiceName('shell:echo a:b')).toMatchObject({ command: 'echo a:b' });
  });

  test('exec and abb/abb_exec with NUL-separated arguments', () => {
    expect(parseServiceName("exec:cmd package 'install' -S 148")).toEqual({ kind: 'exec', command: "cmd package 'install' -S 148" });
    expect(parseServiceName('abb_exec:package\x00install\x00-S\x00148')).toEqual({
      kind: 'abb', argv: ['package', 'install', '-S', '148'], framed: false,
    });
    expect(parseServiceName('abb:package\x00list\x00packages')).toEqual({ kind: 'abb', argv: ['package', 'list', 'packages'], framed: true });
  });

  test('sync, reboot, root, unroot, remount, tcp', () => {
    expect(parseServiceName('sync:')).toEqual({ kind: 'sync' });
    expect(parseServiceName('reboot:')).toEqual({ kind: 'reboot', target: '' });
    expect(parseServiceName('reboot:bootloader')).toEqual({ kind: 'reboot', target: 'bootloader' });
    expect(parseServiceName('root:')).toEqual({ kind: 'root' });
    expect(parseServiceName('unroot:')).toEqual({ kind: 'unroot' });
    expect(parseServiceName('remount:')).toEqual({ kind: 'remount' });
    expect(parseServiceName('tcp:8080')).toEqual({ kind: 'tcp', port: 8080 });
    expect(parseServiceName('tcp:8080:127.0.0.1')).toEqual({ kind: 'tcp', port: 8080 });
  });

  test('unknown services are refused', () => {
    for (const name of ['foo:bar', 'shell', 'framebuffer:', 'jdwp:123', 'tcp:', 'tcp:notaport', 'sync', '']) {
      expect(parseServiceName(name)).toBeUndefined();
    }
  });
});
