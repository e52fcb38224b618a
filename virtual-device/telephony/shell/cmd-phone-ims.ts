/**
 * `cmd phone ims …` (TelephonyShellCommand.handleImsCommand and its handlers, SVC15; reference
 * §3.1): parsing quirks included — unknown options are skipped, `-f` values are checked one by one,
 * the slot error of get-ims-service and clear-ims-service-override names set-ims-service, and
 * without `-f` set-ims-service passes an empty feature list. Permission checks pass for shell
 * (uid 2000: MODIFY_PHONE_STATE, READ_PRIVILEGED_PHONE_STATE) and root.
 */
import { type FeatureType } from '../ims/feature-slot-pair';
import { parseJavaInt } from '../carrier/java-numbers';
import { printHelpIms } from './cmd-phone-help';
import { type PhoneShellServices } from './phone-shell-services';
import { type ShellArgs } from './shell-args';
import { type Printer } from './shell-output';

const FEATURE_MAX = 3;

/** TelephonyShellCommand.getDefaultSlot(): the default voice phone, else slot 0. */
export function defaultSlot(services: PhoneShellServices): number {
  const slotId = services.subscriptions.defaultVoicePhoneId();
  return slotId <= -1 || slotId === 2147483647 ? 0 : slotId;
}

/** String.split(regex) drops trailing empty strings (but "" splits to [""]). */
function javaSplit(text: string, separator: string): string[] {
  const parts = text.split(separator);
  while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/** Integer.parseInt that throws like Java (NumberFormatException). */
class NumberFormatException extends Error {}

function parseIntOrThrow(text: string | null): number {
  const n = text === null ? null : parseJavaInt(text);
  if (n === null) throw new NumberFormatException(`For input string: "${text}"`);
  return n;
}

export async function handleImsCommand(args: ShellArgs, services: PhoneShellServices, out: Printer, err: Printer): Promise<number> {
  const arg = args.getNextArg();
  if (arg === null) {
    printHelpIms(out);
    return 0;
  }
  switch (arg) {
    case 'set-ims-service':
      return setImsService(args, services, out, err);
    case 'get-ims-service':
      return getImsService(args, services, out, err);
    case 'clear-ims-service-override':
      return clearImsServiceOverride(args, services, out, err);
    case 'enable':
    case 'disable':
      return enableOrDisable(arg, args, services, err);
    case 'conference-event-package': {
      const opt = args.getNextArg();
      if (opt === null) return -1;
      services.setCepEnabled(opt === 'enable');
      return 0;
    }
    default:
      return -1;
  }
}

function setImsService(args: ShellArgs, services: PhoneShellServices, out: Printer, err: Printer): number {
  let slotId = defaultSlot(services);
  let isCarrierService: boolean | null = null;
  const featuresList: number[] = [];
  for (let opt = args.getNextOption(); opt !== null; opt = args.getNextOption()) {
    switch (opt) {
      case '-s':
        try {
          slotId = parseIntOrThrow(args.getNextArgRequired());
        } catch (e) {
          if (!(e instanceof NumberFormatException)) throw e;
          err.println('ims set-ims-service requires an integer as a SLOT_ID.');
          return -1;
        }
        break;
      case '-c':
        isCarrierService = true;
        break;
      case '-d':
        isCarrierService = false;
        break;
      case '-f': {
        for (const feature of javaSplit(args.getNextArgRequired(), ',')) {
          const result = parseJavaInt(feature);
          if (result === null) {
            err.println(`ims set-ims-service -f tried to parse ${feature} as an integer.`);
            return -1;
          }
          if (result < 0 || result >= FEATURE_MAX) {
            err.println(`ims set-ims-service -f ${result} is an invalid feature.`);
            return -1;
          }
          featuresList.push(result);
        }
        break;
      }
      default:
        // No default case in AOSP: unknown options (`-u` on Android 15 r17) are skipped.
        break;
    }
  }
  if (isCarrierService === null) {
    err.println('ims set-ims-service requires either "-c" or "-d" to be set.');
    return -1;
  }
  const packageName = args.getNextArg() ?? '';
  const resolver = services.resolver;
  // PhoneInterfaceManager.setBoundImsServiceOverride: false when IMS is not supported.
  let result = false;
  if (resolver !== null) {
    // HashMap<Integer, String>: one entry per listed feature; no -f => an empty map.
    const featureConfig = new Map<FeatureType, string>();
    for (const f of featuresList) featureConfig.set(f as FeatureType, packageName);
    result = resolver.overrideImsServiceConfiguration(slotId, isCarrierService, featureConfig);
  }
  out.println(result);
  return 0;
}

async function getImsService(args: ShellArgs, services: PhoneShellServices, out: Printer, err: Printer): Promise<number> {
  let slotId = defaultSlot(services);
  let isCarrierService: boolean | null = null;
  let featureType = 1;
  for (let opt = args.getNextOption(); opt !== null; opt = args.getNextOption()) {
    switch (opt) {
      case '-s':
        try {
          slotId = parseIntOrThrow(args.getNextArgRequired());
        } catch (e) {
          if (!(e instanceof NumberFormatException)) throw e;
          // AOSP's copy-pasted message names set-ims-service here.
          err.println('ims set-ims-service requires an integer as a SLOT_ID.');
          return -1;
        }
        break;
      case '-c':
        isCarrierService = true;
        break;
      case '-d':
        isCarrierService = false;
        break;
      case '-f': {
        const parsed = parseJavaInt(args.getNextArg() ?? 'null');
        if (parsed === null) {
          err.println('ims get-ims-service -f requires valid integer as feature.');
          return -1;
        }
        if (parsed < 0 || parsed >= FEATURE_MAX) {
          err.println('ims get-ims-service -f invalid feature.');
          return -1;
        }
        featureType = parsed;
        break;
      }
      default:
        break;
    }
  }
  if (isCarrierService === null) {
    err.println('ims get-ims-service requires either "-c" or "-d" to be set.');
    return -1;
  }
  const resolver = services.resolver;
  const result = resolver === null ? '' : await resolver.getImsServiceConfiguration(slotId, isCarrierService, featureType as FeatureType);
  out.println(result);
  return 0;
}

function clearImsServiceOverride(args: ShellArgs, services: PhoneShellServices, out: Printer, err: Printer): number {
  let slotId = defaultSlot(services);
  for (let opt = args.getNextOption(); opt !== null; opt = args.getNextOption()) {
    if (opt !== '-s') continue;
    try {
      slotId = parseIntOrThrow(args.getNextArgRequired());
    } catch (e) {
      if (!(e instanceof NumberFormatException)) throw e;
      err.println('ims set-ims-service requires an integer as a SLOT_ID.');
      return -1;
    }
  }
  const resolver = services.resolver;
  out.println(resolver === null ? false : resolver.clearCarrierImsServiceConfiguration(slotId));
  return 0;
}

function enableOrDisable(verb: 'enable' | 'disable', args: ShellArgs, services: PhoneShellServices, err: Printer): number {
  let slotId = defaultSlot(services);
  for (let opt = args.getNextOption(); opt !== null; opt = args.getNextOption()) {
    if (opt !== '-s') continue;
    try {
      slotId = parseIntOrThrow(args.getNextArgRequired());
    } catch (e) {
      if (!(e instanceof NumberFormatException)) throw e;
      err.println(`ims ${verb} requires an integer as a SLOT_ID.`);
      return -1;
    }
  }
  if (verb === 'enable') services.resolver?.enableIms(slotId);
  else services.resolver?.disableIms(slotId);
  return 0;
}
