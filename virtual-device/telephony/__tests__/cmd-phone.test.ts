/**
 * `cmd phone ims …` and `cmd phone cc …` as TelephonyShellCommand answers them (reference §3),
 * including their parsing quirks, exit codes through sh (-1 => 255) and the permission model.
 */
import { type ReferenceDevice } from '../../android/reference-device';
import { bootDevice, bound, dump, MMTEL_KEY, OEM_ALL, RCS_KEY, setUp, settle, sh } from './reference-phone';

jest.setTimeout(30000);

let device: ReferenceDevice;
afterEach(() => device?.dispose());

const OEM_OVERLAY = { mmtel: 'com.oem.ims', rcs: 'com.oem.ims' };
const APPS = { 'com.oem.ims': OEM_ALL, 'com.carrier.a.ims': { answers: '0=RCS' }, 'com.carrier.b.ims': { answers: '0=EMERGENCY_MMTEL,MMTEL,RCS' } };

describe('cmd phone ims', () => {
  beforeEach(async () => {
    device = await bootDevice();
    await setUp(device, { overlay: OEM_OVERLAY, apps: APPS, sims: { 0: { [RCS_KEY]: 'com.carrier.a.ims' } } });
  });

  it('get-ims-service prints the configured package (carrier or device), an empty line when there is none', async () => {
    expect(await sh(device, 'cmd phone ims get-ims-service -s 0 -d -f 1')).toEqual({ stdout: 'com.oem.ims\n', stderr: '', code: 0 });
    expect((await sh(device, 'cmd phone ims get-ims-service -s 0 -c -f 2')).stdout).toBe('com.carrier.a.ims\n');
    expect((await sh(device, 'cmd phone ims get-ims-service -s 0 -c')).stdout).toBe('\n');
    // A slot the device does not have: "" (getImsServiceConfiguration's invalid-slot answer).
    expect((await sh(device, 'cmd phone ims get-ims-service -s 1 -d')).stdout).toBe('\n');
  });

  it('set-ims-service -c overrides the listed features and wipes the other carrier features until the next carrier-config change', async () => {
    expect(await sh(device, 'cmd phone ims set-ims-service -s 0 -c -f 0,1 com.carrier.b.ims')).toEqual({ stdout: 'true\n', stderr: '', code: 0 });
    const d = await dump(device);
    expect(d.carrier).toEqual({ '0,EMERGENCY_MMTEL': 'com.carrier.b.ims', '0,MMTEL': 'com.carrier.b.ims', '0,RCS': 'none' });
    expect(d.eventLog).toContain('overriding carrier ImsService to com.carrier.b.ims on slot 0 for feature MMTEL');
    expect(await bound(device)).toEqual({ '0,EMERGENCY_MMTEL': ['com.carrier.b.ims'], '0,MMTEL': ['com.carrier.b.ims'], '0,RCS': ['com.oem.ims'] });
    // A carrier-config change brings the SIM's RCS package back; the override survives it.
    device.root();
    await sh(device, "cmd phone cc set-value -s 0 carrier_name_string 'X'");
    await settle(device);
    expect((await dump(device)).carrier).toEqual({ '0,EMERGENCY_MMTEL': 'com.carrier.b.ims', '0,MMTEL': 'com.carrier.b.ims', '0,RCS': 'com.carrier.a.ims' });
    // clear-ims-service-override re-reads the carrier config.
    expect((await sh(device, 'cmd phone ims clear-ims-service-override -s 0')).stdout).toBe('true\n');
    expect((await dump(device)).carrier).toEqual({ '0,EMERGENCY_MMTEL': 'none', '0,MMTEL': 'none', '0,RCS': 'com.carrier.a.ims' });
  });

  it('set-ims-service without -f passes no features: -c only wipes the slot\'s carrier config (prints true)', async () => {
    expect((await sh(device, 'cmd phone ims set-ims-service -s 0 -c com.carrier.b.ims')).stdout).toBe('true\n');
    expect((await dump(device)).carrier['0,RCS']).toBe('none');
    expect(await bound(device)).toEqual({ '0,EMERGENCY_MMTEL': ['com.oem.ims'], '0,MMTEL': ['com.oem.ims'], '0,RCS': ['com.oem.ims'] });
  });

  it('set-ims-service -d changes the device default, which clear-ims-service-override does not undo; overrides die with the phone process', async () => {
    expect((await sh(device, 'cmd phone ims set-ims-service -s 0 -d -f 1 com.carrier.b.ims')).stdout).toBe('true\n');
    await settle(device);
    expect((await dump(device)).device).toEqual({ EMERGENCY_MMTEL: 'com.oem.ims', MMTEL: 'com.carrier.b.ims', RCS: 'com.oem.ims' });
    await sh(device, 'cmd phone ims clear-ims-service-override -s 0');
    expect((await dump(device)).device.MMTEL).toBe('com.carrier.b.ims');
    await sh(device, 'ims-rig-device phone restart');
    expect((await dump(device)).device.MMTEL).toBe('com.oem.ims');
  });

  it('reports parse errors like AOSP (rc -1, 255 through sh), including the copy-pasted SLOT_ID message', async () => {
    expect(await sh(device, 'cmd phone ims set-ims-service -s 0 com.x')).toEqual({ stdout: '', stderr: 'ims set-ims-service requires either "-c" or "-d" to be set.\n', code: 255 });
    expect((await sh(device, 'cmd phone ims set-ims-service -s 0 -c -f 3 com.x')).stderr).toBe('ims set-ims-service -f 3 is an invalid feature.\n');
    expect((await sh(device, 'cmd phone ims set-ims-service -s 0 -c -f 1,x com.x')).stderr).toBe('ims set-ims-service -f tried to parse x as an integer.\n');
    expect((await sh(device, 'cmd phone ims set-ims-service -s zero -c com.x')).stderr).toBe('ims set-ims-service requires an integer as a SLOT_ID.\n');
    expect((await sh(device, 'cmd phone ims get-ims-service -s zero -c')).stderr).toBe('ims set-ims-service requires an integer as a SLOT_ID.\n');
    expect((await sh(device, 'cmd phone ims get-ims-service -c -f 7')).stderr).toBe('ims get-ims-service -f invalid feature.\n');
    expect((await sh(device, 'cmd phone ims get-ims-service -c -f')).stderr).toBe('ims get-ims-service -f requires valid integer as feature.\n');
    expect((await sh(device, 'cmd phone ims get-ims-service -s 0')).stderr).toBe('ims get-ims-service requires either "-c" or "-d" to be set.\n');
    expect((await sh(device, 'cmd phone ims enable -s x')).stderr).toBe('ims enable requires an integer as a SLOT_ID.\n');
    expect((await sh(device, 'cmd phone ims bogus')).code).toBe(255);
    const missing = await sh(device, 'cmd phone ims set-ims-service -s');
    expect(missing.code).toBe(255);
    expect(missing.stderr).toContain("Exception occurred while executing 'ims':\njava.lang.IllegalArgumentException: Argument expected after \"-s\"");
  });

  it('Android 15 r17 has no -u: it is skipped as an unknown option and its value ends the options', async () => {
    expect((await sh(device, 'cmd phone ims set-ims-service -s 0 -u 10 -c -f 1 com.carrier.b.ims')).stderr).toBe('ims set-ims-service requires either "-c" or "-d" to be set.\n');
  });

  it('an invalid slot prints false; enable/disable reach the bound services of the slot', async () => {
    expect((await sh(device, 'cmd phone ims set-ims-service -s 5 -c -f 1 com.x')).stdout).toBe('false\n');
    expect((await sh(device, 'cmd phone ims clear-ims-service-override -s 5')).stdout).toBe('false\n');
    expect(await sh(device, 'cmd phone ims enable -s 0')).toEqual({ stdout: '', stderr: '', code: 0 });
    expect((await sh(device, 'ims-rig-device app show com.oem.ims')).stdout).toContain('ims-enabled=0\n');
    expect((await sh(device, 'cmd phone ims conference-event-package disable')).code).toBe(0);
    expect((await sh(device, 'cmd phone ims conference-event-package')).code).toBe(255);
  });

  it('prints the IMS help for `cmd phone ims` (rc 0) and the full help for `cmd phone` (rc -1, like handleDefaultCommands)', async () => {
    const ims = await sh(device, 'cmd phone ims');
    expect(ims.code).toBe(0);
    expect(ims.stdout.split('\n')[1]).toBe('  ims set-ims-service [-s SLOT_ID] (-c | -d | -f) PACKAGE_NAME');
    expect(ims.stdout).toContain('    Clear all carrier ImsService overrides. This does not work for device \n');
    const all = await sh(device, 'cmd phone');
    expect(all.code).toBe(255);
    expect(all.stdout.startsWith('Telephony Commands:\n  help\n')).toBe(true);
    expect(all.stdout).toContain('\nIMS Commands:\n');
    expect(all.stdout).toContain('\nCarrier Config Commands:\n');
    expect(await sh(device, 'cmd phone frobnicate')).toEqual({ stdout: 'Unknown command: frobnicate\n', stderr: '', code: 255 });
  });
});

