import { UnsafeValueError, EXIT_BAD_INPUT } from '../../errors';
import { parsePackageName } from '../../model';
import {
  ccKey, devicePath, int, isSafeDevicePath, isShellCommand, lit, name, pkg, pkgOrEmpty, prop, quoteArg, shellCommand,
  withExitStatusEcho, withStdinFrom, commandSequence, splitSequenceOutput,
} from '../shell-command';

describe('shellCommand', () => {
  it('builds the cmd phone line CTS uses, unquoted where every character is shell-safe', () => {
    const command = shellCommand('cmd', 'phone', 'ims', 'set-ims-service', '-s', int(0, 0, 1), '-c', '-f', lit('0,1,2'), pkg(parsePackageName('com.carrier.a.ims')));
    expect(command.line).toBe('cmd phone ims set-ims-service -s 0 -c -f 0,1,2 com.carrier.a.ims');
    expect(command.argv).toEqual(['cmd', 'phone', 'ims', 'set-ims-service', '-s', '0', '-c', '-f', '0,1,2', 'com.carrier.a.ims']);
    expect(isShellCommand(command)).toBe(true);
  });

  it('quotes the empty package once, in single quotes', () => {
    expect(shellCommand('ims-rig-device', 'overlay', '--mmtel', pkgOrEmpty('')).line).toBe("ims-rig-device overlay --mmtel ''");
  });

  it.each([
    ['a;reboot', () => pkg('a;reboot')],
    ['$(reboot)', () => pkg('$(reboot)')],
    ['com.x && reboot', () => pkg('com.x && reboot')],
    ['literal with a space', () => lit('two words')],
    ['literal with a backtick', () => lit('`id`')],
    ['literal with a redirect', () => lit('>/data/x')],
    ['key with a semicolon', () => ccKey('config_ims_mmtel_package_override_string;reboot')],
    ['property with a quote', () => prop("sys.boot_completed'")],
    ['tag with a glob', () => name('*')],
    ['path outside the roots', () => devicePath('/etc/passwd')],
    ['path with ..', () => devicePath('/data/local/tmp/../../system/bin/sh')],
    ['path with a space', () => devicePath('/data/local/tmp/a b.xml')],
    ['non-integer slot', () => int(0.5, 0, 1)],
    ['slot out of range', () => int(2, 0, 1)],
    ['plain string passed as a literal', () => shellCommand('pm', 'uninstall', 'a;reboot')],
  ])('rejects %s with UnsafeValueError (exit 2)', (_what, build) => {
    let error: unknown;
    try {
      build();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UnsafeValueError);
    expect((error as UnsafeValueError).exitCode).toBe(EXIT_BAD_INPUT);
  });

  it('accepts the validated argument types', () => {
    expect(ccKey('config_ims_rcs_package_override_string').value).toBe('config_ims_rcs_package_override_string');
    expect(prop('ro.build.version.sdk').value).toBe('ro.build.version.sdk');
    expect(name('ImsResolver').value).toBe('ImsResolver');
    expect(pkg('none').value).toBe('none'); // CTS clears the carrier service with the package `none`
    expect(devicePath('/data/local/tmp/ims-rig/carrier-a.xml').value).toBe('/data/local/tmp/ims-rig/carrier-a.xml');
    expect(devicePath('/system/priv-app/OemIms/OemIms.apk').value).toBe('/system/priv-app/OemIms/OemIms.apk');
  });

  it('feeds stdin from a device file with a redirect after the quoted argv', () => {
    const command = withStdinFrom(shellCommand('cmd', 'phone', 'cc', 'set-values-from-xml', '-s', int(0)), '/data/local/tmp/x.xml');
    expect(command.line).toBe('cmd phone cc set-values-from-xml -s 0 < /data/local/tmp/x.xml');
    expect(command.stdinFile).toBe('/data/local/tmp/x.xml');
    expect(() => withStdinFrom(command, '/data/local/tmp/x.xml; reboot')).toThrow(UnsafeValueError);
  });

  it('appends the v1 exit-status echo only with an alphanumeric marker', () => {
    const command = shellCommand('id', '-u');
    expect(withExitStatusEcho(command, 'IMSRIG_EXIT_ab12_')).toBe('id -u; echo "IMSRIG_EXIT_ab12_$?"');
    expect(() => withExitStatusEcho(command, 'x"; reboot; "')).toThrow(UnsafeValueError);
  });

  it('quoteArg single-quotes anything outside the safe alphabet and escapes embedded quotes', () => {
    expect(quoteArg('com.x')).toBe('com.x');
    expect(quoteArg('')).toBe("''");
    expect(quoteArg("it's")).toBe("'it'\\''s'");
  });

  it('isSafeDevicePath knows its roots', () => {
    expect(isSafeDevicePath('/data/local/tmp')).toBe(true);
    expect(isSafeDevicePath('/data/local/tmpx/a')).toBe(false);
    expect(isSafeDevicePath('/data/local/tmp//a')).toBe(false);
  });
});

describe('commandSequence (several read-only queries in one round trip)', () => {
  it('joins the quoted lines, each followed by an echo of its status, and splits the output back', () => {
    const seq = commandSequence([shellCommand('getprop', prop('ro.build.type')), shellCommand('pm', 'list', 'packages')], 'M1');
    expect(seq.line).toBe('getprop ro.build.type; echo "M1:$?"; pm list packages; echo "M1:$?"');
    expect(splitSequenceOutput('userdebug\nM1:0\npackage:a.b\npackage:c.d\nM1:1\n', 'M1', 2)).toEqual([
      { stdout: 'userdebug\n', exitCode: 0 },
      { stdout: 'package:a.b\npackage:c.d\n', exitCode: 1 },
    ]);
  });

  it('an output without a final newline still ends where its status does', () => {
    expect(splitSequenceOutput('trueM1:0\nM1:0\nlast\r\nM1:255', 'M1', 3)).toEqual([
      { stdout: 'true', exitCode: 0 }, { stdout: '', exitCode: 0 }, { stdout: 'last\r\n', exitCode: 255 },
    ]);
    expect(splitSequenceOutput('M1:x M1:3\n', 'M1', 1)).toEqual([{ stdout: 'M1:x ', exitCode: 3 }]);
  });

  it('a cut-off output leaves the missing parts without a status', () => {
    expect(splitSequenceOutput('x\nM1:0\npartial', 'M1', 3)).toEqual([{ stdout: 'x\n', exitCode: 0 }, { stdout: 'partial', exitCode: null }, { stdout: '', exitCode: null }]);
  });

  it('refuses an unsafe marker', () => {
    expect(() => commandSequence([shellCommand('true')], 'a;b')).toThrow(UnsafeValueError);
  });
});
