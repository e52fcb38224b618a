/**
 * Test helpers: an in-process reference device (the platform helper's createReferenceDevice) with
 * the telephony stack, fixture ImsService apps built as APKs and installed with `pm install`,
 * and a small reader for the ImsResolver block of `dumpsys phone` (local to these tests).
 */
import { buildApk } from '../../../harness/formats/apk-writer';
import { createReferenceDevice, type ReferenceDevice, type ReferenceDeviceOptions } from '../../android/reference-device';

export interface RunResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number;
}

export async function bootDevice(options: ReferenceDeviceOptions = {}): Promise<ReferenceDevice> {
  const device = createReferenceDevice({ timeScale: 0.001, ...options });
  await device.whenBootCompleted();
  await settle(device);
  return device;
}

export async function sh(device: ReferenceDevice, commandLine: string, stdin?: string): Promise<RunResult> {
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  const buf = (d: Buffer | string): Buffer => (typeof d === 'string' ? Buffer.from(d) : d);
  const command = device.runShell(commandLine, { stdout: (d) => stdout.push(buf(d)), stderr: (d) => stderr.push(buf(d)) });
  if (stdin !== undefined) command.writeStdin(Buffer.from(stdin));
  command.closeStdin();
  const code = await command.exit;
  return { stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8'), code };
}

/** Waits until the telephony stack is idle (ims-rig-device wait-idle) and fails if it never is. */
export async function settle(device: ReferenceDevice, quietMs = 2500): Promise<void> {
  const r = await sh(device, `ims-rig-device wait-idle --timeout-ms 20000 --quiet-ms ${quietMs}`);
  if (r.stdout.trim() !== 'idle') throw new Error(`not idle: ${r.stdout}${r.stderr}`);
}

export interface AppOptions {
  readonly service?: string;
  readonly action?: 'ims' | 'compat' | 'both';
  readonly permission?: boolean;
  readonly metadata?: readonly ('EMERGENCY_MMTEL' | 'MMTEL' | 'RCS')[];
  readonly overrideBindCheck?: boolean;
  /** `ims-rig.answers`; undefined = no meta-data. */
  readonly answers?: string;
  readonly behaviour?: string;
  /** `ims-rig.feature-state`; undefined = READY. */
  readonly featureState?: string;
  /** Extra raw XML inside <application> (a second service, …). */
  readonly extraXml?: string;
  /** No <meta-data> at all on the service. */
  readonly noMetaData?: boolean;
  readonly exported?: boolean;
}

export function manifestXml(pkg: string, o: AppOptions = {}): string {
  const cls = o.service ?? '.ImsService';
  const actions = o.action === 'compat' ? ['android.telephony.ims.compat.ImsService'] : o.action === 'both' ? ['android.telephony.ims.ImsService', 'android.telephony.ims.compat.ImsService'] : ['android.telephony.ims.ImsService'];
  const meta: string[] = [];
  if (!o.noMetaData) {
    for (const f of o.metadata ?? []) meta.push(`<meta-data android:name="android.telephony.ims.${f}_FEATURE" android:value="true"/>`);
    if (o.overrideBindCheck) meta.push('<meta-data android:name="override_bind_check" android:value="true"/>');
    if (o.answers !== undefined) meta.push(`<meta-data android:name="ims-rig.answers" android:value="${o.answers}"/>`);
    if (o.behaviour !== undefined) meta.push(`<meta-data android:name="ims-rig.behaviour" android:value="${o.behaviour}"/>`);
    if (o.featureState !== undefined) meta.push(`<meta-data android:name="ims-rig.feature-state" android:value="${o.featureState}"/>`);
  }
  return `<?xml version="1.0" encoding="utf-8"?>
<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="${pkg}" android:versionCode="1" android:versionName="1.0">
  <uses-sdk android:minSdkVersion="30" android:targetSdkVersion="34"/>
  <application android:label="${pkg}" android:directBootAware="true">
    <service android:name="${cls}" android:exported="${o.exported === false ? 'false' : 'true'}"${o.permission === false ? '' : ' android:permission="android.permission.BIND_IMS_SERVICE"'}>
      ${meta.join('\n      ')}
      <intent-filter>${actions.map((a) => `<action android:name="${a}"/>`).join('')}</intent-filter>
    </service>
    ${o.extraXml ?? ''}
  </application>
</manifest>`;
}

let apkCounter = 0;

/** Builds the APK and installs it with `pm install` (a data app; `-r` replaces = an app update). */
export async function install(device: ReferenceDevice, pkg: string, options: AppOptions = {}): Promise<void> {
  const apk = buildApk(manifestXml(pkg, options));
  const path = `/data/local/tmp/app-${apkCounter++}.apk`;
  device.platform.fs.writeFile(path, apk, 0o644, 0);
  const r = await sh(device, `pm install -r ${path}`);
  if (!r.stdout.includes('Success')) throw new Error(`pm install ${pkg}: ${r.stdout}${r.stderr}`);
}

export async function uninstall(device: ReferenceDevice, pkg: string): Promise<void> {
  const r = await sh(device, `pm uninstall ${pkg}`);
  if (!r.stdout.includes('Success')) throw new Error(`pm uninstall ${pkg}: ${r.stdout}${r.stderr}`);
}

/** Writes a carrier-config XML to the device and inserts a SIM with it (a value of true/false is a boolean). */
export async function insertSim(device: ReferenceDevice, slot: number, values: Readonly<Record<string, string | boolean>>, iccid?: string): Promise<RunResult> {
  const body = Object.entries(values).map(([k, v]) => (typeof v === 'boolean' ? `<boolean name="${k}" value="${String(v)}"/>` : `<string name="${k}">${v}</string>`)).join('');
  const path = `/data/local/tmp/carrier-${slot}-${apkCounter++}.xml`;
  device.platform.fs.writeFile(path, Buffer.from(`<carrier_config>${body}</carrier_config>`), 0o644, 0);
  return sh(device, `ims-rig-device sim insert ${slot} ${path}${iccid ? ` --iccid ${iccid}` : ''}`);
}

import { TelephonyDevice } from '../telephony-device';
import { bindings, readResolverDump, type ResolverDump } from './dumpsys-reader';

/** Fails on errors of the simulation itself (not Java exceptions AOSP would throw). */
export function expectNoInternalErrors(device: ReferenceDevice): void {
  const errors = TelephonyDevice.existing(device.platform)?.internalErrors ?? [];
  if (errors.length > 0) throw new Error(`telephony simulation errors: ${errors.map((e) => (e instanceof Error ? (e.stack ?? e.message) : String(e))).join('\n')}`);
}

export async function dump(device: ReferenceDevice): Promise<ResolverDump> {
  await settle(device);
  expectNoInternalErrors(device);
  const r = await sh(device, 'dumpsys phone');
  return readResolverDump(r.stdout);
}

/** The binding table after the device has settled: "slot,FEATURE" -> packages. */
export async function bound(device: ReferenceDevice): Promise<Record<string, string[]>> {
  return bindings(await dump(device));
}

export interface Setup {
  readonly overlay?: { readonly mmtel?: string; readonly rcs?: string };
  readonly apps?: Readonly<Record<string, AppOptions>>;
  readonly sims?: Readonly<Record<number, Readonly<Record<string, string | boolean>>>>;
}

/** Overlay (restarts the phone process), then apps, then SIMs; settled. */
export async function setUp(device: ReferenceDevice, setup: Setup): Promise<void> {
  if (setup.overlay) {
    const o = setup.overlay;
    const r = await sh(device, `ims-rig-device overlay --mmtel '${o.mmtel ?? ''}' --rcs '${o.rcs ?? ''}'`);
    if (r.code !== 0) throw new Error(r.stderr);
  }
  for (const [pkg, options] of Object.entries(setup.apps ?? {})) await install(device, pkg, options);
  for (const [slot, values] of Object.entries(setup.sims ?? {})) {
    const r = await insertSim(device, Number(slot), values);
    if (r.code !== 0) throw new Error(r.stderr);
  }
  await settle(device);
}

export const OEM_ALL = { metadata: ['EMERGENCY_MMTEL', 'MMTEL', 'RCS'] } as const satisfies AppOptions;
export const MMTEL_KEY = 'config_ims_mmtel_package_override_string';
export const RCS_KEY = 'config_ims_rcs_package_override_string';
export const LEGACY_KEY = 'config_ims_package_override_string';
