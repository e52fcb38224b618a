/**
 * `cmd phone cc …` (TelephonyShellCommand.handleCcCommand and handlers, SVCM L1703-2200; reference
 * §3.2): root only and not on a user build (`cc: Permission denied.`); without `-s` the default
 * subscription is used; set-value/set-values-from-xml print the previous and new value lines;
 * overrides go through CarrierConfigLoader.overrideConfig (which rebroadcasts
 * CARRIER_CONFIG_CHANGED); set-values-from-xml reads a PersistableBundle document from stdin.
 */
import { type Bundle, type BundleValue } from '../carrier/bundle';
import { BundleXmlError, parsePersistableBundleXml } from '../carrier/carrier-config-xml';
import { parseJavaDouble, parseJavaInt, parseJavaLong } from '../carrier/java-numbers';
import { type CcType, ccType, ccValueToString } from './cc-format';
import { printHelpCc } from './cmd-phone-help';
import { type PhoneShellServices } from './phone-shell-services';
import { IllegalArgumentException, type ShellArgs } from './shell-args';
import { type Printer } from './shell-output';

interface CcOptions {
  readonly subId: number;
  readonly persistent: boolean;
}

export interface CcIo {
  readonly out: Printer;
  readonly err: Printer;
  readonly uid: 0 | 2000;
  readonly readStdin: () => Promise<Buffer>;
}

export async function handleCcCommand(args: ShellArgs, services: PhoneShellServices, io: CcIo): Promise<number> {
  if (io.uid !== 0 || services.build.type === 'user') {
    io.err.println('cc: Permission denied.');
    return -1;
  }
  const arg = args.getNextArg();
  if (arg === null) {
    printHelpCc(io.out);
    return 0;
  }
  switch (arg) {
    case 'get-value':
      return getValue(args, services, io);
    case 'set-value':
      return setValue(args, services, io);
    case 'set-values-from-xml':
      return setValuesFromXml(args, services, io);
    case 'clear-values':
      return clearValues(args, services, io);
    default:
      io.err.println(`cc: Unknown argument: ${arg}`);
      return -1;
  }
}

/** parseCcOptions(tag, allowOptionPersistent); null after printing an error. */
function parseCcOptions(tag: string, allowPersistent: boolean, args: ShellArgs, services: PhoneShellServices, err: Printer): CcOptions | null {
  let subId = services.subscriptions.defaultSubscriptionId();
  let persistent = false;
  for (let opt = args.getNextOption(); opt !== null; opt = args.getNextOption()) {
    switch (opt) {
      case '-s': {
        let slotString: string;
        try {
          slotString = args.getNextArgRequired();
        } catch (e) {
          if (!(e instanceof IllegalArgumentException)) throw e;
          err.println(`${tag}SLOT_ID expected after -s.`);
          return null;
        }
        subId = slotStringToSubId(tag, slotString, services, err);
        if (subId < 0) {
          err.println(`${tag}No valid subscription found.`);
          return null;
        }
        break;
      }
      case '-p':
        if (!allowPersistent) {
          err.println(`${tag}Unexpected option ${opt}`);
          return null;
        }
        persistent = true;
        break;
      default:
        err.println(`${tag}Unknown option ${opt}`);
        return null;
    }
  }
  return { subId, persistent };
}

function slotStringToSubId(tag: string, slotString: string, services: PhoneShellServices, err: Printer): number {
  const slotId = parseJavaInt(slotString);
  if (slotId === null) {
    err.println(`${tag}${slotString} is not a valid number for SLOT_ID.`);
    return -1;
  }
  if (slotId < 0 || slotId >= services.subscriptions.slotCount) {
    err.println(`${tag}${slotString} is not a valid SLOT_ID.`);
    return -1;
  }
  return services.subscriptions.subId(slotId);
}

function typeOf(tag: string, key: string, bundle: Bundle, err: Printer): CcType {
  return ccType(key, bundle, () => err.println(`${tag}ERROR: ${key} has unknown type.`));
}

function getValue(args: ShellArgs, services: PhoneShellServices, io: CcIo): number {
  const tag = 'cc get-value: ';
  const options = parseCcOptions(tag, false, args, services, io.err);
  if (!options) return -1;
  const bundle = services.carrierConfig.getConfigForSubId(options.subId);
  const key = args.getNextArg();
  if (key !== null) {
    if (!bundle.has(key)) {
      io.err.println(`${tag}${key} is not a valid key.`);
      return -1;
    }
    io.out.println(ccValueToString(key, typeOf(tag, key, bundle, io.err), bundle));
    return 0;
  }
  // TreeSet<String>: String.compareTo order (UTF-16 code units), which is JS's default sort.
  for (const k of [...bundle.keys()].sort()) io.out.println(ccValueToString(k, typeOf(tag, k, bundle, io.err), bundle));
  return 0;
}

