/**
 * The whole lower stack against the real reference device (virtual-device/android + telephony),
 * in this process: resolve → probe → provision by hand with the android/ builders → observe with
 * the dumpsys parser. Through the server door (no adb) and through a private real adb server.
 */
import * as fs from 'node:fs';
import { createReferenceDevice } from '../../../virtual-device/android/reference-device';
import { findAdbBinary, type DeviceConnection } from '../../adb';
import {
  ccGetValueCommand, ccSetValuesFromXmlCommand, dumpsysPhoneCommand, expectOk, getImsServiceCommand, IMS_LOG_TAGS, logcatDumpCommand,
  openLogcat, overlayCommand, parseBooleanReply, parseCcGetValue, parseCcUpdate, parseDumpsysPhone, parseGetImsServiceReply, parseLogcat,
  parseWaitIdle, setImsServiceCommand, clearImsServiceOverrideCommand, simInsertCommand, waitIdleCommand, type ImsResolverDump,
} from '../../android';
import { CARRIER_IMS_RCS_KEY, parsePackageName, type BindingTable } from '../../model';
import { projectPath } from '../../paths';
import { NO_ADB_REASON, startInProcessReferenceDevice, startPrivateAdbServer, startReferenceDevice, type PrivateAdbServer } from '../../testing';
import { probeTarget } from '../probe';
import { resolveTarget, type ResolvedTarget } from '../resolve';
import type { StartReferenceDevice } from '../reference-device-process';

jest.setTimeout(120_000);

const ADB = findAdbBinary(process.env.IMS_RIG_ADB ? { ...process.env, ADB: process.env.IMS_RIG_ADB } : process.env);
const describeWithAdb = ADB !== undefined ? describe : describe.skip;
const OEM = parsePackageName('com.oem.ims');
const CARRIER_A = parsePackageName('com.carrier.a.ims');

const inProcess: StartReferenceDevice = async (options) => {
  const ref = await startReferenceDevice({ ...options, createDevice: (o) => createReferenceDevice(o) });
  return { serial: ref.serial, port: ref.port, serverPort: ref.serverPort, stop: () => ref.stop() };
};

async function observe(device: DeviceConnection): Promise<ImsResolverDump> {
  expect(parseWaitIdle((await device.run(waitIdleCommand(20_000))).stdout)).toEqual({ idle: true });
  const result = parseDumpsysPhone((await device.run(dumpsysPhoneCommand())).stdout);
  if (!result.found) throw new Error(result.reason);
  expect(result.unparsed).toEqual([]);
  return result;
}

const carrierATable: BindingTable = { '0': { EMERGENCY_MMTEL: OEM, MMTEL: OEM, RCS: CARRIER_A } };

/** The documentation's "Carrier A" row, provisioned with the android/ builders. */
async function provisionCarrierA(device: DeviceConnection): Promise<void> {
  for (const apk of ['com.oem.ims.apk', 'com.carrier.a.ims.apk']) await device.install(projectPath('apks', apk), { bypassLowTargetSdkBlock: true });
  await device.run(overlayCommand({ mmtel: OEM, rcs: OEM }));
  await device.push(fs.readFileSync(projectPath('fixtures', 'carrier-configs', 'carrier-a.xml')), '/data/local/tmp/ims-rig/carrier-a.xml');
  await device.run(simInsertCommand(0, '/data/local/tmp/ims-rig/carrier-a.xml'));
}

