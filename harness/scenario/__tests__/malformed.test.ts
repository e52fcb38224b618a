/**
 * A malformed scenario is a bad input (exit 2): each case below must fail with exactly the message
 * `<file>: <path> <message>` DESIGN.md prescribes, never a crash and never a silent default.
 */
import { InputError, isImsRigError } from '../../errors/errors';
import { parseScenario } from '../loader';

const FILE = 'suites/priority/x.yaml';

/** A valid scenario; each case replaces one part of it. */
const parts = {
  head: 'id: priority.example\ntitle: Example\narea: priority\ndoc: "a sentence"\n',
  device: 'device:\n  slots: 1\n  overlay: { mmtel: com.oem.ims, rcs: com.oem.ims }\n',
  apps: 'apps:\n  - package: com.oem.ims\n    metadata: [EMERGENCY_MMTEL, MMTEL, RCS]\n  - package: com.carrier.b.ims\n    installed: false\n',
  sims: 'sims: { "0": carrier-a }\n',
  steps: 'steps:\n  - check: {}\n',
};
const scenario = (over: Partial<typeof parts> = {}, extra = ''): string => {
  const p = { ...parts, ...over };
  return p.head + p.device + p.apps + p.sims + extra + p.steps;
};
const steps = (...lines: string[]): Partial<typeof parts> => ({ steps: `steps:\n${lines.map((l) => `  - ${l}\n`).join('')}` });

function messageOf(text: string): string {
  try {
    parseScenario(text, FILE);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return e.message;
  }
  throw new Error('the scenario loaded, but it should have been rejected');
}

