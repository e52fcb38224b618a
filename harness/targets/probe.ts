/**
 * Probing a target once: its build (sdk, release, type, fingerprint, model), whether adbd is or
 * may become root, its system features, what kind of target it is, and which capabilities it has
 * (./capabilities.ts). The result is immutable and passed explicitly (style-anchors.md §6 lesson 3).
 */
import { isImsRigError } from '../errors';
import { type DeviceConnection, shellCommand, sleep } from '../adb';
import {
  ccGetValueCommand, deviationCommand, dumpsysIsubCommand, getImsServiceCommand, getpropAllCommand, listFeaturesCommand,
  overlayListCommand, parseCcGetValue, parseDumpsysIsub, parseFeatureList, parseGetImsServiceReply, parseGetpropAll, physicalSubscription,
} from '../android';
import { CARRIER_IMS_MMTEL_KEY } from '../model';
import type { TargetInfo, TargetKind, TargetVia } from '../results';
import { deriveCapabilities, type CapabilityFacts, type CommandFact, type MissingCapability, type PhysicalSim, type RootStatus } from './capabilities';
import type { Capability } from '../model';
import { RIG_APPS_HAVE_CODE } from './app-realiser';
import { readSlotCount } from './stimulus-output';
import { routesFrom, type TargetRoutes } from './target-routes';

export interface ProbeOptions {
  /**
   * Try `adb root` (and `adb remount`) to learn the root-only capabilities. Default true: a run
   * needs root for carrier config anyway. `ims-rig devices --probe` passes false (look, don't touch).
   */
  readonly escalate?: boolean;
  /** Appium server to check (default $IMS_RIG_APPIUM_URL). */
  readonly appiumUrl?: string;
  /** An Appium server the run started and is still loading: present (the UI runner waits for it). */
  readonly appiumStarted?: string;
  /** Why no Appium server can serve this target (e.g. no adb binary), when the run could not start one. */
  readonly appiumUnavailable?: string;
  readonly via?: TargetVia;
}

export interface TargetProbe {
  readonly info: TargetInfo;
  readonly capabilities: readonly Capability[];
  readonly missing: readonly MissingCapability[];
  readonly props: ReadonlyMap<string, string>;
  readonly systemFeatures: ReadonlySet<string>;
  readonly facts: CapabilityFacts;
  readonly routes: TargetRoutes;
}

/**
 * `virtual` for the ims-rig reference device (its props say so), `emulator` for `emulator-*`
 * serials and qemu builds (ro.kernel.qemu=1 / ro.boot.qemu=1, goldfish/ranchu hardware), else `device`.
 */
export function detectKind(serial: string, props: ReadonlyMap<string, string>): TargetKind {
  if (props.get('ro.ims-rig.reference_device') === '1' || (props.get('ro.build.fingerprint') ?? '').startsWith('ims-rig/')) return 'virtual';
  if (/^emulator-\d+$/.test(serial) || props.get('ro.kernel.qemu') === '1' || props.get('ro.boot.qemu') === '1'
    || /^(ranchu|goldfish)$/.test(props.get('ro.hardware') ?? '')) return 'emulator';
  return 'device';
}

async function commandFact(run: () => Promise<CommandFact>): Promise<CommandFact> {
  try {
    return await run();
  } catch (e) {
    if (isImsRigError(e) && (e.code === 'E_DEVICE' || e.code === 'E_ADB')) throw e;
    return { works: false, detail: e instanceof Error ? e.message : String(e) };
  }
}

async function probeAppium(url: string): Promise<CommandFact> {
  try {
    const response = await fetch(new URL('status', url.endsWith('/') ? url : `${url}/`), { signal: AbortSignal.timeout(3_000) });
    return response.ok ? { works: true, detail: `HTTP ${response.status}` } : { works: false, detail: `HTTP ${response.status}` };
  } catch (e) {
    return { works: false, detail: e instanceof Error ? e.message : String(e) };
  }
}