/** The same probe, provisioning and observations, whichever way the rig reaches the device. */
function doorAndInProcessChecks(start: () => Promise<ResolvedTarget>, via: 'built-in-server' | 'in-process'): void {
  let target: ResolvedTarget;
  beforeAll(async () => {
    target = await start();
  });
  afterAll(async () => target.release());

  it('probes as a virtual Android 15 userdebug target with every capability but appium', async () => {
    const probe = await probeTarget(target.device, { via: target.via });
    expect(probe.info).toMatchObject({ kind: 'virtual', sdk: 35, release: '15', buildType: 'userdebug', via });
    expect(probe.missing.map((m) => m.capability)).toEqual(['appium']);
    expect(probe.facts.root).toBe('root');
  });

  it('binds as the documentation\'s Carrier A row says, read back from dumpsys phone', async () => {
    expect((await observe(target.device)).observed).toEqual({ '0': { EMERGENCY_MMTEL: null, MMTEL: null, RCS: null } });
    await provisionCarrierA(target.device);
    const dump = await observe(target.device);
    expect(dump.observed).toEqual(carrierATable);
    expect(dump.carrier['0']).toEqual({ EMERGENCY_MMTEL: null, MMTEL: null, RCS: CARRIER_A });
    expect(dump.eventLog.some((l) => l.includes('putImsController - [0, RCS]'))).toBe(true);
  });

  it('cmd phone ims: get, override and clear (the CTS commands)', async () => {
    const device = target.device;
    const get = async (): Promise<string | null> => {
      const out = await device.shell(getImsServiceCommand({ slot: 0, scope: 'carrier', feature: 'RCS' }));
      return expectOk(parseGetImsServiceReply(out), out);
    };
    expect(await get()).toBe(CARRIER_A);
    const set = await device.shell(setImsServiceCommand({ slot: 0, scope: 'carrier', features: ['RCS'], package: OEM }));
    expect(expectOk(parseBooleanReply(set), set)).toBe(true);
    expect((await observe(device)).observed['0']?.RCS).toBe(OEM);
    const clear = await device.shell(clearImsServiceOverrideCommand({ slot: 0 }));
    expect(expectOk(parseBooleanReply(clear), clear)).toBe(true);
    expect((await observe(device)).observed).toEqual(carrierATable);
  });

  it('cmd phone cc (as root): set-values-from-xml through a stdin redirect, get-value reads it back', async () => {
    const device = target.device;
    await device.push(Buffer.from(`<carrier_config>\n  <string name="${CARRIER_IMS_RCS_KEY}">${OEM}</string>\n</carrier_config>\n`), '/data/local/tmp/ims-rig/cc-override.xml');
    const update = await device.shell(ccSetValuesFromXmlCommand({ slot: 0, deviceFile: '/data/local/tmp/ims-rig/cc-override.xml' }));
    expect(parseCcUpdate(update).ok).toBe(true);
    const read = await device.shell(ccGetValueCommand({ slot: 0, key: CARRIER_IMS_RCS_KEY }));
    expect(expectOk(parseCcGetValue(read), read)).toEqual([expect.objectContaining({ key: CARRIER_IMS_RCS_KEY, type: 'STRING', value: OEM })]);
    expect((await observe(device)).observed['0']?.RCS).toBe(OEM);
  });

  it('reboots: the stream drops, sys.boot_completed=1 again, and the overlay survives', async () => {
    await target.device.reboot({ timeoutMs: 90_000 });
    expect((await observe(target.device)).device).toEqual({ EMERGENCY_MMTEL: OEM, MMTEL: OEM, RCS: OEM });
  });
}

describe('the reference device through its built-in server door (no adb)', () => {
  doorAndInProcessChecks(() => resolveTarget({ adbBinary: null, env: {}, startReferenceDevice: inProcess, note: () => undefined }), 'built-in-server');
});

describe('the reference device in this process, its services opened directly (no TCP, no adb server)', () => {
  doorAndInProcessChecks(() => resolveTarget({ adbBinary: null, env: { ANDROID_SERIAL: 'ignored-in-process' }, transport: 'in-process', startInProcess: startInProcessReferenceDevice }), 'in-process');

  it('refuses a real serial: only the reference device runs in process', async () => {
    await expect(resolveTarget({ target: 'emulator-5554', transport: 'in-process', startInProcess: startInProcessReferenceDevice })).rejects.toThrow(/--transport in-process runs the reference device inside the rig; emulator-5554/);
  });

  it('refuses an unknown deviation profile as bad input', async () => {
    await expect(startInProcessReferenceDevice({ deviation: 'no-such-bug' })).rejects.toMatchObject({ code: 'E_USAGE' });
  });
});

describeWithAdb(`the reference device through a private adb server${ADB ? '' : ` (skipped: ${NO_ADB_REASON})`}`, () => {
  let server: PrivateAdbServer;
  let target: ResolvedTarget;
  beforeAll(async () => {
    server = await startPrivateAdbServer();
    target = await resolveTarget({ adbBinary: ADB as string, adbServerPort: server.port, env: {}, target: 'virtual', startReferenceDevice: inProcess });
  });
  afterAll(async () => {
    await target.release();
    await server.stop();
  });

  it('probes, provisions and observes the same table as through the door', async () => {
    expect((await probeTarget(target.device, { via: target.via })).info).toMatchObject({ kind: 'virtual', via: 'adb-server' });
    await provisionCarrierA(target.device);
    expect((await observe(target.device)).observed).toEqual(carrierATable);
  });

  it('streams logcat while the framework rebinds (openLogcat), and stops', async () => {
    const streamed: string[] = [];
    const logcat = await openLogcat(target.host!.device(target.serial), { tags: ['ImsResolver', 'ImsServiceController'] }, (line) => streamed.push(line.message));
    try {
      const set = await target.device.shell(setImsServiceCommand({ slot: 0, scope: 'carrier', features: ['RCS'], package: OEM }));
      expect(expectOk(parseBooleanReply(set), set)).toBe(true);
      await observe(target.device);
      for (let i = 0; i < 50 && streamed.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
      expect(streamed.length).toBeGreaterThan(0);
    } finally {
      logcat.stop();
      await target.device.shell(clearImsServiceOverrideCommand({ slot: 0 }));
    }
  });

  it('reads the binding decisions from logcat (threadtime, IMS tags)', async () => {
    const lines = parseLogcat((await target.device.run(logcatDumpCommand({ tags: [...IMS_LOG_TAGS] }))).stdout);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => (IMS_LOG_TAGS as readonly string[]).includes(l.tag))).toBe(true);
  });

  it('reboots: the transport drops, adb connect is re-run, sys.boot_completed=1, and the overlay survives', async () => {
    await target.device.reboot({ timeoutMs: 90_000 });
    const dump = await observe(target.device);
    expect(dump.device).toEqual({ EMERGENCY_MMTEL: OEM, MMTEL: OEM, RCS: OEM });
  });
});