describe('malformed scenarios', () => {
  it('the base scenario is valid', () => {
    expect(parseScenario(scenario(), FILE).id).toBe('priority.example');
  });

  const cases: [string, string, string][] = [
    ['slot out of range', scenario(steps('insertSim: { slot: 2, carrier: carrier-b }', 'check: {}')),
      'steps[0].insertSim.slot must be 0 or 1'],
    ['slot the device does not have', scenario(steps('check: {}', 'insertSim: { slot: 1, carrier: carrier-b }', 'check: {}')),
      'steps[1].insertSim.slot 1 does not exist: the device has 1 slot at this step'],
    ['slot gone after setSlotCount 1', scenario({ ...steps('setSlotCount: 1', 'clearOverride: { slot: 1 }', 'check: {}'), device: 'device: { slots: 2 }\n' }),
      'steps[1].clearOverride.slot 1 does not exist: the device has 1 slot at this step'],
    ['shell metacharacters in a package', scenario({ apps: 'apps:\n  - package: com.oem.ims\n  - package: a;reboot\n' }),
      'apps[1].package "a;reboot" is not a valid Android package name'],
    ['shell metacharacters in a step package', scenario(steps('crash: { package: "com.oem.ims; reboot" }', 'check: {}')),
      'steps[0].crash.package "com.oem.ims; reboot" is not a valid Android package name'],
    ['a step naming an app the scenario does not list', scenario(steps('uninstall: { package: com.nope.ims }', 'check: {}')),
      "steps[0].uninstall.package com.nope.ims is not one of the scenario's apps"],
    ['install of an installed app', scenario(steps('install: { package: com.oem.ims }', 'check: {}')),
      'steps[0].install.package com.oem.ims is already installed at this step (list it with installed: false to install it later)'],
    ['install twice', scenario(steps('install: { package: com.carrier.b.ims }', 'check: {}', 'install: { package: com.carrier.b.ims }')),
      'steps[2].install.package com.carrier.b.ims is already installed at this step (list it with installed: false to install it later)'],
    ['uninstall of an app not installed', scenario(steps('uninstall: { package: com.carrier.b.ims }', 'check: {}')),
      'steps[0].uninstall.package com.carrier.b.ims is not installed at this step'],
    ['duplicate app packages', scenario({ apps: 'apps:\n  - package: com.oem.ims\n  - package: com.x.ims\n  - package: com.oem.ims\n' }),
      'apps[2].package com.oem.ims is listed twice (also apps[0])'],
    ['a misspelt top-level key', scenario({}, 'requries: [carrier-config]\n'),
      'requries is not a known key (did you mean requires?)'],
    ['a misspelt step field', scenario(steps('insertSim: { solt: 0, carrier: carrier-b }', 'check: {}')),
      'steps[0].insertSim.solt is not a known key (did you mean slot?)'],
    ['a misspelt app field', scenario({ apps: 'apps:\n  - package: com.oem.ims\n    metdata: [MMTEL]\n' }),
      'apps[0].metdata is not a known key (did you mean metadata?)'],
    ['an unknown step', scenario(steps('insertSlm: { slot: 0, carrier: carrier-b }')),
      'steps[0].insertSlm is not a known step (did you mean insertSim?)'],
    ['a step with two keys', scenario(steps('check: {}\n    reboot: {}')),
      'steps[0] has 2 keys (check, reboot); a step is one key, e.g. "- insertSim: {...}"'],
    ['a step that is a list', scenario(steps('[check]')),
      'steps[0] must be a single-key map like "- check: {}" (got a list)'],
    ['an area outside AREAS', scenario({ head: parts.head.replace('area: priority', 'area: prio') }),
      'area must be one of binding, priority, fallback, feature-update, emergency, multi-sim, security, compat, lifecycle, state-callback, single-registration, manifest, registration (got "prio")'],
    ['a requirement outside CAPABILITIES', scenario({}, 'requires: [carrier-config, wifi]\n'),
      'requires[1] must be one of carrier-config, shell-override, sim-control, msim-control, configurable-features, fault-injection, priv-app-install, appium, single-registration, device-overlay, reboot, app-realisation, compat-ims-service, ims-resolver, test-app-stand-ins (got "wifi")'],
    ['a carrier-config key outside the grammar', scenario({ sims: 'sims: { "0": { "bad key": 1 } }\n' }),
      'sims.0["bad key"] is not a valid carrier-config key'],
    ['an unsafe carrier IMS package', scenario(steps('setCarrierConfig: { slot: 0, values: { config_ims_mmtel_package_override_string: "a;reboot" } }', 'check: {}')),
      'steps[0].setCarrierConfig.values.config_ims_mmtel_package_override_string "a;reboot" is not a valid Android package name'],
    ['a carrier IMS key that is not a string', scenario({ sims: 'sims: { "0": { config_ims_rcs_package_override_string: 3 } }\n' }),
      'sims.0.config_ims_rcs_package_override_string must be a package name, "" or null (got 3)'],
    ['carrier config on an empty slot', scenario({ ...steps('removeSim: { slot: 0 }', 'setCarrierConfig: { slot: 0, values: { a_bool: true } }', 'check: {}') }),
      'steps[1].setCarrierConfig.slot 0 has no SIM at this step (carrier config belongs to a SIM)'],
    ['removing a SIM that is not there', scenario({ sims: 'sims: {}\n', ...steps('removeSim: { slot: 0 }', 'check: {}') }),
      'steps[0].removeSim.slot 0 has no SIM at this step'],
    ['an unknown feature', scenario({ apps: 'apps:\n  - package: com.oem.ims\n    metadata: [MMTEL, VOICE]\n' }),
      'apps[0].metadata[1] must be one of EMERGENCY_MMTEL, MMTEL, RCS (got "VOICE")'],
    ['a slot key that is not a slot', scenario({ apps: 'apps:\n  - package: com.oem.ims\n    answers: { "2": [MMTEL] }\n' }),
      'apps[0].answers.2 is not a slot (slots are "0" and "1")'],
    ['a SIM in a slot the device does not have', scenario({ sims: 'sims: { "1": carrier-a }\n' }),
      'sims.1 1 does not exist: the device has 1 slot (device.slots)'],
    ['three slots', scenario({ device: 'device: { slots: 3 }\n' }), 'device.slots must be 1 or 2'],
    ['an unsafe overlay package', scenario({ device: 'device:\n  overlay: { mmtel: "com.oem.ims && reboot" }\n' }),
      'device.overlay.mmtel "com.oem.ims && reboot" is not a valid Android package name'],
    ['a misspelt overlay field', scenario({ device: 'device:\n  overlay: { mmtl: com.oem.ims }\n' }),
      'device.overlay.mmtl is not a known key (did you mean mmtel?)'],
    ['an overlay that is neither', scenario({ device: 'device:\n  overlay: [com.oem.ims]\n' }),
      'device.overlay must be a map { mmtel, rcs }, an overlay name or a path to an overlay XML (got a list)'],
    ['an overlay fixture that does not exist', scenario({ device: 'device:\n  overlay: oem-nowhere\n' }),
      'device.overlay overlay "oem-nowhere" not found (no fixtures/overlays/oem-nowhere.xml)'],
    ['a carrier profile that does not exist', scenario({ sims: 'sims: { "0": carrier-zzz }\n' }),
      'sims.0 carrier profile "carrier-zzz" not found (no fixtures/carrier-configs/carrier-zzz.xml)'],
    ['a carrier XML path that does not exist', scenario({ sims: 'sims: { "0": ./nowhere.xml }\n' }),
      'sims.0 carrier profile file "./nowhere.xml" not found (no suites/priority/nowhere.xml)'],
    ['a carrier XML that is not well-formed (T-Mobile as AOSP ships it)',
      scenario({ sims: 'sims: { "0": "../../fixtures/real-inputs/carrier-configs/aosp-carrier_config_carrierid_1_T-Mobile-US.xml" }\n' }),
      'sims.0 fixtures/real-inputs/carrier-configs/aosp-carrier_config_carrierid_1_T-Mobile-US.xml:74:112: mismatched tag: </string> does not close <carrier_config> (opened at line 2)'],
    ['no observation', scenario(steps('reboot: {}')),
      'steps must contain a check, checkGrants, ui or checkStateCallbacks step (a scenario that observes nothing proves nothing)'],
    ['no steps', scenario({ steps: 'steps: []\n' }), 'steps must not be empty'],
    ['a missing id', scenario({ head: parts.head.replace('id: priority.example\n', '') }), 'id is required'],
    ['an id with spaces', scenario({ head: parts.head.replace('id: priority.example', 'id: priority example') }),
      'id must be lower-case words separated by dots, e.g. priority.doc-table.carrier-a'],
    ['a pin naming an unknown app', scenario(steps('check: { bindings: { "0": { MMTEL: com.nope.ims } } }')),
      "steps[0].check.bindings.0.MMTEL com.nope.ims is not one of the scenario's apps"],
    ['a pin on a slot the device does not have', scenario(steps('check: { bindings: { "1": { MMTEL: com.oem.ims } } }')),
      'steps[0].check.bindings.1 1 does not exist: the device has 1 slot at this step'],
    ['a pin on a feature that does not exist', scenario(steps('check: { bindings: { "0": { VOICE: com.oem.ims } } }')),
      'steps[0].check.bindings.0.VOICE is not a known key (known: EMERGENCY_MMTEL, MMTEL, RCS)'],
    ['an override with an unsafe package', scenario(steps('override: { slot: 0, scope: carrier, features: [MMTEL], package: "x|y" }', 'check: {}')),
      'steps[0].override.package "x|y" is not a valid Android package name'],
    ['an override with no features', scenario(steps('override: { slot: 0, scope: carrier, features: [], package: none }', 'check: {}')),
      'steps[0].override.features must not be empty'],
    ['an override scope outside carrier/device', scenario(steps('override: { slot: 0, scope: user, features: [MMTEL], package: none }', 'check: {}')),
      'steps[0].override.scope must be one of carrier, device (got "user")'],
    ['an update that changes nothing', scenario(steps('updateApp: { package: com.oem.ims }', 'check: {}')),
      'steps[0].updateApp must change metadata, answers or both'],
    ['a role holder the scenario does not list', scenario({}, 'roles: { sms: com.nope.app }\n'),
      "roles.sms com.nope.app is not one of the scenario's apps"],
    ['setSlotCount 3', scenario(steps('setSlotCount: 3', 'check: {}')), 'steps[0].setSlotCount must be 1 or 2'],
    ['a behaviour outside the list', scenario(steps('setBehaviour: { package: com.oem.ims, behaviour: flaky }', 'check: {}')),
      'steps[0].setBehaviour.behaviour must be one of normal, null-binding, query-error, crash-on-bind (got "flaky")'],
    ['a registration id the shell would have to quote', scenario(steps('registerStateCallback: { id: "a;b", slot: 0, feature: MMTEL }', 'checkStateCallbacks')),
      'steps[0].registerStateCallback.id must be a lower-case word of letters, digits and "-" (at most 24), starting with a letter, e.g. mmtel0'],
    ['a state callback for EMERGENCY_MMTEL', scenario(steps('registerStateCallback: { id: e, slot: 0, feature: EMERGENCY_MMTEL }', 'checkStateCallbacks')),
      'steps[0].registerStateCallback.feature must be one of MMTEL, RCS (got "EMERGENCY_MMTEL")'],
    ['a state callback on a slot the device does not have', scenario(steps('registerStateCallback: { id: m, slot: 1, feature: MMTEL }', 'checkStateCallbacks')),
      'steps[0].registerStateCallback.slot 1 does not exist: the device has 1 slot at this step'],
    ['the same id registered twice', scenario(steps('registerStateCallback: { id: m, slot: 0, feature: MMTEL }', 'registerStateCallback: { id: m, slot: 0, feature: RCS }', 'checkStateCallbacks')),
      'steps[1].registerStateCallback.id m is already registered at this step (unregisterStateCallback it first, or use reregisterStateCallback)'],
    ['unregistering an id never registered', scenario(steps('unregisterStateCallback: { id: m }', 'check: {}')),
      'steps[0].unregisterStateCallback.id m is not registered at this step (no registerStateCallback names it before)'],
    ['re-registering an unregistered id', scenario(steps('registerStateCallback: { id: m, slot: 0, feature: MMTEL }', 'unregisterStateCallback: { id: m }', 'reregisterStateCallback: { id: m }', 'checkStateCallbacks')),
      'steps[2].reregisterStateCallback.id m is not registered at this step (reregister replaces a registered callback; use registerStateCallback)'],
    ['checking callbacks before any registration', scenario(steps('checkStateCallbacks')),
      'steps[0].checkStateCallbacks has nothing to check: no registerStateCallback comes before it'],
    ['a pin on an unknown registration', scenario(steps('registerStateCallback: { id: m, slot: 0, feature: MMTEL }', 'checkStateCallbacks: { expect: { r: onAvailable } }')),
      'steps[1].checkStateCallbacks.expect.r r is not a registration of the scenario at this step'],
    ['a pin that is no callback', scenario(steps('registerStateCallback: { id: m, slot: 0, feature: MMTEL }', 'checkStateCallbacks: { expect: { m: onReady } }')),
      'steps[1].checkStateCallbacks.expect.m must be onAvailable, onUnavailable, onUnavailable(<reason>) with a reason of UNKNOWN_TEMPORARY_ERROR, UNKNOWN_PERMANENT_ERROR, IMS_SERVICE_DISCONNECTED, NO_IMS_SERVICE_CONFIGURED, SUBSCRIPTION_INACTIVE, IMS_SERVICE_NOT_READY, onError or observe (got "onReady")'],
    ['a feature state outside the list', scenario({ apps: 'apps:\n  - package: com.oem.ims\n    featureState: SLEEPY\n' }),
      'apps[0].featureState must be one of READY, INITIALIZING, UNAVAILABLE (got "SLEEPY")'],
    ['a wrong type', scenario({ apps: 'apps:\n  - package: com.oem.ims\n    permission: "yes"\n' }),
      'apps[0].permission must be true or false (got a string)'],
    ['a root that is a list', '- id: x\n', 'must be a map of scenario fields (id, title, area, doc, steps, …)'],
    ['an empty file', '', 'is empty; a scenario needs id, title, area, doc and steps'],
  ];

  it.each(cases)('%s', (_what, text, message) => {
    expect(messageOf(text)).toBe(message.startsWith(FILE) ? message : `${FILE}: ${message}`);
  });

  it('names the field in the error details too', () => {
    try {
      parseScenario(scenario(steps('insertSim: { slot: 2, carrier: carrier-b }', 'check: {}')), FILE);
      throw new Error('not rejected');
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect(isImsRigError(e) && e.exitCode).toBe(2);
      expect((e as InputError).field).toBe('steps[0].insertSim.slot');
      expect((e as InputError).file).toBe(FILE);
    }
  });

  it('YAML syntax errors name file, line and column', () => {
    expect(messageOf('id: x\ntitle: [a, b\narea: priority\n')).toBe(`${FILE}:3:1: YAML: Flow sequence in block collection must be sufficiently indented and end with a ]`);
    expect(messageOf('id: x\nid: y\n')).toBe(`${FILE}:2:1: YAML: Map keys must be unique`);
  });
});