async function probeRoot(device: DeviceConnection, props: ReadonlyMap<string, string>, escalate: boolean): Promise<{ status: RootStatus; detail?: string }> {
  const id = (await device.shell(shellCommand('id'), { timeoutMs: 10_000 })).stdout.trim();
  if (/^uid=0\(/.test(id)) return { status: 'root' };
  if (props.get('ro.debuggable') !== '1') return { status: props.get('ro.build.type') === 'user' ? 'refused' : 'unknown', detail: 'ro.debuggable is not 1' };
  if (!escalate) return { status: 'rootable' };
  const root = await device.root({ timeoutMs: 60_000 });
  return root.ok ? { status: 'root' } : { status: 'refused', detail: root.message };
}

/** How long a booted target's SIM may take to get its subscription (UiccController -> SubscriptionManagerService). */
const SIM_SETTLE_MS = 20_000;

/** Probes `device`: a handful of shell commands, and with escalation `adb root` + `adb remount`. */
export async function probeTarget(device: DeviceConnection, options: ProbeOptions = {}): Promise<TargetProbe> {
  const escalate = options.escalate ?? true;
  const props = parseGetpropAll((await device.run(getpropAllCommand(), { timeoutMs: 30_000 })).stdout);
  const kind = detectKind(device.serial, props);
  const buildType = props.get('ro.build.type') ?? 'unknown';
  const systemFeatures = new Set(parseFeatureList((await device.shell(listFeaturesCommand(), { timeoutMs: 30_000 })).stdout).keys());

  const imsShell = await commandFact(async () => {
    const outcome = parseGetImsServiceReply(await device.shell(getImsServiceCommand({ slot: 0, scope: 'device', feature: 'MMTEL' }), { timeoutMs: 15_000 }));
    return outcome.ok || outcome.kind === 'timeout' ? { works: true, detail: 'get-ims-service answered' } : { works: false, detail: outcome.message };
  });
  const deviation = await device.shell(deviationCommand(), { timeoutMs: 10_000 }).catch(() => undefined);
  const stimulusTool = deviation?.exitCode === 0;

  const root = await probeRoot(device, props, escalate);
  const carrierConfig = root.status !== 'root' ? undefined : await commandFact(async () => {
    const outcome = parseCcGetValue(await device.shell(ccGetValueCommand({ slot: 0, key: CARRIER_IMS_MMTEL_KEY }), { timeoutMs: 15_000 }));
    // With no SIM the gate passed but there is nothing to read: `cc get-value: No valid subscription found.`
    if (outcome.ok || (outcome.kind === 'error' && /No valid subscription/i.test(outcome.message))) return { works: true, detail: 'cc answered' };
    return { works: false, detail: outcome.message };
  });
  const remount = root.status === 'root' && escalate ? await commandFact(async () => {
    const result = await device.remount({ timeoutMs: 60_000 });
    return { works: result.ok, detail: result.output };
  }) : undefined;
  const overlayService = await commandFact(async () => {
    const result = await device.shell(overlayListCommand('com.android.phone'), { timeoutMs: 15_000 });
    return { works: result.exitCode === 0, detail: (result.stderr.trim() || result.stdout.trim() || `exit ${result.exitCode}`).split('\n')[0] ?? '' };
  });
  const slotCount = readSlotCount(props.get('persist.radio.multisim.config') ?? '');
  // The SIM the rig may switch: only without a stimulus tool (which has its own SIMs) and as root.
  let physicalSim: PhysicalSim | undefined;
  if (!stimulusTool && root.status === 'root') {
    // A target just booted may list its SIM (gsm.sim.state not ABSENT) before SubscriptionManagerService
    // has its subscription: give it a little while rather than call the SIM unswitchable.
    const simThere = (props.get('gsm.sim.state') ?? '').split(',')[0] !== 'ABSENT';
    const deadline = Date.now() + (simThere ? SIM_SETTLE_MS : 0);
    for (;;) {
      const isub = await device.shell(dumpsysIsubCommand(), { timeoutMs: 15_000 }).catch(() => undefined);
      const found = isub?.exitCode === 0 ? physicalSubscription(parseDumpsysIsub(isub.stdout), 0) : undefined;
      if (found !== undefined) physicalSim = { slot: 0, ...found };
      if (found !== undefined || Date.now() >= deadline) break;
      await sleep(250);
    }
  }

  const appiumUrl = options.appiumUrl ?? process.env.IMS_RIG_APPIUM_URL;
  const facts: CapabilityFacts = {
    kind, buildType, root: root.status, ...(root.detail === undefined ? {} : { rootDetail: root.detail }),
    imsShell, ...(carrierConfig ? { carrierConfig } : {}), stimulusTool, ...(remount ? { remount } : {}), systemFeatures,
    ...(appiumUrl ? { appium: { ...(await probeAppium(appiumUrl)), url: appiumUrl } }
      : options.appiumStarted !== undefined ? { appium: { works: true, detail: 'started by ims-rig for this run', url: options.appiumStarted } }
      : options.appiumUnavailable !== undefined ? { appium: { works: false, detail: options.appiumUnavailable, url: '' } } : {}),
    slotCount, overlayService, ...(physicalSim ? { physicalSim } : {}), rigAppsHaveCode: RIG_APPS_HAVE_CODE,
  };
  const derived = deriveCapabilities(facts);
  const deviationName = stimulusTool ? deviation?.stdout.trim() : undefined;
  const model = props.get('ro.product.model');
  const release = props.get('ro.build.version.release');
  const abi = props.get('ro.product.cpu.abi');
  const info: TargetInfo = {
    serial: device.serial,
    kind,
    fingerprint: props.get('ro.build.fingerprint') ?? '',
    sdk: Number(props.get('ro.build.version.sdk') ?? 0),
    buildType,
    ...(model === undefined ? {} : { model }),
    ...(release === undefined ? {} : { release }),
    ...(abi === undefined || abi === '' ? {} : { abi }),
    ...(options.via === undefined ? {} : { via: options.via }),
    capabilities: derived.capabilities,
    missingCapabilities: derived.missing.map((m) => m.capability),
    ...(deviationName && deviationName !== 'none' ? { deviation: deviationName } : {}),
    ...(props.get('ro.ims-rig.reference_profile') ? { referenceProfile: props.get('ro.ims-rig.reference_profile') ?? '' } : {}),
  };
  return { info, capabilities: derived.capabilities, missing: derived.missing, props, systemFeatures, facts, routes: routesFrom(facts) };
}