function setValue(args: ShellArgs, services: PhoneShellServices, io: CcIo): number {
  const tag = 'cc set-value: ';
  const options = parseCcOptions(tag, true, args, services, io.err);
  if (!options) return -1;
  const originalValues = services.carrierConfig.getConfigForSubId(options.subId);
  const key = args.getNextArg();
  if (key === null || key === '') {
    io.err.println(`${tag}KEY is missing`);
    return -1;
  }
  if (!originalValues.has(key)) {
    io.err.println(`${tag}${key} is not a valid key.`);
    return -1;
  }
  const valueList: string[] = [];
  while (args.peekNextArg() !== null) valueList.push(args.getNextArg() ?? '');
  const type = typeOf(tag, key, originalValues, io.err);
  if (type === 'UNKNOWN') {
    io.err.println(`${tag}ERROR: Not possible to override key with unknown type.`);
    return -1;
  }
  if (type === 'PERSISTABLE_BUNDLE') {
    io.err.println(`${tag}ERROR: Overriding of persistable bundle type is not supported. Use set-values-from-xml instead.`);
    return -1;
  }
  const value = overrideValue(tag, type, valueList, io.err);
  if (value === undefined) return -1;
  services.carrierConfig.overrideConfig(options.subId, new Map([[key, value]]), options.persistent);
  const newValues = services.carrierConfig.getConfigForSubId(options.subId);
  io.out.println(`Previous value: \n${ccValueToString(key, type, originalValues)}`);
  io.out.println(`New value: \n${ccValueToString(key, type, newValues)}`);
  return 0;
}

/** getOverrideBundle(): the typed value, null for "no value", undefined after an error. */
function overrideValue(tag: string, type: Exclude<CcType, 'UNKNOWN' | 'PERSISTABLE_BUNDLE'>, values: string[], err: Printer): BundleValue | null | undefined {
  const single = type === 'BOOLEAN' || type === 'DOUBLE' || type === 'INT' || type === 'LONG';
  if (single && values.length !== 1) {
    err.println(`${tag}Expected 1 value for type ${type}. Found: ${values.length}`);
    return undefined;
  }
  if (type === 'STRING' && values.length > 1) {
    err.println(`${tag}Expected 0 or 1 values for type ${type}. Found: ${values.length}`);
    return undefined;
  }
  const first = values[0] ?? '';
  const fail = (what: string, article = 'a'): undefined => {
    err.println(`${tag}Unable to parse ${what} as ${article} ${type}`);
    return undefined;
  };
  switch (type) {
    case 'BOOLEAN':
      if (first.toLowerCase() === 'true') return { type, value: true };
      if (first.toLowerCase() === 'false') return { type, value: false };
      return fail(first);
    case 'DOUBLE': {
      const d = parseJavaDouble(first);
      return d === null ? fail(first) : { type, value: d };
    }
    case 'INT': {
      const n = parseJavaInt(first);
      return n === null ? fail(first, 'an') : { type, value: n };
    }
    case 'LONG': {
      const n = parseJavaLong(first);
      return n === null ? fail(first) : { type, value: n };
    }
    case 'STRING':
      return values.length === 0 ? null : { type, value: first };
    case 'STRING_ARRAY':
      return values.length === 0 ? null : { type, value: values };
    case 'BOOLEAN_ARRAY':
      return values.length === 0 ? null : { type, value: values.map((v) => v.toLowerCase() === 'true') };
    case 'INT_ARRAY':
    case 'LONG_ARRAY':
    case 'DOUBLE_ARRAY': {
      if (values.length === 0) return null;
      const parse = type === 'INT_ARRAY' ? parseJavaInt : type === 'LONG_ARRAY' ? parseJavaLong : parseJavaDouble;
      const what = type === 'INT_ARRAY' ? 'an integer.' : type === 'LONG_ARRAY' ? 'a long' : 'a double.';
      const parsed = [];
      for (const v of values) {
        const p = parse(v);
        if (p === null) {
          err.println(`${tag}Unable to parse ${v} as ${what}`);
          return undefined;
        }
        parsed.push(p);
      }
      return { type, value: parsed } as BundleValue;
    }
  }
}

async function setValuesFromXml(args: ShellArgs, services: PhoneShellServices, io: CcIo): Promise<number> {
  const tag = 'cc set-values-from-xml: ';
  const options = parseCcOptions(tag, true, args, services, io.err);
  if (!options) return -1;
  const originalValues = services.carrierConfig.getConfigForSubId(options.subId);
  let overrides: Bundle;
  try {
    overrides = parsePersistableBundleXml((await io.readStdin()).toString('utf8'));
  } catch (e) {
    if (!(e instanceof BundleXmlError)) throw e;
    // readFromStream wraps parser errors: tag + IOException.toString().
    io.err.println(`${tag}java.io.IOException: ${e.message}`);
    return -1;
  }
  for (const key of overrides.keys()) {
    if (typeOf(tag, key, originalValues, io.err) === 'UNKNOWN') {
      io.err.println(`${tag}ERROR: Not possible to override key with unknown type.`);
      return -1;
    }
  }
  services.carrierConfig.overrideConfig(options.subId, overrides, options.persistent);
  const newValues = services.carrierConfig.getConfigForSubId(options.subId);
  for (const key of overrides.keys()) {
    const type = typeOf(tag, key, originalValues, io.err);
    io.out.println(`Previous value: \n${ccValueToString(key, type, originalValues)}`);
    io.out.println(`New value: \n${ccValueToString(key, type, newValues)}`);
  }
  return 0;
}

function clearValues(args: ShellArgs, services: PhoneShellServices, io: CcIo): number {
  const options = parseCcOptions('cc clear-values: ', false, args, services, io.err);
  if (!options) return -1;
  services.carrierConfig.overrideConfig(options.subId, null, true);
  io.out.println('All previously set carrier config override values has been cleared');
  return 0;
}
