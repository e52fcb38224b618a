/**
 * `ims-rig-device app features|behaviour|crash|show` and `overlay`: drive the simulated ImsService
 * apps and the TeleService overlay.
 */
import { type Platform } from '../android/platform';
import { APP_BEHAVIOURS, type AppBehaviour, IMS_COMPAT_SERVICE_ACTION } from '../../harness/model/ims-app';
import { isValidPackageName } from '../../harness/model/package-name';
import { formatFeatures, parseFeatureList } from '../apps/answers';
import { type ImsAppProcess } from '../apps/ims-app-process';
import { type FeatureSlotPair } from '../telephony/ims/feature-slot-pair';
import { type TelephonyDevice } from '../telephony/telephony-device';
import { parseOptions, unknown, usage } from './stimulus-error';
import { type Print } from './sim-commands';

function requireApp(text: string | undefined, platform: Platform, device: TelephonyDevice): ImsAppProcess {
  if (text === undefined) throw usage('a package name is required');
  if (!isValidPackageName(text, { requireSeparator: false })) throw usage(`${JSON.stringify(text)} is not a valid package name`);
  const app = device.apps.get(text);
  if (!platform.pm.get(text) || app.imsServices().length === 0) throw unknown(`unknown package ${text}: not installed or it has no ImsService`);
  return app;
}

export function appCommand(args: readonly string[], platform: Platform, device: TelephonyDevice, print: Print): number {
  const [verb, pkg, ...rest] = args;
  switch (verb) {
    case 'features':
      return appFeatures(requireApp(pkg, platform, device), rest, print);
    case 'behaviour': {
      const app = requireApp(pkg, platform, device);
      const behaviour = rest[0];
      if (rest.length !== 1 || !(APP_BEHAVIOURS as readonly string[]).includes(behaviour ?? '')) {
        throw usage(`usage: app behaviour <pkg> ${APP_BEHAVIOURS.join('|')}`);
      }
      app.behaviourOverride = behaviour as AppBehaviour;
      print(`OK ${app.packageName} behaviour=${app.behaviour()}`);
      return 0;
    }
    case 'crash': {
      const app = requireApp(pkg, platform, device);
      if (rest.length > 0) throw usage('usage: app crash <pkg>');
      const wasRunning = app.running;
      device.apps.kill(app, 'crash');
      print(wasRunning ? `OK ${app.packageName} crashed` : `OK ${app.packageName} was not running`);
      return 0;
    }
    case 'show':
      if (rest.length > 0) throw usage('usage: app show <pkg>');
      return appShow(requireApp(pkg, platform, device), device, print);
    case undefined:
    default:
      throw usage(`app needs features, behaviour, crash or show${verb === undefined ? '' : `, not ${JSON.stringify(verb)}`}`);
  }
}

function appFeatures(app: ImsAppProcess, slotArgs: readonly string[], print: Print): number {
  const features: FeatureSlotPair[] = [];
  const seen = new Set<number>();
  for (const arg of slotArgs) {
    const match = /^([^=]*)=(.*)$/.exec(arg);
    if (!match) throw usage(`expected <slot>=<F,F…|none>, not ${JSON.stringify(arg)}`);
    const slotText = match[1] ?? '';
    if (!/^\d{1,3}$/.test(slotText)) throw usage(`slot must be a number, not ${JSON.stringify(slotText)}`);
    const slot = Number(slotText);
    if (slot > 1) throw unknown(`unknown slot ${slot}: slots are 0 and 1`);
    if (seen.has(slot)) throw usage(`slot ${slot} given twice`);
    seen.add(slot);
    const list = parseFeatureList(match[2] ?? '');
    if (typeof list === 'string') throw usage(list);
    for (const featureType of list) features.push({ slotId: slot, featureType });
  }
  const outcome = app.setFeatures(features);
  const how = outcome === 'notified' ? 'onUpdateSupportedImsFeatures sent' : 'answered at the next query';
  print(`OK ${app.packageName} features=${formatFeatures(features)} (${how})`);
  return 0;
}

function appShow(app: ImsAppProcess, device: TelephonyDevice, print: Print): number {
  const bound = device.phone?.boundComponents(app.packageName) ?? [];
  for (const service of app.imsServices()) {
    const action = service.actions.includes(IMS_COMPAT_SERVICE_ACTION) && !service.actions.includes('android.telephony.ims.ImsService') ? 'compat' : 'ims';
    print(`service=${service.className} action=${action} permission=${service.permission ?? '-'} enabled=${service.enabled} answers=${formatFeatures(app.manifestAnswers(service.className))}`);
  }
  print(`features=${formatFeatures(app.currentFeatures())}`);
  print(`behaviour=${app.behaviour()}`);
  print(`running=${app.running}`);
  print(`bound=${bound.length > 0}`);
  print(`listener=${app.hasListener()}`);
  print(`ims-enabled=${app.imsEnabledSlots().join(',') || '-'}`);
  return 0;
}

export function overlayCommand(args: readonly string[], platform: Platform, device: TelephonyDevice, print: Print): number {
  const { positional, options } = parseOptions(args, ['--mmtel', '--rcs']);
  if (positional.length > 0) throw usage('usage: overlay [--mmtel <pkg|"">] [--rcs <pkg|"">]');
  for (const [option, value] of options) {
    if (value !== '' && !isValidPackageName(value, { requireSeparator: false })) throw usage(`${option}: ${JSON.stringify(value)} is not a valid package name`);
  }
  const current = device.store.load().overlay ?? { mmtel: '', rcs: '' };
  if (options.size === 0) {
    print(`mmtel=${current.mmtel}`);
    print(`rcs=${current.rcs}`);
    return 0;
  }
  const overlay = { mmtel: options.get('--mmtel') ?? current.mmtel, rcs: options.get('--rcs') ?? current.rcs };
  device.store.update((state) => {
    state.overlay = overlay;
  });
  // Like an RRO change: the overlaid app (com.android.phone) restarts to pick it up.
  platform.restartPhoneProcess();
  print(`OK overlay mmtel=${overlay.mmtel} rcs=${overlay.rcs} (com.android.phone restarted)`);
  return 0;
}
