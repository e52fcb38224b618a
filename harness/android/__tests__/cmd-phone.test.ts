import { UnsafeValueError } from '../../errors';
import { parsePackageName } from '../../model';
import {
  ccClearValuesCommand, ccGetValueCommand, ccSetValueCommand, ccSetValuesFromXmlCommand, parseCcGetValue, parseCcLine, parseCcSetValue, parseCcUpdate,
} from '../cmd-phone-cc';
import {
  clearImsServiceOverrideCommand, getImsServiceCommand, parseBooleanReply, parseGetImsServiceReply, parseSilentReply, setImsEnabledCommand, setImsServiceCommand,
} from '../cmd-phone-ims';
import { expectOk } from '../cmd-outcome';

const out = (stdout: string, stderr = '', exitCode = 0): { stdout: string; stderr: string; exitCode: number; command: string } => ({ stdout, stderr, exitCode, command: 'cmd phone …' });
const carrierA = parsePackageName('com.carrier.a.ims');

describe('cmd phone ims argv (the CTS forms, cts-and-reports.md §1.4)', () => {
  it('set-ims-service', () => {
    expect(setImsServiceCommand({ slot: 0, scope: 'carrier', features: ['EMERGENCY_MMTEL', 'MMTEL', 'RCS'], package: carrierA }).line)
      .toBe('cmd phone ims set-ims-service -s 0 -c -f 0,1,2 com.carrier.a.ims');
    expect(setImsServiceCommand({ slot: 1, scope: 'device', features: ['MMTEL', 'RCS'], package: '' }).line)
      .toBe('cmd phone ims set-ims-service -s 1 -d -f 1,2');
    expect(setImsServiceCommand({ scope: 'carrier', features: [], package: parsePackageName('none', 'p', { requireSeparator: false }) }).line)
      .toBe('cmd phone ims set-ims-service -c none');
    expect(setImsServiceCommand({ slot: 0, user: 10, scope: 'carrier', features: ['RCS'], package: carrierA }).line)
      .toBe('cmd phone ims set-ims-service -s 0 -u 10 -c -f 2 com.carrier.a.ims');
  });

  it('get / clear / enable / disable', () => {
    expect(getImsServiceCommand({ slot: 0, scope: 'device', feature: 'MMTEL' }).line).toBe('cmd phone ims get-ims-service -s 0 -d -f 1');
    expect(getImsServiceCommand({ scope: 'carrier' }).line).toBe('cmd phone ims get-ims-service -c');
    expect(clearImsServiceOverrideCommand({ slot: 1 }).line).toBe('cmd phone ims clear-ims-service-override -s 1');
    expect(setImsEnabledCommand(false, { slot: 0 }).line).toBe('cmd phone ims disable -s 0');
  });

  it('never lets an unvalidated package through', () => {
    expect(() => setImsServiceCommand({ scope: 'carrier', features: ['MMTEL'], package: 'a;reboot' as never })).toThrow(UnsafeValueError);
    expect(() => setImsServiceCommand({ slot: -1, scope: 'carrier', features: ['MMTEL'], package: carrierA })).toThrow(UnsafeValueError);
  });
});

describe('cmd phone ims replies', () => {
  it('true / false', () => {
    expect(parseBooleanReply(out('true\n'))).toEqual({ ok: true, value: true });
    expect(parseBooleanReply(out('false\n'))).toEqual({ ok: true, value: false });
  });

  it('errors on stderr with rc 255', () => {
    expect(parseBooleanReply(out('', 'ims set-ims-service requires either "-c" or "-d" to be set.\n', 255)))
      .toEqual({ ok: false, kind: 'error', message: 'ims set-ims-service requires either "-c" or "-d" to be set.' });
    // shell v1 merges stderr into stdout; the exit status still tells
    expect(parseBooleanReply(out('ims set-ims-service -f 5 is an invalid feature.\n', '', 255))).toMatchObject({ ok: false, kind: 'error' });
    expect(parseBooleanReply(out('', "cmd: Can't find service: phone\n", 20))).toMatchObject({ ok: false, kind: 'no-service' });
    expect(parseBooleanReply(out('', 'Exception: java.lang.SecurityException: setBoundImsServiceOverride: Only shell user can call it\n', 255))).toMatchObject({ ok: false, kind: 'permission' });
    expect(parseBooleanReply(out('maybe\n'))).toMatchObject({ ok: false, kind: 'unexpected' });
  });

  it('get-ims-service: package, empty line (none), null (handler timeout)', () => {
    expect(parseGetImsServiceReply(out('com.oem.ims\n'))).toEqual({ ok: true, value: 'com.oem.ims' });
    expect(parseGetImsServiceReply(out('\n'))).toEqual({ ok: true, value: null });
    expect(parseGetImsServiceReply(out('null\n'))).toMatchObject({ ok: false, kind: 'timeout' });
  });

  it('enable prints nothing', () => {
    expect(parseSilentReply(out(''))).toEqual({ ok: true, value: undefined });
    expect(parseSilentReply(out('', 'ims enable requires an integer as a SLOT_ID.\n', 255))).toMatchObject({ ok: false });
  });

  it('expectOk throws CommandFailedError naming the command', () => {
    expect(() => expectOk(parseBooleanReply(out('', 'boom', 255)), out('', 'boom', 255))).toThrow(/cmd phone …: boom/);
  });
});

