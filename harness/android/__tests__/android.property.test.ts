/**
 * Property tests of every pure parser of on-device output (issue 11, item 4): dumpsys phone (the
 * captured outputs of Android 10 to 15, mutated), dumpsys package, cmd phone ims / cc, cmd role,
 * pm, getprop, logcat, ims-rig-device, the boot id. They describe what a target printed; they
 * never throw, whatever it printed. Fixed seed FUZZ_SEED; runs and time budget per property below.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { FIXTURES_DIR } from '../../paths';
import { fuzzParameters, mutatedText, neverThrows, tokenText } from '../../testing/fuzz';
import { parseCcGetValue, parseCcLine, parseCcSetValue, parseCcUpdate } from '../cmd-phone-cc';
import { parseBooleanReply, parseGetImsServiceReply, parseSilentReply } from '../cmd-phone-ims';
import { parseRoleHolders } from '../cmd-role';
import { parseBootId } from '../device-files';
import { parsePackageDump } from '../dumpsys-package';
import { parseDumpsysPhone } from '../dumpsys-phone';
import { parseGetprop, parseGetpropAll } from '../getprop';
import { parseActiveController, parseCachedImsService, parseComponent, parseDeviceConfigLine, parseFeatureSlotPairs, parsePrintedFeatures, parseSlotFeatureHeading } from '../ims-resolver-lines';
import { parseWaitIdle } from '../ims-rig-device';
import { parseLogcat, parseLogcatLine } from '../logcat';
import { parseFeatureList, parsePackageList, parsePackagePaths } from '../pm';

const DUMPSYS_DIR = path.join(FIXTURES_DIR, 'captured', 'dumpsys-phone');
const DUMPSYS = fs.readdirSync(DUMPSYS_DIR).filter((f) => f.endsWith('.txt')).map((f) => fs.readFileSync(path.join(DUMPSYS_DIR, f), 'utf8'));

const PACKAGE_DUMP = [
  'Packages:', '  Package [com.google.android.sample.rcsclient] (6d1a0e4):', '    appId=10123', '    codePath=/product/priv-app/TestRcsApp',
  '    versionCode=14 minSdk=30 targetSdk=30', '    flags=[ SYSTEM HAS_CODE ALLOW_CLEAR_USER_DATA ALLOW_BACKUP ]',
  '    privateFlags=[ PRIVATE_FLAG_ACTIVITIES_RESIZE_MODE_RESIZEABLE_VIA_SDK_VERSION PRIVILEGED PRODUCT ]', '    requested permissions:',
  '      android.permission.MODIFY_PHONE_STATE', '      android.permission.READ_CONTACTS: restricted=true', '    install permissions:',
  '      android.permission.MODIFY_PHONE_STATE: granted=true', '    User 0: ceDataInode=12345 installed=true hidden=false suspended=false stopped=false enabled=0',
  '      runtime permissions:', '        android.permission.READ_CONTACTS: granted=false, flags=[ USER_SENSITIVE_WHEN_GRANTED|USER_SENSITIVE_WHEN_DENIED]', '',
].join('\n');

const CC_LINE = (key: string, value: string): string => `${key.padEnd(60)} = ${value.padEnd(20)}  STRING`;
const OUTPUTS = [
  '[ro.build.version.sdk]: [35]\n[ro.product.model]: [sdk_gphone64_x86_64]\n[ro.build.fingerprint]: [google/x:15/AP3A/1:userdebug/dev-keys]\n',
  'package:/system/priv-app/Foo/Foo.apk=com.foo\npackage:/data/app/~~x==/com.bar-1/base.apk=com.bar\npackage:com.baz\n',
  'feature:android.hardware.telephony\nfeature:android.hardware.telephony.ims\nfeature:reqGlEsVersion=0x30000\n',
  'package:/data/app/x/base.apk\n', 'com.android.messaging;com.google.android.apps.messaging\n', '\n', 'true\n', 'false\n', 'null\n', 'com.oem.ims\n',
  '12-02 19:00:05.566  2012  2012 I ImsResolver: Initializing cache.\n12-02 19:00:06.269  2012  2012 I ImsResolver: Received Carrier Config Changed for SlotId: 0, SubId: -1, sim state: 1\n',
  'idle\n', 'busy:rebind ComponentInfo{com.oem.ims/com.oem.ims.ImsService} (ImsServiceControllerHandler, in 120 ms)\n',
  `${CC_LINE('config_ims_mmtel_package_override_string', 'null')}\n${CC_LINE('config_ims_package_override_string', '"com.legacy.ims"')}\n`,
  `Previous value: \n${CC_LINE('config_ims_rcs_package_override_string', 'null')}\nNew value: \n${CC_LINE('config_ims_rcs_package_override_string', '"com.carrier.a.ims"')}\n`,
  'All previously set carrier config override values has been cleared\n', 'cc: Permission denied.\n', "cmd: Can't find service: phone\n",
  'Exception: java.lang.SecurityException: setBoundImsServiceOverride: Only shell user can call it\n', '0b2a4c1e-6f3d-4e55-9a10-3c2b1d0e9f87\n',
];
const TOKENS = ['ComponentInfo{', '}', '/', 'com.oem.ims', '.ImsService', '[', ']', '{s=0, f=MMTEL}', '{0,RCS}', 'features=', ', ', 'isBound=true', 'slot=0', 'feature=MMTEL', ' -> ', ': ', '=', 'granted=true', '\n', '    ', 'Packages:', 'Package [', 'null', '"', 'STRING'];

const output = fc.record({
  stdout: fc.oneof(mutatedText(OUTPUTS), tokenText(TOKENS), fc.string({ unit: 'binary', maxLength: 80 })),
  stderr: fc.oneof(fc.constant(''), mutatedText(OUTPUTS), fc.string({ maxLength: 40 })),
  exitCode: fc.oneof(fc.constantFrom(0, 1, 20, 255, -1), fc.integer()),
  command: fc.constant('cmd phone …'),
});

test('dumpsys phone: whatever the target printed, a description of it', () => {
  fc.assert(fc.property(fc.oneof(mutatedText(DUMPSYS), tokenText(TOKENS, 200)), fc.constantFrom(1, 2), (text, slotCount) => neverThrows(() => {
    parseDumpsysPhone(text, { slotCount });
    parseDumpsysPhone(text);
  })), fuzzParameters(300));
});

test('dumpsys package: never throws', () => {
  fc.assert(fc.property(fc.oneof(mutatedText([PACKAGE_DUMP]), tokenText(TOKENS)), fc.constantFrom('com.google.android.sample.rcsclient', 'com.x', ''), (text, pkg) => neverThrows(() => parsePackageDump(text, pkg))), fuzzParameters(300));
});

test('cmd phone ims / cc, cmd role: every output is an outcome, never a throw', () => {
  fc.assert(fc.property(output, (out) => neverThrows(() => {
    parseBooleanReply(out);
    parseGetImsServiceReply(out);
    parseSilentReply(out);
    parseCcGetValue(out);
    parseCcSetValue(out);
    parseCcUpdate(out);
    parseRoleHolders(out);
    for (const line of out.stdout.split('\n')) parseCcLine(line);
  })), fuzzParameters(500));
});

test('pm, getprop, logcat, ims-rig-device, boot id: never throw', () => {
  fc.assert(fc.property(fc.oneof(mutatedText(OUTPUTS), tokenText(TOKENS), fc.string({ unit: 'binary', maxLength: 120 })), (text) => neverThrows(() => {
    parseGetpropAll(text);
    parseGetprop(text);
    parsePackageList(text);
    parseFeatureList(text);
    parsePackagePaths(text);
    parseLogcat(text);
    parseLogcat(text, ['ImsResolver']);
    parseWaitIdle(text);
    parseBootId(text);
    for (const line of text.split('\n')) parseLogcatLine(line);
  })), fuzzParameters(500));
});

test('the ImsResolver dump line parsers: never throw', () => {
  const lines = DUMPSYS.flatMap((t) => t.split('\n')).filter((l) => l.trim() !== '').slice(0, 400);
  fc.assert(fc.property(fc.oneof(mutatedText(lines), tokenText(TOKENS)), (line) => neverThrows(() => {
    parseComponent(line);
    parseFeatureSlotPairs(line);
    parsePrintedFeatures(line);
    parseCachedImsService(line);
    parseActiveController(line, [line]);
    parseDeviceConfigLine(line);
    parseSlotFeatureHeading(line);
  })), fuzzParameters(600));
});
