/**
 * Scenarios for the target tests, built as the loader would resolve them (harness/targets may not
 * import the scenario layer, not even in tests): every ImsAppSpec field defaulted as the loader
 * does, carrier profiles read from fixtures/carrier-configs with harness/formats.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseCarrierProfile } from '../../formats/carrier-config-xml';
import {
  type Capability, type CarrierProfile, type DeviceOverlay, type FullScenario, type ImsAppSpec, type PackageName,
  type RoleName, type SlotCount, type SlotKey, type Step,
} from '../../model';
import { FIXTURES_DIR, SUITES_DIR } from '../../paths';

export function app(pkg: string, fields: Partial<ImsAppSpec> = {}): ImsAppSpec {
  return {
    package: pkg as PackageName, service: `${pkg}.ImsService`, action: 'ims', permission: true, overrideBindCheck: false,
    directBootAware: true, location: 'priv-app', metadata: [], answers: {}, behaviour: 'normal', installed: true, ...fields,
  };
}

export const OEM = app('com.oem.ims', { service: 'com.oem.ims.OemImsService', metadata: ['EMERGENCY_MMTEL', 'MMTEL', 'RCS'], answers: { 0: ['EMERGENCY_MMTEL', 'MMTEL', 'RCS'] } });

export function carrier(name: string): CarrierProfile {
  const file = path.join(FIXTURES_DIR, 'carrier-configs', `${name}.xml`);
  return parseCarrierProfile(fs.readFileSync(file, 'utf8'), file, name);
}

export interface ScenarioParts {
  readonly apps?: readonly ImsAppSpec[];
  readonly sims?: Partial<Record<SlotKey, CarrierProfile | null>>;
  readonly steps?: readonly Step[];
  readonly overlay?: { mmtel: string; rcs: string };
  readonly slots?: SlotCount;
  readonly requires?: readonly Capability[];
  readonly roles?: Partial<Record<RoleName, string | null>>;
}

/** The OEM app of the doc table plus `apps`; overlay mmtel/rcs = com.oem.ims unless given. */
export function scenario(parts: ScenarioParts = {}): FullScenario {
  return {
    id: 't.fixture', title: 'fixture', area: 'priority', doc: 'd',
    file: path.join(SUITES_DIR, 'priority', 'fixture.yaml'), displayFile: 'suites/priority/fixture.yaml',
    requires: parts.requires ?? [],
    world: {
      slots: parts.slots ?? 1,
      overlay: (parts.overlay ?? { mmtel: 'com.oem.ims', rcs: 'com.oem.ims' }) as DeviceOverlay,
      apps: [OEM, ...(parts.apps ?? [])],
      sims: parts.sims ?? {},
    },
    appExtras: {},
    roles: (parts.roles ?? {}) as FullScenario['roles'],
    systemFeatures: [],
    steps: parts.steps ?? [{ kind: 'check' }],
    waivers: [],
  };
}

export const pkg = (name: string): PackageName => name as PackageName;