describe('a device without android.hardware.telephony.ims', () => {
  it('creates no ImsResolver: set-ims-service prints false, get-ims-service an empty line, dumpsys no resolver block', async () => {
    device = await bootDevice({ features: { 'android.hardware.telephony.ims': false } });
    expect((await sh(device, 'cmd phone ims set-ims-service -s 0 -c -f 1 com.x')).stdout).toBe('false\n');
    expect((await sh(device, 'cmd phone ims get-ims-service -s 0 -d')).stdout).toBe('\n');
    expect((await sh(device, 'cmd phone ims clear-ims-service-override')).stdout).toBe('false\n');
    const text = (await sh(device, 'dumpsys phone')).stdout;
    expect(text).toContain('  ImsResolver:\n  RcsService:\n');
    expect((await sh(device, 'logcat -d -s PhoneFactory')).stdout).toContain('IMS is not supported on this device, skipping ImsResolver.');
  });
});

describe('cmd phone cc', () => {
  beforeEach(async () => {
    device = await bootDevice();
    await setUp(device, { overlay: OEM_OVERLAY, apps: APPS, sims: { 0: { carrier_name_string: 'Carrier A' } } });
  });

  it('dumpsys carrier_config lists the merged config per phone', async () => {
    const text = (await sh(device, 'dumpsys carrier_config')).stdout;
    expect(text).toContain('  Phone Id = 0\n  subId = 1\n');
    expect(text).toContain('    carrier_name_string = Carrier A\n');
    expect(text).toContain('    config_ims_mmtel_package_override_string = null\n');
  });

  it('is root-only on a userdebug build', async () => {
    expect(await sh(device, 'cmd phone cc get-value')).toEqual({ stdout: '', stderr: 'cc: Permission denied.\n', code: 255 });
  });

  it('get-value prints `%-70s %-15s %s` lines, the IMS keys as STRING null', async () => {
    device.root();
    const one = await sh(device, 'cmd phone cc get-value -s 0 config_ims_mmtel_package_override_string');
    expect(one).toEqual({ stdout: `${'config_ims_mmtel_package_override_string'.padEnd(70)} STRING          null\n`, stderr: '', code: 0 });
    const all = (await sh(device, 'cmd phone cc get-value -s 0')).stdout.split('\n').filter(Boolean);
    expect(all).toContain(`${'carrier_name_string'.padEnd(70)} STRING          "Carrier A"`);
    expect(all).toContain(`${'carrier_volte_available_bool'.padEnd(70)} BOOLEAN         false`);
    expect([...all].sort()).toEqual(all);
    expect((await sh(device, 'cmd phone cc get-value -s 0 no_such_key')).stderr).toBe('cc get-value: no_such_key is not a valid key.\n');
    expect((await sh(device, 'cmd phone cc get-value -s 1')).stderr).toBe('cc get-value: 1 is not a valid SLOT_ID.\ncc get-value: No valid subscription found.\n');
    expect((await sh(device, 'cmd phone cc get-value -p')).stderr).toBe('cc get-value: Unexpected option -p\n');
  });

  it('set-value prints the previous and new value and rebinds through CARRIER_CONFIG_CHANGED', async () => {
    device.root();
    const r = await sh(device, `cmd phone cc set-value -s 0 ${MMTEL_KEY} com.carrier.b.ims`);
    expect(r.stdout).toBe(`Previous value: \n${MMTEL_KEY.padEnd(70)} STRING          null\nNew value: \n${MMTEL_KEY.padEnd(70)} STRING          "com.carrier.b.ims"\n`);
    expect(await bound(device)).toEqual({ '0,EMERGENCY_MMTEL': ['com.carrier.b.ims'], '0,MMTEL': ['com.carrier.b.ims'], '0,RCS': ['com.oem.ims'] });
    expect((await sh(device, 'cmd phone cc set-value -s 0 carrier_volte_available_bool maybe')).stderr).toBe('cc set-value: Unable to parse maybe as a BOOLEAN\n');
    expect((await sh(device, `cmd phone cc set-value -s 0 ${MMTEL_KEY} a b`)).stderr).toBe('cc set-value: Expected 0 or 1 values for type STRING. Found: 2\n');
  });

  it('non-persistent overrides die with the phone process; -p ones survive it (and a reboot)', async () => {
    device.root();
    await sh(device, `cmd phone cc set-value -s 0 ${RCS_KEY} com.carrier.a.ims`);
    await sh(device, 'cmd phone cc set-value -s 0 -p carrier_name_string Persistent');
    await settle(device);
    expect((await bound(device))['0,RCS']).toEqual(['com.carrier.a.ims']);
    await sh(device, 'ims-rig-device phone restart');
    expect((await bound(device))['0,RCS']).toEqual(['com.oem.ims']);
    expect((await sh(device, 'cmd phone cc get-value -s 0 carrier_name_string')).stdout).toContain('"Persistent"');
    device.reboot('');
    await device.whenBootCompleted();
    await settle(device);
    device.root();
    expect((await sh(device, 'cmd phone cc get-value -s 0 carrier_name_string')).stdout).toContain('"Persistent"');
    expect((await sh(device, 'cmd phone cc clear-values -s 0')).stdout).toBe('All previously set carrier config override values has been cleared\n');
    expect((await sh(device, 'cmd phone cc get-value -s 0 carrier_name_string')).stdout).toContain('"Carrier A"');
  });

  it('set-values-from-xml reads a PersistableBundle document from stdin (and rejects the list shape)', async () => {
    device.root();
    device.platform.fs.writeFile('/data/local/tmp/cc.xml', Buffer.from(`<carrier_config><string name="${RCS_KEY}">com.carrier.a.ims</string></carrier_config>`), 0o644, 0);
    const r = await sh(device, 'cmd phone cc set-values-from-xml -s 0 < /data/local/tmp/cc.xml');
    expect(r.stdout).toBe(`Previous value: \n${RCS_KEY.padEnd(70)} STRING          null\nNew value: \n${RCS_KEY.padEnd(70)} STRING          "com.carrier.a.ims"\n`);
    expect((await bound(device))['0,RCS']).toEqual(['com.carrier.a.ims']);
    const bad = await sh(device, 'cmd phone cc set-values-from-xml -s 0', '<carrier_config_list><carrier_config/></carrier_config_list>');
    expect(bad).toEqual({ stdout: '', stderr: 'cc set-values-from-xml: java.io.IOException: org.xmlpull.v1.XmlPullParserException: Unknown tag=carrier_config\n', code: 255 });
  });
});