describe('cmd phone cc', () => {
  const pad = (key: string, type: string, value: string): string => `${key.padEnd(70)} ${type.padEnd(15)} ${value}`;

  it('builds get-value, set-value, set-values-from-xml and clear-values', () => {
    expect(ccGetValueCommand({ slot: 0, key: 'config_ims_mmtel_package_override_string' }).line).toBe('cmd phone cc get-value -s 0 config_ims_mmtel_package_override_string');
    expect(ccSetValueCommand({ slot: 0, key: 'config_ims_rcs_package_override_string', value: carrierA }).line).toBe('cmd phone cc set-value -s 0 config_ims_rcs_package_override_string com.carrier.a.ims');
    expect(ccSetValueCommand({ key: 'config_ims_rcs_package_override_string', value: null, persistent: true }).line).toBe('cmd phone cc set-value -p config_ims_rcs_package_override_string');
    expect(ccSetValueCommand({ key: 'carrier_volte_available_bool', value: true }).line).toBe('cmd phone cc set-value carrier_volte_available_bool true');
    expect(ccSetValuesFromXmlCommand({ slot: 1, deviceFile: '/data/local/tmp/ims-rig/carrier-b.xml' }).line).toBe('cmd phone cc set-values-from-xml -s 1 < /data/local/tmp/ims-rig/carrier-b.xml');
    expect(ccClearValuesCommand({ slot: 0 }).line).toBe('cmd phone cc clear-values -s 0');
    expect(() => ccSetValueCommand({ key: 'k', value: 'com.x"; reboot; "' as never })).toThrow(UnsafeValueError);
  });

  it('reads %-70s %-15s %s lines', () => {
    expect(parseCcLine(pad('config_ims_mmtel_package_override_string', 'STRING', 'null'))).toEqual({ key: 'config_ims_mmtel_package_override_string', type: 'STRING', raw: 'null', value: null });
    expect(parseCcLine(pad('config_ims_rcs_package_override_string', 'STRING', '"com.carrier.a.ims"'))?.value).toBe('com.carrier.a.ims');
    expect(parseCcLine(pad('carrier_volte_available_bool', 'BOOLEAN', 'true'))?.value).toBe(true);
    expect(parseCcLine(pad('ims_sip_timer_t1_millis_int', 'INT', '2000'))?.value).toBe(2000);
    expect(parseCcLine(pad('carrier_certificate_string_array', 'STRING_ARRAY', '[a b]'))?.value).toEqual(['a', 'b']);
    const longKey = 'a_carrier_config_key_that_is_longer_than_the_seventy_columns_of_the_format_string';
    expect(parseCcLine(`${longKey} INT             3`)).toMatchObject({ key: longKey, type: 'INT', value: 3 });
  });

  it('parses get-value, set-value and the permission gate', () => {
    const text = `${pad('config_ims_mmtel_package_override_string', 'STRING', 'null')}\n${pad('config_ims_package_override_string', 'STRING', '"com.legacy.ims"')}\n`;
    expect(parseCcGetValue(out(text))).toMatchObject({ ok: true, value: [{ value: null }, { value: 'com.legacy.ims' }] });
    expect(parseCcGetValue(out('', 'cc: Permission denied.\n', 255))).toEqual({ ok: false, kind: 'permission', message: 'cc: Permission denied.' });
    const set = `Previous value: \n${pad('config_ims_rcs_package_override_string', 'STRING', 'null')}\nNew value: \n${pad('config_ims_rcs_package_override_string', 'STRING', '"com.carrier.a.ims"')}\n`;
    expect(parseCcSetValue(out(set))).toMatchObject({ ok: true, value: { previous: { value: null }, current: { value: 'com.carrier.a.ims' } } });
    expect(parseCcUpdate(out('All previously set carrier config override values has been cleared\n'))).toEqual({ ok: true, value: 'All previously set carrier config override values has been cleared' });
    expect(parseCcUpdate(out('', 'cc set-value: No valid subscription found.\n', 255))).toMatchObject({ ok: false, kind: 'error' });
  });
});
